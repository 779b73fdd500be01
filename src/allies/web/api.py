"""The REST API under /api (JSON in and out; OpenAPI at /openapi.json)."""
from __future__ import annotations

import json
from typing import Any

from fastapi import APIRouter, Path as PathParam, Query, Request
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException

from ..errors import InputError
from . import engine, queries, uploads
from .access import as_jsonable
from .app import state_of
from .security import bearer_token, token_matches

router = APIRouter(prefix="/api", tags=["api"])
SINCE_HELP = "first date: YYYY, YYYY-MM or YYYY-MM-DD"
UNTIL_HELP = "last date: YYYY, YYYY-MM or YYYY-MM-DD (a year or month runs to its last day)"

ERRORS = {
    400: {"description": "Bad input", "content": {"application/json": {"example": {"error": "unknown country: 'Atlantis'"}}}},
    422: {"description": "Malformed parameter", "content": {"application/json": {"example": {"error": "limit: Input should be a valid integer"}}}},
}


@router.get("/health", summary="Store status")
def health(request: Request) -> dict[str, Any]:
    """Counts of articles and events and the date range of the store."""
    with state_of(request).access.reader() as store:
        summary = queries.store_summary(store)
    return as_jsonable({"status": "ok", **summary, "uploads": state_of(request).token is not None})


@router.get("/ask", summary="Answer a question about two countries", responses=ERRORS)
def ask(request: Request, q: str = Query(..., max_length=300, description="e.g. Are Azerbaijan and Russia allies?"),
        since: str | None = Query(None, description=SINCE_HELP),
        until: str | None = Query(None, description=UNTIL_HELP),
        all_dates: bool = Query(False, description="with no dates, judge all dates (default: the latest 12 months)"),
        ) -> dict[str, Any]:
    """Verdict, confidence, summary, formal ties and cited evidence."""
    with state_of(request).access.reader() as store:
        return engine.ask(store, q, since, until, all_dates)


@router.get("/check", summary="Weigh a claim about two countries", responses=ERRORS)
def check(request: Request, claim: str = Query(..., max_length=300, description="e.g. Russia is an ally of Azerbaijan"),
          since: str | None = Query(None, description=SINCE_HELP),
          until: str | None = Query(None, description=UNTIL_HELP)) -> dict[str, Any]:
    """outcome: supported, contradicted, mixed or "not enough evidence", with the answer behind it."""
    with state_of(request).access.reader() as store:
        return engine.check(store, claim, since, until)


@router.get("/dyads/{a}/{b}", summary="Monthly activity between two countries", responses=ERRORS)
def dyad(request: Request, a: str = PathParam(..., max_length=80, description="ISO3 code, name or adjective"),
         b: str = PathParam(..., max_length=80, description="ISO3 code, name or adjective"),
         since: str | None = Query(None, description=SINCE_HELP),
         until: str | None = Query(None, description=UNTIL_HELP)) -> dict[str, Any]:
    """Monthly event counts per direction and quad class with mean Goldstein
    scores (asserted, non-negated events), and per-direction figures."""
    with state_of(request).access.reader() as store:
        return engine.dyad(store, a, b, since, until)


@router.get("/network/{country}", summary="A country's relations with all others", responses=ERRORS)
def network(request: Request, country: str = PathParam(..., max_length=80, description="ISO3 code, name or adjective"),
            since: str | None = Query(None, description=SINCE_HELP),
            until: str | None = Query(None, description=UNTIL_HELP)) -> dict[str, Any]:
    """Partners ranked from closest to most hostile, with standing, events, balance and formal ties."""
    with state_of(request).access.reader() as store:
        return engine.network(store, country, since, until)


