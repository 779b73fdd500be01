"""The DuckDB store: schema, migrations, transactional article writes."""
from __future__ import annotations

import duckdb
import pytest

from allies import Actor, CodedDocument, Document, Event, Mention, Sentence, Store, StoreError
from allies.store.db import SCHEMA_VERSION, content_hash


def coded_article(text: str = "Russia and Azerbaijan signed a declaration. Armenia objected.") -> CodedDocument:
    doc = Document(text=text, title="Declaration signed", date="2022-02-22", source="desk", url="https://x.invalid/1")
    russia = Actor("Russia", "RUS", "RUS", None)
    azerbaijan = Actor("Azerbaijan", "AZE", "AZE", None)
    return CodedDocument(
        document=doc,
        sentences=[Sentence(0, "Russia and Azerbaijan signed a declaration.", 0, 43),
                   Sentence(1, "Armenia objected.", 44, 61)],
        mentions=[Mention(0, 0, 6, russia), Mention(0, 11, 21, azerbaijan)],
        events=[Event(0, "Russia and Azerbaijan signed a declaration.", russia, azerbaijan, "057",
                      "verbal_cooperation", 8.0, plover="AGREE", trigger="signed")],
    )


def test_new_store_is_migrated_to_latest_version(tmp_path):
    with Store(tmp_path / "a.duckdb") as store:
        assert store.schema_version == SCHEMA_VERSION
        assert set(store.counts()) >= {"articles", "sentences", "actor_mentions", "events", "formal_ties", "import_runs"}
    with Store(tmp_path / "a.duckdb") as again:  # reopening runs nothing twice
        rows = again.query("SELECT version FROM schema_version ORDER BY version")
        assert [r["version"] for r in rows] == sorted({r["version"] for r in rows})


def test_article_is_stored_with_sentences_mentions_and_events(tmp_path):
    with Store(tmp_path / "a.duckdb") as store:
        article_id = store.add_coded(coded_article())
        assert article_id is not None
        article = store.article(article_id)
        assert article["title"] == "Declaration signed" and str(article["date"]) == "2022-02-22"
        assert [s["text"] for s in store.sentences(article_id)][1] == "Armenia objected."
        event = store.query("SELECT * FROM events")[0]
        assert (event["source_country"], event["target_country"], event["cameo"], event["cameo_root"]) == ("RUS", "AZE", "057", "05")
        assert event["article_id"] == article_id and event["sentence_index"] == 0 and event["origin"] == "coded"
        assert str(event["date"]) == "2022-02-22"
        assert store.counts()["actor_mentions"] == 2


def test_duplicate_article_is_stored_once_even_with_other_spacing_and_case(tmp_path):
    with Store(tmp_path / "a.duckdb") as store:
        assert store.add_coded(coded_article()) is not None
        assert store.add_coded(coded_article("RUSSIA and  Azerbaijan signed a declaration.\nArmenia objected.")) is None
        assert store.counts()["articles"] == 1
        assert content_hash("A  b") == content_hash("a b")


def test_failed_write_leaves_no_half_article(tmp_path):
    coded = coded_article()
    coded.events[0].cameo = object()  # not storable: the insert of events fails mid-article
    with Store(tmp_path / "a.duckdb") as store:
        with pytest.raises(Exception):
            store.add_coded(coded)
        counts = store.counts()
        assert counts["articles"] == counts["sentences"] == counts["events"] == counts["actor_mentions"] == 0
        assert store.add_coded(coded_article()) is not None  # the store still works


def test_store_path_from_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("ALLIES_DB", str(tmp_path / "env.duckdb"))
    with Store() as store:
        store.counts()
    assert (tmp_path / "env.duckdb").exists()


def test_read_only_open_of_missing_store_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError, match="no store"):
        Store(tmp_path / "missing.duckdb", read_only=True).con


def test_a_database_that_is_not_an_allies_store_is_refused(tmp_path):
    path = tmp_path / "other.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE x (a INT)")
    con.close()
    with pytest.raises(StoreError, match="not an allies store"):
        Store(path, read_only=True).con


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "a.duckdb"
    with Store(path) as store:
        store.con.execute("INSERT INTO schema_version (version, name) VALUES (999, 'future')")
    with pytest.raises(StoreError, match="schema version 999"):
        Store(path).con


def test_garbage_file_is_a_clear_error(tmp_path):
    path = tmp_path / "junk.duckdb"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError):
        Store(path).con


def test_batch_is_all_or_nothing_and_skips_duplicates_within_it(tmp_path):
    with Store(tmp_path / "a.duckdb") as store:
        first, same, other = coded_article(), coded_article(), coded_article("Belarus and Russia held joint exercises in Belarus.")
        ids = store.add_coded_many([first, same, other])
        assert ids[0] is not None and ids[1] is None and ids[2] is not None
        broken = coded_article("Turkey and Azerbaijan signed the Shusha Declaration.")
        broken.events[0].cameo = object()
        with pytest.raises(Exception):
            store.add_coded_many([coded_article("China and Russia met."), broken])
        assert store.counts()["articles"] == 2
        assert store.query("SELECT count(DISTINCT event_id) AS n, count(*) AS m FROM events")[0] == {"n": 2, "m": 2}
