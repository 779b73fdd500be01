"""Voices from the discourse around events (sentences written for these tests)."""
from __future__ import annotations

import pytest

from allies.model import Actor, Document, Event
from allies.nlp.actors import ActorKB
from allies.nlp.discourse import asked, described, others_named, question_spans


def _coded(coder, text, title=None, date="2025-06-02"):
    return next(coder.code_documents([Document(text=text, title=title, date=date)]))


def _event(trigger):
    return Event(0, "", Actor("Iran", "IRN", "IRN"), Actor("Israel", "ISR", "ISR"), "190", "material_conflict",
                 -10.0, trigger=trigger)


def test_question_spans_run_from_the_clause_or_quote_to_the_mark():
    text = 'Russia attacked the port, and the mayor asked: "Who will protect us?"'
    [(start, end)] = question_spans(text)
    assert text[start:end] == "Who will protect us?"


def test_the_act_asked_about_is_asked_and_the_reported_one_is_not():
    text = 'Iran struck the base on Sunday, and officials asked: "Will Israel strike back?"'
    assert not asked(_event("struck"), text)
    assert asked(_event("strike back"), text)
    assert asked(_event("said (strike)"), "Will Iran strike Israel?")


def test_a_headline_question_claims_nothing(coder):
    coded = _coded(coder, "Iran fired missiles at Israel on Sunday, the army said.",
                   title="Will Iran attack Israel again?")
    headline = [e for e in coded.events if e.sentence_index == 0]
    body = [e for e in coded.events if e.sentence_index == 1]
    assert coded.sentences[0].is_headline
    assert headline and all(not e.counts_as_fact for e in headline)
    assert any(e.counts_as_fact and e.source.country == "IRN" for e in body)


def test_a_quoted_question_claims_nothing(coder):
    coded = _coded(coder, '"Why would Russia invade Moldova?" the Romanian president asked reporters on Monday.')
    invasions = [e for e in coded.events if e.source.country == "RUS" and e.target is not None
                 and e.target.country == "MDA"]
    assert invasions and all(e.modality == "hypothetical" for e in invasions)


@pytest.fixture(scope="module")
def kb():
    return ActorKB.default()


@pytest.mark.parametrize("text, mention", [
    ("Iran threatened attacks on U.S. allies in the region.", "U.S."),
    ("China warned the allies of Taiwan against arms sales.", "Taiwan"),
    ("Moscow's neighbours fear a wider war.", "Moscow"),
])
def test_a_state_named_as_owner_of_others_is_not_a_side(kb, text, mention):
    actor = kb.lookup(mention)
    assert others_named(Actor(mention, actor.code, actor.country), text, kb) is not None


def test_a_state_that_is_a_side_stays(kb):
    text = "Iran threatened attacks on the United States and its allies."
    assert others_named(Actor("the United States", "USA", "USA"), text, kb) is None


@pytest.mark.parametrize("text, actor_text, country, sector", [
    ("Analysts at a Georgian research centre accused Russia of stoking unrest.", "Analysts", "GEO", "experts"),
    ("Experts from a Turkish think tank criticised Greece on Tuesday.", "Experts", "TUR", "experts"),
    ("Journalists at a Russian state broadcaster accused Armenia of betrayal.", "Journalists", "RUS", "media"),
])
def test_experts_take_the_nationality_of_their_institution(kb, text, actor_text, country, sector):
    found = described(Actor(actor_text), text, None, kb, "2025-06-02")
    assert (found.country, found.sector) == (country, sector)


def test_experts_described_by_no_nationality_stay_generic(kb):
    text = "Analysts at a private research centre accused Russia of stoking unrest."
    at = text.index("accused")
    assert described(Actor("Analysts"), text, at, kb, "2025-06-02") is None


def test_coded_article_gives_the_think_tank_its_nationality_and_drops_the_owner(coder):
    coded = _coded(coder, "Analysts at a Georgian research centre accused Russia of stoking unrest on Monday. "
                          "Iran threatened attacks on U.S. allies in the region.")
    assert any(e.source.country == "GEO" and e.target is not None and e.target.country == "RUS"
               for e in coded.events)
    assert not any(e.target is not None and e.target.country == "USA" for e in coded.events)


def test_a_headline_restating_the_lede_is_not_a_second_report(coder):
    coded = _coded(coder, "MOSCOW (Reuters) - Russia expelled two Estonian diplomats on Monday, the foreign "
                          "ministry said.", title="Russia expels Estonian diplomats")
    headline = [e for e in coded.events if e.sentence_index == 0 and e.target is not None
                and e.target.country == "EST"]
    body = [e for e in coded.events if e.sentence_index == 1 and e.target is not None and e.target.country == "EST"]
    assert headline and body
    assert all(e.confidence < 0.5 for e in headline) and any(e.confidence >= 0.5 for e in body)


def test_a_headline_the_body_does_not_repeat_counts(coder):
    coded = _coded(coder, "The ministry gave no further details.", title="Russia expels Estonian diplomats")
    assert any(e.sentence_index == 0 and e.confidence >= 0.5 for e in coded.events)


@pytest.mark.parametrize("text, continues", [
    ('"Armenia must stop arming itself.', True),
    ('"France keeps sending weapons to Yerevan."', True),
    ('"We will not wait forever," President Ilham Aliyev told reporters.', False),
    ("Armenia's foreign ministry rejected the claims.", False),
])
def test_which_sentences_continue_a_quote(text, continues):
    from allies.nlp.discourse import continues_quote

    assert continues_quote(text) is continues


def test_a_quote_running_over_paragraphs_keeps_its_speaker(coder):
    text = ('BAKU, June 4, 2025 — Azerbaijan accused Armenia on Wednesday of stalling the peace treaty.\n\n'
            '"We will not wait forever," President Ilham Aliyev told reporters in Baku. "Armenia must stop '
            'arming itself.\n\n'
            '"France keeps sending weapons to Yerevan."\n\n'
            "France denied sending any weapons.")
    coded = _coded(coder, text, date=None)
    by_sentence = {}
    for event in coded.events:
        by_sentence.setdefault(coded.sentences[event.sentence_index].text[:20], []).append(event)
    arms = by_sentence['"France keeps sendin']
    assert arms and all(e.speaker is not None and e.speaker.country == "AZE" for e in arms)
    denial = by_sentence["France denied sendin"]
    assert denial and all(e.speaker is None or e.speaker.country != "AZE" for e in denial)
