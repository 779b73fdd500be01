"""Voice: negation, modality (hypothetical, conditional, future, requested,
denied) and reported speech. Nothing negated or hypothetical may come out as
an asserted fact. Every sentence here is written for these tests.
"""
from __future__ import annotations

import pytest

from allies.nlp import Coder


def between(events, source, target):
    return [e for e in events if e.source.country == source and e.target is not None and e.target.country == target]


def test_refusal_negates_the_refused_act_and_is_a_rejection(coder):
    events = coder.code("Hungary refused to extradite the Croatian suspect.")
    refusal = [e for e in events if e.cameo.startswith("12")]
    assert refusal and refusal[0].source.country == "HUN" and refusal[0].counts_as_fact
    inner = [e for e in events if e.cameo.startswith("06")]
    assert all(not e.counts_as_fact for e in inner)


@pytest.mark.parametrize("text", [
    "Chad plans to expel Libyan diplomats.",
    "Chad is expected to expel Libyan diplomats.",
    "Chad intends to expel Libyan diplomats.",
])
def test_plans_and_expectations_are_future(coder, text):
    events = [e for e in coder.code(text) if e.source.country == "TCD"]
    assert events, text
    # the expulsion itself has not happened ...
    expulsions = [e for e in events if e.cameo.startswith("16")]
    assert all(e.modality == "future" and not e.counts_as_fact for e in expulsions), text
    # ... and what did happen, if anything, is a statement of intent (a threat, CAMEO 13)
    assert all(e.cameo.startswith("13") for e in events if e.counts_as_fact), text


def test_appeal_makes_the_inner_act_requested(coder):
    events = coder.code("Germany urged Iran to release the detained journalists.")
    appeal = between(events, "DEU", "IRN")
    assert appeal and appeal[0].cameo.startswith("02") and appeal[0].counts_as_fact
    inner = [e for e in events if e.source.country == "IRN"]
    assert inner and all(e.modality == "requested" for e in inner)


def test_reported_speech_keeps_the_event_with_its_speaker(coder):
    events = coder.code("Experts at the Atlas centre say Russia attacked Ukraine.")
    event = between(events, "RUS", "UKR")
    assert event, events
    assert event[0].speaker is not None and "Experts" in event[0].speaker.text
    assert event[0].cameo.startswith("19")
    # the experts' saying is not itself coded
    assert not any(e.source.text.startswith("Experts") and e.cameo.startswith("01") for e in events)


def test_official_statement_is_a_statement_of_the_state(coder):
    events = coder.code('Indian Foreign Minister S. Jaishankar said: "We value our partnership with France."',
                        date="2023-07-14")
    statement = [e for e in events if e.cameo.startswith("01") or e.cameo.startswith("05")]
    assert statement and statement[0].source.country == "IND"


def test_must_in_reported_speech_is_a_demand(coder):
    events = coder.code("Lithuania said Belarus must release the opposition leaders.")
    demand = between(events, "LTU", "BLR")
    assert demand and demand[0].cameo.startswith("10") and demand[0].counts_as_fact
    inner = [e for e in events if e.source.country == "BLR"]
    assert inner and all(not e.counts_as_fact for e in inner)


def test_claiming_ones_own_attack_claims_responsibility(coder):
    events = coder.code("Iran claimed that it had attacked the Kurdish bases in Iraq.")
    assert any(e.cameo == "015" and e.source.country == "IRN" for e in events)


def test_an_announced_act_is_an_intent_made_now_and_a_forecast_stays_future(coder):
    # the party's own word that it would act is an expression of intent, a fact (CAMEO 03)
    own = between(coder.code("Chile said it would sign a fisheries pact with Peru."), "CHL", "PER")
    assert own and own[0].cameo.startswith("03") and own[0].modality == "asserted" and own[0].counts_as_fact
    # another's forecast of the act is no intent of the actor's
    forecast = between(coder.code("Analysts said Chile would sign a fisheries pact with Peru."), "CHL", "PER")
    assert forecast and forecast[0].modality == "future" and not forecast[0].counts_as_fact
    bare = between(coder.code("Chile would sign a fisheries pact with Peru."), "CHL", "PER")
    assert bare and bare[0].modality == "hypothetical"


def test_they_after_coordinated_subjects_means_all_of_them(coder):
    events = coder.code("Algeria and Tunisia said they will close their borders with Libya.")
    assert {e.source.country for e in events if e.target and e.target.country == "LBY"} == {"DZA", "TUN"}


def test_wanting_another_to_act_is_an_appeal(coder):
    events = coder.code("Washington wants Ankara to release the detained pastor.")
    appeal = between(events, "USA", "TUR")
    assert appeal and appeal[0].cameo.startswith("02")
    assert all(not e.counts_as_fact for e in events if e.source.country == "TUR")


def test_declining_to_comment_is_not_a_rejection(coder):
    events = coder.code("The Chilean foreign ministry declined to comment.")
    assert events and events[0].cameo == "011"


def test_quoted_official_speaks_for_the_state(coder):
    text = 'Russian Foreign Minister Sergei Lavrov said: "We will never accept the sanctions against Belarus."'
    events = coder.code(text, date="2023-05-10")
    assert events and all(e.speaker is not None and "Lavrov" in e.speaker.text for e in events)
    assert any(e.source.country == "RUS" for e in events)
    statement = coder.code("Russian Foreign Minister Sergei Lavrov issued a statement on Tuesday.", date="2023-05-10")
    assert statement and statement[0].cameo.startswith("01") and statement[0].source.country == "RUS"
    assert statement[0].speaker is not None and statement[0].speaker.person


@pytest.mark.parametrize("text", ["If Russia attacks Georgia, NATO will respond.",
                                  "Prosecutors are examining whether Russia attacked Georgia."])
def test_rule_path_reads_its_condition_markers_from_the_voice_table(text):
    # voice_words.tsv lists if/unless/whether/provided as condition markers; the
    # rule-based path once checked only "if" and "unless"
    events = [e for e in Coder(model=None).code(text) if e.cameo.startswith("19")]
    assert events and all(e.modality == "conditional" for e in events)


def test_rule_path_keeps_provided_as_a_verb():
    events = Coder(model=None).code("Russia has provided aid to Serbia.")
    assert events and all(e.modality == "asserted" for e in events)


def test_rule_path_reads_its_negation_words_from_the_voice_table():
    # voice_words.tsv lists no/never/nobody... as negation; the rule-based path once knew only not/n't/never
    events = Coder(model=None).code("Estonia no longer attacks Russia.")
    assert events and all(e.negated for e in events)


def test_a_partys_own_wish_is_an_intent_stated_now(coder):
    own = between(coder.code("Chile wants to improve ties with Peru."), "CHL", "PER")
    assert own and own[0].cameo.startswith("03") and own[0].modality == "asserted"
    # a wish only imagined, or another's account of it, stays unasserted
    for sentence in ("Chile would want to improve ties with Peru.",
                     "Analysts said Chile wants to improve ties with Peru."):
        events = between(coder.code(sentence), "CHL", "PER")
        assert events and events[0].modality != "asserted", sentence
