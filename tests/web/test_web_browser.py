"""End to end in a real headless Chromium (Debian's /usr/bin/chromium)."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="module")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.skip(f"{CHROMIUM} is not installed (apt install chromium)")
    playwright_api = pytest.importorskip("playwright.sync_api")
    ARTIFACTS.mkdir(exist_ok=True)
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.problems = []  # console errors (CSP violations among them) and uncaught exceptions
    page.on("console", lambda msg: page.problems.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: page.problems.append(str(exc)))
    # Nothing may leave the machine: every request must go to the test server.
    page.outside = []
    page.on("request", lambda req: page.outside.append(req.url) if not req.url.startswith("http://127.0.0.1:") else None)
    yield page
    context.close()


def test_dyad_page_draws_charts_and_leads_to_the_sentence(live_server, page):
    page.goto(f"{live_server.url}/dyad?a=Azerbaijan&b=Russia")
    page.wait_for_selector("#chart-activity.drawn svg.main-svg", timeout=20000)
    page.wait_for_selector("#chart-goldstein.drawn svg.main-svg", timeout=20000)
    assert page.locator("#chart-activity .barlayer .trace").count() == 4
    page.screenshot(path=str(ARTIFACTS / "dyad.png"), full_page=True)

    page.locator("ul.events a[href*='#s1']").first.click()
    page.wait_for_load_state("load")
    assert "/articles/" in page.url and page.url.endswith("#s1")
    sentence = page.locator("#s1")
    assert "highlight" in sentence.get_attribute("class")
    assert sentence.is_visible()
    assert page.locator(".sentence.highlight").count() == 1
    page.screenshot(path=str(ARTIFACTS / "article.png"), full_page=True)
    assert page.problems == [] and page.outside == []


def test_article_scripts_never_run(live_server, page):
    page.goto(f"{live_server.url}/articles?q=ministers")
    page.locator("ul.articles a.title").first.click()
    page.wait_for_load_state("load")
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.wait_for_timeout(300)
    heading = page.locator("article h1").inner_text()
    assert heading == "<script>alert('title')</script> Ministers meet in Baku"
    assert "<b>today</b>" in page.locator("#s0").inner_text()
    assert dialogs == [] and page.problems == []
    page.screenshot(path=str(ARTIFACTS / "escaped-article.png"), full_page=True)


def test_home_and_upload_pages_render(live_server, page):
    page.goto(live_server.url + "/")
    assert page.locator("input[name=q]").is_visible()
    assert page.locator(".dyad-link").first.inner_text().startswith("Azerbaijan")
    page.screenshot(path=str(ARTIFACTS / "home.png"), full_page=True)
    page.goto(live_server.url + "/upload")
    page.fill("input[name=token]", "test-token-5f1c9a")
    page.fill("input[name=title]", "Yerevan and Tbilisi open a crossing")
    page.fill("textarea[name=text]", "Armenia and Georgia opened a new crossing on their border on Monday.")
    page.click("form.upload button[type=submit]")
    page.wait_for_selector(".report")
    assert "1 article(s) added" in page.locator(".report").inner_text()
    page.screenshot(path=str(ARTIFACTS / "upload.png"), full_page=True)
    assert page.problems == [] and page.outside == []


def ask_in_browser(page, server, question: str) -> None:
    page.goto(server.url + "/")
    page.fill("#question", question)
    page.press("#question", "Enter")
    page.wait_for_selector("#answer")


QUESTION = "Are Azerbaijan and Russia allies?"


def test_ask_shows_verdict_chart_and_evidence_sentence(live_server, page):
    ask_in_browser(page, live_server, QUESTION)
    verdict = page.locator("#answer .verdict").inner_text().strip().lower()
    assert verdict in {"allied", "cooperative", "mixed", "tense", "hostile", "unknown"}
    page.wait_for_selector("#chart-activity.drawn svg.main-svg", timeout=20000)
    page.wait_for_selector("#chart-goldstein.drawn svg.main-svg", timeout=20000)
    assert page.locator(".meter-fill").evaluate("el => el.style.width").endswith("%")
    page.screenshot(path=str(ARTIFACTS / "answer.png"), full_page=True)

    evidence = page.locator(".evidence-against a.evidence-link").first
    quoted = evidence.locator("xpath=ancestor::li//blockquote").inner_text().strip()
    evidence.click()
    page.wait_for_load_state("load")
    highlighted = page.locator(".sentence.highlight")
    assert highlighted.count() == 1
    assert highlighted.inner_text().strip() == quoted
    assert highlighted.is_visible()
    page.screenshot(path=str(ARTIFACTS / "evidence-sentence.png"))
    assert page.problems == [] and page.outside == []


def test_network_page_draws_and_links_to_dyads(live_server, page):
    page.goto(live_server.url + "/network?country=Azerbaijan")
    page.wait_for_selector("#chart-network.drawn svg.main-svg", timeout=20000)
    page.screenshot(path=str(ARTIFACTS / "network.png"), full_page=True)
    page.locator("table.ranked a", has_text="explore").first.click()
    page.wait_for_load_state("load")
    assert "/dyad?a=AZE&b=" in page.url
    assert page.problems == [] and page.outside == []


@pytest.fixture
def phone(browser):
    """A phone-sized page (390 x 844 CSS pixels, touch, as an iPhone 12-15)."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True,
                                  has_touch=True)
    page = context.new_page()
    page.problems = []
    page.on("console", lambda msg: page.problems.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: page.problems.append(str(exc)))
    yield page
    context.close()


