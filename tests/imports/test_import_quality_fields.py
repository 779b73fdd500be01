"""What the datasets say about a row's weight and what happened is kept (issue 14 §2, §3),
and a GDELT 1.0 file mixing 57- and 58-column rows imports both (§6)."""
from __future__ import annotations

from allies.imports import import_files
from allies.nlp.codebook import CODEBOOK

from .dataset_files import gdelt_line, write_lines, write_table
from .test_import_icews import HEADER


def test_gdelt_keeps_root_mentions_sources_articles_and_plover(store, tmp_path):
    path = write_lines(tmp_path / "20150301.export.CSV", [
        gdelt_line(GlobalEventID="1", IsRootEvent="1", NumMentions="12", NumSources="4", NumArticles="10",
                   EventCode="036", EventBaseCode="036", EventRootCode="03"),
        gdelt_line(GlobalEventID="2", IsRootEvent="0", NumMentions="1", NumSources="1", NumArticles="1",
                   EventCode="190", EventBaseCode="190", EventRootCode="19", QuadClass="4",
                   SOURCEURL="https://news.example.net/comics-page"),
    ])
    [result] = import_files(store, [path])
    assert result.rows_imported == 2
    rows = store.query("SELECT external_id, is_root_event, num_mentions, num_sources, num_articles, url, plover, "
                       "source_text, target_text FROM events ORDER BY external_id")
    assert rows[0] == {"external_id": "1", "is_root_event": True, "num_mentions": 12, "num_sources": 4,
                       "num_articles": 10, "url": "https://news.example.net/russia-azerbaijan-visit",
                       "plover": CODEBOOK.get("036").plover, "source_text": "RUSSIA", "target_text": "AZERBAIJAN"}
    assert rows[1]["is_root_event"] is False and rows[1]["num_mentions"] == 1
    assert rows[1]["plover"] == CODEBOOK.get("190").plover == "ASSAULT"


def test_icews_keeps_story_publisher_event_text_and_plover(store, tmp_path):
    row = ["7", "2018-06-01", "Vladimir Putin", "Executive,Government", "Russian Federation",
           "Express intent to meet or negotiate", "036", "4", "Petro Poroshenko", "Executive,Government",
           "Ukraine", "4711", "3", "Interfax", "Moscow", "", "Moskva", "Russian Federation", "55.75", "37.62"]
    path = write_table(tmp_path / "events.2018.tab", HEADER, [row])
    [result] = import_files(store, [path], kind="icews")
    assert result.rows_imported == 1
    stored = store.query("SELECT story_id, publisher, event_text, plover, source_text, target_text FROM events")[0]
    assert stored == {"story_id": "4711", "publisher": "Interfax", "event_text": "Express intent to meet or negotiate",
                      "plover": CODEBOOK.get("036").plover, "source_text": "Vladimir Putin", "target_text": "Petro Poroshenko"}


def test_gdelt1_file_mixing_57_and_58_columns_imports_both(store, tmp_path):
    truncated = "\t".join(gdelt_line(58, GlobalEventID="95").split("\t")[:40])
    lines = [
        gdelt_line(57, GlobalEventID="90", Day="20130330"),           # before April 2013: no URL
        gdelt_line(58, GlobalEventID="91", Day="20130402"),           # after: URL at the end
        gdelt_line(57, GlobalEventID="92", Day="20130331"),
        gdelt_line(58, GlobalEventID="93", Day="20130403") + "\textra",  # 59 columns
        gdelt_line(58, GlobalEventID="94", Day="2013040"),            # bad date
        truncated,                                                    # 40 columns
        gdelt_line(58, GlobalEventID="96", Day="20130404", SOURCEURL="https://news.example.net/later"),
    ]
    for first in (57, 58):  # whichever width the file starts with
        ordered = lines if first == 57 else [lines[1], lines[0], *lines[2:]]
        path = write_lines(tmp_path / f"mixed{first}.export.CSV", ordered)
        store.con.execute("DELETE FROM events")
        [result] = import_files(store, [path], kind="gdelt")
        assert (result.rows_read, result.rows_imported, result.rows_skipped) == (7, 4, 3)
        reasons = {item["line"]: item["reason"] for item in result.skipped}
        assert sorted(reasons) == [4, 5, 6]
        assert "too many columns" in reasons[4]
        assert reasons[5] == "bad date: 2013040"
        assert reasons[6] == "too few columns (GDELT 1.0 rows have 57 or 58)"
        rows = store.query("SELECT external_id, url, source_row, date FROM events ORDER BY external_id")
        line_of = {("90" if first == 57 else "91"): 1, ("91" if first == 57 else "90"): 2, "92": 3, "96": 7}
        assert {r["external_id"]: r["source_row"] for r in rows} == line_of
        urls = {r["external_id"]: r["url"] for r in rows}
        assert urls["90"] is None and urls["92"] is None
        assert urls["91"] == "https://news.example.net/russia-azerbaijan-visit"
        assert urls["96"] == "https://news.example.net/later"
