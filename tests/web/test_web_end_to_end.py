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
