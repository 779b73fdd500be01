"""Answers: a verdict on a dyad with its formal ties, summary and cited evidence."""
from __future__ import annotations

import datetime as dt
import textwrap
from dataclasses import dataclass, field
from typing import Any

from ..dates import check_window, iso, parse_date
from ..errors import InputError
from ..wording import plural
from .cache import sources
from .countries import country_name, resolve_country
from .described import adjust, described, latest_description
from .dyad import (
    DyadAnalysis,
    analyse,
    balance_of,
    dyad_rows,
    latest_evidence,
    window_sql,
    yearly_history,
)
from .question import Question, parse_question
from .ties import FormalTie, ties_of
from .verdict import BACKGROUND_DAYS, MIN_EVENTS, Verdict, _fmt_day, judge, weights

EVIDENCE_PER_SIDE = 5
RECENT_DAYS = 365  # a question with no dates is judged on this many days of the pair's latest evidence


@dataclass
class Answer:
    """A judged dyad. ``to_dict()`` is JSON-serialisable:
    ``{dyad, names, verdict, confidence, formal_ties, summary, evidence,
    evidence_for, evidence_against, answer, question, since, until, gap,
    analysis}``; each evidence item is ``{sentence, article_id, title, date,
    url, stance, event}``."""

    question: Question
    verdict: Verdict
    formal_ties: list[FormalTie]
    analysis: DyadAnalysis
    evidence_for: list[dict[str, Any]] = field(default_factory=list)
    evidence_against: list[dict[str, Any]] = field(default_factory=list)
    on: dt.date = field(default_factory=dt.date.today)
    note: str | None = None  # why a window holds nothing, when it does not
    window: str = "asked"  # 'asked' (dates given), 'latest_12_months' (no dates: now) or 'all_dates'
    described: Any = None  # the relation as described (relations.described.DescribedEvidence)

    @property
    def dyad(self) -> tuple[str, str]:
        return self.question.a, self.question.b

    @property
    def direct_answer(self) -> str:
        """A one-word reply to the question as asked (yes / no / partly / unclear)."""
        v, rel = self.verdict.verdict, self.question.relation
        if v == "unknown":
            return "unclear"
        table = {
            "ally": {"allied": "yes", "cooperative": "not formally allies, but cooperative", "mixed": "partly",
                     "tense": "no", "hostile": "no"},
            "friendly": {"allied": "yes", "cooperative": "yes", "mixed": "partly", "tense": "no", "hostile": "no"},
            "hostile": {"allied": "no", "cooperative": "no", "mixed": "partly", "tense": "partly", "hostile": "yes"},
            "war": {"allied": "no", "cooperative": "no", "mixed": "partly", "tense": "not at war, but tense",
                    "hostile": "yes"},
        }
        if rel not in table:
            return v
        reply = table[rel][v]
        if rel == "war" and v in ("mixed", "tense") and self.analysis.violent:
            # Asked about war: acts of armed force are the answer's own evidence.
            reply = f"partly: {plural(self.analysis.violent, 'act')} of armed force"
        return reply

    def to_dict(self) -> dict[str, Any]:
        a, b = self.dyad
        return {
            "question": self.question.text,
            "dyad": [a, b],
            "names": [country_name(a), country_name(b)],
            "relation_asked": self.question.relation,
            "since": iso(self.analysis.since), "until": iso(self.analysis.until), "window": self.window,
            "verdict": self.verdict.verdict,
            "confidence": self.verdict.confidence,
            "answer": self.direct_answer,
            "summary": self.verdict.summary,
            "gap": self.verdict.gap,
            "formal_ties": [t.to_dict(on=self.on) for t in self.formal_ties],
            "evidence": self.evidence_for + self.evidence_against,
            "evidence_for": self.evidence_for,
            "evidence_against": self.evidence_against,
            "analysis": self.analysis.to_dict(),
            "note": self.note,
            "described": described_dict(self.described),
        }

    def to_text(self, width: int = 100) -> str:
        a, b = self.dyad
        lines = [(f"{country_name(a)} – {country_name(b)}: {self.verdict.verdict.upper()} "
                  f"(confidence {self.verdict.confidence:.2f}; answer: {self.direct_answer})")]
        if self.window == "latest_12_months":
            lines.append(f"Window: the latest 12 months of evidence for this pair, {iso(self.analysis.since)} to "
                         f"{iso(self.analysis.until)} (the question names no dates; --all-dates judges all)")
        elif self.analysis.since or self.analysis.until:
            lines.append(f"Window: {iso(self.analysis.since) or 'the beginning'} to {iso(self.analysis.until) or 'now'}")
        else:
            lines.append("Window: all dates")
        if self.note:
            lines.append(self.note)
        lines += textwrap.wrap(self.verdict.summary, width)
        if self.formal_ties:
            lines.append("")
            lines.append("Formal ties:")
            for tie in self.formal_ties:
                obligations = ", ".join(tie.obligations) or "unspecified"
                lines.append(f"  - {tie.name} [{tie.origin}, {tie.kind_label}] {tie.span_text()}, "
                             f"{tie.status_text(self.on)}; obligations: {obligations}")
        for label, items in (("Evidence for", self.evidence_for), ("Evidence against", self.evidence_against)):
            if not items:
                continue
            lines.append("")
            lines.append(f"{label}:")
            for item in items:
                lines.append("  - " + format_citation(item, width - 4))
        lines += described_lines(self.described, width)
        return "\n".join(lines)


