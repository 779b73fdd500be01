"""POST /api/ingest and the upload form: token, formats, limits."""
from __future__ import annotations

import pytest

from allies.store import Store

ARTICLE = {
    "title": "Tbilisi and Yerevan agree on a new border crossing",
    "date": "2024-04-12",
    "url": "https://news.example.org/2024/04/border-crossing",
    "source": "Example News",
    "text": "Georgia and Armenia agreed on Friday to open a new border crossing. "
            "Ministers from both countries said the crossing would help trade.",
}


def auth(token):
    return {"Authorization": f"Bearer {token}"}


def test_ingest_json_needs_the_token(fresh_client, token):
    missing = fresh_client.post("/api/ingest", json=ARTICLE)
    assert missing.status_code == 401
    assert missing.headers["www-authenticate"] == "Bearer"
    assert "token" in missing.json()["error"]
    wrong = fresh_client.post("/api/ingest", json=ARTICLE, headers=auth(token + "x"))
    assert wrong.status_code == 401
    basic = fresh_client.post("/api/ingest", json=ARTICLE, headers={"Authorization": f"Basic {token}"})
    assert basic.status_code == 401
    assert fresh_client.get("/api/articles").json()["total"] == 4


def test_ingest_disabled_without_a_token(client_without_token):
    response = client_without_token.post("/api/ingest", json=ARTICLE, headers=auth(""))
    assert response.status_code == 403
    assert "ALLIES_TOKEN" in response.json()["error"]
    page = client_without_token.get("/upload")
    assert "Uploads are disabled" in page.text and "<fieldset disabled>" in page.text


def test_ingest_json_stores_the_article(fresh_client, token):
    response = fresh_client.post("/api/ingest", json=ARTICLE, headers=auth(token))
    assert response.status_code == 201
    report = response.json()["report"]
    assert report["added"] == 1 and report["duplicates"] == 0
    article = fresh_client.get(f"/api/articles/{report['article_ids'][0]}").json()
    assert article["title"] == ARTICLE["title"] and article["date"] == "2024-04-12"
    assert article["url"] == ARTICLE["url"] and article["source"] == "Example News"
    # the headline is coded as a sentence of its own, then the two of the text
    assert len(article["sentences"]) == 3 and article["sentences"][0]["is_headline"]
    again = fresh_client.post("/api/ingest", json=ARTICLE, headers=auth(token)).json()["report"]
    assert again["added"] == 0 and again["duplicates"] == 1


def test_ingest_json_list(fresh_client, token):
    second = {**ARTICLE, "text": "Armenia and Georgia held a second round of talks on the crossing.", "url": None}
    report = fresh_client.post("/api/ingest", json=[ARTICLE, second], headers=auth(token)).json()["report"]
    assert report["added"] == 2


@pytest.mark.parametrize("body, fragment", [
    ({"title": "no text"}, "'text' is required"),
    ({"text": "   "}, "'text' is required"),
    ({"text": "Some text.", "date": "yesterday"}, "date: not a day"),
    ({"text": "Some text.", "url": "javascript:alert(1)"}, "'url' must start with http"),
    ({"text": "Some text.", "colour": "red"}, "unknown field"),
    ({"text": 5}, "'text' must be a string"),
    ([], "no documents"),
    ("just a string", "expected an object"),
])
def test_ingest_json_bad_documents(fresh_client, token, body, fragment):
    response = fresh_client.post("/api/ingest", json=body, headers=auth(token))
    assert response.status_code == 400
    assert fragment in response.json()["error"]
    assert fresh_client.get("/api/articles").json()["total"] == 4


def test_ingest_malformed_json_and_wrong_type(fresh_client, token):
    bad = fresh_client.post("/api/ingest", content=b"{not json", headers={**auth(token), "Content-Type": "application/json"})
    assert bad.status_code == 400 and bad.json() == {"error": "the body is not valid JSON"}
    plain = fresh_client.post("/api/ingest", content=b"text", headers={**auth(token), "Content-Type": "text/plain"})
    assert plain.status_code == 415


def test_ingest_files(fresh_client, token, store_path):
    files = [
        ("file", ("../../outside.txt", ARTICLE["text"].encode(), "text/plain")),
        ("file", ("second.txt", b"Armenia thanked Georgia for its help with the new crossing.", "text/plain")),
    ]
    response = fresh_client.post("/api/ingest", files=files, headers=auth(token))
    assert response.status_code == 201, response.text
    report = response.json()["report"]
    assert report["added"] == 2
    found = fresh_client.get("/api/articles", params={"q": "border crossing"}).json()
    assert found["total"] == 1
    assert not (store_path.parent.parent / "outside.txt").exists()
    article = fresh_client.get(f"/api/articles/{found['articles'][0]['article_id']}").json()
    assert "path" not in article  # server paths are not shown
    stored = fresh_client.app.state.web.access
    with stored.reader() as store:
        path = store.article(found["articles"][0]["article_id"])["path"]
    assert path.endswith("001-outside.txt") and ".." not in path