@router.get("/events", summary="Coded and imported events", responses=ERRORS)
def events(request: Request,
           country: str | None = Query(None, max_length=80, description="either side (ISO3, name or adjective)"),
           partner: str | None = Query(None, max_length=80, description="with country: only the dyad"),
           source: str | None = Query(None, max_length=80, description="source country or actor code (RUSGOV)"),
           target: str | None = Query(None, max_length=80, description="target country or actor code"),
           origin: str | None = Query(None, max_length=30, description="coded, gdelt, icews, polecat, acled"),
           quad: str | None = Query(None, description="verbal_cooperation, material_cooperation, verbal_conflict or material_conflict"),
           cameo: str | None = Query(None, max_length=4, description="CAMEO code or prefix"),
           since: str | None = Query(None, description=SINCE_HELP),
           until: str | None = Query(None, description=UNTIL_HELP),
           order: str = Query("-date", description="date, -date, goldstein, -goldstein or id"),
           limit: int = Query(50, ge=1, le=queries.MAX_PAGE, description="page size (at most 500)"),
           offset: int = Query(0, ge=0, description="rows to skip")) -> dict[str, Any]:
    """One page of events, newest first, with the total number that match."""
    filters = queries.EventFilter(country=country, partner=partner, source=source, target=target, origin=origin,
                                  quad=quad, cameo=cameo, since=since, until=until)
    with state_of(request).access.reader() as store:
        return as_jsonable(queries.list_events(store, filters, limit, offset, order))


@router.get("/articles", summary="Search articles", responses=ERRORS)
def articles(request: Request, q: str | None = Query(None, max_length=200, description="text in title or body"),
             limit: int = Query(25, ge=1, le=queries.MAX_PAGE, description="page size (at most 500)"),
             offset: int = Query(0, ge=0, description="rows to skip")) -> dict[str, Any]:
    with state_of(request).access.reader() as store:
        return as_jsonable(queries.search_articles(store, q, limit, offset))


@router.get("/articles/{article_id}", summary="One article with its sentences and events",
            responses={404: {"description": "No such article"}})
def article(request: Request, article_id: int = PathParam(..., ge=1, description="the article's id")) -> dict[str, Any]:
    with state_of(request).access.reader() as store:
        found = queries.article_detail(store, article_id)
    if found is None:
        raise HTTPException(404, f"no article {article_id}")
    return as_jsonable(found)


def require_token(request: Request) -> None:
    state = state_of(request)
    if state.token is None:
        raise HTTPException(403, "uploads are disabled: start the server with ALLIES_TOKEN set")
    if not token_matches(state.token, bearer_token(request.headers.get("authorization"))):
        raise HTTPException(401, "missing or wrong token (send 'Authorization: Bearer <ALLIES_TOKEN>')")


@router.post("/ingest", summary="Add articles (needs the token)", status_code=201, responses={
    200: {"description": "Nothing new stored: status 'already stored' or 'nothing stored'"},
    401: {"description": "Missing or wrong token"}, 403: {"description": "Uploads disabled"},
    413: {"description": "Body over the size limit"}, 415: {"description": "Unsupported content type"},
    **ERRORS,
}, openapi_extra={"requestBody": {"content": {
    "application/json": {"schema": {"type": "object", "required": ["text"], "properties": {
        "text": {"type": "string"}, "title": {"type": "string"}, "date": {"type": "string", "format": "date"},
        "url": {"type": "string"}, "source": {"type": "string"}}}},
    "multipart/form-data": {"schema": {"type": "object", "properties": {
        "file": {"type": "array", "items": {"type": "string", "format": "binary"}}}}},
}}})
async def ingest(request: Request) -> Any:
    """JSON {text, title, date, url, source} (or a list of them), or multipart
    file(s) in any format ingest reads, with the header
    'Authorization: Bearer $ALLIES_TOKEN'. Returns the ingest report: 201 with
    status "ok" when something new was stored, else 200 with status "already
    stored" or "nothing stored". Empty or unreadable files are skipped with a
    reason naming the uploaded file; the others are stored."""
    require_token(request)
    state = state_of(request)
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind == "application/json":
        try:
            payload = json.loads(await request.body())
        except (json.JSONDecodeError, UnicodeDecodeError):
            raise InputError("the body is not valid JSON") from None
        documents = uploads.documents_from_json(payload)
        report = await run_in_threadpool(state.access.write, lambda store: uploads.ingest_documents(store, documents))
    elif kind == "multipart/form-data":
        form = await request.form(max_files=uploads.MAX_FILES, max_fields=20)
        files = []
        for _, value in form.multi_items():
            if hasattr(value, "read"):
                files.append((value.filename, await value.read()))
        await form.close()
        report = await run_in_threadpool(state.access.write, lambda store: uploads.ingest_files(store, files))
    else:
        raise HTTPException(415, "send application/json or multipart/form-data")
    outcome = uploads.upload_outcome(report)
    if outcome != "stored":  # 201 only when something new was stored
        return JSONResponse({"status": outcome, "report": report}, status_code=200)
    return {"status": "ok", "report": report}
