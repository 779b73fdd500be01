"""The benchmark's synthetic GDELT generator writes files the importer takes whole."""
from __future__ import annotations

import importlib.util
from pathlib import Path

from allies.imports import import_files

GENERATOR = Path(__file__).resolve().parents[2] / "benchmarks" / "gdelt_generator.py"


def test_generated_file_imports(store, tmp_path):
    spec = importlib.util.spec_from_file_location("gdelt_generator", GENERATOR)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    path = module.generate(tmp_path / "synthetic.export.CSV", rows=5000)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 5000 and {line.count("\t") for line in lines} == {60}
    [result] = import_files(store, [path])
    assert result.dataset == "gdelt" and result.rows_read == 5000 and result.rows_skipped == 0
    # Every tenth row repeats the one before it.
    assert result.duplicates_folded >= 500 and result.rows_imported == 5000 - result.duplicates_folded
    unmapped = store.query("SELECT count(*) AS n FROM events WHERE quad IS NULL OR date IS NULL "
                           "OR geo_country IS NULL OR length(geo_country) <> 3")[0]["n"]
    assert unmapped == 0