# -- the relation as described (relations.described): its own evidence section --------
DESCRIPTIONS_SHOWN = 5


def described_dict(described) -> dict[str, Any] | None:
    """``{summary, items}`` of the descriptions (up to :data:`DESCRIPTIONS_SHOWN`
    items, those that count first), or None when none were looked up."""
    if described is None:
        return None
    items = sorted(described.items, key=lambda item: not item["counts"])[:DESCRIPTIONS_SHOWN]
    return {"summary": described.summary.to_dict(), "text": described.summary.text(), "items": items}


def described_lines(described, width: int = 100) -> list[str]:
    """The "Relation as described" section of ``Answer.to_text``."""
    if described is None or not described.items:
        return []
    lines = ["", "Relation as described:", "  " + described.summary.text()]
    for item in described_dict(described)["items"]:
        who = item["describer"].replace("_", " ")
        if item["describer_country"]:
            who += f" {item['describer_country']}"
        voice = "" if item["counts"] else (" (denied)" if item["negated"] else f" ({item['modality']})")
        what = f"{item['state'].replace('_', ' ')}{voice}, by the {who}"
        where = ", ".join(str(part) for part in (f"\"{item['title']}\"" if item.get("title") else None,
                                                  f"article {item['article_id']}", item.get("date"), item.get("url"))
                          if part)
        body = f"{what}: \"{item['sentence']}\" — {where}"
        lines.append("  - " + ("\n      ".join(textwrap.wrap(body, width - 4)) or body))
    return lines


def format_citation(item: dict[str, Any], width: int = 96) -> str:
    ev = item["event"]
    if ev.get("kind") == "statement":
        verb = "disputes an alliance" if ev["claim"] == "not_ally" else "speaks of an alliance"
        what = f"statement: {ev['voice']} voice {verb} with {ev['target']}"
    elif item.get("what"):
        what = item["what"]
    else:
        what = f"{ev['source']} -> {ev['target']} {ev.get('cameo_label') or ev['cameo'] or ''} {ev['quad']} ({ev['goldstein']:+.1f})"
    text = item.get("sentence")
    where = []
    if item.get("title"):
        where.append(f"\"{item['title']}\"")
    if item.get("article_id") is not None:
        where.append(f"article {item['article_id']}")
    if item.get("date"):
        where.append(item["date"])
    if item.get("url"):
        where.append(item["url"])
    elif item.get("publisher"):
        where.append(item["publisher"])
    body = f"{what}: \"{text}\"" if text else what
    out = body + (" — " + ", ".join(where) if where else "")
    return "\n      ".join(textwrap.wrap(out, width)) or out


