"""The relations engine's derived tables (migration 003) and how they stay current.

``rel_events`` is a copy of the events that can bear on a relation (both
countries known and different, dated), sorted by directed dyad and date: a dyad
query then reads one or two row groups instead of scanning every event, which
is what keeps ``allies ask`` far under 300 ms on ten million events (see
benchmarks/dyad_speed.py). ``rel_country_months`` aggregates it per country,
partner, direction, month and quad class, each pair filed under both its
countries. ``rel_claims`` holds the sentences that speak of (or dispute) an
alliance, once per sentence and pair of countries named.

All three are rebuilt whenever the events' fingerprint (row count, id range,
latest import run, article and sentence counts) differs from the one they were
built from, by the write that changed them (or by ``prepare``). A store whose
cache is stale is answered straight from the base tables (same SQL, slower).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..errors import InputError
from ..model import FACT_CONFIDENCE, fact_sql
from ..tables import Column, Row, Schema, one_of, read_tsv, word


def _regex(value: str) -> str | None:
    try:
        re.compile(value)
    except re.error as error:
        return f"not a regular expression: {error}"
    return None


# The relations' data files, each checked at load (`file:line: what is wrong`).
SCHEMAS = {
    "alliance_terms.tsv": Schema((Column("term", word), Column("kind", one_of(("alliance", "partnership"), "kind")))),
    "alliance_groups.tsv": Schema((Column("modifier", word), Column("example", optional=True))),
    "dispute_patterns.tsv": Schema((Column("pattern", _regex), Column("example", optional=True))),
}


def table(name: str) -> list[Row]:
    """The checked rows of one of the relations' data files."""
    return read_tsv(__package__, name, SCHEMAS[name])


@lru_cache(maxsize=1)
def alliance_terms() -> dict[str, str]:
    return {row["term"]: row["kind"] for row in table("alliance_terms.tsv")}


def _pattern(kind: str) -> str:
    terms = sorted((t for t, k in alliance_terms().items() if k == kind), key=len, reverse=True)
    return r"\b(" + "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in terms) + r")\b"


@dataclass(frozen=True)
class Counting:
    """How rows count toward a relation (issue 14: the way careful dataset users filter).

    The defaults are what the cache holds:

    - ``per_report``: one report per source article. Rows of one article (a GDELT
      SOURCEURL, an ICEWS/POLECAT story, else the row itself) count once per direction
      and kind of act (quad class), however many rows the dataset coded from it. Coded
      events keep counting one each: each is a sentence of a stored article.
    - ``weak``: GDELT rows with a single mention that are not the article's root event
      (``IsRootEvent`` 0, ``NumMentions`` 1), GDELT's noisiest, stay in the store and the
      cache but are neither counted nor cited unless ``weak`` is set.
    - ``min_sources``: GDELT rows seen in fewer sources (``NumSources``) do not count;
      rows of other datasets carry no such count and are not affected.
    - ``root_only``: count only GDELT rows that are their article's root event.

    Set ``store.counting = Counting(...)`` to judge with other rules (``allies ask``,
    ``dyad`` and ``network`` take ``--min-sources``, ``--root-only``, ``--count-weak``
    and ``--every-row``); anything but the defaults is computed per question from the
    cached rows, so it is slower on a large store."""

    per_report: bool = True
    weak: bool = False
    min_sources: int = 1
    root_only: bool = False

    def __post_init__(self):
        if int(self.min_sources) < 1:
            raise InputError("--min-sources must be at least 1")

    def row_condition(self) -> str:
        """SQL over rel_events' columns: whether a usable row passes these rules."""
        parts = []
        if not self.weak:
            parts.append("coalesce(is_root OR num_mentions > 1, true)")
        if self.root_only:
            parts.append("coalesce(is_root, true)")
        if int(self.min_sources) > 1:
            parts.append(f"coalesce(num_sources >= {int(self.min_sources)}, true)")
        return " AND ".join(["usable", *parts])

    def counted_sql(self) -> str:
        """SQL for rel_events.counted under these rules (a window over the rows given)."""
        ok = f"({self.row_condition()})"
        if not self.per_report:
            return ok
        return (f"{ok} AND row_number() OVER (PARTITION BY source_country, target_country, quad, report, {ok} "
                f"ORDER BY event_id) = 1")


