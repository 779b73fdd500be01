"""Article structure: headline, dateline and paragraphs are found before sentences."""
from __future__ import annotations

import json

import pytest

from allies import Store
from allies.ingest import ingest_into
from allies.ingest.readers import read_file
from allies.nlp.article import layout, paragraph_spans
from allies.nlp.dates import parse_dateline


# ``coder``: the fixture in tests/nlp/conftest.py, shared through tests/conftest.py


# Written for these tests in wire style.
WIRE_TXT = """Armenia and Azerbaijan agree to open border crossing

YEREVAN, March 4, 2025 — Armenia and Azerbaijan agreed on Tuesday to open
a crossing on their shared border, the Armenian foreign ministry said.

The deal follows months of talks mediated by the European Union

Azerbaijan's foreign ministry confirmed the agreement in a statement.
"""


@pytest.mark.parametrize("paragraph, place, date", [
    ("NEW DELHI, May 7, 2025 — India said on Wednesday", "NEW DELHI", "2025-05-07"),
    ("MOSCOW (Reuters) - Russia said on Friday", "MOSCOW", None),
    ("Baku, 3 March 2024: Azerbaijan said", "Baku", "2024-03-03"),
    ("KABUL, Afghanistan (AP) -- A bomb exploded", "KABUL, Afghanistan", None),
    ("UNITED NATIONS, Sept. 23, 2025 (AP) — Leaders gathered", "UNITED NATIONS", "2025-09-23"),
])
def test_datelines_give_place_and_date(paragraph, place, date):
    found = parse_dateline(paragraph)
    assert found is not None and (found.place, found.date) == (place, date)
    assert paragraph[found.end:][:1].isupper()  # the paragraph's own words begin after it


@pytest.mark.parametrize("paragraph", [
    "Moscow - the talks ended without a deal.",   # title case and a bare dash is prose
    "Russia: talks fail as Kyiv waits",
    "US-China talks resume in Geneva.",
    "The minister said: we will respond.",
])
def test_prose_is_not_a_dateline(paragraph):
    assert parse_dateline(paragraph) is None


def test_dateline_without_year_takes_the_article_year():
    assert parse_dateline("WASHINGTON, Dec 5 (Reuters) - The", "2025-12-20").date == "2025-12-05"
    assert parse_dateline("WASHINGTON, Dec 5 (Reuters) - The").date is None


def test_paragraphs_are_blank_lines_or_else_lines():
    wrapped = "First paragraph runs\nover two lines.\n\nSecond paragraph."
    assert [wrapped[s:e] for s, e in paragraph_spans(wrapped)] == [
        "First paragraph runs\nover two lines.", "Second paragraph."]
    lines = "One paragraph.\nAnother paragraph\nA third"
    assert len(paragraph_spans(lines)) == 3


def test_layout_parses_the_headline_and_each_paragraph_apart_without_the_dateline():
    body = "MOSCOW (Reuters) - Russia expelled two diplomats.\n\nEstonia protested."
    shape = layout(body, "Russia expels diplomats", None)
    assert [(p.text, p.is_headline) for p in shape.pieces] == [
        ("Russia expels diplomats", True), ("Russia expelled two diplomats.", False), ("Estonia protested.", False)]
    assert [body[p.offset:p.offset + len(p.text)] for p in shape.pieces[1:]] == [p.text for p in shape.pieces[1:]]
    assert shape.dateline.place == "MOSCOW"


def test_a_text_that_opens_with_its_headline_is_not_given_it_twice():
    body = "Russia expels diplomats\n\nRussia expelled two diplomats on Monday."
    shape = layout(body, "Russia expels diplomats", None)
    assert [(p.offset, p.is_headline) for p in shape.pieces] == [(0, True), (25, False)]


def test_a_body_sentence_is_never_broken_by_the_headline_before_it(coder):
    from allies.model import Document

    coded = next(coder.code_documents([Document(
        text="Georgia and Armenia agreed on Friday to open a new border crossing. Ministers from both "
             "countries said the crossing would help trade.",
        title="Tbilisi and Yerevan agree on a new border crossing")]))
    assert [s.text for s in coded.sentences] == [
        "Tbilisi and Yerevan agree on a new border crossing",
        "Georgia and Armenia agreed on Friday to open a new border crossing.",
        "Ministers from both countries said the crossing would help trade."]


