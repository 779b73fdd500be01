"""The web app and REST API.

``create_app(store, token=None)`` builds the FastAPI application over a
:class:`allies.store.Store` (or a path); ``serve(db, host, port)`` runs it with
uvicorn (what ``allies serve`` does). Pages: ``/`` (question box, active
dyads), ``/ask``, ``/dyad``, ``/network``, ``/articles``, ``/articles/{id}``,
``/upload``, ``/api-docs``. JSON API under ``/api`` (see ``/openapi.json``).
"""
from __future__ import annotations

from .app import create_app, serve

__all__ = ["create_app", "serve"]
