"""tools/coder_snapshot.py: the diff that proves a coder refactoring changes nothing."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

TOOL = Path(__file__).resolve().parents[2] / "tools" / "coder_snapshot.py"


def _tool():
    spec = importlib.util.spec_from_file_location("coder_snapshot", TOOL)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _write(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


def test_diff_counts_changed_documents_and_ignores_the_rule_unless_asked(tmp_path, capsys):
    event = {"cameo": "190", "source": {"text": "Russia"}, "rule": "verb_patterns.tsv:1"}
    before = _write(tmp_path / "before.jsonl", [
        {"coder": "parse", "set": "tests", "doc": "A", "events": [event]},
        {"coder": "parse", "set": "tests", "doc": "B", "events": []},
    ])
    after = _write(tmp_path / "after.jsonl", [
        {"coder": "parse", "set": "tests", "doc": "A", "events": [{**event, "rule": "verb_patterns.tsv:2"}]},
        {"coder": "parse", "set": "tests", "doc": "B", "events": [{**event, "cameo": "193"}]},
        {"coder": "parse", "set": "tests", "doc": "C", "events": []},
    ])
    tool = _tool()
    assert tool.diff(before, after, show=0) == 1
    out = capsys.readouterr().out
    assert "1 of     2 documents changed" in out and "1 documents only after" in out
    assert tool.diff(before, after, with_rule=True, show=0) == 2


def test_test_sentences_are_collected_from_the_nlp_tests():
    sentences = _tool()._test_sentences()
    assert "Turkey launched an air strike against Syria." in sentences  # a row of tests/nlp/data/events.tsv
    assert all(s[:1].isupper() and " " in s for s in sentences)
