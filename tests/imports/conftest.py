"""Fixtures for the dataset importers: the shared real samples and small files written
here in each dataset's documented layout."""
from __future__ import annotations

from pathlib import Path

import pytest

from allies.store import Store

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared" / "data"
GDELT_SAMPLE = SHARED / "samples" / "gdelt2_20191024143000.export.CSV"
ICEWS_SAMPLE = SHARED / "samples" / "icews_events.2018.sample.tab"


@pytest.fixture
def gdelt_sample() -> Path:
    if not GDELT_SAMPLE.exists():
        pytest.skip("shared GDELT sample not available")
    return GDELT_SAMPLE


@pytest.fixture
def icews_sample() -> Path:
    if not ICEWS_SAMPLE.exists():
        pytest.skip("shared ICEWS sample not available")
    return ICEWS_SAMPLE


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "test.duckdb") as opened:
        yield opened
