"""Safe URL fetching: address checks, redirects, limits, against a local server."""
from __future__ import annotations

import gzip
import socket
import threading
import time
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from allies.errors import InputError
from allies.ingest import fetch
from allies.ingest.fetch import FetchedPage, address_refusal, fetch_url

PAGE = "<html><head><title>Talks in Moscow</title></head><body><p>Ministers met on Monday. Café.</p></body></html>"
BOMB_SIZE = 40_000_000  # decompressed; about 40 KB on the wire
BOMB = gzip.compress(b"\0" * BOMB_SIZE, compresslevel=9)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    release: threading.Event  # set by the fixture on teardown so sleeping handlers end

    def log_message(self, *args):  # keep test output quiet
        pass

    def _send(self, status: int, body: bytes = b"", headers: dict | None = None,
              content_type: str | None = "text/html; charset=utf-8", length: bool = True) -> None:
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        if length:
            self.send_header("Content-Length", str(len(body)))
        self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(body)

    def _redirect(self, location: str, status: int = 302) -> None:
        self._send(status, headers={"Location": location})

    def do_GET(self):  # noqa: C901 - one route table
        path = self.path
        if path == "/page":
            self._send(200, PAGE.encode("utf-8"))
        elif path == "/no-type":
            self._send(200, b"plain bytes", content_type=None)
        elif path.startswith("/hops/"):
            left = int(path.rsplit("/", 1)[1])
            self._redirect("/page" if left == 0 else f"/hops/{left - 1}", status=301 if left % 2 else 307)
        elif path == "/loop":
            self._redirect("/loop")
        elif path == "/loop-a":
            self._redirect("/loop-b")
        elif path == "/loop-b":
            self._redirect(f"http://127.0.0.1:{self.server.server_port}/loop-a")
        elif path == "/no-location":
            self._send(302)
        elif path == "/to-second-host":
            self._redirect(f"http://127.0.0.2:{self.server.server_port}/page")
        elif path == "/missing":
            self._send(404, b"not here")
        elif path == "/big":
            # Close-delimited body with no Content-Length: only streaming can stop it.
            self._send(200, length=False)
            try:
                for _ in range(100):
                    self.wfile.write(b"x" * 65536)
            except OSError:
                pass
        elif path == "/big-declared":
            self._send(200, b"short", headers={"Content-Length": str(10**12)}, length=False)
        elif path == "/chunked":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain; charset=latin-1")
            self.send_header("Transfer-Encoding", "chunked")
            self.send_header("Connection", "close")
            self.end_headers()
            for part in (b"first part, ", b"second part"):
                self.wfile.write(b"%x\r\n%s\r\n" % (len(part), part))
            self.wfile.write(b"0\r\n\r\n")
        elif path == "/slow":
            self.release.wait(5)
            self._send(200, b"too late")
        elif path == "/drip":
            # Each byte arrives well within the read timeout; only the deadline stops it.
            self._send(200, length=False)
            try:
                for _ in range(100):
                    if self.release.wait(0.05):
                        break
                    self.wfile.write(b"y")
                    self.wfile.flush()
            except OSError:
                pass
        elif path == "/gzip":
            self._send(200, gzip.compress(PAGE.encode("utf-8")), headers={"Content-Encoding": "gzip"})
        elif path == "/gzip-members":
            body = gzip.compress(b"one ") + gzip.compress(b"two")
            self._send(200, body, headers={"Content-Encoding": "gzip"})
        elif path == "/deflate-raw":
            packer = zlib.compressobj(wbits=-zlib.MAX_WBITS)
            body = packer.compress(PAGE.encode("utf-8")) + packer.flush()
            self._send(200, body, headers={"Content-Encoding": "deflate"})
        elif path == "/gzip-bomb":
            self._send(200, BOMB, headers={"Content-Encoding": "gzip"})
        elif path == "/gzip-truncated":
            self._send(200, gzip.compress(PAGE.encode("utf-8"))[:-12], headers={"Content-Encoding": "gzip"})
        elif path == "/brotli":
            self._send(200, b"\x0b\x02\x80", headers={"Content-Encoding": "br"})
        elif path.startswith("/echo"):
            text = f"{self.headers.get('Host')} {self.path}"
            self._send(200, text.encode("ascii"), content_type="text/plain")
        else:
            self._send(404, b"unknown route")


@pytest.fixture(scope="module")
def server():
    release = threading.Event()
    handler = type("Handler", (_Handler,), {"release": release})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    release.set()
    httpd.shutdown()
    httpd.server_close()


# --- refused before any connection -------------------------------------------

