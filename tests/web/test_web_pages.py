"""Server-rendered pages: content, escaping, highlighting, chart specs."""
from __future__ import annotations

import json
import re


def chart_specs(html: str) -> dict[str, dict]:
    found = re.findall(r'<script type="application/json" class="chart-spec" data-target="([^"]+)">(.*?)</script>',
                       html, re.S)
    return {target: json.loads(body) for target, body in found}


def article_id(client, text: str) -> int:
    return client.get("/api/articles", params={"q": text}).json()["articles"][0]["article_id"]


def test_home_has_question_box_and_active_dyads(client):
    page = client.get("/")
    assert page.status_code == 200
    assert 'name="q"' in page.text and 'action="/ask"' in page.text
    dyads = re.findall(r'class="dyad-link"[^>]*>([^<]+)</a>', page.text)
    assert dyads[0].startswith("Azerbaijan") and "Russia" in dyads[0]
    assert any("France" in d and "Germany" in d for d in dyads)
    assert "4 articles, 8 events" in page.text


def test_no_inline_scripts_anywhere(client):
    aid = article_id(client, "peacekeepers")
    for url in ("/", "/articles", f"/articles/{aid}", "/dyad?a=AZE&b=RUS", "/upload", "/api-docs", "/network"):
        html = client.get(url).text
        for tag in re.findall(r"<script\b[^>]*>", html):
            assert 'src="/static/' in tag or 'type="application/json"' in tag, (url, tag)
        assert not re.search(r"\son[a-z]+\s*=", html), url  # no inline event handlers


def test_article_text_and_title_are_escaped(client):
    aid = article_id(client, "ministers met")
    html = client.get(f"/articles/{aid}").text
    assert "<script>alert(" not in html and "<b>today</b>" not in html
    assert "&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt; Ministers meet in Baku" in html
    assert "&lt;script&gt;alert(&#39;body&#39;)&lt;/script&gt;" in html
    listing = client.get("/articles", params={"q": "ministers"}).text
    assert "<script>alert(" not in listing and "&lt;script&gt;" in listing


def test_article_page_highlights_the_cited_sentence(client):
    aid = article_id(client, "peacekeepers")
    html = client.get(f"/articles/{aid}", params={"s": 2}).text
    highlighted = re.findall(r'<span class="sentence([^"]*)" id="s(\d+)">', html)
    assert [i for classes, i in highlighted if "highlight" in classes] == ["2"]
    assert len(highlighted) == 3
    assert html.count("<p>") >= 3  # the article's paragraphs are kept
    assert "Events coded from this article" in html and "negated" in html
    plain = client.get(f"/articles/{aid}").text
    assert not re.search(r'class="sentence[^"]*highlight', plain)


def test_article_page_errors(client):
    assert client.get("/articles/999").status_code == 404
    assert "Not found" in client.get("/articles/999").text
    assert client.get("/articles/xyz").status_code == 422


def test_article_search_page_and_paging(client):
    page = client.get("/articles", params={"q": "Baku"}).text
    assert "3 articles containing “Baku”" in page
    titles = re.findall(r'class="title" href="/articles/\d+">([^<]+)</a>', page)
    assert "Baku accuses Russian peacekeepers of aiding separatists" in titles
    assert client.get("/articles", params={"page": "0"}).status_code == 400
    assert client.get("/articles", params={"page": "two"}).status_code == 400


def test_dyad_page_has_charts_and_events(client):
    page = client.get("/dyad", params={"a": "Azerbaijan", "b": "Russia"})
    assert page.status_code == 200
    assert '<script src="/static/vendor/plotly.min.js" defer></script>' in page.text
    specs = chart_specs(page.text)
    assert set(specs) == {"chart-activity", "chart-goldstein"}
    # Bars stand in the middle of their month: key them by month.
    activity = {trace["name"]: {x[:7]: y for x, y in zip(trace["x"], trace["y"])}
                for trace in specs["chart-activity"]["data"]}
    russia_to_azerbaijan = [name for name in activity if name.startswith("Russia") and name.endswith("cooperation")]
    assert activity[russia_to_azerbaijan[0]]["2022-02"] == 2
    assert activity[russia_to_azerbaijan[0]]["2022-09"] == 0  # quiet months are zero, not missing
    azerbaijan_conflict = [name for name in activity if name.startswith("Azerbaijan") and name.endswith("conflict")]
    assert activity[azerbaijan_conflict[0]]["2023-03"] == -2  # conflict is drawn below the axis
    goldstein = {trace["name"]: {x[:7]: y for x, y in zip(trace["x"], trace["y"])}
                 for trace in specs["chart-goldstein"]["data"]}
    assert any(series.get("2023-03") == -2.0 for series in goldstein.values())
    assert "(7)" in page.text  # all events between them, negated and future ones included
    conflict_only = client.get("/dyad", params={"a": "AZE", "b": "RUS", "quad": "verbal_conflict"}).text
    assert "(2)" in conflict_only


def test_dyad_page_bad_input(client):
    page = client.get("/dyad", params={"a": "Atlantis", "b": "RUS"})
    assert page.status_code == 400 and "unknown country" in page.text
    empty = client.get("/dyad")
    assert empty.status_code == 200 and "Dyad explorer" in empty.text


