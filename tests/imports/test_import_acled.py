"""ACLED import: quoted CSV, event types to CAMEO, actors' countries and sectors."""
from __future__ import annotations

from allies.imports import import_files
from .dataset_files import write_table

HEADER = ["event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
          "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
          "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
          "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
          "fatalities", "tags", "timestamp"]


def acled_row(**values: str) -> list[str]:
    return [values.get(name, "") for name in HEADER]


def test_export(store, tmp_path):
    path = write_table(tmp_path / "acled_export.csv", HEADER, [
        acled_row(event_id_cnty="SDN1", event_date="2023-04-15", event_type="Battles",
                  sub_event_type="Armed clash", actor1="Military Forces of Sudan (2019-)", inter1="1",
                  actor2="Rapid Support Forces", inter2="2", country="Sudan", location="Khartoum",
                  admin1="Khartoum", latitude="15.5518", longitude="32.5324",
                  notes='On 15 April, fighting broke out in "Khartoum", near the airport.'),
        acled_row(event_id_cnty="ARM7", event_date="13 September 2022", event_type="Explosions/Remote violence",
                  sub_event_type="Shelling/artillery/missile attack", actor1="Military Forces of Azerbaijan (2003-)",
                  inter1="State forces", actor2="Military Forces of Armenia (2018-)", inter2="State forces",
                  country="Armenia", location="Jermuk", latitude="39.84", longitude="45.67"),
        acled_row(event_id_cnty="ARM8", event_date="2022-09-14", event_type="Protests",
                  sub_event_type="Peaceful protest", actor1="Protesters (Armenia)", inter1="6",
                  country="Armenia", location="Yerevan", latitude="40.18", longitude="44.51"),
        acled_row(event_id_cnty="ARM9", event_date="2022-09-15", event_type="Strategic developments",
                  sub_event_type="Other", actor1="Government of Armenia (2021-)", inter1="1",
                  country="Armenia", latitude="40.18", longitude="44.51"),
        acled_row(event_id_cnty="ARM10", event_date="sometime", event_type="Riots",
                  sub_event_type="Mob violence", actor1="Rioters (Armenia)", inter1="5", country="Armenia"),
    ], delimiter=",")
    [result] = import_files(store, [path])
    assert result.dataset == "acled" and result.rows_read == 5 and result.rows_imported == 3
    assert [s["line"] for s in result.skipped] == [5, 6]
    assert result.skipped[0]["reason"] == "no CAMEO equivalent for Strategic developments / Other"
    rows = {r["external_id"]: r for r in store.query("SELECT * FROM events")}
    clash = rows["SDN1"]
    assert clash["source_country"] == "SDN" and clash["source_sector"] == "military" and clash["source_code"] == "SDNMIL"
    assert clash["target_country"] == "SDN" and clash["target_sector"] == "rebels"
    assert clash["cameo"] == "190" and clash["quad"] == "material_conflict" and clash["goldstein"] == -10.0
    assert clash["geo_country"] == "SDN" and clash["geo_name"] == "Khartoum, Khartoum, Sudan"
    shelling = rows["ARM7"]
    # The actor's own country, not the event's, and the newer text interaction labels.
    assert shelling["date"].isoformat() == "2022-09-13"
    assert (shelling["source_country"], shelling["target_country"]) == ("AZE", "ARM")
    assert shelling["cameo"] == "194" and shelling["source_code"] == "AZEMIL"
    protest = rows["ARM8"]
    assert protest["target_text"] is None and protest["target_country"] is None
    assert protest["cameo"] == "141" and protest["quad"] == "verbal_conflict"
    [again] = import_files(store, [path])
    assert again.rows_imported == 0 and again.already_stored == 3
