"""Background sentences in wire copy keep the date of what they recall."""
from __future__ import annotations

import pytest

from allies.model import Document
from allies.nlp.dates import SCHEMA as DATE_WORDS_SCHEMA
from allies.nlp.dates import StoryDates, resolve_date
from allies.nlp.tables import DataFileError, parse_tsv

ARTICLE_DATE = "2025-06-04"


@pytest.mark.parametrize("text, expected", [
    ("Azerbaijan retook Karabakh in a lightning offensive in September 2023.", "2023-09-15"),
    ("The two countries fought a six-week war in 2020.", "2020-07-01"),
    ("Russia launched its full-scale invasion in late February 2022.", "2022-02-15"),
    # a day phrase wins: the act is current, the year is background
    ("Armenia, which lost the war in 2020, accused Baku on Monday of shelling.", "2025-06-02"),
    # a relative clause carries the year: the main act is the article's
    ("Georgia, which fought Russia in 2008, protested the deployment.", ARTICLE_DATE),
    # a past act that lasted years began long before the article
    ("They fought for 35 years, and now they are friends.", "1990-07-01"),
    ("Colombia and the rebels battled each other for five decades.", "1975-07-01"),
    # the article's own month or a later year is not background
    ("Elections are due in June 2025.", ARTICLE_DATE),
    ("The treaty will expire in 2026.", ARTICLE_DATE),
    ("The plan runs in 2024-2026.", ARTICLE_DATE),
])
def test_background_dates(text, expected):
    assert resolve_date(text, ARTICLE_DATE) == expected


def test_a_background_paragraph_dates_its_events_in_the_past(coder):
    text = ("BAKU, June 4, 2025 — Azerbaijan accused Armenia on Wednesday of violating the ceasefire.\n\n"
            "The two countries fought a six-week war over Nagorno-Karabakh in 2020.")
    coded = next(coder.code_documents([Document(text=text)]))
    lede = [e for e in coded.events if e.sentence_index == 0]
    background = [e for e in coded.events if e.sentence_index == 1]
    assert lede and all(e.date == "2025-06-04" for e in lede)
    assert background and all(e.date == "2020-07-01" for e in background)


@pytest.mark.parametrize("text", [
    "The leaders met in Damascus, the first time the two countries have met since the war began in 2011.",
    "Talks resumed after the ceasefire collapsed in March 2024.",
])
def test_a_year_in_a_subordinate_clause_leaves_the_act_current(text):
    assert resolve_date(text, ARTICLE_DATE) == ARTICLE_DATE


def test_a_reported_act_keeps_the_date_its_clause_gives(coder):
    """The saying is today's; the act it reports is of the month its clause names."""
    events = coder.code("Ankara said that Syrian jets bombed Turkish positions in November 2024.", date=ARTICLE_DATE)
    bombing = [e for e in events if e.source.country == "SYR" and e.target is not None and e.target.country == "TUR"]
    assert bombing and all(e.date == "2024-11-15" for e in bombing)
    assert all(e.date == ARTICLE_DATE for e in events if e.source.country == "TUR")


# ---------------------------------------------------------------- spans of years
@pytest.mark.parametrize("text, expected", [
    # a span that ended before the article's year is history, dated at its end
    ("The two neighbours fought a bitter frontier war from 1977 to 1979.", "1979-07-01"),
    ("The rivals fought four wars between 1948 and 1973.", "1973-07-01"),
    ("Rebels held the valley from March 2019 until May 2021.", "2021-05-15"),
    ("Troops occupied the islands in 1982-84.", "1984-07-01"),
    ("The two armies clashed in the 1960s.", "1965-01-01"),
    # a span that runs into the article's year is current
    ("The envoys have met every month from 2021 to 2025.", ARTICLE_DATE),
    ("The two navies will hold drills between 2025 and 2027.", ARTICLE_DATE),
    # a span in a relative clause belongs to it: the main act is the article's
    ("Chile, which fought Peru from 1879 to 1884, signed the accord.", ARTICLE_DATE),
    # a day phrase wins over the span
    ("On Monday, Lima recalled the war from 1879 to 1884.", "2025-06-02"),
])
def test_a_span_of_years_dates_its_act_at_its_end(text, expected):
    assert resolve_date(text, ARTICLE_DATE) == expected


