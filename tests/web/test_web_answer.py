"""The answer: /api/ask, /ask, /api/network and /network over the relations engine."""
from __future__ import annotations

import re

QUESTION = "Are Azerbaijan and Russia allies?"
VERDICTS = {"allied", "cooperative", "mixed", "tense", "hostile", "unknown"}


def test_api_ask_gives_verdict_ties_and_cited_evidence(client):
    response = client.get("/api/ask", params={"q": QUESTION, "all_dates": "true"})
    assert response.status_code == 200, response.text
    assert response.json()["window"] == "all_dates"
    assert client.get("/api/ask", params={"q": QUESTION}).json()["window"] == "latest_12_months"
    answer = response.json()
    assert answer["dyad"] == ["AZE", "RUS"]
    assert answer["verdict"] in VERDICTS and 0 <= answer["confidence"] <= 1
    assert answer["summary"]
    assert any("Allied Interaction" in tie["name"] for tie in answer["formal_ties"])
    # Official words of alliance, contradicted by accusations: never a plain "allied".
    assert answer["verdict"] != "allied"
    sentences = {item["sentence"] for item in answer["evidence"]}
    assert "Russia and Azerbaijan signed a declaration on allied interaction in Moscow on Tuesday." in sentences
    against = {item["sentence"] for item in answer["evidence_against"]}
    assert "Azerbaijan accused Russian peacekeepers of helping Armenian separatists move weapons." in against
    for item in answer["evidence"]:
        assert item["article_id"] and item["title"] and item["event"]["sentence_index"] is not None


def test_api_ask_window_and_errors(client):
    early = client.get("/api/ask", params={"q": QUESTION, "until": "2022-12-31"}).json()
    assert all(item["date"] <= "2022-12-31" for item in early["evidence"])
    for params, status, fragment in (
        ({"q": "Are Atlantis and Russia allies?"}, 400, "cannot tell which two countries"),
        ({"q": "What is the weather like?"}, 400, "cannot tell which two countries"),
        ({"q": QUESTION, "since": "soon"}, 400, "since: not a date"),
        ({"q": "x" * 301}, 422, "q"),
        ({}, 422, "q"),
    ):
        response = client.get("/api/ask", params=params)
        assert response.status_code == status, (params, response.text)
        assert fragment in response.json()["error"]


def test_answer_page(client):
    page = client.get("/ask", params={"q": QUESTION})
    assert page.status_code == 200
    html = page.text
    verdict = re.search(r'<span class="verdict verdict-(\w+)">', html).group(1)
    assert verdict in VERDICTS
    assert "Declaration on Allied Interaction" in html
    assert 'id="chart-activity"' in html and 'id="chart-goldstein"' in html
    links = re.findall(r'class="evidence-link" href="(/articles/\d+\?s=(\d+)#s(\d+))"', html)
    assert links and all(s == anchor for _, s, anchor in links)
    # escaped evidence titles
    assert "<script>alert(" not in html


def test_answer_page_without_two_countries_returns_to_the_question_box(client):
    page = client.get("/ask", params={"q": "Are Atlantis and Russia allies?"})
    assert page.status_code == 400
    assert 'role="alert"' in page.text and "cannot tell which two countries" in page.text
    assert 'value="Are Atlantis and Russia allies?"' in page.text
    assert client.get("/ask", follow_redirects=False).status_code == 303


def test_network_api_and_page(client):
    body = client.get("/api/network/Azerbaijani").json()
    assert body["country"] == "AZE"
    partners = {p["country"]: p for p in body["partners"]}
    assert partners["RUS"]["events"] >= 5
    assert "FRA" not in partners
    page = client.get("/network", params={"country": "Azerbaijan"})
    assert page.status_code == 200 and 'id="chart-network"' in page.text
    assert client.get("/network", params={"country": "Atlantis"}).status_code == 400


def test_api_check_weighs_a_claim(client):
    body = client.get("/api/check", params={"claim": "Russia is an ally of Azerbaijan"}).json()
    assert body["outcome"] in {"supported", "contradicted", "mixed", "not enough evidence"}
    assert body["dyad"] == ["RUS", "AZE"] or body["dyad"] == ["AZE", "RUS"]
    assert body["evidence"]
    vague = client.get("/api/check", params={"claim": "Russia and Azerbaijan"})
    assert vague.status_code == 400 and "error" in vague.json()


def test_answer_page_says_why_a_window_is_empty(client):
    page = client.get("/ask", params={"q": "Are Azerbaijan and Russia allies until 2019?"})
    assert page.status_code == 200
    assert "(… to 2019-12-31)" in page.text  # the question's own window is shown
    assert "No events between Azerbaijan and Russia from the beginning to 2019-12-31; the store&#39;s" in page.text
