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


@pytest.mark.parametrize("text,a,b", [
    ("North Korea-US relations", "PRK", "USA"),   # a plain hyphen, as the en dash
    ("North Korea–US relations", "PRK", "USA"),
    ("Guinea-Bissau-Senegal relations", "GNB", "SEN"),  # a hyphenated name stays whole
    ("Russia-Azerbaijan relations", "RUS", "AZE"),
])
def test_a_hyphen_between_names(text, a, b):
    q = parse_question(text)
    assert (q.a, q.b) == (a, b)


@pytest.mark.parametrize("text,since,until", [
    ("Russia and Azerbaijan between 2018 and 2019", dt.date(2018, 1, 1), dt.date(2019, 12, 31)),
    ("Relations between Russia and Azerbaijan between the years 2018 and 2019",
     dt.date(2018, 1, 1), dt.date(2019, 12, 31)),
    ("Russia-Azerbaijan relations 2018-2019", dt.date(2018, 1, 1), dt.date(2019, 12, 31)),
    ("Russia and Azerbaijan in 2018–2019", dt.date(2018, 1, 1), dt.date(2019, 12, 31)),
    ("Russia and Azerbaijan from March 2018 to June 2019", dt.date(2018, 3, 1), dt.date(2019, 6, 30)),
    ("Russia and Azerbaijan until 2018", None, dt.date(2018, 12, 31)),
    ("Russia and Azerbaijan in March 2022", dt.date(2022, 3, 1), dt.date(2022, 3, 31)),
    ("Are Russia and Azerbaijan partners since February 24, 2022?", dt.date(2022, 2, 24), None),
])
def test_windows_in_the_question(text, since, until):
    q = parse_question(text)
    assert (q.a, q.b, q.since, q.until) == ("RUS", "AZE", since, until)


def test_a_window_that_ends_before_it_starts_says_so():
    with pytest.raises(InputError, match=r"since \(2020-01-01\) is after until \(2018-12-31\)"):
        parse_question("Russia and Azerbaijan since 2020 until 2018")


@pytest.mark.parametrize("text,hint", [
    ("Are Azerbajan and Rusia allies?", "recognised: none; did you mean Azerbaijan and Russia?"),
    ("Are India and Pakstan allies?", "recognised: India; did you mean Pakistan?"),
])
def test_misspelt_names_get_a_suggestion(text, hint):
    with pytest.raises(InputError) as caught:
        parse_question(text)
    assert hint in str(caught.value)


def test_no_suggestion_for_words_that_name_no_country():
    with pytest.raises(InputError) as caught:
        parse_question("Are Narnia and Gondor allies?")
    assert "did you mean" not in str(caught.value)


@pytest.mark.parametrize("text,relation", [
    ("Are Russia and Ukraine at war?", "war"),
    ("Is there fighting between Russia and Ukraine?", "war"),
    ("Is there enmity between Russia and Ukraine?", "hostile"),
    ("How strong is the partnership of Russia and Ukraine?", "friendly"),
])
def test_war_enmity_and_partnership_questions(text, relation):
    assert parse_question(text).relation == relation


def test_a_war_question_is_answered_for_war(corpus_store):
    from allies.relations import ask

    answer = ask(corpus_store, "Are Russia and Ukraine at war?")
    assert answer.verdict.verdict == "hostile" and answer.direct_answer == "yes"
    assert ask(corpus_store, "Are Turkey and Azerbaijan at war?").direct_answer == "no"


def test_an_empty_window_says_why(corpus_store):
    from allies.relations import ask

    answer = ask(corpus_store, "Are Russia and Ukraine at war?", until="2018")
    assert answer.analysis.until == dt.date(2018, 12, 31)
    assert answer.verdict.verdict == "unknown"
    assert answer.note.startswith("No events between Russia and Ukraine from the beginning to 2018-12-31; "
                                  "the store's ")
    assert " events between them run from " in answer.note
    assert answer.note in answer.to_text() and answer.to_dict()["note"] == answer.note
    blank = ask(corpus_store, "Are Chad and Peru allies?")
    assert blank.note == "No events between Chad and Peru in the store."


def test_a_war_question_counts_acts_of_force_when_the_verdict_is_split(corpus_store):
    from allies.relations import ask

    answer = ask(corpus_store, "Are Russia and Ukraine at war?")
    answer.verdict.verdict = "mixed"  # as when a wide window mixes years of talks with years of fighting
    assert answer.analysis.violent > 0
    assert answer.direct_answer == f"partly: {answer.analysis.violent} acts of armed force"
    answer.verdict.verdict = "tense"
    answer.analysis.violent = 0
    assert answer.direct_answer == "not at war, but tense"
