"""The data-file loader: every coder table is checked against its schema at load."""
from __future__ import annotations

import pytest

from allies.nlp.patterns import SCHEMAS, table
from allies.nlp.tables import DataFileError, parse_tsv

VOICE = SCHEMAS["voice_words.tsv"]


def test_rows_keep_their_file_and_line():
    rows = parse_tsv("voice_words.tsv", "# a comment\nword\tcategory\n\nif\tconditional\nunless\tconditional\n", VOICE)
    assert [(row["word"], row.line) for row in rows] == [("if", 4), ("unless", 5)]
    assert rows[0].where == "voice_words.tsv:4"


def test_a_misspelt_category_fails_with_its_line():
    text = "word\tcategory\nif\tconditional\nunless\tcondtional\n"
    with pytest.raises(DataFileError, match=r"^voice_words\.tsv:3: column category: unknown category 'condtional'"):
        parse_tsv("voice_words.tsv", text, VOICE)


def test_a_code_the_code_book_lacks_fails():
    text = "verb\tframe\tcameo\nattack\t-\t190\nbomb\t-\t1999\n"
    with pytest.raises(DataFileError, match=r"^verb_patterns\.tsv:3: column cameo: '1999' is not in the CAMEO code book"):
        parse_tsv("verb_patterns.tsv", text, SCHEMAS["verb_patterns.tsv"])


def test_a_wrong_header_or_field_count_fails():
    with pytest.raises(DataFileError, match=r"^epithets\.tsv:1: header"):
        parse_tsv("epithets.tsv", "word\tcode\nally\t051\n", SCHEMAS["epithets.tsv"])
    with pytest.raises(DataFileError, match=r"^epithets\.tsv:2: 1 fields, expected 2"):
        parse_tsv("epithets.tsv", "word\tcameo\nally\n", SCHEMAS["epithets.tsv"])


def test_frame_items_may_spill_into_columns_of_their_own():
    rows = parse_tsv("verb_patterns.tsv", "verb\tframe\tcameo\nstep\tup\t=cooperation\t050\n",
                     SCHEMAS["verb_patterns.tsv"])
    assert rows[0]["frame"] == "up =cooperation" and rows[0]["cameo"] == "050"


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_every_shipped_table_passes_its_schema(name):
    assert table(name)


def test_word_classes_expand_in_verb_and_object_columns():
    from allies.nlp.patterns import pattern_book

    book = pattern_book()
    # One row "@easing_verb =@restriction 081" gives every easing verb a frame for every restriction.
    for verb in ("suspend", "scrap", "waive"):
        frame = book.match_verb(verb, set(), {"quota"})
        assert frame is not None and frame.cameo == "081"
    assert book.match_verb("scrap", set(), {"tariff"}).cameo == "085"


def test_an_unknown_word_class_fails_with_the_rows_line():
    from allies.nlp.patterns import PatternBook
    from allies.nlp.tables import Row

    book = PatternBook.__new__(PatternBook)
    book.word_classes = {"restriction": ("ban",)}
    row = Row("verb_patterns.tsv", 12, {"verb": "@easing", "frame": "-", "cameo": "081"})
    with pytest.raises(DataFileError, match=r"verb_patterns.tsv:12: unknown word class '@easing'"):
        book._expand(["@easing"], row)