@pytest.mark.parametrize("url", [
    "http://127.0.0.1/",
    "http://localhost:8080/news",
    "http://10.0.0.5/",
    "http://192.168.1.1/",
    "http://172.16.0.1/",
    "http://169.254.169.254/latest/meta-data/",
    "http://[::1]/",
    "http://[::ffff:127.0.0.1]/",
    "http://[::ffff:10.0.0.1]/",
    "http://[fe80::1]/",
    "http://[fc00::1]/",
    "http://0.0.0.0/",
    "http://[::]/",
    "http://224.0.0.1/",
    "http://100.64.0.1/",
    "http://2130706433/",     # 127.0.0.1 written as one decimal number
    "http://0177.0.0.1/",     # octal
    "http://0x7f.0.0.1/",     # hexadecimal
    "http://127.1/",          # short form
])
def test_private_and_special_addresses_are_refused(url):
    with pytest.raises(InputError, match="refusing to fetch") as info:
        fetch_url(url, timeout=1)
    assert "\n" not in str(info.value)


@pytest.mark.parametrize("url", [
    "ftp://example.org/file",
    "file:///etc/passwd",
    "gopher://example.org/",
    "javascript:alert(1)",
    "data:text/html,hi",
    "example.org/no-scheme",
])
def test_other_schemes_are_refused(url):
    with pytest.raises(InputError, match="only http and https"):
        fetch_url(url)


@pytest.mark.parametrize("url, message", [
    ("", "no URL"),
    ("http://", "no host"),
    ("http://user:secret@example.org/", "user name or password"),
    ("http://example.org:99999/", "malformed URL"),
    ("http://example.org/a b", "spaces or control"),
])
def test_malformed_urls_give_one_line(url, message):
    with pytest.raises(InputError, match=message):
        fetch_url(url)


def test_address_policy_unwraps_ipv4_inside_ipv6():
    assert address_refusal("8.8.8.8") is None
    assert address_refusal("2606:4700:4700::1111") is None
    assert "loopback" in address_refusal("::ffff:127.0.0.1")
    assert "loopback" in address_refusal("2002:7f00:1::")        # 6to4 around 127.0.0.1
    assert "private" in address_refusal("64:ff9b::a00:1")         # NAT64 around 10.0.0.1
    assert "link-local" in address_refusal("fe80::1%eth0")
    assert address_refusal("not-an-address") == "not an IP address"


def test_a_name_with_one_private_answer_is_refused(monkeypatch):
    def resolver(host, port, *args, **kwargs):
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.215.14", port)),
                (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("10.0.0.7", port))]

    monkeypatch.setattr(fetch.socket, "getaddrinfo", resolver)
    with pytest.raises(InputError, match="resolves to 10.0.0.7, a private address"):
        fetch_url("http://mixed.allies.invalid/")


def test_a_resolver_that_hangs_is_cut_off(monkeypatch):
    released = threading.Event()

    def hanging_resolver(*args, **kwargs):
        released.wait(5)
        raise socket.gaierror(socket.EAI_AGAIN, "gave up")

    monkeypatch.setattr(fetch.socket, "getaddrinfo", hanging_resolver)
    started = time.monotonic()
    try:
        with pytest.raises(InputError, match="no answer within 0.3 s"):
            fetch_url("http://slow-dns.allies.invalid/", timeout=0.3)
    finally:
        released.set()
    assert time.monotonic() - started < 2


# --- against the local server (allow_private=True) -------------------------------

def test_normal_page(server):
    page = fetch_url(f"{server}/page", allow_private=True, timeout=5)
    assert isinstance(page, FetchedPage)
    assert page.content == PAGE.encode("utf-8")
    assert page.content_type == "text/html"
    assert page.charset == "utf-8"
    assert page.url == page.final_url == f"{server}/page"


def test_missing_content_type_is_none(server):
    page = fetch_url(f"{server}/no-type", allow_private=True, timeout=5)
    assert page.content == b"plain bytes"
    assert page.content_type is None and page.charset is None


def test_chunked_body_and_its_charset(server):
    page = fetch_url(f"{server}/chunked", allow_private=True, timeout=5)
    assert page.content == b"first part, second part"
    assert (page.content_type, page.charset) == ("text/plain", "latin-1")


def test_redirect_chain_within_the_limit(server):
    page = fetch_url(f"{server}/hops/4", allow_private=True, timeout=5)  # 5 redirects
    assert page.final_url == f"{server}/page"
    assert page.url == f"{server}/hops/4"
    assert page.content == PAGE.encode("utf-8")


def test_too_many_redirects(server):
    with pytest.raises(InputError, match="too many redirects"):
        fetch_url(f"{server}/hops/5", allow_private=True, timeout=5)  # 6 redirects


@pytest.mark.parametrize("path", ["/loop", "/loop-a"])
def test_redirect_loop(server, path):
    with pytest.raises(InputError, match="redirect loop"):
        fetch_url(server + path, allow_private=True, timeout=5)


