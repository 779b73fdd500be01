import pytest

from allies.errors import InputError
from allies.imports.atop import import_atop
from allies.relations import ask, ties_between

from .conftest import SHARED_DATA

HEADER = "ccode1,ccode2,year,atop_defense,atop_offense,atop_neutral,atop_nonagg,atop_consul\n"


def write(tmp_path, body, header=HEADER):
    path = tmp_path / "atop.csv"
    path.write_text(header + body, encoding="utf-8")
    return path


ROWS = (
    "2,740,1999,1,0,0,0,1\n"      # USA-JPN, both directions, three years
    "740,2,1999,1,0,0,0,1\n"
    "2,740,2000,1,0,0,0,1\n"
    "2,740,2001,1,0,0,1,1\n"
    "365,373,2005,0,0,0,1,1\n"    # RUS-AZE: 2005-2006, gap, 2010
    "365,373,2006,0,0,0,1,1\n"
    "365,373,2010,0,0,0,1,0\n"
    "245,255,1850,1,0,0,0,0\n"    # Bavaria: no ISO3 code
    "x,740,2000,1,0,0,0,0\n"      # unreadable code
    "2,740,20xx,1,0,0,0,0\n"      # unreadable year
    "2,20,2001,1,0,0,0,7\n"       # flag not 0/1
)


def test_import_counts_maps_and_summarises(tmp_path, empty_store):
    report = import_atop(empty_store, write(tmp_path, ROWS))
    assert report["rows_read"] == 11
    assert report["rows_skipped"] == 4
    assert report["skipped_reasons"] == {"state without ISO3 code": 1, "unreadable state code": 1,
                                         "unreadable year": 1, "obligation flags not 0/1": 1}
    assert report["unmapped_codes"] == {"245": 1}
    assert {e["line"] for e in report["examples"]} == {10, 11, 12}
    years = empty_store.query("SELECT country_a, country_b, year, defense, nonaggression FROM alliance_years ORDER BY ALL")
    assert ("USA", "JPN", 2001, True, True) in [tuple(r.values()) for r in years]
    assert len(years) == 7
    spells = ties_between(empty_store, "AZE", "RUS")
    atop = sorted((t for t in spells if t.origin == "atop"), key=lambda t: t.in_force)
    assert [(t.in_force.year, t.ended.year if t.ended else None) for t in atop] == [(2005, 2007), (2010, None)]
    assert atop[0].obligations == ("non_aggression", "consultation")
    (jpn_usa,) = [t for t in ties_between(empty_store, "USA", "JPN") if t.origin == "atop"]
    assert jpn_usa.alliance and jpn_usa.obligations == ("defence", "non_aggression", "consultation")
    run = empty_store.query("SELECT dataset, rows_read, rows_skipped, status FROM import_runs")
    assert run == [{"dataset": "atop", "rows_read": 11, "rows_skipped": 4, "status": "ok"}]


def test_reimport_replaces(tmp_path, empty_store):
    path = write(tmp_path, ROWS)
    import_atop(empty_store, path)
    first = empty_store.query("SELECT count(*) AS n FROM formal_ties WHERE origin = 'atop'")[0]["n"]
    import_atop(empty_store, path)
    assert empty_store.query("SELECT count(*) AS n FROM formal_ties WHERE origin = 'atop'")[0]["n"] == first
    assert empty_store.query("SELECT count(*) AS n FROM alliance_years")[0]["n"] == 7


def test_atop_alliance_counts_as_paper_alliance(tmp_path, empty_store):
    import_atop(empty_store, write(tmp_path, "20,2,2018,1,0,0,0,1\n"))
    answer = ask(empty_store, "Are Canada and the United States allies?")
    assert answer.verdict.verdict == "allied"
    assert any(t["origin"] == "atop" for t in answer.to_dict()["formal_ties"])


def test_bad_files_are_one_line_errors(tmp_path, empty_store):
    with pytest.raises(InputError, match="no such file"):
        import_atop(empty_store, tmp_path / "missing.csv")
    with pytest.raises(InputError, match="missing columns"):
        import_atop(empty_store, write(tmp_path, "1,2\n", header="a,b\n"))
    assert empty_store.query("SELECT count(*) AS n FROM alliance_years")[0]["n"] == 0


def test_real_atop_file(empty_store):
    path = SHARED_DATA / "reference" / "atop5_1_ddyr.csv"
    if not path.exists():
        pytest.skip("shared ATOP file not available")
    report = import_atop(empty_store, path)
    assert report["rows_read"] == 273296
    assert report["rows_skipped"] < 0.03 * report["rows_read"]
    nato_like = [t for t in ties_between(empty_store, "USA", "GBR") if t.origin == "atop"]
    assert any(t.in_force.year == 1949 and "defence" in t.obligations for t in nato_like)


