"""The web server keeps answering reads while an ingest runs: N parallel
clients on loopback, bounded in count and time, with bounded latency."""
from __future__ import annotations

import json
import os
import socket
import statistics
import subprocess
import threading
import time
import urllib.error
import urllib.request

import pytest

from ..conftest import allies_command

READERS = 6
MAX_REQUESTS_PER_READER = 40
TEST_SECONDS = 60
TOKEN = "concurrency-test-token"
PAIRS = [("Russia", "Azerbaijan"), ("Turkey", "Azerbaijan"), ("Armenia", "Russia"), ("Belarus", "Russia")]
VERBS = ["met", "praised", "criticised", "signed an agreement with", "accused", "held talks with"]


def articles(count: int, offset: int = 0) -> list[dict]:
    docs = []
    for n in range(offset, offset + count):
        a, b = PAIRS[n % len(PAIRS)]
        verb = VERBS[n % len(VERBS)]
        docs.append({"title": f"Load article {n}", "date": f"2023-{1 + n % 12:02d}-{1 + n % 27:02d}",
                     "text": f"{a} {verb} {b} on day {n}. Officials of {b} answered {a} on day {n}. "
                             f"The foreign ministers of {a} and {b} spoke again on day {n}."})
    return docs


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def request(url: str, data: bytes | None = None, timeout: float = 60) -> tuple[int, float, bytes]:
    headers = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"} if data else {}
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(urllib.request.Request(url, data=data, headers=headers), timeout=timeout) as resp:
            body = resp.read()
            status = resp.status
    except urllib.error.HTTPError as exc:
        body, status = exc.read(), exc.code
    return status, time.perf_counter() - started, body


@pytest.mark.slow
def test_reads_stay_fast_while_an_ingest_runs(tmp_path):
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {**os.environ, "ALLIES_TOKEN": TOKEN}
    server = subprocess.Popen(allies_command() + ["serve", "--db", str(tmp_path / "s.duckdb"), "--port", str(port)],
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if request(f"{base}/api/health", timeout=2)[0] == 200:
                    break
            except OSError:
                pass
            assert server.poll() is None, server.stderr.read().decode()[-2000:]
            assert time.monotonic() < deadline, "server did not start"
            time.sleep(0.3)

        status, _, body = request(f"{base}/api/ingest", json.dumps(articles(40)).encode())
        assert status == 201, body[:300]

        write_window: dict[str, float] = {}
        write_result: dict[str, object] = {}

        def writer() -> None:
            write_window["start"] = time.perf_counter()
            write_result["status"], _, write_result["body"] = request(f"{base}/api/ingest", json.dumps(articles(300, offset=40)).encode(), timeout=TEST_SECONDS * 3)
            write_window["end"] = time.perf_counter()

        latencies: list[tuple[float, float, int]] = []  # (started, seconds, status)
        lock = threading.Lock()
        stop_at = time.perf_counter() + TEST_SECONDS
        paths = ["/api/ask?q=Are%20Russia%20and%20Azerbaijan%20allies%3F", "/api/events?limit=50",
                 "/api/dyads/RUS/AZE", "/api/articles?q=Load", "/"]

        def reader(index: int) -> None:
            for n in range(MAX_REQUESTS_PER_READER):
                if time.perf_counter() > stop_at or ("end" in write_window and n >= 5):
                    return
                started = time.perf_counter()
                status, seconds, _ = request(base + paths[(index + n) % len(paths)], timeout=30)
                with lock:
                    latencies.append((started, seconds, status))

        threads = [threading.Thread(target=writer)] + [threading.Thread(target=reader, args=(i,)) for i in range(READERS)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=TEST_SECONDS * 3)
        assert not any(thread.is_alive() for thread in threads)

        assert write_result["status"] == 201, write_result["body"][:300]
        assert json.loads(write_result["body"])["report"]["added"] == 300
        assert all(status == 200 for _, _, status in latencies), [s for _, _, s in latencies if s != 200][:5]
        during = [seconds for started, seconds, _ in latencies if write_window["start"] <= started <= write_window["end"]]
        assert len(during) >= READERS, "reads did not overlap the write"
        p95 = statistics.quantiles(during, n=20)[-1] if len(during) >= 20 else max(during)
        print(f"\n{len(latencies)} reads, {len(during)} during a {write_window['end'] - write_window['start']:.1f} s ingest; "
              f"median {statistics.median(during) * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms, max {max(during) * 1000:.0f} ms")
        assert p95 < 5.0  # two cores shared by the server, the coder and six clients
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
