"""The CAMEO code book: integrity against the reference tables and the lookup API."""
from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

from allies.errors import InputError
from allies.model import QUADS
from allies.nlp.codebook import CODEBOOK, CameoCode, cameo

ROOT = Path(__file__).resolve().parents[2]
REFERENCE = ROOT / ".." / "shared" / "data" / "reference"
GOLDSTEIN_FILE = REFERENCE / "CAMEO.goldsteinscale.txt"
PLOVER_FILE = REFERENCE / "CAMEO2PLOVER-2021.txt"

needs_reference = pytest.mark.skipif(
    not (GOLDSTEIN_FILE.exists() and PLOVER_FILE.exists()),
    reason="../shared/data/reference is not available",
)


def _reference_goldstein() -> dict[str, float]:
    values = {}
    for line in GOLDSTEIN_FILE.read_text(encoding="utf-8").splitlines():
        parts = line.strip().split("\t")
        if len(parts) == 2 and parts[0].isdigit():
            values[parts[0]] = float(parts[1])
    return values


def _reference_plover() -> dict[str, str]:
    mapping = {}
    for line in PLOVER_FILE.read_text(encoding="utf-8").splitlines():
        match = re.match(r"^(\d{3,4}):\s*([A-Z]+)", line)
        if match:
            mapping[match.group(1)] = match.group(2)
    return mapping


@needs_reference
def test_every_goldstein_code_is_in_the_book_with_its_value():
    reference = _reference_goldstein()
    assert len(reference) > 300
    for code, value in reference.items():
        entry = cameo(code)
        assert entry is not None, code
        assert entry.goldstein == pytest.approx(value), code
    assert set(CODEBOOK.codes()) == set(reference)


@needs_reference
def test_plover_types_follow_the_translation_table():
    mapping = _reference_plover()
    checked = 0
    for code, event_type in mapping.items():
        entry = cameo(code)
        if entry is None:
            continue  # the table maps a few codes CAMEO itself lacks (1213, 1214)
        assert entry.plover == event_type, code
        checked += 1
    assert checked > 250
    # statements and appeals have no PLOVER counterpart in the 2021 table
    assert cameo("010").plover is None and cameo("0233").plover is None


@needs_reference
def test_table_is_up_to_date_with_its_generator():
    spec = importlib.util.spec_from_file_location("build_cameo_table", ROOT / "tools" / "build_cameo_table.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    rows, _notes = module.build(REFERENCE)
    expected = module.render(rows)
    assert (ROOT / "src" / "allies" / "nlp" / "data" / "cameo.tsv").read_text(encoding="utf-8") == expected


@pytest.mark.parametrize("root, quad", [
    ("01", "verbal_cooperation"), ("05", "verbal_cooperation"), ("06", "material_cooperation"),
    ("09", "material_cooperation"), ("10", "verbal_conflict"), ("14", "verbal_conflict"),
    ("15", "material_conflict"), ("20", "material_conflict"),
])
def test_quad_class_is_set_by_root(root, quad):
    assert CODEBOOK.quad(root) == quad
    for code in CODEBOOK.codes():
        if code[:2] == root:
            assert cameo(code).quad == quad, code


def test_every_code_is_well_formed():
    roots = set(CODEBOOK.roots())
    assert roots == {f"{n:02d}" for n in range(1, 21)}
    for entry in CODEBOOK:
        assert isinstance(entry, CameoCode)
        assert entry.quad in QUADS
        assert entry.name and entry.name[0].isupper()
        assert -10.0 <= entry.goldstein <= 10.0
        assert entry.root in roots
        if entry.parent is not None:
            assert entry.parent in CODEBOOK, entry.code
    assert len(CODEBOOK) == len(CODEBOOK.codes()) > 300


def test_lookup_api():
    consult = cameo("042")
    assert consult.name == "Make a visit"
    assert consult.goldstein == pytest.approx(1.9)
    assert consult.quad == "verbal_cooperation"
    assert consult.plover == "CONSULT" and consult.plover_mode == "visit"
    assert consult.root == "04" and consult.parent == "04" and consult.level == 2
    assert cameo("999") is None
    assert cameo("") is None and cameo(None) is None and cameo("4x") is None
    assert CODEBOOK.quad("19") == "material_conflict"
    assert CODEBOOK.goldstein("1231") == pytest.approx(-4.0)
    assert CODEBOOK.root_name("19") == "Fight"
    assert CODEBOOK.root_name("1384") == "Threaten"
    assert CODEBOOK.name("190") == "Use conventional military force"
    assert CODEBOOK.children("04") == ["040", "041", "042", "043", "044", "045", "046"]
    assert "0311" in CODEBOOK.children("031")
    assert cameo("1231").parent == "123"


def test_codes_that_lost_their_leading_zero_are_repaired():
    assert cameo(42).code == "042"
    assert cameo("311").code == "0311"
    assert cameo(4).code == "04"
    assert cameo(190).code == "190"


def test_require_raises_a_clear_error():
    assert CODEBOOK.require("173").name.startswith("Arrest")
    with pytest.raises(InputError, match="unknown CAMEO code"):
        CODEBOOK.require("2099")


def test_plover_groups():
    assert "190" in CODEBOOK.by_plover["ASSAULT"]
    assert "042" in CODEBOOK.by_plover["CONSULT"]
    # 163 (sanctions) is coercion in PLOVER, not a reduction of relations
    assert cameo("163").plover == "COERCE"


def test_a_verb_frame_needs_every_object_group():
    from allies.nlp.patterns import pattern_book

    book = pattern_book()
    invited = book.match_verb("send", {"to", "at"}, {"troop", "request"})
    assert invited is not None and invited.cameo == "074" and len(invited.object_groups) == 2
    letter = book.match_verb("send", {"to", "at"}, {"letter", "request"})
    assert letter is None or letter.cameo != "074"
    assert book.match_verb("send", {"to"}, {"aid"}).cameo == "073"  # one group still works alone
