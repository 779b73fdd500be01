"""kill -9 at random moments during ingest, many times; the store must open,
be consistent, and a re-run must complete without duplicates."""
from __future__ import annotations

import json
import os
import random
import subprocess
import sys

import pytest

from allies import Store

from ..conftest import allies_command
from .killing import kill_repeatedly, timed_run

COUNTRIES = ["Russia", "Azerbaijan", "Armenia", "Turkey", "Georgia", "Iran", "Belarus", "Ukraine", "France", "China"]
ARTICLES = 150  # big enough that a kill lands mid-write, small enough for CI
KILLS = 6
VERBS = ["met", "criticised", "praised", "accused", "signed an agreement with", "held talks with", "threatened", "thanked"]


def write_corpus(path, count: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    with open(path, "w") as out:
        for number in range(count):
            sentences = []
            for _ in range(6):
                a, b = rng.sample(COUNTRIES, 2)
                sentences.append(f"{a} {rng.choice(VERBS)} {b} on day {number}.")
            out.write(json.dumps({"title": f"Article {number}", "date": f"2023-{1 + number % 12:02d}-{1 + number % 28:02d}",
                                  "text": " ".join(sentences)}) + "\n")


def check_consistent(db) -> dict:
    with Store(db) as store:
        orphans = store.query("""
            SELECT
              (SELECT count(*) FROM sentences s WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.article_id = s.article_id)) AS orphan_sentences,
              (SELECT count(*) FROM events e WHERE e.origin = 'coded' AND NOT EXISTS (SELECT 1 FROM articles a WHERE a.article_id = e.article_id)) AS orphan_events,
              (SELECT count(*) FROM actor_mentions m WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.article_id = m.article_id)) AS orphan_mentions,
              (SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM sentences s WHERE s.article_id = a.article_id)) AS articles_without_sentences,
              (SELECT count(*) - count(DISTINCT content_hash) FROM articles) AS duplicate_articles,
              (SELECT count(*) - count(DISTINCT event_id) FROM events) AS duplicate_event_ids
        """)[0]
        assert all(value == 0 for value in orphans.values()), orphans
        return store.counts()


@pytest.mark.slow
def test_kill_nine_during_ingest_many_times(tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    write_corpus(corpus, ARTICLES)
    db = tmp_path / "crash.duckdb"
    env = {**os.environ, "ALLIES_DB": str(db)}

    # Calibrate: how long does a whole ingest take here? Kills land inside that span.
    full = timed_run(allies_command() + ["ingest", str(corpus), "--quiet", "--db", str(tmp_path / "calibrate.duckdb")])
    partial_states: set[int] = set()

    def check_and_restart_when_complete() -> None:
        if not db.exists():
            return
        counts = check_consistent(db)
        partial_states.add(counts["articles"])
        if counts["articles"] == ARTICLES:  # finished in spite of the kill: start over to keep killing mid-write
            db.unlink()
            wal = db.with_name(db.name + ".wal")
            if wal.exists():
                wal.unlink()

    kills = kill_repeatedly(allies_command() + ["ingest", str(corpus), "--quiet"], env, full, KILLS, seed=11,
                            after_each=check_and_restart_when_complete, window=(0.3, 0.9))
    assert kills >= KILLS
    assert any(0 < n < ARTICLES for n in partial_states), partial_states  # some kills landed mid-ingest

    final = subprocess.run(allies_command() + ["ingest", str(corpus), "--json"], env=env, capture_output=True,
                           text=True, timeout=600)
    assert final.returncode == 0, final.stderr
    assert check_consistent(db)["articles"] == ARTICLES
    again = subprocess.run(allies_command() + ["ingest", str(corpus), "--json"], env=env, capture_output=True, text=True, timeout=600)
    assert json.loads(again.stdout)["added"] == 0 and check_consistent(db)["articles"] == ARTICLES


if __name__ == "__main__":  # pragma: no cover
    sys.exit(pytest.main([__file__, "-q"]))
