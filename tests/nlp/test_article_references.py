"""Reference across the sentences of one article (articles written for these tests)."""
from __future__ import annotations

import pytest

from allies.model import Document
from allies.nlp.actors import ActorKB, ArticleActors


@pytest.fixture(scope="module")
def kb():
    return ActorKB.default()


def _events(coder, text, title=None, date="2025-06-02"):
    return next(coder.code_documents([Document(text=text, title=title, date=date)])).events


@pytest.mark.parametrize("phrase", ["U.S. allies", "America's allies", "allies of Iran", "Russia's neighbours",
                                    "a U.S. ally", "Moscow's partners"])
def test_someones_allies_are_not_that_state(kb, phrase):
    assert kb.lookup(phrase, "2025-06-01") is None


def test_allies_named_by_their_own_nationality_keep_it(kb):
    assert kb.lookup("Chinese partners", "2025-06-01").country == "CHN"


def test_an_attack_on_someones_allies_is_not_an_attack_on_them(coder):
    events = _events(coder, "Iran threatened attacks on U.S. allies in the region on Monday.")
    assert not any(e.target is not None and e.target.country == "USA" for e in events)


def test_the_island_is_the_island_state_named_last(kb):
    memory = ArticleActors(kb, "2025-06-02")
    memory.resolve("China")
    memory.resolve("Taiwan")
    memory.resolve("Beijing")
    assert memory.resolve("the island").country == "TWN"
    fresh = ArticleActors(kb, "2025-06-02")
    fresh.resolve("China")
    assert fresh.resolve("the island") is None  # no island named: nobody


def test_the_island_in_an_article(coder):
    events = _events(coder, "Turkey sent a frigate toward Cyprus on Monday. Greece condemned the move. "
                            "Ankara later accused the island of provoking tension.")
    assert any(e.source.country == "TUR" and e.target is not None and e.target.country == "CYP" for e in events)


def test_a_title_before_the_name_is_the_person_named_later(coder):
    events = _events(coder, "CANBERRA, June 2, 2025 — The prime minister criticised China on Monday over its "
                            "trade curbs.\n\nAnthony Albanese spoke after a cabinet meeting in Canberra.")
    first = [e for e in events if e.sentence_index == 0]
    assert first and first[0].source.country == "AUS"


def test_a_title_two_people_share_stays_unresolved(kb):
    memory = ArticleActors(kb, "2025-06-02")
    memory.foresee(["Prime Minister Anthony Albanese", "Prime Minister Christopher Luxon"])
    assert memory.resolve("the prime minister") is None


def test_foresee_learns_no_person_for_pronouns(kb):
    memory = ArticleActors(kb, "2025-06-02")
    memory.home = "AUS"  # a story datelined in Australia
    memory.foresee(["Anthony Albanese"])
    assert memory.last_person is None and memory.people == []
    assert memory.resolve("the prime minister").person == "Anthony Albanese"


def test_a_surname_after_the_full_name(coder):
    events = _events(coder, "Azerbaijani Foreign Minister Jeyhun Bayramov met his Armenian counterpart on "
                            "Monday.\n\nLater, Bayramov accused Armenia of delaying the peace treaty.")
    assert any(e.source.country == "AZE" and e.target is not None and e.target.country == "ARM"
               and e.cameo.startswith("112") for e in events)


@pytest.mark.parametrize("seat, country", [("the Kremlin", "RUS"), ("Tehran", "IRN"), ("the Elysee", "FRA"),
                                           ("Downing Street", "GBR"), ("Beijing", "CHN")])
def test_seats_and_capitals_stand_for_their_state(kb, seat, country):
    assert kb.lookup(seat, "2025-06-01").country == country


def test_an_unwritten_title_is_only_the_home_states(kb):
    # "Wiles said the president would call Putin": from Washington, not Putin
    memory = ArticleActors(kb, "2025-06-02")
    memory.resolve("Vladimir Putin")
    assert memory.resolve("the president") is None
    memory.home = "USA"
    assert memory.resolve("the president").person == "Donald Trump"


def test_a_datelined_story_names_its_states_officials_by_title(coder):
    events = _events(coder, "MOSCOW (Reuters) - The foreign minister accused Britain on Tuesday of prolonging "
                            "the war in Ukraine.")
    [accusation] = [e for e in events if e.cameo.startswith("112")]
    assert (accusation.source.country, accusation.source.person) == ("RUS", "Sergei Lavrov")
    assert accusation.target.country == "GBR"


