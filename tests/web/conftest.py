"""A small real store for the web tests: articles written for these tests,
stored through Store.add_coded with their sentences and hand-coded events."""
from __future__ import annotations

import pytest

from allies.model import Actor, CodedDocument, Document, Event, Sentence
from allies.store import Store

TOKEN = "test-token-5f1c9a"

# (title, date, url, paragraphs, events: (sentence index, source, target, cameo, quad, goldstein, extra))
ARTICLES = [
    (
        "Moscow and Baku sign a declaration on allied interaction",
        "2022-02-22",
        "https://news.example.org/2022/02/moscow-baku-declaration",
        ["Russia and Azerbaijan signed a declaration on allied interaction in Moscow on Tuesday.",
         "The Russian president called Azerbaijan a reliable partner in the Caucasus.",
         "Officials in both capitals said trade between them would keep growing."],
        [(0, ("Russia", "RUS"), ("Azerbaijan", "AZE"), "057", "verbal_cooperation", 8.0, {}),
         (1, ("The Russian president", "RUS"), ("Azerbaijan", "AZE"), "051", "verbal_cooperation", 3.4, {})],
    ),
    (
        "Baku accuses Russian peacekeepers of aiding separatists",
        "2023-03-10",
        "https://news.example.org/2023/03/baku-accuses",
        ["Azerbaijan accused Russian peacekeepers of helping Armenian separatists move weapons.",
         "The foreign ministry in Baku said the peacekeepers had not kept their promises.",
         "Moscow denied that its soldiers had done anything wrong."],
        [(0, ("Azerbaijan", "AZE"), ("Russian peacekeepers", "RUS"), "112", "verbal_conflict", -2.0, {}),
         (1, ("the foreign ministry in Baku", "AZE"), ("the peacekeepers", "RUS"), "112", "verbal_conflict", -2.0, {}),
         (2, ("Moscow", "RUS"), ("Azerbaijan", "AZE"), "190", "material_conflict", -10.0, {"negated": True})],
    ),
    (
        "<script>alert('title')</script> Ministers meet in Baku",
        "2023-05-04",
        None,
        ["Azerbaijani and Russian ministers met in Baku <b>today</b>.",
         "<script>alert('body')</script> They agreed to talk again in June."],
        [(0, ("Azerbaijani ministers", "AZE"), ("Russian ministers", "RUS"), "036", "verbal_cooperation", 4.0, {}),
         (1, ("They", "AZE"), ("Russia", "RUS"), "036", "verbal_cooperation", 4.0, {"modality": "future"})],
    ),
    (
        "Paris and Berlin hold talks on energy",
        "2023-06-01",
        "https://news.example.org/2023/06/paris-berlin",
        ["France and Germany held talks on energy prices in Berlin.",
         "Both governments promised a joint plan by the autumn."],
        [(0, ("France", "FRA"), ("Germany", "DEU"), "040", "verbal_cooperation", 1.0, {})],
    ),
]


def coded_article(title, date, url, paragraphs, events) -> CodedDocument:
    text = "\n\n".join(paragraphs)
    sentences, position = [], 0
    for index, sentence in enumerate(paragraphs):
        start = text.index(sentence, position)
        sentences.append(Sentence(index, sentence, start, start + len(sentence)))
        position = start + len(sentence)
    coded_events = []
    for index, (src_text, src), (tgt_text, tgt), cameo, quad, goldstein, extra in events:
        coded_events.append(Event(
            sentence_index=index, sentence=paragraphs[index],
            source=Actor(src_text, code=src + "GOV", country=src, sector="government"),
            target=Actor(tgt_text, code=tgt + "GOV", country=tgt, sector="government"),
            cameo=cameo, quad=quad, goldstein=goldstein, date=date, confidence=0.8, **extra,
        ))
    document = Document(text=text, title=title, date=date, url=url, source="Example News")
    return CodedDocument(document=document, sentences=sentences, events=coded_events)


def fill_store(store: Store) -> list[int]:
    return [store.add_coded(coded_article(*article)) for article in ARTICLES]


@pytest.fixture
def token() -> str:
    return TOKEN


@pytest.fixture
def store_path(tmp_path):
    path = tmp_path / "web.duckdb"
    with Store(path) as store:
        fill_store(store)
    return path


def _client(path, token):
    from fastapi.testclient import TestClient

    from allies.web import create_app

    app = create_app(Store(path), token=token)
    return app, TestClient(app)


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    """One app over one store for a whole module of tests that only read."""
    path = tmp_path_factory.mktemp("shared") / "web.duckdb"
    with Store(path) as store:
        fill_store(store)
    app, test_client = _client(path, TOKEN)
    with test_client:
        yield test_client
    app.state.web.access.close()


@pytest.fixture
def fresh_client(store_path):
    """An app over a store of its own, for tests that write."""
    app, test_client = _client(store_path, TOKEN)
    with test_client:
        yield test_client
    app.state.web.access.close()


@pytest.fixture
def client_without_token(store_path, monkeypatch):
    from fastapi.testclient import TestClient

    from allies.web import create_app

    monkeypatch.delenv("ALLIES_TOKEN", raising=False)
    app = create_app(Store(store_path))
    with TestClient(app) as test_client:
        yield test_client
    app.state.web.access.close()


class LiveServer:
    """uvicorn serving the app on a free 127.0.0.1 port in a background thread."""

    def __init__(self, app):
        import socket
        import threading

        import uvicorn

        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.app = app
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> "LiveServer":
        import time

        self.thread.start()
        deadline = time.monotonic() + 15
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(10)


@pytest.fixture(scope="module")
def live_server(tmp_path_factory):
    from allies.web import create_app

    path = tmp_path_factory.mktemp("live") / "live.duckdb"
    with Store(path) as store:
        fill_store(store)
    app = create_app(Store(path), token=TOKEN)
    with LiveServer(app) as server:
        yield server
    app.state.web.access.close()
