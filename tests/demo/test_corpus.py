"""The built-in demo corpus: well-formed, dated, unique, and covering the dyads the demo needs."""
from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from allies.demo.corpus import REQUIRED_FIELDS, corpus_path, load_demo_documents, read_corpus
from allies.errors import InputError
from allies.model import Document

SHARED_DATA = Path(__file__).resolve().parents[2] / ".." / "shared" / "data"
SENTENCE_END = re.compile(r'(?:(?<=[.!?])|(?<=[.!?]["”]))\s+(?=["“]?[A-Z0-9])')


@pytest.fixture(scope="module")
def raw_lines() -> list[str]:
    return [line for line in corpus_path().read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def articles() -> list[dict]:
    return read_corpus()


def sentences(text: str) -> list[str]:
    return [part for part in SENTENCE_END.split(text) if part.strip()]


def mentions(text: str, *names: str) -> bool:
    return any(re.search(rf"\b{re.escape(name)}", text) for name in names)


# Country names, with the adjectives news prose uses for them.
NAMES = {
    "Azerbaijan": ("Azerbaijan", "Baku"),
    "Russia": ("Russia", "Kremlin", "Moscow"),
    "Armenia": ("Armenia", "Yerevan"),
    "Belarus": ("Belarus",),
    "Turkey": ("Turkey", "Turkish"),
    "Finland": ("Finland", "Finnish"),
    "United States": ("United States", "US ", "American"),
    "Japan": ("Japan",),
    "Ukraine": ("Ukrain", "Kyiv"),
    "Israel": ("Israel",),
    "Iran": ("Iran",),
    "North Korea": ("North Korea",),
    "South Korea": ("South Korea",),
}


def test_every_line_is_an_object_with_the_fields(raw_lines):
    assert 25 <= len(raw_lines) <= 45
    for number, line in enumerate(raw_lines, start=1):
        article = json.loads(line)
        assert set(article) == set(REQUIRED_FIELDS), f"line {number}"
        for name in REQUIRED_FIELDS:
            assert isinstance(article[name], str) and article[name].strip(), f"line {number} {name}"
        assert article["url"].startswith("https://demo.allies.invalid/")
        assert article["source"] == "allies demo desk"


def test_dates_parse_and_are_plausible(articles):
    for article in articles:
        day = dt.date.fromisoformat(article["date"])
        assert dt.date(1999, 1, 1) <= day <= dt.date.today()
        assert len(article["date"]) == 10


def test_texts_titles_and_urls_are_unique(articles):
    for field in ("text", "title", "url"):
        values = [article[field] for article in articles]
        assert len(values) == len(set(values)), field


def test_no_sentence_repeats_across_articles(articles):
    seen: dict[str, str] = {}
    for article in articles:
        for sentence in sentences(article["text"]):
            assert sentence not in seen, f"{sentence!r} in {article['url']} and {seen[sentence]}"
            seen[sentence] = article["url"]


def test_articles_are_short_news_items(articles):
    for article in articles:
        count = len(sentences(article["text"]))
        assert 4 <= count <= 10, (article["title"], count)


@pytest.mark.parametrize("first, second, at_least", [
    ("Azerbaijan", "Russia", 12),
    ("Armenia", "Russia", 5),
    ("Russia", "Belarus", 5),
    ("Turkey", "Azerbaijan", 2),
    ("Finland", "United States", 2),
    ("Japan", "United States", 2),
    ("Russia", "Ukraine", 3),
    ("Israel", "Iran", 3),
    ("North Korea", "Japan", 2),
    ("North Korea", "South Korea", 2),
])
def test_dyads_are_covered(articles, first, second, at_least):
    both = [a for a in articles if mentions(a["text"], *NAMES[first]) and mentions(a["text"], *NAMES[second])]
    assert len(both) >= at_least, (first, second, len(both))


def test_azerbaijan_russia_story_is_complete(articles):
    by_date = {article["date"]: article["text"] for article in articles}
    assert "Declaration on Allied Interaction" in by_date["2022-02-22"]
    assert "Lavrov" in by_date["2022-12-23"] and "Bayramov" in by_date["2022-12-23"]
    assert "Lachin" in by_date["2022-12-13"]
    assert "peacekeepers" in by_date["2024-04-17"]
    assert "Aktau" in by_date["2024-12-26"]
    assert "shot down by Russia" in by_date["2024-12-29"]
    corpus = " ".join(article["text"] for article in articles)
    for fact in ("Yekaterinburg", "Sputnik Azerbaijan", "September 2023", "Shusha Declaration",
                 "Union State", "Zapad-2021", "Union Resolve", "nuclear", "Collective Security Treaty"):
        assert fact in corpus, fact
    assert re.search(r"contradict[s]? the word ally", corpus)


def test_the_coder_meets_quotes_negation_and_hypotheticals(articles):
    texts = [article["text"] for article in articles]
    quoted = [t for t in texts if re.search(r'"[^"]+,?" [A-Z][a-z]+ (said|told)|said that "', t)]
    negated = [t for t in texts if re.search(r"\b(did not|has not|had not|was not|were not|no formal)\b", t)]
    hypothetical = [s for t in texts for s in sentences(t)
                    if re.search(r"\b[Ii]f\b", s) and re.search(r"\b(would|could)\b", s)]
    reported = [t for t in texts if re.search(r"\b(Experts|analysts?)\b[^.]* said\b", t)]
    assert len(quoted) >= 3
    assert len(negated) >= 5
    assert len(hypothetical) >= 2
    assert reported


def test_load_demo_documents():
    documents = load_demo_documents()
    assert all(isinstance(doc, Document) for doc in documents)
    assert [doc.date for doc in documents] == sorted(doc.date for doc in documents)
    first = documents[0]
    assert first.path.startswith("allies/demo/corpus.jsonl:")
    assert first.title and first.url and first.source == "allies demo desk"


def test_corpus_sentences_are_not_taken_from_the_shared_data(articles):
    dev = SHARED_DATA / "dev" / "conflibert_cameo_class_train.tsv"
    if not dev.exists():
        pytest.skip("shared data not present")
    shared = {line.split("\t", 1)[0].strip() for line in dev.read_text(encoding="utf-8").splitlines()}
    ours = {sentence for article in articles for sentence in sentences(article["text"])}
    assert not ours & shared


@pytest.mark.parametrize("content, message", [
    ('{"title": "t", "date": "2024-01-01", "source": "s", "url": "u"\n', "line 1: not valid JSON"),
    ('["a list"]\n', "line 1: expected a JSON object"),
    ('{"title": "t", "date": "2024-01-01", "source": "s", "url": "u"}\n', "field 'text' is missing"),
    ('{"title": "t", "date": "1 May 2024", "source": "s", "url": "u", "text": "x"}\n', "is not YYYY-MM-DD"),
    ('{"title": "t", "date": "2024-01-01", "source": "s", "url": "u", "text": "x"}\n'
     '\n'
     '{"title": "t2", "date": "2024-01-02", "source": "s", "url": "u", "text": "y"}\n', "line 3: URL u appears twice"),
    ("\n\n", "has no articles"),
])
def test_malformed_corpus_files_are_reported(tmp_path, content, message):
    path = tmp_path / "corpus.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=re.escape(message)):
        read_corpus(path)


def test_missing_corpus_file(tmp_path):
    with pytest.raises(InputError, match="cannot read corpus"):
        read_corpus(tmp_path / "absent.jsonl")
