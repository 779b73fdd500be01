"""Precision of coded triples: confidence calibration, scheduled meetings,
reported allegations, requested acts and places. Every sentence here is
written for these tests.
"""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def between(events, source, target):
    return [e for e in events if e.source.country == source and e.target is not None and e.target.country == target]


def confident(events, threshold=0.5):
    return [e for e in events if e.confidence >= threshold]


# ------------------------------------------------------------ calibration
def test_event_with_both_states_is_confident(coder):
    events = between(coder.code("Ecuador expelled the Colombian ambassador."), "ECU", "COL")
    assert events and events[0].cameo.startswith("16") and events[0].quad == "material_conflict"
    assert events[0].confidence >= 0.8 and events[0].modality == "asserted" and not events[0].negated


def test_event_without_target_falls_below_one_half(coder):
    events = coder.code("Ghana condemned the decision on Monday.")
    condemnation = [e for e in events if e.source.country == "GHA" and e.cameo.startswith("11")]
    assert condemnation and condemnation[0].target is None
    assert condemnation[0].quad == "verbal_conflict" and condemnation[0].modality == "asserted"
    assert condemnation[0].confidence < 0.5


def test_unknown_named_target_ranks_between_a_state_and_nothing(coder):
    unknown = [e for e in coder.code("Bhutan signed a memorandum with Gerald Pumpernickel.")
               if e.source.country == "BTN" and e.cameo.startswith("05")]
    assert unknown and unknown[0].target is not None and unknown[0].target.code is None
    state = [e for e in coder.code("Bhutan signed a memorandum with Nepal.")
             if e.source.country == "BTN" and e.cameo.startswith("05")]
    nobody = [e for e in coder.code("Bhutan signed a memorandum with the committee.")
              if e.source.country == "BTN" and e.cameo.startswith("05")]
    assert state and nobody
    assert nobody[0].confidence < 0.5 <= unknown[0].confidence < state[0].confidence


def test_generic_armed_group_against_a_state_stays_confident(coder):
    events = coder.code("Militants shelled Nigeria's border posts overnight.")
    shelling = [e for e in events if e.target is not None and e.target.country == "NGA" and e.cameo.startswith("19")]
    assert shelling and shelling[0].source.text.lower().startswith("militants")
    assert shelling[0].quad == "material_conflict" and shelling[0].modality == "asserted"
    assert shelling[0].confidence >= 0.5


def test_unknown_named_official_is_not_a_confident_source(coder):
    events = coder.code("President Ulrich Quandomir held talks with Malawi.")
    unknown = [e for e in events if e.source.text and "Quandomir" in e.source.text]
    assert unknown and all(e.confidence < 0.5 for e in unknown)


# ------------------------------------------------------------ scheduled meetings
def test_scheduled_visit_is_a_visit_in_the_future(coder):
    events = between(coder.code("The Kenyan president will visit Tanzania next week.", date="2024-03-05"), "KEN", "TZA")
    assert events and events[0].cameo == "042" and events[0].quad == "verbal_cooperation"
    assert events[0].modality == "future" and not events[0].counts_as_fact and not events[0].negated


def test_talks_due_to_take_place_are_talks_both_ways(coder):
    events = coder.code("Peru is due to hold talks with Bolivia on Friday.")
    assert between(events, "PER", "BOL")[0].cameo.startswith("04")
    back = between(events, "BOL", "PER")
    assert back and back[0].cameo.startswith("04") and back[0].modality == "future"


def test_announced_meeting_is_an_intention_of_the_speaker_only(coder):
    events = coder.code("Chile said it would meet Argentina.")
    intent = between(events, "CHL", "ARG")
    assert intent and intent[0].cameo == "036" and intent[0].modality == "asserted"
    assert intent[0].speaker is not None and intent[0].speaker.country == "CHL"
    assert not between(events, "ARG", "CHL")


def test_wish_to_meet_is_not_returned_by_the_other_side(coder):
    events = coder.code("Morocco wants to meet Algeria.")
    wish = between(events, "MAR", "DZA")
    assert wish and wish[0].cameo == "036" and wish[0].modality == "asserted"  # the wish is stated now (CAMEO 036)
    assert not between(events, "DZA", "MAR")


# ------------------------------------------------------------ reported acts
def test_state_alleging_an_attack_accuses_the_attacker(coder):
    events = coder.code("Mali said jihadists killed nine Malian soldiers.")
    accusation = [e for e in events if e.cameo.startswith("112")]
    assert accusation and accusation[0].source.country == "MLI"
    assert accusation[0].target is not None and accusation[0].target.text == "jihadists"
    assert accusation[0].quad == "verbal_conflict" and accusation[0].modality == "asserted"
    assert accusation[0].confidence >= 0.5
    # the killing rests on Mali's word
    killing = [e for e in events if e.cameo.startswith("19")]
    assert killing and all(e.confidence < 0.5 and e.speaker is not None for e in killing)


def test_attribution_after_the_report_accuses_nobody(coder):
    events = coder.code("Turkish troops attacked Syrian border posts, Syrian officials said.")
    attack = between(events, "TUR", "SYR")
    assert attack and attack[0].cameo.startswith("19") and attack[0].quad == "material_conflict"
    assert attack[0].modality == "asserted" and attack[0].confidence >= 0.5
    assert attack[0].speaker is not None and "officials" in attack[0].speaker.text
    assert not [e for e in events if e.cameo.startswith("11")]


def test_claimed_own_strike_is_a_claim_of_responsibility(coder):
    events = coder.code("Jordan claimed that it had bombed the smugglers' camps in Syria.")
    claim = [e for e in events if e.cameo == "015"]
    assert claim and claim[0].source.country == "JOR" and claim[0].confidence >= 0.5
    assert claim[0].quad == "verbal_cooperation" and claim[0].modality == "asserted"
    assert events[0].cameo == "015"  # the claim stands for the sentence
    assert all(e.confidence < 0.5 for e in events if e.cameo.startswith("19"))


# ------------------------------------------------------------ acts asked of others
def test_act_urged_on_another_is_not_confident(coder):
    events = coder.code("Norway urged Sudan to release the detained aid workers.")
    appeal = between(events, "NOR", "SDN")
    assert appeal and appeal[0].cameo.startswith("02") and appeal[0].confidence >= 0.5
    assert appeal[0].quad == "verbal_cooperation" and appeal[0].modality == "asserted"
    inner = [e for e in events if e.source.country == "SDN"]
    assert inner and all(e.modality == "requested" and e.confidence < 0.5 for e in inner)


def test_act_wanted_of_another_is_not_confident(coder):
    events = coder.code("Washington wants Ankara to release the detained pastor.")
    appeal = between(events, "USA", "TUR")
    assert appeal and appeal[0].cameo.startswith("02") and appeal[0].confidence >= 0.5
    assert all(e.confidence < 0.5 for e in events if e.source.country == "TUR")


