"""End-to-end throughput of the event coder against bare spaCy, same text, same run.

Measures sentences/s and words/s of ``Coder.code_documents`` (parse + actors
+ events + voice) and of the bare ``nlp.pipe`` it is built on, and the
resident memory after streaming a small and a four-times-larger input (memory
must stay flat: the coder streams). The text is the dev sentences (read at run
time, never copied) grouped into articles of ten sentences; without them, a
text is generated from a fixed vocabulary.

    PYTHONPATH=src python benchmarks/coder_throughput.py [--sentences N] [--n-process K]
"""
from __future__ import annotations

import argparse
import random
import resource
import sys
import time
from pathlib import Path

DEV = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "dev" / "conflibert_cameo_class_train.tsv"


def dev_sentences() -> list[str]:
    if not DEV.exists():
        return []
    rows = []
    with DEV.open(encoding="utf-8") as handle:
        for line in handle:
            text = line.rstrip("\r\n").rpartition("\t")[0].strip()
            if text:
                rows.append(text)
    return rows


def generated_sentences(count: int, seed: int = 7) -> list[str]:
    """Plain news-like sentences from a fixed vocabulary (when the dev data is absent)."""
    rng = random.Random(seed)
    actors = ["Russia", "Ukraine", "China", "the United States", "France", "Iran", "Israel", "Turkey",
              "the Indian government", "Brazilian troops", "the European Union", "Japanese officials"]
    verbs = ["met with", "criticised", "attacked", "signed an agreement with", "sent aid to", "accused",
             "imposed sanctions on", "praised", "threatened", "held talks with", "expelled diplomats from"]
    tails = ["on Monday.", "last week.", "after a long dispute.", ", officials said.", "in the capital."]
    return [f"{rng.choice(actors).capitalize()} {rng.choice(verbs)} {rng.choice(actors)} {rng.choice(tails)}"
            for _ in range(count)]


def articles(sentences: list[str], size: int = 10):
    from allies.model import Document

    for start in range(0, len(sentences), size):
        yield Document(text=" ".join(sentences[start:start + size]), date="2024-03-06", doc_id=start // size)


def rss_mb() -> float:
    """Current resident set size in MiB (Linux /proc), else the peak."""
    try:
        with open("/proc/self/statm") as handle:
            pages = int(handle.read().split()[1])
        return pages * resource.getpagesize() / 2**20
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=1000, help="sentences per timed run (default 1000)")
    parser.add_argument("--n-process", type=int, default=1, help="processes for the coder's nlp.pipe")
    parser.add_argument("--repeats", type=int, default=2, help="timed runs of each, best kept (default 2)")
    args = parser.parse_args(argv)

    from allies.nlp import Coder

    coder = Coder(n_process=args.n_process)
    if coder.nlp is None:
        print("no spaCy model installed: nothing to compare", file=sys.stderr)
        return 2
    pool = dev_sentences() or generated_sentences(args.sentences)
    sentences = (pool * (args.sentences // len(pool) + 1))[:args.sentences]
    words = sum(len(s.split()) for s in sentences)
    docs = list(articles(sentences))
    print(f"model {coder.model_name}; {len(sentences)} sentences, {words} words, {len(docs)} articles")

    # warm up both paths so that neither pays for first-call costs
    list(coder.nlp.pipe([d.text for d in docs[:5]]))
    list(coder.code_documents(docs[:5]))

    # interleaved repeats, best of each: the machine may be shared
    bare = full = float("inf")
    events = 0
    for _ in range(args.repeats):
        started = time.perf_counter()
        for _ in coder.nlp.pipe((d.text for d in docs), batch_size=coder.batch_size):
            pass
        bare = min(bare, time.perf_counter() - started)
        started = time.perf_counter()
        events = 0
        for coded in coder.code_documents(iter(docs)):
            events += len(coded.events)
        full = min(full, time.perf_counter() - started)

    print(f"bare spaCy : {len(sentences) / bare:8.1f} sentences/s {words / bare:9.0f} words/s")
    print(f"coder      : {len(sentences) / full:8.1f} sentences/s {words / full:9.0f} words/s ({events} events)")
    print(f"ratio coder/bare: {bare / full:.2f} (target >= 0.75)")

    # memory: stream a small input, then one four times larger; RSS must not grow with input
    small = list(articles((pool * 2)[:200]))
    for _ in coder.code_documents(iter(small)):
        pass
    after_small = rss_mb()
    large_sentences = (pool * (args.sentences * 4 // len(pool) + 1))[:args.sentences * 4]
    for _ in coder.code_documents(articles(large_sentences)):
        pass
    after_large = rss_mb()
    print(f"RSS after {200} sentences: {after_small:.0f} MiB; after {len(large_sentences)}: {after_large:.0f} MiB "
          f"(growth {after_large - after_small:+.0f} MiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
