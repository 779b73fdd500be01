"""The import and export commands: output, exit codes, one-line errors."""
from __future__ import annotations

import json

from allies.cli import main


def test_import_and_export_commands(tmp_path, gdelt_sample, icews_sample, capsys):
    db = str(tmp_path / "cli.duckdb")
    assert main(["import", str(gdelt_sample), "--db", db]) == 0
    out = capsys.readouterr().out
    assert "1,648 events imported from 2,111 rows (463 duplicates folded" in out
    assert main(["import", "icews", str(icews_sample), "--db", db, "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report[0]["dataset"] == "icews" and report[0]["rows_imported"] == 3625
    target = tmp_path / "out.parquet"
    assert main(["export", "--format", "parquet", "--country", "USA", "--out", str(target), "--db", db]) == 0
    assert target.exists() and "1,181 events written to" in capsys.readouterr().err


def test_errors_are_one_line(tmp_path, capsys):
    db = str(tmp_path / "cli.duckdb")
    bad = tmp_path / "cut.export.CSV.gz"
    bad.write_bytes(b"\x1f\x8b\x08\x00garbage")
    assert main(["import", "gdelt", str(bad), "--db", db]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("allies: error:") and "cut.export.CSV.gz" in err and len(err.splitlines()) == 1
    assert main(["import", str(tmp_path / "nothing-here"), "--db", db]) == 2
    assert "no such file" in capsys.readouterr().err
    assert main(["import", "gdelt", "--db", db]) == 2
    assert main(["export", "--out", str(tmp_path / "x.csv"), "--since", "31/12/2020", "--db", db]) == 2
    assert "since: not a date" in capsys.readouterr().err
    assert main(["import", "--engine", "spark", str(tmp_path), "--db", db]) == 2
    assert "--out" in capsys.readouterr().err
