"""How fast the web layer answers over a large store.

Generates N synthetic events (default 2,000,000) across 40 countries with
DuckDB's range(), then times the busiest read endpoints through the real
application (FastAPI TestClient, so routing, validation, JSON and templates
count) and, as the baseline in the same process, the bare SQL of the same
reads on a plain DuckDB cursor. Prints medians in milliseconds.

    PYTHONPATH=src python benchmarks/web_speed.py [--events N] [--repeat R]
"""
from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

COUNTRIES = ["AZE", "RUS", "ARM", "TUR", "IRN", "GEO", "USA", "CHN", "FRA", "DEU", "GBR", "UKR", "BLR", "KAZ",
             "ISR", "EGY", "IND", "PAK", "JPN", "KOR", "PRK", "BRA", "ARG", "MEX", "CAN", "AUS", "NGA", "ZAF",
             "SAU", "ARE", "QAT", "SYR", "IRQ", "POL", "ITA", "ESP", "SWE", "FIN", "NOR", "UZB"]


def generate(store, count: int) -> None:
    countries = "[" + ", ".join(f"'{c}'" for c in COUNTRIES) + "]"
    n = len(COUNTRIES)
    store.con.execute(f"""
        INSERT INTO events (event_id, origin, date, source_country, target_country, source_code, target_code,
                            cameo, cameo_root, quad, goldstein, negated, modality)
        SELECT i + 1, CASE WHEN i % 3 = 0 THEN 'gdelt' ELSE 'icews' END,
               DATE '2015-01-01' + CAST(i % 3650 AS INTEGER),
               {countries}[1 + CAST(hash(i) % {n} AS INTEGER)],
               {countries}[1 + CAST(hash(i * 7 + 1) % {n} AS INTEGER)],
               'X', 'Y',
               lpad(CAST(1 + i % 20 AS VARCHAR), 2, '0') || '0',
               lpad(CAST(1 + i % 20 AS VARCHAR), 2, '0'),
               CASE WHEN i % 20 < 5 THEN 'verbal_cooperation' WHEN i % 20 < 9 THEN 'material_cooperation'
                    WHEN i % 20 < 14 THEN 'verbal_conflict' ELSE 'material_conflict' END,
               (i % 21) - 10.0, i % 50 = 0, 'asserted'
        FROM range({count}) t(i)
    """)
    store.con.execute("CHECKPOINT")


def median_ms(action, repeat: int) -> float:
    action()  # warm caches once
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=2_000_000)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()

    from fastapi.testclient import TestClient

    from allies.store import Store
    from allies.web import create_app

    with tempfile.TemporaryDirectory() as folder:
        store = Store(Path(folder) / "bench.duckdb")
        started = time.perf_counter()
        generate(store, args.events)
        print(f"generated {args.events:,} events in {time.perf_counter() - started:.1f} s")
        started = time.perf_counter()
        app = create_app(store, token=None)  # brings the relations engine's derived tables up to date
        print(f"app start-up (derived tables built) in {time.perf_counter() - started:.1f} s")
        client = TestClient(app)
        raw = store.con.cursor()
        where_dyad = ("((source_country = 'AZE' AND target_country = 'RUS') OR "
                      "(source_country = 'RUS' AND target_country = 'AZE'))")
        cases = [
            ("events of one dyad, page 1", "/api/events?country=AZE&partner=RUS&limit=50",
             f"SELECT count(*) FROM events WHERE {where_dyad}; "
             f"SELECT * FROM events WHERE {where_dyad} ORDER BY date DESC, event_id DESC LIMIT 50"),
            ("events by quad and range", "/api/events?quad=material_conflict&since=2020-01-01&until=2020-12-31",
             "SELECT count(*) FROM events WHERE quad = 'material_conflict' AND date BETWEEN '2020-01-01' AND '2020-12-31'; "
             "SELECT * FROM events WHERE quad = 'material_conflict' AND date BETWEEN '2020-01-01' AND '2020-12-31' "
             "ORDER BY date DESC LIMIT 50"),
            ("dyad monthly table", "/api/dyads/AZE/RUS",
             f"SELECT date_trunc('month', date), source_country, quad, count(*), avg(goldstein) FROM events "
             f"WHERE {where_dyad} GROUP BY ALL"),
            ("home page (most active dyads)", "/",
             "SELECT least(source_country, target_country), greatest(source_country, target_country), count(*) "
             "FROM events WHERE source_country <> target_country GROUP BY 1, 2 ORDER BY 3 DESC LIMIT 12"),
            ("dyad explorer page", "/dyad?a=AZE&b=RUS", None),
        ]
        print(f"{'read':34} {'web (ms)':>10} {'bare SQL (ms)':>14}")
        for name, url, sql in cases:
            def web() -> None:
                response = client.get(url)
                assert response.status_code == 200, response.text[:200]

            def bare() -> None:
                for statement in sql.split("; "):
                    raw.execute(statement).fetchall()

            web_ms = median_ms(web, args.repeat)
            bare_ms = median_ms(bare, args.repeat) if sql else float("nan")
            print(f"{name:34} {web_ms:10.1f} {bare_ms:14.1f}")
        raw.close()
        app.state.web.access.close()


if __name__ == "__main__":
    main()
