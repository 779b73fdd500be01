"""The coder's expected events, kept as data: every ``tests/nlp/data/*.tsv`` row is a
sentence and the event it must give (source, target, code, quad, voice).

A row's events are those from its source to its target whose CAMEO code starts with
its code; the first of them (the one nearest the root) must have the row's quad, and
all of them the row's voice. Code ``none`` means no event from source to target.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from allies.nlp.tables import Column, Schema, parse_tsv

DATA = Path(__file__).parent / "data"
QUADS = ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")
MODALITIES = ("asserted", "future", "hypothetical", "conditional", "requested", "denied")


def _voice(value: str) -> str | None:
    known = ("*", *MODALITIES, *(f"not {m}" for m in MODALITIES))
    return None if value in known else f"unknown voice {value!r}"


def _quad(value: str) -> str | None:
    return None if value in ("*", *QUADS) else f"unknown quad {value!r}"


SCHEMA = Schema((Column("sentence"), Column("source"), Column("target"), Column("code"),
                 Column("quad", _quad), Column("voice", _voice), Column("why")))


def _rows():
    for path in sorted(DATA.glob("*.tsv")):
        for row in parse_tsv(path.name, path.read_text(encoding="utf-8"), SCHEMA):
            yield pytest.param(row, id=f"{row.where} {row['why']}")


def _is(actor, code: str) -> bool:
    if code == "-":
        return actor is None
    return actor is not None and code in (actor.country, actor.code)


@pytest.mark.parametrize("row", list(_rows()))
def test_sentence_gives_its_event(coder, row):
    events = coder.code(row["sentence"], date="2024-03-06")
    between = [e for e in events if _is(e.source, row["source"]) and _is(e.target, row["target"])]
    if row["code"] == "none":
        assert not between, [(e.cameo, e.trigger) for e in between]
        return
    found = [e for e in between if e.cameo.startswith(row["code"])]
    assert found, f"no {row['source']}->{row['target']} {row['code']} in {[(e.cameo, e.trigger) for e in events]}"
    if row["quad"] != "*":
        assert found[0].quad == row["quad"]
    if row["voice"] != "*":
        assert all(("not " if e.negated else "") + e.modality == row["voice"] for e in found), \
            [(e.cameo, e.negated, e.modality) for e in found]
