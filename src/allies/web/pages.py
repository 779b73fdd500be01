"""Server-rendered pages (Jinja2 templates, escaped by default)."""
from __future__ import annotations

import math
import re
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException

from ..errors import InputError
from ..model import QUADS
from . import charts, engine, queries, uploads
from .app import render, state_of
from .security import token_matches

router = APIRouter(include_in_schema=False)

PAGE_SIZE = 25
NETWORK_PAGE_SIZE = 20
BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")


def _text(value: Any, limit: int = 300) -> str:
    return (value or "").strip()[:limit] if isinstance(value, str) else ""


def _page_number(value: str | None) -> int:
    try:
        number = int(value or 1)
    except ValueError:
        raise InputError("page must be a number") from None
    if number < 1 or number > 100000:
        raise InputError("page must be between 1 and 100000")
    return number


def evidence_link(item: dict[str, Any]) -> str | None:
    """The article page with the evidence sentence highlighted."""
    article_id = item.get("article_id")
    if not article_id:
        return None
    index = item.get("sentence_index")
    if index is None:
        index = (item.get("event") or {}).get("sentence_index")
    if index is None:
        return f"/articles/{int(article_id)}"
    return f"/articles/{int(article_id)}?s={int(index)}#s{int(index)}"


@router.get("/", response_class=HTMLResponse)
def home(request: Request) -> Response:
    with state_of(request).access.reader() as store:
        dyads = queries.active_dyads(store)
        summary = queries.store_summary(store)
    return render(request, "home.html", dyads=dyads, summary=summary, question="", error=None)


@router.get("/ask", response_class=HTMLResponse)
def ask_page(request: Request, q: str | None = None, since: str | None = None, until: str | None = None) -> Response:
    question = _text(q)
    if not question:
        return RedirectResponse("/", status_code=303)
    with state_of(request).access.reader() as store:
        try:
            answer = engine.ask(store, question, since, until)
        except InputError as exc:
            dyads = queries.active_dyads(store)
            summary = queries.store_summary(store)
            return render(request, "home.html", status=400, dyads=dyads, summary=summary, question=question,
                          error=str(exc))
        a, b = answer["dyad"]
        # The question may carry its own window ("... since 2022"); chart the same one.
        table = engine.dyad(store, a, b, answer.get("since") or since, answer.get("until") or until)
        figures = charts.monthly_charts(table["rows"], a, b)
    supporting, opposing = answer.get("evidence_for") or [], answer.get("evidence_against") or []
    return render(request, "answer.html", question=question, answer=answer, figures=figures,
                  since=_text(since, 10), until=_text(until, 10), supporting=supporting, opposing=opposing,
                  evidence_link=evidence_link)


@router.get("/dyad", response_class=HTMLResponse)
def dyad_page(request: Request, a: str | None = None, b: str | None = None, since: str | None = None,
              until: str | None = None, quad: str | None = None, page: str | None = None) -> Response:
    form = {"a": _text(a, 80), "b": _text(b, 80), "since": _text(since, 10), "until": _text(until, 10),
            "quad": quad if quad in QUADS else ""}
    if not form["a"] or not form["b"]:
        with state_of(request).access.reader() as store:
            dyads = queries.active_dyads(store)
        return render(request, "dyad.html", form=form, dyad=None, figures=[], events=None, pages=None, error=None,
                      quads=QUADS, dyads=dyads)
    number = _page_number(page)
    with state_of(request).access.reader() as store:
        try:
            data = engine.dyad(store, form["a"], form["b"], form["since"] or None, form["until"] or None)
            filters = queries.EventFilter(country=data["dyad"][0], partner=data["dyad"][1], quad=form["quad"] or None,
                                          since=form["since"] or None, until=form["until"] or None)
            events = queries.list_events(store, filters, PAGE_SIZE, (number - 1) * PAGE_SIZE)
        except InputError as exc:
            return render(request, "dyad.html", status=400, form=form, dyad=None, figures=[], events=None,
                          pages=None, error=str(exc), quads=QUADS)
    figures = charts.monthly_charts(data["rows"], *data["dyad"])
    pages = {"number": number, "count": max(1, math.ceil(events["total"] / PAGE_SIZE))}
    return render(request, "dyad.html", form=form, dyad=data, figures=figures, events=events, pages=pages,
                  error=None, quads=QUADS)