def test_chart_json_cannot_close_its_script_element(client, token):
    """Data inside the JSON block is escaped so '</script>' cannot end it."""
    from allies.web.charts import monthly_charts

    env = client.app.state.web.templates
    figure = monthly_charts([{"month": "2024-01", "source": "AZE", "target": "RUS", "quad": "verbal_conflict",
                              "events": 1, "goldstein": -2.0}], "AZE", "RUS")[0]
    figure["layout"]["title"] = {"text": "</script><script>alert(1)</script>"}
    html = env.from_string('{% from "_macros.html" import chart %}{{ chart(f) }}').render(f=figure)
    assert html.count("</script>") == 1 and "\\u003c/script\\u003e" in html
    assert chart_specs(html)["chart-activity"]["layout"]["title"]["text"].startswith("</script>")


def test_error_pages_are_html_and_api_errors_json(client):
    page = client.get("/no-such-page")
    assert page.status_code == 404 and page.headers["content-type"].startswith("text/html")
    api = client.get("/api/no-such")
    assert api.status_code == 404 and api.headers["content-type"] == "application/json"


def test_pages_render_on_an_empty_store(tmp_path):
    from fastapi.testclient import TestClient

    from allies.store import Store
    from allies.web import create_app

    app = create_app(Store(tmp_path / "empty.duckdb"), token=None)
    with TestClient(app) as empty:
        home = empty.get("/")
        assert home.status_code == 200 and "no events between two countries yet" in home.text
        dyad = empty.get("/dyad", params={"a": "AZE", "b": "RUS"})
        assert dyad.status_code == 200 and "No dated events" in dyad.text and "(0)" in dyad.text
        assert empty.get("/articles").status_code == 200
        assert empty.get("/api/events").json() == {"total": 0, "limit": 50, "offset": 0, "events": []}
    app.state.web.access.close()


def test_only_http_links_leave_the_site(fresh_client):
    from allies.model import CodedDocument, Document, Sentence

    access = fresh_client.app.state.web.access
    text = "Chile and Peru held talks."
    document = Document(text=text, title="Talks", date="2024-02-02", url="javascript:alert(document.cookie)")
    article_id = access.write(lambda store: store.add_coded(
        CodedDocument(document=document, sentences=[Sentence(0, text, 0, len(text))])))
    html = fresh_client.get(f"/articles/{article_id}").text
    assert "javascript:" not in html
    hrefs = re.findall(r'href="([^"]+)"', html)
    assert all(h.startswith(("/", "https://", "http://")) for h in hrefs)


def test_user_dates_do_not_add_parameters_to_links(client):
    page = client.get("/dyad", params={"a": "AZE", "b": "RUS", "since": "x&q=evil"})
    assert page.status_code == 400
    assert not any("q=evil" in href for href in re.findall(r'href="([^"]+)"', page.text))
    assert 'value="x&amp;q=evil"' in page.text  # shown back, escaped


def test_dyads_and_network_pages_start_with_the_busiest(client):
    dyads = client.get("/dyad").text
    assert "Pick two countries" in dyads
    first = re.search(r'class="dyad-link" href="/dyad\?a=(\w+)&amp;b=(\w+)">([^<]+)</a>', dyads)
    assert first and first.group(3) == "Azerbaijan – Russia"
    assert 'placeholder="Azerbaijan"' not in dyads and 'placeholder="Russia"' not in dyads  # no fake values
    network = client.get("/network").text
    assert "Pick a country" in network
    countries = re.findall(r'class="dyad-link" href="/network\?country=(\w+)">', network)
    assert countries[:2] == ["AZE", "RUS"] or countries[:2] == ["RUS", "AZE"]
    assert 'placeholder="Azerbaijan"' not in network


def test_network_table_is_paged_and_explains_balance(client):
    partners = client.get("/api/network/USA").json()["partners"]
    assert len(partners) > 20  # built-in NATO and Rio ties
    first = client.get("/network", params={"country": "USA"}).text
    assert first.count('<td class="num">1</td>') == 1 and "page 1 of" in first
    assert len(re.findall(r"<tr>\s*<td class=\"num\">\d+</td>", first)) == 20
    second = client.get("/network", params={"country": "USA", "page": "2"}).text
    assert '<td class="num">21</td>' in second
    assert "Balance</abbr>" in first and "runs from −1 (only conflict) to +1 (only cooperation)" in first


def test_network_ranks_by_standing_then_balance(tmp_path):
    """An allied partner with a few quarrels still ranks above a merely cooperative one."""
    from allies.relations import network
    from allies.relations.ties import load_builtin_ties
    from allies.relations.views import STANDING_ORDER
    from allies.store import Store

    from .conftest import coded_article

    talks = [f"Washington and New Delhi held round {i} of their trade talks." for i in range(20)]
    quarrel = ["The United States criticised Britain over its tariffs.", "Washington rebuked London again."]
    with Store(tmp_path / "rank.duckdb") as store:
        store.add_coded(coded_article("Trade talks", "2024-03-04", "https://news.example.org/talks", talks,
                                      [(i, ("Washington", "USA"), ("New Delhi", "IND"), "036", "verbal_cooperation",
                                        4.0, {}) for i in range(20)]))
        store.add_coded(coded_article("Tariff row", "2024-03-05", "https://news.example.org/row", quarrel,
                                      [(i, ("The United States", "USA"), ("Britain", "GBR"), "111",
                                        "verbal_conflict", -2.0, {}) for i in range(2)]))
        load_builtin_ties(store)
        ranked = [p for p in network(store, "USA", until="2024-12").partners if p.country in ("GBR", "IND")]
        assert [(p.country, p.standing) for p in ranked] == [("GBR", "allied"), ("IND", "cooperative")]
        partners = network(store, "USA", until="2024-12").partners
        keys = [(STANDING_ORDER.index(p.standing), -(p.balance or 0.0)) for p in partners]
        assert keys == sorted(keys)
