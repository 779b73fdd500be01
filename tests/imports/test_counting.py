"""How imported rows count toward a relation (issue 14 §2) and what their evidence says
(§3), on GDELT and ICEWS files written here.

The Canada–United States story of the issue in miniature: four conflict rows coded from
one comics-news page (single mentions, not root events) must not outweigh three
separately reported acts of cooperation."""
from __future__ import annotations

import json

import pytest

from allies.cli import main
from allies.imports import import_files
from allies.relations import Counting, ask, dyad_table, prepare
from allies.store import Store

from .dataset_files import gdelt_line, write_lines, write_table
from .test_import_icews import HEADER

COMICS = "https://comics.example.net/strip-of-the-day"


def _cooperation(n: int, **values: str) -> str:
    fields = {"GlobalEventID": str(100 + n), "Day": f"2019100{n}", "Actor1Code": "CANGOV",
              "Actor1Name": "CANADA", "Actor1CountryCode": "CAN", "Actor2Code": "USAGOV",
              "Actor2Name": "UNITED STATES", "Actor2CountryCode": "USA", "IsRootEvent": "1", "EventCode": "061",
              "EventBaseCode": "061", "EventRootCode": "06", "QuadClass": "2", "GoldsteinScale": "6.4",
              "NumMentions": "6", "NumSources": "3", "NumArticles": "6",
              "SOURCEURL": f"https://news.example.net/trade-{n}"}
    fields.update(values)
    return gdelt_line(**fields)


def _comics(n: int, **values: str) -> str:
    fields = {"GlobalEventID": str(200 + n), "Day": "20191005", "Actor1Code": "USA",
              "Actor1Name": "UNITED STATES", "Actor1CountryCode": "USA", "Actor2Code": "CAN", "Actor2Name": "CANADA",
              "Actor2CountryCode": "CAN", "IsRootEvent": "0", "EventCode": f"19{n}", "EventBaseCode": f"19{n}",
              "EventRootCode": "19", "QuadClass": "4", "GoldsteinScale": "-10", "NumMentions": "1",
              "NumSources": "1", "NumArticles": "1", "SOURCEURL": COMICS}
    fields.update(values)
    return gdelt_line(**fields)


@pytest.fixture
def db(tmp_path):
    lines = [_cooperation(n) for n in (1, 2, 3)]
    # One article coded four times over; the first row is its root event, mentioned twice.
    lines += [_comics(0, IsRootEvent="1", NumMentions="2"), _comics(1), _comics(2), _comics(3)]
    # A single-mention side remark from another page: weak, not counted by default.
    lines.append(_comics(4, SOURCEURL="https://news.example.net/aside", GlobalEventID="299"))
    gdelt = write_lines(tmp_path / "20191005.export.CSV", lines)
    icews = write_table(tmp_path / "events.2019.tab", HEADER, [
        ["9001", "2019-10-06", "Justin Trudeau", "Executive,Government", "Canada",
         "Express intent to meet or negotiate", "036", "4", "Donald Trump", "Executive,Government",
         "United States", "77", "1", "Canadian Press", "Ottawa", "", "Ontario", "Canada", "45.42", "-75.69"],
        ["9002", "2019-10-06", "Justin Trudeau", "Executive,Government", "Canada",
         "Consult", "040", "1", "Donald Trump", "Executive,Government",
         "United States", "77", "2", "Canadian Press", "Ottawa", "", "Ontario", "Canada", "45.42", "-75.69"],
    ])
    path = tmp_path / "counting.duckdb"
    with Store(path) as store:
        import_files(store, [gdelt, icews])
        prepare(store)  # the relations cache, as 'allies import' builds it after its files
    return path


def _counts(answer) -> dict[str, int]:
    sides = answer.analysis.sides.values()
    return {q: sum(s.counts[q] for s in sides) for q in ("material_cooperation", "material_conflict",
                                                        "verbal_cooperation")}


def test_one_report_per_article_and_weak_rows_uncounted(db):
    with Store(db) as store:
        answer = ask(store, "How are relations between Canada and the United States?")
        # Four comics rows are one report; the weak aside does not count; ICEWS's two
        # sentences of story 77 are one report.
        assert _counts(answer) == {"material_cooperation": 3, "material_conflict": 1, "verbal_cooperation": 1}
        assert answer.analysis.datasets == {"gdelt": {"reports": 4, "rows": 8},
                                            "icews": {"reports": 1, "rows": 2}}
        assert answer.to_dict()["analysis"]["datasets"]["gdelt"] == {"reports": 4, "rows": 8}


@pytest.mark.parametrize("counting,expected", [
    (Counting(per_report=False), {"material_cooperation": 3, "material_conflict": 1, "verbal_cooperation": 2}),
    (Counting(weak=True), {"material_cooperation": 3, "material_conflict": 2, "verbal_cooperation": 1}),
    (Counting(per_report=False, weak=True),
     {"material_cooperation": 3, "material_conflict": 5, "verbal_cooperation": 2}),
    (Counting(min_sources=2), {"material_cooperation": 3, "material_conflict": 0, "verbal_cooperation": 1}),
    (Counting(root_only=True, weak=True),
     {"material_cooperation": 3, "material_conflict": 1, "verbal_cooperation": 1}),
])
def test_counting_rules_are_switchable(db, counting, expected):
    with Store(db) as store:
        store.counting = counting
        assert _counts(ask(store, "Canada and the United States")) == expected
        table = dyad_table(store, "Canada", "United States")
        assert sum(d.counts["material_conflict"] for d in table.directions) == expected["material_conflict"]