@router.get("/network", response_class=HTMLResponse)
def network_page(request: Request, country: str | None = None, since: str | None = None,
                 until: str | None = None, page: str | None = None) -> Response:
    form = {"country": _text(country, 80), "since": _text(since, 10), "until": _text(until, 10)}
    if not form["country"]:
        with state_of(request).access.reader() as store:
            countries = queries.active_countries(store)
        return render(request, "network.html", form=form, result=None, figures=[], error=None, countries=countries)
    number = _page_number(page)
    with state_of(request).access.reader() as store:
        try:
            result = engine.network(store, form["country"], form["since"] or None, form["until"] or None)
        except InputError as exc:
            return render(request, "network.html", status=400, form=form, result=None, figures=[], error=str(exc))
    figures = [charts.network_chart(result["country"], result["partners"])] if result["partners"] else []
    # The table shows one page of the ranking: a country with every ATOP partner is hundreds of rows.
    start = (number - 1) * NETWORK_PAGE_SIZE
    shown = result["partners"][start:start + NETWORK_PAGE_SIZE]
    pages = {"number": number, "count": max(1, math.ceil(len(result["partners"]) / NETWORK_PAGE_SIZE))}
    return render(request, "network.html", form=form, result=result, figures=figures, error=None,
                  shown=shown, first_rank=start + 1, pages=pages)


@router.get("/articles", response_class=HTMLResponse)
def articles_page(request: Request, q: str | None = None, page: str | None = None) -> Response:
    number = _page_number(page)
    with state_of(request).access.reader() as store:
        found = queries.search_articles(store, _text(q, 200), PAGE_SIZE, (number - 1) * PAGE_SIZE)
    pages = {"number": number, "count": max(1, math.ceil(found["total"] / PAGE_SIZE))}
    return render(request, "articles.html", found=found, pages=pages)


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(request: Request, article_id: int, s: int | None = None) -> Response:
    with state_of(request).access.reader() as store:
        article = queries.article_detail(store, article_id)
    if article is None:
        raise HTTPException(404, f"no article {article_id}")
    events_by_sentence: dict[int, list[dict[str, Any]]] = {}
    for event in article["events"]:
        events_by_sentence.setdefault(event["sentence_index"], []).append(event)
    return render(request, "article.html", article=article, highlight=s, events_by_sentence=events_by_sentence,
                  paragraphs=paragraphs(article["text"], article["sentences"]))


def paragraphs(text: str, sentences: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Sentences grouped into the article's paragraphs (a blank line between
    two sentences in the original text starts a new one)."""
    groups: list[list[dict[str, Any]]] = []
    previous_end: int | None = None
    for sentence in sentences:
        start = sentence.get("start_char")
        gap = text[previous_end:start] if previous_end is not None and start is not None else ""
        if not groups or BLANK_LINE.search(gap):
            groups.append([])
        groups[-1].append(sentence)
        previous_end = sentence.get("end_char")
    return groups


@router.get("/upload", response_class=HTMLResponse)
def upload_form(request: Request) -> Response:
    return render(request, "upload.html", report=None, error=None, max_mb=state_of(request).max_upload // (1024 * 1024))


@router.post("/upload", response_class=HTMLResponse)
async def upload_submit(request: Request) -> Response:
    state = state_of(request)
    max_mb = state.max_upload // (1024 * 1024)
    if state.token is None:
        return render(request, "upload.html", status=403, report=None, max_mb=max_mb,
                      error="Uploads are disabled: start the server with ALLIES_TOKEN set.")
    form = await request.form(max_files=uploads.MAX_FILES, max_fields=20)
    try:
        if not token_matches(state.token, str(form.get("token") or "")):
            return render(request, "upload.html", status=401, report=None, max_mb=max_mb, error="Wrong token.")
        files = []
        for key, value in form.multi_items():
            if key == "file" and hasattr(value, "read"):
                content = await value.read()
                if value.filename or content:  # browsers send an empty part when no file is chosen
                    files.append((value.filename, content))
        text = str(form.get("text") or "").strip()
        try:
            if files:
                report = await run_in_threadpool(state.access.write, lambda store: uploads.ingest_files(store, files))
            elif text:
                document = uploads.document_from_json({key: str(form.get(key) or "") for key in uploads.DOCUMENT_FIELDS})
                report = await run_in_threadpool(state.access.write,
                                                 lambda store: uploads.ingest_documents(store, [document]))
            else:
                raise InputError("choose a file or paste the text of an article")
        except InputError as exc:
            return render(request, "upload.html", status=400, report=None, max_mb=max_mb, error=str(exc))
    finally:
        await form.close()
    return render(request, "upload.html", report=report, error=None, max_mb=max_mb)


@router.get("/api-docs", response_class=HTMLResponse)
def api_docs(request: Request) -> Response:
    """The OpenAPI description as a readable page (no CDN-hosted Swagger UI)."""
    spec = request.app.openapi()
    operations = []
    for path, methods in spec.get("paths", {}).items():
        for method, op in methods.items():
            operations.append({
                "method": method.upper(), "path": path, "summary": op.get("summary", ""),
                "description": op.get("description", ""),
                "parameters": [
                    {"name": p["name"], "in": p["in"], "required": p.get("required", False),
                     "description": p.get("description", "")}
                    for p in op.get("parameters", [])
                ],
                "responses": sorted(op.get("responses", {})),
            })
    return render(request, "api_docs.html", spec=spec, operations=operations)