# Elements wider than the screen that no scrolling box of their own contains.
OVERFLOW = """() => {
  const width = document.documentElement.clientWidth, out = [];
  for (const el of document.querySelectorAll('body *')) {
    let box = el.parentElement, scrolls = false;
    for (; box && !scrolls; box = box.parentElement) { scrolls = getComputedStyle(box).overflowX !== 'visible'; }
    const r = el.getBoundingClientRect();
    if (!scrolls && r.width && r.right > width + 1) {
      out.push(el.tagName + '.' + el.className + ': ' + Math.round(r.right));
    }
  }
  return out.slice(0, 5);
}"""

# Tables whose right edge passes their card's.
TABLES_OUT_OF_CARDS = """() => Array.from(document.querySelectorAll('.card table')).filter(t => {
  const card = t.closest('.card').getBoundingClientRect(), box = t.getBoundingClientRect();
  return box.right > card.right + 1;
}).length"""

# Chart titles cut off: wider than their box or outside the screen.
CUT_TITLES = """() => Array.from(document.querySelectorAll('.chart-title')).filter(t => {
  const r = t.getBoundingClientRect();
  return t.scrollWidth > t.clientWidth + 1 || r.left < 0 || r.right > document.documentElement.clientWidth + 1;
}).map(t => t.textContent)"""


@pytest.mark.parametrize("path, chart", [
    ("/dyad?a=Azerbaijan&b=Russia", "#chart-activity"),
    ("/ask?q=Are+Azerbaijan+and+Russia+allies%3F", "#chart-goldstein"),
    ("/network?country=Azerbaijan", "#chart-network"),
    ("/", None), ("/dyad", None), ("/network", None), ("/upload", None), ("/articles", None),
])
def test_pages_fit_a_phone(live_server, phone, path, chart):
    phone.goto(live_server.url + path)
    if chart:
        phone.wait_for_selector(f"{chart}.drawn svg.main-svg", timeout=20000)
    name = "phone-" + (path.strip("/").split("?")[0] or "home") + ("-chosen" if "?" in path else "") + ".png"
    phone.screenshot(path=str(ARTIFACTS / name), full_page=True)
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    assert phone.evaluate(OVERFLOW) == []
    assert phone.evaluate(TABLES_OUT_OF_CARDS) == 0
    assert phone.evaluate(CUT_TITLES) == []
    if chart and chart != "#chart-network":
        # Every chart title is there, in full, above its plot.
        assert phone.locator(".chart-title").count() == 2
    assert phone.problems == []
