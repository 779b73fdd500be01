"""Answers: a verdict on a dyad with its formal ties, summary and cited evidence."""
from __future__ import annotations

import datetime as dt
import textwrap
from dataclasses import dataclass, field
from typing import Any

from ..errors import InputError
from .cache import sources
from .countries import country_name, resolve_country
from .dyad import DyadAnalysis, analyse, parse_day, window_sql
from .question import Question, parse_question
from .ties import FormalTie, ties_between, ties_of
from .verdict import Verdict, judge

EVIDENCE_PER_SIDE = 5


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
        }
        if rel not in table:
            return v
        return table[rel][v]

    def to_dict(self) -> dict[str, Any]:
        a, b = self.dyad
        return {
            "question": self.question.text,
            "dyad": [a, b],
            "names": [country_name(a), country_name(b)],
            "relation_asked": self.question.relation,
            "since": _iso(self.analysis.since), "until": _iso(self.analysis.until),
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
        }

    def to_text(self, width: int = 100) -> str:
        a, b = self.dyad
        lines = [f"{country_name(a)} – {country_name(b)}: {self.verdict.verdict.upper()} "
                 f"(confidence {self.verdict.confidence:.2f}; answer: {self.direct_answer})"]
        window = " to ".join(filter(None, [_iso(self.analysis.since) or "the beginning", _iso(self.analysis.until)]))
        lines.append(f"Window: {window}" if (self.analysis.since or self.analysis.until) else "Window: all dates")
        lines += textwrap.wrap(self.verdict.summary, width)
        if self.formal_ties:
            lines.append("")
            lines.append("Formal ties:")
            for tie in self.formal_ties:
                status = tie.status_on(self.on)
                when = _iso(tie.start) or "?"
                obligations = ", ".join(tie.obligations) or "unspecified"
                lines.append(f"  - {tie.name} [{tie.origin}] from {when}, {status}; obligations: {obligations}")
        for label, items in (("Evidence for", self.evidence_for), ("Evidence against", self.evidence_against)):
            if not items:
                continue
            lines.append("")
            lines.append(f"{label}:")
            for item in items:
                lines.append("  - " + format_citation(item, width - 4))
        return "\n".join(lines)


def format_citation(item: dict[str, Any], width: int = 96) -> str:
    ev = item["event"]
    what = f"{ev['source']} -> {ev['target']} {ev['cameo'] or ''} {ev['quad']} ({ev['goldstein']:+.1f})"
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
    body = f"{what}: \"{text}\"" if text else what
    out = body + (" — " + ", ".join(where) if where else "")
    return "\n      ".join(textwrap.wrap(out, width)) or out


def _iso(day):
    return day.isoformat() if day else None