def test_demand_in_reported_speech_is_confident(coder):
    events = coder.code("Lithuania said Belarus must release the opposition leaders.")
    demand = between(events, "LTU", "BLR")
    assert demand and demand[0].cameo.startswith("10") and demand[0].confidence >= 0.5
    assert demand[0].quad == "verbal_conflict" and demand[0].modality == "asserted"


# ------------------------------------------------------------ places
@pytest.mark.parametrize("place, iso3", [("Zurich", "CHE"), ("Alaska", "USA"), ("Aleppo", "SYR"),
                                         ("Kharkiv", "UKR"), ("Tigray", "ETH"), ("Mindanao", "PHL")])
def test_places_stand_for_their_state(place, iso3):
    from allies.nlp.actors import ActorKB

    actor = ActorKB.default().lookup(place)
    assert actor is not None and actor.country == iso3


def test_places_file_names_known_states_only():
    from allies.nlp.actors import ActorKB

    kb = ActorKB.default()
    from importlib import resources
    text = resources.files("allies.nlp").joinpath("data", "places.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")][1:]
    assert len(rows) > 300
    assert all(len(row) == 3 and kb.is_country(row[1]) for row in rows)


def test_exercises_in_a_region_target_its_state(coder):
    events = between(coder.code("Belarus held military exercises in Kaliningrad."), "BLR", "RUS")
    assert events and events[0].cameo.startswith("15") and events[0].quad == "material_conflict"
    assert events[0].modality == "asserted" and events[0].confidence >= 0.5


def test_statement_made_in_a_city_is_not_addressed_to_its_state(coder):
    events = coder.code("The Egyptian foreign minister made a statement in Geneva.")
    statement = [e for e in events if e.source.country == "EGY" and e.cameo.startswith("01")]
    assert statement and statement[0].target is None and statement[0].confidence < 0.5


def test_meeting_place_is_not_a_party_that_meets_back(coder):
    events = coder.code("The Kenyan president will meet in Davos next week.", date="2024-01-10")
    meeting = between(events, "KEN", "CHE")
    assert meeting and meeting[0].cameo.startswith("04") and meeting[0].modality == "future"
    assert not between(events, "CHE", "KEN")


def test_victims_of_a_place_belong_to_its_state(coder):
    events = coder.code("Five civilians were killed in Aleppo on Sunday.")
    killed = [e for e in events if e.cameo.startswith("19")]
    assert killed and killed[0].target.code == "SYRCVL" and killed[0].quad == "material_conflict"
    assert killed[0].modality == "asserted" and not killed[0].negated
    assert killed[0].confidence < 0.5  # nobody is named as the killer


def test_local_police_belong_to_the_place(coder):
    events = coder.code("Police arrested ten protesters in Minsk.")
    arrest = [e for e in events if e.cameo.startswith("17")]
    assert arrest and arrest[0].source.code == "BLRCOP" and arrest[0].target.country == "BLR"
    assert arrest[0].quad == "material_conflict" and arrest[0].confidence >= 0.5


def test_a_nationality_is_not_a_place(coder):
    events = coder.code("Four soldiers were killed in Israeli shelling in Khan Younis.")
    killed = [e for e in events if e.cameo.startswith("19")]
    assert killed and killed[0].source.country == "ISR" and killed[0].target.country == "PSE"


# ------------------------------------------------------------ who is behind it
def test_weapon_subject_is_acted_by_who_fired_it(coder):
    events = coder.code("The rockets fired by the Armenian army hit a depot of the Azerbaijani army.")
    strike = between(events, "ARM", "AZE")
    assert strike and strike[0].cameo.startswith("19") and strike[0].source.sector == "military"
    assert strike[0].quad == "material_conflict" and strike[0].modality == "asserted"
    assert strike[0].confidence >= 0.5


def test_attack_by_a_group_is_the_groups(coder):
    events = coder.code("A bombing by the Abu Sayyaf group killed four Filipino marines.")
    killing = [e for e in events if e.cameo.startswith("19")]
    assert killing and killing[0].source.code == "PHLREB" and killing[0].target.country == "PHL"
    assert killing[0].confidence >= 0.5


def test_statement_noun_does_not_lend_its_author(coder):
    events = coder.code("The report by the Dutch government came as Ruritanian rebels attacked a Dutch convoy.")
    assert not [e for e in events if e.source.country == "NLD" and e.cameo.startswith("19")]


def test_unknown_named_group_keeps_a_usable_confidence(coder):
    events = coder.code("The Quorn Liberation Front bombed a Kenyan police station.")
    bombing = [e for e in events if e.target is not None and e.target.country == "KEN"]
    assert bombing and bombing[0].source.code is None and "Quorn" in bombing[0].source.text
    assert bombing[0].cameo.startswith("19") and bombing[0].confidence >= 0.5


def test_nameless_subject_is_not_confident(coder):
    events = coder.code("The pressure forced Ghana to close the Togolese border.")
    assert all(e.confidence < 0.5 for e in events if e.source.text.lower().startswith("pressure"))


# ------------------------------------------------------------ judged acts
def test_criticised_for_an_act_names_who_did_it(coder):
    events = coder.code("Serbia criticised Kosovo for arresting Serbian officials.")
    criticism = between(events, "SRB", "XKX")
    assert criticism and criticism[0].cameo.startswith("11") and criticism[0].confidence >= 0.5
    assert criticism[0].quad == "verbal_conflict" and criticism[0].modality == "asserted"
    arrest = between(events, "XKX", "SRB")
    assert arrest and arrest[0].cameo.startswith("17") and arrest[0].quad == "material_conflict"
    assert arrest[0].confidence < 0.5  # on Serbia's word


def test_accused_of_an_act_is_an_accusation_first(coder):
    events = coder.code("Azerbaijan accused Armenia of shelling Azerbaijani villages.")
    assert events[0].cameo.startswith("11") and events[0].source.country == "AZE"
    assert events[0].target.country == "ARM" and events[0].confidence >= 0.5
    shelling = between(events, "ARM", "AZE")
    assert shelling and shelling[0].cameo.startswith("19") and shelling[0].confidence < 0.5


# ------------------------------------------------------------ within one article
def test_the_two_leaders_are_the_parties_of_the_last_meeting(coder):
    text = ("Kenyan President William Ruto met Tanzanian President Samia Suluhu Hassan in Arusha on Monday. "
            "The two leaders signed a border agreement.")
    events = [e for e in coder.code(text, date="2024-05-06") if e.sentence_index == 1]
    for source, target in (("KEN", "TZA"), ("TZA", "KEN")):
        signed = between(events, source, target)
        assert signed and signed[0].cameo.startswith("05") and signed[0].quad == "verbal_cooperation"
        assert signed[0].modality == "asserted" and not signed[0].negated and signed[0].confidence >= 0.5


