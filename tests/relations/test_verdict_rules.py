"""The verdict rules on small hand-written corpora: deeds over words, thin
evidence, confidence from distinct days and reports, and the latest 12 months."""
import datetime as dt

from allies.relations import ask
from allies.corpus_eval import PairResult, report, within_one

from .conftest import coded_documents


def _article(n, date, sentences, pair=("GRC", "TUR")):
    """One wire article; each sentence is (text, [(source, target, cameo, goldstein), ...])."""
    return {"title": f"Report {n}", "date": date, "url": f"https://news.example/{pair[0]}-{pair[1]}-{n}",
            "sentences": [{"text": text, "events": [{"source": s, "target": t, "cameo": c, "goldstein": g}
                                                    for s, t, c, g in events]}
                          for text, events in sentences]}


def _fill(store, articles):
    for coded in coded_documents({"articles": articles}):
        store.add_coded(coded)


def _friendly(n, a="GRC", b="TUR"):
    """Round n of talks: one sentence of praise, coded in both directions."""
    return [(f"The foreign ministers of {a} and {b} praised their close partnership at round {n} of talks.",
             [(a, b, "051", 3.4), (b, a, "051", 3.4)])]


def test_force_and_occupation_are_not_outweighed_by_friendly_words(empty_store):
    # 30 cooperative statements against 4 acts of material conflict, one of them occupation.
    articles = [_article(i, f"2025-03-{i + 1:02d}", _friendly(i)) for i in range(15)]
    articles.append(_article(20, "2025-04-02", [
        ("Turkish troops seized a Greek islet overnight and raised a flag on it, Athens said.",
         [("TUR", "GRC", "192", -9.5)])]))
    articles.append(_article(21, "2025-04-05", [
        ("Greek coast guard vessels fired on a Turkish patrol boat near the islet.", [("GRC", "TUR", "190", -10.0)]),
        ("Ankara expelled two Greek diplomats in response.", [("TUR", "GRC", "166", -7.0)])]))
    articles.append(_article(22, "2025-04-09", [
        ("Turkey closed its airspace to Greek military flights.", [("TUR", "GRC", "163", -8.0)])]))
    _fill(empty_store, articles)
    answer = ask(empty_store, "How are relations between Greece and Turkey?", since="2025-01-01", until="2025-12-31")
    assert answer.verdict.verdict == "hostile", answer.verdict.summary
    assert "occupation" in answer.verdict.summary
    # Both NATO members: the alliance on paper is contradicted, never "allied".
    assert "contradicted" in answer.verdict.summary


def test_a_single_clash_caps_friendly_words_at_mixed(empty_store):
    articles = [_article(i, f"2025-03-{i + 1:02d}", _friendly(i)) for i in range(10)]
    articles.append(_article(30, "2025-05-01", [
        ("Greek and Turkish patrol boats exchanged fire in the Aegean, wounding two sailors.",
         [("GRC", "TUR", "190", -10.0), ("TUR", "GRC", "190", -10.0)])]))
    _fill(empty_store, articles)
    answer = ask(empty_store, "Are Greece and Turkey allies?", since="2025-01-01", until="2025-12-31")
    assert answer.verdict.verdict == "mixed", answer.verdict.summary
    assert answer.direct_answer != "yes"
    assert "force between them" in answer.verdict.summary


def test_sanctions_without_force_read_tense_not_hostile(empty_store):
    _fill(empty_store, [
        _article(1, "2025-02-03", [("Russia expelled three Moldovan diplomats on Monday.", [("RUS", "MDA", "166", -7.0)])],
                 ("MDA", "RUS")),
        _article(2, "2025-02-10", [("Moldova suspended flights to Russia.", [("MDA", "RUS", "163", -8.0)])], ("MDA", "RUS")),
        _article(3, "2025-03-14", [("Chisinau accused Moscow of meddling in its election.",
                                    [("MDA", "RUS", "112", -2.0)])], ("MDA", "RUS")),
    ])
    answer = ask(empty_store, "How are relations between Moldova and Russia?", since="2025-01-01", until="2025-12-31")
    assert answer.verdict.verdict == "tense", answer.verdict.summary


