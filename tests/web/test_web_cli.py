"""``allies serve`` as a real process."""
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

from allies.store import Store

SOURCE = str(Path(__file__).resolve().parents[2] / "src")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_serve_answers_and_stops_cleanly(store_path, tmp_path):
    port = free_port()
    env = {**os.environ, "ALLIES_TOKEN": "", "PYTHONPATH": SOURCE}
    process = subprocess.Popen([sys.executable, "-m", "allies", "serve", "--db", str(store_path), "--port", str(port),
                                                   "--log-level", "warning"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=tmp_path)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/health", timeout=2) as response:
                    health = json.load(response)
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError(process.stderr.read() if process.poll() is not None else "server did not start")
                time.sleep(0.2)
        assert health["articles"] == 4 and health["uploads"] is False
    finally:
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=30)
    assert "serving" in out and f":{port}/" in out and "uploads disabled" in out
    assert "Traceback" not in err
    with Store(store_path) as store:  # released after shutdown
        assert store.counts()["articles"] == 4


def test_serve_bad_port_and_locked_store(run_allies, store_path):
    env = {"PYTHONPATH": SOURCE}
    result = run_allies("serve", "--db", str(store_path), "--port", "70000", env=env)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == ["allies: error: --port must be between 1 and 65535, got 70000"]
    missing = run_allies("serve", "--db", str(store_path.parent / "no" / "such.duckdb"), env=env)
    assert missing.returncode == 3 and "does not exist" in missing.stderr and "Traceback" not in missing.stderr
    with Store(store_path) as holder:
        holder.con  # this process holds the writer lock
        locked = run_allies("serve", "--db", str(store_path), "--port", str(free_port()), env=env)
    assert locked.returncode == 3 and "in use by another process" in locked.stderr
    assert len(locked.stderr.strip().splitlines()) == 1