def test_txt_with_a_dated_dateline_is_dated_and_keeps_its_headline(tmp_path):
    path = tmp_path / "border.txt"
    path.write_text(WIRE_TXT, encoding="utf-8")
    [doc] = list(read_file(path))
    assert doc.title == "Armenia and Azerbaijan agree to open border crossing"
    assert doc.date == "2025-03-04"


def test_a_question_headline_is_a_headline(tmp_path):
    path = tmp_path / "q.txt"
    path.write_text("Will Iran strike back?\n\nTEHRAN (AP) — Iran vowed on Sunday to respond to the strikes.\n",
                    encoding="utf-8")
    [doc] = list(read_file(path))
    assert doc.title == "Will Iran strike back?"
    assert doc.date is None  # the dateline gives a place, no date


def test_header_date_wins_over_the_dateline(tmp_path):
    path = tmp_path / "dated.txt"
    path.write_text("Date: 2025-03-05\n\n" + WIRE_TXT, encoding="utf-8")
    [doc] = list(read_file(path))
    assert doc.date == "2025-03-05"


def test_jsonl_without_a_date_takes_the_dateline(tmp_path):
    path = tmp_path / "wire.jsonl"
    record = {"title": "Georgia recalls envoy", "text": "TBILISI, 14 June 2024: Georgia recalled its ambassador "
                                                        "to Ukraine for consultations, the foreign ministry said."}
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    [doc] = list(read_file(path))
    assert doc.date == "2024-06-14" and doc.title == "Georgia recalls envoy"


def test_html_without_a_date_takes_the_dateline(tmp_path):
    path = tmp_path / "page.html"
    path.write_text("""<!DOCTYPE html><html><head><title>Japan protests to China</title></head><body>
<article><h1>Japan protests to China</h1>
<p>TOKYO, August 26, 2024 — Japan lodged a protest with China on Monday after a Chinese military aircraft
entered its airspace off the southern island of Kyushu, the government said.</p>
<p>Chief Cabinet Secretary Yoshimasa Hayashi called the incursion a serious violation of sovereignty.</p>
</article></body></html>""", encoding="utf-8")
    [doc] = list(read_file(path))
    assert doc.date == "2024-08-26"


def test_stored_article_has_headline_sentence_and_paragraph_breaks(tmp_path, coder):
    path = tmp_path / "border.txt"
    path.write_text(WIRE_TXT, encoding="utf-8")
    with Store(tmp_path / "s.duckdb") as store:
        report = ingest_into(store, [path], coder=coder)
        [article_id] = report.article_ids
        article = store.article(article_id)
        sentences = store.sentences(article_id)
    assert str(article["date"]) == "2025-03-04"
    assert sentences[0]["is_headline"] and sentences[0]["text"] == (
        "Armenia and Azerbaijan agree to open border crossing")
    assert not any(s["is_headline"] for s in sentences[1:])
    texts = [s["text"] for s in sentences]
    # the dateline is not part of the lede, and the paragraph without a full stop ends at its break
    assert texts[1].startswith("Armenia and Azerbaijan agreed on Tuesday")
    assert "The deal follows months of talks mediated by the European Union" in texts
    for sentence in sentences[1:]:
        assert article["text"][sentence["start_char"]:sentence["end_char"]] == sentence["text"]


@pytest.mark.parametrize("title", [None, "Gunmen kill soldiers in ambush"])
@pytest.mark.parametrize("dateline", ["BAMAKO, Mali (AP) —", "BAMAKO, Dec. 1, 2025 —", "BAMAKO —"])
def test_the_datelines_place_is_still_where_events_happen(coder, title, dateline):
    from allies.model import Document

    body = f"{dateline} Gunmen killed five soldiers at a checkpoint on Monday, the army said."
    coded = next(coder.code_documents([Document(text=body, title=title, date="2025-12-02")]))
    lede = [e for e in coded.events if not coded.sentences[e.sentence_index].is_headline]
    assert any(e.target is not None and e.target.country == "MLI" for e in lede)
    assert not coded.sentences[-1].text.startswith("BAMAKO")


def test_coder_dates_an_undated_document_from_its_dateline(coder):
    from allies.model import Document

    document = Document(text="ANKARA, 12 March 2025: Turkey summoned the Greek ambassador over a naval incident.")
    coded = next(coder.code_documents([document]))
    assert document.date == "2025-03-12"
    assert coded.events and all(e.date == "2025-03-12" for e in coded.events)
