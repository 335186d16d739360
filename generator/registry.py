"""The vendored IANA registry table (reference/iana-http-status-codes-*.csv)."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from .data import data_folder

REFERENCE_DIR = data_folder("reference")
REGISTRY_FILE = REFERENCE_DIR / "iana-http-status-codes-2025-09-15.csv"


@dataclass(frozen=True)
class RegistryRow:
    code: int
    phrase: str
    status: str
    document: str
    section: str
    url: str
    cacheable: bool


def _document_name(raw: str) -> str:
    # The registry writes "RFC9110"; entries write "RFC 9110".
    return f"RFC {raw[3:]}" if raw.startswith("RFC") else raw


def load_registry(path: Path = REGISTRY_FILE) -> dict[int, RegistryRow]:
    with path.open(encoding="utf-8", newline="") as handle:
        return {
            int(row["code"]): RegistryRow(
                code=int(row["code"]),
                phrase=row["phrase"],
                status=row["registry_status"],
                document=_document_name(row["spec"]),
                section=row["section"],
                url=row["spec_url"],
                cacheable=row["cacheable_by_default"] == "yes",
            )
            for row in csv.DictReader(handle)
        }