def test_one_incident_retold_in_one_article_is_not_a_war(empty_store):
    _fill(empty_store, [_article(1, "2025-06-01", [
        ("Indian artillery shelled a Pakistani border post early on Sunday.", [("IND", "PAK", "190", -10.0)]),
        ("The shelling killed three Pakistani soldiers, the army said.", [("IND", "PAK", "190", -10.0)]),
        ("Islamabad said the attack on the post was unprovoked.", [("IND", "PAK", "190", -10.0)])], ("IND", "PAK"))])
    answer = ask(empty_store, "How are relations between India and Pakistan?", since="2025-01-01", until="2025-12-31")
    assert answer.verdict.verdict == "tense", answer.verdict.summary


def test_force_both_ways_in_one_article_is_fighting(empty_store):
    _fill(empty_store, [_article(1, "2025-06-01", [
        ("Indian jets struck three camps inside Pakistan before dawn on Sunday.", [("IND", "PAK", "195", -10.0)]),
        ("Pakistani artillery shelled Indian positions along the frontier hours later.",
         [("PAK", "IND", "194", -10.0)])], ("IND", "PAK"))])
    answer = ask(empty_store, "How are relations between India and Pakistan?", since="2025-01-01", until="2025-12-31")
    assert answer.verdict.verdict == "hostile", answer.verdict.summary
    assert "by both sides" in answer.verdict.summary


def test_two_reports_give_a_low_confidence_verdict_and_say_so(empty_store):
    _fill(empty_store, [_article(1, "2025-09-12", [
        ("Armenia and Azerbaijan signed a joint declaration on opening transport links.",
         [("ARM", "AZE", "057", 8.0), ("AZE", "ARM", "057", 8.0)]),
        ("Baku welcomed the agreement as a step toward lasting peace.", [("AZE", "ARM", "051", 3.4)])],
        ("ARM", "AZE"))])
    answer = ask(empty_store, "How are relations between Armenia and Azerbaijan?",
                 since="2025-01-01", until="2025-12-31")
    assert answer.verdict.verdict == "cooperative", answer.verdict.summary
    assert answer.verdict.confidence <= 0.3
    assert "from 2 reports in 1 article over 1 day" in answer.verdict.summary
    assert "low-confidence" in answer.verdict.summary


def test_nothing_reported_is_unknown(empty_store):
    answer = ask(empty_store, "How are relations between Chile and Mongolia?")
    assert answer.verdict.verdict == "unknown"


def test_confidence_grows_with_days_not_rows(empty_store):
    # 40 reports of cooperation, all on two days (a burst) ...
    _fill(empty_store, [_article(i, "2025-06-01" if i % 2 else "2025-06-02", _friendly(i, "BRA", "IND"), ("BRA", "IND"))
                        for i in range(40)])
    burst = ask(empty_store, "How are relations between Brazil and India?")
    assert burst.verdict.verdict == "cooperative"
    assert burst.verdict.confidence <= 0.4, burst.verdict.summary
    assert "from 40 reports in 40 articles over 2 days" in burst.verdict.summary
    # ... against as many reports spread over 40 weeks.
    _fill(empty_store, [_article(100 + i, (dt.date(2025, 1, 1) + dt.timedelta(days=7 * i)).isoformat(),
                                 _friendly(i, "CAN", "MEX"), ("CAN", "MEX")) for i in range(40)])
    spread = ask(empty_store, "How are relations between Canada and Mexico?")
    assert spread.verdict.verdict == "cooperative"
    assert spread.verdict.confidence >= burst.verdict.confidence + 0.3


