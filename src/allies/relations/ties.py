"""Formal ties: treaties, blocs and declarations between states.

The built-in list lives in ``data/formal_ties.json``. Blocs list membership
spells; they expand to one tie per pair of members whose spells overlap (the
tie starts when the later of the two joined and ends when the first left).
Built-in ties are always read from the data file, so every store sees them even
when opened read-only; :func:`load_builtin_ties` also writes them into the
``formal_ties`` table (origin ``builtin``) for SQL users, idempotently.
Ties from ATOP (origin ``atop``) live only in the table.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from itertools import combinations
from typing import Any

from ..dates import iso, period

OBLIGATIONS = ("defence", "offence", "neutrality", "non_aggression", "consultation", "strategic_partnership")
TIE_COLUMNS = ("tie_id", "name", "kind", "country_a", "country_b", "organisation", "signed", "in_force",
               "ended", "suspended", "obligations", "origin", "note")


def parse_loose_date(value: str | None) -> tuple[dt.date | None, str | None]:
    """'2024-02-23' / '2024-02' / '2024' -> (first day of that period, precision)."""
    if not value:
        return None, None
    first, _, precision = period(value)
    return first, precision


@dataclass(frozen=True)
class FormalTie:
    """One formal tie between two states (``country_a`` < ``country_b``)."""

    tie_id: str
    name: str
    kind: str
    country_a: str
    country_b: str
    organisation: str | None = None
    signed: dt.date | None = None
    in_force: dt.date | None = None
    ended: dt.date | None = None
    suspended: dt.date | None = None
    obligations: tuple[str, ...] = ()
    origin: str = "builtin"
    note: str | None = None
    alliance: bool = False  # the tie makes the parties allies (defence or offence obligation)
    recorded_until: dt.date | None = None  # a dataset's last recorded day of a spell open when its data end
    data_until: dt.date | None = None  # the last day the dataset covers, for a spell that reached it

    @property
    def kind_label(self) -> str:
        """What the tie is, by its strongest obligation: an alliance only with a
        defence or offence obligation."""
        for obligation, label in (("defence", "defence pact"), ("offence", "offence pact"),
                                  ("neutrality", "neutrality pact"), ("non_aggression", "non-aggression pact"),
                                  ("consultation", "consultation pact"),
                                  ("strategic_partnership", "strategic partnership")):
            if obligation in self.obligations:
                if self.alliance and obligation not in ("defence", "offence"):
                    # a declared alliance without a defence clause ("allied interaction"): say both
                    return f"declared alliance, {label}"
                return label
        return self.kind or "tie"

    @property
    def start(self) -> dt.date | None:
        return self.in_force or self.signed

    def status_on(self, day: dt.date) -> str:
        """'active', 'suspended', 'ended', 'not_yet' on ``day``, or 'unconfirmed'
        after the last day a dataset recorded an open spell (ATOP ends in 2018)."""
        if self.start and day < self.start:
            return "not_yet"
        if self.ended and day >= self.ended:
            return "ended"
        if self.suspended and day >= self.suspended:
            return "suspended"
        if self.recorded_until and day > self.recorded_until:
            return "unconfirmed"
        return "active"

    def status_text(self, day: dt.date) -> str:
        """The status in words: 'active', 'ended 1999', 'last recorded 2018 (ATOP)'."""
        status = self.status_on(day)
        if status == "unconfirmed":
            return f"last recorded {self.recorded_until.year} ({self.origin.upper()})"
        if status == "ended" and self.ended:
            return f"ended {self.ended.year if self.origin == 'atop' else self.ended.isoformat()}"
        if status == "suspended" and self.suspended:
            return f"suspended {self.suspended.isoformat()}"
        if status == "active" and self.recorded_until:
            return f"active (recorded to {self.recorded_until.year}, {self.origin.upper()})"
        return status

    def span_text(self) -> str:
        """Years for dataset spells ('1993-2018'), dates for curated ties."""
        if self.origin == "atop":
            first = str(self.start.year) if self.start else "?"
            ends = [d for d in (self.data_until, self.ended and self.ended - dt.timedelta(days=1)) if d]
            last = min(ends) if ends else None
            if not last:
                return f"from {first}"
            return first if str(last.year) == first else f"{first}-{last.year}"
        return f"from {iso(self.start) or '?'}"

    def overlaps(self, since: dt.date | None, until: dt.date | None) -> bool:
        if until and self.start and self.start > until:
            return False
        end = min(d for d in (self.ended, self.suspended, dt.date.max) if d)
        return not (since and end <= since)

    def to_dict(self, on: dt.date | None = None) -> dict[str, Any]:
        out = {
            "tie_id": self.tie_id, "name": self.name, "kind": self.kind,
            "countries": [self.country_a, self.country_b], "organisation": self.organisation,
            "signed": iso(self.signed), "in_force": iso(self.in_force), "ended": iso(self.ended),
            "suspended": iso(self.suspended), "obligations": list(self.obligations),
            "origin": self.origin, "note": self.note, "alliance": self.alliance, "what": self.kind_label,
            "recorded_until": iso(self.recorded_until),
        }
        if on is not None:
            out["status"] = self.status_on(on)
            out["span"] = self.span_text()
            out["status_text"] = self.status_text(on)
        return out

    def row(self) -> tuple:
        return (self.tie_id, self.name, self.kind, self.country_a, self.country_b, self.organisation,
                self.signed, self.in_force, self.ended, self.suspended, ",".join(self.obligations),
                self.origin, self.note)


def _data_text() -> str:
    return resources.files("allies.relations").joinpath("data", "formal_ties.json").read_text(encoding="utf-8")


def _note(*parts: str | None) -> str | None:
    text = "; ".join(p for p in parts if p)
    return text or None


@lru_cache(maxsize=1)
def builtin_ties() -> tuple[FormalTie, ...]:
    """All built-in ties, blocs expanded to member dyads."""
    data = json.loads(_data_text())
    out: list[FormalTie] = []
    for tie in data["ties"]:
        obligations = tuple(tie.get("obligations", ()))
        unknown = set(obligations) - set(OBLIGATIONS)
        if unknown:  # a typo in the data file must not pass silently
            raise ValueError(f"formal_ties.json: {tie['id']} has unknown obligations {sorted(unknown)}")
        signed, _ = parse_loose_date(tie.get("signed"))
        in_force, _ = parse_loose_date(tie.get("in_force"))
        common = {"name": tie["name"], "kind": tie["kind"], "organisation": tie.get("organisation"),
                  "signed": signed, "obligations": obligations, "alliance": bool(tie.get("alliance"))}
        if "parties" in tie:
            a, b = sorted(tie["parties"])
            ended, _ = parse_loose_date(tie.get("ended"))
            suspended, _ = parse_loose_date(tie.get("suspended"))
            out.append(FormalTie(tie_id=tie["id"], country_a=a, country_b=b, in_force=in_force,
                                 ended=ended, suspended=suspended, note=tie.get("note"), **common))
            continue
        dyad_rules = {tuple(sorted(d["countries"])): d for d in tie.get("dyads", ())}
        spells = []
        for member in tie["members"]:
            joined, precision = parse_loose_date(member["joined"])
            left, _ = parse_loose_date(member.get("left"))
            suspended, _ = parse_loose_date(member.get("suspended"))
            spells.append((member["country"], max(joined, in_force or joined), left, suspended,
                           member.get("note"), precision))
        for first, second in combinations(spells, 2):
            if first[0] == second[0]:
                continue
            start = max(first[1], second[1])
            ends = [d for d in (first[2], second[2]) if d]
            end = min(ends) if ends else None
            if end and end <= start:
                continue  # the two were never members at the same time
            susp = [d for d in (first[3], second[3]) if d]
            a, b = sorted((first[0], second[0]))
            rule = dyad_rules.get((a, b), {})
            rule_susp, _ = parse_loose_date(rule.get("suspended"))
            if rule_susp:
                susp.append(rule_susp)
            suspended = min(susp) if susp else None
            member_notes = [f"{s[0]}: {s[4]}" for s in (first, second) if s[4]]
            loose = [s[0] for s in (first, second) if s[5] != "day"]
            precision_note = f"membership date of {', '.join(loose)} known to the month or year only" if loose else None
            out.append(FormalTie(
                tie_id=f"{tie['id']}:{a}-{b}:{start.year}", country_a=a, country_b=b, in_force=start,
                ended=end, suspended=suspended, note=_note(tie.get("note"), *member_notes, precision_note), **common))
    return tuple(out)


@lru_cache(maxsize=1)
def builtin_version() -> str:
    return hashlib.sha256(_data_text().encode("utf-8")).hexdigest()[:16]


def load_builtin_ties(store) -> int:
    """Write the built-in ties into ``formal_ties`` (origin 'builtin'), replacing
    older built-in rows; a no-op when the stored copy is current. Returns the
    number of built-in rows now stored."""
    con = store.con
    version = builtin_version()
    row = con.execute("SELECT value FROM relations_state WHERE key = 'builtin_ties'").fetchone()
    ties = builtin_ties()
    if row and row[0] == version:
        return len(ties)
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute("DELETE FROM formal_ties WHERE origin = 'builtin'")
        con.executemany(f"INSERT INTO formal_ties ({', '.join(TIE_COLUMNS)}) VALUES ({', '.join('?' * len(TIE_COLUMNS))})",
                        [t.row() for t in ties])
        con.execute("INSERT OR REPLACE INTO relations_state (key, value) VALUES ('builtin_ties', ?)", [version])
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return len(ties)


def _stored_ties(store, where: str, params: list[Any]) -> list[FormalTie]:
    rows = store.query(
        f"SELECT {', '.join(TIE_COLUMNS)} FROM formal_ties WHERE origin <> 'builtin' AND ({where}) ORDER BY signed, in_force, tie_id",
        params)
    out = []
    for r in rows:
        obligations = tuple(o for o in (r["obligations"] or "").split(",") if o)
        out.append(FormalTie(
            tie_id=r["tie_id"], name=r["name"], kind=r["kind"] or "", country_a=r["country_a"],
            country_b=r["country_b"], organisation=r["organisation"], signed=r["signed"], in_force=r["in_force"],
            ended=r["ended"], suspended=r["suspended"], obligations=obligations, origin=r["origin"], note=r["note"],
            alliance=bool({"defence", "offence"} & set(obligations))))
    return out


def _atop_last_year(store) -> int | None:
    row = store.con.execute("SELECT value FROM relations_state WHERE key = 'atop_last_year'").fetchone()
    return int(row[0]) if row and row[0] else None


def _after_atop(ties: list[FormalTie], last_year: int | None) -> list[FormalTie]:
    """Read ATOP spells as ATOP means them.

    - Built-in knowledge wins where it knows more: an ATOP alliance spell of a
      pair that a built-in alliance also covers is taken to end when the
      built-in tie ended or was suspended, if ATOP runs past that day
      (Azerbaijan, Georgia and Uzbekistan left the Collective Security Treaty
      in 1999; Armenia froze its participation in 2024), and is named after it.
    - A spell still open when ATOP's data end is not known to last: it is
      'last recorded' in that year (``recorded_until``), uncertain after it,
      unless a built-in alliance of the pair runs on and carries it.
    Shown years stay ATOP's own (``data_until``)."""
    if last_year is None:
        return ties
    horizon = dt.date(last_year, 12, 31)
    builtin: dict[tuple[str, str], list[FormalTie]] = {}
    for t in ties:
        if t.origin == "builtin" and t.alliance:
            builtin.setdefault((t.country_a, t.country_b), []).append(t)
    out = []
    for t in ties:
        if t.origin != "atop":
            out.append(t)
            continue
        if t.ended is None and t.suspended is None:
            t = replace(t, recorded_until=horizon, data_until=horizon)
        for known in builtin.get((t.country_a, t.country_b), ()):
            if not t.alliance or (known.start and t.start and t.start > (known.ended or dt.date.max)):
                continue  # the two never ran together
            lapse = min((d for d in (known.ended, known.suspended) if d), default=None)
            how = "left" if lapse and known.ended == lapse else "suspended"
            if lapse and (t.recorded_until or t.ended or dt.date.max) > lapse:
                # The built-in record knows of an exit that ATOP runs past.
                t = replace(t, ended=lapse, recorded_until=None, note=_note(
                    t.note, f"ends {lapse.isoformat()} with {known.name} ({how}, built-in record)"))
            elif t.recorded_until and not (lapse and lapse <= t.recorded_until):
                # ATOP's data end while the built-in tie runs on: it carries the spell.
                t = replace(t, ended=lapse, recorded_until=None, note=_note(
                    t.note, f"taken to lapse on {lapse.isoformat()} with {known.name} (built-in record)" if lapse
                    else f"continued by {known.name} (built-in record)"))
            if ", matching " not in t.name:
                t = replace(t, name=f"{t.name}, matching {known.name}")
        out.append(t)
    return out


def ties_between(store, a: str, b: str) -> list[FormalTie]:
    """Every formal tie between ``a`` and ``b`` (built-in and imported), oldest first."""
    lo, hi = sorted((a, b))
    found = [t for t in builtin_ties() if (t.country_a, t.country_b) == (lo, hi)]
    if store is not None:
        found += _stored_ties(store, "country_a = ? AND country_b = ?", [lo, hi])
        found = _after_atop(found, _atop_last_year(store))
    return sorted(found, key=lambda t: (t.start or dt.date.min, t.tie_id))


def ties_of(store, *countries: str) -> list[FormalTie]:
    """Every formal tie that involves any of ``countries``."""
    wanted = set(countries)
    found = [t for t in builtin_ties() if wanted & {t.country_a, t.country_b}]
    if store is not None and wanted:
        marks = ", ".join("?" for _ in wanted)
        found += _stored_ties(store, f"country_a IN ({marks}) OR country_b IN ({marks})", [*wanted, *wanted])
        found = _after_atop(found, _atop_last_year(store))
    return found
