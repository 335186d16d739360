"""Where the data the generator reads lives: the entry schema (``schema/``) and the vendored reference facts
(``reference/``).

In the repository they stay top-level folders (entries' modeline points at ``../schema/``). A wheel
(``pip install .``) carries them inside the package as ``generator/_schema`` and ``generator/_reference``
(pyproject.toml maps them with ``package-dir``), so an installed generator works outside the repository.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def data_folder(name: str) -> Path:
    """The folder ``name`` ("schema" or "reference"): the installed copy when there is one, else the
    repository's own (a checkout or an editable install)."""
    installed = _PACKAGE / f"_{name}"
    return installed if installed.is_dir() else _PACKAGE.parent / name