def test_scale_steps():
    assert within_one("tense", "hostile") and within_one("allied", "cooperative")
    assert not within_one("tense", "unknown") and not within_one("mixed", "allied")
    lines = report([PairResult("2025", "RUS", "UKR", "hostile", "tense", 0.5, ""),
                    PairResult("2025", "CAN", "USA", "tense", "tense", 0.5, "")])
    assert lines[-1] == "2025: exact 1/2 = 0.500; within one step 2/2 = 1.000"


def test_a_question_without_dates_is_about_the_latest_12_months(empty_store):
    # Years of cooperation, then a year of clashes: "now" is hostile, the trend keeps the history.
    old = [_article(i, f"{2019 + i // 4}-{1 + 3 * (i % 4):02d}-10", _friendly(i, "KHM", "THA"), ("KHM", "THA"))
           for i in range(16)]
    recent = [_article(50 + i, f"2024-{2 + 2 * i:02d}-0{1 + i}", [
        (f"Thai and Cambodian troops traded fire at border crossing {i}, killing several soldiers.",
         [("THA", "KHM", "190", -10.0), ("KHM", "THA", "190", -10.0)])], ("KHM", "THA")) for i in range(4)]
    _fill(empty_store, old + recent)
    now = ask(empty_store, "How are relations between Cambodia and Thailand?")
    assert now.window == "latest_12_months"
    assert now.verdict.verdict == "hostile", now.verdict.summary
    assert (now.analysis.since, now.analysis.until) == (dt.date(2023, 8, 6), dt.date(2024, 8, 4))
    assert "Judged on the latest 12 months of evidence for this pair (6 August 2023 to 4 August 2024)" \
        in now.verdict.summary
    assert "latest 12 months" in now.to_text() and now.to_dict()["window"] == "latest_12_months"
    assert [y["year"] for y in now.to_dict()["analysis"]["history"]] == [2019, 2020, 2021, 2022, 2024]
    everything = ask(empty_store, "How are relations between Cambodia and Thailand?", all_dates=True)
    assert everything.window == "all_dates" and everything.analysis.since is None
    asked = ask(empty_store, "How are relations between Cambodia and Thailand?", since="2019-01-01", until="2020-12-31")
    assert asked.window == "asked" and asked.verdict.verdict == "cooperative"


def test_one_sides_denial_and_the_others_deeds_make_a_paper_alliance_mixed(empty_store):
    pair = ("AZE", "RUS")
    friendly = [_article(i, f"2025-0{1 + i}-15", _friendly(i, "AZE", "RUS"), pair) for i in range(5)]
    deeds = [
        _article(10, "2025-07-01", [("Russia banned imports of Azerbaijani tomatoes, citing safety rules.",
                                     [("RUS", "AZE", "163", -8.0)])], pair),
        _article(11, "2025-07-09", [("Moscow detained eight Azerbaijani citizens in a raid in Yekaterinburg.",
                                     [("RUS", "AZE", "173", -5.0)])], pair),
        _article(12, "2025-07-10", [("Azerbaijan's foreign ministry said Russia is not an ally of Baku.",
                                     [("AZE", "RUS", "111", -2.0)])], pair),
    ]
    _fill(empty_store, friendly + deeds)
    answer = ask(empty_store, "Are Azerbaijan and Russia allies?", since="2025-01-01", until="2025-12-31")
    assert answer.verdict.verdict == "mixed", answer.verdict.summary
    assert "Azerbaijan voices deny the alliance, and Russia's deeds belie it" in answer.verdict.summary
    assert "Allied on paper" in answer.verdict.summary


def test_seizing_ships_is_coercion_not_armed_conflict(empty_store):
    pair = ("USA", "VEN")
    _fill(empty_store, [_article(i, f"2025-12-{3 + 4 * i:02d}", [
        (f"The U.S. Coast Guard seized oil tanker number {i} off the coast of Venezuela.",
         [("USA", "VEN", "171", -9.2)])], pair) for i in range(4)])
    answer = ask(empty_store, "How are relations between the United States and Venezuela?",
                 since="2025-10-01", until="2025-12-31")
    assert answer.verdict.verdict == "tense", answer.verdict.summary
    assert answer.analysis.violent == 0


