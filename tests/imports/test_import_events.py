"""allies event files (JSON Lines, Parquet): what the Spark coder and exports write."""
from __future__ import annotations

import json

from allies.imports import import_files
from allies.imports.export import export


def test_jsonl_flat_nested_and_bad_lines(store, tmp_path):
    lines = [
        {"origin": "coded", "date": "2022-02-22", "source_text": "Russia", "source_code": "RUS",
         "source_country": "RUS", "target_text": "Azerbaijan", "target_code": "AZE", "target_country": "AZE",
         "cameo": "057", "goldstein": 8.0, "url": "https://example.org/a", "sentence_index": 0,
         "modality": "asserted", "negated": False, "trigger": "signed"},
        # Event.to_dict form: nested actors, no origin.
        {"date": "2022-09-13", "source": {"text": "Armenia", "code": "ARM", "country": "ARM", "sector": None},
         "target": {"text": "Azerbaijan", "code": "AZE", "country": "AZE", "sector": None},
         "cameo": "112", "quad": "verbal_conflict", "goldstein": -2.0, "negated": True, "modality": "asserted",
         "sentence_index": 1, "trigger": "accused"},
    ]
    text = "\n".join(json.dumps(line) for line in lines)
    text += "\n{not json\n" + json.dumps({"date": "2022-13-40", "cameo": "040"}) + "\n"
    path = tmp_path / "events.jsonl"
    path.write_text(text, encoding="utf-8")
    [result] = import_files(store, [path])
    assert result.dataset == "events" and result.rows_read == 4 and result.rows_imported == 2
    assert [(s["line"], s["reason"]) for s in result.skipped] == [(3, "not valid JSON"), (4, "bad date: 2022-13-40")]
    rows = {r["cameo"]: r for r in store.query("SELECT * FROM events")}
    signed = rows["057"]
    assert signed["origin"] == "coded" and signed["quad"] == "verbal_cooperation" and signed["cameo_root"] == "05"
    accused = rows["112"]
    assert accused["origin"] == "events" and accused["source_country"] == "ARM" and accused["negated"] is True
    assert import_files(store, [path])[0].rows_imported == 0


def test_parquet_round_trip_keeps_provenance(store, tmp_path, gdelt_sample):
    from allies.store import Store

    import_files(store, [gdelt_sample])
    out = tmp_path / "gdelt.parquet"
    assert export(store, out, fmt="parquet") == 1648
    with Store(tmp_path / "other.duckdb") as other:
        [result] = import_files(other, [out])
        assert result.rows_imported == 1648
        # The original dataset file, line and folded count travel with the events.
        row = other.query("SELECT source_file, source_row, duplicates, origin FROM events "
                          "WHERE external_id = '881990832'")[0]
        assert row == {"source_file": str(gdelt_sample), "source_row": 1, "duplicates": 0, "origin": "gdelt"}
        assert other.query("SELECT sum(duplicates) AS d FROM events")[0]["d"] == 463
