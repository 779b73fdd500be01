"""``allies kb``: the knowledge base and code book from the command line."""
from __future__ import annotations

import argparse
import io
import json

import pytest

from allies.cli import kb as kb_cli
from allies.errors import InputError


def run(argv: list[str]) -> int:
    """Parse and run an ``allies kb`` command line with only this module registered."""
    parser = argparse.ArgumentParser(prog="allies")
    sub = parser.add_subparsers(dest="command")
    kb_cli.register(sub)
    args = parser.parse_args(argv)
    return args.func(args)


def test_actor(capsys):
    assert run(["kb", "actor", "Russian Foreign Minister Sergei Lavrov", "--date", "2022-12-05"]) == 0
    assert capsys.readouterr().out.strip() == "RUSGOV\tRUS\tgovernment\tSergei Lavrov"
    assert run(["kb", "actor", "the Kremlin", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["code"] == "RUSGOV"
    assert run(["kb", "actor", "the weather"]) == 1
    assert "no known actor" in capsys.readouterr().err


def test_mentions_from_argument_file_and_stdin(capsys, tmp_path, monkeypatch):
    text = "Azerbaijani troops and NATO officials met."
    assert run(["kb", "mentions", text]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines == ["0\t18\tAzerbaijani troops\tAZEMIL\tAZE\tmilitary", "23\t37\tNATO officials\tNATO\t-\torganisation"]
    article = tmp_path / "a.txt"
    article.write_text(text, encoding="utf-8")
    assert run(["kb", "mentions", "--file", str(article), "--json"]) == 0
    assert [row["code"] for row in json.loads(capsys.readouterr().out)] == ["AZEMIL", "NATO"]
    monkeypatch.setattr("sys.stdin", io.StringIO(text))
    assert run(["kb", "mentions", "-"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 2
    with pytest.raises(InputError, match="cannot read"):
        run(["kb", "mentions", "--file", str(tmp_path / "missing.txt")])


def test_country_and_holder(capsys):
    assert run(["kb", "country", "Azeri"]) == 0
    assert capsys.readouterr().out.strip() == "AZE\tAzerbaijan"
    assert run(["kb", "country", "Freedonia"]) == 1
    assert run(["kb", "holder", "Azerbaijan", "foreign_minister", "--date", "2015-06-01"]) == 0
    assert capsys.readouterr().out.startswith("Elmar Mammadyarov\tAZE\tforeign_minister\t2004-04-02")
    assert run(["kb", "holder", "NATO", "org_head", "--date", "2020-01-01", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["name"] == "Jens Stoltenberg"
    with pytest.raises(InputError, match="unknown role"):
        run(["kb", "holder", "AZE", "king_of_the_hill"])
    with pytest.raises(InputError, match="not a date"):
        run(["kb", "holder", "AZE", "foreign_minister", "--date", "yesterday"])
    with pytest.raises(InputError, match="not a known country"):
        run(["kb", "holder", "Freedonia", "foreign_minister"])


def test_cameo(capsys):
    assert run(["kb", "cameo", "042"]) == 0
    assert capsys.readouterr().out.strip() == "042\t+1.9\tverbal_cooperation\tCONSULT\tMake a visit"
    assert run(["kb", "cameo", "19", "--json"]) == 0
    codes = [row["code"] for row in json.loads(capsys.readouterr().out)]
    assert codes[0] == "19" and "190" in codes and "196" in codes
    assert run(["kb", "cameo", "--search", "ceasefire"]) == 0
    out = capsys.readouterr().out
    assert "0871" in out and "196" in out
    assert run(["kb", "cameo"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 20
    with pytest.raises(InputError, match="unknown CAMEO code"):
        run(["kb", "cameo", "999"])


def test_through_the_allies_command(run_allies):
    done = run_allies("kb", "actor", "Azerbaijani troops")
    assert done.returncode == 0 and done.stdout.strip() == "AZEMIL\tAZE\tmilitary"
    done = run_allies("kb", "holder", "AZE", "foreign_minister", "--date", "not-a-date")
    assert done.returncode == 2
    assert done.stderr.strip() == "allies: error: not a date (use YYYY-MM-DD): 'not-a-date'"
