"""Who did what to whom: sources, targets, codes and quads from the parse.

Every sentence here is written for these tests.
"""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def triples(events):
    return {(e.source.country, e.target.country if e.target else None, e.cameo) for e in events}


def find(events, source, target, root=None):
    for event in events:
        if event.source.country == source and (event.target.country if event.target else None) == target:
            if root is None or event.cameo.startswith(root):
                return event
    raise AssertionError(f"no {source}->{target} {root or ''} event in {sorted(triples(events), key=str)}")


def test_subject_and_object(coder):
    events = coder.code("Armenia attacked Azerbaijan on Tuesday.", date="2023-09-21")
    event = find(events, "ARM", "AZE", "19")
    assert event.quad == "material_conflict"
    assert event.goldstein < 0
    assert event.trigger and "attack" in event.trigger.lower()
    assert event.counts_as_fact


def test_talks_are_coded_both_ways_a_meeting_from_its_subject(coder):
    events = coder.code("The Indian prime minister held talks with the president of Sri Lanka in Colombo.",
                        date="2024-05-02")
    codes = {(e.source.country, e.target.country) for e in events if e.cameo.startswith("04") and e.target}
    assert ("IND", "LKA") in codes and ("LKA", "IND") in codes
    events = coder.code("The Indian prime minister met with the president of Sri Lanka in Colombo.",
                        date="2024-05-02")
    codes = {(e.source.country, e.target.country) for e in events if e.cameo.startswith("04") and e.target}
    assert ("IND", "LKA") in codes and ("LKA", "IND") not in codes
    events = coder.code("India and Sri Lanka met in Colombo.")
    codes = {(e.source.country, e.target.country) for e in events if e.cameo.startswith("04") and e.target}
    assert ("IND", "LKA") in codes and ("LKA", "IND") in codes


def test_actors_resolved_through_people_and_titles(coder):
    events = coder.code("Russian Foreign Minister Sergei Lavrov met Chinese Foreign Minister Wang Yi in Beijing.",
                        date="2023-04-10")
    event = find(events, "RUS", "CHN", "04")
    assert event.source.sector == "government"


def test_later_mention_of_a_person_resolves(coder):
    text = ("Russian Foreign Minister Sergei Lavrov arrived in Ankara on Monday. "
            "Lavrov criticised Turkey over its drone sales.")
    events = coder.code(text, date="2022-06-08")
    event = find(events, "RUS", "TUR", "11")
    assert event.sentence_index == 1


def test_event_date_from_relative_words(coder):
    events = coder.code("Mali expelled the French ambassador on Monday.", date="2022-02-03")
    event = find(events, "MLI", "FRA", "16")
    assert event.date == "2022-01-31"
    events = coder.code("Peru recalled its ambassador to Mexico yesterday.", date="2022-12-21")
    assert find(events, "PER", "MEX").date == "2022-12-20"


def test_no_event_in_a_sentence_without_one(coder):
    assert coder.code("The weather in Oslo was cold and grey.") == []


def test_unresolved_actors_are_kept_without_codes(coder):
    events = coder.code("Gunmen attacked a police station near the border.")
    assert events
    assert events[0].cameo.startswith("19")
    assert events[0].source.country is None


def test_sending_people_to_do_something_codes_what_they_do(coder):
    events = coder.code("Sweden sent investigators to examine the damaged pipeline off Denmark.")
    assert any(e.source.country == "SWE" and e.cameo.startswith("09") for e in events)


def test_a_court_in_a_country_belongs_to_it(coder):
    events = coder.code("A court in Tunisia jailed a Nigerian student.")
    event = find(events, "TUN", "NGA", "17")
    assert event.source.sector == "judiciary"


def test_misread_headline_verb_still_codes(coder):
    events = coder.code("EU and UN hand over medical supplies to the Nigerian government.")
    assert any(e.cameo.startswith("07") and e.target and e.target.country == "NGA" for e in events)


def test_exchanging_fire_is_force_but_exchanging_prisoners_is_cooperation(coder):
    fire = coder.code("Georgian soldiers exchanged fire with Russian troops near the boundary line.")
    assert find(fire, "GEO", "RUS", "19")
    assert all(e.quad == "material_conflict" for e in fire)
    swap = coder.code("Russia and Ukraine exchanged prisoners of war on Friday.")
    assert any(e.quad == "material_cooperation" for e in swap)


def test_what_counts_as_a_fact_is_one_rule_in_python_and_sql():
    """Event.counts_as_fact and the relations cache's SQL agree, confidence included."""
    import duckdb

    from allies.model import FACT_CONFIDENCE, Actor, Event, fact_sql

    con = duckdb.connect()
    for negated, modality, confidence in [(False, "asserted", 0.9), (False, "asserted", FACT_CONFIDENCE - 0.01),
                                          (True, "asserted", 0.9), (False, "future", 0.9),
                                          (False, "asserted", FACT_CONFIDENCE)]:
        event = Event(sentence_index=0, sentence="s", source=Actor(text="x"), target=None, cameo="010",
                      quad="verbal_cooperation", goldstein=0.0, negated=negated, modality=modality,
                      confidence=confidence)
        in_sql = con.execute(f"SELECT {fact_sql('e')} FROM (SELECT ? AS negated, ? AS modality, ? AS confidence) e",
                             [negated, modality, confidence]).fetchone()[0]
        assert in_sql == event.counts_as_fact
