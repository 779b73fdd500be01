"""REST API over a real store (TestClient)."""
from __future__ import annotations

import duckdb
import pytest


def test_health_counts_the_store(client):
    body = client.get("/api/health").json()
    assert body["status"] == "ok"
    assert body["articles"] == 4
    assert body["events"] == 8
    assert body["first_date"] == "2022-02-22" and body["last_date"] == "2023-06-01"
    assert body["uploads"] is True


def test_events_total_and_pagination(client):
    first = client.get("/api/events", params={"limit": 3}).json()
    assert first["total"] == 8 and len(first["events"]) == 3 and first["offset"] == 0
    rest = client.get("/api/events", params={"limit": 3, "offset": 3}).json()
    tail = client.get("/api/events", params={"limit": 3, "offset": 6}).json()
    ids = [e["event_id"] for page in (first, rest, tail) for e in page["events"]]
    assert len(ids) == 8 and len(set(ids)) == 8
    # newest first by default
    dates = [e["date"] for e in first["events"]]
    assert dates == sorted(dates, reverse=True)
    assert first["events"][0]["date"] == "2023-06-01"


@pytest.mark.parametrize("value", ["Azerbaijan", "AZE", "azerbaijan"])
def test_events_by_country_accepts_names_and_codes(client, value):
    body = client.get("/api/events", params={"country": value}).json()
    assert body["total"] == 7
    assert all("AZE" in (e["source_country"], e["target_country"]) for e in body["events"])


def test_events_filters(client):
    get = lambda **p: client.get("/api/events", params=p).json()  # noqa: E731
    assert get(country="FRA", partner="DEU")["total"] == 1
    assert get(country="AZE", partner="FRA")["total"] == 0
    assert get(source="AZE")["total"] == 4
    assert get(source="RUS", target="AZE")["total"] == 3
    assert get(source="AZEGOV")["total"] == 4  # an actor code
    assert get(quad="verbal_conflict")["total"] == 2
    assert get(cameo="11")["total"] == 2
    assert get(cameo="057")["total"] == 1
    assert get(origin="coded")["total"] == 8
    assert get(origin="gdelt")["total"] == 0
    assert get(since="2023-01-01", until="2023-03-31")["total"] == 3
    assert get(since="2023-05")["total"] == 3
    events = get(order="goldstein")["events"]
    assert events[0]["goldstein"] == -10.0 and events[0]["negated"] is True


def test_events_carry_sentence_and_article(client):
    event = client.get("/api/events", params={"cameo": "057"}).json()["events"][0]
    assert event["sentence"].startswith("Russia and Azerbaijan signed a declaration")
    assert event["article_title"] == "Moscow and Baku sign a declaration on allied interaction"
    assert event["source_country"] == "RUS" and event["target_country"] == "AZE"


@pytest.mark.parametrize("params, fragment", [
    ({"quad": "friendly"}, "quad must be one of"),
    ({"since": "the 22nd of Feb"}, "since: not a date"),
    ({"since": "2023-02-30"}, "since: not a date"),
    ({"since": "2023-05-01", "until": "2023-01-01"}, "since (2023-05-01) is after until (2023-01-01)"),
    ({"country": "Atlantis"}, "unknown country"),
    ({"cameo": "1a"}, "cameo must be"),
    ({"partner": "RUS"}, "partner needs country"),
    ({"order": "date; DROP TABLE events"}, "order must be one of"),
    ({"origin": "x' OR '1'='1"}, "origin must be"),
])
def test_events_bad_input_is_a_json_400(client, params, fragment):
    response = client.get("/api/events", params=params)
    assert response.status_code == 400
    assert fragment in response.json()["error"]
    assert "--" not in response.json()["error"]  # API errors name no CLI flag


@pytest.mark.parametrize("path, params", [("/api/ask", {"q": "Are Azerbaijan and Russia allies?"}),
                                          ("/api/dyads/RUS/AZE", {}), ("/api/network/RUS", {})])
def test_an_empty_window_names_no_cli_flag(client, path, params):
    response = client.get(path, params={**params, "since": "2024", "until": "2023"})
    assert response.status_code == 400
    assert response.json()["error"] == "since (2024-01-01) is after until (2023-12-31): the window is empty"


