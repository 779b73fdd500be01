"""Read queries behind the pages and the REST API.

Every value from a request reaches DuckDB as a bound parameter; the only SQL
built from text is from fixed fragments chosen here (column names come from
whitelists, never from the request).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import duckdb

from .. import dates
from ..errors import InputError
from ..model import QUADS
from ..store import Store
from .countries import country_name, require_country

MAX_PAGE = 500
ACTOR_CODE = re.compile(r"^[A-Z]{3}[A-Z0-9]{1,12}$")
CAMEO_CODE = re.compile(r"^\d{2,4}$")
ORIGIN = re.compile(r"^[a-z0-9_]{1,30}$")

# Sort keys a client may ask for, mapped to fixed SQL.
EVENT_ORDERS = {
    "date": "e.date ASC NULLS LAST, e.event_id ASC",
    "-date": "e.date DESC NULLS LAST, e.event_id DESC",
    "goldstein": "e.goldstein ASC NULLS LAST, e.event_id ASC",
    "-goldstein": "e.goldstein DESC NULLS LAST, e.event_id DESC",
    "id": "e.event_id ASC",
}

EVENT_FIELDS = (
    "event_id", "origin", "article_id", "sentence_index", "date", "source_text", "source_code",
    "source_country", "source_sector", "target_text", "target_code", "target_country", "target_sector",
    "cameo", "plover", "quad", "goldstein", "negated", "modality", "speaker_text", "speaker_code",
    "speaker_country", "confidence", "trigger", "url", "external_id",
)


def page_bounds(limit: int | None, offset: int | None, default: int = 50) -> tuple[int, int]:
    limit = default if limit is None else int(limit)
    offset = 0 if offset is None else int(offset)
    if limit < 1 or limit > MAX_PAGE:
        raise InputError(f"limit must be between 1 and {MAX_PAGE}")
    if offset < 0:
        raise InputError("offset must not be negative")
    return limit, offset


@dataclass
class EventFilter:
    """Filters of the events listing, validated."""

    country: str | None = None
    partner: str | None = None  # with country: only events between the two
    source: str | None = None
    target: str | None = None
    origin: str | None = None
    quad: str | None = None
    cameo: str | None = None
    since: str | None = None
    until: str | None = None
    article_id: int | None = None

    def where(self) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        if self.partner and not self.country:
            raise InputError("partner needs country (the other side of the dyad)")
        if self.country and self.partner:
            first, second = require_country(self.country), require_country(self.partner, "partner")
            clauses.append("((e.source_country = ? AND e.target_country = ?) OR (e.source_country = ? AND e.target_country = ?))")
            params += [first, second, second, first]
        elif self.country:
            iso = require_country(self.country)
            clauses.append("(e.source_country = ? OR e.target_country = ?)")
            params += [iso, iso]
        for side, value in (("source", self.source), ("target", self.target)):
            if not value:
                continue
            if ACTOR_CODE.match(value.strip()):  # an actor code such as RUSGOV or NATO
                clauses.append(f"e.{side}_code = ?")
                params.append(value.strip())
            else:
                clauses.append(f"e.{side}_country = ?")
                params.append(require_country(value, side))
        if self.origin:
            if not ORIGIN.match(self.origin):
                raise InputError(f"origin must be a dataset name such as coded or gdelt, got {self.origin[:40]!r}")
            clauses.append("e.origin = ?")
            params.append(self.origin)
        if self.quad:
            if self.quad not in QUADS:
                raise InputError(f"quad must be one of {', '.join(QUADS)}")
            clauses.append("e.quad = ?")
            params.append(self.quad)
        if self.cameo:
            if not CAMEO_CODE.match(self.cameo):
                raise InputError("cameo must be 2 to 4 digits (a code or its prefix)")
            clauses.append("starts_with(e.cameo, ?)")
            params.append(self.cameo)
        since, until = (dates.iso(day) for day in dates.parse_window(self.since, self.until))
        if since:
            clauses.append("e.date >= CAST(? AS DATE)")
            params.append(since)
        if until:
            clauses.append("e.date <= CAST(? AS DATE)")
            params.append(until)
        if self.article_id is not None:
            clauses.append("e.article_id = ?")
            params.append(int(self.article_id))
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def _rows(store: Store, sql: str, params: list[Any]) -> list[dict[str, Any]]:
    return store.query(sql, params)


def list_events(store: Store, filters: EventFilter, limit: int | None = None, offset: int | None = None,
                order: str = "-date") -> dict[str, Any]:
    """One page of events matching ``filters``, with the total count."""
    limit, offset = page_bounds(limit, offset)
    if order not in EVENT_ORDERS:
        raise InputError(f"order must be one of {', '.join(EVENT_ORDERS)}")
    where, params = filters.where()
    total = store.con.execute(f"SELECT count(*) FROM events e{where}", params).fetchone()[0]
    columns = ", ".join(f"e.{name}" for name in EVENT_FIELDS)
    # Pick the page first, then join sentences and titles to those rows only.
    rows = _rows(
        store,
        f"SELECT e.*, s.text AS sentence, a.title AS article_title FROM "
        f"(SELECT {columns} FROM events e{where} ORDER BY {EVENT_ORDERS[order]} LIMIT ? OFFSET ?) e "
        "LEFT JOIN sentences s ON s.article_id = e.article_id AND s.sentence_index = e.sentence_index "
        f"LEFT JOIN articles a ON a.article_id = e.article_id ORDER BY {EVENT_ORDERS[order]}",
        params + [limit, offset],
    )
    return {"total": total, "limit": limit, "offset": offset, "events": rows}


def _like_pattern(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def snippet(text: str, query: str | None, width: int = 220) -> str:
    """A short excerpt of ``text`` around the first match of ``query``."""
    text = re.sub(r"\s+", " ", text or "").strip()
    if not query:
        return text[:width] + ("…" if len(text) > width else "")
    at = text.casefold().find(query.casefold())
    if at < 0:
        return text[:width] + ("…" if len(text) > width else "")
    start = max(0, at - width // 3)
    end = min(len(text), start + width)
    return ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")


def search_articles(store: Store, query: str | None = None, limit: int | None = None,
                    offset: int | None = None) -> dict[str, Any]:
    """Articles whose title or text contains ``query`` (case-insensitive), newest first."""
    limit, offset = page_bounds(limit, offset, default=25)
    query = (query or "").strip()
    if len(query) > 200:
        raise InputError("search text is longer than 200 characters")
    where, params = "", []
    if query:
        where = " WHERE a.title ILIKE ? ESCAPE '\\' OR a.text ILIKE ? ESCAPE '\\'"
        pattern = _like_pattern(query)
        params = [pattern, pattern]
    total = store.con.execute(f"SELECT count(*) FROM articles a{where}", params).fetchone()[0]
    rows = _rows(
        store,
        "SELECT a.article_id, a.title, a.date, a.source, a.url, a.text, "
        "(SELECT count(*) FROM events e WHERE e.article_id = a.article_id) AS events "
        f"FROM articles a{where} ORDER BY a.date DESC NULLS LAST, a.article_id DESC LIMIT ? OFFSET ?",
        params + [limit, offset],
    )
    for row in rows:
        row["snippet"] = snippet(row.pop("text"), query)
    return {"total": total, "limit": limit, "offset": offset, "query": query, "articles": rows}


def article_detail(store: Store, article_id: int) -> dict[str, Any] | None:
    """An article with its sentences and the events coded from it."""
    article = store.article(article_id)
    if article is None:
        return None
    article.pop("path", None)  # where the server read it from is not the reader's business
    article["sentences"] = store.sentences(article_id)
    columns = ", ".join(f"e.{name}" for name in EVENT_FIELDS)
    article["events"] = _rows(
        store, f"SELECT {columns} FROM events e WHERE e.article_id = ? ORDER BY e.sentence_index, e.event_id",
        [article_id],
    )
    return article


def active_countries(store: Store, limit: int = 12) -> list[dict[str, Any]]:
    """The countries in the most counted events with another country, busiest
    first (from the busiest dyads), for the network page's first view."""
    totals: dict[str, int] = {}
    for dyad in active_dyads(store, limit=200):
        for side in ("a", "b"):
            totals[dyad[side]] = totals.get(dyad[side], 0) + int(dyad["events"] or 0)
    ranked = sorted(totals.items(), key=lambda item: (-item[1], item[0]))[:limit]
    return [{"country": code, "name": country_name(code), "events": events} for code, events in ranked]


