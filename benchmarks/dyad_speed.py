"""How fast is the dyad computation behind `allies dyad` and `allies ask`?

Generates N synthetic events (default 10 million) straight into a store with
DuckDB SQL, then times, for several dyads:
  - dyad_table(): the monthly table of `allies dyad`;
  - judge_dyad(): everything `allies ask` computes (ties, analysis, third
    parties, verdict, evidence);
with the relations cache, and the same calls reading `events` directly (the
baseline, same process). Target: median at most 300 ms with the cache.

    PYTHONPATH=src python benchmarks/dyad_speed.py [--events 10000000] [--db PATH] [--repeat 7]
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from allies.relations.answer import judge_dyad
from allies.relations.cache import refresh
from allies.relations.question import Question
from allies.relations.views import dyad_table
from allies.store import Store

TARGET_MS = 300.0
# Countries in rough order of news coverage: the generator draws them with a
# skewed (squared-uniform) distribution so a few dyads dominate, as in GDELT.
COUNTRIES = ("USA RUS CHN UKR GBR ISR IRN FRA DEU TUR IND PAK JPN KOR PRK SYR IRQ SAU AZE ARM EGY BRA MEX "
             "CAN AUS GEO BLR KAZ POL ITA ESP NLD BEL SWE FIN NOR AFG NGA ZAF ETH VNM PHL IDN THA MYS QAT "
             "ARE LBN JOR YEM LBY SDN SOM KEN VEN COL ARG CHL PER CUB").split()
DYADS = [("RUS", "AZE"), ("USA", "CHN"), ("RUS", "UKR"), ("TUR", "AZE"), ("JPN", "KOR"), ("ARM", "AZE")]


def generate(store: Store, n: int) -> float:
    codes = ", ".join(f"'{c}'" for c in COUNTRIES)
    started = time.perf_counter()
    store.con.execute(f"""
        INSERT INTO events (event_id, origin, date, source_country, target_country, source_sector, cameo,
                            cameo_root, quad, goldstein, negated, modality, speaker_country, confidence, url)
        WITH c AS (SELECT [{codes}] AS codes),
        r AS (SELECT i, hash(i) AS h1, hash(i * 7 + 1) AS h2, hash(i * 13 + 5) AS h3, hash(i * 31 + 3) AS h4
              FROM range({int(n)}) t(i)),
        d AS (SELECT i, h1, h2, h3, h4,
                     codes[1 + CAST(floor(len(codes) * pow((h1 % 100000) / 100000.0, 2)) AS INTEGER)] AS src,
                     codes[1 + CAST(floor(len(codes) * pow((h2 % 100000) / 100000.0, 2)) AS INTEGER)] AS tgt,
                     CAST(1 + h3 % 20 AS INTEGER) AS root
              FROM r, c)
        SELECT i + 1, 'gdelt', DATE '2015-01-01' + CAST(h4 % 4018 AS INTEGER), src, tgt,
               CASE WHEN h2 % 3 = 0 THEN 'military' ELSE 'government' END,
               lpad(CAST(root AS VARCHAR), 2, '0') || '0', lpad(CAST(root AS VARCHAR), 2, '0'),
               CASE WHEN root <= 5 THEN 'verbal_cooperation' WHEN root <= 9 THEN 'material_cooperation'
                    WHEN root <= 14 THEN 'verbal_conflict' ELSE 'material_conflict' END,
               CASE WHEN root <= 5 THEN 1 + (h1 % 40) / 10.0 WHEN root <= 9 THEN 5 + (h1 % 40) / 10.0
                    WHEN root <= 14 THEN -2 - (h1 % 40) / 10.0 ELSE -6 - (h1 % 40) / 10.0 END,
               h3 % 50 = 0,
               CASE WHEN h4 % 33 = 0 THEN 'hypothetical' ELSE 'asserted' END,
               CASE WHEN h1 % 5 = 0 THEN src WHEN h1 % 17 = 0 THEN tgt END,
               0.5 + (h2 % 50) / 100.0,
               'https://example.org/synthetic/' || i
        FROM d""")
    return time.perf_counter() - started


def timed(fn, repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        out.append((time.perf_counter() - started) * 1000)
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000_000)
    parser.add_argument("--db", help="store to create (default: a temporary file)")
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--baseline-repeat", type=int, default=2)
    args = parser.parse_args(argv)

    tmp = None
    if args.db:
        path = Path(args.db)
        if path.exists():
            parser.error(f"{path} exists; give a new file")
    else:
        tmp = tempfile.TemporaryDirectory(prefix="allies-bench-")
        path = Path(tmp.name) / "bench.duckdb"
    store = Store(path)
    print(f"generating {args.events:,} synthetic events ...", flush=True)
    gen_s = generate(store, args.events)
    print(f"  generated in {gen_s:.1f} s")
    started = time.perf_counter()
    refresh(store, force=True)
    build_s = time.perf_counter() - started
    cached_rows = store.con.execute("SELECT count(*) FROM rel_events").fetchone()[0]
    print(f"  relations cache built in {build_s:.1f} s ({cached_rows:,} events kept)")

    # A small addition (an upload, a day of news) is appended, not rebuilt.
    next_id = store.con.execute("SELECT max(event_id) + 1 FROM events").fetchone()[0]
    store.con.execute(f"""INSERT INTO events (event_id, origin, date, source_country, target_country, quad, goldstein)
                          SELECT {int(next_id)} + i, 'gdelt', DATE '2025-06-01', 'RUS', 'AZE', 'verbal_cooperation', 1.0
                          FROM range(10000) t(i)""")
    started = time.perf_counter()
    refresh(store)
    append_s = time.perf_counter() - started
    print(f"  10,000 new events appended to the cache in {append_s:.2f} s")

    def ask_fn(a, b):
        return lambda: judge_dyad(store, Question(text="bench", a=a, b=b, relation="ally"))

    def table_fn(a, b):
        return lambda: dyad_table(store, a, b)

    results = {}
    for label, use_cache, repeat in (("cached", True, args.repeat), ("baseline (no cache)", False, args.baseline_repeat)):
        store.relations_cache = use_cache
        for kind, make in (("dyad", table_fn), ("ask", ask_fn)):
            times = []
            for a, b in DYADS:
                make(a, b)()  # warm: first call per dyad may compile plans
                times += timed(make(a, b), repeat)
            results[(label, kind)] = times
    store.relations_cache = True
    answer = judge_dyad(store, Question(text="bench", a="RUS", b="AZE", relation="ally"))
    events = answer.analysis.total
    store.close()

    print(f"\n{'computation':<10} {'mode':<22} {'median ms':>10} {'p90 ms':>8} {'runs':>5}")
    ok = True
    for (label, kind), times in results.items():
        times.sort()
        median = statistics.median(times)
        p90 = times[min(len(times) - 1, int(0.9 * len(times)))]
        print(f"{kind:<10} {label:<22} {median:>10.1f} {p90:>8.1f} {len(times):>5}")
        if label == "cached" and median > TARGET_MS:
            ok = False
    for kind in ("dyad", "ask"):
        cached = statistics.median(results[("cached", kind)])
        base = statistics.median(results[("baseline (no cache)", kind)])
        print(f"speed-up {kind}: {base / cached:.1f}x")
    print(f"\nRUS-AZE in the synthetic store: {events:,} counted events, verdict {answer.verdict.verdict}")
    print(f"target: median <= {TARGET_MS:.0f} ms with the cache: {'met' if ok else 'NOT MET'}")
    if tmp:
        tmp.cleanup()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
