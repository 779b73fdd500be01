"""Accuracy of the event coder on labelled sentences (``allies eval``,
``benchmarks/eval_coder.py``).

Reads the dev files at run time (they are never copied into the project):

- ``conflibert_cameo_class_train.tsv``: quad-class accuracy and macro-F1.
  The labels follow the Phoenix/PETRARCH quad scheme, read off the CAMEO root:
  0 neutral (01-02 and no event), 1 verbal cooperation (03-05), 2 material
  cooperation (06-08), 3 verbal conflict (09-13 and 16, reducing relations),
  4 material conflict (14-15, 17-20).
  A sentence's class is that of its top event (the event nearest the root of
  the parse, which the coder lists first).
- ``PETR2_GSR_validation.xml``: precision, recall and F1 of (source country,
  target country, CAMEO root) triples against the hand-corrected codings,
  with a confusion matrix of roots over the sentences both sides coded.
- ``conflibert_cameo_ner_train.txt`` (optional): who did it to whom, by words.
  Over the sentences with a tagged source and target, how often the coder's
  confident events name words of the tagged source as their source and of
  the tagged target as their target, and in how many sentences one confident
  event gets both right. It measures attachment beyond the countries the
  knowledge base knows.

    allies eval [--data DIR] [--rules] [--show N] [--min-confidence C]
"""
from __future__ import annotations

import argparse
import re
import time
from collections import Counter
from pathlib import Path

# The dev data sits beside a source checkout: <repo>/../shared/data/dev.
DEV_DATA_PARTS = ("shared", "data", "dev")
DEV_DATA_ENV = "ALLIES_DEV_DATA"
QUAD_FILE = "conflibert_cameo_class_train.tsv"
PETR_FILE = "PETR2_GSR_validation.xml"
QUAD_NAMES = ("neutral", "verbal coop", "material coop", "verbal confl", "material confl")


def phoenix_class(cameo: str | None) -> int:
    """The Phoenix quad class (0-4) of a CAMEO code; no event is neutral."""
    if not cameo:
        return 0
    root = int(cameo[:2])
    if root <= 2:
        return 0
    if root <= 5:
        return 1
    if root <= 8:
        return 2
    if root <= 13 or root == 16:
        return 3
    return 4


def top_event(events):
    """The event that stands for the sentence: the coder lists a sentence's
    events from the one nearest the root of the parse down."""
    return events[0] if events else None


def read_quad_sentences(path: Path) -> list[tuple[str, int]]:
    rows = []
    with path.open(encoding="utf-8", newline="") as handle:
        for line in handle:
            line = line.rstrip("\r\n")
            if not line.strip():
                continue
            text, _, label = line.rpartition("\t")
            if text and label.strip().isdigit():
                rows.append((text, int(label)))
    return rows


def read_petr_records(path: Path) -> list[dict]:
    """Records of the PETRARCH-2 validation file, read with regular expressions
    because some of them are not well-formed XML."""
    raw = path.read_text(encoding="utf-8", errors="replace")
    records = []
    for chunk in re.split(r"<Sentence\b", raw)[1:]:
        text_match = re.search(r"<Text>(.*?)</Text>", chunk, re.DOTALL)
        if not text_match:
            continue
        text = " ".join(text_match.group(1).split())
        date_match = re.search(r'date="(\d{8})"', chunk[:300])
        date = None
        if date_match:
            d = date_match.group(1)
            date = f"{d[:4]}-{d[4:6]}-{d[6:]}"
        codings = []
        no_events = False
        for attrs in re.findall(r"<EventCoding\b([^>]*)>", chunk):
            if "noevents" in attrs:
                no_events = True
                continue
            fields = dict(re.findall(r'(\w+)="([^"]*)"', attrs))
            if "eventcode" in fields:
                codings.append((fields.get("sourcecode", ""), fields.get("targetcode", ""), fields["eventcode"]))
        records.append({"text": text, "date": date, "codings": codings, "no_events": no_events and not codings})
    return [r for r in records if r["text"]]


def actor_country(code: str | None) -> str | None:
    """Country part of a PETRARCH actor code: "RUSGOV" -> "RUS", "IGOUNO"/"---REB" -> None."""
    if not code:
        return None
    code = code.strip().upper()
    if len(code) < 3 or code.startswith(("---", "IGO", "IMG")):
        return None
    return code[:3]


def macro_f1(gold: list[int], predicted: list[int], classes: int = 5) -> float:
    scores = []
    for label in range(classes):
        tp = sum(1 for g, p in zip(gold, predicted) if g == label and p == label)
        fp = sum(1 for g, p in zip(gold, predicted) if g != label and p == label)
        fn = sum(1 for g, p in zip(gold, predicted) if g == label and p != label)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        scores.append(2 * precision * recall / (precision + recall) if precision + recall else 0.0)
    return sum(scores) / classes


