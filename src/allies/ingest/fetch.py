"""Fetch a web page without letting a URL reach places it should not.

A URL given to ``allies ingest`` (or to the web app) is untrusted: it may name
a host that resolves to the machine itself, to the local network or to a cloud
metadata address, it may redirect there, and it may answer with an endless or
hugely compressed body.  :func:`fetch_url` guards against each of these:

* only ``http`` and ``https`` URLs, without credentials;
* every address the host resolves to is checked with :mod:`ipaddress`
  (IPv4 and IPv6, with IPv4 embedded in IPv6 unwrapped) and the connection is
  made to one of those checked addresses, so a second DNS answer cannot swap
  in a private address between the check and the connection;
* redirects are followed by hand, at most :data:`MAX_REDIRECTS`, and each
  target goes through the same checks;
* connect and read timeouts, plus an overall deadline for the whole fetch;
* the body is streamed and cut off past ``max_bytes``, before and after
  gzip/deflate decoding.

Every failure raises :class:`allies.errors.InputError` with one clear line.
"""
from __future__ import annotations

import http.client
import ipaddress
import socket
import ssl
import threading
import time
import zlib
from dataclasses import dataclass
from urllib.parse import quote, urljoin, urlsplit, urlunsplit

from ..errors import InputError
from ..version import __version__

MAX_REDIRECTS = 5
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
USER_AGENT = f"allies/{__version__} (news reader for research on relations between states)"
READ_CHUNK = 64 * 1024

# NAT64 well-known prefix: the last 32 bits are an IPv4 address.
_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")


@dataclass(frozen=True)
class FetchedPage:
    """What :func:`fetch_url` brings back.

    ``content`` is the decoded body (gzip/deflate undone), ``content_type`` the
    media type without parameters ("text/html") or None when the server sent
    none, ``charset`` the declared character set or None.
    """

    url: str
    final_url: str
    content: bytes
    content_type: str | None
    charset: str | None


def fetch_url(url: str, *, allow_private: bool = False, timeout: float = 15,
              max_bytes: int = 20_000_000, deadline: float | None = None) -> FetchedPage:
    """Fetch ``url`` with GET and return the final page after redirects.

    ``timeout`` bounds each connect and each read (seconds); ``deadline``
    bounds the whole fetch, redirects included (default: four times
    ``timeout``).  ``max_bytes`` caps both the bytes received and the bytes
    after decompression.  ``allow_private`` lets the URL reach loopback and
    private addresses (for tests and deliberate local use only).
    """
    if not isinstance(url, str) or not url.strip():
        raise InputError("no URL given")
    if timeout <= 0:
        raise InputError("timeout must be positive")
    if max_bytes <= 0:
        raise InputError("max_bytes must be positive")
    overall = deadline if deadline is not None else 4 * timeout
    ends_at = time.monotonic() + overall

    current = url.strip()
    seen: set[str] = set()
    for _attempt in range(MAX_REDIRECTS + 1):
        target = _parse_target(current)
        if target.url in seen:
            raise InputError(f"redirect loop at {target.url}")
        seen.add(target.url)
        with _Hop(target, allow_private=allow_private, timeout=timeout, ends_at=ends_at,
                  overall=overall) as hop:
            response = hop.send()
            if response.status in REDIRECT_STATUSES:
                location = response.getheader("Location")
                if not location:
                    raise InputError(f"HTTP {response.status} redirect without a Location from {target.url}")
                current = urljoin(target.url, location.strip())
                continue
            if not 200 <= response.status < 300:
                reason = (response.reason or "").strip()
                raise InputError(f"HTTP {response.status} {reason} from {target.url}".replace("  ", " "))
            content = hop.read_body(max_bytes)
            headers = response.headers
            has_type = headers.get("Content-Type") is not None
            return FetchedPage(
                url=url.strip(),
                final_url=target.url,
                content=content,
                content_type=headers.get_content_type() if has_type else None,
                charset=headers.get_content_charset() if has_type else None,
            )
    raise InputError(f"too many redirects (more than {MAX_REDIRECTS}) starting from {url.strip()}")


# --- URL and address checks -------------------------------------------------

@dataclass(frozen=True)
class _Target:
    url: str        # normalised absolute URL
    scheme: str
    host: str       # ASCII host name or literal address, without brackets
    port: int
    request_path: str  # path and query as sent on the request line
    host_header: str


