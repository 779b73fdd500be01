"""People followed through one article: names in either order, appositions, officials of
the dateline's state, "he" and "the leaders" (articles written for these tests)."""
from __future__ import annotations

import pytest

from allies.nlp.actors import ActorKB, ArticleActors


@pytest.fixture(scope="module")
def kb():
    return ActorKB.default()


# ----- the article's memory of names -------------------------------------------------

def test_a_table_name_written_without_its_hyphen_is_known(kb):
    actor = kb.lookup("Lee Jae Myung", "2025-08-01")
    assert actor is not None and actor.code == "KORGOV" and actor.person == "Lee Jae-myung"


def test_the_family_name_first_is_learned_like_a_surname(kb):
    memory = ArticleActors(kb, "2025-06-02")
    memory.resolve("Vietnamese Prime Minister Tran Van Long")
    assert memory.resolve("Tran").code == "VNMGOV"
    memory.resolve("Norwegian Foreign Minister Ola Nordvik")
    assert memory.resolve("Nordvik").country == "NOR"
    assert memory.resolve("Tran").country == "VNM"


def test_a_given_name_does_not_take_a_name_from_another_person(kb):
    memory = ArticleActors(kb, "2025-06-02")
    memory.resolve("Ghanaian Trade Minister Kofi Asante")
    memory.resolve("Kenyan Interior Minister Asante Wekesa")  # "Asante" is his first name
    assert memory.resolve("Asante").country == "GHA"
    # a surname is the person named last with it
    other = ArticleActors(kb, "2025-06-02")
    other.resolve("Kenyan Interior Minister Asante Wekesa")
    other.resolve("Ghanaian Trade Minister Kofi Asante")
    assert other.resolve("Asante").country == "GHA"


def test_a_word_of_a_name_that_names_something_else_is_not_learned(kb):
    memory = ArticleActors(kb, "2025-06-02")
    memory.resolve("Defence Minister Jordan Blake of Canada")
    assert memory.resolve("Jordan").country == "JOR"


def test_an_office_holder_of_a_state_the_article_names_needs_no_full_name(kb):
    memory = ArticleActors(kb, "2024-06-19")
    memory.foresee([], ["North Korea", "Russian"])
    actor = memory.resolve("Kim")
    assert actor is not None and actor.code == "PRKGOV" and actor.person == "Kim Jong-un"
    assert ArticleActors(kb, "2024-06-19").resolve("Kim") is None  # no North Korea in the article


def test_a_name_the_article_spells_out_overrides_a_foreseen_one(kb):
    memory = ArticleActors(kb, "2024-06-19")
    memory.foresee([], ["North Korea", "South Korea"])
    memory.resolve("South Korean Defence Minister Kim Do-hyun")
    assert memory.resolve("Kim").person == "Kim Do-hyun"


def test_a_title_of_a_state_then_a_name(kb):
    memory = ArticleActors(kb, "2023-12-03")
    actor = memory.resolve("the president of Ghana Kwame Boateng")
    assert actor.code == "GHAGOV" and actor.person == "Kwame Boateng"
    assert memory.resolve("Boateng").person == "Kwame Boateng"
    assert kb.lookup("the president of France Monday", "2023-12-03").country == "FRA"


def test_an_official_with_no_state_is_of_the_datelines_state(kb):
    memory = ArticleActors(kb, "2025-05-07")
    memory.home = "SDN"
    actor = memory.resolve("Interior Minister Osman Hamid Idris")
    assert actor.code == "SDNGOV" and actor.person == "Osman Hamid Idris"
    assert memory.resolve("Idris").code == "SDNGOV"
    assert ArticleActors(kb, "2025-05-07").resolve("Interior Minister Osman Hamid Idris") is None
