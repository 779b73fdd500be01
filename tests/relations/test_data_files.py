"""The relations' word lists are read by the one schema-checked loader."""
from __future__ import annotations

import pytest

from allies.relations.cache import SCHEMAS, table
from allies.tables import DataFileError, parse_tsv


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_every_shipped_word_list_passes_its_schema(name):
    assert table(name)


def test_a_pattern_that_is_no_regular_expression_fails_with_its_line():
    text = "pattern\texample\n\\bnot\\s+(an?\\s+ally\t\"not an ally\"\n"
    with pytest.raises(DataFileError, match=r"dispute_patterns.tsv:2: column pattern: not a regular expression"):
        parse_tsv("dispute_patterns.tsv", text, SCHEMAS["dispute_patterns.tsv"])


def test_an_unknown_kind_of_alliance_term_fails():
    text = "term\tkind\nally\tfriendship\n"
    with pytest.raises(DataFileError, match=r"alliance_terms.tsv:2: column kind: unknown kind 'friendship'"):
        parse_tsv("alliance_terms.tsv", text, SCHEMAS["alliance_terms.tsv"])