def test_both_sides_without_an_earlier_pair_stay_unresolved(coder):
    events = coder.code("Both sides signed a border agreement.")
    assert all(e.source.country is None for e in events)


def test_the_country_is_the_state_named_before(coder):
    text = "Chile recalled its ambassador from Peru. The country also expelled two Peruvian diplomats."
    events = [e for e in coder.code(text) if e.sentence_index == 1]
    expelled = between(events, "CHL", "PER")
    assert expelled and expelled[0].cameo.startswith("16") and expelled[0].quad == "material_conflict"
    assert expelled[0].modality == "asserted" and expelled[0].confidence >= 0.5


def test_the_ministry_belongs_to_the_state_named_before(coder):
    text = "Indian Foreign Minister S. Jaishankar visited Moscow. The ministry later condemned Pakistan."
    events = [e for e in coder.code(text, date="2023-04-01") if e.sentence_index == 1]
    condemned = between(events, "IND", "PAK")
    assert condemned and condemned[0].source.code == "INDGOV" and condemned[0].cameo.startswith("11")
    assert condemned[0].quad == "verbal_conflict" and condemned[0].confidence >= 0.5


def test_a_ministry_with_its_own_state_keeps_it(coder):
    text = "Indian Foreign Minister S. Jaishankar visited Moscow. The Russian ministry later condemned Pakistan."
    events = [e for e in coder.code(text, date="2023-04-01") if e.sentence_index == 1]
    assert between(events, "RUS", "PAK") and not between(events, "IND", "PAK")


# ------------------------------------------------------------ verb frames
def test_opening_a_border_eases_restrictions(coder):
    events = coder.code("Uzbekistan reopened its border crossings with Tajikistan.")
    opened = between(events, "UZB", "TJK")
    assert opened and opened[0].cameo == "081" and opened[0].quad == "material_cooperation"
    assert opened[0].modality == "asserted" and not opened[0].negated and opened[0].confidence >= 0.5


def test_object_modifiers_choose_the_frame(coder):
    events = coder.code("Ghana deployed troops to Mali on a peacekeeping mission.")
    deployed = between(events, "GHA", "MLI")
    assert deployed and deployed[0].cameo == "074" and deployed[0].quad == "material_cooperation"
    plain = between(coder.code("Ghana deployed troops to the Malian border."), "GHA", "MLI")
    assert plain and plain[0].cameo.startswith("15") and plain[0].quad == "material_conflict"


def test_persuaded_object_does_the_act(coder):
    events = coder.code("France persuaded Mali to expel the Wagner mercenaries.")
    expulsion = [e for e in events if e.cameo.startswith("16") or e.cameo.startswith("17")]
    assert expulsion and expulsion[0].source.country == "MLI"
    assert not [e for e in events if e.source.country == "FRA" and e.cameo[:2] in ("16", "17")]


def test_agentless_act_is_not_confident(coder):
    events = coder.code("Two Ukrainian border guards were abducted on Monday.")
    abducted = [e for e in events if e.target is not None and e.target.country == "UKR"]
    assert abducted and abducted[0].source.text == "" and abducted[0].cameo.startswith("18")
    assert abducted[0].quad == "material_conflict" and abducted[0].confidence < 0.5


def test_fired_from_a_place_comes_from_its_state(coder):
    events = coder.code("Two rockets were launched at Israel from Lebanon overnight.")
    launched = between(events, "LBN", "ISR")
    assert launched and launched[0].cameo.startswith("19") and launched[0].quad == "material_conflict"
    assert launched[0].modality == "asserted"
    # an inference from the place, less sure than a named attacker
    named = between(coder.code("Hezbollah launched two rockets at Israel overnight."), "LBN", "ISR")
    assert named and 0.5 <= launched[0].confidence < named[0].confidence


def test_weapon_fired_at_a_state_targets_the_state(coder):
    events = coder.code("Serbia said a shell was fired at it from Kosovo.")
    accusation = between(events, "SRB", "XKX")
    assert accusation and accusation[0].cameo.startswith("11") and accusation[0].confidence >= 0.5
    fired = between(events, "XKX", "SRB")
    assert fired and fired[0].cameo.startswith("19") and fired[0].confidence < 0.5


def test_claimed_attack_targets_where_it_struck(coder):
    events = coder.code("The Boko Haram group claimed responsibility for a bombing targeting a market in Cameroon.")
    claim = [e for e in events if e.cameo == "015"]
    assert claim and claim[0].source.country == "NGA" and claim[0].target is not None
    assert claim[0].target.country == "CMR" and claim[0].confidence >= 0.5


def test_accusation_stands_for_the_sentence(coder):
    events = coder.code("Pakistan said India had violated the ceasefire.")
    assert events[0].cameo.startswith("112") and events[0].source.country == "PAK"
    assert events[0].target.country == "IND" and events[0].quad == "verbal_conflict"


def test_generic_people_as_object_are_the_target(coder):
    events = coder.code("Belarusian police detained forty students.")
    detained = [e for e in events if e.cameo.startswith("17")]
    assert detained and detained[0].source.code == "BLRCOP"
    assert detained[0].target is not None and "students" in detained[0].target.text
    assert detained[0].quad == "material_conflict" and detained[0].confidence >= 0.5
    placed = coder.code("Gunmen abducted twelve villagers in Borno.")
    abducted = [e for e in placed if e.cameo.startswith("18")]
    assert abducted and abducted[0].target.code == "NGACVL" and "villagers" in abducted[0].target.text


def test_criticism_drawn_from_another_is_the_others_act(coder):
    events = coder.code("Hungary drew sharp criticism from the European Union.")
    criticism = [e for e in events if e.cameo.startswith("11")]
    assert criticism and criticism[0].source.code == "EU" and criticism[0].target.country == "HUN"
    assert criticism[0].quad == "verbal_conflict" and criticism[0].confidence >= 0.5
    pressure = [e for e in coder.code("Moldova faces pressure from Russia.") if e.cameo.startswith("10")]
    assert pressure and pressure[0].source.country == "RUS" and pressure[0].target.country == "MDA"


def test_own_envoy_is_not_the_target(coder):
    events = coder.code("Chile recalled its ambassador from Peru.")
    recalled = [e for e in events if e.source.country == "CHL"]
    assert recalled and recalled[0].target.text == "Peru" and recalled[0].cameo.startswith("16")


def test_strikes_on_a_group_target_the_group_not_its_town(coder):
    events = coder.code("Iraqi forces launched airstrikes on ISIL fighters in Mosul.")
    strikes = [e for e in events if e.cameo.startswith("19")]
    assert strikes and "fighters" in strikes[0].target.text and strikes[0].target.sector == "rebels"