def test_until_a_year_keeps_that_year(client):
    """until=2022 means the end of 2022 on every endpoint, as in a question."""
    events = client.get("/api/events", params={"until": "2022"}).json()
    assert events["total"] == client.get("/api/events", params={"until": "2022-12-31"}).json()["total"]
    answer = client.get("/api/ask", params={"q": "Azerbaijan and Russia", "until": "2022"}).json()
    assert answer["until"] == "2022-12-31"


@pytest.mark.parametrize("params", [{"limit": 0}, {"limit": 501}, {"offset": -1}, {"limit": "ten"}])
def test_events_bad_paging_is_a_json_422(client, params):
    response = client.get("/api/events", params=params)
    assert response.status_code == 422
    assert set(response.json()) == {"error"}


def test_injection_attempts_change_nothing(client, store_path):
    for params in ({"country": "RUS' OR 1=1 --"}, {"source": "AZE'); DROP TABLE events; --"}):
        assert client.get("/api/events", params=params).status_code == 400
    found = client.get("/api/articles", params={"q": "%' OR '1'='1"}).json()
    assert found["total"] == 0
    assert client.get("/api/events").json()["total"] == 8


def test_article_search(client):
    found = client.get("/api/articles", params={"q": "PEACEKEEPERS"}).json()
    assert found["total"] == 1
    article = found["articles"][0]
    assert article["title"] == "Baku accuses Russian peacekeepers of aiding separatists"
    assert "peacekeepers" in article["snippet"].lower() and article["events"] == 3
    # LIKE wildcards are literal text
    assert client.get("/api/articles", params={"q": "%"}).json()["total"] == 0
    assert client.get("/api/articles", params={"q": "_"}).json()["total"] == 0
    everything = client.get("/api/articles").json()
    assert everything["total"] == 4
    assert [a["date"] for a in everything["articles"]] == ["2023-06-01", "2023-05-04", "2023-03-10", "2022-02-22"]
    assert client.get("/api/articles", params={"q": "x" * 201}).status_code == 422


def test_article_with_sentences_and_events(client):
    article_id = client.get("/api/articles", params={"q": "peacekeepers"}).json()["articles"][0]["article_id"]
    article = client.get(f"/api/articles/{article_id}").json()
    assert [s["sentence_index"] for s in article["sentences"]] == [0, 1, 2]
    assert article["sentences"][2]["text"] == "Moscow denied that its soldiers had done anything wrong."
    assert [e["cameo"] for e in article["events"]] == ["112", "112", "190"]
    assert article["events"][2]["negated"] is True
    assert article["url"] == "https://news.example.org/2023/03/baku-accuses"


def test_article_errors(client):
    missing = client.get("/api/articles/999")
    assert missing.status_code == 404 and missing.json() == {"error": "no article 999"}
    assert client.get("/api/articles/abc").status_code == 422
    assert client.get("/api/articles/0").status_code == 422
    unknown = client.get("/api/no-such-endpoint")
    assert unknown.status_code == 404 and "error" in unknown.json()


def test_dyad_monthly_table(client):
    body = client.get("/api/dyads/Azerbaijan/Russian").json()
    assert body["dyad"] == ["AZE", "RUS"] and body["names"] == ["Azerbaijan", "Russia"]
    rows = {(r["month"], r["source"]): r for r in body["rows"]}
    assert rows[("2022-02", "RUS")]["verbal_cooperation"] == 2
    assert rows[("2023-03", "AZE")]["verbal_conflict"] == 2
    # the negated denial and the future-tense promise do not count
    assert ("2023-03", "RUS") not in rows
    assert rows[("2023-05", "AZE")]["verbal_cooperation"] == 1
    directions = {(d["source"], d["target"]): d for d in body["directions"]}
    assert directions[("AZE", "RUS")]["conflict"] == 2
    ranged = client.get("/api/dyads/AZE/RUS", params={"since": "2023-01-01"}).json()
    assert {r["month"] for r in ranged["rows"]} == {"2023-03", "2023-05"}


def test_dyad_errors(client):
    assert client.get("/api/dyads/AZE/AZE").status_code == 400
    response = client.get("/api/dyads/AZE/Atlantis")
    assert response.status_code == 400 and "unknown country" in response.json()["error"]


