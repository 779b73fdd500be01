"""Actor recognition on the PETRARCH-2 gold sentences, against a names-only baseline.

For every hand-corrected event in ../shared/data/dev/PETR2_GSR_validation.xml
the gold source and target codes name a state (their first three letters,
when they are an ISO3 code we know). The script measures how many of those
gold states ActorKB.find_mentions finds in the sentence (recall), how many of
the states it finds are gold (precision, a lower bound: sentences name states
that are not in the event), how often the gold sector agrees, and the speed.

The baseline, run in the same process, matches only the countries' short and
official names (from the country table) as whole words: no adjectives,
capitals, seats, people or titles.

A second figure uses the source and target spans of
../shared/data/dev/conflibert_cameo_ner_train.txt (no codes there): the share
of spans that ActorKB.lookup places in a state or organisation, against the
share in which the baseline finds a country name. Spans like "a car bomb"
name no state, so neither share can reach 1.

Run: PYTHONPATH=src python benchmarks/bench_actors.py
"""
from __future__ import annotations

import re
import sys
import time
from pathlib import Path

from allies.nlp.actors import SECTOR_SUFFIX, ActorKB

DEV = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "dev"
DATA = DEV / "PETR2_GSR_validation.xml"
NER = DEV / "conflibert_cameo_ner_train.txt"
SUFFIX_SECTOR = {suffix: sector for sector, suffix in SECTOR_SUFFIX.items()}


def read_records(path: Path) -> list[dict]:
    """Sentences with their gold codes; the file is not always well-formed XML."""
    text = path.read_text(encoding="utf-8")
    records = []
    for block in re.split(r"<Sentence\s", text)[1:]:
        date = re.search(r'date="(\d{8})"', block)
        sentence = re.search(r"<Text>\s*(.*?)\s*</Text>", block, re.S)
        codings = re.findall(r'<EventCoding[^>]*sourcecode="([^"]*)"[^>]*targetcode="([^"]*)"', block)
        if not sentence or not codings:
            continue
        iso_date = f"{date.group(1)[:4]}-{date.group(1)[4:6]}-{date.group(1)[6:]}" if date else None
        records.append({"text": " ".join(sentence.group(1).split()), "date": iso_date, "codes": codings})
    return records


def gold_states(kb: ActorKB, codes) -> set[str]:
    states = set()
    for source, target in codes:
        for code in (source, target):
            if len(code) >= 3 and kb.is_country(code[:3]):
                states.add(code[:3])
    return states


def gold_sectors(kb: ActorKB, codes) -> set[tuple[str, str]]:
    pairs = set()
    for source, target in codes:
        for code in (source, target):
            if len(code) >= 6 and kb.is_country(code[:3]) and code[3:6] in SUFFIX_SECTOR:
                pairs.add((code[:3], SUFFIX_SECTOR[code[3:6]]))
    return pairs


class NamesOnly:
    """The baseline: country short and official names as case-sensitive whole words."""

    def __init__(self, kb: ActorKB):
        from allies import countries

        names = {}
        for country in countries.states():
            if not kb.is_country(country.iso3):
                continue
            for name in {country.name, country.official}:
                if name:
                    names[name] = country.iso3
        alternatives = sorted(names, key=len, reverse=True)
        self.names = names
        self.pattern = re.compile(r"\b(?:" + "|".join(re.escape(n) for n in alternatives) + r")\b")

    def states(self, text: str) -> set[str]:
        return {self.names[m.group()] for m in self.pattern.finditer(text)}


def read_spans(path: Path) -> list[str]:
    """Source (S) and target (T) spans of a CoNLL file with B-/I- tags."""
    spans, current = [], []
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        parts = line.split()
        tag = parts[-1] if len(parts) >= 2 else "O"
        if current and not (tag.startswith("I-") and tag[2:] in "ST"):
            spans.append(" ".join(current))
            current = []
        if tag in ("B-S", "B-T"):
            current = [parts[0]]
        elif current and tag in ("I-S", "I-T"):
            current.append(parts[0])
    return spans


def score(found: list[set[str]], gold: list[set[str]]) -> tuple[float, float]:
    hits = sum(len(f & g) for f, g in zip(found, gold))
    recall = hits / max(1, sum(len(g) for g in gold))
    precision = hits / max(1, sum(len(f) for f in found))
    return recall, precision


def main() -> int:
    if not DATA.exists():
        print(f"skipped: {DATA} is not available")
        return 0
    kb = ActorKB.default()
    records = read_records(DATA)
    gold = [gold_states(kb, r["codes"]) for r in records]
    keep = [i for i, g in enumerate(gold) if g]
    records = [records[i] for i in keep]
    gold = [gold[i] for i in keep]

    baseline = NamesOnly(kb)
    started = time.perf_counter()
    base_found = [baseline.states(r["text"]) for r in records]
    base_seconds = time.perf_counter() - started

    started = time.perf_counter()
    mentions = [kb.find_mentions(r["text"], date=r["date"]) for r in records]
    kb_seconds = time.perf_counter() - started
    kb_found = [{a.country for _s, _e, a in m if a.country} for m in mentions]

    sector_gold = [gold_sectors(kb, r["codes"]) for r in records]
    sector_found = [{(a.country, a.sector) for _s, _e, a in m if a.country and a.sector} for m in mentions]
    sector_hits = sum(len(f & g) for f, g in zip(sector_found, sector_gold))
    sector_total = sum(len(g) for g in sector_gold)

    base_recall, base_precision = score(base_found, gold)
    kb_recall, kb_precision = score(kb_found, gold)
    chars = sum(len(r["text"]) for r in records)
    print(f"sentences with a gold state: {len(records)}, gold states: {sum(len(g) for g in gold)}")
    print(f"{'method':<22}{'recall':>8}{'precision':>11}{'ms/sentence':>13}")
    print(f"{'names only (baseline)':<22}{base_recall:>8.3f}{base_precision:>11.3f}"
          f"{1000 * base_seconds / len(records):>13.3f}")
    print(f"{'ActorKB.find_mentions':<22}{kb_recall:>8.3f}{kb_precision:>11.3f}"
          f"{1000 * kb_seconds / len(records):>13.3f}")
    print(f"gold (state, sector) pairs found with the same sector: {sector_hits}/{sector_total}")

    if NER.exists():
        spans = read_spans(NER)
        placed = sum(1 for span in spans if (lambda a: a is not None and (a.country or a.code))(kb.lookup(span)))
        base_placed = sum(1 for span in spans if baseline.states(span))
        print(f"ConfliBERT source/target spans: {len(spans)}; placed by ActorKB.lookup: "
              f"{placed / len(spans):.3f}, by the names-only baseline: {base_placed / len(spans):.3f}")

    # throughput on a longer stream: every sentence 50 times, no cache help for find_mentions
    stream = [r["text"] for r in records] * 50
    started = time.perf_counter()
    for text in stream:
        kb.find_mentions(text)
    seconds = time.perf_counter() - started
    print(f"find_mentions throughput: {len(stream) / seconds:,.0f} sentences/s, "
          f"{chars * 50 / seconds / 1e6:.2f} M characters/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
