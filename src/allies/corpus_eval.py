"""Verdicts on a real news corpus against a careful reader's labels (``allies eval --corpus``).

Reads, at run time and never copied into the project:

- ``wikipedia_current_events_2025.jsonl``: real news items of 2025, ingested
  into a fresh temporary store (or into ``--corpus-store PATH``, kept and
  reused on the next run, so that iterating on the verdict does not re-code
  the corpus);
- ``cep2025_dyad_labels.jsonl``: pairs of states with the relation a reader
  gives them over the year (``relation``) and over October-December
  (``last_3_months``, absent for pairs with too little in that quarter).

Each pair is asked "How are relations between A and B?" for both periods; the
report prints gold against got, exact accuracy and accuracy within one step on
the scale hostile < tense < mixed < cooperative < allied ("unknown" is never
within one step), how many items yield at least one counted event between two
states, and the time taken.
"""
from __future__ import annotations

import json
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import InputError

CORPUS_FILE = "wikipedia_current_events_2025.jsonl"
LABELS_FILE = "cep2025_dyad_labels.jsonl"
SCALE = ("hostile", "tense", "mixed", "cooperative", "allied")
PERIODS = (("2025", "relation", "2025-01-01", "2025-12-31"),
           ("Oct-Dec 2025", "last_3_months", "2025-10-01", "2025-12-31"))


def within_one(gold: str, got: str) -> bool:
    """True when ``got`` is ``gold`` or one step from it on :data:`SCALE`."""
    return gold in SCALE and got in SCALE and abs(SCALE.index(gold) - SCALE.index(got)) <= 1


@dataclass
class PairResult:
    period: str
    a: str
    b: str
    gold: str
    got: str
    confidence: float
    summary: str

    @property
    def exact(self) -> bool:
        return self.gold == self.got

    @property
    def near(self) -> bool:
        return within_one(self.gold, self.got)


def read_labels(path: Path) -> list[dict[str, Any]]:
    out = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                a, b = row["dyad"]
            except (ValueError, KeyError, TypeError):
                raise InputError(f"{path}:{number}: not a label row ({{\"dyad\": [A, B], \"relation\": ...}})") from None
            out.append({"a": a, "b": b, **{key: row.get(key) for _, key, _, _ in PERIODS}})
    return out


def judge_pairs(store, labels: list[dict[str, Any]]) -> list[PairResult]:
    """Ask about every labelled pair for every period that has a label."""
    from .relations.answer import ask

    results = []
    for period, key, since, until in PERIODS:
        for row in labels:
            gold = row.get(key)
            if not gold:
                continue
            answer = ask(store, f"How are relations between {row['a']} and {row['b']}?", since=since, until=until)
            v = answer.verdict
            results.append(PairResult(period, row["a"], row["b"], gold, v.verdict, v.confidence, v.summary))
    return results


def items_with_events(store) -> tuple[int, int]:
    """(articles that yield at least one counted event between two different states, all articles)."""
    from .relations.cache import MIN_CONFIDENCE

    with_events = store.con.execute(
        f"""SELECT count(DISTINCT article_id) FROM events
            WHERE article_id IS NOT NULL AND source_country IS NOT NULL AND target_country IS NOT NULL
              AND source_country <> target_country AND NOT coalesce(negated, false)
              AND coalesce(modality, 'asserted') = 'asserted'
              AND coalesce(confidence, 1) >= {MIN_CONFIDENCE}""").fetchone()[0]
    articles = store.con.execute("SELECT count(*) FROM articles").fetchone()[0]
    return with_events, articles


def report(results: list[PairResult], show_summary: bool = False) -> list[str]:
    lines = [f"{'period':<13} {'pair':<8} {'gold':<12} {'got':<12} {'conf':>5}  mark"]
    for r in results:
        mark = "ok" if r.exact else "~" if r.near else "X"
        lines.append(f"{r.period:<13} {r.a}-{r.b:<4} {r.gold:<12} {r.got:<12} {r.confidence:>5.2f}  {mark}")
        if show_summary:
            lines.append(f"{'':<14}{r.summary}")
    for period, *_ in PERIODS:
        rows = [r for r in results if r.period == period]
        if not rows:
            continue
        exact = sum(r.exact for r in rows)
        near = sum(r.near for r in rows)
        lines.append(f"{period}: exact {exact}/{len(rows)} = {exact / len(rows):.3f}; "
                     f"within one step {near}/{len(rows)} = {near / len(rows):.3f}")
    return lines


def run_corpus(folder: Path, store_path: Path | None = None, show_summary: bool = False, out=print) -> int:
    """Ingest the corpus (unless ``store_path`` already holds it), judge every
    labelled pair and print the report."""
    from .ingest import ingest_into
    from .store.db import open_store

    corpus, labels_file = folder / CORPUS_FILE, folder / LABELS_FILE
    missing = [str(p) for p in (corpus, labels_file) if not p.is_file()]
    if missing:
        raise InputError(f"corpus data not found: {', '.join(missing)} (use --data DIR)")
    labels = read_labels(labels_file)
    with tempfile.TemporaryDirectory(prefix="allies-corpus-") as tmp:
        path = Path(store_path) if store_path else Path(tmp) / "corpus.duckdb"
        reuse = path.exists()
        store = open_store(path)
        try:
            started = time.perf_counter()
            if reuse:
                out(f"corpus: reusing the store at {path} (delete it to ingest afresh)")
            else:
                done = ingest_into(store, [corpus])
                out(f"corpus: ingested {done.added} items ({done.events} events) in "
                    f"{time.perf_counter() - started:.1f}s")
            with_events, articles = items_with_events(store)
            share = with_events / articles if articles else 0.0
            out(f"corpus: {with_events} of {articles} items ({share:.1%}) yield at least one counted event "
                "between two states")
            started = time.perf_counter()
            results = judge_pairs(store, labels)
            elapsed = time.perf_counter() - started
        finally:
            store.close()
    for line in report(results, show_summary):
        out(line)
    out(f"corpus: judged {len(results)} pair-periods in {elapsed:.1f}s")
    return 0