def test_what_is_deployed_is_not_a_target(coder):
    events = coder.code("Russia deployed troops near the border.")
    deployed = [e for e in events if e.source.country == "RUS"]
    assert deployed and deployed[0].target is None and deployed[0].confidence < 0.5


def test_a_thing_named_with_a_sector_word_is_no_actor(coder):
    events = coder.code("The United States reduced military aid.")
    assert all(e.confidence < 0.5 for e in events if e.target is not None and "aid" in e.target.text)


def test_halting_the_fighting_is_de_escalation_not_fighting(coder):
    events = coder.code("Sudan and Chad ended the fighting along their border.")
    for source, target in (("SDN", "TCD"), ("TCD", "SDN")):
        ended = between(events, source, target)
        assert ended and ended[0].cameo.startswith("087") and ended[0].quad == "material_cooperation"
        assert ended[0].confidence >= 0.5 and ended[0].modality == "asserted"
    agreed = coder.code("Eritrea and Ethiopia agreed to stop fighting along the border.")
    assert not [e for e in agreed if e.cameo[:2] in ("13", "19")]


def test_act_only_on_a_condition_is_not_confident(coder):
    events = coder.code("Kenya will retaliate if Somalia shells Kenyan border towns.")
    shelling = [e for e in events if e.source.country == "SOM" and e.cameo.startswith("19")]
    assert shelling and shelling[0].modality == "conditional" and shelling[0].confidence < 0.5


def test_act_someone_must_do_is_not_confident(coder):
    events = coder.code("Egypt said Turkey must mediate between Libya and Chad.")
    inner = [e for e in events if e.source.country == "TUR" and not e.cameo.startswith("1")]
    assert inner and all(e.modality == "requested" and e.confidence < 0.5 for e in inner)


def test_threat_on_a_condition_is_aimed_at_who_must_not_act(coder):
    events = coder.code("Kenya will retaliate if Somalia shells Kenyan border towns.")
    threat = between(events, "KEN", "SOM")
    assert threat and threat[0].cameo.startswith("13") and threat[0].quad == "verbal_conflict"
    assert threat[0].confidence >= 0.5 and not threat[0].negated


def test_must_without_a_coded_act_is_still_a_demand(coder):
    events = coder.code("Peru said Bolivia must ensure security along the border.")
    demand = between(events, "PER", "BOL")
    assert demand and demand[0].cameo.startswith("10") and demand[0].quad == "verbal_conflict"
    assert demand[0].confidence >= 0.5 and demand[0].modality == "asserted"
    assert not [e for e in events if e.cameo.startswith("01")]  # the saying is the demand


def test_responsible_for_an_act_lays_it_on_the_subject(coder):
    attacks = between(coder.code("Serbia was responsible for the attacks on Kosovo."), "SRB", "XKX")
    assert attacks and attacks[0].cameo.startswith("19") and attacks[0].quad == "material_conflict"
    violation = between(coder.code("The Thai army was guilty of violating the truce with Cambodia."), "THA", "KHM")
    assert violation and violation[0].cameo.startswith("19") and violation[0].source.sector == "military"
    assert violation[0].confidence >= 0.5


def test_a_date_is_not_a_frame_preposition(coder):
    events = coder.code("Chile's president called Peru's president on Monday.")
    call = between(events, "CHL", "PER")
    assert call and call[0].cameo == "041" and call[0].quad == "verbal_cooperation"  # not "call on": an appeal
    assert not between(events, "PER", "CHL")  # the caller seeks the contact


def test_caller_does_what_the_call_is_for(coder):
    events = coder.code("The Turkish president called his Russian counterpart to discuss Syria.")
    discussed = [e for e in events if e.trigger == "discuss"]
    assert discussed and discussed[0].source.country == "TUR"


def test_a_state_the_tagger_calls_a_person_is_found_inside_the_object(coder):
    events = coder.code("Ghana called for talks with Togo.")
    appeal = between(events, "GHA", "TGO")
    assert appeal and appeal[0].cameo.startswith("02") and appeal[0].confidence >= 0.5


def test_coordinated_names_the_parser_split_still_act_together(coder):
    events = coder.code("Barack Obama and Vladimir Putin will talk in Geneva.", date="2014-05-01")
    assert between(events, "USA", "RUS") and between(events, "RUS", "USA")
    assert all(e.cameo.startswith("04") and e.modality == "future" for e in between(events, "USA", "RUS"))


def test_supporting_aid_is_material_support(coder):
    aid = between(coder.code("Norway supported humanitarian assistance to Yemen."), "NOR", "YEM")
    assert aid and aid[0].cameo.startswith("07") and aid[0].quad == "material_cooperation"
    words = between(coder.code("Norway supported Yemen."), "NOR", "YEM")
    assert words and words[0].cameo.startswith("05") and words[0].quad == "verbal_cooperation"


def test_sending_troops_to_a_peacekeeping_force_is_peacekeeping(coder):
    events = coder.code("Ghana is sending soldiers to the African Union peacekeeping force in Somalia.")
    sent = [e for e in events if e.source.country == "GHA"]
    assert sent and sent[0].cameo == "074" and sent[0].quad == "material_cooperation"


def test_apposition_says_whose_official_a_name_is(coder):
    text = "Karim Haddad, a Lebanese army spokesman, accused Israel of shelling the village. Haddad also criticised Syria."
    events = coder.code(text)
    accusation = between(events, "LBN", "ISR")
    assert accusation and accusation[0].cameo.startswith("11") and accusation[0].source.text == "Karim Haddad"
    assert accusation[0].confidence >= 0.5
    later = [e for e in events if e.sentence_index == 1]
    assert between(later, "LBN", "SYR")  # the name is learned for the rest of the article


def test_dateline_places_the_article_and_is_nobodys_subject(coder):
    text = "KANDAHAR, Afghanistan (AP) -- Gunmen killed six police officers on Sunday, officials said."
    events = coder.code(text)
    killed = [e for e in events if e.cameo.startswith("19")]
    # the gunmen act in the dateline's place (unidentified armed men there: its rebels)
    assert killed and killed[0].source.text.startswith("Gunmen") and killed[0].source.code in (None, "AFGREB")
    assert killed[0].target.code == "AFGCOP" and killed[0].quad == "material_conflict"
    assert not [e for e in events if e.source.text in ("KANDAHAR", "Afghanistan")]


def test_a_colon_in_the_middle_is_no_dateline(coder):
    events = coder.code("Five civilians were killed overnight, the statement said: nobody claimed it.")
    assert all(e.target is None or e.target.country is None for e in events if e.cameo.startswith("19"))