def _parse_target(url: str) -> _Target:
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise InputError(f"malformed URL {url!r}: {exc}") from None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        shown = scheme or "no scheme"
        raise InputError(f"only http and https URLs can be fetched, not {shown}: {url}")
    if parts.username is not None or parts.password is not None:
        raise InputError(f"URLs with a user name or password are not fetched: {url}")
    host = parts.hostname
    if not host:
        raise InputError(f"URL has no host: {url}")
    if any(ch.isspace() for ch in url) or any(ord(ch) < 32 for ch in url):
        raise InputError(f"URL contains spaces or control characters: {url!r}")
    if ":" in host:  # IPv6 literal; drop a zone index, which makes no sense on the Internet
        host = host.split("%", 1)[0]
    else:
        try:
            host = host.encode("idna").decode("ascii")
        except UnicodeError:
            raise InputError(f"URL has an invalid host name: {url}") from None
    if port is None:
        port = 443 if scheme == "https" else 80
    if port == 0:
        raise InputError(f"URL has port 0: {url}")
    # Keep reserved characters and existing escapes; escape the rest (spaces, non-ASCII).
    safe = "/%:@!$&'()*+,;=-._~"
    path = quote(parts.path or "/", safe=safe)
    query = quote(parts.query, safe=safe + "?")
    request_path = path + (f"?{query}" if query else "")
    shown_host = f"[{host}]" if ":" in host else host
    default_port = (scheme == "https" and port == 443) or (scheme == "http" and port == 80)
    netloc = shown_host if default_port else f"{shown_host}:{port}"
    normalised = urlunsplit((scheme, netloc, path, query, ""))
    return _Target(url=normalised, scheme=scheme, host=host, port=port,
                   request_path=request_path, host_header=netloc)


def address_refusal(address: str) -> str | None:
    """Why a connection to ``address`` must be refused, or None if it is public.

    Addresses embedded in IPv6 (IPv4-mapped, NAT64, 6to4, Teredo) are judged
    by the IPv4 address they carry.
    """
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return "not an IP address"
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = ip.ipv4_mapped or ip.sixtofour
        if embedded is None and ip.teredo is not None:
            embedded = ip.teredo[1]  # the client's address
        if embedded is None and ip in _NAT64:
            embedded = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
        if embedded is not None:
            reason = address_refusal(str(embedded))
            return f"{reason} ({embedded} carried inside an IPv6 address)" if reason else None
    for test, reason in (
        ("is_unspecified", "an unspecified address"),
        ("is_loopback", "a loopback address"),
        ("is_link_local", "a link-local address"),
        ("is_multicast", "a multicast address"),
        ("is_private", "a private address"),
        ("is_reserved", "a reserved address"),
    ):
        if getattr(ip, test):
            return reason
    if not ip.is_global:  # e.g. 100.64.0.0/10 carrier-grade NAT, 192.0.0.0/24
        return "not a public address"
    return None


def _lookup(host: str, port: int, timeout: float) -> list[tuple]:
    """``getaddrinfo`` bounded in time: the system resolver has no timeout of its own."""
    outcome: dict[str, object] = {}

    def work() -> None:
        try:
            outcome["infos"] = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM,
                                                  proto=socket.IPPROTO_TCP)
        except Exception as exc:  # handed to the caller below
            outcome["error"] = exc

    worker = threading.Thread(target=work, name=f"resolve {host}", daemon=True)
    worker.start()
    worker.join(timeout)
    if worker.is_alive():  # left to finish on its own; it holds nothing of ours
        raise InputError(f"cannot resolve host {host}: no answer within {timeout:g} s")
    error = outcome.get("error")
    if isinstance(error, (socket.gaierror, UnicodeError)):
        raise InputError(f"cannot resolve host {host}: {getattr(error, 'strerror', None) or error}")
    if isinstance(error, Exception):
        raise InputError(f"cannot resolve host {host}: {type(error).__name__}: {error}")
    return outcome["infos"]  # type: ignore[return-value]


def _resolve(host: str, port: int, allow_private: bool, timeout: float) -> list[tuple]:
    """Resolve ``host`` and return connectable addresses, all of them checked."""
    infos = _lookup(host, port, timeout)
    usable: list[tuple] = []
    for family, _type, _proto, _name, sockaddr in infos:
        if family not in (socket.AF_INET, socket.AF_INET6):
            continue
        address = sockaddr[0]
        if not allow_private:
            reason = address_refusal(address)
            if reason:
                # One bad answer taints the name: a later connect could pick it.
                raise InputError(f"refusing to fetch from {host}: it resolves to {address}, {reason}")
        usable.append((family, sockaddr))
    if not usable:
        raise InputError(f"cannot resolve host {host}: no IPv4 or IPv6 address")
    return usable