DEFAULT_COUNTING = Counting()

# The source article a row comes from (see Counting.per_report).
REPORT_SQL = ("CASE WHEN e.origin = 'coded' OR e.article_id IS NOT NULL THEN 'event:' || e.event_id "
              "ELSE coalesce('url:' || e.url, e.origin || ':story:' || e.story_id, 'event:' || e.event_id) END")


def events_select(after_event: int | None = None, counting: Counting = DEFAULT_COUNTING) -> str:
    """SQL producing rel_events' columns from ``events`` (only ids above
    ``after_event`` when given: an append), ``counted`` under ``counting``."""
    newer = f"AND e.event_id > {int(after_event)}" if after_event is not None else ""
    rows = f"""
    SELECT e.event_id, e.origin, e.article_id, e.sentence_index, e.date,
           CAST(date_trunc('month', e.date) AS DATE) AS month,
           e.source_country, e.target_country, e.source_sector, e.target_sector,
           e.cameo, e.quad, e.goldstein, coalesce(e.negated, false) AS negated,
           coalesce(e.modality, 'asserted') AS modality,
           coalesce(e.speaker_country, CASE WHEN e.quad LIKE 'verbal%' THEN e.source_country END) AS voice,
           e.confidence, e.url, {REPORT_SQL} AS report,
           {fact_sql("e")} AS usable,
           e.is_root_event AS is_root, e.num_sources, e.num_mentions, e.num_articles,
           e.source_text, e.target_text, e.event_text, e.publisher, e.story_id
    FROM events e
    WHERE e.source_country IS NOT NULL AND e.target_country IS NOT NULL
      AND e.source_country <> e.target_country AND e.date IS NOT NULL {newer}
    """
    return f"SELECT *, {counting.counted_sql()} AS counted FROM ({rows}) r0"


def recounted(rel: str, counting: Counting) -> str:
    """SQL: the rel_events rows of ``rel`` with ``counted`` recomputed under ``counting``."""
    return f"SELECT * REPLACE ({counting.counted_sql()} AS counted) FROM {rel} r0"


# Force: CAMEO's assault (18), fight (19) and mass violence (20) roots. Seizing a
# ship or property (171) scores as low on Goldstein's scale but is coercion, not force.
FORCE_SQL = "quad = 'material_conflict' AND left(cameo, 2) IN ('18', '19', '20')"


def country_months_select(rel: str) -> str:
    return f"""
    WITH pairs AS (
        SELECT source_country, target_country, month, quad,
               count(*) AS n, sum(goldstein) AS goldstein_sum, count(*) FILTER (WHERE {FORCE_SQL}) AS force
        FROM {rel} WHERE counted GROUP BY ALL)
    SELECT source_country AS country, target_country AS other, true AS outgoing, month, quad,
           n, goldstein_sum, force FROM pairs
    UNION ALL
    SELECT target_country, source_country, false, month, quad, n, goldstein_sum, force FROM pairs
    """


@lru_cache(maxsize=1)
def group_pattern() -> str:
    """An alliance term that names a group ("NATO allies", "his political allies"), not a tie."""
    words = sorted((row["modifier"] for row in table("alliance_groups.tsv")), key=len, reverse=True)
    # Preceded by a space or an opening mark only: "a major non-NATO ally" is a tie.
    return r"(?:^|[\s(\"'])(?:" + "|".join(re.escape(w) for w in words) + r")\s+(?:(?:\w+\s+)?all(?:y|ies|iance|iances))\b"


