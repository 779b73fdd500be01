"""The importers' code books are read by the one schema-checked loader: a bad row
stops the load with its file and line instead of silently mapping nothing."""
from __future__ import annotations

import pytest

from allies.imports.codes import SCHEMAS, read_table
from allies.tables import DataFileError, parse_tsv


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_every_shipped_code_book_passes_its_schema(name):
    assert read_table(name)


def test_a_cameo_code_the_code_book_lacks_fails_with_its_line():
    text = "event_type\tsub_event_type\tcameo\tgoldstein\nBattles\tArmed clash\t999\t-10.0\n"
    with pytest.raises(DataFileError, match=r"acled_events.tsv:2: column cameo"):
        parse_tsv("acled_events.tsv", text, SCHEMAS["acled_events.tsv"])


def test_a_misspelt_sector_fails():
    text = "name\tsector\nArmed Forces\tmilitray\n"
    with pytest.raises(DataFileError, match=r"sectors.tsv:2: column sector: unknown sector 'militray'"):
        parse_tsv("sectors.tsv", text, SCHEMAS["sectors.tsv"])
