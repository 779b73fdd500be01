import datetime as dt

import pytest

from allies.errors import InputError
from allies.relations import parse_question, resolve_country


@pytest.mark.parametrize("text,a,b,relation", [
    ("Are Azerbaijan and Russia allies?", "AZE", "RUS", "ally"),
    ("Is Turkey an ally of Azerbaijan?", "TUR", "AZE", "ally"),
    ("How are relations between Japan and China?", "JPN", "CHN", "general"),
    ("Russia–Azerbaijan relations", "RUS", "AZE", "general"),
    ("RUS-AZE relations", "RUS", "AZE", "general"),
    ("Are the Azeris and Russians friends?", "AZE", "RUS", "friendly"),
    ("Are Azeri and Russian forces enemies?", "AZE", "RUS", "hostile"),
    ("Is the US an ally of the UK?", "USA", "GBR", "ally"),
    ("Are Moscow and Baku allies?", "RUS", "AZE", "ally"),
    ("Are North Korea and South Korea enemies?", "PRK", "KOR", "hostile"),
    ("Guinea-Bissau and Senegal relations", "GNB", "SEN", "general"),
])
def test_dyad_and_relation(text, a, b, relation):
    q = parse_question(text)
    assert (q.a, q.b, q.relation) == (a, b, relation)


def test_time_phrases():
    q = parse_question("Russia–Azerbaijan relations since 2022")
    assert q.since == dt.date(2022, 1, 1) and q.until is None
    q = parse_question("Are Turkey and Azerbaijan allies since March 2023?")
    assert q.since == dt.date(2023, 3, 1)
    q = parse_question("How were relations between India and Pakistan in 2019?")
    assert (q.since, q.until) == (dt.date(2019, 1, 1), dt.date(2019, 12, 31))
    q = parse_question("Serbia and Kosovo between 2020 and 2022")
    assert (q.since, q.until) == (dt.date(2020, 1, 1), dt.date(2022, 12, 31))


def test_negation_is_noticed():
    assert parse_question("Russia is not an ally of Azerbaijan").negated
    assert not parse_question("Russia is an ally of Azerbaijan").negated


@pytest.mark.parametrize("text,match", [
    ("Are they allies?", "cannot tell which two countries"),
    ("Is Azerbaijan an ally?", "cannot tell which two countries"),
    ("Are Narnia and Russia allies?", "cannot tell which two countries"),
    ("Are France, Germany and Italy allies?", "more than two countries"),
    ("", "empty question"),
])
def test_unclear_questions_raise_input_error(text, match):
    with pytest.raises(InputError, match=match):
        parse_question(text)


def test_plain_words_are_not_codes():
    # "are" is the ISO code of the UAE and "us" an alias of the USA: neither may match in lower case.
    with pytest.raises(InputError):
        parse_question("are us and them allies?")
    assert resolve_country("Azeri") == "AZE"
    assert resolve_country("Türkiye") == "TUR"
    assert resolve_country("Narnia") is None
