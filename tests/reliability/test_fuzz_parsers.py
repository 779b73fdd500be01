"""Fuzzing the question parser and the event coder with hypothesis: no failure
other than the documented clear errors."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from allies.errors import InputError
from allies.model import QUADS, MODALITIES, Event

fuzz = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

NAMES = ["Russia", "Azerbaijan", "Azeri", "RUS", "the US", "China", "Kosovo", "Taiwan", "NATO", "Armenian", "Moscow",
         "Baku", "Turkey", "Türkiye", "North Korea", "ally", "allies", "relations", "since 2022", "between", "and", "?"]


@fuzz
@given(text=st.text(max_size=300))
def test_question_parser_random_text(text):
    from allies.relations import parse_question

    try:
        question = parse_question(text)
    except InputError as exc:
        assert str(exc) and "\n" not in str(exc)
    else:
        assert question.a != question.b


@fuzz
@given(words=st.lists(st.sampled_from(NAMES), max_size=12))
def test_question_parser_country_soup(words):
    from allies.relations import parse_question

    try:
        question = parse_question(" ".join(words))
    except InputError as exc:
        assert "\n" not in str(exc)
    else:
        assert all(len(code) == 3 and code.isupper() for code in (question.a, question.b))


@pytest.fixture(scope="module")
def coders():
    from allies.nlp import Coder, default_coder

    return [default_coder(), Coder(model=None)]


def check_events(events) -> None:
    for event in events:
        assert isinstance(event, Event)
        assert event.quad in QUADS and event.modality in MODALITIES
        assert event.cameo and event.cameo[:2].isdigit()
        assert -10.0 <= event.goldstein <= 10.0 and 0.0 <= event.confidence <= 1.0
        event.to_dict()


@fuzz
@given(text=st.text(max_size=400))
def test_coder_random_unicode(coders, text):
    for coder in coders:
        check_events(coder.code(text, date="2022-12-05"))


sentence_parts = st.sampled_from([
    "Russia", "Azerbaijani troops", "the Kremlin", "President Aliyev", "NATO", "experts said", "did not", "would",
    "if", "attacked", "met", "signed an agreement with", "accused", "on Monday", "last week", "“", "”", "\"", ",",
    "and", ".", "\n", "\x00", "😀", "؟", "Лавров", "——", "(", ")", "   ",
])


@fuzz
@given(parts=st.lists(sentence_parts, max_size=40), date=st.one_of(st.none(), st.dates().map(str)))
def test_coder_news_shaped_soup(coders, parts, date):
    for coder in coders:
        check_events(coder.code(" ".join(parts), date=date))
