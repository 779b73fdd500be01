"""The one country table (allies.countries): checked at load, and the one source of
the coder's states, the question parser's names, the importers' names and ATOP's
COW codes."""
from __future__ import annotations

import pytest

from allies import countries
from allies.imports.codes import cameo_country_codes
from allies.imports.export import _country_code
from allies.relations.countries import country_name, resolve_exact
from allies.tables import DataFileError, parse_tsv

HEADER = "iso3\tiso2\tcow\tkind\tname\tofficial\tvariants\tadjectives\tcapitals\twhole_names\n"


def test_the_table_holds_states_territories_and_former_states():
    kinds = {}
    for country in countries.all_countries():
        kinds[country.kind] = kinds.get(country.kind, 0) + 1
    assert kinds == {"state": 197, "territory": 53, "former": 3}
    assert countries.by_iso3("aze").name == "Azerbaijan" and countries.by_iso3("AZE").cow == (373,)
    assert countries.by_iso3("DEU").cow == (255, 260)  # Prussia before 1871, then the Federal Republic
    assert countries.by_iso3("DDR").kind == "former" and countries.by_iso3("PRI").kind == "territory"


def test_every_consumer_reads_the_same_rows():
    from allies.nlp.actors import ActorKB

    kb = ActorKB.default()
    assert {iso3 for iso3, _ in kb.countries()} == {c.iso3 for c in countries.states()}
    assert all(kb.country_name(c.iso3) == c.name == country_name(c.iso3) for c in countries.states())
    assert not any(kb.is_country(c.iso3) for c in countries.all_countries() if not c.is_state)
    assert dict(countries.cow_codes())[365] == "RUS"
    assert cameo_country_codes()["ZAR"] == "COD" and cameo_country_codes()["PRI"] == "PRI"
    assert "DDR" not in cameo_country_codes()  # CAMEO has no codes for dissolved states
    assert _country_code(None, "Russian Federation") == "RUS"


def test_whole_names_win_over_running_text_names_in_whole_phrase_lookups():
    # ISO and the datasets call the Republic of the Congo "Congo"; the news mostly mean the DRC.
    assert "Congo" in countries.by_iso3("COD").variants and "Congo" in countries.by_iso3("COG").whole_names
    assert resolve_exact("Congo") == "COG"
    assert countries.name_index(str.lower, words=False)["congo, the democratic republic of the"] == "COD"
    assert resolve_exact("Jerusalem") == "ISR"  # a question's word, too ambiguous for running text
    assert "jerusalem" not in {n.casefold() for c in countries.states() for n in c.text_names()}


@pytest.mark.parametrize("row, problem", [
    ("AZ\tAZ\t373\tstate\tAzerbaijan", "column iso3: 'AZ' is not 3 capital letters"),
    ("AZE\tAZ\t373a\tstate\tAzerbaijan", "column cow: '373a' is not COW codes"),
    ("AZE\tAZ\t373\tcountry\tAzerbaijan", "column kind: unknown kind 'country'"),
    ("AZE\tAZ\t373\tstate\tAzerbaijan\t\tAzerbaidjan||Azeri", "column variants: empty name"),
])
def test_a_bad_row_stops_the_load_with_its_line(row, problem):
    with pytest.raises(DataFileError, match=f"^countries.tsv:3: {problem}"):
        parse_tsv("countries.tsv", "# comment\n" + HEADER + row + "\n", countries.SCHEMA)


@pytest.mark.parametrize("second, problem", [
    ("AZE\tAJ\t\tstate\tAzerbaijan Republic", "iso3 'AZE' repeats line 2"),
    ("ARM\tAM\t373\tstate\tArmenia", "cow '373' is also AZE's"),
    ("ARM\tAM\t371\tstate\tArmenia\t\tAzeri", "name 'azeri' is also AZE's"),
])
def test_a_code_or_name_claimed_twice_stops_the_load(second, problem):
    rows = tuple(parse_tsv("countries.tsv", HEADER + "AZE\tAZ\t373\tstate\tAzerbaijan\t\tAzeri\n" + second + "\n",
                           countries.SCHEMA))
    with pytest.raises(DataFileError, match=f"^countries.tsv:3: {problem}"):
        countries._check_unique(rows)
