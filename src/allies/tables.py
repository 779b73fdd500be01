"""One reader for the package's commented TSV data files, checked against a schema.

A data file is tab-separated text: lines starting with ``#`` are comments, blank
lines are skipped, the first other line is the header. A :class:`Schema` names the
columns the header must have and a check for each column's values; a row that
breaks it stops the load with ``file:line: what is wrong`` (a misspelt category
or a code that does not exist would otherwise silently turn a rule off).

    rows = read_tsv("allies.nlp", "voice_words.tsv", Schema((Column("word"), Column("category", one_of(...)))))
    rows[0]["word"], rows[0].line   # values are stripped; line numbers are the file's
"""
from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from typing import Callable, Iterable

from .errors import AlliesError

# A check returns what is wrong with a value, or None when it is fine.
Check = Callable[[str], "str | None"]


class DataFileError(AlliesError):
    """A package data file that breaks its schema: ``file:line: what is wrong``."""


@dataclass(frozen=True)
class Column:
    name: str
    check: Check | None = None
    optional: bool = False  # may be left off at the end of a row (read as "")


@dataclass(frozen=True)
class Schema:
    columns: tuple[Column, ...]
    spill: str | None = None  # the column that takes any extra fields, joined by a space
    rest: str | None = None   # the last column may repeat: extra fields are more of it

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(column.name for column in self.columns)


@dataclass(frozen=True)
class Row:
    """One data row: its values by column name, and where it comes from."""

    file: str
    line: int
    values: dict[str, str]
    extra: tuple[str, ...] = field(default=())  # the repeats of a ``rest`` column

    def __getitem__(self, name: str) -> str:
        return self.values[name]

    def get(self, name: str, default: str = "") -> str:
        return self.values.get(name, default)

    @property
    def where(self) -> str:
        return f"{self.file}:{self.line}"


def data_text(package: str, name: str) -> str:
    return resources.files(package).joinpath("data", name).read_text(encoding="utf-8")


def lines_of(text: str) -> list[tuple[int, list[str]]]:
    """(line number, fields) of a data file's non-comment, non-blank lines, header first."""
    return [(number, line.rstrip("\r").split("\t")) for number, line in enumerate(text.split("\n"), start=1)
            if line.strip() and not line.startswith("#")]


def read_tsv(package: str, name: str, schema: Schema) -> list[Row]:
    """The rows of ``package``'s ``data/name``, checked against ``schema``."""
    return parse_tsv(name, data_text(package, name), schema)


def parse_tsv(name: str, text: str, schema: Schema) -> list[Row]:
    """The rows of a data file's text; ``name`` is what errors call the file."""
    found = lines_of(text)
    if not found:
        raise DataFileError(f"{name}:1: no header line")
    number, header = found[0]
    header = [cell.strip() for cell in header]
    if tuple(header) != schema.names:
        raise DataFileError(f"{name}:{number}: header is {' '.join(header)!r}, expected {' '.join(schema.names)!r}")
    return [_row(name, number, fields, schema) for number, fields in found[1:]]


def _row(name: str, number: int, fields: list[str], schema: Schema) -> Row:
    cells = [cell.strip() for cell in fields]
    width = len(schema.columns)
    extra: tuple[str, ...] = ()
    if len(cells) > width and schema.spill is not None:
        at = schema.names.index(schema.spill)
        spilled = len(cells) - width
        cells = [*cells[:at], " ".join(cells[at:at + spilled + 1]), *cells[at + spilled + 1:]]
    elif len(cells) > width and schema.rest is not None:
        cells, extra = cells[:width], tuple(cells[width:])
    if len(cells) > width:
        raise DataFileError(f"{name}:{number}: {len(cells)} fields, expected {width} ({', '.join(schema.names)})")
    required = sum(1 for column in schema.columns if not column.optional)
    if len(cells) < required:
        raise DataFileError(f"{name}:{number}: {len(cells)} fields, expected {required} ({', '.join(schema.names)})")
    values = dict(zip(schema.names, cells + [""] * (width - len(cells))))
    for column in schema.columns:
        value = values[column.name]
        if column.check is None or (column.optional and not value):
            continue
        for each in (value, *(extra if column.name == schema.rest else ())):
            problem = column.check(each)
            if problem:
                raise DataFileError(f"{name}:{number}: column {column.name}: {problem}")
    return Row(name, number, values, extra)


# ------------------------------------------------------------------ checks
def one_of(allowed: Iterable[str], what: str = "value") -> Check:
    known = frozenset(allowed)

    def check(value: str) -> str | None:
        if value in known:
            return None
        return f"unknown {what} {value!r} (known: {', '.join(sorted(known))})"
    return check


def nonempty(value: str) -> str | None:
    return None if value else "empty value"


def word(value: str) -> str | None:
    """A lower-case word or phrase (a lemma, a marker)."""
    if not value:
        return "empty value"
    if value != value.lower():
        return f"{value!r} is not lower case"
    return None


def number(value: str) -> str | None:
    try:
        float(value)
    except ValueError:
        return f"{value!r} is not a number"
    return None


def all_of(*checks: Check) -> Check:
    def check(value: str) -> str | None:
        return next((problem for problem in (c(value) for c in checks) if problem), None)
    return check
