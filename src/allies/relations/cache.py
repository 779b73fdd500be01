"""The relations engine's derived tables (migration 003) and how they stay current.

``rel_events`` is a copy of the events that can bear on a relation (both
countries known and different), sorted by directed dyad and date: a dyad query
then reads one or two row groups instead of scanning every event, which is what
keeps ``allies ask`` under a few tens of milliseconds on ten million events.
``rel_pair_months`` aggregates it per directed dyad, month and quad class.

Both are rebuilt whenever the events' fingerprint (row count, id sum and max,
sentence count) differs from the one they were built from. A read-only store
whose cache is stale is answered straight from ``events`` (same SQL, slower).
"""
from __future__ import annotations

import csv
import re
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def alliance_terms() -> dict[str, str]:
    text = resources.files("allies.relations").joinpath("data", "alliance_terms.tsv").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return {row["term"].lower(): row["kind"] for row in csv.DictReader(lines, delimiter="\t")}


def _pattern(kind: str) -> str:
    terms = sorted((t for t, k in alliance_terms().items() if k == kind), key=len, reverse=True)
    return r"\b(" + "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in terms) + r")\b"


def events_select() -> str:
    """SQL producing rel_events' columns from ``events`` (and sentences, for claims)."""
    alliance, partnership = _pattern("alliance"), _pattern("partnership")
    return f"""
    SELECT e.event_id, e.origin, e.article_id, e.sentence_index, e.date,
           CAST(date_trunc('month', e.date) AS DATE) AS month,
           e.source_country, e.target_country, e.source_sector, e.target_sector,
           e.cameo, e.quad, e.goldstein, coalesce(e.negated, false) AS negated,
           coalesce(e.modality, 'asserted') AS modality,
           coalesce(e.speaker_country, CASE WHEN e.quad LIKE 'verbal%' THEN e.source_country END) AS voice,
           e.confidence, e.url,
           (NOT coalesce(e.negated, false) AND coalesce(e.modality, 'asserted') = 'asserted') AS counted,
           CASE
             -- Only verbal acts are statements about the tie; a deed in a sentence
             -- that happens to say "ally" is still a deed.
             WHEN e.quad NOT LIKE 'verbal%' AND coalesce(e.modality, 'asserted') <> 'denied' THEN NULL
             WHEN NOT regexp_matches(lower(coalesce(s.text, '') || ' ' || coalesce(e.trigger, '')), '{alliance}|{partnership}') THEN NULL
             WHEN coalesce(e.negated, false) OR e.modality = 'denied' OR e.quad = 'verbal_conflict' THEN 'not_ally'
             WHEN coalesce(e.modality, 'asserted') <> 'asserted' THEN NULL
             WHEN regexp_matches(lower(coalesce(s.text, '') || ' ' || coalesce(e.trigger, '')), '{alliance}') THEN 'ally'
             ELSE 'partner'
           END AS claim
    FROM events e
    LEFT JOIN sentences s ON s.article_id = e.article_id AND s.sentence_index = e.sentence_index
    WHERE e.source_country IS NOT NULL AND e.target_country IS NOT NULL
      AND e.source_country <> e.target_country AND e.date IS NOT NULL
    """


def pair_months_select(rel: str) -> str:
    return f"""
    SELECT source_country, target_country, month, quad,
           count(*) FILTER (WHERE counted) AS n,
           coalesce(sum(goldstein) FILTER (WHERE counted), 0) AS goldstein_sum,
           count(*) FILTER (WHERE claim IN ('ally', 'partner')) AS ally_claims,
           count(*) FILTER (WHERE claim = 'not_ally') AS not_ally_claims
    FROM {rel}
    WHERE counted OR claim IS NOT NULL
    GROUP BY ALL
    """


def fingerprint(con) -> str:
    row = con.execute(
        "SELECT count(*), coalesce(max(event_id), 0), coalesce(sum(event_id), 0), "
        "(SELECT count(*) FROM sentences) FROM events").fetchone()
    return ":".join(str(v) for v in row)


def _has_cache_tables(con) -> bool:
    return bool(con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'relations_state'").fetchone()[0])


def refresh(store, force: bool = False) -> bool:
    """Rebuild the derived tables if the events changed. Returns True if rebuilt."""
    con = store.con
    current = fingerprint(con)
    row = con.execute("SELECT value FROM relations_state WHERE key = 'events_fingerprint'").fetchone()
    if row and row[0] == current and not force:
        return False
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute("DELETE FROM rel_events")
        con.execute("DELETE FROM rel_pair_months")
        con.execute(f"INSERT INTO rel_events {events_select()} ORDER BY source_country, target_country, date")
        con.execute(f"INSERT INTO rel_pair_months {pair_months_select('rel_events')} ORDER BY source_country, target_country, month")
        con.execute("INSERT OR REPLACE INTO relations_state (key, value) VALUES ('events_fingerprint', ?)", [current])
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return True


def sources(store) -> tuple[str, str]:
    """The relations to read events and pair-months from: the cache tables when
    current (refreshing them if the store is writable), else subqueries over events."""
    con = store.con
    if _has_cache_tables(con):
        if not getattr(store, "read_only", False):
            refresh(store)
            from .ties import load_builtin_ties

            load_builtin_ties(store)
            return "rel_events", "rel_pair_months"
        row = con.execute("SELECT value FROM relations_state WHERE key = 'events_fingerprint'").fetchone()
        if row and row[0] == fingerprint(con):
            return "rel_events", "rel_pair_months"
    rel = f"({events_select()})"
    return rel, f"({pair_months_select(rel)})"
