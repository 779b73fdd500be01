"""Fixtures shared by every test package."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED_DATA = REPO.parent / "shared" / "data"


def allies_command() -> list[str]:
    """The real console script installed beside this Python, else ``python -m allies``."""
    script = Path(sys.executable).parent / "allies"
    return [str(script)] if script.exists() else [sys.executable, "-m", "allies"]


@pytest.fixture
def run_allies(tmp_path):
    """Run the ``allies`` CLI in a subprocess; returns CompletedProcess (text)."""

    def run(*args: str, input: str | bytes | None = None, env: dict | None = None, timeout: float = 300):
        full_env = {**os.environ, "ALLIES_DB": str(tmp_path / "default.duckdb"), **(env or {})}
        full_env.pop("ALLIES_DEBUG", None)
        text = not isinstance(input, bytes)
        return subprocess.run(allies_command() + list(args), input=input, capture_output=True, text=text,
                              env=full_env, timeout=timeout, cwd=tmp_path)

    return run


@pytest.fixture
def shared_data() -> Path:
    if not SHARED_DATA.exists():
        pytest.skip("../shared/data is not present")
    return SHARED_DATA


# The event coder's fixture, for every folder that codes text (tests/nlp and tests/ingest).
from tests.nlp.conftest import coder  # noqa: E402,F401