def test_open_atop_spell_lapses_with_a_later_builtin_change(tmp_path, empty_store):
    # ATOP (to 2018) has Armenia and Russia allied; the built-in CSTO tie was frozen in 2024.
    import_atop(empty_store, write(tmp_path, "371,365,2017,1,0,0,0,1\n371,365,2018,1,0,0,0,1\n"))
    (atop,) = [t for t in ties_between(empty_store, "ARM", "RUS") if t.origin == "atop"]
    assert atop.ended is not None and atop.ended.year == 2024 and "lapse" in atop.note
    answer = ask(empty_store, "Are Armenia and Russia allies?")
    assert "Allied on paper" not in answer.verdict.summary


def _years(c1, c2, first, last, flags="1,0,0,1,1"):
    return "".join(f"{c1},{c2},{y},{flags}\n" for y in range(first, last + 1))


def test_builtin_exits_override_atop(tmp_path, empty_store):
    # ATOP records the CIS treaty's defence obligation between Armenia and Azerbaijan to 2018,
    # and Georgia-Russia as a defence pact to 2009, then a non-aggression pact to 2018.
    body = _years(371, 373, 1993, 2018) + _years(372, 365, 1993, 2009) + _years(372, 365, 2010, 2018, "0,0,0,1,0")
    import_atop(empty_store, write(tmp_path, body))
    (arm_aze,) = [t for t in ties_between(empty_store, "ARM", "AZE") if t.origin == "atop"]
    assert arm_aze.ended.year == 1999 and "Collective Security Treaty" in arm_aze.name
    for question in ("Are Armenia and Azerbaijan allies?", "Are Georgia and Russia allies?"):
        answer = ask(empty_store, question)
        assert answer.verdict.verdict != "allied" and answer.direct_answer != "yes", answer.verdict.summary
        assert "Allied on paper" not in answer.verdict.summary
    geo_rus = sorted((t for t in ties_between(empty_store, "GEO", "RUS") if t.origin == "atop"), key=lambda t: t.start)
    assert [(t.kind_label, t.alliance) for t in geo_rus] == [("defence pact", True), ("non-aggression pact", False)]
    assert geo_rus[1].name == "ATOP non-aggression pact GEO-RUS"


def test_atop_only_alliance_is_last_recorded_not_active(tmp_path, empty_store):
    # Saudi Arabia (670) and Pakistan (770): no built-in tie, ATOP only.
    import_atop(empty_store, write(tmp_path, _years(670, 770, 2016, 2018)))
    answer = ask(empty_store, "Are Saudi Arabia and Pakistan allies?")
    assert answer.verdict.verdict != "allied"
    assert "last recorded 2018 (ATOP)" in answer.verdict.summary
    (tie,) = answer.to_dict()["formal_ties"]
    assert tie["status"] == "unconfirmed" and tie["status_text"] == "last recorded 2018 (ATOP)"
    text = answer.to_text()
    assert "2016-2018, last recorded 2018 (ATOP)" in text and "2016-01-01" not in text
    # While ATOP's data ran, the pact was in force.
    assert ask(empty_store, "Are Saudi Arabia and Pakistan allies?", until="2018-06-30").verdict.verdict == "allied"


def test_lesser_pacts_do_not_make_an_alliance(tmp_path, empty_store):
    import_atop(empty_store, write(tmp_path, _years(670, 770, 2016, 2018, "0,0,1,0,1")))
    (tie,) = ties_between(empty_store, "PAK", "SAU")
    assert not tie.alliance and tie.kind_label == "neutrality pact"
    assert ask(empty_store, "Are Saudi Arabia and Pakistan allies?", until="2017-06-30").verdict.verdict == "unknown"


def test_united_states_network_does_not_list_venezuela_as_allied(tmp_path, empty_store):
    from allies.relations import network

    import_atop(empty_store, write(tmp_path, _years(2, 101, 1948, 2018) + _years(2, 70, 1948, 2018)))
    standings = {p.country: p.standing for p in network(empty_store, "USA").partners}
    assert standings.get("VEN") != "allied"
    assert "MEX" not in standings or standings["MEX"] != "allied"


def test_atop_alliance_ids_name_the_spell(tmp_path, empty_store):
    header = HEADER.rstrip("\n") + ",atopid1,atopid2\n"
    body = "".join(f"670,770,{y},1,0,0,0,1,3150,{'3275' if y == 2018 else ''}\n" for y in (2016, 2017, 2018))
    import_atop(empty_store, write(tmp_path, body, header=header))
    (tie,) = ties_between(empty_store, "PAK", "SAU")
    assert tie.name == "ATOP defence pact PAK-SAU (ATOP alliance 3150, 3275)"
