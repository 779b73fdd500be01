"""pyspark is optional: without it the Spark engine fails with one clear line."""
from __future__ import annotations

import sys

import pytest

from allies.cli import main
from allies.errors import InputError


def test_missing_pyspark_is_a_clear_error(monkeypatch, tmp_path, capsys):
    monkeypatch.setitem(sys.modules, "pyspark", None)  # import pyspark -> ImportError
    from allies.spark import require_pyspark

    with pytest.raises(InputError, match=r"pip install 'allies\[spark\]'"):
        require_pyspark()
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text('{"text": "Nothing happened."}\n', encoding="utf-8")
    assert main(["spark", "code", str(corpus), "--out", str(tmp_path / "events.parquet")]) == 2
    err = capsys.readouterr().err.strip()
    assert err == "allies: error: Spark engine needs pyspark: pip install 'allies[spark]' (and Java 17+)"


def test_importing_allies_does_not_import_pyspark():
    import subprocess

    code = ("import sys, allies, allies.imports, allies.spark, allies.cli; "
            "allies.cli.build_parser(); print('pyspark' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
