"""The relation as described: sentences that say what a relation is."""
from __future__ import annotations

import pytest

from allies.errors import AlliesError
from allies.model import Document
from allies.nlp import Coder
from allies.nlp.descriptions import lexicon, parse_lexicon, resolve_state

HEADER = "phrase\tkind\tstate\tpolarity\n"


def describe(coder, text: str, date: str = "2025-05-01") -> list[tuple]:
    coded = next(coder.code_documents([Document(text=text, date=date, doc_id=7)]))
    return [(d.country_a, d.country_b, d.state, d.describer, d.describer_country, d.negated, d.modality)
            for d in coded.descriptions]


def counted(coder, text: str) -> set[tuple[str, str, str]]:
    coded = next(coder.code_documents([Document(text=text, date="2025-05-01")]))
    return {(d.country_a, d.country_b, d.state) for d in coded.descriptions if d.counts}


# -- the data file --------------------------------------------------------------

def test_the_shipped_word_list_loads_with_every_kind():
    lex = lexicon()
    assert lex.relation["tensions"] == "tense" and lex.relation["relations"] is None
    assert lex.role["ally"] == "allied" and lex.role["arch-enemy"] == "hostile"
    assert lex.predicate[("at", "odds")] == "tense"
    assert lex.change["deteriorate"] == "worse" and lex.change["ease"] == "less"
    assert "former" in lex.past and "cricket" in lex.skip


@pytest.mark.parametrize("row, message", [
    ("ally\tfriendship_kind\tallied\t+", "x.tsv:2: column kind: unknown kind 'friendship_kind'"),
    ("ally\trole\tfriendly\t+", "x.tsv:2: column state: unknown state 'friendly'"),
    ("ally\trole\tallied\t-", "x.tsv:2: polarity '-' contradicts state 'allied'"),
    ("ally\trole\t-\t-", "x.tsv:2: kind 'role' needs a state"),
    ("ally\trole\tallied", "x.tsv:2: 3 fields, expected 4"),
])
def test_a_bad_row_names_its_file_and_line(row, message):
    with pytest.raises(AlliesError) as error:
        parse_lexicon(HEADER + row + "\n", name="x.tsv")
    assert str(error.value).startswith(message)


def test_a_missing_header_is_an_error():
    with pytest.raises(AlliesError, match="x.tsv:1: header is 'ally role allied \\+', expected 'phrase kind state polarity'"):
        parse_lexicon("ally\trole\tallied\t+\n", name="x.tsv")


@pytest.mark.parametrize("base, words, state", [
    (None, ["deteriorate"], "strained"),
    (None, ["improve"], "improving"),
    ("tense", ["rising"], "tense"),
    ("tense", ["ease"], "improving"),
    ("at_war", ["end"], "improving"),
    ("allied", ["end"], "strained"),
    ("cooperative", ["rocky", "strategic"], "strained"),  # a bad word on a warm noun is its state
    (None, ["sever"], "broken"),
    ("tense", ["strategic"], "tense"),  # a warm word does not warm a rivalry
    (None, ["growing"], "improving"),
    (None, [], None),
])
def test_modifiers_set_or_change_the_state(base, words, state):
    assert resolve_state(base, words, lexicon()) == state


# -- with a parse -----------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Tensions between Armenia and Azerbaijan escalated sharply on Monday.", ("ARM", "AZE", "tense")),
    ("Relations between Japan and China have been tense since 2016.", ("CHN", "JPN", "tense")),
    ("Belarus, a longtime ally of Russia, hosted the joint drills near Brest.", ("BLR", "RUS", "allied")),
    ("Russia's ally Belarus said it would join the exercise.", ("BLR", "RUS", "allied")),
    ("Iran and Israel, arch-enemies for decades, traded threats on Sunday.", ("IRN", "ISR", "hostile")),
    ("Bolivia and Israel formally restored diplomatic relations on Tuesday.", ("BOL", "ISR", "improving")),
    ("Peru severed diplomatic relations with Mexico after the asylum decision.", ("MEX", "PER", "broken")),
    ("US-China relations soured after the new tariffs were announced.", ("CHN", "USA", "strained")),
    ("Ties between Moscow and Washington slumped to their lowest point in decades.", ("RUS", "USA", "strained")),
    ("The United States sent bombers to the base amid rising tensions with Iran.", ("IRN", "USA", "tense")),
    ("India and Pakistan are longtime rivals.", ("IND", "PAK", "tense")),
    ("Japan and South Korea, both close U.S. allies, agreed to share intelligence.", ("JPN", "USA", "allied")),
    ("The two countries' strategic partnership has been rocky since 2016, said officials in Ankara and Washington.",
     ("TUR", "USA", "strained")),
    ("Russia's war against Ukraine entered its fourth year.", ("RUS", "UKR", "at_war")),
    ("Cambodia pulled out of the games, citing its escalating border conflict with Thailand.",
     ("KHM", "THA", "hostile")),
    ("The leaders met in Dushanbe amid deteriorating relations between Russia and Azerbaijan.",
     ("AZE", "RUS", "strained")),
])
def test_described_relations_are_found_with_their_pair_and_state(coder, text, expected):
    assert expected in counted(coder, text)


