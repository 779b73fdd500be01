"""Ingest: every format, duplicates once, every bad input skipped with a reason."""
from __future__ import annotations

import gzip
import json

import pytest

from allies import Store
from allies.errors import InputError
from allies.ingest import ingest_into
from allies.ingest.readers import normalise_date, read_file

ARTICLE = ("Azerbaijani Foreign Minister Jeyhun Bayramov met Russian Foreign Minister Sergei Lavrov in Moscow. "
           "The two ministers discussed the situation in the South Caucasus.")

HTML = """<!DOCTYPE html><html><head><title>Ministers meet in Moscow</title>
<meta property="article:published_time" content="2022-12-05T10:00:00Z"></head>
<body><nav>Home | World | Sport</nav><article><h1>Ministers meet in Moscow</h1>
<p>Azerbaijani Foreign Minister Jeyhun Bayramov met Russian Foreign Minister Sergei Lavrov in Moscow on Monday.</p>
<p>The ministers discussed regional security, transport links and the peace process with Armenia at length.</p>
<p>Lavrov called Azerbaijan an important partner and said the two countries would keep working together.</p>
</article><footer>Copyright the desk</footer></body></html>"""

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Caucasus Desk</title>
<item><title>Armenia freezes CSTO participation</title><link>https://desk.invalid/a</link>
<pubDate>Fri, 23 Feb 2024 09:00:00 GMT</pubDate>
<description>&lt;p&gt;Armenia has frozen its participation in the Collective Security Treaty Organization, Prime Minister Nikol Pashinyan said.&lt;/p&gt;</description></item>
<item><title>Union State exercises</title><link>https://desk.invalid/b</link>
<pubDate>Mon, 14 Feb 2022 09:00:00 GMT</pubDate>
<description>Russian and Belarusian troops held joint exercises in Belarus under the Union State framework.</description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Desk</title>
<entry><title>Finland joins NATO</title><link href="https://atom.invalid/fi"/>
<updated>2023-04-04T12:00:00Z</updated>
<content type="html">&lt;p&gt;Finland became the thirty-first member of NATO, and the United States welcomed its accession.&lt;/p&gt;</content></entry>
</feed>"""


@pytest.fixture
def store(tmp_path_factory):
    # The store lives outside tmp_path so that ingesting tmp_path does not read it.
    with Store(tmp_path_factory.mktemp("db") / "store.duckdb") as s:
        yield s


def titles(store: Store) -> set[str]:
    return {r["title"] for r in store.query("SELECT title FROM articles")}


def test_text_file_with_header_lines(tmp_path, store):
    path = tmp_path / "a.txt"
    path.write_text(f"Title: Ministers meet\nDate: 5 December 2022\nSource: Desk\nURL: https://d.invalid/1\n\n{ARTICLE}\n")
    report = ingest_into(store, [path])
    assert (report.added, report.skipped) == (1, [])
    row = store.query("SELECT title, date, source, url, text FROM articles")[0]
    assert (row["title"], str(row["date"]), row["source"], row["url"]) == ("Ministers meet", "2022-12-05", "Desk", "https://d.invalid/1")
    assert row["text"].startswith("Azerbaijani Foreign Minister")
    assert store.counts()["sentences"] >= 2


def test_html_main_text_title_and_date(tmp_path, store):
    (tmp_path / "page.html").write_text(HTML)
    report = ingest_into(store, [tmp_path / "page.html"])
    assert report.added == 1
    row = store.query("SELECT title, date, text FROM articles")[0]
    assert row["title"] == "Ministers meet in Moscow"
    assert str(row["date"]) == "2022-12-05"
    assert "Lavrov called Azerbaijan" in row["text"] and "Home | World" not in row["text"]


def test_jsonl_fields_and_bad_lines(tmp_path, store):
    lines = [
        json.dumps({"text": ARTICLE, "title": "One", "date": "2022-12-05", "url": "https://j.invalid/1", "source": "J"}),
        "this is not json",
        json.dumps({"title": "no text here"}),
        json.dumps(["a", "list"]),
        "",
        json.dumps({"body": "Russia and Belarus signed a new agreement on the Union State in Minsk.", "published": "2021-11-04"}),
    ]
    (tmp_path / "a.jsonl").write_text("\n".join(lines) + "\n")
    report = ingest_into(store, [tmp_path / "a.jsonl"])
    assert report.added == 2
    reasons = {s.where.rsplit(":", 1)[1]: s.reason for s in report.skipped}
    assert reasons["2"].startswith("not JSON")
    assert reasons["3"] == "no text field"
    assert reasons["4"] == "not a JSON object"
    dates = {r["title"]: str(r["date"]) for r in store.query("SELECT title, date FROM articles")}
    assert dates["One"] == "2022-12-05" and dates[None] == "2021-11-04"


def test_rss_and_atom_entries_are_articles(tmp_path, store):
    (tmp_path / "feed.rss").write_text(RSS)
    (tmp_path / "feed.atom").write_text(ATOM)
    report = ingest_into(store, [tmp_path])
    assert report.added == 3
    rows = {r["title"]: r for r in store.query("SELECT title, date, source, url, text FROM articles")}
    assert str(rows["Armenia freezes CSTO participation"]["date"]) == "2024-02-23"
    assert rows["Armenia freezes CSTO participation"]["source"] == "Caucasus Desk"
    assert "<p>" not in rows["Armenia freezes CSTO participation"]["text"]
    assert rows["Finland joins NATO"]["url"] == "https://atom.invalid/fi"


def test_gzip_of_each_format_and_nested_folders(tmp_path, store):
    nested = tmp_path / "a" / "b"
    nested.mkdir(parents=True)
    (nested / "page.html.gz").write_bytes(gzip.compress(HTML.encode()))
    (nested / "feed.xml.gz").write_bytes(gzip.compress(RSS.encode()))
    (tmp_path / "a" / "lines.jsonl.gz").write_bytes(gzip.compress((json.dumps({"text": ARTICLE}) + "\n").encode()))
    (tmp_path / "a" / "note.txt.gz").write_bytes(gzip.compress(b"Turkey and Azerbaijan signed the Shusha Declaration in June 2021."))
    report = ingest_into(store, [tmp_path])
    assert report.added == 5 and not report.skipped  # html 1, rss 2, jsonl 1, txt 1


def test_same_files_again_add_nothing(tmp_path, store):
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "b.jsonl").write_text(json.dumps({"text": ARTICLE.upper()}) + "\n")  # same text, other case
    first = ingest_into(store, [tmp_path])
    assert (first.added, first.duplicates) == (1, 1)
    again = ingest_into(store, [tmp_path])
    assert (again.added, again.duplicates) == (0, 2)
    assert "nothing new" in again.summary() and again.exit_code == 0
    assert store.counts()["articles"] == 1


@pytest.mark.parametrize("name, content, reason", [
    ("empty.txt", b"", "empty file"),
    ("blank.txt", b"   \n\n  ", "empty file"),
    ("binary.txt", bytes(range(256)) * 4, "binary file"),
    ("latin1.txt", "Le ministre a rencontr\u00e9 son homologue \u00e0 Moscou.".encode("latin-1"), "invalid UTF-8"),
    ("nav.html", b"<html><body><nav><a href='/'>Home</a></nav></body></html>", "HTML with no main text"),
    ("bad.gz", b"\x1f\x8b\x08\x00garbage", "corrupt or truncated gzip"),
    ("picture.png", b"\x89PNG\r\n\x1a\n" + bytes(100), "unsupported file type"),
    ("empty.jsonl", b"", "empty file"),
    ("bomb.rss", b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><rss><channel><item><description>&b;</description></item></channel></rss>', "entity declarations refused"),
])
def test_bad_input_is_skipped_with_a_reason_and_the_rest_stored(tmp_path, store, name, content, reason):
    (tmp_path / name).write_bytes(content)
    (tmp_path / "good.txt").write_text(ARTICLE)
    report = ingest_into(store, [tmp_path])
    assert report.added == 1
    assert len(report.skipped) == 1 and reason in report.skipped[0].reason
    assert "\n" not in report.skipped[0].reason


def test_missing_path_is_an_error_before_anything_is_stored(tmp_path, store):
    (tmp_path / "good.txt").write_text(ARTICLE)
    with pytest.raises(InputError, match="no such file or folder"):
        ingest_into(store, [tmp_path / "good.txt", tmp_path / "missing.txt"])
    assert store.counts()["articles"] == 0


def test_oversized_jsonl_line_is_skipped_without_losing_the_next(tmp_path, store, monkeypatch):
    import allies.ingest.readers as readers

    monkeypatch.setattr(readers, "MAX_DOCUMENT_BYTES", 1000)
    big = json.dumps({"text": "word " * 5000})
    (tmp_path / "a.jsonl").write_text(big + "\n" + json.dumps({"text": ARTICLE}) + "\n")
    report = ingest_into(store, [tmp_path / "a.jsonl"])
    assert report.added == 1 and "longer than" in report.skipped[0].reason


def test_gzip_bomb_is_refused(tmp_path, store, monkeypatch):
    import allies.ingest.readers as readers

    monkeypatch.setattr(readers, "MAX_DOCUMENT_BYTES", 10_000)
    (tmp_path / "bomb.txt.gz").write_bytes(gzip.compress(b"a" * 10_000_000))
    report = ingest_into(store, [tmp_path / "bomb.txt.gz"])
    assert report.added == 0 and "decompression bomb" in report.skipped[0].reason


def test_read_file_never_raises_on_a_folder_entry_it_cannot_read(tmp_path):
    path = tmp_path / "x.txt"
    path.write_text(ARTICLE)
    path.chmod(0)
    items = list(read_file(path))
    path.chmod(0o644)
    assert len(items) == 1  # root can read anyway; otherwise a Skipped with a reason


@pytest.mark.parametrize("raw, iso", [
    ("2022-12-05", "2022-12-05"), ("2022-12-05T10:00:00Z", "2022-12-05"), ("20221205", "2022-12-05"),
    ("5 December 2022", "2022-12-05"), ("December 5, 2022", "2022-12-05"), ("not a date", None), ("2022-13-45", None),
])
def test_dates_are_normalised(raw, iso):
    assert normalise_date(raw) == iso
