"""Dataset importers under hostile input: archive bombs, truncated archives,
fuzzed rows, and kill -9 during an import. Each ends with a clear error or a
counted skip, and the store stays consistent."""
from __future__ import annotations

import importlib.util
import os
import random
import subprocess
import time
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from allies import Store
from allies.errors import InputError
from allies.imports import import_files

from ..conftest import REPO, SHARED_DATA, allies_command
from .killing import kill_repeatedly, timed_run

GDELT_SAMPLE = SHARED_DATA / "samples" / "gdelt2_20191024143000.export.CSV"


def load_generator():
    spec = importlib.util.spec_from_file_location("gdelt_generator", REPO / "benchmarks" / "gdelt_generator.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def store(tmp_path_factory):
    with Store(tmp_path_factory.mktemp("db") / "s.duckdb") as s:
        s.counts()
        yield s


def events_consistent(store: Store) -> None:
    runs = store.query("SELECT coalesce(sum(rows_imported), 0) AS imported FROM import_runs WHERE dataset <> 'atop'")[0]["imported"]
    stored = store.query("SELECT count(*) AS n FROM events WHERE origin <> 'coded'")[0]["n"]
    assert stored == runs, (stored, runs)
    assert store.query("SELECT count(*) - count(DISTINCT event_id) AS d FROM events")[0]["d"] == 0


def test_zip_bomb_is_refused_quickly_without_filling_the_disk(tmp_path, store):
    bomb = tmp_path / "bomb.zip"
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        with archive.open("20191024143000.export.CSV", "w", force_zip64=True) as member:
            chunk = b"\t" * (1 << 20)
            for _ in range(2048):  # 2 GiB of tabs
                member.write(chunk)
    assert bomb.stat().st_size < 5_000_000
    before = store.counts()
    started = time.perf_counter()
    with pytest.raises(InputError, match="(?i)bomb|too large|ratio"):
        import_files(store, [bomb], kind="gdelt")
    assert time.perf_counter() - started < 30
    assert store.counts() == before


def test_truncated_zip_commits_nothing(tmp_path, store, shared_data):
    archive = tmp_path / "day.zip"
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.write(GDELT_SAMPLE, GDELT_SAMPLE.name)
    data = archive.read_bytes()
    (tmp_path / "cut.zip").write_bytes(data[: len(data) // 2])
    before = store.counts()
    with pytest.raises(InputError, match="truncated or corrupt"):
        import_files(store, [tmp_path / "cut.zip"], kind="gdelt")
    assert store.counts() == before


GDELT_COLUMNS = 61


def gdelt_row(rng: random.Random, n: int) -> list[str]:
    row = [""] * GDELT_COLUMNS
    row[0] = str(1000 + n)
    row[1] = "20191024"
    row[2], row[3], row[4] = "201910", "2019", "2019.8055"
    row[5], row[7], row[12] = "RUS", "RUS", "GOV"
    row[15], row[17], row[22] = "AZE", "AZE", "GOV"
    row[25], row[26], row[27], row[28], row[29] = "1", "042", "042", "04", "1"
    row[30] = "1.9"
    row[59] = "20191024143000"
    row[60] = f"https://news.invalid/{n}"
    return row


corruptions = st.sampled_from(["drop_column", "extra_column", "bad_date", "text_goldstein", "nul", "quote", "huge_field",
                               "empty", "unicode", "none"])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(plan=st.lists(corruptions, min_size=1, max_size=25), seed=st.integers(0, 1000))
def test_fuzzed_gdelt_rows(tmp_path_factory, plan, seed):
    rng = random.Random(seed)
    folder = tmp_path_factory.mktemp("fuzz")
    lines = []
    for n, corruption in enumerate(plan):
        row = gdelt_row(rng, n)
        if corruption == "drop_column":
            row.pop(rng.randrange(len(row)))
        elif corruption == "extra_column":
            row.append("extra")
        elif corruption == "bad_date":
            row[1] = rng.choice(["2019-13-45", "yesterday", "", "99999999"])
        elif corruption == "text_goldstein":
            row[30] = "high"
        elif corruption == "nul":
            row[rng.randrange(len(row))] = "a\x00b"
        elif corruption == "quote":
            row[rng.randrange(len(row))] = '"unclosed'
        elif corruption == "huge_field":
            row[60] = "https://x.invalid/" + "a" * 100_000
        elif corruption == "unicode":
            row[5] = "Ру́сский😀"
        line = "\t".join(row) if corruption != "empty" else ""
        lines.append(line)
    path = folder / "20191024143000.export.CSV"
    path.write_bytes(("\n".join(lines) + "\n").encode("utf-8"))
    with Store(folder / "s.duckdb") as store:
        try:
            results = import_files(store, [path], kind="gdelt")
        except InputError as exc:
            assert "\n" not in str(exc)
        else:
            result = results[0]
            assert result.rows_imported + result.rows_skipped + result.duplicates_folded <= max(result.rows_read, len(plan))
            for skip in result.skipped:
                assert isinstance(skip["line"], int) and skip["reason"]
        events_consistent(store)


@pytest.mark.slow
def test_kill_nine_during_import_many_times(tmp_path):
    generator = load_generator()
    files = []
    for n in range(4):  # several files: kills land between and inside per-file transactions
        files.append(generator.generate(tmp_path / f"2019102{n}143000.export.CSV", rows=150_000, seed=n))
    db = tmp_path / "import.duckdb"
    env = {**os.environ, "ALLIES_DB": str(db)}
    command = allies_command() + ["import", "gdelt"] + [str(f) for f in files]

    full = timed_run(allies_command() + ["import", "gdelt"] + [str(f) for f in files] + ["--db", str(tmp_path / "calibrate.duckdb")])

    def check() -> None:
        if db.exists():
            with Store(db) as store:
                events_consistent(store)

    kills = kill_repeatedly(command, env, full, 6, seed=5, after_each=check)
    assert kills >= 6

    final = subprocess.run(command, env=env, capture_output=True, text=True, timeout=600)
    assert final.returncode == 0, final.stderr
    with Store(db) as store, Store(tmp_path / "calibrate.duckdb") as reference:
        events_consistent(store)
        count = "SELECT count(*) AS n FROM events"
        assert store.query(count) == reference.query(count)  # no duplicates after the re-run
    again = subprocess.run(command + ["--json"], env=env, capture_output=True, text=True, timeout=600)
    assert again.returncode == 0, again.stderr
    with Store(db) as store, Store(tmp_path / "calibrate.duckdb") as reference:
        assert store.query("SELECT count(*) AS n FROM events") == reference.query("SELECT count(*) AS n FROM events")