def test_min_sources_must_be_positive():
    from allies.errors import InputError

    with pytest.raises(InputError):
        Counting(min_sources=0)


def test_dataset_evidence_says_what_happened(db):
    with Store(db) as store:
        answer = ask(store, "Are Canada and the United States allies?")
    items = answer.evidence_for + answer.evidence_against
    # The comics page is cited once, not four times over.
    assert [i["url"] for i in items].count(COMICS) == 1
    trade = next(i for i in items if i["url"] == "https://news.example.net/trade-1")
    assert trade["dataset"] == "GDELT"
    assert trade["event"]["source_name"] == "CANADA" and trade["event"]["target_name"] == "UNITED STATES"
    assert trade["event"]["cameo_label"] == "061 Cooperate economically"
    assert trade["event"]["mentions"] == 6 and trade["event"]["sources"] == 3 and trade["event"]["root_event"]
    assert trade["what"].startswith("GDELT: CANADA (CAN) -> UNITED STATES (USA), 061 Cooperate economically")
    icews = next(i for i in items if i["dataset"] == "ICEWS")
    assert icews["publisher"] == "Canadian Press" and icews["url"] is None
    assert icews["event"]["event_text"] == "Express intent to meet or negotiate"
    assert icews["what"].startswith(
        "ICEWS: Justin Trudeau (CAN) -> Donald Trump (USA), 036 Express intent to meet or negotiate")
    text = answer.to_text(width=300)
    assert "GDELT: CANADA (CAN) -> UNITED STATES (USA), 061 Cooperate economically (material cooperation, +6.4)" in text
    assert "Canadian Press" in text


def test_cli_options_json_and_dataset_breakdown(db, capsys):
    assert main(["ask", "Canada and the United States", "--db", str(db), "--json", "--every-row",
                 "--count-weak"]) == 0
    data = json.loads(capsys.readouterr().out)
    conflict = sum(d["counts"]["material_conflict"] for d in data["analysis"]["directions"])
    assert conflict == 5
    assert any(e.get("what", "") and e["event"]["source_name"] for e in data["evidence"])
    assert main(["dyad", "Canada", "United States", "--db", str(db), "--min-sources", "2"]) == 0
    out = capsys.readouterr().out
    assert "By dataset: gdelt 3 reports (8 rows), icews 1 report (2 rows)" in out
    assert main(["network", "Canada", "--db", str(db), "--root-only", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["partners"][0]["country"] == "USA"
    assert main(["info", "--db", str(db), "--json"]) == 0
    by_origin = json.loads(capsys.readouterr().out)["events_by_origin"]
    assert {origin: row["events"] for origin, row in by_origin.items()} == {"gdelt": 8, "icews": 2}


def test_cli_rejects_bad_min_sources(db, capsys):
    assert main(["ask", "Canada and the United States", "--db", str(db), "--min-sources", "0"]) != 0
    err = capsys.readouterr().err
    assert "--min-sources must be at least 1" in err and "Traceback" not in err


def test_readme_documents_the_counting_defaults():
    from pathlib import Path

    readme = Path(__file__).resolve().parents[2].joinpath("README.md").read_text(encoding="utf-8")
    section = readme.split("#### How dataset rows count", 1)[1].split("\n### ", 1)[0]
    rows = {line.split("|")[-2].strip(): line.split("|")[-3].strip() for line in section.splitlines()
            if line.startswith("| ") and "`--" in line}
    default = Counting()
    assert rows == {
        "`--every-row` counts every row": "on" if default.per_report else "off",
        "`--count-weak` counts them": "off" if default.weak else "on",
        "`--min-sources N`": str(default.min_sources),
        "`--root-only`": "on" if default.root_only else "off",
    }
    for command in ("ask", "dyad", "network"):
        line = next(x for x in readme.splitlines() if x.startswith(f"| `allies {command} "))
        assert all(option in line for option in ("--min-sources N", "--root-only", "--count-weak", "--every-row"))


def test_a_report_seen_again_in_a_later_import_counts_once(db, tmp_path):
    with Store(db) as store:
        before = _counts(ask(store, "Canada and the United States"))
        # A later file codes the comics page once more (a new row: another event code).
        later = write_lines(tmp_path / "20191006.export.CSV", [_comics(5, IsRootEvent="1", NumMentions="3",
                                                                        GlobalEventID="300")])
        import_files(store, [later])
        prepare(store)  # appended to the cache, as 'allies import' does
        after = ask(store, "Canada and the United States")
        assert store.query("SELECT count(*) AS n FROM rel_events WHERE report = 'url:' || ?", [COMICS])[0]["n"] == 5
        assert _counts(after) == before
        assert after.analysis.datasets["gdelt"] == {"reports": 4, "rows": 9}
