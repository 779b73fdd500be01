"""The commented-TSV loader (:mod:`allies.tables`, shared by every package) and the
checks only the coder's data need: CAMEO codes, looked up in the code book."""
from __future__ import annotations

from ..tables import (Check, Column, DataFileError, Row, Schema, all_of, data_text, lines_of, nonempty,  # noqa: F401
                      number, one_of, parse_tsv, read_tsv, word)


def cameo_code(value: str) -> str | None:
    """A code the CAMEO code book has."""
    from .codebook import CODEBOOK

    if not (value.isdigit() and 2 <= len(value) <= 4):
        return f"{value!r} is not a CAMEO code (two to four digits)"
    entry = CODEBOOK.get(value)
    return None if entry is not None and entry.code == value else f"{value!r} is not in the CAMEO code book"


def cameo_code_or_none(value: str) -> str | None:
    """A CAMEO code, or "-" for none."""
    return None if value == "-" else cameo_code(value)


def carrier_code(value: str) -> str | None:
    """A CAMEO code, "-" for the general code, or "none": the carrier makes no event of its own."""
    return None if value in ("-", "none") else cameo_code(value)
