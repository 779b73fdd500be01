"""POLECAT import: header names that drift between releases, PLOVER to CAMEO."""
from __future__ import annotations

from allies.imports import import_files
from .dataset_files import write_table

RELEASE_A = ["Event ID", "Event Date", "Event Type", "Event Mode", "Intensity", "Quad Code", "Contexts",
             "Actor Name", "Actor Country", "Actor COW", "Primary Actor Sector", "Actor Sectors",
             "Recipient Name", "Recipient Country", "Recipient COW", "Primary Recipient Sector",
             "Recipient Sectors", "Placename", "City", "District", "Province", "Country", "Lat", "Lon",
             "GeoNames ID", "Source", "Story ID", "Language", "Version"]
# A later release: renamed intensity, actor sector columns reordered, extra columns.
RELEASE_B = ["Event ID", "Event Date", "Event Type", "Event Mode", "Event Intensity", "Quad Code",
             "Contexts", "Actor Name", "Actor Country", "Actor Sectors", "Primary Actor Sector", "Actor Title",
             "Recipient Name", "Recipient Country", "Primary Recipient Sector", "Recipient Title", "Placename",
             "Country", "Lat", "Lon", "Feature Type", "Story ID", "Publication Date", "Wikipedia Actor ID"]


def row_for(header: list[str], values: dict[str, str]) -> list[str]:
    return [values.get(name, "") for name in header]


def test_two_releases(store, tmp_path):
    a = write_table(tmp_path / "ngecEvents.20220101.txt", RELEASE_A, [
        row_for(RELEASE_A, {"Event ID": "a1", "Event Date": "2022-01-03", "Event Type": "ASSAULT",
                            "Event Mode": "aerial", "Intensity": "-9", "Actor Name": "Russia", "Actor Country": "RUS",
                            "Primary Actor Sector": "Military", "Recipient Name": "Ukraine",
                            "Recipient Country": "UKR", "Primary Recipient Sector": "Government",
                            "Placename": "Kharkiv", "Country": "UKR", "Lat": "49.99", "Lon": "36.23",
                            "Story ID": "s1"}),
        row_for(RELEASE_A, {"Event ID": "a2", "Event Date": "2022-01-03", "Event Type": "CONSULT",
                            "Intensity": "", "Actor Name": "Azerbaijan", "Actor Country": "Azerbaijan",
                            "Recipient Name": "Russia", "Recipient Country": "Russian Federation",
                            "Story ID": "s2"}),
        row_for(RELEASE_A, {"Event ID": "a3", "Event Date": "2022-01-04", "Event Type": "DANCE",
                            "Actor Name": "X", "Story ID": "s3"}),
    ])
    b = write_table(tmp_path / "ngecEvents.20230101.txt", RELEASE_B, [
        row_for(RELEASE_B, {"Event ID": "b1", "Event Date": "2023-05-01 00:00:00", "Event Type": "AGREE",
                            "Event Intensity": "4.5", "Actor Name": "Armenia", "Actor Country": "ARM",
                            "Primary Actor Sector": "Government", "Recipient Name": "France",
                            "Recipient Country": "FRA", "Story ID": "s9", "Wikipedia Actor ID": "Q399"}),
    ])
    results = import_files(store, [a, b])  # detected as POLECAT
    assert [r.dataset for r in results] == ["polecat", "polecat"]
    assert [(r.rows_read, r.rows_imported, r.rows_skipped) for r in results] == [(3, 2, 1), (1, 1, 0)]
    assert results[0].skipped == [{"line": 4, "reason": "unknown PLOVER event type: DANCE"}]
    rows = {r["external_id"]: r for r in store.query("SELECT * FROM events")}
    strike = rows["a1"]
    assert strike["plover"] == "ASSAULT" and strike["cameo"] == "195" and strike["quad"] == "material_conflict"
    assert strike["goldstein"] == -9.0 and strike["source_code"] == "RUSMIL" and strike["target_code"] == "UKRGOV"
    assert strike["geo_country"] == "UKR" and strike["latitude"] == 49.99 and strike["story_id"] == "s1"
    talk = rows["a2"]
    # Country names resolve too; no intensity: the PLOVER type's Goldstein value.
    assert talk["source_country"] == "AZE" and talk["target_country"] == "RUS"
    assert talk["cameo"] == "040" and talk["goldstein"] == 1.0 and talk["quad"] == "verbal_cooperation"
    agree = rows["b1"]
    assert agree["date"].isoformat() == "2023-05-01" and agree["goldstein"] == 4.5
    assert agree["source_sector"] == "government" and agree["quad"] == "verbal_cooperation"