def find_dev_data(explicit: Path | None = None, env: dict | None = None, cwd: Path | None = None,
                  source: Path | None = None) -> Path | None:
    """The dev data folder: ``--data``, else ``$ALLIES_DEV_DATA``, else the first
    ``shared/data/dev`` holding the quad file in a folder above the working
    directory or above this source file (a clone's ``../shared/data/dev``, from the
    repository root or any folder inside it). None when none is found."""
    from .. import settings

    if explicit is not None:
        return explicit
    configured = settings.dev_data() if env is None else (Path(env[DEV_DATA_ENV]) if env.get(DEV_DATA_ENV) else None)
    if configured is not None:
        return configured
    starts = [(cwd or Path.cwd()).resolve(), (source or Path(__file__)).resolve().parent]
    for start in starts:
        for folder in (start, *start.parents):
            candidate = folder.joinpath(*DEV_DATA_PARTS)
            if (candidate / QUAD_FILE).is_file():
                return candidate
    return None


def evaluate_quads(coder, rows, show: int = 0):
    from allies.model import Document

    documents = [Document(text=text, doc_id=i) for i, (text, _) in enumerate(rows)]
    predicted = []
    started = time.perf_counter()
    for coded in coder.code_documents(documents):
        event = top_event(coded.events)
        predicted.append(phoenix_class(event.cameo if event else None))
    elapsed = time.perf_counter() - started
    gold = [label for _, label in rows]
    accuracy = sum(1 for g, p in zip(gold, predicted) if g == p) / len(gold)
    matrix = Counter(zip(gold, predicted))
    print(f"quad classes: {len(rows)} sentences in {elapsed:.1f}s")
    print(f"  accuracy {accuracy:.3f}   macro-F1 {macro_f1(gold, predicted):.3f}")
    print("  gold \\ predicted  " + " ".join(f"{i:>6}" for i in range(5)))
    for g in range(5):
        print(f"  {g} {QUAD_NAMES[g]:<15} " + " ".join(f"{matrix[(g, p)]:>6}" for p in range(5)))
    if show:
        wrong = [(rows[i][0], gold[i], predicted[i]) for i in range(len(rows)) if gold[i] != predicted[i]]
        for text, g, p in wrong[:show]:
            print(f"  [gold {g} got {p}] {text[:160]}")
    return accuracy, macro_f1(gold, predicted)


def evaluate_triples(coder, records, show: int = 0, min_confidence: float = 0.0):
    """Triple precision, recall and F1 over events at least ``min_confidence``
    sure; the root confusion matrix compares the gold root with the top event
    among those same events, so each threshold has its own matrix."""
    from allies.model import Document

    documents = [Document(text=r["text"], date=r["date"], doc_id=i) for i, r in enumerate(records)]
    tp = fp = fn = 0
    roots = Counter()
    for record, coded in zip(records, coder.code_documents(documents)):
        gold = {(actor_country(s), actor_country(t), c[:2]) for s, t, c in record["codings"]}
        # Like PETRARCH, an event counts when the coder resolved at least one of its actors.
        predicted = {(e.source.country, e.target.country if e.target else None, e.cameo[:2])
                     for e in coded.events if (e.source.code or (e.target is not None and e.target.code))
                     and e.confidence >= min_confidence}
        hit = gold & predicted
        tp += len(hit)
        fp += len(predicted - gold)
        fn += len(gold - predicted)
        gold_root = Counter(c[:2] for _, _, c in record["codings"]).most_common(1)
        top = top_event([e for e in coded.events if e.confidence >= min_confidence])
        roots[(gold_root[0][0] if gold_root else "--", top.cameo[:2] if top else "--")] += 1
        if show and gold != predicted:
            print(f"  gold {sorted(gold, key=str)} got {sorted(predicted, key=str)}: {record['text'][:140]}")
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(f"triples (source country, target country, CAMEO root): {len(records)} records, "
          f"events with confidence >= {min_confidence:.2f}")
    print(f"  precision {precision:.3f}   recall {recall:.3f}   F1 {f1:.3f}   (tp {tp}, fp {fp}, fn {fn})")
    labels = sorted({g for g, _ in roots} | {p for _, p in roots})
    print("  root confusion (gold rows, top coded event columns; -- none)")
    print("       " + " ".join(f"{label:>3}" for label in labels))
    for g in labels:
        if any(roots[(g, p)] for p in labels):
            print(f"   {g:>3} " + " ".join(f"{roots[(g, p)] or '.':>3}" for p in labels))
    return precision, recall, f1


