"""The relation as described, read back from the store, summarised and weighed."""
from __future__ import annotations

import datetime as dt

import pytest

from allies.model import Actor, CodedDocument, Description, Document, Sentence
from allies.relations import ask
from allies.relations.described import (
    DescribedSummary,
    adjust,
    described,
    descriptions,
    summarise,
)
from allies.store import Store


def article(title: str, date: str, lines: list[tuple[str, list[dict]]]) -> CodedDocument:
    """An article whose sentences carry the descriptions we give them."""
    text, sentences, found = "", [], []
    for index, (sentence, items) in enumerate(lines):
        start = len(text)
        text += sentence + " "
        sentences.append(Sentence(index, sentence, start, start + len(sentence)))
        for item in items:
            a, b = sorted(item["pair"])
            speaker = item.get("speaker")
            found.append(Description(
                sentence_index=index, sentence=sentence, country_a=a, country_b=b, state=item["state"],
                describer=item.get("describer", "reporter"), describer_country=speaker,
                speaker=Actor(text=f"{speaker} official", country=speaker) if speaker else None,
                negated=item.get("negated", False), modality=item.get("modality", "asserted"),
                trigger=item.get("trigger"), date=date))
    document = Document(text=text.strip(), title=title, date=date, url=f"https://news.example/{date}")
    return CodedDocument(document=document, sentences=sentences, descriptions=found)


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "described.duckdb") as store:
        store.add_coded(article("Border talks stall", "2025-03-04", [
            ("YEREVAN, March 4 - Tensions between Armenia and Azerbaijan rose again on Tuesday.",
             [{"pair": ("ARM", "AZE"), "state": "tense", "trigger": "Tensions rose"}]),
            ("Baku said the two countries were not allies and never would be.",
             [{"pair": ("ARM", "AZE"), "state": "allied", "negated": True, "describer": "side", "speaker": "AZE"}]),
        ]))
        store.add_coded(article("A war of words", "2025-06-10", [
            ("Officials in Paris said Armenia and Azerbaijan were at war in all but name.",
             [{"pair": ("ARM", "AZE"), "state": "at_war", "describer": "third_party", "speaker": "FRA"}]),
            ("Both sides are seeking to improve relations, diplomats said.",
             [{"pair": ("ARM", "AZE"), "state": "improving", "modality": "hypothetical"}]),
            ("Russia, Armenia's formal ally, offered to mediate.",
             [{"pair": ("RUS", "ARM"), "state": "allied"}]),
        ]))
        yield store


def test_descriptions_of_a_dyad_come_cited_newest_first(store):
    items = descriptions(store, "AZE", "ARM")
    assert [item["state"] for item in items] == ["at_war", "improving", "tense", "allied"]
    first = items[0]
    assert first["sentence"].startswith("Officials in Paris said")
    assert (first["title"], first["date"], first["url"]) == ("A war of words", "2025-06-10",
                                                             "https://news.example/2025-06-10")
    assert (first["describer"], first["describer_country"], first["counts"]) == ("third_party", "FRA", True)
    assert [item["counts"] for item in items] == [True, False, True, False]


def test_a_sentence_about_another_pair_is_never_cited(store):
    assert all("Russia, Armenia's formal ally" not in item["sentence"] for item in descriptions(store, "ARM", "AZE"))
    (only,) = descriptions(store, "RUS", "ARM")
    assert only["state"] == "allied"


def test_the_window_limits_the_descriptions(store):
    spring = descriptions(store, "ARM", "AZE", since=dt.date(2025, 1, 1), until=dt.date(2025, 3, 31))
    assert [item["state"] for item in spring] == ["tense", "allied"]


def test_the_summary_counts_by_state_and_describer(store):
    summary = summarise(descriptions(store, "ARM", "AZE"))
    assert (summary.total, summary.counted, summary.uncounted) == (4, 2, 1)
    assert summary.by_state == {"at_war": 1, "tense": 1}
    assert summary.by_describer == {"third_party": 1, "reporter": 1}
    assert summary.denied == {"allied": 1}
    assert (summary.good, summary.bad, summary.hostile) == (0, 2, 1)
    assert summary.text().startswith("2 descriptions counted: tense 1, at war 1")


def summary_of(**states) -> DescribedSummary:
    denied = states.pop("denied", {})
    return DescribedSummary(total=sum(states.values()), counted=sum(states.values()), by_state=states,
                            by_describer={"reporter": sum(states.values())}, denied=denied)


