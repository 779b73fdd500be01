"""`allies kb cameo --search`: names, PLOVER labels and the coder's trigger words, any case."""
from __future__ import annotations

from allies.cli import main


def codes_found(capsys, *words: str) -> list[str]:
    code = main(["kb", "cameo", "--search", *words])
    out = capsys.readouterr().out
    return [line.split("\t")[0] for line in out.splitlines()] if code == 0 else []


def test_tariff_finds_the_sanction_codes(capsys):
    # No CAMEO name says "tariff"; the coder codes imposing one as 163 and lifting one as 085.
    assert {"163", "085"} <= set(codes_found(capsys, "tariff"))
    assert {"163", "085"} <= set(codes_found(capsys, "Tariffs"))


def test_names_match_in_any_case(capsys):
    found = codes_found(capsys, "CEASEFIRE")
    assert found and all(code[:2].isdigit() for code in found)
    assert codes_found(capsys, "ceasefire") == found


def test_nothing_found_says_so(capsys):
    assert main(["kb", "cameo", "--search", "zzqqx"]) == 1
    assert "no CAMEO code" in capsys.readouterr().err