def test_redirect_without_location(server):
    with pytest.raises(InputError, match="without a Location"):
        fetch_url(f"{server}/no-location", allow_private=True, timeout=5)


def test_error_status(server):
    with pytest.raises(InputError, match="HTTP 404 Not Found"):
        fetch_url(f"{server}/missing", allow_private=True, timeout=5)


def test_every_redirect_target_is_checked_again(server, monkeypatch):
    # Treat the test server's address as public and 127.0.0.2 as forbidden: the first
    # hop is allowed, the redirect to 127.0.0.2 must be refused.
    monkeypatch.setattr(fetch, "address_refusal",
                        lambda address: None if address == "127.0.0.1" else "a forbidden test address")
    assert fetch_url(f"{server}/page", timeout=5).content == PAGE.encode("utf-8")
    with pytest.raises(InputError, match="127.0.0.2, a forbidden test address"):
        fetch_url(f"{server}/to-second-host", timeout=5)


def test_connection_goes_to_the_checked_address(server, monkeypatch):
    # A rebinding resolver: the first answer passes the check, later answers would
    # not. The fetch must resolve once per hop and connect to what it checked,
    # while still sending the URL's host name in the Host header.
    port = int(server.rsplit(":", 1)[1])
    calls = []

    def rebinding_resolver(host, port_, *args, **kwargs):
        calls.append(host)
        address = "127.0.0.1" if len(calls) == 1 else "10.9.9.9"
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, port_))]

    monkeypatch.setattr(fetch.socket, "getaddrinfo", rebinding_resolver)
    monkeypatch.setattr(fetch, "address_refusal",
                        lambda address: None if address == "127.0.0.1" else "a private address")
    page = fetch_url(f"http://news.allies.invalid:{port}/echo/café", timeout=5)
    assert page.content.decode("ascii") == f"news.allies.invalid:{port} /echo/caf%C3%A9"
    assert calls == ["news.allies.invalid"]


def test_oversized_streamed_body(server):
    started = time.monotonic()
    with pytest.raises(InputError, match="exceeds the limit of 100000 bytes"):
        fetch_url(f"{server}/big", allow_private=True, timeout=5, max_bytes=100_000)
    assert time.monotonic() - started < 3


def test_oversized_declared_length(server):
    with pytest.raises(InputError, match="declares 1000000000000 bytes"):
        fetch_url(f"{server}/big-declared", allow_private=True, timeout=5)


def test_slow_server_times_out(server):
    started = time.monotonic()
    with pytest.raises(InputError, match="timed out after 0.3 s"):
        fetch_url(f"{server}/slow", allow_private=True, timeout=0.3)
    assert time.monotonic() - started < 2


def test_dripping_server_hits_the_overall_deadline(server):
    started = time.monotonic()
    with pytest.raises(InputError, match="took longer than 0.5 s"):
        fetch_url(f"{server}/drip", allow_private=True, timeout=2, deadline=0.5)
    assert time.monotonic() - started < 2


def test_gzip_and_deflate_are_decoded(server):
    assert fetch_url(f"{server}/gzip", allow_private=True, timeout=5).content == PAGE.encode("utf-8")
    assert fetch_url(f"{server}/gzip-members", allow_private=True, timeout=5).content == b"one two"
    assert fetch_url(f"{server}/deflate-raw", allow_private=True, timeout=5).content == PAGE.encode("utf-8")


def test_gzip_bomb_is_stopped_at_the_cap(server):
    assert len(BOMB) < 1_000_000  # small on the wire, so only the decompression cap can catch it
    started = time.monotonic()
    with pytest.raises(InputError, match="decompressed body .* exceeds the limit of 1000000 bytes"):
        fetch_url(f"{server}/gzip-bomb", allow_private=True, timeout=5, max_bytes=1_000_000)
    assert time.monotonic() - started < 3


def test_truncated_gzip(server):
    with pytest.raises(InputError, match="truncated gzip body"):
        fetch_url(f"{server}/gzip-truncated", allow_private=True, timeout=5)


def test_unknown_content_encoding(server):
    with pytest.raises(InputError, match="content encoding 'br'"):
        fetch_url(f"{server}/brotli", allow_private=True, timeout=5)


def test_https_to_a_plain_http_server_fails_cleanly(server):
    with pytest.raises(InputError, match="TLS") as info:
        fetch_url(server.replace("http://", "https://") + "/page", allow_private=True, timeout=2)
    assert "\n" not in str(info.value)


def test_refused_connection(server):
    # A port that was free a moment ago: nothing listens there.
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    with pytest.raises(InputError, match="cannot connect"):
        fetch_url(f"http://127.0.0.1:{port}/", allow_private=True, timeout=2)