@lru_cache(maxsize=1)
def dispute_pattern() -> str:
    return "|".join(f"(?:{row['pattern']})" for row in table("dispute_patterns.tsv"))


def claims_select(after_article: int | None = None) -> str:
    """SQL for rel_claims: sentences about an alliance, per pair of countries named in them.

    The pair comes from the sentence's actor mentions and its coded events; the
    voice is a coded speaker, else the source of a verbal event it codes, else none (the reporter); the
    claim is a dispute when a dispute pattern matches or a coded event between
    the pair in that sentence is negated or denied. ``after_article`` limits it
    to articles with higher ids (an append)."""
    alliance, partnership = _pattern("alliance"), _pattern("partnership")
    newer = f"AND s.article_id > {int(after_article)}" if after_article is not None else ""
    dispute = dispute_pattern().replace("'", "''")
    groups = group_pattern().replace("'", "''")
    return f"""
    WITH lowered AS (
        -- a term naming a group ("NATO allies") is blanked out before the search
        SELECT s.article_id, s.sentence_index, s.start_char,
               regexp_replace(lower(s.text), '{groups}', ' ', 'g') AS t
        FROM sentences s
        WHERE regexp_matches(lower(s.text), '{alliance}|{partnership}') {newer}),
    s AS (
        SELECT article_id, sentence_index, t,
               -- where the first alliance term sits in the article's text
               start_char + length(regexp_extract(t, '^(.*?)(?:{alliance}|{partnership})', 1)) AS term_at
        FROM lowered WHERE regexp_matches(t, '{alliance}|{partnership}')),
    named AS (
        SELECT m.article_id, m.sentence_index, m.country, min(m.start_char) AS first_at
        FROM actor_mentions m SEMI JOIN s USING (article_id, sentence_index)
        WHERE m.country IS NOT NULL GROUP BY ALL
        UNION ALL
        SELECT e.article_id, e.sentence_index, e.source_country, NULL
        FROM events e SEMI JOIN s USING (article_id, sentence_index)
        WHERE e.source_country IS NOT NULL
        UNION ALL
        SELECT e.article_id, e.sentence_index, e.target_country, NULL
        FROM events e SEMI JOIN s USING (article_id, sentence_index)
        WHERE e.target_country IS NOT NULL),
    near AS (
        -- how far each country's nearest mention lies from the alliance term
        SELECT m.article_id, m.sentence_index, m.country, min(abs(m.start_char - s.term_at)) AS distance
        FROM actor_mentions m JOIN s USING (article_id, sentence_index)
        WHERE m.country IS NOT NULL GROUP BY ALL),
    countries AS (
        SELECT c.article_id, c.sentence_index, c.country, c.first_at,
               row_number() OVER (PARTITION BY c.article_id, c.sentence_index
                                  ORDER BY n.distance NULLS LAST, c.first_at NULLS LAST, c.country) AS nearness
        FROM (SELECT article_id, sentence_index, country, min(first_at) AS first_at FROM named GROUP BY ALL) c
        LEFT JOIN near n USING (article_id, sentence_index, country)),
    pairs AS (
        -- A sentence naming three or more states speaks of the tie between the two
        -- named nearest the term ("Russia, Armenia's ally, welcomed Azerbaijan's
        -- step" is about Russia and Armenia), never of every pair it names.
        SELECT x.article_id, x.sentence_index, x.country AS country_a, y.country AS country_b
        FROM countries x JOIN countries y USING (article_id, sentence_index)
        WHERE x.country < y.country AND x.nearness <= 2 AND y.nearness <= 2),
    speakers AS (
        -- the voice: a coded speaker, else the one whose words the sentence codes
        -- ("Russia called Azerbaijan an ally"); a reporter's own sentence is no side's voice
        SELECT article_id, sentence_index, max(speaker_country) AS speaker,
               max(source_country) FILTER (WHERE quad LIKE 'verbal%') AS verbal_source, min(date) AS date
        FROM events e SEMI JOIN s USING (article_id, sentence_index)
        GROUP BY ALL),
    denials AS (
        -- a coded event between the pair that is negated or denied ("is not an ally")
        SELECT article_id, sentence_index, least(source_country, target_country) AS country_a,
               greatest(source_country, target_country) AS country_b,
               bool_or(coalesce(negated, false) OR modality = 'denied') AS denied
        FROM events e SEMI JOIN s USING (article_id, sentence_index)
        WHERE source_country IS NOT NULL AND target_country IS NOT NULL GROUP BY ALL),
    SELECT p.article_id, p.sentence_index, coalesce(sp.date, a.date) AS date, p.country_a, p.country_b,
           coalesce(sp.speaker, sp.verbal_source) AS voice,
           CASE WHEN regexp_matches(s.t, '{dispute}') OR coalesce(dn.denied, false) THEN 'not_ally'
                WHEN regexp_matches(s.t, '{alliance}') THEN 'ally'
                ELSE 'partner' END AS claim
    FROM pairs p
    JOIN s USING (article_id, sentence_index)
    JOIN articles a ON a.article_id = p.article_id
    LEFT JOIN speakers sp USING (article_id, sentence_index)
    LEFT JOIN denials dn USING (article_id, sentence_index, country_a, country_b)
    WHERE coalesce(sp.date, a.date) IS NOT NULL
    """


