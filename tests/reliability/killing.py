"""Killing a command with SIGKILL at random moments inside its run."""
from __future__ import annotations

import random
import signal
import subprocess
import time
from typing import Callable


def timed_run(command: list[str], env: dict | None = None) -> float:
    """Run ``command`` to completion and return its wall time (kills land inside that span)."""
    started = time.perf_counter()
    subprocess.run(command, env=env, check=True, capture_output=True, timeout=600)
    return time.perf_counter() - started


def kill_repeatedly(command: list[str], env: dict, full_seconds: float, kills: int, seed: int,
                    after_each: Callable[[], None], window: tuple[float, float] = (0.2, 0.9),
                    max_attempts: int = 30) -> int:
    """Start ``command`` again and again, SIGKILL it at a random moment within
    ``window`` of a full run, and call ``after_each`` (the consistency check)
    after every run. A run resumes where the last left off, so some finish
    before their kill; it stops after ``kills`` kills. Returns the kills made."""
    rng = random.Random(seed)
    made = attempts = 0
    while made < kills and attempts < max_attempts:
        attempts += 1
        proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(*window) * full_seconds)
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            made += 1
        proc.wait(timeout=60)
        after_each()
    return made