def test_a_date_after_a_decision_is_not_who_acts(coder):
    events = coder.code("Japan decided on Thursday to ease some sanctions on North Korea.")
    eased = between(events, "JPN", "PRK")
    assert eased and eased[0].cameo.startswith("08") and eased[0].quad == "material_cooperation"
    assert eased[0].confidence >= 0.5


def test_football_clubs_named_after_cities_are_no_states():
    from allies.nlp.actors import ActorKB

    kb = ActorKB.default()
    assert kb.lookup("Bayern Munich") is None and kb.lookup("Real Madrid") is None
    assert kb.lookup("Munich").country == "DEU"


# ------------------------------------------------------------ topics and counted weapons
def test_cooperation_that_is_discussed_is_no_cooperation(coder):
    events = coder.code("The envoys discussed military cooperation between Chile and Peru.")
    assert not [e for e in events if e.cameo.startswith("06")]
    talks = coder.code("Chile held talks on trade cooperation with Peru.")
    assert not [e for e in talks if e.cameo.startswith("06")]
    assert [e for e in between(talks, "CHL", "PER") if e.cameo.startswith("04")]
    # Cooperation that happens is still coded.
    done = between(coder.code("Chile began military cooperation with Peru."), "CHL", "PER")
    assert [e for e in done if e.cameo.startswith("06")]


def test_counted_weapons_and_their_conjuncts_choose_the_frame(coder):
    events = between(coder.code("Sudan launched dozens of drones and rockets at Chad on Sunday."), "SDN", "TCD")
    assert events and events[0].cameo[:2] == "19" and events[0].quad == "material_conflict"
    assert events[0].modality == "asserted" and not events[0].negated and events[0].confidence >= 0.5
    drones = between(coder.code("Mali fired drones at Niger."), "MLI", "NER")
    assert drones and drones[0].cameo == "195"


def test_a_state_named_near_an_act_on_the_ground_is_its_target(coder):
    drills = between(coder.code("Chilean warships held exercises near Argentina on Monday."), "CHL", "ARG")
    assert drills and drills[0].cameo[:2] == "15" and drills[0].quad == "material_conflict"
    assert drills[0].modality == "asserted" and drills[0].confidence >= 0.5
    alert = between(coder.code("Peru put its army on high alert near the border with Ecuador."), "PER", "ECU")
    assert alert and alert[0].cameo[:2] == "15"
    strike = between(coder.code("Ethiopia carried out an air strike near the Eritrean town of Tesseney."), "ETH", "ERI")
    assert strike and strike[0].cameo[:2] == "19"


def test_the_receiver_without_a_preposition_is_the_target(coder):
    loans = between(coder.code("Norway gave Jordan new loans."), "NOR", "JOR")
    assert loans and loans[0].cameo == "071" and loans[0].quad == "material_cooperation"
    status = coder.code("The European Union granted Albania and Serbia the status of candidate countries.")
    for country in ("ALB", "SRB"):
        granted = [e for e in status if e.target is not None and e.target.country == country]
        assert granted and granted[0].source.code == "EU" and granted[0].cameo[:2] == "05"


def test_armed_actors_that_clash_fight_while_protesters_riot(coder):
    fighting = between(coder.code("Indian and Chinese troops clashed in the Galwan valley."), "IND", "CHN")
    assert fighting and fighting[0].cameo == "190" and fighting[0].quad == "material_conflict"
    riot = [e for e in coder.code("Protesters clashed with police in Lima.") if e.cameo.startswith("14")]
    assert riot and riot[0].quad == "verbal_conflict"
    crowd = [e for e in coder.code("Jordanian soldiers clashed with protesters in Amman.") if e.cameo[:2] in ("14", "19")]
    assert crowd and all(e.cameo.startswith("14") for e in crowd)


def test_troops_sent_for_joint_exercises_are_military_cooperation(coder):
    joint = between(coder.code("Turkey deployed troops to Azerbaijan for joint exercises."), "TUR", "AZE")
    assert joint and joint[0].cameo == "062" and joint[0].quad == "material_cooperation"
    # Without a partner's part, a deployment at a border stays a show of force.
    border = between(coder.code("Turkey deployed troops near the border with Syria for exercises."), "TUR", "SYR")
    assert border and border[0].cameo[:2] == "15" and border[0].quad == "material_conflict"


def test_a_sending_serves_its_purpose_and_its_destination_is_the_target(coder):
    events = between(coder.code("Rwanda will send 500 police officers to Mozambique to help restore order."), "RWA", "MOZ")
    assert events and events[0].modality == "asserted" and events[0].quad == "verbal_cooperation"
    assert events[0].confidence >= 0.5
    seized = between(coder.code("Iraq sent troops into Kuwait to seize the oil fields."), "IRQ", "KWT")
    assert seized and seized[0].quad == "material_conflict" and seized[0].modality == "asserted"


# ------------------------------------------------------------ forces placed abroad
def test_forces_sent_at_the_hosts_request_protect_it(coder):
    cases = [
        ("Belarus deployed troops to Armenia at the request of its prime minister.", "BLR", "ARM"),
        ("Ghana sent 800 soldiers to Gambia at the invitation of the Gambian government.", "GHA", "GMB"),
        ("Chad dispatched a battalion to Niger on the invitation of its president.", "TCD", "NER"),
        ("At Amman's request, Egypt sent troops to Jordan.", "EGY", "JOR"),
    ]
    for sentence, source, target in cases:
        events = between(coder.code(sentence), source, target)
        assert events and events[0].cameo == "074" and events[0].quad == "material_cooperation", sentence
        assert events[0].confidence >= 0.5, sentence


def test_a_request_alone_does_not_make_a_sending_military(coder):
    for sentence in ("Portugal sent a delegation to Angola at the invitation of the Angolan government.",
                     "The ministry sent a letter to Brussels at the request of Hungary."):
        assert not [e for e in coder.code(sentence) if e.cameo.startswith("074")], sentence


def test_the_state_that_hosts_a_deployment_is_not_its_foe(coder):
    # Forces kept in a state may be its guests or occupiers: no target, so no conflict counted
    events = [e for e in coder.code("Thousands of American soldiers are stationed in Romania.") if e.cameo.startswith("15")]
    assert events and events[0].source.country == "USA"
    assert events[0].target is None and events[0].confidence < 0.5
    # Forces sent to a state named as itself are taken in: military cooperation with it
    for sentence, source, target in (("Spain deployed troops to Latvia.", "ESP", "LVA"),
                                     ("North Korea has sent thousands of soldiers to Russia.", "PRK", "RUS"),
                                     ("Two hundred troops will be sent to Jordan by Canada.", "CAN", "JOR")):
        events = between(coder.code(sentence), source, target)
        # (an announced sending is the intent to cooperate militarily, 0312)
        assert events and events[0].cameo.startswith(("06", "0312")), sentence
        assert not [e for e in coder.code(sentence) if e.quad == "material_conflict"], sentence
    # A region of a state, or a sending for an act of force, is no such welcome
    for sentence in ("Israel sent troops to southern Lebanon.", "Russia sent troops to Ukraine to attack Kyiv."):
        assert not [e for e in coder.code(sentence) if e.quad.endswith("cooperation")], sentence
    # Forces sent to a state's border face it
    border = between(coder.code("Azerbaijan deployed troops to the border with Armenia."), "AZE", "ARM")
    assert border and border[0].cameo.startswith("15")
    # Exercises held in a state still face it
    drills = between(coder.code("Iran conducted naval drills in Bahrain's waters."), "IRN", "BHR")
    assert drills and drills[0].cameo.startswith("15")