@pytest.mark.parametrize("verdict, summary, expected", [
    ("cooperative", summary_of(at_war=1), "tense"),             # rule 2: described at war
    ("allied", summary_of(hostile=2, allied=1), "tense"),
    ("mixed", summary_of(at_war=1, cooperative=1), "tense"),
    ("cooperative", summary_of(at_war=1, cooperative=3), "cooperative"),  # hostile words outnumbered
    ("hostile", summary_of(allied=3), "hostile"),               # words never warm what deeds made hostile
    ("tense", summary_of(improving=4), "tense"),
    ("cooperative", summary_of(strained=2, cooperative=1), "mixed"),  # rule 3
    ("allied", summary_of(allied=1, denied={"allied": 1}), "mixed"),  # rule 4
    ("cooperative", summary_of(allied=2), "allied"),            # rule 5
    ("cooperative", summary_of(allied=2, strained=1), "cooperative"),
    ("cooperative", summary_of(allied=1), "cooperative"),
    ("unknown", summary_of(), "unknown"),                       # rule 1
    ("unknown", summary_of(tense=1), "tense"),
    ("unknown", summary_of(at_war=1, strained=1), "hostile"),
    ("unknown", summary_of(allied=2), "allied"),
    ("unknown", summary_of(allied=1, improving=1), "cooperative"),
    ("unknown", summary_of(allied=1, tense=1), "mixed"),
])
def test_adjust_follows_its_written_rule(verdict, summary, expected):
    outcome = adjust(verdict, summary)
    assert outcome.verdict == expected
    assert outcome.changed == (expected != verdict)


@pytest.mark.parametrize("thin, summary, expected", [
    (True, summary_of(strained=1), "tense"),                    # rule 6: thin evidence, ties called strained
    (True, summary_of(strained=1, cooperative=1), "mixed"),     # not outnumbered
    (False, summary_of(strained=1), "mixed"),                   # plenty of reports: the acts speak
])
def test_on_thin_evidence_bad_descriptions_make_a_mixed_verdict_tense(thin, summary, expected):
    assert adjust("mixed", summary, thin).verdict == expected
    # acts that lean cooperative are not overturned by a description
    assert adjust("mixed", summary, thin, balance=0.2).verdict == "mixed"


def test_adjust_on_stored_descriptions_caps_a_cooperative_verdict(store):
    evidence = described(store, "ARM", "AZE")
    outcome = adjust("cooperative", evidence.summary)
    assert outcome.verdict == "tense" and "hostile or at war" in outcome.reason


def test_ask_shows_the_relation_as_described_as_its_own_section(store):
    answer = ask(store, "How are relations between Armenia and Azerbaijan?")
    text = answer.to_text()
    assert "Relation as described:" in text
    assert "at war, by the third party FRA" in text and "Officials in Paris said" in text
    record = answer.to_dict()["described"]
    assert record["summary"]["counted"] == 2 and record["items"][0]["state"] == "at_war"


def test_a_store_without_descriptions_answers_with_none(tmp_path):
    with Store(tmp_path / "empty.duckdb") as empty:
        assert descriptions(empty, "ARM", "AZE") == []
        assert summarise([]).text() == "no descriptions of the relation"


@pytest.mark.parametrize("verdict, summary, expected", [
    ("tense", summary_of(at_war=1), "hostile"),                 # rule 7: force, and described at war
    ("mixed", summary_of(hostile=1, strained=1), "hostile"),
    ("tense", summary_of(at_war=1, cooperative=2), "tense"),    # the war talk is outnumbered
    ("tense", summary_of(strained=2), "tense"),                 # bad, but not hostile
])
def test_force_that_the_reporter_calls_a_war_is_hostile(verdict, summary, expected):
    assert adjust(verdict, summary, force=2).verdict == expected
    # without force between them, no description makes a verdict hostile
    assert adjust(verdict, summary).verdict != "hostile"


def test_the_default_window_reaches_the_latest_description(tmp_path):
    # an event on the 9th and a description on the 10th: the window ends on the 10th
    from allies.model import Event
    with Store(tmp_path / "late.duckdb") as late:
        doc = article("Strikes and war talk", "2025-05-10", [
            ("The conflict between the two countries spiralled toward war.",
             [{"pair": ("IND", "PAK"), "state": "at_war"}])])
        doc.events = [Event(sentence_index=0, sentence=doc.sentences[0].text,
                            source=Actor(text="India", code="IND", country="IND"),
                            target=Actor(text="Pakistan", code="PAK", country="PAK"), cameo="112",
                            quad="verbal_conflict", goldstein=-2.0, date="2025-05-09", confidence=0.9)]
        late.add_coded(doc)
        answer = ask(late, "How are relations between India and Pakistan?")
        assert answer.to_dict()["described"]["summary"]["counted"] == 1
