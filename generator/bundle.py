"""Zip a built site into one file (the offline copy), the same bytes for the same site."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

# Zip timestamps cannot be earlier than 1980; without SOURCE_DATE_EPOCH every file gets this date.
_DEFAULT_STAMP = (1980, 1, 1, 0, 0, 0)


def zip_folder(folder: Path, out: Path) -> int:
    """Write every file under ``folder`` into the zip ``out``, inside a top folder named like ``folder``.

    Entries are sorted and dated from ``SOURCE_DATE_EPOCH`` (or 1980-01-01), so the zip depends only on the
    files. The zip is written next to ``out`` and renamed into place, so a failure leaves no half-written
    file. Returns the zip's size in bytes; raises ``OSError`` when ``out`` cannot be written.
    """
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(f".{out.name}.partial")
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    stamp = _DEFAULT_STAMP
    if epoch and epoch.isdigit():
        import time

        stamp = max(time.gmtime(int(epoch))[:6], _DEFAULT_STAMP)
    try:
        with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
            for path in sorted(p for p in folder.rglob("*") if p.is_file()):
                info = zipfile.ZipInfo(f"{folder.name}/{path.relative_to(folder).as_posix()}", date_time=stamp)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                archive.writestr(info, path.read_bytes())
        partial.replace(out)
    finally:
        partial.unlink(missing_ok=True)
    return out.stat().st_size