def test_ingest_reports_unreadable_files(fresh_client, token):
    files = [("file", ("data.bin", b"\x00\x01\x02binary", "application/octet-stream"))]
    response = fresh_client.post("/api/ingest", files=files, headers=auth(token))
    report = response.json()["report"]
    assert report["added"] == 0 and len(report["skipped"]) == 1


def test_upload_limit_gives_413(store_path, token):
    from fastapi.testclient import TestClient

    from allies.web import create_app

    app = create_app(Store(store_path), token=token, max_upload=2048)
    with TestClient(app) as small:
        big = {"text": "Georgia and Armenia talked. " * 200}
        response = small.post("/api/ingest", json=big, headers=auth(token))
        assert response.status_code == 413
        assert "larger than the limit" in response.json()["error"]
        files = [("file", ("big.txt", b"a" * 5000, "text/plain"))]
        assert small.post("/api/ingest", files=files, headers=auth(token)).status_code == 413
        page = small.post("/upload", data={"token": token, "text": "x" * 5000})
        assert page.status_code == 413
        assert small.get("/api/articles").json()["total"] == 4
    app.state.web.access.close()


def test_upload_limit_counts_streamed_bytes(store_path, token):
    """A body sent without Content-Length is counted as it arrives."""
    from fastapi.testclient import TestClient

    from allies.web import create_app

    app = create_app(Store(store_path), token=token, max_upload=2048)

    def chunks():
        for _ in range(10):
            yield b'{"text": "' + b"a" * 500 + b'"}'

    with TestClient(app) as small:
        response = small.post("/api/ingest", content=chunks(),
                              headers={**auth(token), "Content-Type": "application/json"})
        assert response.status_code == 413
    app.state.web.access.close()


def test_upload_form(fresh_client, token):
    wrong = fresh_client.post("/upload", data={"token": "nope", "text": ARTICLE["text"]})
    assert wrong.status_code == 401 and "Wrong token" in wrong.text
    empty = fresh_client.post("/upload", data={"token": token})
    assert empty.status_code == 400 and "choose a file or paste" in empty.text
    done = fresh_client.post("/upload", data={"token": token, **{k: v for k, v in ARTICLE.items()}})
    assert done.status_code == 200
    assert "1 article(s) added" in done.text
    assert fresh_client.get("/api/articles", params={"q": "border crossing"}).json()["total"] == 1
    with_file = fresh_client.post("/upload", data={"token": token},
                            files=[("file", ("note.txt", b"Armenia and Georgia signed a transit deal.", "text/plain"))])
    assert with_file.status_code == 200 and "1 article(s) added" in with_file.text


def test_an_empty_file_is_skipped_and_the_good_one_stored(fresh_client, token):
    files = [("file", ("good.txt", b"Armenia and Georgia opened a new border crossing on Monday.", "text/plain")),
             ("file", ("empty.txt", b"", "text/plain")),
             ("file", ("binary.txt", b"\x00\x01\x02\x03binary", "application/octet-stream"))]
    response = fresh_client.post("/api/ingest", files=files, headers=auth(token))
    assert response.status_code == 201, response.text
    report = response.json()["report"]
    assert report["added"] == 1
    reasons = {skip["where"]: skip["reason"] for skip in report["skipped"]}
    assert set(reasons) == {"empty.txt", "binary.txt"} and reasons["empty.txt"] == "the file is empty"
    assert "/tmp" not in response.text and "allies-upload" not in response.text  # no server temp paths


def test_a_duplicate_upload_is_200_already_stored(fresh_client, token):
    files = [("file", ("note.txt", b"Armenia and Georgia signed a transit deal in Tbilisi.", "text/plain"))]
    first = fresh_client.post("/api/ingest", files=files, headers=auth(token))
    assert first.status_code == 201 and first.json()["status"] == "ok"
    again = fresh_client.post("/api/ingest", files=files, headers=auth(token))
    assert again.status_code == 200 and again.json()["status"] == "already stored"
    assert again.json()["report"]["duplicates"] == 1
    page = fresh_client.post("/upload", data={"token": token}, files=files)
    assert page.status_code == 200 and "Already stored" in page.text


def test_an_upload_of_only_empty_files_stores_nothing(fresh_client, token):
    files = [("file", ("empty.txt", b"", "text/plain"))]
    response = fresh_client.post("/api/ingest", files=files, headers=auth(token))
    assert response.status_code == 200 and response.json()["status"] == "nothing stored"
    assert response.json()["report"]["skipped"] == [{"where": "empty.txt", "reason": "the file is empty"}]