def test_a_thin_window_reads_the_claims_of_the_year_before_too(empty_store):
    pair = ("BRA", "IND")
    _fill(empty_store, [_article(i, f"2025-0{2 + i}-10", [
        (f"Brazil and India are the closest of allies, the two foreign ministers said at meeting {i}.",
         [("BRA", "IND", "051", 3.4), ("IND", "BRA", "051", 3.4)])], pair) for i in range(3)])
    _fill(empty_store, [_article(9, "2025-11-20", [("India thanked Brazil for its help after the floods.",
                                                     [("IND", "BRA", "051", 3.4)])], pair)])
    answer = ask(empty_store, "How are relations between Brazil and India?",
                 since="2025-10-01", until="2025-12-31")
    assert answer.verdict.verdict == "allied", answer.verdict.summary
    assert "read against the 365 days before it" in answer.verdict.summary


def _alliance_with_a_third_party(store, deeds_with_the_foe: int):
    """Brazil and India, claimed allies, and Brazil's dealings with Pakistan, India's armed foe."""
    pair = ("BRA", "IND")
    _fill(store, [_article(i, f"2025-0{1 + i}-10", [
        (f"Brazil and India are close allies, the two foreign ministers said at meeting {i}.",
         [("BRA", "IND", "051", 3.4), ("IND", "BRA", "051", 3.4)])], pair) for i in range(4)])
    _fill(store, [_article(10 + i, f"2025-0{2 + i}-15", [
        (f"Indian and Pakistani troops exchanged fire along the frontier, round {i}.",
         [("IND", "PAK", "190", -10.0), ("PAK", "IND", "190", -10.0)])], ("IND", "PAK")) for i in range(3)])
    _fill(store, [_article(20 + i, f"2025-0{3 + i}-20", [
        (f"Brazil praised Pakistan's hosting of trade talks, session {i}.", [("BRA", "PAK", "051", 3.4)])],
        ("BRA", "PAK")) for i in range(3)])
    _fill(store, [_article(30 + i, f"2025-0{4 + i}-25", [
        (f"Brazil delivered armoured vehicles to Pakistan, shipment {i}.", [("BRA", "PAK", "072", 8.3)])],
        ("BRA", "PAK")) for i in range(deeds_with_the_foe)])
    return ask(store, "Are Brazil and India allies?", since="2025-01-01", until="2025-12-31")


def test_good_words_with_the_others_foe_do_not_belie_an_alliance(empty_store):
    answer = _alliance_with_a_third_party(empty_store, deeds_with_the_foe=0)
    assert answer.verdict.verdict == "allied", answer.verdict.summary


def test_arming_the_others_foe_belies_an_alliance(empty_store):
    answer = _alliance_with_a_third_party(empty_store, deeds_with_the_foe=2)
    assert answer.verdict.verdict != "allied", answer.verdict.summary
    assert any("Pakistan, an adversary of India" in g for g in answer.verdict.gap)


def test_a_thin_window_is_read_against_the_year_before(empty_store):
    pair = ("BRA", "IND")
    _fill(empty_store, [_article(i, f"2025-{1 + i % 9:02d}-{1 + i:02d}", _friendly(i, "BRA", "IND"), pair)
                        for i in range(12)])
    _fill(empty_store, [_article(40, "2025-11-12", [("Brazil criticised India's new steel tariffs.",
                                                      [("BRA", "IND", "111", -2.0)])], pair)])
    answer = ask(empty_store, "How are relations between Brazil and India?", since="2025-10-01", until="2025-12-31")
    assert answer.verdict.verdict == "cooperative", answer.verdict.summary
    assert "read against the 365 days before it (12 reports, weighing 0.5 each)" in answer.verdict.summary
    assert answer.verdict.confidence <= 0.3
    # Nothing in the window at all: the year before still speaks, at low confidence ...
    quiet = ask(empty_store, "How are relations between Brazil and India?", since="2026-01-01", until="2026-03-31")
    assert quiet.verdict.verdict == "cooperative" and quiet.verdict.confidence <= 0.15
    assert "no events reported between them in the window" in quiet.verdict.summary
    # ... but nothing before either is unknown.
    assert ask(empty_store, "How are relations between Brazil and India?",
               since="2028-01-01", until="2028-12-31").verdict.verdict == "unknown"


