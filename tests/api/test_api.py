"""The Python API and the CLI around it: dates on ingest, --replace, dataset
imports from Python, events and dyads as pandas or Arrow, what `info`, `import
atop` and `demo` print."""
from __future__ import annotations

import datetime as dt
import json

import pytest

import allies
from allies import Store
from allies.cli import main
from allies.errors import InputError
from allies.nlp import Coder

ARTICLE = ("Turkey and Azerbaijan signed an agreement on energy cooperation on Wednesday. "
           "Turkish President Recep Tayyip Erdogan praised Azerbaijan as a close ally.")
EVENTS = [
    {"date": "2024-03-01", "source_country": "TUR", "target_country": "AZE", "cameo": "057", "goldstein": 8.0},
    {"date": "2024-03-02", "source_country": "AZE", "target_country": "TUR", "cameo": "042", "goldstein": 1.9},
    {"date": "2024-04-10", "source_country": "ARM", "target_country": "AZE", "cameo": "112", "goldstein": -2.0},
]


@pytest.fixture(scope="module")
def rules_coder():
    return Coder(model=None)  # fast and deterministic: the API, not the coder, is under test


def write_events(path) -> None:
    path.write_text("".join(json.dumps(e) + "\n" for e in EVENTS))


def test_store_ingest_takes_a_date(tmp_path, rules_coder):
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a.txt").write_text(ARTICLE + "\n")
    with Store(tmp_path / "s.duckdb") as store:
        report = store.ingest(tmp_path / "news", date=dt.date(2025, 5, 7), coder=rules_coder)
        assert report.added == 1
        assert store.query("SELECT CAST(date AS VARCHAR) AS d FROM articles")[0]["d"] == "2025-05-07"
        with pytest.raises(InputError, match="YYYY-MM-DD"):
            store.ingest(tmp_path / "news", date="7 May")


