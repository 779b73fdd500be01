"""Fixtures for the relations engine: stores built from the hand-written,
hand-coded corpora in ``corpora/`` (each article's events coded by us, the way
the event coder would store them)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from allies.model import Actor, CodedDocument, Document, Event, Mention, Sentence
from allies.store import Store

CORPORA = Path(__file__).resolve().parent / "corpora"
SHARED_DATA = Path(__file__).resolve().parents[2] / ".." / "shared" / "data"
QUAD_OF_ROOT = {**{f"{i:02d}": "verbal_cooperation" for i in range(1, 6)},
                **{f"{i:02d}": "material_cooperation" for i in range(6, 10)},
                **{f"{i:02d}": "verbal_conflict" for i in range(10, 15)},
                **{f"{i:02d}": "material_conflict" for i in range(15, 21)}}


def load_corpus(name: str) -> dict:
    return json.loads((CORPORA / f"{name}.json").read_text(encoding="utf-8"))


def coded_documents(corpus: dict) -> list[CodedDocument]:
    out = []
    for art in corpus["articles"]:
        text, sentences, events, mentions = "", [], [], []
        for i, sent in enumerate(art["sentences"]):
            start = len(text)
            text += sent["text"] + " "
            sentences.append(Sentence(i, sent["text"], start, start + len(sent["text"])))
            # The mentions the coder would record: speaker, source and target, in that order.
            named = []
            for ev in sent.get("events", []):
                for key in ("speaker", "source", "target"):
                    if ev.get(key) and ev[key] not in named:
                        named.append(ev[key])
            for offset, country in enumerate(named):
                mentions.append(Mention(i, start + offset, start + offset + 1, Actor(text=country, country=country)))
            for ev in sent.get("events", []):
                speaker = Actor(text=ev["speaker"], country=ev["speaker"]) if ev.get("speaker") else None
                events.append(Event(
                    sentence_index=i, sentence=sent["text"],
                    source=Actor(text=ev["source"], code=ev["source"] + ev.get("source_sector", "GOV")[:3].upper(),
                                 country=ev["source"], sector=ev.get("source_sector")),
                    target=Actor(text=ev["target"], country=ev["target"], sector=ev.get("target_sector")),
                    cameo=ev["cameo"], quad=QUAD_OF_ROOT[ev["cameo"][:2]], goldstein=ev["goldstein"],
                    negated=ev.get("negated", False), modality=ev.get("modality", "asserted"),
                    speaker=speaker, date=art["date"], confidence=ev.get("confidence", 0.8)))
        doc = Document(text=text.strip(), title=art["title"], date=art["date"], url=art["url"], source="example")
        out.append(CodedDocument(document=doc, sentences=sentences, mentions=mentions, events=events))
    return out


def fill_store(store: Store, *names: str) -> None:
    for name in names:
        for coded in coded_documents(load_corpus(name)):
            store.add_coded(coded)


ALL_CORPORA = sorted(p.stem for p in CORPORA.glob("*.json"))


@pytest.fixture(scope="session")
def corpus_store(tmp_path_factory):
    """One store holding every corpus (they are about different dyads)."""
    path = tmp_path_factory.mktemp("relations") / "corpora.duckdb"
    store = Store(path)
    fill_store(store, *ALL_CORPORA)
    yield store
    store.close()


@pytest.fixture
def empty_store(tmp_path):
    store = Store(tmp_path / "empty.duckdb")
    yield store
    store.close()
