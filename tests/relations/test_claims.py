"""Statements about an alliance are filed under the pair they are about, never
under every pair a sentence names."""
from allies.model import Actor, CodedDocument, Document, Event, Mention, Sentence
from allies.relations import ask, prepare


def _store_sentence(store, n, text, names, event=None, date="2025-03-04"):
    """One article of one sentence; ``names`` maps each state's surface form to its code,
    mentioned where the text says it (the way the coder records mentions)."""
    mentions = []
    for surface, code in names.items():
        at = text.index(surface)
        mentions.append(Mention(0, at, at + len(surface), Actor(text=surface, country=code)))
    events = []
    if event:
        source, target, cameo, quad, goldstein = event
        events.append(Event(sentence_index=0, sentence=text, source=Actor(text=source, country=source),
                            target=Actor(text=target, country=target), cameo=cameo, quad=quad,
                            goldstein=goldstein, date=date, confidence=0.8))
    doc = Document(text=text, title=f"Claims {n}", date=date, url=f"https://news.example/claims-{n}")
    store.add_coded(CodedDocument(doc, [Sentence(0, text, 0, len(text))], mentions, events))


def _claims(store):
    prepare(store, force=True)
    return {(r["country_a"], r["country_b"], r["claim"])
            for r in store.query("SELECT country_a, country_b, claim FROM rel_claims")}


def test_an_ally_in_apposition_is_the_tie_of_the_nearest_pair(empty_store):
    _store_sentence(empty_store, 1, "Russia, Armenia's formal ally in the CSTO, said it welcomed the agreement "
                                    "Azerbaijan signed on Friday.",
                    {"Russia": "RUS", "Armenia": "ARM", "Azerbaijan": "AZE"},
                    ("RUS", "AZE", "051", "verbal_cooperation", 3.4))
    claims = _claims(empty_store)
    assert ("ARM", "RUS", "ally") in claims
    assert not any({"AZE", "RUS"} == {a, b} for a, b, _ in claims)
    assert not any({"ARM", "AZE"} == {a, b} for a, b, _ in claims)
    assert ask(empty_store, "Are Azerbaijan and Russia allies?").analysis.claims() == (0, 0)


def test_a_group_of_allies_is_no_claim_about_the_pair(empty_store):
    _store_sentence(empty_store, 2, "The Polish Air Force and NATO allies scrambled jets after Russian drones "
                                    "crossed into Polish airspace.",
                    {"Polish Air Force": "POL", "Russian": "RUS"}, ("POL", "RUS", "150", "material_conflict", -7.2))
    _store_sentence(empty_store, 3, "Chancellor Merz said Germany and other allies would keep arming Ukraine.",
                    {"Germany": "DEU", "Ukraine": "UKR"}, ("DEU", "UKR", "070", "material_cooperation", 7.0))
    assert _claims(empty_store) == set()


def test_a_non_nato_ally_is_a_claim(empty_store):
    _store_sentence(empty_store, 4, "Washington named Saudi Arabia a major non-NATO ally on Tuesday.",
                    {"Washington": "USA", "Saudi Arabia": "SAU"}, ("USA", "SAU", "057", "verbal_cooperation", 8.0))
    assert _claims(empty_store) == {("SAU", "USA", "ally")}


def test_a_denial_may_qualify_the_word_ally(empty_store):
    """'not close allies', 'not natural allies': the words between 'not' and 'allies'
    do not turn a denial into a claim."""
    _store_sentence(empty_store, 5, "Although Minsk and Vilnius are not close allies, trade across the border "
                                    "resumed in May.",
                    {"Minsk": "BLR", "Vilnius": "LTU"})
    _store_sentence(empty_store, 6, "Officials in Quito stressed that Ecuador and Peru are not natural "
                                    "military allies.",
                    {"Ecuador": "ECU", "Peru": "PER"})
    assert _claims(empty_store) == {("BLR", "LTU", "not_ally"), ("ECU", "PER", "not_ally")}


def test_strategic_partners_are_no_claim_of_alliance(empty_store):
    # each side calls the other a strategic partner: cooperation, not a pair of allies
    _store_sentence(empty_store, 21, "Vietnam called the United States a comprehensive strategic partner.",
                    {"Vietnam": "VNM", "United States": "USA"}, ("VNM", "USA", "051", "verbal_cooperation", 3.4))
    _store_sentence(empty_store, 22, "Washington hailed Vietnam as a strategic partner.",
                    {"Washington": "USA", "Vietnam": "VNM"}, ("USA", "VNM", "051", "verbal_cooperation", 3.4))
    assert ("USA", "VNM", "partner") in _claims(empty_store)
    answer = ask(empty_store, "How are relations between Vietnam and the United States?")
    assert answer.analysis.claims() == (0, 0)
    assert answer.verdict.verdict == "cooperative"


def test_signing_a_mutual_defence_pact_is_a_claim_of_alliance(empty_store):
    _store_sentence(empty_store, 23, "Oman and Jordan signed a mutual defence pact on Wednesday.",
                    {"Oman": "OMN", "Jordan": "JOR"}, ("OMN", "JOR", "057", "verbal_cooperation", 8.0))
    assert _claims(empty_store) == {("JOR", "OMN", "ally")}