def test_openapi_describes_the_api_and_swagger_is_not_loaded_from_a_cdn(client):
    spec = client.get("/openapi.json").json()
    for path in ("/api/ask", "/api/check", "/api/network/{country}", "/api/dyads/{a}/{b}", "/api/events", "/api/articles", "/api/articles/{article_id}",
                 "/api/ingest"):
        assert path in spec["paths"]
    assert "post" in spec["paths"]["/api/ingest"]
    assert "/" not in spec["paths"] and "/static/{asset}" not in spec["paths"]
    assert client.get("/docs").status_code == 404
    docs = client.get("/api-docs")
    assert docs.status_code == 200 and "/api/events" in docs.text and "cdn" not in docs.text.lower()


def test_security_headers_on_pages_api_and_errors(client):
    for url in ("/", "/api/events", "/api/articles/999", "/static/style.css"):
        headers = client.get(url).headers
        csp = headers["content-security-policy"]
        assert "script-src 'self'" in csp and "default-src 'none'" in csp
        assert "http" not in csp  # no remote origins
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "no-referrer"
        assert headers["x-frame-options"] == "DENY"


def test_plotly_and_its_licence_are_served_locally(client):
    script = client.get("/static/vendor/plotly.min.js")
    assert script.status_code == 200
    assert script.headers["content-type"].startswith("text/javascript")
    assert "plotly.js" in script.text[:500]
    licence = client.get("/static/vendor/plotly-LICENSE.txt")
    assert licence.status_code == 200 and "Plotly" in licence.text and "MIT" in licence.text


@pytest.mark.parametrize("path", [
    "/static/%2e%2e/app.py",
    "/static/..%2fapp.py",
    "/static/%2e%2e%2f%2e%2e%2fstore/db.py",
    "/static/vendor/..%2F..%2Fweb%2Fapp.py",
    "/static/%252e%252e/app.py",
    "/static/..%5capp.py",
    "/static/style.css%00.py",
    "/static//etc/passwd",
    "/static/%2Fetc%2Fpasswd",
])
def test_static_paths_cannot_escape(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert "import" not in response.text and "root:" not in response.text


def test_reads_do_not_wait_for_a_running_write(client):
    """While the writer holds an open transaction, reads answer at once from
    the last committed state."""
    import threading
    import time

    access = client.app.state.web.access
    inside, release = threading.Event(), threading.Event()

    def slow_write(store):
        store.con.execute("BEGIN TRANSACTION")
        store.con.execute("DELETE FROM events")
        inside.set()
        release.wait(10)
        store.con.execute("ROLLBACK")

    writer = threading.Thread(target=access.write, args=(slow_write,))
    writer.start()
    try:
        assert inside.wait(10)
        started = time.perf_counter()
        body = client.get("/api/events").json()
        elapsed = time.perf_counter() - started
        assert body["total"] == 8
        assert elapsed < 2.0
    finally:
        release.set()
        writer.join(10)
    assert client.get("/api/events").json()["total"] == 8


def test_closing_the_app_releases_the_store(fresh_client, store_path):
    # The server holds the only writer; once it closes, others can open the file.
    fresh_client.app.state.web.access.close()
    con = duckdb.connect(str(store_path), read_only=True)
    try:
        assert con.execute("SELECT count(*) FROM events").fetchone()[0] == 8
    finally:
        con.close()


def test_active_dyads_agree_with_and_without_the_derived_tables(fresh_client):
    from allies.web import queries

    access = fresh_client.app.state.web.access
    # A new event written behind the server's back leaves the derived tables stale...
    access.store.con.execute(
        "INSERT INTO events (event_id, origin, date, source_country, target_country, cameo, quad, goldstein) "
        "VALUES (100, 'gdelt', DATE '2024-01-05', 'USA', 'CHN', '111', 'verbal_conflict', -2.0)")
    with access.reader() as view:
        stale = queries.active_dyads(view)
    access.write(lambda view: None)  # ...until the writer refreshes them
    with access.reader() as view:
        fresh = queries.active_dyads(view)
    assert stale == fresh
    pairs = {(d["a"], d["b"]): d for d in fresh}
    assert pairs[("AZE", "RUS")]["events"] == 5  # the negated and the future-tense events do not count
    assert pairs[("AZE", "RUS")]["conflict"] == 2
    assert pairs[("CHN", "USA")]["last_month"] == "2024-01"
