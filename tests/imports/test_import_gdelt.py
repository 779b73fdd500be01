"""GDELT import: the real 2.0 sample, GDELT 1.0 layouts, bad rows, archives, re-imports."""
from __future__ import annotations

import gzip
import json
import zipfile

import pytest

from allies.errors import InputError
from allies.imports import detect_kind, import_files
from allies.imports.sources import InputFile
from .dataset_files import gdelt_line, write_lines


def test_sample_is_mapped_and_folded(store, gdelt_sample):
    [result] = import_files(store, [gdelt_sample])
    assert result.dataset == "gdelt" and result.variant == "GDELT 2.0"
    assert result.rows_read == 2111
    # 463 rows repeat the date, actor codes, event code and URL of another row.
    assert result.duplicates_folded == 463
    assert result.rows_imported == 1648 and result.rows_skipped == 0
    stored = store.query("SELECT count(*) AS n, sum(duplicates) AS folded, count(DISTINCT event_id) AS ids "
                         "FROM events WHERE origin = 'gdelt'")[0]
    assert stored == {"n": 1648, "folded": 463, "ids": 1648}
    first = store.query("SELECT * FROM events WHERE source_row = 1")[0]
    assert first["external_id"] == "881990832"
    assert first["date"].isoformat() == "2018-10-24"
    assert first["target_code"] == "AUS" and first["target_country"] == "AUS"
    assert first["cameo"] == "139" and first["cameo_root"] == "13"
    assert first["quad"] == "verbal_conflict" and first["goldstein"] == -7.0
    # ActionGeo country is FIPS "CA": Canada.
    assert first["geo_country"] == "CAN" and first["geo_name"].startswith("Vancouver")
    assert first["latitude"] == pytest.approx(49.25)
    assert first["url"].startswith("https://www.timescolonist.com/")
    assert first["source_file"] == str(gdelt_sample) and first["import_run_id"] == result.run_id
    eu = store.query("SELECT target_code, target_country, target_sector FROM events WHERE external_id = '881990833'")
    assert eu == [{"target_code": "IGOEUREEC", "target_country": None, "target_sector": "organisation"}]
    quads = {row["quad"] for row in store.query("SELECT DISTINCT quad FROM events")}
    assert quads == {"verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict"}


def test_reimport_adds_nothing(store, gdelt_sample):
    import_files(store, [gdelt_sample])
    [again] = import_files(store, [gdelt_sample])
    assert again.rows_imported == 0 and again.already_stored == 2111
    assert store.query("SELECT count(*) AS n FROM events")[0]["n"] == 1648
    runs = store.query("SELECT rows_read, rows_imported, duplicates, status FROM import_runs ORDER BY run_id")
    assert runs == [
        {"rows_read": 2111, "rows_imported": 1648, "duplicates": 463, "status": "ok"},
        {"rows_read": 2111, "rows_imported": 0, "duplicates": 2111, "status": "ok"},
    ]


def test_gdelt1_layouts(store, tmp_path):
    with_url = write_lines(tmp_path / "20140301.export.CSV", [
        gdelt_line(58, GlobalEventID="10"),
        gdelt_line(58, GlobalEventID="11", ActionGeo_CountryCode="RS"),  # same event, same URL: folded
        gdelt_line(58, GlobalEventID="12", EventCode="190", EventBaseCode="190", EventRootCode="19",
                   QuadClass="4", GoldsteinScale="-10"),
    ])
    no_url = write_lines(tmp_path / "200601.csv", [
        gdelt_line(57, GlobalEventID="20", Day="20060105"),
        gdelt_line(57, GlobalEventID="21", Day="20060105"),  # no URL: never folded
    ])
    results = import_files(store, [with_url, no_url])
    assert [r.variant for r in results] == ["GDELT 1.0", "GDELT 1.0 (before April 2013)"]
    assert [(r.rows_read, r.rows_imported, r.duplicates_folded) for r in results] == [(3, 2, 1), (2, 2, 0)]
    rows = store.query("SELECT external_id, quad, goldstein, geo_country, url, source_sector FROM events "
                       "ORDER BY external_id")
    assert rows[0] == {"external_id": "10", "quad": "verbal_cooperation", "goldstein": 1.9, "geo_country": "AZE",
                       "url": "https://news.example.net/russia-azerbaijan-visit", "source_sector": "government"}
    assert rows[1]["quad"] == "material_conflict"
    assert [r["url"] for r in rows[2:]] == [None, None]


