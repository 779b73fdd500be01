"""Spark in local mode: coding a corpus on executors, importing GDELT. One session for
the module; skipped where pyspark is not installed."""
from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

pytest.importorskip("pyspark")

from allies.imports import import_files  # noqa: E402
from allies.store import Store  # noqa: E402

# Starting a local Spark takes tens of seconds: slow as well as spark.
pytestmark = [pytest.mark.spark, pytest.mark.slow]

GDELT_SAMPLE = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "samples" / "gdelt2_20191024143000.export.CSV"

# A coder the executors build by name. It stands in for allies.nlp.Coder (whose events
# depend on the coder branch) and records which process built it, and how many times.
FAKE_CODER = textwrap.dedent('''
    import os
    from allies.model import Actor, CodedDocument, Event
    from allies.nlp import Coder

    class CountingCoder(Coder):
        built = 0

        def __init__(self):
            super().__init__()
            CountingCoder.built += 1

        def code_documents(self, documents):
            for coded in super().code_documents(documents):
                coded.events = []  # only the stand-in's own, countable events
                for sentence in coded.sentences:
                    if "Russia" in sentence.text and "Azerbaijan" in sentence.text:
                        coded.events.append(Event(
                            sentence_index=sentence.index, sentence=sentence.text,
                            source=Actor("Russia", "RUS", "RUS"), target=Actor("Azerbaijan", "AZE", "AZE"),
                            cameo="057", quad="verbal_cooperation", goldstein=8.0,
                            trigger=f"{os.getpid()}:{CountingCoder.built}"))
                yield coded
''')


@pytest.fixture(scope="module")
def spark(tmp_path_factory):
    from allies.spark import session

    spark = session("local[2]", "allies tests")
    # Executors import the stand-in coder from a file shipped to them.
    helper = tmp_path_factory.mktemp("spark_helpers") / "allies_fake_coder.py"
    helper.write_text(FAKE_CODER, encoding="utf-8")
    spark.sparkContext.addPyFile(str(helper))
    yield spark
    spark.stop()


def test_code_corpus(spark, tmp_path):
    from allies.spark import code_corpus

    articles = [
        {"text": "Russia and Azerbaijan signed a declaration. Russia and Azerbaijan will hold talks.",
         "title": "Declaration", "date": "2022-02-22", "url": "https://example.org/a", "source": "Example"},
        {"text": "Armenia and France met in Paris.", "date": "2023-05-01", "url": "https://example.org/b"},
        {"text": "", "url": "https://example.org/empty"},
    ] + [{"text": f"Russia and Azerbaijan met again on day {i}.", "date": "2022-03-01",
          "url": f"https://example.org/day{i}"} for i in range(6)]
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("\n".join(json.dumps(a) for a in articles) + "\n", encoding="utf-8")
    out = tmp_path / "events.parquet"
    written = code_corpus(corpus, out, spark=spark, coder="allies_fake_coder:CountingCoder")
    assert written == 8
    with Store(tmp_path / "coded.duckdb") as store:
        results = import_files(store, [out], kind="events")
        assert sum(r.rows_imported for r in results) == 8
        rows = store.query("SELECT origin, date, source_country, target_country, cameo, quad, url, "
                           "sentence_index, trigger FROM events ORDER BY url, sentence_index")
    first = rows[0]
    assert first["origin"] == "coded" and first["date"].isoformat() == "2022-02-22"
    assert (first["source_country"], first["target_country"], first["quad"]) == ("RUS", "AZE", "verbal_cooperation")
    # sentence 0 is the headline ("Declaration"), coded as a sentence of its own; the body follows
    assert [r["sentence_index"] for r in rows if r["url"] == "https://example.org/a"] == [1, 2]
    # Each executor process built its coder once and reused it for every partition.
    assert {r["trigger"].split(":")[1] for r in rows} == {"1"}


def test_import_gdelt_matches_duckdb(spark, tmp_path):
    if not GDELT_SAMPLE.exists():
        pytest.skip("shared GDELT sample not available")
    from allies.spark import import_gdelt

    out = tmp_path / "gdelt.parquet"
    counts = import_gdelt([GDELT_SAMPLE], out, spark=spark)
    assert counts == {"events": 1648, "rows": 2111, "duplicates": 463, "skipped": 0}
    from allies.imports.gdelt import MAPPING

    # every column the one mapping fills, as both engines ran it
    columns = ", ".join([*MAPPING, "source_row", "duplicates"])
    with Store(tmp_path / "spark.duckdb") as via_spark, Store(tmp_path / "duck.duckdb") as via_duckdb:
        import_files(via_spark, [out])
        import_files(via_duckdb, [GDELT_SAMPLE])
        spark_rows = via_spark.query(f"SELECT {columns} FROM events ORDER BY external_id")
        duck_rows = via_duckdb.query(f"SELECT {columns} FROM events ORDER BY external_id")
        assert spark_rows == duck_rows
        # Importing the original file after the Spark output adds nothing.
        assert import_files(via_spark, [GDELT_SAMPLE])[0].rows_imported == 0


def test_cli_engine_spark(spark, tmp_path, capsys):
    if not GDELT_SAMPLE.exists():
        pytest.skip("shared GDELT sample not available")
    from allies.cli import main

    out = tmp_path / "cli.parquet"
    assert main(["import", "gdelt", str(GDELT_SAMPLE), "--engine", "spark", "--out", str(out),
                 "--spark-master", "local[2]"]) == 0
    assert "1,648 events written" in capsys.readouterr().out


def test_import_gdelt_skips_bad_lines(spark, tmp_path):
    from allies.spark import import_gdelt

    from ..imports.dataset_files import gdelt_line, write_lines

    path = write_lines(tmp_path / "bad.export.CSV", [
        gdelt_line(GlobalEventID="1"),
        gdelt_line(GlobalEventID="2", Day="20151301"),
        "only\tthree\tcolumns",
        gdelt_line(GlobalEventID="4", GoldsteinScale="lots"),
        gdelt_line(GlobalEventID="5"),  # same event as line 1: folded
        gdelt_line(58, GlobalEventID="6", SOURCEURL="https://v1.example/6"),
        gdelt_line(GlobalEventID="7", ActionGeo_Lat="north"),  # the DuckDB importer's checks, too
        gdelt_line(GlobalEventID="8", EventCode="", EventRootCode="04"),
    ])
    counts = import_gdelt([path], tmp_path / "bad.parquet", spark=spark)
    assert counts == {"events": 2, "rows": 8, "duplicates": 1, "skipped": 5}
