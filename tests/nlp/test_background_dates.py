"""Background sentences in wire copy keep the date of what they recall."""
from __future__ import annotations

import pytest

from allies.model import Document
from allies.nlp.dates import resolve_date

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
