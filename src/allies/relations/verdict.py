"""From figures to a verdict: allied, cooperative, mixed, tense, hostile or unknown.

The rules, in order:

1. Deeds weigh twice what words weigh: the balance is
   (coop - conflict) / (coop + conflict) with material acts counted double,
   nudged by third-party signals (cooperating with the other's adversary).
2. The balance gives the base: cooperative >= 0.3 > mixed >= -0.1 > tense;
   hostile at <= -0.5 when material conflict is reported.
3. "Allied" needs a cooperative base plus an alliance on paper (active at the
   window's end) or alliance claims, with no denial from either side's voices
   and no conflictual deeds.
4. The gap rule: an alliance on paper or claimed that deeds contradict (violent
   acts, material conflict beyond 15% of material acts, a side whose words
   cooperate while its deeds conflict, one side working with the other's
   adversary) never reads "allied"; a cooperative base drops to mixed and the
   summary names the gap.
Confidence grows with the amount of evidence and with how much of it agrees
with the verdict.
"""
from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from typing import Any

from .countries import country_name
from .dyad import MATERIAL_WEIGHT, DyadAnalysis
from .ties import FormalTie

VERDICTS = ("allied", "cooperative", "mixed", "tense", "hostile", "unknown")
MIN_EVENTS = 3
THIRD_PARTY_WEIGHT = 0.15
THIRD_PARTY_GAP = 0.3  # net third-party pull (tanh-scaled) that counts as deeds against an alliance
CONFLICT_SHARE = 0.15  # material conflict as a share of material acts that belies an alliance
VIOLENT_SHARE = 0.02  # violent acts (Goldstein <= -9) as a share of all events, at least one


@dataclass
class Verdict:
    verdict: str
    confidence: float
    summary: str
    balance: float | None
    gap: list[str] = field(default_factory=list)  # why an alliance reads hollow, if it does
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"verdict": self.verdict, "confidence": self.confidence, "summary": self.summary,
                "balance": None if self.balance is None else round(self.balance, 3),
                "gap": self.gap, "notes": self.notes}


def _fmt_day(day: dt.date | None) -> str:
    return f"{day.day} {day:%B %Y}" if day else "an unknown date"


def paper_alliance(ties: list[FormalTie], on: dt.date) -> list[FormalTie]:
    return [t for t in ties if t.alliance and t.status_on(on) == "active"]