def evidence(store, a: str, b: str, since=None, until=None, rel: str | None = None,
             limit: int = EVIDENCE_PER_SIDE, claims: str | None = None
             ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The strongest evidence for and against a good relation, cited.

    Statements about the alliance itself (up to two a side, latest first) lead;
    then events: deeds before words, larger Goldstein scores first, then coder
    confidence; events quoting a stored sentence come before bare dataset rows.
    A sentence is cited once."""
    if rel is None or claims is None:
        rel, _, claims = sources(store)
    dyad, dyad_params = dyad_rows(rel, a, b)
    where, params = window_sql(since, until, "e.date")
    # Two top-N queries (DuckDB keeps a heap, no full sort), glued by UNION ALL.
    picks = []
    for stance, test, strength in (("for", "e.goldstein > 0", "e.goldstein DESC"),
                                   ("against", "e.goldstein < 0", "e.goldstein ASC")):
        picks.append(f"""(SELECT e.*, '{stance}' AS stance FROM {dyad} e
                          WHERE e.counted AND {test} {where}
                          ORDER BY (e.quad LIKE 'material%') DESC, (e.article_id IS NOT NULL) DESC, {strength},
                                   e.confidence DESC NULLS LAST, e.date DESC, e.event_id
                          LIMIT {int(limit) * 2})""")
    rows = store.query(
        f"""SELECT r.event_id, r.origin, r.article_id, r.sentence_index, r.date, r.source_country, r.target_country,
                   r.cameo, r.quad, r.goldstein, r.modality, r.negated, r.voice, r.confidence,
                   coalesce(r.url, a.url) AS url, s.text AS sentence, a.title, r.stance,
                   r.source_text, r.target_text, r.event_text, r.publisher, r.story_id, r.is_root AS is_root_event,
                   r.num_mentions, r.num_sources, r.num_articles
            FROM ({picks[0]} UNION ALL {picks[1]}) r
            LEFT JOIN articles a ON a.article_id = r.article_id
            LEFT JOIN sentences s ON s.article_id = r.article_id AND s.sentence_index = r.sentence_index""",
        [*dyad_params, *params, *dyad_params, *params])
    rows.sort(key=_strength)  # the joins above do not keep the subqueries' order
    lo, hi = sorted((a, b))
    claim_where, claim_params = window_sql(since, until, "c.date")
    statements = store.query(
        f"""SELECT c.article_id, c.sentence_index, c.date, c.country_a, c.country_b, c.voice, c.claim,
                   s.text AS sentence, a.title, a.url
            FROM {claims} c
            JOIN sentences s ON s.article_id = c.article_id AND s.sentence_index = c.sentence_index
            JOIN articles a ON a.article_id = c.article_id
            WHERE c.country_a = ? AND c.country_b = ? {claim_where}
            ORDER BY c.date DESC, c.article_id, c.sentence_index""", [lo, hi, *claim_params])
    out: dict[str, list[dict[str, Any]]] = {"for": [], "against": []}
    seen: set[tuple] = set()
    for st in statements:
        stance = "against" if st["claim"] == "not_ally" else "for"
        key = (st["article_id"], st["sentence_index"])
        if len(out[stance]) < 2 and key not in seen:
            seen.add(key)
            out[stance].append(_cite_statement(st, stance))
    for row in rows:
        key = (row["article_id"], row["sentence_index"]) if row["article_id"] is not None else ("event", row["event_id"])
        if len(out[row["stance"]]) < limit and key not in seen:
            seen.add(key)
            out[row["stance"]].append(_cite(row, row["stance"], row if row["article_id"] is None else None))
    return out["for"], out["against"]


# How citations name the datasets rows come from.
DATASET_NAMES = {"gdelt": "GDELT", "icews": "ICEWS", "polecat": "POLECAT", "acled": "ACLED",
                 "events": "events file", "coded": "allies coder"}


def _cameo_label(code: str | None) -> str | None:
    """'036 Express intent to meet or negotiate', from the CAMEO code book."""
    if not code:
        return None
    from ..nlp.codebook import CODEBOOK

    name = CODEBOOK.name(code)
    return f"{code} {name}" if name else code


def _letters(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch.isalnum())


def _what_happened(row: dict[str, Any], detail: dict[str, Any]) -> str:
    """A dataset row in words: 'GDELT: RUSSIA (RUS) -> UKRAINE (UKR), 036 Express intent to
    meet or negotiate (verbal cooperation, +4.0); event text "..."'."""
    def actor(name: str | None, country: str) -> str:
        return f"{name} ({country})" if name and name.upper() != country else country

    dataset = DATASET_NAMES.get(row["origin"], row["origin"])
    label = _cameo_label(row["cameo"]) or "an event"
    kind = (row["quad"] or "").replace("_", " ")
    score = f", {row['goldstein']:+.1f}" if row["goldstein"] is not None else ""
    text = (f"{dataset}: {actor(detail.get('source_text'), row['source_country'])} -> "
            f"{actor(detail.get('target_text'), row['target_country'])}, {label} ({kind}{score})")
    said = detail.get("event_text")
    if said and _letters(said) not in _letters(label):  # ICEWS's text is often the label itself
        text += f"; event text \"{said.strip()}\""
    return text



def _strength(row: dict[str, Any]) -> tuple:
    """Sort key matching the evidence queries' ORDER BY (strongest first)."""
    return (not (row["quad"] or "").startswith("material"), row["article_id"] is None,
            -abs(row["goldstein"] or 0), -(row["confidence"] or 0),
            -(row["date"].toordinal() if row["date"] else 0), row["event_id"])


def _citation(row: dict[str, Any], stance: str, event: dict[str, Any]) -> dict[str, Any]:
    """Evidence cited back to its sentence, article and date."""
    return {"stance": stance, "sentence": row["sentence"], "article_id": row["article_id"], "title": row["title"],
            "date": iso(row["date"]), "url": row["url"], "event": event}


def _cite(row: dict[str, Any], stance: str, detail: dict[str, Any] | None = None) -> dict[str, Any]:
    """An event cited; a dataset row (``detail``: its own words, names and counts, as
    the relations cache keeps them) also says what happened in words (``what``), who
    reported it and how widely."""
    detail = detail or {}
    item = _citation(row, stance, {
        "kind": "event", "event_id": row["event_id"], "origin": row["origin"],
        "sentence_index": row["sentence_index"], "source": row["source_country"],
        "target": row["target_country"], "cameo": row["cameo"], "cameo_label": _cameo_label(row["cameo"]),
        "quad": row["quad"], "goldstein": row["goldstein"], "modality": row["modality"],
        "negated": bool(row["negated"]), "voice": row["voice"], "claim": None, "confidence": row["confidence"],
        "source_name": detail.get("source_text"), "target_name": detail.get("target_text"),
        "event_text": detail.get("event_text"), "story_id": detail.get("story_id"),
        "root_event": detail.get("is_root_event"), "mentions": detail.get("num_mentions"),
        "sources": detail.get("num_sources"), "articles": detail.get("num_articles"),
    })
    item["dataset"] = DATASET_NAMES.get(row["origin"], row["origin"]) if row["article_id"] is None else None
    item["publisher"] = detail.get("publisher")
    item["what"] = _what_happened(row, detail) if row["article_id"] is None else None
    return item


def _cite_statement(row: dict[str, Any], stance: str) -> dict[str, Any]:
    other = row["country_b"] if row["voice"] == row["country_a"] else row["country_a"]
    return _citation(row, stance, {
        "kind": "statement", "event_id": None, "origin": "coded", "sentence_index": row["sentence_index"],
        "source": row["voice"], "target": other, "cameo": None, "quad": None, "goldstein": None,
        "modality": None, "negated": row["claim"] == "not_ally", "voice": row["voice"],
        "claim": row["claim"], "confidence": None,
    })


def _as_of(until: dt.date | None) -> dt.date:
    today = dt.date.today()
    return min(until, today) if until else today


def judge_dyad(store, question: Question, all_dates: bool = False) -> Answer:
    """Judge the dyad of an already parsed question.

    A question that names no dates is about now: it is judged on the latest 12
    months of evidence for the pair, ending at the pair's latest evidence (so a
    store of older news still answers, and says how old its news is), while
    the year-by-year trend keeps the full history. ``all_dates`` judges every date."""
    a, b = question.a, question.b
    if a == b:
        raise InputError(f"both countries are {country_name(a)}: ask about two different countries")
    on = _as_of(question.until)
    tables = sources(store)
    window = "asked" if question.since or question.until else "all_dates"
    since, until = question.since, question.until
    if window == "all_dates" and not all_dates:
        found = [d for d in (latest_evidence(store, a, b, tables), latest_description(store, a, b)) if d]
        latest = max(found) if found else None
        if latest:
            latest = min(latest, dt.date.today())
            since, until, window = latest - dt.timedelta(days=RECENT_DAYS - 1), latest, "latest_12_months"
    related = ties_of(store, a, b)
    ties = [t for t in related if {t.country_a, t.country_b} == {a, b} and t.overlaps(None, question.until)]
    ties.sort(key=lambda t: (t.start or dt.date.min, t.tie_id))
    formal_allies = {side: {other for t in related if side in (t.country_a, t.country_b)
                            and t.alliance and t.status_on(on) == "active"
                            for other in (t.country_a, t.country_b) if other != side}
                     for side in (a, b)}
    analysis = analyse(store, a, b, since, until, formal_allies=formal_allies, source_tables=tables)
    if window == "latest_12_months":
        analysis.history = yearly_history(store, a, b, tables)
    background = None
    if since and analysis.reports < MIN_EVENTS:
        # A thin window is read against the months before it (verdict rule 3).
        background = analyse(store, a, b, since - dt.timedelta(days=BACKGROUND_DAYS), since - dt.timedelta(days=1),
                             formal_allies=formal_allies, source_tables=tables)
    verdict = judge(analysis, ties, on, background)
    if window == "latest_12_months":
        verdict.summary += (f" Judged on the latest 12 months of evidence for this pair ({_fmt_day(since)} to "
                            f"{_fmt_day(until)}); the trend covers all dates.")
    ev_for, ev_against = evidence(store, a, b, analysis.since, analysis.until, rel=tables[0], claims=tables[2])
    answer = Answer(question, verdict, ties, analysis, ev_for, ev_against, on, window=window)
    answer.described = described(store, a, b, analysis.since, analysis.until)
    _weigh_described(answer)
    return answer


def _weigh_described(answer: Answer) -> None:
    """The relation as described moves the verdict by the rules of
    :func:`allies.relations.described.adjust` (deeds still outweigh words: a
    description never warms a verdict that deeds made tense or hostile)."""
    analysis = answer.analysis
    thin = analysis is not None and analysis.counted_reports < MIN_EVENTS
    # the window's own acts, without the year before it: do they lean one way?
    lean = balance_of(*weights(analysis)) if thin else None
    force = analysis.force_reports if analysis is not None else 0
    change = adjust(answer.verdict.verdict, answer.described.summary, thin, lean, force)
    if not change.changed:
        return
    verdict = answer.verdict
    if verdict.verdict == "unknown":
        # Descriptions alone: a low-confidence reading that grows slowly with their number.
        verdict.confidence = round(min(0.45, 0.2 + 0.05 * answer.described.summary.counted), 2)
    verdict.verdict = change.verdict
    verdict.summary = f"{verdict.summary} As described: {change.reason}.".strip()


def ask(store, question: str, since=None, until=None, all_dates: bool = False) -> Answer:
    """Answer a question about two countries from the store.

    ``question`` is free text ("Are Azerbaijan and Russia allies?", "Is Turkey
    an ally of Azerbaijan?", "How are relations between Japan and China?",
    "Russia–Azerbaijan relations since 2022"); ``since``/``until`` (ISO dates)
    override any window the text names. With no dates at all the question is
    about now: the pair's latest 12 months of evidence are judged, unless
    ``all_dates``. Raises InputError when the two countries cannot be told apart."""
    parsed = parse_question(question)
    # A bound given apart (a flag, a form field) overrides the question's own; a blank one does not.
    parsed.since = parse_date(since, "since") or parsed.since
    parsed.until = parse_date(until, "until", end=True) or parsed.until
    check_window(parsed.since, parsed.until)
    answer = judge_dyad(store, parsed, all_dates=all_dates)
    answer.note = _empty_window_note(store, answer)
    return answer


def _empty_window_note(store, answer: Answer) -> str | None:
    """Why the window holds no counted event of the dyad: the dyad's events
    lie outside it, or there are none at all."""
    if answer.analysis.total:
        return None
    a, b = answer.dyad
    rel = sources(store)[0]
    dyad, params = dyad_rows(rel, a, b)
    found = store.query(f"SELECT min(date) AS first, max(date) AS last, count(*) AS n FROM {dyad} e WHERE e.counted",
                        params)[0]
    pair = f"{country_name(a)} and {country_name(b)}"
    if not found["n"]:
        return f"No events between {pair} in the store."
    if not (answer.analysis.since or answer.analysis.until):
        return None
    window = f"{iso(answer.analysis.since) or 'the beginning'} to {iso(answer.analysis.until) or 'now'}"
    count = plural(found["n"], "event")
    return (f"No events between {pair} from {window}; the store's {count} between them run from "
            f"{iso(found['first'])} to {iso(found['last'])}.")


CHECK_OUTCOMES = ("supported", "contradicted", "mixed", "not enough evidence")
_CHECK_TABLE = {
    "ally": {"allied": "supported", "cooperative": "mixed", "mixed": "mixed", "tense": "contradicted",
             "hostile": "contradicted"},
    "friendly": {"allied": "supported", "cooperative": "supported", "mixed": "mixed", "tense": "contradicted",
                 "hostile": "contradicted"},
    "hostile": {"allied": "contradicted", "cooperative": "contradicted", "mixed": "mixed", "tense": "supported",
                "hostile": "supported"},
    "war": {"allied": "contradicted", "cooperative": "contradicted", "mixed": "mixed", "tense": "mixed",
            "hostile": "supported"},
}
_FLIP = {"supported": "contradicted", "contradicted": "supported"}


@dataclass
class CheckResult:
    """A claim weighed against the evidence: ``outcome`` is one of
    supported, contradicted, mixed or 'not enough evidence'."""

    claim: str
    outcome: str
    answer: Answer

    def to_dict(self) -> dict[str, Any]:
        out = self.answer.to_dict()
        out.update({"claim": self.claim, "outcome": self.outcome, "relation_claimed": self.answer.question.relation,
                    "claim_negated": self.answer.question.negated})
        return out

    def to_text(self, width: int = 100) -> str:
        return f"Claim: {self.claim}\nOutcome: {self.outcome.upper()}\n\n" + self.answer.to_text(width)


def check(store, claim: str, since=None, until=None, all_dates: bool = False) -> CheckResult:
    """Weigh a claim such as "Russia is an ally of Azerbaijan" (or "... is not an
    ally ...", "... are enemies") against the store's evidence (the latest 12
    months of it when no dates are given, unless ``all_dates``)."""
    answer = ask(store, claim, since=since, until=until, all_dates=all_dates)
    relation = answer.question.relation
    if relation == "general":
        raise InputError("cannot tell what the claim asserts: say ally, friend/partner or enemy/adversary")
    verdict = answer.verdict.verdict
    if verdict == "unknown" or answer.verdict.confidence < 0.2:
        outcome = "not enough evidence"
    else:
        outcome = _CHECK_TABLE[relation][verdict]
        if answer.question.negated:
            outcome = _FLIP.get(outcome, outcome)
    return CheckResult(claim.strip(), outcome, answer)


def resolve_pair(x: str, y: str) -> tuple[str, str]:
    """Two country arguments (names, adjectives or codes) -> ISO3 codes."""
    out = []
    for value in (x, y):
        code = resolve_country(value)
        if not code:
            raise InputError(f"unknown country: {value!r}")
        out.append(code)
    if out[0] == out[1]:
        raise InputError(f"both countries are {country_name(out[0])}: give two different countries")
    return out[0], out[1]
