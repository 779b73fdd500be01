"""ICEWS import: the real sample, countries and sectors, NA values, bad rows."""
from __future__ import annotations

from allies.imports import import_files
from .dataset_files import write_table

HEADER = ["Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text", "CAMEO Code",
          "Intensity", "Target Name", "Target Sectors", "Target Country", "Story ID", "Sentence Number",
          "Publisher", "City", "District", "Province", "Country", "Latitude", "Longitude"]


def test_sample(store, icews_sample):
    [result] = import_files(store, [icews_sample])
    assert result.dataset == "icews"
    assert result.rows_read == 3705 and result.rows_skipped == 0
    # 80 rows repeat date, actors, code and story of another row.
    assert result.duplicates_folded == 80 and result.rows_imported == 3625
    first = store.query("SELECT * FROM events WHERE source_row = 2")[0]  # line 1 is the header
    assert first["external_id"] == "32889836" and first["story_id"] == "47400351"
    assert first["source_text"] == "Foreign Affairs (Bangladesh)"
    assert (first["source_country"], first["source_sector"], first["source_code"]) == ("BGD", "government", "BGDGOV")
    # "Military,Government": military wins.
    assert (first["target_country"], first["target_sector"], first["target_code"]) == ("VNM", "military", "VNMMIL")
    assert first["cameo"] == "040" and first["quad"] == "verbal_cooperation" and first["goldstein"] == 1.0
    assert first["geo_country"] == "VNM" and first["geo_name"] == "Hanoi, Thanh Pho Ha Noi, Vietnam"
    assert first["sentence_index"] == 2 and first["date"].isoformat() == "2018-06-01"
    # ICEWS's own country names (Russian Federation, Korea, Republic of, ...) all resolve.
    unresolved = store.query(
        "SELECT count(*) AS n FROM events WHERE geo_country IS NOT NULL AND length(geo_country) <> 3")
    assert unresolved[0]["n"] == 0


def test_na_and_bad_rows(store, tmp_path):
    rows = [
        ["1", "2018-06-01", "Citizen (Armenia)", "NA", "Armenia", "Protest", "141", "-6.5", "Police (Armenia)",
         "Police", "Armenia", "9", "1", "P", "Yerevan", "NA", "Yerevan", "Armenia", "40.18", "44.51"],
        ["2", "2018-06-31", "A", "NA", "Armenia", "x", "141", "-6.5", "B", "NA", "Armenia", "9", "1", "P",
         "NA", "NA", "NA", "Armenia", "NA", "NA"],
        ["3", "2018-06-02", "A", "NA", "Armenia", "x", "141", "strong", "B", "NA", "Armenia", "10", "1", "P",
         "NA", "NA", "NA", "Armenia", "NA", "NA"],
        ["4", "2018-06-02", "United Nations", "International Government Organization", "NA", "Consult", "040",
         "", "Government (Armenia)", "Government", "Armenia", "11", "1", "P", "", "", "", "", "", ""],
    ]
    path = write_table(tmp_path / "events.2018.tab", HEADER, rows)
    [result] = import_files(store, [path], kind="icews")
    assert result.rows_read == 4 and result.rows_imported == 2
    assert [(s["line"], s["reason"]) for s in result.skipped] == [
        (3, "bad date: 2018-06-31"), (4, "non-numeric intensity: strong")]
    protest = store.query("SELECT * FROM events WHERE external_id = '1'")[0]
    assert protest["source_sector"] is None and protest["source_code"] == "ARM"
    assert protest["target_code"] == "ARMCOP" and protest["quad"] == "verbal_conflict"
    assert protest["geo_name"] == "Yerevan, Yerevan, Armenia"
    un = store.query("SELECT * FROM events WHERE external_id = '4'")[0]
    assert un["source_country"] is None and un["source_sector"] == "organisation" and un["source_code"] == "IGO"
    assert un["goldstein"] is None and un["geo_name"] is None and un["latitude"] is None