def test_only_the_pair_the_phrase_names_is_described(coder):
    text = "Russia, Armenia's formal ally in the CSTO, said it welcomed the agreement with Azerbaijan."
    found = describe(coder, text)
    assert [(a, b, state) for a, b, state, *_ in found] == [("ARM", "RUS", "allied")]
    assert found[0][3] == "reporter"  # Russia speaks, but the apposition is the reporter's


@pytest.mark.parametrize("text", [
    "Attacks on U.S. allies in the region rose sharply, officials in Tehran said.",
    "In cricket, India defeat their rival Pakistan by five wickets to win the cup.",
    "Militants of the Allied Democratic Forces attacked a village in North Kivu.",
    "Diplomatic relations with Syria were discussed at the meeting in Berlin.",
    "The Spanish minister urged the council to suspend EU relations with Israel.",
])
def test_no_description_without_two_states_named_by_the_phrase(coder, text):
    assert describe(coder, text) == []


def test_negation_question_hypothetical_and_past_do_not_count(coder):
    negated = describe(coder, "Turkey is not an ally of Greece, the minister said.")
    assert negated and negated[0][2] == "allied" and negated[0][5] is True
    assert counted(coder, "Are Russia and China allies?") == set()
    seeking = describe(coder, "China and Japan are seeking to improve relations.")
    assert seeking and seeking[0][6] == "hypothetical"
    assert describe(coder, "France and Germany are former enemies.")[0][6] == "historical"
    assert describe(coder, "The 1971 war between India and Pakistan is still remembered.")[0][6] == "historical"
    war_then = describe(coder, "Armenia and Azerbaijan were at war in 2020.")
    assert war_then and war_then[0][2] == "at_war" and war_then[0][6] == "historical"


def test_an_adjective_on_the_relation_is_its_state_now_whatever_may_come(coder):
    assert ("KEN", "TZA", "strained") in counted(coder, "Kenya's already fragile ties with Tanzania could turn hostile.")
    # a comparative says what is hoped for, not what is
    assert counted(coder, "Closer ties between Peru and Chile could follow the summit.") == set()


def test_a_denial_elsewhere_in_the_sentence_does_not_negate_the_description(coder):
    text = "Iran is no longer enriching uranium after the damage done in the Iran-Israel war, its minister said."
    assert all(not negated for *_, negated, _modality in describe(coder, text))


def test_reported_speech_is_described_by_the_speaker(coder):
    side = describe(coder, "Lavrov said relations between Russia and Azerbaijan remained strong.")
    assert side[0][:5] == ("AZE", "RUS", "cooperative", "side", "RUS")
    third = describe(coder, "France said tensions between Armenia and Azerbaijan were rising.")
    assert third[0][:5] == ("ARM", "AZE", "tense", "third_party", "FRA")


def test_the_two_countries_stand_for_the_pair_named_before(coder):
    text = ("Bolivia and Israel held talks in La Paz on Monday. "
            "The two countries restored diplomatic ties after a break of two years.")
    assert ("BOL", "ISR", "improving") in counted(coder, text)


def test_descriptions_carry_the_document_and_sentence(coder):
    coded = next(coder.code_documents([Document(
        text="Talks opened in Geneva. Tensions between Serbia and Kosovo have mounted.", date="2025-03-02",
        doc_id="a1")]))
    (description,) = coded.descriptions
    assert (description.doc, description.sentence_index, description.date) == ("a1", 1, "2025-03-02")
    record = description.to_dict()
    assert record["kind"] == "description" and record["pair"] == ["SRB", "XKX"] and record["polarity"] == -1


# -- without a parse ------------------------------------------------------------

@pytest.fixture(scope="module")
def rules():
    return Coder(model=None)