def evidence(store, a: str, b: str, since=None, until=None, rel: str | None = None,
             limit: int = EVIDENCE_PER_SIDE) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The strongest events for and against a good relation, cited.

    Strength: alliance claims first, then deeds over words, then the size of the
    Goldstein score, then coder confidence; events quoting a stored sentence
    are preferred to bare dataset rows."""
    if rel is None:
        rel, _ = sources(store)
    where, params = window_sql(since, until, "e.date")
    out = {}
    for stance, test, order in (
            ("for", "(e.counted AND e.goldstein > 0) OR e.claim IN ('ally', 'partner')", "e.goldstein DESC"),
            ("against", "(e.counted AND e.goldstein < 0) OR e.claim = 'not_ally'", "e.goldstein ASC")):
        rows = store.query(
            f"""SELECT e.event_id, e.origin, e.article_id, e.sentence_index, e.date, e.source_country, e.target_country,
                       e.cameo, e.quad, e.goldstein, e.modality, e.negated, e.voice, e.claim, e.confidence,
                       coalesce(e.url, a.url) AS url, s.text AS sentence, a.title
                FROM {rel} e
                LEFT JOIN articles a ON a.article_id = e.article_id
                LEFT JOIN sentences s ON s.article_id = e.article_id AND s.sentence_index = e.sentence_index
                WHERE e.source_country IN (?, ?) AND e.target_country IN (?, ?)
                  AND e.source_country <> e.target_country AND ({test}) {where}
                ORDER BY (e.claim IS NOT NULL) DESC, (e.quad LIKE 'material%') DESC,
                         (s.text IS NOT NULL) DESC, {order}, e.confidence DESC NULLS LAST, e.date DESC, e.event_id
                LIMIT ?""", [a, b, a, b, *params, limit])
        out[stance] = [_cite(r, stance) for r in rows]
    return out["for"], out["against"]


def _cite(row: dict[str, Any], stance: str) -> dict[str, Any]:
    return {
        "stance": stance,
        "sentence": row["sentence"],
        "article_id": row["article_id"],
        "title": row["title"],
        "date": _iso(row["date"]),
        "url": row["url"],
        "event": {
            "event_id": row["event_id"], "origin": row["origin"], "sentence_index": row["sentence_index"],
            "source": row["source_country"], "target": row["target_country"], "cameo": row["cameo"],
            "quad": row["quad"], "goldstein": row["goldstein"], "modality": row["modality"],
            "negated": bool(row["negated"]), "voice": row["voice"], "claim": row["claim"],
            "confidence": row["confidence"],
        },
    }


def _as_of(until: dt.date | None) -> dt.date:
    today = dt.date.today()
    return min(until, today) if until else today


def judge_dyad(store, question: Question) -> Answer:
    """Judge the dyad of an already parsed question."""
    a, b = question.a, question.b
    if a == b:
        raise InputError(f"both countries are {country_name(a)}: ask about two different countries")
    on = _as_of(question.until)
    ties = [t for t in ties_between(store, a, b) if t.overlaps(None, question.until)]
    formal_allies = {side: {other for t in ties_of(store, side) if t.alliance and t.status_on(on) == "active"
                            for other in (t.country_a, t.country_b) if other != side}
                     for side in (a, b)}
    rel, _ = sources(store)
    analysis = analyse(store, a, b, question.since, question.until, formal_allies=formal_allies)
    verdict = judge(analysis, ties, on)
    ev_for, ev_against = evidence(store, a, b, analysis.since, analysis.until, rel=rel)
    return Answer(question, verdict, ties, analysis, ev_for, ev_against, on)


def ask(store, question: str, since=None, until=None) -> Answer:
    """Answer a question about two countries from the store.

    ``question`` is free text ("Are Azerbaijan and Russia allies?", "Is Turkey
    an ally of Azerbaijan?", "How are relations between Japan and China?",
    "Russia–Azerbaijan relations since 2022"); ``since``/``until`` (ISO dates)
    override any window the text names. Raises InputError when the two
    countries cannot be told apart."""
    parsed = parse_question(question)
    if since is not None:
        parsed.since = parse_day(since, "since")
    if until is not None:
        parsed.until = parse_day(until, "until")
    if parsed.since and parsed.until and parsed.since > parsed.until:
        raise InputError("--since is after --until")
    return judge_dyad(store, parsed)


CHECK_OUTCOMES = ("supported", "contradicted", "mixed", "not enough evidence")
_CHECK_TABLE = {
    "ally": {"allied": "supported", "cooperative": "mixed", "mixed": "mixed", "tense": "contradicted",
             "hostile": "contradicted"},
    "friendly": {"allied": "supported", "cooperative": "supported", "mixed": "mixed", "tense": "contradicted",
                 "hostile": "contradicted"},
    "hostile": {"allied": "contradicted", "cooperative": "contradicted", "mixed": "mixed", "tense": "supported",
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


def check(store, claim: str, since=None, until=None) -> CheckResult:
    """Weigh a claim such as "Russia is an ally of Azerbaijan" (or "... is not an
    ally ...", "... are enemies") against the store's evidence."""
    answer = ask(store, claim, since=since, until=until)
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