def test_bad_rows_are_skipped_with_line_numbers(store, tmp_path):
    lines = [
        gdelt_line(GlobalEventID="1", SOURCEURL="https://a.example/1"),
        gdelt_line(GlobalEventID="2", SOURCEURL="https://a.example/2") + "\textra",  # 62 columns
        gdelt_line(GlobalEventID="3", Day="2015031", SOURCEURL="https://a.example/3"),  # bad date
        "\t".join(gdelt_line(GlobalEventID="4").split("\t")[:30]),  # truncated line
        gdelt_line(GlobalEventID="5", GoldsteinScale="high", SOURCEURL="https://a.example/5"),
        gdelt_line(GlobalEventID="6", SOURCEURL="https://a.example/6"),
        gdelt_line(GlobalEventID="7", SOURCEURL="https://a.example/7"),
    ]
    path = write_lines(tmp_path / "bad.export.CSV", lines)
    [result] = import_files(store, [path], kind="gdelt")
    assert result.rows_read == 7 and result.rows_skipped == 4 and result.rows_imported == 3
    assert [item["line"] for item in result.skipped] == [2, 3, 4, 5]
    reasons = {item["line"]: item["reason"] for item in result.skipped}
    assert "too many columns" in reasons[2]
    assert reasons[3] == "bad date: 2015031"
    assert "missing columns" in reasons[4]
    assert reasons[5] == "non-numeric Goldstein score: high"
    # Good rows after rejected lines keep their true line numbers.
    assert store.query("SELECT external_id, source_row FROM events ORDER BY source_row") == [
        {"external_id": "1", "source_row": 1}, {"external_id": "6", "source_row": 6},
        {"external_id": "7", "source_row": 7},
    ]
    report = json.loads(store.query("SELECT report FROM import_runs")[0]["report"])
    assert [item["line"] for item in report["skipped"]] == [2, 3, 4, 5]
    assert report["rows_skipped"] == 4


def test_gzip_zip_folder_and_glob(store, tmp_path):
    lines = [gdelt_line(GlobalEventID=str(i), SOURCEURL=f"https://b.example/{i}") for i in range(1, 4)]
    text = "".join(line + "\n" for line in lines)
    folder = tmp_path / "in"
    folder.mkdir()
    with gzip.open(folder / "20200101.export.CSV.gz", "wt", encoding="utf-8") as handle:
        handle.write(text)
    with zipfile.ZipFile(folder / "20200102.export.CSV.zip", "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("20200102.export.CSV", text.replace("https://b.", "https://c."))
    results = import_files(store, [folder])
    assert [r.rows_imported for r in results] == [3, 3]
    assert results[1].path.endswith(".zip!20200102.export.CSV")
    assert import_files(store, [str(folder / "*.gz")])[0].already_stored == 3


def test_truncated_archives_commit_nothing(store, tmp_path):
    lines = [gdelt_line(GlobalEventID=str(i), SOURCEURL=f"https://d.example/{i}") for i in range(1, 2000)]
    data = gzip.compress("".join(line + "\n" for line in lines).encode())
    gz = tmp_path / "cut.export.CSV.gz"
    gz.write_bytes(data[: len(data) // 2])
    with pytest.raises(InputError, match="cut.export.CSV.gz"):
        import_files(store, [gz], kind="gdelt")
    zipped = tmp_path / "cut.export.CSV.zip"
    with zipfile.ZipFile(zipped, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("cut.export.CSV", "".join(line + "\n" for line in lines))
    raw = zipped.read_bytes()
    zipped.write_bytes(raw[: len(raw) - 200])
    with pytest.raises(InputError, match="zip archive"):
        import_files(store, [zipped])
    assert store.query("SELECT count(*) AS n FROM events")[0]["n"] == 0
    assert store.query("SELECT count(*) AS n FROM import_runs")[0]["n"] == 0


def test_detection(tmp_path, gdelt_sample, icews_sample):
    assert detect_kind(InputFile(str(gdelt_sample), gdelt_sample)) == "gdelt"
    assert detect_kind(InputFile(str(icews_sample), icews_sample)) == "icews"
    other = write_lines(tmp_path / "notes.txt", ["just some words"])
    with pytest.raises(InputError, match="cannot tell what kind"):
        detect_kind(InputFile(str(other), other))


def test_missing_path_and_unknown_kind(store, tmp_path):
    with pytest.raises(InputError, match="no such file"):
        import_files(store, [tmp_path / "absent.csv"])
    with pytest.raises(InputError, match="unknown dataset kind"):
        import_files(store, [tmp_path], kind="cow")


def test_folder_with_other_files(store, tmp_path):
    folder = tmp_path / "downloads"
    folder.mkdir()
    write_lines(folder / "20200101.export.CSV", [gdelt_line(GlobalEventID="1")])
    write_lines(folder / "MD5SUMS.txt", ["0123abcd  20200101.export.CSV"])
    results = import_files(store, [folder])
    assert [(r.dataset, r.rows_imported) for r in results] == [("gdelt", 1), ("unknown", 0)]
    assert "cannot tell what kind" in results[1].summary()
