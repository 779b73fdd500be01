"""The relations cache: appends after small additions, rebuilds after anything
else, and always gives the same answers as a full rebuild."""
from allies.relations import ask
from allies.relations.cache import _appended_since, _parts, refresh
from allies.store import Store

from .conftest import fill_store


def synthetic_events(store, n):
    # A dataset-like background: RUS, AZE, ARM, TUR and GEO acting on each other.
    store.con.execute(f"""
        INSERT INTO events (event_id, origin, date, source_country, target_country, cameo, cameo_root, quad,
                            goldstein, negated, modality, url)
        SELECT 100000 + i, 'gdelt', DATE '2023-01-01' + CAST(i % 700 AS INTEGER),
               ['RUS', 'AZE', 'ARM', 'TUR', 'GEO'][1 + i % 5], ['AZE', 'ARM', 'TUR', 'GEO', 'RUS'][1 + (i // 5) % 5],
               '042', '04', CASE WHEN i % 3 = 0 THEN 'verbal_conflict' ELSE 'verbal_cooperation' END,
               CASE WHEN i % 3 = 0 THEN -2.0 ELSE 1.9 END, false, 'asserted', 'https://example.org/' || i
        FROM range({n}) t(i)""")


def answer_state(store):
    d = ask(store, "Are Azerbaijan and Russia allies?").to_dict()
    return d["verdict"], d["confidence"], d["analysis"]["directions"], d["analysis"]["voices"], d["evidence"]


def test_small_additions_are_appended(tmp_path):
    store = Store(tmp_path / "s.duckdb")
    synthetic_events(store, 2000)
    assert refresh(store) is True
    before = store.query("SELECT count(*) AS n FROM rel_events")[0]["n"]
    fill_store(store, "motivating_rus_aze")  # about 1% more events
    built_from = store.query("SELECT value FROM relations_state WHERE key = 'events_fingerprint'")[0]["value"]
    assert _appended_since(store.con, built_from.split(":"), _parts(store.con)) is not None
    assert refresh(store) is True
    after = store.query("SELECT count(*) AS n FROM rel_events")[0]["n"]
    assert after > before
    assert store.query("SELECT count(*) AS n FROM rel_claims")[0]["n"] >= 4
    appended = answer_state(store)
    refresh(store, force=True)
    assert answer_state(store) == appended  # the append equals a full rebuild
    store.close()


def test_deletions_rebuild(tmp_path):
    store = Store(tmp_path / "s.duckdb")
    synthetic_events(store, 2000)
    fill_store(store, "motivating_rus_aze")
    refresh(store)
    total = ask(store, "Are Azerbaijan and Russia allies?", all_dates=True).analysis.total
    removed = store.query("SELECT count(*) AS n FROM events WHERE origin = 'gdelt' AND "
                          "((source_country = 'RUS' AND target_country = 'AZE') OR "
                          "(source_country = 'AZE' AND target_country = 'RUS'))")[0]["n"]
    store.con.execute("DELETE FROM events WHERE origin = 'gdelt'")
    stale = store.query("SELECT count(*) AS n FROM rel_events WHERE origin = 'gdelt'")[0]["n"]
    # A stale cache is read around, never rewritten by a reader: the answer is right already.
    assert ask(store, "Are Azerbaijan and Russia allies?", all_dates=True).analysis.total == total - removed
    assert store.query("SELECT count(*) AS n FROM rel_events WHERE origin = 'gdelt'")[0]["n"] == stale > 0
    assert refresh(store) is True  # the explicit step (ingest and import take it themselves)
    assert store.query("SELECT count(*) AS n FROM rel_events WHERE origin = 'gdelt'")[0]["n"] == 0
    assert ask(store, "Are Azerbaijan and Russia allies?").analysis.total == total - removed
    store.close()


def test_a_cache_built_by_an_older_allies_is_rebuilt(tmp_path):
    store = Store(tmp_path / "s.duckdb")
    synthetic_events(store, 200)
    refresh(store)
    built_from = store.query("SELECT value FROM relations_state WHERE key = 'events_fingerprint'")[0]["value"]
    older = built_from.split(":")[:7]  # before the cache had a version: 7 parts
    assert _appended_since(store.con, older, _parts(store.con)) is None
    store.con.execute("UPDATE relations_state SET value = ? WHERE key = 'events_fingerprint'", [":".join(older)])
    assert refresh(store) is True  # a full rebuild, not "already current"
    store.close()
