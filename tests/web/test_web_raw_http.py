"""Requests sent byte for byte to a real server, so no client library
normalises the path before the server sees it."""
from __future__ import annotations

import socket

import pytest


def raw_get(server, target: str) -> tuple[int, bytes]:
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as conn:
        conn.sendall(f"GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode("latin-1"))
        data = b""
        while chunk := conn.recv(65536):
            data += chunk
    status = int(data.split(b" ", 2)[1])
    return status, data.partition(b"\r\n\r\n")[2]


@pytest.mark.parametrize("target", [
    "/static/../app.py",
    "/static/../../allies/web/app.py",
    "/static/vendor/../../app.py",
    "/static/%2e%2e/app.py",
    "/static/%2e%2e%2f%2e%2e%2fstore%2fdb.py",
    "/static/..%2f..%2f..%2f..%2fetc%2fpasswd",
    "/static/..\\app.py",
    "/static/%c0%ae%c0%ae/app.py",
    "/static/./style.css/../../app.py",
    "/../../etc/passwd",
])
def test_traversal_is_refused(live_server, target):
    status, body = raw_get(live_server, target)
    assert status in (400, 404)
    assert b"import" not in body and b"root:" not in body


def test_plain_static_file_is_served(live_server):
    status, body = raw_get(live_server, "/static/style.css")
    assert status == 200 and b"allies" in body
