"""Fuzzing the ingest readers with hypothesis: only documents or one-line
reasons come out, never an exception."""
from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from allies.ingest.readers import Skipped, normalise_date, read_bytes
from allies.model import Document

SUFFIXES = [".txt", ".html", ".jsonl", ".rss", ".xml", ".json", ""]

fuzz = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def check(items) -> None:
    for item in items:
        assert isinstance(item, (Document, Skipped))
        if isinstance(item, Skipped):
            assert item.reason and "\n" not in item.reason
        else:
            assert item.text.strip()


@fuzz
@given(data=st.binary(max_size=3000), suffix=st.sampled_from(SUFFIXES))
def test_random_bytes(data, suffix):
    check(read_bytes(data, "fuzz", suffix))


@fuzz
@given(text=st.text(max_size=2000), suffix=st.sampled_from(SUFFIXES))
def test_random_text(text, suffix):
    check(read_bytes(text.encode("utf-8", "surrogatepass"), "fuzz", suffix))


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=200),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.sampled_from(["text", "title", "date", "url", "source", "body", "x"]), inner, max_size=5),
    max_leaves=20,
)


@fuzz
@given(records=st.lists(json_values, max_size=6))
def test_random_jsonl_records(records):
    data = "\n".join(json.dumps(r) for r in records).encode()
    check(read_bytes(data, "fuzz", ".jsonl"))


@fuzz
@given(fragments=st.lists(st.sampled_from(["<rss>", "<channel>", "<item>", "<title>", "</title>", "<description>",
                                             "</description>", "</item>", "<feed>", "<entry>", "<content>", "&amp;",
                                             "&#0;", "<![CDATA[", "]]>", "<!--", "-->", "text words here", "<?xml?>"]),
                          max_size=30))
def test_feed_shaped_garbage(fragments):
    check(read_bytes("".join(fragments).encode(), "fuzz", ".rss"))


@fuzz
@given(text=st.text(max_size=60))
def test_dates_never_raise(text):
    result = normalise_date(text)
    assert result is None or len(result) == 10
