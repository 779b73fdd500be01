"""Snapshot of every event the coder makes, to prove a refactoring changes nothing.

Codes the dev sentences (ConfliBERT quad sentences, one document each; the
PETRARCH-2 validation sentences, with their dates), every sentence-like string
literal in ``tests/nlp`` and the demo corpus (whole articles, so article memory
is exercised), with the spaCy coder and with the rule-based coder, and writes
each event as one canonical JSON line (sorted keys, the actors' person names
included). The dev data are read from ``../shared/data/dev`` at run time and
the snapshot goes outside the repository:

    PYTHONPATH=src python tools/coder_snapshot.py [--data DIR] /tmp/coder_snapshot_before.jsonl
    PYTHONPATH=src python tools/coder_snapshot.py [--data DIR] /tmp/coder_snapshot_after.jsonl
    python tools/coder_snapshot.py --diff /tmp/coder_snapshot_before.jsonl /tmp/coder_snapshot_after.jsonl

``--diff`` prints how many inputs (set, document) changed their events, by set,
and the first few changes.
"""
from __future__ import annotations

import argparse
import ast
import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT / ".." / "shared" / "data" / "dev"  # a worktree elsewhere passes --data
# Fields that name how an event was made rather than what it is; compared only with --with-rule.
_PROVENANCE = ("rule",)


def _test_sentences() -> list[str]:
    """String literals of tests/nlp that read like sentences (a space, a capital, 12+ characters)."""
    found: list[str] = []
    for path in sorted((ROOT / "tests" / "nlp").rglob("*")):
        if path.suffix == ".py":
            tree = ast.parse(path.read_text(encoding="utf-8"))
            texts = [node.value for node in ast.walk(tree) if isinstance(node, ast.Constant) and isinstance(node.value, str)]
        elif path.suffix == ".tsv":
            texts = [line.split("\t")[0] for line in path.read_text(encoding="utf-8").splitlines()
                     if line.strip() and not line.startswith("#")]
        else:
            continue
        for text in texts:
            if len(text) >= 12 and " " in text and text[:1].isupper() and "\n" not in text.strip():
                found.append(text)
    return list(dict.fromkeys(found))


def inputs(dev: Path = DEV) -> dict[str, list]:
    from allies.model import Document
    from allies.nlp.evaluate import read_petr_records, read_quad_sentences

    sets: dict[str, list] = {}
    quad = dev / "conflibert_cameo_class_train.tsv"
    if quad.exists():
        sets["conflibert"] = [Document(text=t, doc_id=i) for i, (t, _) in enumerate(read_quad_sentences(quad))]
    petr = dev / "PETR2_GSR_validation.xml"
    if petr.exists():
        sets["petr"] = [Document(text=r["text"], date=r["date"], doc_id=i)
                        for i, r in enumerate(read_petr_records(petr))]
    # keyed by the sentence itself: tests come and go, and a new one must not shift the others
    sets["tests"] = [Document(text=t, date="2024-03-06", doc_id=t) for t in _test_sentences()]
    corpus = ROOT / "src" / "allies" / "demo" / "corpus.jsonl"
    demo = []
    for i, line in enumerate(corpus.read_text(encoding="utf-8").splitlines()):
        if line.strip():
            row = json.loads(line)
            demo.append(Document(text=row["text"], date=row.get("date"), doc_id=i))
    sets["demo"] = demo
    return sets


def _actor(actor) -> dict | None:
    if actor is None:
        return None
    return {"text": actor.text, "code": actor.code, "country": actor.country, "sector": actor.sector,
            "person": actor.person}


def canonical(event) -> dict:
    row = event.to_dict()
    row["source"], row["target"], row["speaker"] = _actor(event.source), _actor(event.target), _actor(event.speaker)
    return row


def snapshot(out: Path, dev: Path = DEV) -> None:
    from allies.nlp import Coder

    sets = inputs(dev)
    coders = {"parse": Coder(), "rules": Coder(model=None)}
    lines = []
    for coder_name, coder in coders.items():
        for set_name, documents in sets.items():
            for coded in coder.code_documents(documents):
                doc_id = coded.document.doc_id
                events = [canonical(e) for e in coded.events]
                lines.append(json.dumps({"coder": coder_name, "set": set_name, "doc": doc_id, "events": events},
                                        sort_keys=True, ensure_ascii=False))
            print(f"{coder_name} {set_name}: {len(documents)} documents", file=sys.stderr)
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(lines)} documents to {out}", file=sys.stderr)


def _load(path: Path, with_rule: bool) -> dict:
    rows = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if not with_rule:
            for event in row["events"]:
                for key in _PROVENANCE:
                    event.pop(key, None)
        rows[(row["coder"], row["set"], row["doc"])] = row["events"]
    return rows


def diff(before: Path, after: Path, with_rule: bool = False, show: int = 5) -> int:
    old, new = _load(before, with_rule), _load(after, with_rule)
    changed: dict[tuple, int] = defaultdict(int)
    total: dict[tuple, int] = defaultdict(int)
    examples = []
    only = {"before": set(old) - set(new), "after": set(new) - set(old)}
    for key in sorted(set(old) & set(new), key=str):
        total[key[:2]] += 1
        if old[key] != new[key]:
            changed[key[:2]] += 1
            if len(examples) < show:
                examples.append((key, old.get(key), new.get(key)))
    for group in sorted(total):
        print(f"{group[0]:6} {group[1]:11} {changed[group]:5} of {total[group]:5} documents changed")
    for side, keys in only.items():
        if keys:
            print(f"{len(keys)} documents only {side} (inputs added or removed, not compared)")
    for key, was, now in examples:
        print(f"\n{key}:\n  before {json.dumps(was, ensure_ascii=False)[:600]}\n  after  {json.dumps(now, ensure_ascii=False)[:600]}")
    return sum(changed.values())


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--diff", action="store_true", help="compare two snapshots")
    parser.add_argument("--with-rule", action="store_true", help="also compare which rule made each event")
    parser.add_argument("--show", type=int, default=5)
    parser.add_argument("--data", type=Path, default=DEV, help="the dev data folder (default ../shared/data/dev)")
    args = parser.parse_args(argv)
    if args.diff:
        if len(args.paths) != 2:
            parser.error("--diff needs two snapshot files")
        return 1 if diff(*args.paths, with_rule=args.with_rule, show=args.show) else 0
    snapshot(args.paths[0], args.data)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
