"""data/function_words.tsv: the closed word classes, checked at load."""
from __future__ import annotations

import re

import pytest

from allies.nlp import function_words as fw
from allies.nlp.tables import DataFileError, parse_tsv


def test_every_class_of_the_shipped_file_has_words():
    for name in fw.CLASSES:
        assert fw.function_words(name), name
    assert "no longer" in fw.function_words("plain_negation")
    assert fw.word_list("dominant_sector") == ("rebels", "opposition")  # order matters there


def test_a_misspelt_class_fails_with_its_line():
    text = "# a comment\nclass\tword\ndeterminer\tthe\ndeterminers\tan\n"
    with pytest.raises(DataFileError, match=r"^function_words\.tsv:4: column class: unknown word class 'determiners'"):
        parse_tsv("function_words.tsv", text, fw.SCHEMA)


def test_a_capitalised_word_fails_with_its_line():
    with pytest.raises(DataFileError, match=r"^function_words\.tsv:2: column word: 'The' is not lower case"):
        parse_tsv("function_words.tsv", "class\tword\ndeterminer\tThe\n", fw.SCHEMA)


def test_an_unknown_dominant_sector_fails_with_its_line(monkeypatch):
    from allies.nlp.actors import phrases

    rows = parse_tsv("function_words.tsv", "class\tword\ndominant_sector\trebels\ndominant_sector\trebel\n", fw.SCHEMA)
    monkeypatch.setattr(phrases, "word_rows", lambda name: tuple(rows))
    with pytest.raises(DataFileError, match=r"^function_words\.tsv:3: column word: unknown sector 'rebel'"):
        phrases._dominant_sectors()


def test_an_alternation_matches_each_word_literally():
    pattern = re.compile(rf"^(?:{fw.alternation('phrase_glue')})$")
    assert pattern.match("- based") and pattern.match("-based") and pattern.match("of the")
    assert not pattern.match("of  the") and not pattern.match("x-based")


def test_an_unknown_class_is_asked_for_by_mistake():
    with pytest.raises(KeyError):
        fw.function_words("determiners")