@pytest.mark.parametrize("text, expected", [
    ("Tensions between Armenia and Azerbaijan escalated on Monday.", ("ARM", "AZE", "tense")),
    ("Belarus, a longtime ally of Russia, hosted the drills.", ("BLR", "RUS", "allied")),
    ("India and Pakistan are bitter rivals.", ("IND", "PAK", "tense")),
    ("Peru severed diplomatic relations with Mexico on Monday.", ("MEX", "PER", "broken")),
    ("US-China relations soured after the tariffs.", ("CHN", "USA", "strained")),
])
def test_the_rule_path_reads_the_common_shapes(rules, text, expected):
    assert expected in counted(rules, text)


def test_the_rule_path_reads_no_state_in_its_possessed_allies(rules):
    # Without a parse, "Russia's closest ally" is a phrase naming another state (so that
    # "Russia's allies in the region" is never Russia): the parse path reads this shape.
    assert ("BLR", "RUS", "allied") not in counted(rules, "Russia's closest ally, Belarus, joined the drills.")


def test_the_rule_path_keeps_negation_and_the_pair(rules):
    found = describe(rules, "Turkey is not an ally of Greece.")
    assert found and found[0][:3] == ("GRC", "TUR", "allied") and found[0][5] is True
    assert describe(rules, "Attacks on U.S. allies in the region rose sharply.") == []
    assert describe(rules, "The Spanish minister urged the council to suspend EU relations with Israel.") == []
    text = "Russia, Armenia's formal ally in the CSTO, welcomed the agreement with Azerbaijan."
    assert {(a, b) for a, b, *_ in describe(rules, text)} <= {("ARM", "RUS")}


def test_a_relation_taken_as_given_keeps_its_voice_under_a_hope(coder):
    given = "The president called for Iran's unconditional surrender amid its war with Israel."
    assert ("IRN", "ISR", "at_war") in counted(coder, given)
    sought = describe(coder, "The minister called for an end to the war between Armenia and Azerbaijan.")
    assert sought and sought[0][2] == "improving" and sought[0][6] == "hypothetical"


def test_allies_code_writes_descriptions_only_when_asked(run_allies):
    import json

    text = "Tensions between Serbia and Kosovo have mounted.\nThe two sides met in Brussels.\n"
    plain = run_allies("code", "--lines", "--no-model", input=text)
    assert plain.returncode == 0 and all(json.loads(line).get("kind") != "description"
                                         for line in plain.stdout.splitlines())
    asked = run_allies("code", "--lines", "--no-model", "--descriptions", "--date", "2025-04-01", input=text)
    records = [json.loads(line) for line in asked.stdout.splitlines()]
    described = [r for r in records if r.get("kind") == "description"]
    assert [(r["doc"], r["pair"], r["state"], r["describer"]) for r in described] == [(1, ["SRB", "XKX"], "tense",
                                                                                        "reporter")]


def test_what_is_to_be_eased_is_there_now_and_a_war_followed_is_over(coder):
    found = describe(coder, "Seoul switched off the loudspeakers to ease tensions between South Korea and North Korea.")
    assert ("KOR", "PRK", "improving", "hypothetical") in {(a, b, s, m) for a, b, s, _d, _c, _n, m in found}
    assert ("KOR", "PRK", "tense") in counted(coder, "Seoul switched off the loudspeakers to ease tensions between "
                                                     "South Korea and North Korea.")
    after = describe(coder, "Tehran halted inspections following the war between Iran and Israel.")
    assert after and after[0][2] == "at_war" and after[0][6] == "historical"
    assert counted(coder, "Both sides signed a treaty to end the war between Armenia and Azerbaijan.") == set()



@pytest.mark.parametrize("text", [
    "The accord is expected to reduce the risk of conflict between Ethiopia and Eritrea.",
    "Analysts warned of the danger of war between Greece and Turkey.",
])
def test_a_feared_or_risked_conflict_is_not_the_relation_now(coder, text):
    assert not {state for _a, _b, state in counted(coder, text)} & {"hostile", "at_war"}


def test_a_described_pair_noun_still_stands_for_the_pair(coder):
    text = ("Chile and Peru exchanged protests on Monday.\n\n"
            "The conflict between the two South American neighbours escalated.\n\n"
            "Tensions between the long-time rivals rose.\n\n"
            "Trade between the other neighbours grew.")
    found = describe(coder, text)
    assert sum(1 for item in found if set(item[:2]) == {"CHL", "PER"}) == 2


def test_talks_are_described_only_by_a_quality_word(coder):
    text = ("The dispute comes after months of strained negotiations between Lima and Quito.\n\n"
            "Talks between Chile and Bolivia ended on Friday.\n\n"
            "Talks between Chile and Argentina resumed.")
    found = describe(coder, text)
    assert [(a, b, state) for a, b, state, *_ in found] == [("ECU", "PER", "strained")]
