"""Importing event datasets (GDELT, ICEWS, POLECAT, ACLED, allies event files) into the store.

>>> from allies import Store
>>> from allies.imports import import_files
>>> results = import_files(Store("allies.duckdb"), ["20191024143000.export.CSV.zip"])  # doctest: +SKIP
>>> print(results[0].summary())                                                        # doctest: +SKIP

Every file is read by DuckDB's own CSV/Parquet/JSON readers and mapped to the allies
``events`` table in SQL (see :mod:`allies.imports.runner`); duplicates are folded and
counted, bad rows skipped and reported with their line numbers, and a file is imported
completely or not at all.
"""
from __future__ import annotations

import os
from typing import Any, Callable, Iterable

from ..errors import InputError
from . import acled, events, gdelt, icews, polecat
from .codes import install as install_code_tables
from .runner import ImportResult, run_file
from .sources import InputFile, expand_paths, first_line, opened

# Kinds of file `allies import` knows, with their readers. "atop" is formal ties, not
# events, and is handled by allies.imports.atop.
READERS: dict[str, Callable] = {
    "gdelt": gdelt.stage,
    "icews": icews.stage,
    "polecat": polecat.stage,
    "acled": acled.stage,
    "events": events.stage,
}
KINDS = tuple(READERS) + ("atop",)

__all__ = ["import_files", "import_file", "detect_kind", "ImportResult", "KINDS"]


def detect_kind(file: InputFile) -> str:
    """Which dataset a file holds, from its name and first line."""
    name = file.base_name
    if name.endswith((".parquet", ".jsonl", ".ndjson", ".json")):
        return "events"
    line = first_line(file)
    if gdelt.looks_like(line):
        return "gdelt"
    for kind, module in (("icews", icews), ("polecat", polecat), ("acled", acled)):
        if module.looks_like(line):
            return kind
    if name.startswith("atop") or ("ccode1" in line.lower() and "atop_" in line.lower()):
        return "atop"
    raise InputError(
        f"cannot tell what kind of dataset {file.name} is; name it: allies import {{{'|'.join(KINDS)}}} PATH"
    )


def import_file(store: Any, file: InputFile, kind: str | None = None) -> ImportResult | dict:
    """Import one readable file (see :func:`import_files`)."""
    kind = kind or detect_kind(file)
    if kind == "atop":
        try:
            from .atop import import_atop  # written by the relations stage
        except ImportError:
            raise InputError("ATOP import is not available in this installation of allies") from None
        return import_atop(store, str(file.path))
    if kind not in READERS:
        raise InputError(f"unknown dataset kind {kind!r}; known: {', '.join(KINDS)}")
    reader = READERS[kind]
    return run_file(store.con, kind, file.name, lambda con: reader(con, file), input_bytes=_read_bytes(file))


# How much larger than its file a compressed input reads (text and Parquet compress
# about 5 to 10 times): where it is staged depends on the size as read.
COMPRESSED_GROWTH = 6


def _read_bytes(file: InputFile) -> int | None:
    """The size of ``file`` as read, estimated for gzip and Parquet; None if unknown."""
    try:
        size = file.path.stat().st_size
    except OSError:
        return None
    compressed = file.compression != "none" or file.base_name.endswith(".parquet")
    return size * COMPRESSED_GROWTH if compressed else size


def import_files(store: Any, paths: Iterable[str | os.PathLike], kind: str | None = None,
                 on_result: Callable[[Any], None] | None = None) -> list[Any]:
    """Import event files (paths, folders, globs; ``.gz`` and ``.zip`` read directly)
    into ``store`` and return one :class:`ImportResult` per file.

    ``kind`` is one of :data:`KINDS`; without it each file's kind is detected. Each file
    is one transaction: a file that fails (say, a truncated archive) raises
    :class:`InputError` and leaves nothing of itself behind; files before it stay
    imported.
    """
    if kind is not None and kind not in KINDS:
        raise InputError(f"unknown dataset kind {kind!r}; known: {', '.join(KINDS)}")
    files = expand_paths(paths)
    con = store.con
    install_code_tables(con)
    results = []
    for path in files:
        with opened(path) as members:
            for member in members:
                if kind is None and len(files) + len(members) > 2:
                    # In a folder or an archive of many files, one that is no dataset
                    # (a README, a checksum list) is reported and passed over.
                    try:
                        detect_kind(member)
                    except InputError as exc:
                        result = ImportResult(dataset="unknown", path=member.name,
                                              skipped=[{"line": 0, "reason": str(exc)}])
                        results.append(result)
                        if on_result is not None:
                            on_result(result)
                        continue
                result = import_file(store, member, kind)
                results.append(result)
                if on_result is not None:
                    on_result(result)
    return results