APPEND_SHARE = 0.1  # appends beyond this share of all events trigger a full, sorted rebuild

# Coded events the coder attached with less confidence than this (one side missing or
# guessed, an act only alleged by a party, a background clause) stay in rel_events as
# evidence but are not counted. Imported dataset rows carry no confidence and count.
MIN_CONFIDENCE = FACT_CONFIDENCE  # one owner: allies.model

# Raised whenever what the cache tables hold changes meaning, so that stores built by
# an older allies are rebuilt rather than appended to.
CACHE_VERSION = 7  # 5: a reporter's sentence about an alliance is no side's voice; 6: force per country-month;
# 7: a mutual defence pact is an alliance term


def _parts(con) -> tuple:
    # count, min and max of an integer column come from DuckDB's table
    # statistics (no scan); the other tables are small.
    return con.execute(
        "SELECT count(*), min(event_id), max(event_id), (SELECT max(run_id) FROM import_runs), "
        "(SELECT count(*) FROM articles), (SELECT max(article_id) FROM articles), "
        f"(SELECT count(*) FROM sentences), 'v{CACHE_VERSION}' FROM events").fetchone()


def fingerprint(con) -> str:
    """What the cache was built from: every insert raises the top event id,
    every delete lowers the count, every import adds an import run and every
    ingest an article."""
    return ":".join(str(v) for v in _parts(con))


def _has_cache_tables(con) -> bool:
    # Migration 003 created them; a store from an older allies may not have run it yet.
    return con.execute("SELECT max(version) FROM schema_version").fetchone()[0] >= 3


def is_current(store) -> bool:
    """Whether the derived tables match the events as they are now."""
    con = store.con
    if not _has_cache_tables(con):
        return False
    row = con.execute("SELECT value FROM relations_state WHERE key = 'events_fingerprint'").fetchone()
    return bool(row) and row[0] == fingerprint(con)


def _appended_since(con, old: list[str], new: tuple) -> tuple[int, int] | None:
    """(last event id, last article id) the cache covers, when the store has only
    grown since (no deletions or rewrites below them) by a small share; else None."""
    # the last part is the cache version: a cache of another version (or of none) is rebuilt
    if len(old) != len(new) or old[-1] != new[-1] or "None" in (old[1], old[2]):
        return None
    n, min_id, max_id, _run, articles, max_article, sentences = (None if v == "None" else int(v) for v in old[:-1])
    if new[1] != min_id or new[0] < n or new[0] - n > APPEND_SHARE * new[0]:
        return None
    last_article = max_article if max_article is not None else 0
    same = con.execute(
        "SELECT (SELECT count(*) FROM events WHERE event_id <= ?) = ? "
        "AND (SELECT count(*) FROM articles WHERE article_id <= ?) = ? "
        "AND (SELECT count(*) FROM sentences WHERE article_id <= ?) = ?",
        [max_id, n, last_article, articles, last_article, sentences]).fetchone()[0]
    return (max_id, last_article) if same else None


