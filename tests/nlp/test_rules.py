"""Every coded event names the rules that made it; `allies kb rules` lists them and
`allies code --explain` prints a sentence's decision path."""
from __future__ import annotations

import json

from allies.cli import main
from allies.nlp import Coder
from allies.nlp.coder.explain import rule_rows
from allies.nlp.patterns import pattern_book


def rules_of(event) -> list[str]:
    return event.rule.split(" + ")


def test_every_event_names_data_rows_that_exist(coder):
    rows = rule_rows(pattern_book())
    text = ("Turkey pledged to send aid to Azerbaijan. Serbian and Kosovar police clashed on Monday. "
            "Iran will attack Israel, state media said. Chad called Sudan a terrorist state.")
    events = coder.code(text, date="2024-03-06")
    assert len(events) >= 4
    for event in events:
        assert event.rule and all(ref in rows or ref == "each other" for ref in rules_of(event))
        assert event.to_dict()["rule"] == event.rule


def test_a_carried_act_names_its_frame_and_its_carrier_row(coder):
    intent = next(e for e in coder.code("Turkey pledged to send aid to Azerbaijan.") if e.cameo.startswith("03"))
    files = [ref.split(":")[0] for ref in rules_of(intent)]
    assert files == ["verb_patterns.tsv", "carrier_codes.tsv"]
    frame = rule_rows(pattern_book())[rules_of(intent)[0]]
    assert frame["verb"] == "send"


def test_the_rule_based_path_names_its_frame():
    events = Coder(model=None).code("Russia attacked Ukraine.")
    assert events and all(e.rule.startswith("verb_patterns.tsv:") for e in events)


def test_kb_rules_lists_rows_with_file_and_line(capsys):
    assert main(["kb", "rules", "voice_words.tsv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert any(line.startswith("voice_words.tsv:") and "word unless, category conditional" in line for line in lines)
    assert main(["kb", "rules", "code_classes.tsv", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {"rule": rows[0]["rule"], "file": "code_classes.tsv"}.items() <= rows[0].items()
    # the word lists the coder reads are rules too, with their lines
    assert main(["kb", "rules", "function_words.tsv"]) == 0
    assert any(line.startswith("function_words.tsv:") and "class determiner" in line
               for line in capsys.readouterr().out.splitlines())
    assert main(["kb", "rules", "relation_descriptions.tsv:"]) == 0
    assert "kind relation" in capsys.readouterr().out
    assert main(["kb", "rules", "no such rule anywhere"]) == 2
    assert "no coder rule matches" in capsys.readouterr().err


def test_code_explain_prints_the_decision_path(coder, capsys, tmp_path):
    path = tmp_path / "one.txt"
    path.write_text("Turkey pledged to send aid to Azerbaijan, the foreign ministry said.\n", encoding="utf-8")
    assert main(["code", str(path), "--explain"]) == 0
    out = capsys.readouterr().out
    for part in ("parse:", "actors:", "'Turkey' -> TUR", "triggers:", "'pledged' (token 1): 0333",
                 "rule carrier_codes.tsv:", "events:", "Turkey (TUR) -> Azerbaijan (AZE): 0333",
                 "dropped (a verb of saying that reports another event)"):
        assert part in out


def test_code_explain_on_the_rule_based_path(capsys, tmp_path):
    path = tmp_path / "one.txt"
    path.write_text("Russia attacked Ukraine.\n", encoding="utf-8")
    assert main(["code", str(path), "--explain", "--no-model"]) == 0
    out = capsys.readouterr().out
    assert "rule-based path" in out and "rule verb_patterns.tsv:" in out
