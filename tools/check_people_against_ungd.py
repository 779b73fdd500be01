"""Check the dated office table (src/allies/nlp/data/people.tsv) against who
spoke for each state at the UN General Debate.

``../shared/data/reference/ungd_speakers_1946-2024.tsv`` (CC0) lists, for each
year and state, the speaker and their post. A speaker whose post is one the
table keeps (president, king, emir -> head_of_state; prime minister ->
head_of_government; minister of foreign affairs -> foreign_minister) was in
that office at the debate (late September of that year). For each such row
since ``--since`` the script reports:

- agree: the table's holder of that office on that day is the speaker;
- disagree: the table names someone else (a wrong or stale term, or a
  speaker who holds two posts; read before changing anything);
- missing: the table has nobody in that office on that day. These are the
  rows it would add, as ``post, person, state, from, to`` with ``from`` the
  first debate year seen and ``to`` empty when the speaker spoke at the last
  debate in the file. The debate only bounds a term: look up the real dates
  before adding a row.

Run from the repository root:
    python tools/check_people_against_ungd.py [--since 2015] [--reference FILE] [--missing-only]
Exit status 0; 2 when the reference file is missing.
"""
from __future__ import annotations

import argparse
import csv
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_REFERENCE = ROOT / ".." / "shared" / "data" / "reference" / "ungd_speakers_1946-2024.tsv"
DEBATE_DAY = "09-25"  # the General Debate opens in the second half of September

# UN posts -> the table's roles (posts not listed here are not kept by the table).
POST_ROLES = {
    "president": "head_of_state", "king": "head_of_state", "queen": "head_of_state", "amir": "head_of_state",
    "emir": "head_of_state", "sultan": "head_of_state", "sovereign prince": "head_of_state",
    "head of state": "head_of_state", "prime minister": "head_of_government",
    "president of the council of ministers": "head_of_government", "president of government": "head_of_government",
    "head of government": "head_of_government", "minister of foreign affairs": "foreign_minister",
    "minister for foreign affairs": "foreign_minister", "foreign minister": "foreign_minister",
}


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()


def name_words(name: str) -> set[str]:
    return {w.strip(".,'\"") for w in fold(name).replace("-", " ").split() if len(w.strip(".,'\"")) > 2}


def same_person(speaker: str, names: list[str]) -> bool:
    """Whether the UN's spelling of a speaker and one of the table's names share a
    surname-like word ("Joseph R. Biden" and "Joe Biden")."""
    spoken = name_words(speaker)
    return any(spoken & name_words(name) for name in names)


def read_ungd(path: Path, since: int) -> list[dict[str, str]]:
    rows = []
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            try:
                year = int(row["year"])
            except (TypeError, ValueError):
                continue
            role = POST_ROLES.get(" ".join((row.get("post") or "").split()).lower())
            speaker = " ".join((row.get("speaker") or "").replace('"', " ").split()).strip(" ,")
            if year >= since and role and speaker and row.get("iso3"):
                rows.append({"year": year, "iso3": row["iso3"].strip().upper(), "speaker": speaker, "role": role})
    return rows


def read_aliases(path: Path) -> dict[str, list[str]]:
    """The table's other names of each person."""
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    found: dict[str, list[str]] = defaultdict(list)
    for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
        found[row["name"]] += [a for a in (row.get("aliases") or "").split("|") if a.strip()]
    return found


def check(rows: list[dict], kb, aliases: dict[str, list[str]]) -> tuple[list, list, dict]:
    """(agreeing rows, disagreeing rows with the table's holder, missing terms by
    (role, state, speaker) -> years)."""
    agree, disagree = [], []
    missing: dict[tuple[str, str, str], list[int]] = defaultdict(list)
    for row in rows:
        if not kb.is_country(row["iso3"]):
            continue
        day = f"{row['year']}-{DEBATE_DAY}"
        holder = kb.holder(row["iso3"], row["role"], day)
        if holder is None:
            missing[(row["role"], row["iso3"], row["speaker"])].append(row["year"])
            continue
        names = [holder.name, *aliases.get(holder.name, ())]
        (agree if same_person(row["speaker"], names) else disagree).append((row, holder))
    return agree, disagree, missing


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reference", type=Path, default=DEFAULT_REFERENCE)
    parser.add_argument("--since", type=int, default=2015, help="first debate year to check (default 2015)")
    parser.add_argument("--missing-only", action="store_true", help="print only the rows it would add")
    args = parser.parse_args(argv)
    if not args.reference.is_file():
        print(f"check_people_against_ungd: no reference file at {args.reference}", file=sys.stderr)
        return 2
    sys.path.insert(0, str(ROOT / "src"))
    from allies.nlp.actors import ActorKB

    kb = ActorKB.load()
    rows = read_ungd(args.reference, args.since)
    last_year = max((row["year"] for row in rows), default=args.since)
    agree, disagree, missing = check(rows, kb, read_aliases(ROOT / "src" / "allies" / "nlp" / "data" / "people.tsv"))
    if not args.missing_only:
        print(f"{len(rows)} debate speakers in kept posts since {args.since}: {len(agree)} agree, "
              f"{len(disagree)} disagree, {sum(len(v) for v in missing.values())} with no holder in the table")
        for row, holder in sorted(disagree, key=lambda item: (item[0]["iso3"], item[0]["role"], item[0]["year"])):
            print(f"disagree\t{row['year']}\t{row['iso3']}\t{row['role']}\tUN: {row['speaker']}\ttable: {holder.name} "
                  f"({holder.start}..{holder.end or ''})")
    print("post\tperson\tstate\tfrom\tto")
    for (role, iso3, speaker), years in sorted(missing.items(), key=lambda item: (item[0][1], item[0][0], min(item[1]))):
        to = "" if max(years) == last_year else str(max(years))
        print(f"{role}\t{speaker}\t{iso3}\t{min(years)}\t{to}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
