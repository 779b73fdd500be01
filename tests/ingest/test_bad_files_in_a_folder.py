"""A folder with one file that cannot be read still stores the others: the bad
file is skipped with a one-line reason (unreadable bytes, permission denied, a
reader whose library fails to import)."""
from __future__ import annotations

import builtins
import os
import sys

import pytest

from allies import Store
from allies.cli import main

GOOD = ("ANKARA, May 7 (Wire) - Turkey and Azerbaijan signed an agreement on energy and transport "
        "cooperation on Wednesday, officials in both capitals said after the talks.\n")
PAGE = ("<html><head><title>Talks in Baku</title></head><body><article><h1>Talks in Baku</h1>"
        "<p>BAKU, March 3 (Wire) - Azerbaijan and Georgia agreed on Monday to expand rail links between "
        "the two countries, the transport ministry said in a statement.</p>"
        "<p>Officials said the first freight trains on the new line would run before the end of the year.</p>"
        "</article></body></html>")


@pytest.fixture
def folder(tmp_path):
    news = tmp_path / "news"
    news.mkdir()
    (news / "a-good.txt").write_text(GOOD)
    (news / "b-page.html").write_text(PAGE)
    (news / "c-bytes.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x10")
    return news


def ingest_folder(tmp_path, folder, capsys) -> tuple[int, str, str]:
    code = main(["ingest", str(folder), "--db", str(tmp_path / "s.duckdb"), "--quiet"])
    out, err = capsys.readouterr()
    return code, out, err


def stored_paths(tmp_path) -> list[str]:
    with Store(tmp_path / "s.duckdb", read_only=True) as store:
        return sorted(os.path.basename(r["path"]) for r in store.query("SELECT path FROM articles"))


def test_a_reader_whose_library_fails_skips_only_its_file(tmp_path, folder, capsys, monkeypatch):
    # What a fresh install hit: trafilatura failing to import lxml.html.clean stopped the
    # whole folder with an internal error and stored nothing.
    real_import = builtins.__import__

    def failing_import(name, *args, **kwargs):
        if name == "trafilatura":
            raise ImportError("lxml.html.clean module is now a separate project lxml_html_clean")
        return real_import(name, *args, **kwargs)

    monkeypatch.delitem(sys.modules, "trafilatura", raising=False)
    monkeypatch.setattr(builtins, "__import__", failing_import)
    code, out, _ = ingest_folder(tmp_path, folder, capsys)
    assert code == 0
    assert "added 1 article" in out and "2 skipped" in out
    assert stored_paths(tmp_path) == ["a-good.txt"]


def test_each_bad_file_is_named_with_a_one_line_reason(tmp_path, folder, capsys):
    code = main(["ingest", str(folder), "--db", str(tmp_path / "s.duckdb")])
    _, err = capsys.readouterr()
    assert code == 0
    skipped = [line for line in err.splitlines() if line.startswith("skipped ")]
    assert len(skipped) == 1 and "c-bytes.txt" in skipped[0] and "binary" in skipped[0]
    assert stored_paths(tmp_path) == ["a-good.txt", "b-page.html"]


def test_permission_denied_skips_the_file(tmp_path, folder, capsys, monkeypatch):
    locked = folder / "d-locked.txt"
    locked.write_text(GOOD.replace("Turkey", "Georgia"))
    if os.geteuid() == 0:  # root reads any file: refuse it the way the kernel would
        from pathlib import Path

        real_read = Path.read_bytes

        def read_bytes(self):
            if self.name == "d-locked.txt":
                raise PermissionError(13, "Permission denied", str(self))
            return real_read(self)

        monkeypatch.setattr(Path, "read_bytes", read_bytes)
    else:
        locked.chmod(0)
    code = main(["ingest", str(folder), "--db", str(tmp_path / "s.duckdb")])
    _, err = capsys.readouterr()
    assert code == 0
    assert any("d-locked.txt" in line and "Permission denied" in line for line in err.splitlines())
    assert stored_paths(tmp_path) == ["a-good.txt", "b-page.html"]
