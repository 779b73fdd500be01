import datetime as dt

from allies.relations import builtin_ties, load_builtin_ties, ties_between
from allies.relations.ties import OBLIGATIONS

D = dt.date


def tie(tie_prefix, a, b):
    lo, hi = sorted((a, b))
    found = [t for t in builtin_ties() if t.tie_id.startswith(tie_prefix) and (t.country_a, t.country_b) == (lo, hi)]
    assert found, f"no {tie_prefix} tie for {a}-{b}"
    return found


def test_nato_has_32_members_with_accession_dates():
    nato = [t for t in builtin_ties() if t.tie_id.startswith("nato:")]
    members = {c for t in nato for c in (t.country_a, t.country_b)}
    assert len(members) == 32
    assert len(nato) == 32 * 31 // 2
    (fin_swe,) = tie("nato", "FIN", "SWE")
    assert fin_swe.in_force == D(2024, 3, 7)  # the later accession (Sweden) starts the dyad
    (fin_usa,) = tie("nato", "FIN", "USA")
    assert fin_usa.in_force == D(2023, 4, 4)
    assert fin_usa.status_on(D(2023, 1, 1)) == "not_yet"
    assert fin_usa.status_on(D(2023, 6, 1)) == "active"
    assert "defence" in fin_usa.obligations and fin_usa.alliance


def test_csto_exits_freeze_and_return():
    (aze_rus,) = tie("csto", "AZE", "RUS")
    assert aze_rus.ended == D(1999, 4, 20)
    assert aze_rus.status_on(D(2010, 1, 1)) == "ended"
    arm_rus = tie("csto", "ARM", "RUS")[0]
    assert arm_rus.suspended == D(2024, 2, 1)
    assert arm_rus.status_on(D(2023, 12, 31)) == "active"
    assert arm_rus.status_on(D(2024, 6, 1)) == "suspended"
    uzb = sorted(tie("csto", "RUS", "UZB"), key=lambda t: t.in_force)
    assert [(t.in_force.year, t.ended.year) for t in uzb] == [(1994, 1999), (2006, 2012)]
    # Azerbaijan and Uzbekistan's second spell never overlapped: no dyad for it.
    assert all(t.in_force.year == 1994 for t in tie("csto", "AZE", "UZB"))


def test_bilateral_declarations_and_treaties():
    (rus_aze,) = tie("rus-aze-2022", "RUS", "AZE")
    assert rus_aze.signed == D(2022, 2, 22) and rus_aze.alliance
    (shusha,) = tie("tur-aze-shusha-2021", "AZE", "TUR")
    assert shusha.signed == D(2021, 6, 15)
    (prk,) = tie("rus-prk-2024", "RUS", "PRK")
    assert prk.in_force == D(2024, 12, 4) and "defence" in prk.obligations
    (chn_prk,) = tie("chn-prk-1961", "CHN", "PRK")
    assert chn_prk.signed.year == 1961
    for tie_id, other in (("usa-jpn", "JPN"), ("usa-kor", "KOR"), ("usa-phl", "PHL")):
        assert tie(tie_id, "USA", other)[0].alliance


def test_anzus_suspension_and_eu_exit():
    (nzl_usa,) = tie("anzus", "NZL", "USA")
    assert nzl_usa.status_on(D(2000, 1, 1)) == "suspended"
    assert tie("anzus", "AUS", "NZL")[0].status_on(D(2000, 1, 1)) == "active"
    (gbr_fra,) = tie("eu-42-7", "FRA", "GBR")
    assert gbr_fra.ended == D(2020, 1, 31)
    (hrv_fra,) = tie("eu-42-7", "FRA", "HRV")
    assert hrv_fra.in_force == D(2013, 7, 1)


def test_obligations_are_from_the_fixed_list():
    assert all(set(t.obligations) <= set(OBLIGATIONS) for t in builtin_ties())
    assert all(t.country_a < t.country_b for t in builtin_ties())


def test_loading_builtin_ties_is_idempotent(empty_store):
    n = load_builtin_ties(empty_store)
    again = load_builtin_ties(empty_store)
    assert n == again == len(builtin_ties())
    stored = empty_store.query("SELECT count(*) AS n, count(DISTINCT tie_id) AS ids FROM formal_ties WHERE origin = 'builtin'")[0]
    assert stored["n"] == stored["ids"] == n
    # A stale copy (e.g. from an older data file) is replaced, not added to.
    empty_store.con.execute("UPDATE relations_state SET value = 'old' WHERE key = 'builtin_ties'")
    load_builtin_ties(empty_store)
    assert empty_store.query("SELECT count(*) AS n FROM formal_ties WHERE origin = 'builtin'")[0]["n"] == n


def test_ties_between_includes_builtin_without_loading(empty_store):
    names = [t.name for t in ties_between(empty_store, "AZE", "RUS")]
    assert any("Allied Interaction" in n for n in names)
    assert any("CSTO" in n for n in names)


def test_prepare_builds_cache_and_ties(empty_store):
    from allies.relations import prepare

    assert prepare(empty_store) is True
    assert prepare(empty_store) is False  # nothing changed since
    assert empty_store.query("SELECT count(*) AS n FROM formal_ties WHERE origin = 'builtin'")[0]["n"] > 0