def active_dyads(store: Store, limit: int = 12) -> list[dict[str, Any]]:
    """The dyads with the most counted events (asserted, not negated) between
    two different countries, with their cooperative and conflictual shares."""
    from ..relations.cache import sources

    pre_aggregated = ("SELECT least(country, other) AS a, greatest(country, other) AS b, sum(n) AS events, "
                      "sum(n) FILTER (WHERE quad IN ('verbal_cooperation', 'material_cooperation')) AS cooperation, "
                      "sum(n) FILTER (WHERE quad IN ('verbal_conflict', 'material_conflict')) AS conflict, "
                      "strftime(max(month) FILTER (WHERE n > 0), '%Y-%m') AS last_month "
                      "FROM rel_country_months WHERE outgoing "  # each directed pair once
                      "GROUP BY 1, 2 HAVING sum(n) > 0 ORDER BY events DESC, a, b LIMIT ?")
    from_events = ("SELECT least(source_country, target_country) AS a, greatest(source_country, target_country) AS b, "
                   "count(*) AS events, "
                   "count(*) FILTER (WHERE quad IN ('verbal_cooperation', 'material_cooperation')) AS cooperation, "
                   "count(*) FILTER (WHERE quad IN ('verbal_conflict', 'material_conflict')) AS conflict, "
                   "strftime(max(date), '%Y-%m') AS last_month "
                   "FROM events WHERE source_country IS NOT NULL AND target_country IS NOT NULL "
                   "AND source_country <> target_country AND date IS NOT NULL "
                   "AND NOT coalesce(negated, false) AND coalesce(modality, 'asserted') = 'asserted' "
                   "GROUP BY 1, 2 ORDER BY events DESC, a, b LIMIT ?")
    # The relations engine's per-country monthly totals are current whenever the
    # server has written: thousands of rows instead of every event.
    sql = pre_aggregated if "rel_country_months" in sources(store) else from_events
    try:
        rows = _rows(store, sql, [limit])
    except duckdb.Error:  # the engine's tables changed shape: count from the events
        rows = _rows(store, from_events, [limit])
    for row in rows:
        row["events"], row["cooperation"], row["conflict"] = (int(row[k] or 0) for k in ("events", "cooperation", "conflict"))
        row["a_name"], row["b_name"] = country_name(row["a"]), country_name(row["b"])
    return rows


def store_summary(store: Store) -> dict[str, Any]:
    row = store.con.execute(
        "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM events), "
        "(SELECT min(date) FROM events), (SELECT max(date) FROM events)"
    ).fetchone()
    return {"articles": row[0], "events": row[1], "first_date": row[2], "last_date": row[3]}