def test_forces_moved_in_a_passive_act_for_their_state(coder):
    events = coder.code("Russian paratroopers were deployed to Tajikistan at the request of its government.")
    moved = [e for e in events if e.cameo == "074"]
    assert moved and moved[0].source.country == "RUS" and moved[0].source.sector == "military"
    assert moved[0].target is not None and moved[0].target.country == "TJK"
    aid = [e for e in coder.code("Food aid was sent to Yemen by Oman.") if e.cameo.startswith("07")]
    assert aid and aid[0].source.country == "OMN" and aid[0].target is not None and aid[0].target.country == "YEM"


def test_a_deployment_noun_takes_the_frames_of_its_verb(coder):
    peacekeeping = between(coder.code("Senegal announced the deployment of 300 troops to Guinea-Bissau on a "
                                      "peacekeeping mission."), "SEN", "GNB")
    assert peacekeeping and peacekeeping[0].cameo == "074"
    invited = between(coder.code("Uganda approved the deployment of soldiers to Somalia at the request of "
                                 "the Somali government."), "UGA", "SOM")
    assert invited and invited[0].cameo == "074"


def test_armed_forces_moving_into_a_state_are_an_incursion(coder):
    cases = [
        ("Eritrean troops crossed into Ethiopia on Friday.", "ERI", "ETH"),
        ("Venezuelan soldiers crossed the border into Guyana.", "VEN", "GUY"),
        ("Ugandan troops entered South Sudan.", "UGA", "SSD"),
        ("Chadian rebels pushed into Cameroon.", "TCD", "CMR"),
    ]
    for sentence, source, target in cases:
        events = between(coder.code(sentence), source, target)
        assert events and events[0].cameo == "192" and events[0].quad == "material_conflict", sentence
    # the same verbs said of anyone else are no incursion
    for sentence in ("Hundreds of migrants crossed into Spain overnight.",
                     "The accord entered into force in March.",
                     "Peru entered into an agreement with Chile."):
        assert not [e for e in coder.code(sentence) if e.cameo == "192"], sentence


def test_a_state_name_the_tagger_takes_for_a_date_is_still_a_state(coder):
    # the small English model tags "Niger" here as a DATE
    events = between(coder.code("Chadian rebels pushed into Niger."), "TCD", "NER")
    assert events and events[0].cameo == "192"
    # a real date after a preposition still is no frame: "called X on Wednesday" is a call
    call = [e for e in coder.code("Ghana called Togo on Wednesday.") if e.source.country == "GHA"]
    assert call and not call[0].cameo.startswith("02")


# ------------------------------------------------------------ common wire phrasings
def test_joint_drills_and_patrols_are_military_cooperation_both_ways(coder):
    events = coder.code("Indonesia and Malaysia began joint naval drills on Tuesday.")
    assert [e for e in between(events, "IDN", "MYS") if e.cameo == "062"]
    assert [e for e in between(events, "MYS", "IDN") if e.cameo == "062"]
    # the tagger may miss the first nationality: both are still actors
    patrol = coder.code("Beninese and Nigerien troops held a joint patrol on Friday.")
    assert [e for e in between(patrol, "BEN", "NER") if e.cameo == "062"]
    assert [e for e in between(patrol, "NER", "BEN") if e.cameo == "062"]


def test_a_state_that_protests_complains_officially(coder):
    for sentence, source, target in (("Seoul protested Tokyo's claim to the islands.", "KOR", "JPN"),
                                     ("The Chinese foreign ministry lodged a protest with Manila.", "CHN", "PHL")):
        events = between(coder.code(sentence), source, target)
        assert events and events[0].cameo == "114" and events[0].quad == "verbal_conflict", sentence
    # people who protest dissent; a rally stays a rally
    crowd = [e for e in coder.code("Kenyans protested against the new tax law.") if e.cameo.startswith("1")]
    assert crowd and crowd[0].cameo.startswith("14")


def test_what_one_state_calls_another_is_praise_or_denunciation(coder):
    cases = [
        ("Kazakhstan's president called Uzbekistan a reliable partner and friend.", "KAZ", "UZB", "051"),
        ("Armenia described France as a true ally.", "ARM", "FRA", "051"),
        ("Tehran called Riyadh a sponsor of terrorism.", "IRN", "SAU", "111"),
        ("Vilnius branded Minsk a puppet of Moscow.", "LTU", "BLR", "111"),
    ]
    for sentence, source, target, code in cases:
        events = between(coder.code(sentence), source, target)
        assert events and events[0].cameo == code, sentence
    # a name for something else is no telephone call
    assert not [e for e in coder.code("The Serbian ministry called the report a fabrication.") if e.cameo == "041"]
    # "called his partners" is still a call
    assert [e for e in coder.code("The Dutch prime minister called his European partners on Sunday.")
            if e.cameo.startswith("04")]


def test_a_signing_in_a_third_capital_is_between_the_signatories(coder):
    events = coder.code("Rwanda and Congo signed a peace agreement in Washington Dee Cee on Friday.")
    assert between(events, "RWA", "COD") and between(events, "COD", "RWA")
    events = coder.code("Ghana and Burkina Faso signed a declaration in Addis Ababa.")
    assert between(events, "GHA", "BFA") and not [e for e in events if e.target and e.target.country == "ETH"]


def test_leaving_a_treaty_or_a_court_cuts_ties(coder):
    events = coder.code("Burundi, Gambia and South Africa announced their withdrawal from the International "
                        "Criminal Court.")
    for source in ("BDI", "GMB", "ZAF"):
        left = [e for e in events if e.source.country == source and e.target is not None]
        assert left and left[0].cameo.startswith("16") and left[0].target.code == "ICC", source
    retreat = between(coder.code("Armenia withdrew its troops from Azerbaijan."), "ARM", "AZE")
    assert retreat and retreat[0].cameo.startswith("08")


def test_a_package_or_round_of_acts_is_those_acts(coder):
    sanctions = between(coder.code("Canada adopted a new package of sanctions against Iran."), "CAN", "IRN")
    assert sanctions and sanctions[0].cameo.startswith("16")
    talks = coder.code("Egypt and Ethiopia held a new round of talks on the dam.")
    assert between(talks, "EGY", "ETH") and between(talks, "ETH", "EGY")