@pytest.mark.parametrize("text, expected", [
    ("Frictions between the two capitals grew after March 2021.", "2021-04-01"),
    ("Trade between them collapsed following 2019.", "2020-01-01"),
    # after the month just past: this month; after last year: current
    ("Frictions between the two capitals grew after May 2025.", "2025-06-01"),
    ("Frictions between the two capitals grew after 2024.", ARTICLE_DATE),
])
def test_after_a_past_month_or_year_is_just_after_it(text, expected):
    assert resolve_date(text, ARTICLE_DATE) == expected


# ---------------------------------------------------------------- relative past
@pytest.mark.parametrize("text, expected", [
    ("The ministry said it had expelled the envoy days earlier.", "2025-06-01"),
    ("A week earlier, the navy had seized a tanker.", "2025-05-28"),
    ("Hours earlier, drones struck a depot.", ARTICLE_DATE),
    ("Two days later, the talks collapsed.", ARTICLE_DATE),   # never after the article
    ("The two sides agreed to a truce earlier this month.", "2025-06-02"),
    ("The two sides agreed to a truce earlier this year.", "2025-03-19"),
    ("The border was closed two months ago.", "2025-04-04"),
    ("The embassy closed a year ago.", "2024-06-04"),
    # a month or more back in a clause opened before it is that clause's time
    ("The envoy, whose mission ended two years ago, still advises the ministry.", ARTICLE_DATE),
    ("The premier, whose party lost power last year, has lived abroad since.", ARTICLE_DATE),
])
def test_relative_past_is_before_the_article(text, expected):
    assert resolve_date(text, ARTICLE_DATE) == expected


def test_phrases_of_the_story_count_from_the_sentence_before():
    dates = StoryDates(ARTICLE_DATE)
    assert dates.date("The two countries cut ties in 2016 after a mob stormed an embassy.") == "2016-07-01"
    assert dates.date("Riyadh had hanged a dissident cleric days earlier.") == "2016-06-28"
    assert dates.date("A week later, the ambassadors left.") == "2016-07-05"
    # an article-anchored phrase is not moved by the story
    assert dates.date("The envoys met again last week.") == "2025-05-28"
    assert resolve_date("The envoy left days earlier.", ARTICLE_DATE, story_date="2016-07-01") == "2016-06-28"


def test_a_background_paragraph_dates_the_story_told_in_it(coder):
    text = ("RIYADH, June 4, 2025 — Saudi Arabia and Iran reopened their embassies on Wednesday.\n\n"
            "The two countries fought a proxy war from 2015 to 2022. "
            "Days earlier, Iranian forces had attacked Saudi oil facilities.")
    coded = next(coder.code_documents([Document(text=text)]))
    by_sentence = {e.sentence_index: e.date for e in coded.events}
    assert by_sentence.get(0) == "2025-06-04"
    assert all(date < "2023-01-01" for index, date in by_sentence.items() if index > 0)
    assert any(index > 0 for index in by_sentence)


def test_a_malformed_date_word_row_fails_with_its_line():
    text = "kind\twords\tvalue\nunit\tday\t1 day\nunit\tweek\tseven days\n"
    with pytest.raises(DataFileError, match=r"date_words.tsv:3: column value"):
        parse_tsv("date_words.tsv", text, DATE_WORDS_SCHEMA)


# ---------------------------------------------------------------- past descriptions
def _described(coder, text: str) -> list[tuple]:
    coded = next(coder.code_documents([Document(text=text, date=ARTICLE_DATE)]))
    return [(d.country_a, d.country_b, d.state, d.modality, d.date) for d in coded.descriptions]


