"""Fixtures for the event coder's tests."""
from __future__ import annotations

import pytest

from allies.nlp import default_coder


@pytest.fixture(scope="module")
def coder():
    """The default coder with its spaCy model (skipped where no model is installed)."""
    coder = default_coder()
    if coder.nlp is None:
        pytest.skip("no spaCy English model installed")
    return coder
