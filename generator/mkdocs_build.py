"""Build and serve with MkDocs, for the command line and the tests. With ``mkdocs_plugin.py``, the only module
that imports MkDocs (``python -m generator build`` and ``serve`` import it; ``validate``, ``new`` and ``render``
never do).

The command line's settings (``--codes``, ``--skip-rule``) are handed to the statuscodes plugin as its own
options, through MkDocs' config loading: MkDocs checks them (the codes folder must exist) and resolves them
relative to mkdocs.yml like every other path, so a command-line build reads exactly what a plain
``mkdocs build`` of the same config would, except for the overridden options.
"""

from __future__ import annotations

import copy
import logging
import os
import shutil
import sys
from pathlib import Path
from typing import TextIO

# Material prints an end-of-life banner unless this is set before it is imported.
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

from mkdocs.commands.build import build  # noqa: E402
from mkdocs.config import load_config as mkdocs_load_config  # noqa: E402
from mkdocs.exceptions import MkDocsException  # noqa: E402
from mkdocs.utils.yaml import yaml_load  # noqa: E402

from .mkdocs_plugin import InvalidEntries  # noqa: E402

PLUGIN = "statuscodes"


class _PluginList(list):
    """A ``plugins`` value MkDocs can load more than once: its loader empties each ``{name: options}`` item
    as it reads it, and ``mkdocs serve`` loads the config again for every rebuild from the same value."""

    def __iter__(self):
        return (copy.deepcopy(item) for item in super().__iter__())


def plugin_overrides(config_file: Path, **options) -> list:
    """The ``plugins`` list of ``config_file`` with ``options`` (those not None) set on the statuscodes plugin.

    Raises ``MkDocsException`` (a ``ConfigurationError``) when the file cannot be read or does not use the
    plugin.
    """
    from mkdocs.exceptions import ConfigurationError

    try:
        with open(config_file, "rb") as handle:
            raw = yaml_load(handle)
    except OSError as error:
        raise ConfigurationError(f"{config_file}: cannot read the config file ({error.strerror})") from None
    options = {key: value for key, value in options.items() if value is not None}
    plugins = raw.get("plugins") or []
    if isinstance(plugins, dict):  # MkDocs accepts a mapping of name -> options too
        plugins = [{name: value} for name, value in plugins.items()]
    result, found = [], False
    for item in plugins:
        name = item if isinstance(item, str) else next(iter(item))
        if name == PLUGIN:
            found = True
            current = {} if isinstance(item, str) else dict(item[name] or {})
            item = {name: {**current, **options}}
        result.append(item)
    if not found:
        raise ConfigurationError(f"{config_file} does not use the {PLUGIN} plugin")
    return _PluginList(result)


def load_config(
    config_file: Path,
    *,
    codes_dir: Path | str | None = None,
    skip_rules: list[str] | None = None,
    **mkdocs_options,
):
    """MkDocs' own config for ``config_file``, with the plugin's ``codes_dir`` and ``skip_rules`` replaced when
    given and any top-level option (``site_dir``, ``site_url``, ``strict``...) from ``mkdocs_options``.

    Raises ``mkdocs.exceptions.Abort`` on an invalid configuration (MkDocs has logged why: a codes folder that
    does not exist, an unknown option).
    """
    plugins = plugin_overrides(
        config_file,
        codes_dir=None if codes_dir is None else str(Path(codes_dir).resolve()),
        skip_rules=None if skip_rules is None else list(skip_rules),
    )
    return mkdocs_load_config(config_file=str(config_file), plugins=plugins, **mkdocs_options)


def _logging(stream: TextIO, quiet: bool) -> logging.Handler:
    """Print MkDocs' log to ``stream`` the way its own command line does; returns the handler to remove.

    The plugin's list of invalid entries is left out of the log: ``build_site`` prints it unwrapped, one
    ``file:line: field: message`` per line, as ``validate`` does.
    """
    from mkdocs.__main__ import ColorFormatter

    logger = logging.getLogger("mkdocs")
    logger.propagate = False
    logger.setLevel(logging.WARNING if quiet else logging.INFO)
    handler = logging.StreamHandler(stream)
    handler.setFormatter(ColorFormatter())
    handler.addFilter(lambda record: not str(record.msg).startswith(InvalidEntries.PREFIX))
    logger.addHandler(handler)
    return handler