# --- connection pinned to a checked address ---------------------------------

def _connect_pinned(addresses: list[tuple], timeout: float) -> socket.socket:
    last_error: OSError | None = None
    for family, sockaddr in addresses:
        sock = socket.socket(family, socket.SOCK_STREAM)
        try:
            sock.settimeout(timeout)
            sock.connect(sockaddr)
            return sock
        except OSError as exc:
            sock.close()
            last_error = exc
    assert last_error is not None
    raise last_error


class _PinnedHTTPConnection(http.client.HTTPConnection):
    """An HTTP connection to a fixed, already checked address list."""

    def __init__(self, host: str, port: int, addresses: list[tuple], timeout: float):
        super().__init__(host, port, timeout=timeout)
        self._addresses = addresses

    def connect(self) -> None:
        self.sock = _connect_pinned(self._addresses, self.timeout)


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    """HTTPS to a checked address, verifying the certificate for the URL's host name."""

    def __init__(self, host: str, port: int, addresses: list[tuple], timeout: float):
        super().__init__(host, port, timeout=timeout, context=ssl.create_default_context())
        self._addresses = addresses

    def connect(self) -> None:
        sock = _connect_pinned(self._addresses, self.timeout)
        try:
            self.sock = self._context.wrap_socket(sock, server_hostname=self.host)
        except BaseException:
            sock.close()
            raise


class _Watchdog:
    """Cut a connection off when the overall deadline passes.

    Socket timeouts bound each single read, but a server that drips one byte
    at a time never trips them; shutting the socket down from a timer does.
    """

    def __init__(self, seconds: float):
        self.fired = False
        self._sock: socket.socket | None = None
        self._lock = threading.Lock()
        self._timer = threading.Timer(max(seconds, 0.0), self._fire)
        self._timer.daemon = True

    def watch(self, sock: socket.socket) -> None:
        self._sock = sock
        self._timer.start()

    def _fire(self) -> None:
        with self._lock:
            self.fired = True
            if self._sock is not None:
                try:
                    # The plain socket method, so a TLS socket is cut at the TCP level
                    # without touching its TLS state from this thread.
                    socket.socket.shutdown(self._sock, socket.SHUT_RDWR)
                except OSError:
                    pass

    def cancel(self) -> None:
        with self._lock:
            self._timer.cancel()
            self._sock = None


def _remaining(ends_at: float, overall: float, url: str) -> float:
    left = ends_at - time.monotonic()
    if left <= 0:
        raise InputError(f"fetching {url} took longer than {overall:g} s")
    return left


