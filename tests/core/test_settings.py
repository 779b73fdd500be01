"""No silent fallbacks (issue 13 §4): every ALLIES_* setting is read in
allies.settings and documented in the README; knowledge-base errors surface;
the coder says once when it falls back to the rule-based path."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

import allies
from allies import settings

SOURCE = Path(allies.__file__).resolve().parent
README = Path(__file__).resolve().parents[2] / "README.md"
ENV_READ = re.compile(r"""(?:os\.environ(?:\.get)?\s*[\[(]|os\.getenv\s*\()\s*["'](ALLIES_\w+)""")


def test_only_the_settings_module_reads_allies_settings():
    readers = [f"{path.relative_to(SOURCE)}: {name}" for path in SOURCE.rglob("*.py") if path.name != "settings.py"
               for name in ENV_READ.findall(path.read_text(encoding="utf-8"))]
    assert not readers, readers


def test_every_setting_is_in_the_readme():
    readme = README.read_text(encoding="utf-8")
    missing = [name for name in settings.SETTINGS if f"`{name}`" not in readme]
    assert not missing, f"document in the README's settings table: {missing}"
    mentioned = set(re.findall(r"\bALLIES_[A-Z_]+\b", readme))
    assert mentioned <= set(settings.SETTINGS), mentioned - set(settings.SETTINGS)


def test_settings_are_read_when_asked(monkeypatch, tmp_path):
    monkeypatch.setenv("ALLIES_DB", str(tmp_path / "x.duckdb"))
    assert settings.db_path() == tmp_path / "x.duckdb"
    from allies.store import default_path

    assert default_path() == tmp_path / "x.duckdb" and default_path("y.duckdb") == Path("y.duckdb")
    monkeypatch.setenv("ALLIES_MAX_UNPACKED_BYTES", "lots")
    with pytest.raises(allies.InputError, match="ALLIES_MAX_UNPACKED_BYTES"):
        settings.max_unpacked_bytes()


def test_knowledge_base_errors_are_not_swallowed(monkeypatch):
    from allies.nlp.actors import ActorKB
    from allies.relations import countries

    def broken(self, text):
        raise ValueError("broken alias table")

    monkeypatch.setattr(ActorKB, "resolve_country", broken)
    countries._kb.cache_clear()
    try:
        assert countries.resolve_country("Azerbaijan") == "AZE"  # the package's own table answers first
        with pytest.raises(ValueError, match="broken alias table"):
            countries.resolve_country("the Azerbaijani Foreign Ministry")
    finally:
        countries._kb.cache_clear()


def test_the_rule_based_path_is_announced_once(monkeypatch, capsys):
    from allies import nlp

    monkeypatch.setattr(nlp, "AUTO_MODELS", ("no_such_model_xx",))
    monkeypatch.setattr(nlp, "_said_rule_based", False)
    assert nlp.load_model("auto") is None
    assert nlp.load_model("auto") is None
    err = capsys.readouterr().err
    assert err.count("rule-based path") == 1 and "no_such_model_xx" in err
    assert nlp.Coder(model=None).model_label == "rules"