def test_a_title_in_apposition_introduces_an_unknown_official(coder):
    events = _events(coder, "The Georgian foreign minister, Nino Beridze, criticised Russia on Monday.\n\n"
                            "Later, Beridze accused Moscow of stoking unrest in the region.")
    later = [e for e in events if e.sentence_index == 1 and e.cameo.startswith("112")]
    assert later and later[0].source.country == "GEO" and later[0].source.person == "Nino Beridze"


def test_reading_ahead_takes_no_words_across_a_verb(coder):
    # the president who calls Putin is not Putin
    events = _events(coder, "Wiles told reporters the president would call Putin on Friday.")
    assert not any(e.source.country == "RUS" for e in events)


def _force_between(events, a, b):
    return [e for e in events if e.cameo.startswith(("18", "19")) and e.confidence >= 0.5
            and e.source.country == a and e.target is not None and e.target.country == b]


def test_both_sides_after_a_headline_naming_the_pair(coder):
    text = ("ISLAMABAD, March 3 (Wire) - Pakistan and India trade blame over Kashmir flare-up\n\n"
            "Both sides exchanged artillery fire overnight along the Line of Control, officials said.\n\n"
            "The two neighbours fought three wars over the region since 1947.")
    events = _events(coder, text)
    assert _force_between(events, "PAK", "IND") and _force_between(events, "IND", "PAK")


def test_both_sides_after_fighting_between_two_states(coder):
    text = ("Fighting between Eritrean and Ethiopian troops killed at least 20 people near the border town.\n\n"
            "Both sides exchanged gunfire again on Wednesday, residents said.")
    events = _events(coder, text)
    later = [e for e in events if e.sentence_index == 1]
    assert _force_between(later, "ERI", "ETH") and _force_between(later, "ETH", "ERI")


def test_a_force_act_without_target_aims_at_the_other_party(coder):
    text = ("Clashes between Armenian and Azerbaijani forces killed four soldiers on Tuesday.\n\n"
            "The defence ministry in Yerevan said Azerbaijani troops had opened fire near a village in the east.")
    events = _events(coder, text)
    assert any(e.cameo.startswith("19") and e.source.country == "AZE" and e.target is not None
               and e.target.country == "ARM" for e in events if e.sentence_index == 1)


def test_no_other_party_for_a_third_state(coder):
    text = ("Israel and Lebanon traded fire across the border on Monday.\n\n"
            "Syrian troops opened fire near the frontier, a monitor said.")
    events = _events(coder, text)
    assert not any(e.source.country == "SYR" and e.target is not None for e in events if e.sentence_index == 1)


def test_they_after_a_subject_naming_two_states_is_both(coder):
    text = ("Kenya and Somalia agreed on Monday to reopen their shared border.\n\n"
            "A day later they accused each other of arming militias in the frontier region.")
    events = [e for e in _events(coder, text) if e.sentence_index == 1 and e.cameo.startswith("11")]
    pairs = {(e.source.country, e.target.country if e.target else None) for e in events}
    assert {("KEN", "SOM"), ("SOM", "KEN")} <= pairs


def test_they_after_a_single_state_subject_stays_that_state(coder):
    text = ("Ghana recalled its ambassador from Togo on Monday.\n\n"
            "They accused Togo of harbouring the plotters.")
    events = [e for e in _events(coder, text) if e.sentence_index == 1 and e.target is not None]
    assert {e.source.country for e in events if e.target.country == "TGO"} == {"GHA"}


def test_the_neighbours_stand_for_the_pair_without_two_or_both(coder):
    text = ("Peru and Ecuador signed a border demarcation accord in Lima on Friday.\n\n"
            "The neighbours fought a brief war over the frontier in 1995.\n\n"
            "The neighbours later exchanged fire along the river on Sunday, officials said.")
    later = [e for e in _events(coder, text) if e.sentence_index == 2]
    assert _force_between(later, "PER", "ECU") and _force_between(later, "ECU", "PER")


def test_a_denial_answers_the_accuser_named_earlier(coder):
    text = ("Armenia accused Azerbaijan on Tuesday of shelling a border village.\n\n"
            "Azerbaijan denied the accusation, calling it a provocation.")
    events = [e for e in _events(coder, text) if e.sentence_index == 1 and e.cameo.startswith("01")]
    assert any(e.source.country == "AZE" and e.target is not None and e.target.country == "ARM" for e in events)