def read_role_sentences(path: Path) -> list[tuple[str, list[set[str]], list[set[str]]]]:
    """Sentences of a CoNLL file tagged B-S/I-S (source) and B-T/I-T (target):
    (text, source spans, target spans), each span a set of lower-case words."""
    rows = []
    words: list[tuple[str, str]] = []

    def flush() -> None:
        if words:
            rows.append((" ".join(w for w, _ in words), _spans(words, "S"), _spans(words, "T")))
            words.clear()

    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if not line.strip():
            flush()
            continue
        word, _, tag = line.rstrip().rpartition(" ")
        if word:
            words.append((word, tag))
    flush()
    return rows


def _spans(words: list[tuple[str, str]], kind: str) -> list[set[str]]:
    spans: list[set[str]] = []
    current = None
    for word, tag in words:
        if tag == f"B-{kind}":
            current = {word.lower()}
            spans.append(current)
        elif tag == f"I-{kind}" and current is not None:
            current.add(word.lower())
        else:
            current = None
    return spans


_FUNCTION_WORDS = frozenset(["the", "a", "an", "of", "in", "on", "and", "to", "its", "his", "her", "their", "'s", "s"])


def _names_span(text: str, spans: list[set[str]]) -> bool:
    """Whether a phrase shares a content word with one of the tagged spans."""
    found = set(re.findall(r"[\w']+", text.lower())) - _FUNCTION_WORDS
    return any(found & (span - _FUNCTION_WORDS) for span in spans)


def evaluate_roles(coder, rows, min_confidence: float = 0.5):
    """Attachment of sources and targets against tagged spans (see the module docstring)."""
    from allies.model import Document

    tagged = [(text, sources, targets) for text, sources, targets in rows if sources and targets]
    documents = [Document(text=text, doc_id=i) for i, (text, _, _) in enumerate(tagged)]
    events = sources_right = targets_right = sentences_right = covered = 0
    for (_, gold_sources, gold_targets), coded in zip(tagged, coder.code_documents(documents)):
        confident = [e for e in coded.events if e.confidence >= min_confidence]
        covered += bool(confident)
        both = False
        for event in confident:
            source_ok = _names_span(event.source.text, gold_sources)
            target_ok = event.target is not None and _names_span(event.target.text, gold_targets)
            events += 1
            sources_right += source_ok
            targets_right += target_ok
            both = both or (source_ok and target_ok)
        sentences_right += both
    n = len(tagged) or 1
    print(f"roles: {len(tagged)} sentences with a tagged source and target, events with confidence >= "
          f"{min_confidence:.2f}")
    print(f"  sentences with an event {covered / n:.3f}   with source and target right {sentences_right / n:.3f}")
    if events:
        print(f"  of {events} events: source right {sources_right / events:.3f}   "
              f"target right {targets_right / events:.3f}")
    return sentences_right / n, (sources_right / events if events else 0.0), (targets_right / events if events else 0.0)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data", type=Path, default=None,
                        help=f"folder with {QUAD_FILE} and {PETR_FILE} (default: ${DEV_DATA_ENV}, else "
                             "../shared/data/dev found above the working directory or the source tree)")
    parser.add_argument("--rules", action="store_true", help="measure the rule-based path (no spaCy model)")
    parser.add_argument("--show", type=int, default=0, help="print up to N mistakes")
    parser.add_argument("--min-confidence", type=float, default=0.5,
                        help="second triple run: only events at least this confident (default 0.5)")


def run(args) -> int:
    """Run both evaluations; a missing data folder is an InputError."""
    from ..errors import InputError
    from . import Coder

    how = (f"give --data DIR, set {DEV_DATA_ENV}, or run from a clone with ../shared/data/dev "
           "beside the repository")
    folder = find_dev_data(args.data)
    if folder is None:
        raise InputError(f"evaluation data not found: no shared/data/dev above the working directory "
                         f"or the source tree ({how})")
    quad_file = folder / QUAD_FILE
    petr_file = folder / PETR_FILE
    missing = [str(p) for p in (quad_file, petr_file) if not p.is_file()]
    if missing:
        raise InputError(f"evaluation data not found: {', '.join(missing)} ({how})")
    if not 0.0 <= args.min_confidence <= 1.0:
        raise InputError("--min-confidence must be between 0 and 1")
    coder = Coder(model=None if args.rules else "auto")
    print(f"coder: {coder.model_name or 'rule-based'}")
    evaluate_quads(coder, read_quad_sentences(quad_file), args.show)
    records = read_petr_records(petr_file)
    evaluate_triples(coder, records, 0, 0.0)
    evaluate_triples(coder, records, args.show, args.min_confidence)
    role_file = folder / "conflibert_cameo_ner_train.txt"
    if role_file.is_file():
        evaluate_roles(coder, read_role_sentences(role_file), args.min_confidence)
    return 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_arguments(parser)
    return run(parser.parse_args(argv))