def judge(analysis: DyadAnalysis, ties: list[FormalTie], on: dt.date) -> Verdict:
    a, b = analysis.a, analysis.b
    na, nb = country_name(a), country_name(b)
    sides = [analysis.side(a, b), analysis.side(b, a)]
    counts = {q: sum(s.counts[q] for s in sides) for q in sides[0].counts}
    vc, mc = counts["verbal_cooperation"], counts["material_cooperation"]
    vk, mk = counts["verbal_conflict"], counts["material_conflict"]
    total = analysis.total
    coop_w = vc + MATERIAL_WEIGHT * mc
    conf_w = vk + MATERIAL_WEIGHT * mk
    balance = None if coop_w + conf_w == 0 else (coop_w - conf_w) / (coop_w + conf_w)
    deeds = None if mc + mk == 0 else (mc - mk) / (mc + mk)

    signal = sum(t.signal for t in analysis.third_parties)
    tp_score = math.tanh(signal / 3) if analysis.third_parties else 0.0
    adjusted = None if balance is None else max(-1.0, min(1.0, balance + THIRD_PARTY_WEIGHT * tp_score))

    paper = paper_alliance(ties, on)
    ally_claims, not_ally_claims = analysis.claims()
    claims_a, denials_a = analysis.claims("a")
    claims_b, denials_b = analysis.claims("b")
    party_denials = denials_a + denials_b

    # -- base verdict ------------------------------------------------------
    if total < MIN_EVENTS and not ally_claims and not not_ally_claims:
        # Too little reported to judge from events: the paper alone speaks.
        base = "allied" if paper else "unknown"
    elif adjusted is None:
        # Statements about the tie but no acts between them: again the paper speaks.
        base = "allied" if paper else "unknown"
    elif adjusted <= -0.5 and mk > 0:
        base = "hostile"
    elif adjusted < -0.1:
        base = "tense"
    elif adjusted < 0.3:
        base = "mixed"
    else:
        base = "cooperative"

    # -- the gap between the alliance and what happens ---------------------
    gap: list[str] = []
    alliance_asserted = bool(paper) or ally_claims > 0
    if alliance_asserted:
        # Allies do not attack each other: any violent act counts, and other
        # material conflict once it is a noticeable share of the deeds.
        violent = analysis.violent
        if mk > 0 and (violent >= max(1, VIOLENT_SHARE * total) or mk / (mc + mk) >= CONFLICT_SHARE):
            what = f"{mk} reported act{'s' if mk != 1 else ''} of material conflict between them"
            if violent:
                what += f" ({violent} violent)"
            gap.append(what)
        for side in sides:
            if side.gap == "words_cooperate_deeds_conflict":
                gap.append(f"{country_name(side.source)}'s words toward {country_name(side.target)} cooperate while its deeds conflict")
        if party_denials:
            who = [n for n, d in ((na, denials_a), (nb, denials_b)) if d]
            gap.append(f"{' and '.join(who)} voices deny the alliance")
        if tp_score <= -THIRD_PARTY_GAP:
            # Name the strongest reason the third-party picture pulls them apart.
            worst = min(analysis.third_parties, key=lambda t: t.signal)
            gap.append(worst.reading)

    verdict = base
    strong_claims = ally_claims >= 2 or (claims_a > 0 and claims_b > 0)
    if base == "cooperative" and not gap and (paper or strong_claims):
        verdict = "allied"
    elif base == "allied" and gap:
        verdict = "mixed"
    elif base == "cooperative" and gap:
        deeds_contradict = mk > 0 or any(s.gap for s in sides) or tp_score <= -THIRD_PARTY_GAP
        verdict = "mixed" if deeds_contradict else "cooperative"

    # -- confidence --------------------------------------------------------
    amount = 1 - math.exp(-(total + ally_claims + not_ally_claims) / 15)
    if verdict in ("allied", "cooperative"):
        agreement = coop_w / (coop_w + conf_w) if coop_w + conf_w else 0.5
    elif verdict in ("hostile", "tense"):
        agreement = conf_w / (coop_w + conf_w) if coop_w + conf_w else 0.5
    elif verdict == "mixed":
        agreement = 1 - abs(balance or 0)
    else:
        agreement = 0.0
    confidence = 0.1 + 0.8 * amount * (0.4 + 0.6 * agreement)
    if verdict == "allied" and paper:
        confidence = max(confidence, 0.4) + 0.05  # a treaty in force is evidence in itself
    if verdict == "unknown":
        confidence = min(confidence, 0.2)
    confidence = round(max(0.05, min(0.95, confidence)), 2)

    summary = _summary(analysis, ties, paper, on, verdict, gap, counts, deeds, (claims_a, denials_a),
                       (claims_b, denials_b), analysis.claims("third"))
    notes = [t.reading for t in analysis.third_parties[:5] if t.reading]
    return Verdict(verdict, confidence, summary, adjusted, gap, notes)


