"""Verb frames that look past the verb's nearest words: what it acts on, why it acts,
and what kind of thing a modifier makes its object (sentences written for these tests)."""
from __future__ import annotations

import pytest


def _codes(coder, sentence: str) -> list[str]:
    return [e.cameo for e in coder.code(sentence, date="2024-03-06")]


@pytest.mark.parametrize("sentence", [
    "Alberta suspended the tariff ads aimed at Montana voters.",  # a measure's name on an unrelated head
    "Chile suspended talks with Peru over tariffs.",              # the reason is not what is suspended
    "Brazil ended talks with Argentina amid tariff disputes.",
])
def test_a_measure_named_beside_the_object_is_not_eased(coder, sentence):
    assert "085" not in _codes(coder, sentence)


@pytest.mark.parametrize("sentence, code", [
    ("Canada lifted the tariff hikes on American steel.", "085"),   # a measure's own head
    ("The EU lifted the sanctions regime on Syria.", "085"),
    ("Japan is sending troops to the UN peacekeeping force in Haiti.", "074"),
])
def test_a_measure_or_kind_named_by_its_modifier_still_counts(coder, sentence, code):
    assert code in _codes(coder, sentence)


def test_figures_of_speech_carried_by_a_pledge_are_no_act(coder):
    events = coder.code("Laos and Cambodia vowed to fight Western hegemony together.", date="2024-03-06")
    assert not [e for e in events if e.target is not None and e.target.country in ("USA", "LAO", "KHM")
                and e.cameo.startswith(("19", "03"))]


def test_the_two_sides_closing_their_talks_is_no_breaking_off(coder):
    assert "164" not in _codes(coder, "The two delegations ended three days of talks in Geneva on Friday.")