def refresh(store, force: bool = False) -> bool:
    """Bring the derived tables up to date with the events. A store that only
    grew a little since (new articles, a small import) gets the new rows
    appended; anything else is rebuilt and re-sorted. Returns True if anything
    was written."""
    con = store.con
    parts = _parts(con)
    current = ":".join(str(v) for v in parts)
    row = con.execute("SELECT value FROM relations_state WHERE key = 'events_fingerprint'").fetchone()
    if row and row[0] == current and not force:
        return False
    appended = None if force or not row else _appended_since(con, row[0].split(":"), parts)
    con.execute("BEGIN TRANSACTION")
    try:
        if appended:
            last_event, last_article = appended
            # A report already counted (an article seen by an earlier import) is not counted again.
            con.execute(
                f"INSERT INTO rel_events BY NAME SELECT * REPLACE (counted AND NOT EXISTS ("
                f"SELECT 1 FROM rel_events o WHERE o.counted AND o.report = n.report "
                f"AND o.source_country = n.source_country AND o.target_country = n.target_country "
                f"AND o.quad IS NOT DISTINCT FROM n.quad) AS counted) "
                f"FROM ({events_select(last_event)}) n ORDER BY source_country, target_country, date")
            new_rows = f"(SELECT * FROM rel_events WHERE event_id > {int(last_event)})"
            # Queries sum over rel_country_months, so new rows for a key add up with the old.
            con.execute(f"INSERT INTO rel_country_months {country_months_select(new_rows)}")
            con.execute(f"INSERT INTO rel_claims {claims_select(last_article)}")
        else:
            con.execute("DELETE FROM rel_events")
            con.execute("DELETE FROM rel_country_months")
            con.execute("DELETE FROM rel_claims")
            con.execute(f"INSERT INTO rel_events BY NAME {events_select()} ORDER BY source_country, target_country, date")
            con.execute(f"INSERT INTO rel_country_months {country_months_select('rel_events')} ORDER BY country, other, month")
            con.execute(f"INSERT INTO rel_claims {claims_select()} ORDER BY country_a, country_b, date")
        con.execute("INSERT OR REPLACE INTO relations_state (key, value) VALUES ('events_fingerprint', ?)", [current])
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return True


def sources(store) -> tuple[str, str, str]:
    """The relations to read (events, per-country months, claims) from: the
    cache tables when current, else subqueries over the base tables. Reading
    never writes: writes refresh the cache (``allies.api`` does it after every
    ingest and import), or :func:`allies.relations.prepare` does it on request.
    Under counting rules other than the defaults (``store.counting``) the events
    are recounted per question."""
    counting = getattr(store, "counting", None) or DEFAULT_COUNTING
    tables = _default_sources(store)
    if counting == DEFAULT_COUNTING:
        return tables
    rel = f"({recounted(tables[0], counting)})"
    return rel, f"({country_months_select(rel)})", tables[2]


def _default_sources(store) -> tuple[str, str, str]:
    con = store.con
    # ``store.relations_cache = False`` bypasses the cache (benchmarks compare against it).
    if getattr(store, "relations_cache", True) and _has_cache_tables(con):
        row = con.execute("SELECT value FROM relations_state WHERE key = 'events_fingerprint'").fetchone()
        if row and row[0] == fingerprint(con):
            return "rel_events", "rel_country_months", "rel_claims"
    rel = f"({events_select()})"
    return rel, f"({country_months_select(rel)})", f"({claims_select()})"
