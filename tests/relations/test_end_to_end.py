"""The corpora through the real pipeline: text -> event coder -> store -> verdict.

The coder's output is its own; these tests hold the engine to what must survive
any reasonable coding of the articles."""
import pytest

from allies.model import Document
from allies.relations import ask
from allies import Store  # the API store: ingest and ask

from .conftest import ALL_CORPORA, load_corpus

coder_module = pytest.importorskip("allies.nlp.events", reason="the event coder is not installed")


@pytest.fixture(scope="module")
def ingested(tmp_path_factory):
    store = Store(tmp_path_factory.mktemp("e2e") / "e2e.duckdb")
    docs = []
    for name in ALL_CORPORA:
        for art in load_corpus(name)["articles"]:
            docs.append(Document(text=" ".join(s["text"] for s in art["sentences"]), title=art["title"],
                                 date=art["date"], url=art["url"], source="example"))
    report = store.ingest_documents(docs)
    assert report.added == len(docs)
    yield store
    store.close()


def test_motivating_case_is_never_plainly_allied(ingested):
    answer = ask(ingested, "Are Azerbaijan and Russia allies?")
    assert answer.verdict.verdict != "allied"
    assert "Allied on paper since 22 February 2022" in answer.verdict.summary
    assert answer.verdict.gap and "contradicted" in answer.verdict.summary
    cited = answer.to_dict()["evidence_against"]
    assert cited and all(e["sentence"] and e["title"] and e["url"] for e in cited)


@pytest.mark.parametrize("question,allowed", [
    ("Are Turkey and Azerbaijan allies?", {"allied", "cooperative"}),
    ("How are relations between Russia and Ukraine?", {"hostile", "tense"}),
    ("How are relations between Serbia and Kosovo?", {"tense", "hostile"}),
    ("How are relations between India and Japan?", {"cooperative", "allied"}),
])
def test_clear_cases_survive_the_coder(ingested, question, allowed):
    assert ask(ingested, question).verdict.verdict in allowed