class _Hop:
    """One request and its response; closes everything on exit."""

    def __init__(self, target: _Target, *, allow_private: bool, timeout: float, ends_at: float,
                 overall: float):
        self.target = target
        self.timeout = timeout
        self.ends_at = ends_at
        self.overall = overall
        addresses = _resolve(target.host, target.port, allow_private,
                             min(timeout, _remaining(ends_at, overall, target.url)))
        step_timeout = min(timeout, _remaining(ends_at, overall, target.url))
        cls = _PinnedHTTPSConnection if target.scheme == "https" else _PinnedHTTPConnection
        self.connection = cls(target.host, target.port, addresses, step_timeout)
        self.watchdog = _Watchdog(ends_at - time.monotonic())
        self.response: http.client.HTTPResponse | None = None

    def __enter__(self) -> "_Hop":
        return self

    def __exit__(self, *exc_info) -> None:
        self.watchdog.cancel()
        if self.response is not None:
            self.response.close()
        self.connection.close()

    def error(self, exc: Exception) -> InputError:
        if self.watchdog.fired or time.monotonic() >= self.ends_at:
            return InputError(f"fetching {self.target.url} took longer than {self.overall:g} s")
        return _network_error(exc, self.target.url, self.timeout)

    def send(self) -> http.client.HTTPResponse:
        target = self.target
        try:
            self.connection.connect()
            self.watchdog.watch(self.connection.sock)
            self.connection.putrequest("GET", target.request_path, skip_host=True,
                                       skip_accept_encoding=True)
            self.connection.putheader("Host", target.host_header)
            self.connection.putheader("User-Agent", USER_AGENT)
            self.connection.putheader("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
            self.connection.putheader("Accept-Encoding", "gzip, deflate")
            self.connection.putheader("Connection", "close")
            self.connection.endheaders()
            self.response = self.connection.getresponse()
        except InputError:
            raise
        except Exception as exc:
            raise self.error(exc) from None
        return self.response

    def read_body(self, max_bytes: int) -> bytes:
        response = self.response
        assert response is not None
        url = self.target.url
        length = response.getheader("Content-Length")
        if length is not None:
            try:
                declared = int(length.strip())
            except ValueError:
                raise InputError(f"bad Content-Length {length!r} from {url}") from None
            if declared > max_bytes:
                raise InputError(f"{url} declares {declared} bytes, more than the limit of {max_bytes}")

        encoding = (response.getheader("Content-Encoding") or "identity").strip().lower()
        if encoding == "x-gzip":
            encoding = "gzip"
        if encoding not in ("identity", "gzip", "deflate"):
            raise InputError(f"{url} sent content encoding {encoding!r}, which cannot be decoded")
        decoder = _Decoder(encoding, max_bytes, url) if encoding != "identity" else None

        raw_parts: list[bytes] = []
        received = 0
        try:
            while True:
                # read1: at most one socket read, so the size cap is checked as data arrives.
                chunk = response.read1(READ_CHUNK)
                if not chunk:
                    break
                received += len(chunk)
                if received > max_bytes:
                    raise InputError(f"body of {url} exceeds the limit of {max_bytes} bytes")
                if decoder is not None:
                    decoder.feed(chunk)
                else:
                    raw_parts.append(chunk)
        except InputError:
            raise
        except Exception as exc:
            raise self.error(exc) from None
        if self.watchdog.fired:  # the cut-off looks like a normal end of a close-delimited body
            raise self.error(TimeoutError())
        return decoder.finish() if decoder is not None else b"".join(raw_parts)


def _network_error(exc: Exception, url: str, timeout: float) -> InputError:
    if isinstance(exc, InputError):
        return exc
    if isinstance(exc, (socket.timeout, TimeoutError)):
        return InputError(f"timed out after {timeout:g} s waiting for {url}")
    if isinstance(exc, ssl.SSLCertVerificationError):
        return InputError(f"TLS certificate of {url} is not valid: {exc.verify_message or exc}")
    if isinstance(exc, ssl.SSLError):
        return InputError(f"TLS failed with {url}: {exc.reason or exc}")
    if isinstance(exc, http.client.IncompleteRead):
        return InputError(f"connection to {url} closed before the whole body arrived")
    if isinstance(exc, http.client.HTTPException):
        detail = str(exc).splitlines()[0] if str(exc) else ""
        return InputError(f"bad HTTP response from {url}: {type(exc).__name__} {detail}".strip())
    if isinstance(exc, OSError):
        return InputError(f"cannot connect to {url}: {exc.strerror or exc}")
    return InputError(f"fetching {url} failed: {type(exc).__name__}: {exc}")


# --- body ----------------------------------------------------------------------

class _Decoder:
    """Undo gzip or deflate content encoding, never producing more than ``limit`` bytes."""

    def __init__(self, encoding: str, limit: int, url: str):
        self.encoding = encoding
        self.limit = limit
        self.url = url
        self.parts: list[bytes] = []
        self.size = 0
        self._started = False
        self._decompressor = self._new()

    def _new(self):
        if self.encoding == "gzip":
            return zlib.decompressobj(16 + zlib.MAX_WBITS)
        # "deflate" is meant to be zlib-wrapped, but some servers send raw deflate.
        return zlib.decompressobj(zlib.MAX_WBITS)

    def feed(self, data: bytes) -> None:
        while data:
            try:
                # Ask for at most one byte past the limit: enough to know it is exceeded.
                out = self._decompressor.decompress(data, self.limit - self.size + 1)
            except zlib.error as exc:
                if self.encoding == "deflate" and not self._started:
                    self._decompressor = zlib.decompressobj(-zlib.MAX_WBITS)
                    self._started = True
                    continue
                raise InputError(f"corrupt {self.encoding} body from {self.url}: {exc}") from None
            self._started = True
            self._take(out)
            if self._decompressor.unconsumed_tail:
                data = self._decompressor.unconsumed_tail
            elif self._decompressor.eof and self._decompressor.unused_data and self.encoding == "gzip":
                # Concatenated gzip members form one valid stream.
                data = self._decompressor.unused_data
                self._decompressor = self._new()
            else:
                data = b""

    def _take(self, out: bytes) -> None:
        self.size += len(out)
        if self.size > self.limit:
            raise InputError(f"decompressed body of {self.url} exceeds the limit of {self.limit} bytes")
        if out:
            self.parts.append(out)

    def finish(self) -> bytes:
        if self._started and not self._decompressor.eof:
            raise InputError(f"truncated {self.encoding} body from {self.url}")
        return b"".join(self.parts)