def _invalid_entries(error: BaseException) -> InvalidEntries | None:
    """The plugin's InvalidEntries behind MkDocs' Abort, if that is why the build stopped."""
    while error is not None:
        if isinstance(error, InvalidEntries):
            return error
        error = error.__cause__ or error.__context__
    return None


# The offline copy (``offline=True``): Material's offline plugin (file:// links, the search index as a script)
# plus a vendored iframe-worker shim, which the plugin would otherwise load from unpkg.com (generator/vendor/).
OFFLINE_SHIM = Path(__file__).resolve().parent / "vendor" / "iframe-worker-shim.js"
OFFLINE_SHIM_PATH = "assets/javascripts/iframe-worker-shim.js"


def _make_offline(config) -> None:
    """Turn a loaded config into the offline copy's: the offline plugin on, the local shim as its polyfill."""
    from material.plugins.offline.plugin import OfflinePlugin

    plugin = OfflinePlugin()
    plugin.load_config({"enabled": True})
    config.plugins["material/offline"] = plugin
    # The plugin adds unpkg's shim only when no polyfill names iframe-worker: this one is found first.
    config.extra["polyfills"] = [*config.extra.get("polyfills", []), OFFLINE_SHIM_PATH]


def build_site(
    site_dir: Path,
    config_file: Path,
    *,
    codes_dir: Path | str | None = None,
    skip_rules: list[str] | None = None,
    site_url: str | None = None,
    quiet: bool = False,
    stream: TextIO | None = None,
    offline: bool = False,
) -> int:
    """``mkdocs build --strict`` of ``config_file`` into a temporary sibling of ``site_dir``, swapped in only when
    the build succeeds, so a failed build (invalid entries included: the plugin validates them) never leaves a
    half-written or clobbered site.

    With ``offline``, the copy that works from disk (``file://``): page links end in .html, search needs no server.
    Returns 0 on success and 1 on failure, after printing why to ``stream`` (standard error by default).
    Anything but a MkDocs error (a bug) is raised, after the staging folder is removed.
    """
    stream = stream or sys.stderr
    site_dir = Path(site_dir).resolve()
    staging = site_dir.with_name(f".{site_dir.name}.building-{os.getpid()}")
    retired = site_dir.with_name(f".{site_dir.name}.old-{os.getpid()}")
    shutil.rmtree(staging, ignore_errors=True)
    handler = _logging(stream, quiet)
    try:
        config = load_config(
            config_file,
            codes_dir=codes_dir,
            skip_rules=skip_rules,
            site_dir=str(staging),
            site_url=site_url,
            strict=True,
        )
        if offline:
            _make_offline(config)
        build(config)
        if offline:
            (staging / OFFLINE_SHIM_PATH).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(OFFLINE_SHIM, staging / OFFLINE_SHIM_PATH)
    except MkDocsException as error:
        shutil.rmtree(staging, ignore_errors=True)
        invalid = _invalid_entries(error)
        if invalid is not None:
            print(invalid.report, file=stream)
            print(f"not building: {site_dir.name}/ was left as it was", file=stream)
            return 1
        if str(error):
            print(f"Error: {error}", file=stream)
        print(f"build failed; {site_dir.name}/ was left as it was", file=stream)
        return 1
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    finally:
        logging.getLogger("mkdocs").removeHandler(handler)
    if site_dir.exists():
        site_dir.rename(retired)
    staging.rename(site_dir)
    shutil.rmtree(retired, ignore_errors=True)
    return 0


def serve(
    config_file: Path,
    *,
    codes_dir: Path | str | None = None,
    skip_rules: list[str] | None = None,
    dev_addr: str | None = None,
) -> int:
    """``mkdocs serve --livereload`` of ``config_file`` with the plugin options overridden; returns when stopped."""
    from mkdocs.commands.serve import serve as mkdocs_serve

    handler = _logging(sys.stderr, quiet=False)
    try:
        plugins = plugin_overrides(
            config_file,
            codes_dir=None if codes_dir is None else str(Path(codes_dir).resolve()),
            skip_rules=None if skip_rules is None else list(skip_rules),
        )
        mkdocs_serve(config_file=str(config_file), livereload=True, plugins=plugins, dev_addr=dev_addr)
    except MkDocsException as error:
        print(f"Error: {error}", file=sys.stderr)
        return 1
    except OSError as error:  # the address is taken, most often
        print(f"Error: cannot serve on {dev_addr or 'the configured address'}: {error.strerror}", file=sys.stderr)
        return 1
    finally:
        logging.getLogger("mkdocs").removeHandler(handler)
    return 0
