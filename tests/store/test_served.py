"""Commands on a store while `allies serve` holds it: read commands are answered
by the server over loopback (the same output as without it), writing commands
say how to add data, and the serve file goes away with the server."""
from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from allies.errors import StoreError
from allies.relations import prepare
from allies.store import Store
from allies.store.served import running_server, serve_file
from tests.relations.conftest import fill_store

QUESTION = "Are Turkey and Azerbaijan allies?"


def allies(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ALLIES_")}
    return subprocess.run([sys.executable, "-m", "allies", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120, check=False)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def store_path(tmp_path):
    path = tmp_path / "served.duckdb"
    with Store(path) as store:
        fill_store(store, "allied_tur_aze")
        prepare(store)  # as every write through the API does; the server would do it at start
    return path


@pytest.fixture
def server(store_path, tmp_path):
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("ALLIES_")}
    process = subprocess.Popen([sys.executable, "-m", "allies", "serve", "--db", str(store_path),
                                "--port", str(port), "--log-level", "warning"],
                               cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"server exited: {process.stderr.read()}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/health", timeout=2):
                break
        except OSError:
            time.sleep(0.2)
    else:
        process.kill()
        pytest.fail("server did not start")
    yield process, port
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def test_read_commands_are_answered_by_the_running_server(store_path, tmp_path):
    alone = allies("ask", QUESTION, "--db", str(store_path), cwd=tmp_path)
    assert alone.returncode == 0, alone.stderr
    alone_info = allies("info", "--db", str(store_path), "--json", cwd=tmp_path)
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("ALLIES_")}
    process = subprocess.Popen([sys.executable, "-m", "allies", "serve", "--db", str(store_path),
                                "--port", str(port), "--log-level", "warning"],
                               cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while running_server(store_path) is None and time.monotonic() < deadline:
            assert process.poll() is None, process.stderr.read()
            time.sleep(0.2)
        served = running_server(store_path)
        assert served is not None and served.port == port and served.pid == process.pid
        assert oct(serve_file(store_path).stat().st_mode & 0o777) == "0o600"  # the key is the owner's

        asked = allies("ask", QUESTION, "--db", str(store_path), cwd=tmp_path)
        assert asked.returncode == 0, asked.stderr
        assert asked.stdout == alone.stdout  # the same answer as without the server

        info = allies("info", "--db", str(store_path), "--json", cwd=tmp_path)
        assert info.returncode == 0, info.stderr
        assert json.loads(info.stdout) == json.loads(alone_info.stdout)

        work = tmp_path / "work"
        work.mkdir()
        exported = allies("export", "--format", "csv", "--out", "tur.csv", "--country", "TUR",
                          "--db", str(store_path), cwd=work)
        assert exported.returncode == 0, exported.stderr
        assert (work / "tur.csv").read_text().startswith("event_id,")  # relative to the caller's folder
        assert "events written to" in exported.stderr

        bad = allies("ask", "Is Atlantis an ally of Azerbaijan?", "--db", str(store_path), cwd=tmp_path)
        assert bad.returncode == 2 and bad.stderr.startswith("allies: error:") and len(bad.stderr.splitlines()) == 1

        article = tmp_path / "note.txt"
        article.write_text("ANKARA, May 7 (Wire) - Turkey and Azerbaijan held talks on energy and "
                           "transport links on Wednesday, officials in both capitals said.\n")
        ingested = allies("ingest", str(article), "--db", str(store_path), cwd=tmp_path)
        assert ingested.returncode != 0
        message = ingested.stderr.strip()
        assert len(message.splitlines()) == 1
        assert f"served by allies serve (pid {process.pid}) on port {port}" in message
        assert f"http://127.0.0.1:{port}/upload" in message and "/api/ingest" in message
        assert "stop the server" in message

        with pytest.raises(StoreError, match=f"served by allies serve .pid {process.pid}. on port {port}"):
            Store(store_path).con  # the Python API, too, says who holds the store
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)
    assert not serve_file(store_path).exists()  # removed on exit
    again = allies("ask", QUESTION, "--db", str(store_path), cwd=tmp_path)
    assert again.returncode == 0 and again.stdout == alone.stdout


def test_the_local_command_endpoint_wants_the_key(server, store_path):
    _, port = server
    request = urllib.request.Request(f"http://127.0.0.1:{port}/api/local/run", method="POST",
                                     data=json.dumps({"argv": ["info"], "cwd": "/"}).encode(),
                                     headers={"Content-Type": "application/json", "X-Allies-Key": "guess"})
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=10)
    assert refused.value.code == 403
    served = running_server(store_path)
    request = urllib.request.Request(f"http://127.0.0.1:{port}/api/local/run", method="POST",
                                     data=json.dumps({"argv": ["ingest", "x.txt"], "cwd": "/"}).encode(),
                                     headers={"Content-Type": "application/json", "X-Allies-Key": served.key})
    with urllib.request.urlopen(request, timeout=30) as response:
        result = json.loads(response.read())
    assert result["exit_code"] != 0 and "not a read command" in result["stderr"]


def test_a_stale_serve_file_is_ignored(store_path, tmp_path):
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True).stdout.strip()
    serve_file(store_path).write_text(json.dumps({"pid": int(dead), "host": "127.0.0.1", "port": 9,
                                                  "key": "k", "store": str(store_path)}))
    assert running_server(store_path) is None
    info = allies("info", "--db", str(store_path), cwd=tmp_path)
    assert info.returncode == 0, info.stderr
    assert "events by origin" in info.stdout