def test_its_allies_are_others_than_its_owner(coder):
    allies = coder.code("Kuwait and its allies agreed to stage a joint exercise.")
    assert not [e for e in allies if e.target is not None and e.source.country == e.target.country == "KWT"]


def test_each_other_is_every_subject_to_every_other(coder):
    for sentence in ("Sudan and Chad accused each other of backing rebels.",
                     "Peru and Ecuador blamed one another for the border incident."):
        events = [e for e in coder.code(sentence) if e.cameo.startswith("11")]
        pairs = {(e.source.country, e.target.country) for e in events if e.target is not None}
        assert len(pairs) == 2 and all(a != b for a, b in pairs), sentence


def test_a_crowd_that_rallies_demonstrates(coder):
    events = coder.code("Georgian protesters rallied outside the Russian embassy in Tbilisi.")
    rally = [e for e in events if e.source.country == "GEO" and e.cameo.startswith("14")]
    assert rally and rally[0].target is not None and rally[0].target.country == "RUS"
    support = [e for e in coder.code("Brazil rallied behind Argentina.") if e.cameo.startswith("05")]
    assert support


def test_a_reaction_to_an_earlier_act_is_aimed_at_its_doer(coder):
    text = ("Canada imposed new tariffs on Chinese electric vehicles on Tuesday. "
            "Beijing condemned the tariffs as protectionist.")
    reaction = [e for e in coder.code(text) if e.source.country == "CHN" and e.cameo.startswith("11")]
    assert reaction and reaction[0].target is not None and reaction[0].target.country == "CAN"
    # without an earlier act in the article there is no one to aim at
    alone = [e for e in coder.code("Beijing condemned the tariffs as protectionist.") if e.cameo.startswith("11")]
    assert alone and alone[0].target is None


@pytest.mark.parametrize("text, source, target, code", [
    # a match report names teams, not states
    ("Sri Lanka beat Bangladesh by four wickets in the opening game of the series in Colombo.", None, None, None),
    ("Morocco edged Portugal in the quarter-final on Saturday.", None, None, None),
    # trading or exchanging accusations is an accusation both ways, not trade
    ("Serbia and Kosovo traded accusations after the border incident.", "SRB", "XKX", "112"),
    ("Peru and Chile exchanged barbs over the fishing dispute.", "PER", "CHL", "112"),
    # refusing to act against a state is no hostility toward it
    ("Austria refused to join the embargo on Venezuela.", "AUT", "VEN", None),
])
def test_match_reports_accusations_and_refusals(coder, text, source, target, code):
    events = [e for e in coder.code(text, date="2025-06-01") if e.counts_as_fact]
    if source is None:
        assert not [e for e in events if e.source.country and e.target and e.target.country]
    elif code is None:
        assert not [e for e in events if e.source.country == source and e.target and e.target.country == target
                    and e.quad in ("verbal_conflict", "material_conflict")]
    else:
        assert any(e.source.country == source and e.target and e.target.country == target and e.cameo == code
                   for e in events)
        assert not any(e.cameo.startswith("06") for e in events)


def test_a_group_of_no_state_is_not_the_state_it_is_in(coder):
    events = coder.code("The United States carried out airstrikes against Islamic State targets in Syria.")
    strikes = [e for e in events if e.cameo.startswith("19")]
    assert strikes and strikes[0].target.country is None and strikes[0].target.sector == "rebels"


# ------------------------------------------------------------ strikes told by their casualties and places
@pytest.mark.parametrize("sentence, source, target", [
    # the strike hangs on the second of two passive verbs; both share it
    ("Three people were killed and eleven others were wounded in a Russian drone strike on a bus in Nikopol, "
     "Dnipropetrovsk Oblast, Ukraine.", "RUS", "UKR"),
    # the parser splits "artillery and rocket strikes"; the strike noun is still found
    ("Two people were killed and 14 others were injured in overnight Israeli artillery and rocket strikes "
     "on farmland near Khiam, Lebanon.", "ISR", "LBN"),
])
def test_casualties_of_a_strike_belong_to_the_place_struck(coder, sentence, source, target):
    killed = [e for e in confident(coder.code(sentence)) if e.cameo.startswith("19")]
    assert killed and killed[0].source.country == source and killed[0].target.country == target
    assert killed[0].quad == "material_conflict" and killed[0].modality == "asserted"


def test_a_building_struck_in_a_place_is_an_act_against_its_state(coder):
    events = coder.code("A school building is hit by a Russian glide bomb strike in Kupiansk, Kharkiv Oblast, Ukraine.")
    struck = between(confident(events), "RUS", "UKR")
    assert struck and struck[0].cameo.startswith("19") and struck[0].quad == "material_conflict"


def test_the_region_and_state_after_a_town_say_where_it_is(coder):
    events = coder.code("A Russian missile struck a grain terminal in Izmail, Odesa Oblast, Ukraine, on Tuesday.")
    struck = between(confident(events), "RUS", "UKR")
    assert struck and struck[0].cameo.startswith("19")


def test_people_killed_are_never_a_thing_struck(coder):
    # "victims" is no building: the verb of killing says its object is someone, so the
    # place does not become the target of a crash that is no attack
    events = coder.code("Investigators flew in to identify victims killed by the cargo plane crash in northern Kenya.")
    assert not [e for e in confident(events) if e.target is not None and e.target.country == "KEN"]


# ------------------------------------------------------------ the article's other party, and only then
def _article_events(coder, text):
    from allies.model import Document

    return next(coder.code_documents([Document(text=text, date="2025-06-01", doc_id=1)])).events


PAIR_LEDE = "Clashes between Indian and Chinese troops left two soldiers injured along the disputed frontier.\n\n"


def test_force_at_a_place_aims_at_the_other_party(coder):
    events = _article_events(coder, PAIR_LEDE + "Chinese forces shelled the area again on Thursday.")
    assert any(e.cameo.startswith("19") and e.source.country == "CHN" and e.target is not None
               and e.target.country == "IND" for e in events if e.sentence_index == 1)


@pytest.mark.parametrize("later", [
    "China executed a well-known dissident writer on Thursday.",  # done to someone, whoever's he is
    "Gunmen ambushed a patrol overnight.",                        # no state's act
])
def test_acts_with_their_own_victim_or_no_state_get_no_other_party(coder, later):
    events = _article_events(coder, PAIR_LEDE + later)
    assert not any(e.target is not None and e.target.country == "IND" for e in events if e.sentence_index == 1)