def test_replace_corrects_a_date(tmp_path, capsys):
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE.replace(" on Wednesday", "") + "\n")  # no weekday: events take the article's date
    db = str(tmp_path / "s.duckdb")
    assert main(["ingest", str(article), "--db", db, "--date", "2025-05-07", "--quiet"]) == 0
    again = main(["ingest", str(article), "--db", db, "--date", "2025-05-08", "--quiet"])
    out = capsys.readouterr().out
    assert again == 0 and "1 duplicate" in out and "--replace" in out
    assert main(["ingest", str(article), "--db", db, "--date", "2025-05-08", "--replace", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert (report["added"], report["replaced"], report["duplicates"]) == (0, 1, 0)
    with Store(db, read_only=True) as store:
        assert store.query("SELECT count(*) AS n, CAST(max(date) AS VARCHAR) AS d FROM articles")[0] == \
            {"n": 1, "d": "2025-05-08"}
        dates = store.query("SELECT DISTINCT CAST(date AS VARCHAR) AS d FROM events")
        assert dates and all(row["d"] == "2025-05-08" for row in dates)
        orphans = store.query("SELECT count(*) AS n FROM events WHERE article_id NOT IN (SELECT article_id FROM articles)")
        assert orphans[0]["n"] == 0


def test_replace_by_url_keeps_one_article(tmp_path, rules_coder):
    first = tmp_path / "first.jsonl"
    first.write_text(json.dumps({"text": ARTICLE, "url": "https://wire.invalid/tur-aze", "date": "2025-05-07"}) + "\n")
    second = tmp_path / "second.jsonl"
    second.write_text(json.dumps({"text": ARTICLE + " Officials said talks would continue.",
                                  "url": "https://wire.invalid/tur-aze", "date": "2025-05-07"}) + "\n")
    with Store(tmp_path / "s.duckdb") as store:
        store.ingest([first], coder=rules_coder)
        report = store.ingest([second], replace=True, coder=rules_coder)
        assert (report.added, report.replaced) == (0, 1)
        rows = store.query("SELECT text FROM articles")
        assert len(rows) == 1 and rows[0]["text"].endswith("talks would continue.")


def test_events_record_the_coder_that_made_them(tmp_path, rules_coder):
    (tmp_path / "a.txt").write_text(ARTICLE + "\n")
    with Store(tmp_path / "s.duckdb") as store:
        store.ingest([tmp_path / "a.txt"], coder=rules_coder)
        made = store.query("SELECT DISTINCT coder_version, coder_model FROM events")
    assert made == [{"coder_version": rules_coder.version, "coder_model": "rules"}]
    assert rules_coder.version.startswith(allies.__version__ + "+rules.")


def test_python_imports_datasets_and_gives_tables(tmp_path):
    path = tmp_path / "events.jsonl"
    write_events(path)
    with Store(tmp_path / "s.duckdb") as store:
        results = store.import_datasets(path)
        assert [r.rows_imported for r in results] == [3]
        events = store.events(country="AZE")
        assert len(events) == 3 and "goldstein" in events.columns
        frame = events.to_pandas()
        assert list(frame["source_country"]) == ["TUR", "AZE", "ARM"]
        dyads = store.dyads(since="2024-04-01").to_pandas()
        assert dyads[["source_country", "target_country", "events"]].values.tolist() == [["ARM", "AZE", 1]]
        # reading never writes, and the import already brought the relations cache up to date
        from allies.relations.cache import is_current
        assert is_current(store)


def test_to_arrow_without_pyarrow_is_a_clear_error(tmp_path, monkeypatch):
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "pyarrow" else real(name, *a))
    with Store(tmp_path / "s.duckdb") as store, pytest.raises(InputError, match="pip install pyarrow"):
        store.events().to_arrow()


def test_info_breaks_events_down_by_origin_and_dates(tmp_path, capsys, rules_coder):
    path = tmp_path / "events.jsonl"
    write_events(path)
    (tmp_path / "a.txt").write_text(ARTICLE + "\n")
    db = tmp_path / "s.duckdb"
    with Store(db) as store:
        store.import_datasets([path])
        store.ingest([tmp_path / "a.txt"], date="2025-05-07", coder=rules_coder)
        coded = store.query("SELECT count(*) AS n FROM events WHERE origin = 'coded'")[0]["n"]
    assert main(["info", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "events by origin (2024-03-01 to 2025-05-07):" in out
    rows = {line.split()[0]: line.split()[1:] for line in out.split("events by origin")[1].splitlines()[1:]}
    assert rows["coded"] == [str(coded), "2025-05-07", "to", "2025-05-07"]
    assert rows["events"] == ["3", "2024-03-01", "to", "2024-04-10"]
    assert main(["info", "--db", str(db), "--json"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["events_by_origin"]["events"] == {"events": 3, "first_date": "2024-03-01",
                                                  "last_date": "2024-04-10", "undated": 0}


def test_import_atop_prints_a_sentence(tmp_path, capsys):
    path = tmp_path / "atop.csv"
    path.write_text("ccode1,ccode2,year,atop_defense,atop_offense,atop_neutral,atop_nonagg,atop_consul\n"
                    "640,373,2020,1,0,0,0,1\n373,640,2020,1,0,0,0,1\n640,373,2021,1,0,0,0,1\n")
    assert main(["import", "atop", str(path), "--db", str(tmp_path / "s.duckdb")]) == 0
    out = capsys.readouterr().out.strip()
    assert "{" not in out and ":" in out
    assert out.startswith(f"{path}: 1 formal tie from ") and "in 3 rows (0 bad rows skipped)" in out


def test_plural_wording(tmp_path, capsys):
    path = tmp_path / "events.jsonl"
    path.write_text(json.dumps(EVENTS[0]) + "\n")
    db = str(tmp_path / "s.duckdb")
    assert main(["import", str(path), "--db", db]) == 0
    assert "1 event imported from 1 row (0 duplicates folded" in capsys.readouterr().out
    assert main(["export", "--table", "dyads", "--out", str(tmp_path / "d.csv"), "--db", db]) == 0
    assert capsys.readouterr().err.startswith("1 dyad row written to ")
    assert main(["export", "--out", str(tmp_path / "e.csv"), "--db", db]) == 0
    assert capsys.readouterr().err.startswith("1 event written to ")


def test_demo_with_db_says_where_the_store_is(tmp_path, capsys):
    db = tmp_path / "demo.duckdb"
    assert main(["demo", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "keep the store with --db PATH" not in out
    assert f"the store is kept at {db}" in out
