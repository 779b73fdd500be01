"""The CAMEO event code book: names, Goldstein values, quad classes, PLOVER types.

The table lives in ``data/cameo.tsv`` (names written for this project; the
Goldstein and PLOVER columns are derived by ``tools/build_cameo_table.py``
from the reference tables). It is read once, on first use.

    >>> from allies.nlp.codebook import CODEBOOK, cameo
    >>> cameo("042").plover
    'CONSULT'
    >>> CODEBOOK.quad("19")
    'material_conflict'
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Iterator

from ..errors import InputError
from .tables import Column, Schema, nonempty, number, one_of, read_tsv

_DATA_FILE = "cameo.tsv"
QUADS = ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")


def _code_format(value: str) -> str | None:
    return None if value.isdigit() and 2 <= len(value) <= 4 else f"{value!r} is not two to four digits"


_SCHEMA = Schema((
    Column("code", _code_format), Column("name", nonempty), Column("goldstein", number),
    Column("quad", one_of(QUADS, "quad class")), Column("plover", optional=True),
    Column("plover_mode", optional=True), Column("plover_context", optional=True),
))


@dataclass(frozen=True)
class CameoCode:
    code: str
    name: str
    goldstein: float
    quad: str
    plover: str | None
    plover_mode: str | None
    root: str
    plover_context: str | None = None

    @property
    def level(self) -> int:
        """1 for a root ("19"), 2 for a three-digit code, 3 for a four-digit one."""
        return len(self.code) - 1

    @property
    def parent(self) -> str | None:
        """The next code up ("1231" -> "123", "123" -> "12"), None for a root."""
        if len(self.code) == 2:
            return None
        return self.code[:-1] if len(self.code) == 4 else self.code[:2]


def normalise_code(code: object) -> str | None:
    """A CAMEO code as the code book writes it, or None if it cannot be one.

    A single digit is a root written without its zero ("4" -> "04"); codes
    that lost their leading zero elsewhere are repaired by :meth:`CodeBook.get`.
    """
    if code is None:
        return None
    text = str(code).strip()
    if not text.isdigit():
        return None
    if len(text) == 1:
        return "0" + text
    return text


class CodeBook:
    """All CAMEO codes, indexed by code string ("01" ... "2042")."""

    def __init__(self, entries: dict[str, CameoCode]):
        self._entries = entries

    @classmethod
    def from_rows(cls, rows: list[dict[str, str]]) -> "CodeBook":
        entries: dict[str, CameoCode] = {}
        for row in rows:
            code = row["code"].strip()
            entries[code] = CameoCode(
                code=code,
                name=row["name"].strip(),
                goldstein=float(row["goldstein"]),
                quad=row["quad"].strip(),
                plover=row.get("plover", "").strip() or None,
                plover_mode=row.get("plover_mode", "").strip() or None,
                root=code[:2],
                plover_context=row.get("plover_context", "").strip() or None,
            )
        return cls(entries)

    @classmethod
    def load(cls) -> "CodeBook":
        return cls.from_rows([row.values for row in read_tsv(__package__, _DATA_FILE, _SCHEMA)])

    def get(self, code: object) -> CameoCode | None:
        key = normalise_code(code)
        if key is None:
            return None
        entry = self._entries.get(key)
        if entry is None and ("0" + key) in self._entries:
            # a code stored as a number lost its zero: 42 -> "042", 311 -> "0311"
            entry = self._entries["0" + key]
        return entry

    def require(self, code: object) -> CameoCode:
        """Like :meth:`get`, but an unknown code is an :class:`InputError`."""
        entry = self.get(code)
        if entry is None:
            raise InputError(f"unknown CAMEO code: {code!r}")
        return entry

    def __contains__(self, code: object) -> bool:
        return self.get(code) is not None

    def __iter__(self) -> Iterator[CameoCode]:
        return iter(self._entries.values())

    def __len__(self) -> int:
        return len(self._entries)

    def codes(self) -> list[str]:
        """Every code, in code-book order (roots before their children)."""
        return list(self._entries)

    def roots(self) -> list[str]:
        return [code for code in self._entries if len(code) == 2]

    def children(self, code: str) -> list[str]:
        """Codes directly under ``code`` ("04" -> "040".."046"; "023" -> "0231"..)."""
        return [c for c, entry in self._entries.items() if entry.parent == code]

    def name(self, code: object) -> str | None:
        entry = self.get(code)
        return entry.name if entry else None

    def root_name(self, code: object) -> str | None:
        """The name of the code's root ("19" or "193" -> "Fight")."""
        key = normalise_code(code)
        if key is None:
            return None
        entry = self.get(key) or self._entries.get(key[:2])
        if entry is None:
            return None
        root = self._entries.get(entry.root)
        return root.name if root else None

    def goldstein(self, code: object) -> float | None:
        entry = self.get(code)
        return entry.goldstein if entry else None

    def quad(self, code: object) -> str | None:
        entry = self.get(code)
        return entry.quad if entry else None

    def plover(self, code: object) -> str | None:
        entry = self.get(code)
        return entry.plover if entry else None

    @cached_property
    def by_plover(self) -> dict[str, list[str]]:
        """PLOVER event type -> the CAMEO codes that map to it."""
        grouped: dict[str, list[str]] = {}
        for entry in self._entries.values():
            if entry.plover:
                grouped.setdefault(entry.plover, []).append(entry.code)
        return grouped


CODEBOOK = CodeBook.load()


def cameo(code: object) -> CameoCode | None:
    """The code-book entry for a CAMEO code, or None if there is no such code."""
    return CODEBOOK.get(code)