def test_corpus_section_ingests_and_reports(tmp_path):
    import json

    from allies.corpus_eval import run_corpus

    items = [
        {"text": "Russian forces shelled the Ukrainian city of Kharkiv, killing four civilians.", "date": "2025-03-02"},
        {"text": "Ukrainian drones struck an oil refinery in Russia's Samara region.", "date": "2025-05-09"},
        {"text": "Russian missiles hit Kyiv overnight, officials in Ukraine said.", "date": "2025-11-20"},
        {"text": "Brazil and India signed a trade agreement in New Delhi.", "date": "2025-06-11"},
    ]
    (tmp_path / "wikipedia_current_events_2025.jsonl").write_text(
        "".join(json.dumps({**item, "title": None, "url": f"https://news.example/{i}"}) + "\n"
                for i, item in enumerate(items)), encoding="utf-8")
    (tmp_path / "cep2025_dyad_labels.jsonl").write_text(
        json.dumps({"dyad": ["RUS", "UKR"], "relation": "hostile", "last_3_months": "hostile"}) + "\n"
        + json.dumps({"dyad": ["BRA", "IND"], "relation": "cooperative", "last_3_months": None}) + "\n",
        encoding="utf-8")
    lines = []
    kept = tmp_path / "kept.duckdb"
    assert run_corpus(tmp_path, kept, out=lines.append) == 0
    text = "\n".join(lines)
    assert "ingested 4 items" in text and "yield at least one counted event between two states" in text
    assert "2025          RUS-UKR" in text and "Oct-Dec 2025  RUS-UKR" in text and "Oct-Dec 2025  BRA-IND" not in text
    assert "2025: exact" in text and "Oct-Dec 2025: exact" in text and "pair-periods in" in text
    # A kept store is reused, not ingested again.
    again = []
    run_corpus(tmp_path, kept, out=again.append)
    assert again[0].startswith("corpus: reusing the store")


def test_conflictual_deeds_are_not_outweighed_by_warm_words(empty_store):
    pair = ("RUS", "UKR")
    words = [_article(i, f"2025-04-{1 + i:02d}", _friendly(i, "RUS", "UKR"), pair) for i in range(15)]
    deeds = [_article(50 + i, f"2025-05-{3 + i:02d}", [
        (f"Russian border guards detained {3 + i} Ukrainian sailors in the Sea of Azov.", [("RUS", "UKR", "173", -5.0)])],
        pair) for i in range(2)]
    _fill(empty_store, words + deeds)
    answer = ask(empty_store, "How are relations between Russia and Ukraine?", since="2025-01-01", until="2025-12-31")
    assert answer.verdict.verdict == "mixed", answer.verdict.summary


def test_two_days_of_icews_stay_thin(tmp_path, capsys):
    import pytest

    from allies.cli import main
    from allies.store import Store

    from .conftest import SHARED_DATA

    path = SHARED_DATA / "samples" / "icews_events.2018.sample.tab"
    if not path.exists():
        pytest.skip("shared ICEWS sample not available")
    db = tmp_path / "icews.duckdb"
    assert main(["import", "icews", str(path), "--db", str(db)]) == 0
    capsys.readouterr()
    store = Store(db)
    answer = ask(store, "How are relations between Russia and Ukraine?", all_dates=True)
    store.close()
    assert answer.verdict.verdict not in ("cooperative", "allied"), answer.verdict.summary
    assert answer.verdict.confidence < 0.45
    assert "over 2 days (ICEWS)" in answer.verdict.summary