def test_a_relation_the_reporter_puts_in_the_past_perfect_is_past(coder):
    assert _described(coder, "Lima and Santiago had been at odds over the maritime border.") == [
        ("CHL", "PER", "tense", "historical", ARTICLE_DATE)]
    # the present, and reported speech shifted back, are the relation now
    assert _described(coder, "Lima and Santiago are at odds over the maritime border.")[0][3] == "asserted"
    assert _described(coder, "Diplomats said Lima and Santiago had been at odds over the border.")[0][3] == "asserted"


def test_a_relation_described_after_a_past_month_is_dated_then(coder):
    found = _described(coder, "Tensions between Chile and Peru escalated after March 2021, when fishing boats clashed.")
    assert [(a, b, date) for a, b, _state, _modality, date in found] == [("CHL", "PER", "2021-04-01")]


# ---------------------------------------------------------------- each clause its own time
def _dated(coder, text: str) -> set[tuple]:
    coded = next(coder.code_documents([Document(text=text, date=ARTICLE_DATE)]))
    return {(e.source.country, e.target.country, e.cameo[:2], e.date)
            for e in coded.events if e.source is not None and e.target is not None}


def test_an_act_in_a_subordinate_clause_keeps_its_clause_date(coder):
    events = _dated(coder, "A Moldovan court sentences a Russian officer for shelling Moldovan villages in January 2024.")
    assert ("MDA", "RUS", "11", ARTICLE_DATE) in events          # the sentencing is today's
    assert ("RUS", "MDA", "19", "2024-01-15") in events          # the shelling is of its own month


def test_a_past_span_in_a_relative_clause_leaves_the_main_act_current(coder):
    events = _dated(coder, "Chile and Peru, which fought a war from 1879 to 1884, signed a trade pact on Monday.")
    assert events and all(date == "2025-06-02" for *_, date in events)


def test_a_time_inside_a_following_phrase_is_its_objects(coder):
    events = _dated(coder, "Hungary expels two Slovak diplomats following a border incident earlier this month.")
    assert ("HUN", "SVK", "16", ARTICLE_DATE) in events or ("HUN", "SVK", "17", ARTICLE_DATE) in events
    assert all(date == ARTICLE_DATE for *_, date in events)


@pytest.mark.parametrize("text", [
    "The fossils date back 166 million years ago.",
    "The ruins were built hundreds of years ago.",
    "The team broke the previous year's record.",
])
def test_numbers_and_possessives_are_no_dates(text):
    assert resolve_date(text, ARTICLE_DATE) == ARTICLE_DATE


def test_a_date_at_the_end_of_a_month_keeps_its_day():
    assert resolve_date("The envoy left yesterday.", "2025-01-31") == "2025-01-30"
    assert resolve_date("The envoy left two months ago.", "2025-03-31") == "2025-01-28"


def test_kb_rules_lists_the_date_words(capsys):
    from allies.cli import main

    assert main(["kb", "rules", "date_words.tsv"]) == 0
    out = capsys.readouterr().out
    assert "date_words.tsv:" in out and "kind relative, words earlier, value story -" in out


def test_an_act_named_by_a_noun_keeps_the_time_of_its_own_phrase():
    from allies.model import Document
    from allies.nlp import default_coder

    coder = default_coder()
    if coder.nlp is None:
        pytest.skip("no spaCy English model installed")
    text = "Uzbekistan and Kyrgyzstan reopened a crossing that was shut after clashes between Uzbek and Kyrgyz guards in 2022."
    events = next(coder.code_documents([Document(text=text, date="2025-04-02", doc_id=1)])).events
    clashes = [e for e in events if e.cameo.startswith("19")]
    assert clashes and all(e.date.startswith("2022") for e in clashes)
