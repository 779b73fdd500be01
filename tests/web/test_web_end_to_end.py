"""Upload news through the API, let the real event coder code it, and ask."""
from __future__ import annotations

import pytest

ARTICLES = [
    {"title": "Russia and Azerbaijan sign a pact in Moscow", "date": "2022-02-22", "source": "Example Wire",
     "url": "https://wire.example.org/2022/02/pact",
     "text": "Russia and Azerbaijan signed a declaration on allied interaction in Moscow on Tuesday. "
             "The Russian president praised Azerbaijan as a close partner."},
    {"title": "Azerbaijan condemns Russian drone strike", "date": "2023-04-11", "source": "Example Wire",
     "url": "https://wire.example.org/2023/04/drone",
     "text": "Azerbaijan condemned Russia after a drone struck a village near the border. "
             "Azerbaijani officials accused Russian troops of attacking their positions."},
]


@pytest.fixture
def coder_present():
    pytest.importorskip("allies.nlp.events", reason="the event coder is not merged into this branch yet")


def test_upload_code_and_ask(coder_present, fresh_client, token):
    headers = {"Authorization": f"Bearer {token}"}
    report = fresh_client.post("/api/ingest", json=ARTICLES, headers=headers).json()["report"]
    assert report["added"] == 2 and report["events"] >= 2
    new_ids = set(report["article_ids"])
    events = fresh_client.get("/api/events", params={"country": "Azerbaijan", "partner": "Russia",
                                                      "limit": 500}).json()["events"]
    coded = [e for e in events if e["article_id"] in new_ids]
    assert coded and all(e["sentence"] for e in coded)
    answer = fresh_client.get("/api/ask", params={"q": "Are Azerbaijan and Russia allies?"}).json()
    cited = {item["article_id"] for item in answer["evidence"]}
    assert cited & new_ids
    article = fresh_client.get(f"/api/articles/{min(new_ids)}").json()
    assert any(e["source_country"] in ("AZE", "RUS") for e in article["events"])


def test_reads_stay_fast_while_an_upload_is_coded(coder_present, store_path, token):
    """A real server coding 40 uploaded articles keeps answering reads."""
    import json
    import threading
    import time
    import urllib.request

    from allies.store import Store
    from allies.web import create_app

    from .conftest import LiveServer

    documents = [{"title": f"Border talks, round {i}",
                  "text": f"Armenia and Georgia held talks on trade in Tbilisi for the {i}th time on Monday. "
                          "Officials said the round went well and promised another."} for i in range(40)]
    app = create_app(Store(store_path), token=token)
    finished: dict = {}
    with LiveServer(app) as server:
        def upload() -> None:
            request = urllib.request.Request(
                server.url + "/api/ingest", data=json.dumps(documents).encode(), method="POST",
                headers={"Content-Type": "application/json", "Authorization": f"Bearer {token}"})
            with urllib.request.urlopen(request, timeout=300) as response:
                finished["report"] = json.load(response)["report"]

        writer = threading.Thread(target=upload)
        writer.start()
        timings = []
        while writer.is_alive():
            started = time.perf_counter()
            with urllib.request.urlopen(server.url + "/api/events?country=AZE", timeout=30) as response:
                assert json.load(response)["total"] == 7
            timings.append(time.perf_counter() - started)
            time.sleep(0.05)
        writer.join()
    app.state.web.access.close()
    assert finished["report"]["added"] == 40
    assert timings, "the upload finished before any read was made"
    timings.sort()
    assert timings[len(timings) // 2] < 0.5  # median read while coding