def _summary(analysis, ties, paper, on, verdict, gap, counts, deeds, voice_a, voice_b, voice_third) -> str:
    a, b = analysis.a, analysis.b
    na, nb = country_name(a), country_name(b)
    parts: list[str] = []
    if paper:
        # Name a hand-curated treaty when there is one; ATOP spells are the fallback.
        first = min(paper, key=lambda t: (t.origin != "builtin", t.start or dt.date.max))
        others = len(paper) - 1
        more = f" and {others} other tie{'s' if others > 1 else ''}" if others else ""
        when = str(first.start.year) if first.origin == "atop" and first.start else _fmt_day(first.start)
        parts.append(f"Allied on paper since {when} ({first.name}{more})")
    else:
        lapsed = [t for t in ties if t.alliance and t.status_on(on) in ("ended", "suspended")]
        other = [t for t in ties if not t.alliance and t.status_on(on) == "active"]
        if lapsed:
            t = max(lapsed, key=lambda t: t.ended or t.suspended or dt.date.min)
            how = "ended" if t.status_on(on) == "ended" else "suspended"
            parts.append(f"No alliance in force: {t.name} {how} {_fmt_day(t.ended or t.suspended)}")
        elif other:
            parts.append(f"No alliance treaty between them; a formal tie of another kind: {other[0].name}")
        else:
            parts.append("No formal alliance on record")
    for name, (claims, denials) in ((na, voice_a), (nb, voice_b)):
        if claims and denials:
            parts.append(f"{name} voices both call the other an ally ({claims}) and deny it ({denials})")
        elif claims:
            parts.append(f"{name} voices call the other side an ally ({claims} statement{'s' if claims > 1 else ''})")
        elif denials:
            parts.append(f"{name} voices dispute the alliance ({denials} statement{'s' if denials > 1 else ''})")
    if voice_third[0] or voice_third[1]:
        parts.append(f"third parties: {voice_third[0]} calling them allies, {voice_third[1]} disputing it")
    mc, mk = counts["material_cooperation"], counts["material_conflict"]
    vc, vk = counts["verbal_cooperation"], counts["verbal_conflict"]
    if mc + mk:
        tone = "cooperative" if deeds >= 0.3 else "conflictual" if deeds <= -0.3 else "mixed"
        parts.append(f"deeds {tone}: {mc} cooperative and {mk} conflictual material acts")
    if vc + vk:
        parts.append(f"words: {vc} cooperative and {vk} conflictual statements")
    if not (mc + mk + vc + vk):
        parts.append("no events reported between them in the window")
    for side in (analysis.side(a, b), analysis.side(b, a)):
        if side.gap == "words_cooperate_deeds_conflict":
            parts.append(f"{country_name(side.source)} speaks of cooperation but acts against {country_name(side.target)}")
        elif side.gap == "words_conflict_deeds_cooperate":
            parts.append(f"{country_name(side.source)} criticises {country_name(side.target)} but keeps cooperating in deed")
    notes = [t.reading for t in analysis.third_parties if t.reading][:2]
    if notes:
        parts.append("; ".join(notes))
    phases = _phases(analysis.yearly())
    if phases:
        parts.append(f"over time: {phases}")
    trend = [s.trend_per_month for s in analysis.sides.values() if s.trend_per_month is not None]
    if trend:
        slope = sum(trend) / len(trend)
        if abs(slope) >= 0.1:
            parts.append(f"relations {'improving' if slope > 0 else 'worsening'} over the period "
                         f"(Goldstein {slope:+.2f} a month)")
    text = "; ".join(parts) + "."
    text = text[0].upper() + text[1:]
    if verdict != "allied" and gap and (paper or "ally" in text):
        text += f" The alliance is contradicted: {'; '.join(gap)}."
    return text


def _tone(balance: float | None) -> str:
    if balance is None:
        return "quiet"
    return "cooperative" if balance >= 0.3 else "mixed" if balance >= -0.1 else "conflictual"


def _phases(yearly: list[dict[str, Any]], min_events: int = MIN_EVENTS) -> str | None:
    """'2022 cooperative → 2024 conflictual': the years where the tone changed,
    among years with enough events; None when the tone held throughout."""
    steps = []
    for year in yearly:
        if year["events"] < min_events:
            continue
        tone = _tone(year["balance"])
        if not steps or steps[-1][1] != tone:
            steps.append((year["year"], tone))
    if len(steps) < 2:
        return None
    return " → ".join(f"{y} {t}" for y, t in steps)