@pytest.mark.parametrize("sentence, source, target", [
    # the strike as the subject says where those it killed were
    ("An Israeli drone strike on a car in Nabatieh, Lebanon, kills two people.", "ISR", "LBN"),
    # "during" a strike: the strike's doer and place
    ("Five people are killed and 12 are injured during a Russian missile and drone attack on Zaporizhzhia, Ukraine.",
     "RUS", "UKR"),
    # "across" a state: where those harmed were
    ("Nine people are killed and dozens are injured across Ukraine by overnight Russian drone strikes.", "RUS", "UKR"),
    # the parser hangs the aim of the strike on the verb
    ("Two people are killed in an Israeli airstrike against a motorcycle near Tyre, Lebanon.", "ISR", "LBN"),
])
def test_casualties_take_the_place_of_the_strike_that_killed_them(coder, sentence, source, target):
    killed = [e for e in confident(coder.code(sentence)) if e.cameo.startswith("19") and e.target is not None]
    assert killed and killed[0].source.country == source and killed[0].target.country == target


def test_strikes_throughout_a_state_are_aimed_at_it(coder):
    events = coder.code("Indian jets launched airstrikes throughout Pakistan early on Wednesday.")
    assert between(confident(events), "IND", "PAK")


def test_fighting_without_sides_goes_on_between_the_pair_that_fought(coder):
    text = ("Armenian and Azerbaijani forces exchanged fire along the border on Monday.\n\n"
            "Clashes erupted again near the village of Sotk on Tuesday, with both sides reporting casualties.")
    later = [e for e in _article_events(coder, text) if e.sentence_index == 1 and e.cameo.startswith("19")]
    assert {(e.source.country, e.target.country) for e in later} == {("ARM", "AZE"), ("AZE", "ARM")}


@pytest.mark.parametrize("first", [
    "Armenia and Azerbaijan signed a transit agreement on Monday.",  # a pair that has not fought
    "Armenian and Azerbaijani forces exchanged fire along the border on Monday.",
])
def test_fighting_elsewhere_or_between_a_peaceful_pair_is_not_theirs(coder, first):
    later = "Clashes erupted again in Georgia on Tuesday." if "fire" in first else "Clashes erupted again on Tuesday."
    events = [e for e in _article_events(coder, first + "\n\n" + later) if e.sentence_index == 1]
    assert not any(e.target is not None and {e.source.country, e.target.country} == {"ARM", "AZE"} for e in events)


@pytest.mark.parametrize("sentence, source, target", [
    # a village the knowledge base does not know, then its region and state
    ("An Israeli drone strike on Kafr Qasim al-Jadida, Quneitra Governorate, Syria, killed one person.", "ISR", "SYR"),
    # a named site, described with the state it is in
    ("Israeli jets struck the Bushehr Energy Complex, a plant near Bushehr, Iran, overnight.", "ISR", "IRN"),
    # one person, a villager: people, who belong to the place
    ("One person was killed in a Russian drone strike on Bilopillia, Sumy Oblast, Ukraine.", "RUS", "UKR"),
])
def test_a_place_unknown_to_the_knowledge_base_is_in_the_state_written_with_it(coder, sentence, source, target):
    struck = [e for e in confident(coder.code(sentence)) if e.cameo.startswith("19") and e.target is not None]
    assert struck and struck[0].source.country == source and struck[0].target.country == target



def test_a_document_that_acts_is_its_makers_act(coder):
    # "an order that cut aid": the one who signed the order cut it
    cut = between(coder.code("Washington signed an executive order that cut aid to Zambia."), "USA", "ZMB")
    assert cut and cut[0].quad == "material_conflict"
    # a thing that is no document acts for no one ("a building that housed")
    assert not between(coder.code("Chile bought a ship that had carried Peruvian grain."), "CHL", "PER")


def test_nationals_abroad_are_not_the_people_of_where_they_are(coder):
    # protecting one's nationals in another state is nothing done to that state
    for sentence in ("Manila pledged to protect Filipino nationals in Kuwait.",
                     "Manila pledged to protect its nationals in Kuwait."):
        assert not [e for e in coder.code(sentence) if e.target is not None and e.target.country == "KWT"], sentence
    # while civilians where an act of force happens are the place's
    killed = [e for e in coder.code("Troops from Chad killed civilians in Niger.")
              if e.target is not None and e.target.country == "NER"]
    assert killed


def test_words_about_an_attack_answer_its_doer_not_its_victims(coder):
    # the victims inside "the attack on ..." are not whom the condemnation is aimed at
    events = coder.code("Jordan condemned the attack on buildings housing members of a Syrian militia.")
    assert not [e for e in events if e.cameo.startswith("11") and e.target is not None and e.target.country == "SYR"]
    named = between(coder.code("Jordan condemned the Iraqi attack on members of a Syrian militia."), "JOR", "IRQ")
    assert named and named[0].cameo.startswith("11")


def test_an_envoy_summoned_with_no_doer_is_summoned_by_the_state_of_the_post(coder):
    summoned = between(coder.code("The Chilean ambassador to Peru was summoned on Monday."), "PER", "CHL")
    assert summoned and summoned[0].cameo == "114"
    assert not between(coder.code("The Chilean ambassador was summoned on Monday."), "PER", "CHL")


def test_an_adjective_tells_no_deed_and_a_warning_is_conflict(coder):
    # "close to a deal" closes nothing
    assert not [e for e in coder.code("Chile said the two sides are close to a deal with Peru.")
                if e.quad == "material_conflict"]
    warned = between(coder.code("Chile issued a stern warning to Peru."), "CHL", "PER")
    assert warned and warned[0].quad == "verbal_conflict"


@pytest.mark.parametrize("sentence, source, target, expected", [
    ("Chile voiced disappointment with Peru.", "CHL", "PER", "verbal_conflict"),
    ("Washington levied a 20 percent tariff on Canada.", "USA", "CAN", "163"),
    # with no target of its own, an allegation blames the subject of its clause
    ("Lima alleged that Chile had underinvested in the port.", "PER", "CHL", "11"),
    # a pact names its other party
    ("Chile suspended the friendship treaty concluded with Peru in 2002.", "CHL", "PER", "material_conflict"),
    ("Peru regretted Chile's decision.", "PER", "CHL", "verbal_conflict"),
    ("Lima called Santiago's decision a violation of international law.", "PER", "CHL", "11"),
    # "X and visiting President Y signed": the participle's name is the second signer
    ("Peru's President Dina Boluarte and visiting President of Chile Gabriel Boric signed a border agreement.",
     "PER", "CHL", "057"),
])
def test_wire_phrasings_are_coded_between_the_two(coder, sentence, source, target, expected):
    """``expected``: the quad class, or the prefix of the CAMEO code."""
    events = between(coder.code(sentence), source, target)
    assert events and (events[0].quad == expected or events[0].cameo.startswith(expected)), sentence
