"""Generator for the HTTP status code reference.

Pipeline: codes/*.yaml -> loader (with line numbers) -> rules (validation) -> model -> render -> adapter.
Nothing here imports MkDocs except ``mkdocs_plugin``.
"""
