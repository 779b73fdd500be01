"""The dated office table: recent holders, officials below minister, and the UNGD check tool."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from allies.nlp.actors import ActorKB

TOOL = Path(__file__).resolve().parents[2] / "tools" / "check_people_against_ungd.py"


@pytest.fixture(scope="module")
def kb():
    return ActorKB.default()


@pytest.fixture(scope="module")
def tool():
    spec = importlib.util.spec_from_file_location("check_people_against_ungd", TOOL)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("state, role, date, name", [
    ("ISR", "foreign_minister", "2025-03-01", "Gideon Saar"),
    ("ISR", "foreign_minister", "2024-06-01", "Israel Katz"),
    ("ISR", "head_of_state", "2025-03-01", "Isaac Herzog"),
    ("PAK", "foreign_minister", "2025-05-07", "Ishaq Dar"),
    ("JPN", "foreign_minister", "2025-11-01", "Toshimitsu Motegi"),
    ("LBN", "head_of_state", "2025-06-01", "Joseph Aoun"),
    ("SYR", "foreign_minister", "2024-10-15", "Bassam Sabbagh"),
    ("TWN", "head_of_state", "2025-06-01", "Lai Ching-te"),
    ("USA", "chief_of_staff", "2025-06-01", "Susie Wiles"),
    ("IND", "foreign_secretary", "2025-05-10", "Vikram Misri"),
])
def test_recent_and_senior_office_holders(kb, state, role, date, name):
    assert kb.holder(state, role, date).name == name


@pytest.mark.parametrize("name, state, in_office, before_start", [
    ("Kagame", "RWA", "2024-06-01", None),
    ("Tshisekedi", "COD", "2025-02-01", "2018-06-01"),
    ("Museveni", "UGA", "2024-06-01", None),
    ("Ibrahim Traoré", "BFA", "2024-06-01", "2022-06-01"),
    ("Goïta", "MLI", "2025-03-01", "2020-06-01"),
    ("Tiani", "NER", "2024-06-01", "2023-03-01"),
    ("Muizzu", "MDV", "2024-06-01", "2023-06-01"),
    ("Bukele", "SLV", "2024-06-01", "2018-06-01"),
    ("Cho Hyun", "KOR", "2025-10-01", "2024-06-01"),
])
def test_recent_holders_resolve_to_their_state_only_from_their_start(kb, name, state, in_office, before_start):
    actor = kb.lookup(name, in_office)
    assert (actor.country, actor.code) == (state, state + "GOV")
    terms = [t for t in kb._terms if t.name == actor.person and t.role != "figure"]
    held = {t.role for t in terms if t.covers(in_office)}
    assert held and all(kb.holder(state, role, in_office).name == actor.person for role in held)
    if before_start:
        assert all(getattr(kb.holder(state, t.role, before_start), "name", None) != actor.person for t in terms)


def test_spokespersons_and_army_chief_without_their_own_office_resolve_by_name(kb):
    assert kb.lookup("Lin Jian", "2025-06-01").code == "CHNGOV"
    assert kb.holder("CHN", "foreign_ministry_spokesperson", "2025-06-01").name == "Mao Ning"
    assert kb.lookup("Asim Munir", "2025-05-10").code == "PAKMIL"


def test_officials_below_minister_resolve_by_name(kb):
    actor = kb.lookup("Andriy Yermak", "2025-03-01")
    assert (actor.code, actor.person) == ("UKRGOV", "Andriy Yermak")
    assert kb.lookup("Karoline Leavitt", "2025-06-01").country == "USA"


def test_tool_sorts_speakers_into_agree_disagree_and_missing(tmp_path, kb, tool):
    reference = tmp_path / "ungd.tsv"
    reference.write_text(
        "year\tsession\tiso3\tcountry\tspeaker\tpost\n"
        "2024\t79\tIND\tIndia\tSubrahmanyam Jaishankar\tMinister of Foreign Affairs\n"   # agrees
        "2024\t79\tFRA\tFrance\tJane Roe\tPrime Minister\n"                               # disagrees
        "2024\t79\tTON\tTonga\tJohn Doe\tPrime Minister\n"                                 # missing
        "2024\t79\tIND\tIndia\tSomeone Else\tPermanent Representative\n",                 # post not kept
        encoding="utf-8")
    rows = tool.read_ungd(reference, 2020)
    assert len(rows) == 3
    agree, disagree, missing = tool.check(rows, kb, {})
    assert [row["iso3"] for row, _ in agree] == ["IND"]
    assert [row["iso3"] for row, _ in disagree] == ["FRA"]
    assert list(missing) == [("head_of_government", "TON", "John Doe")]


def test_tool_prints_rows_it_would_add(tmp_path, tool, capsys):
    reference = tmp_path / "ungd.tsv"
    reference.write_text("year\tsession\tiso3\tcountry\tspeaker\tpost\n"
                         "2023\t78\tTON\tTonga\tJohn Doe\tPrime Minister\n"
                         "2024\t79\tTON\tTonga\tJohn Doe\tPrime Minister\n", encoding="utf-8")
    assert tool.main(["--reference", str(reference), "--since", "2020", "--missing-only"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out == ["post\tperson\tstate\tfrom\tto", "head_of_government\tJohn Doe\tTON\t2023\t"]


def test_tool_without_reference_file_exits_2(tmp_path, tool, capsys):
    assert tool.main(["--reference", str(tmp_path / "absent.tsv")]) == 2
    assert "no reference file" in capsys.readouterr().err


def test_a_vice_president_is_known_in_office_and_by_title():
    from allies.nlp.actors import ActorKB
    kb = ActorKB.default()
    vance = kb.lookup("Vance", "2025-04-03")
    assert vance is not None and vance.code == "USAGOV" and vance.person == "JD Vance"
    assert kb.holder("USA", "vice_president", "2024-06-01").name == "Kamala Harris"
