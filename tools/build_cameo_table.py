"""Fill the derived columns of src/allies/nlp/data/cameo.tsv.

The code and name columns of cameo.tsv are written by hand; this script
derives the rest from the two reference tables in ../shared/data/reference:

- goldstein: from CAMEO.goldsteinscale.txt (code<TAB>value);
- quad: from the code's two-digit root (01-05 verbal cooperation, 06-09
  material cooperation, 10-14 verbal conflict, 15-20 material conflict);
- plover, plover_mode, plover_context: from CAMEO2PLOVER-2021.txt, whose lines
  read ``CODE: EVENT, mode, context # comment``. Root codes take the mapping
  of their "not specified" child (080 for 08), because the file's root
  headers are sometimes split (08 appears as CONCEDE and as RETREAT).

Run from the repository root:
    python tools/build_cameo_table.py [--reference DIR] [--check]
With --check it only reports whether the table is up to date (exit 1 if not).
"""
from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TABLE = ROOT / "src" / "allies" / "nlp" / "data" / "cameo.tsv"
DEFAULT_REFERENCE = ROOT / ".." / "shared" / "data" / "reference"
COLUMNS = ["code", "name", "goldstein", "quad", "plover", "plover_mode", "plover_context"]


def quad_for_root(root: str) -> str:
    number = int(root)
    if 1 <= number <= 5:
        return "verbal_cooperation"
    if 6 <= number <= 9:
        return "material_cooperation"
    if 10 <= number <= 14:
        return "verbal_conflict"
    if 15 <= number <= 20:
        return "material_conflict"
    raise ValueError(f"not a CAMEO root: {root}")


def read_goldstein(path: Path) -> dict[str, str]:
    values: dict[str, str] = {}
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            parts = line.strip().split("\t")
            if len(parts) != 2 or not parts[0].isdigit():
                continue  # the header and blank lines
            values[parts[0]] = f"{float(parts[1]):.1f}"
    return values


def read_plover(path: Path) -> dict[str, tuple[str, str, str]]:
    """CAMEO code -> (event type, mode, context); later duplicates agree in the file."""
    mapping: dict[str, tuple[str, str, str]] = {}
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            body = line.split("#", 1)[0].strip()
            if ":" not in body:
                continue
            code, _, rest = body.partition(":")
            code = code.strip()
            if not code.isdigit():
                continue
            fields = [field.strip() for field in rest.split(",")]
            event = fields[0] if fields else ""
            if not event:
                continue
            mode = fields[1] if len(fields) > 1 else ""
            context = ",".join(fields[2:]).strip() if len(fields) > 2 else ""
            # contexts are written "military; legal": keep them as a ';'-list without spaces
            context = ";".join(part.strip() for part in context.split(";") if part.strip())
            if len(code) == 2:
                continue  # root headers: see the module docstring
            mapping[code] = (event, mode.replace(" ", ""), context)
    return mapping


def build(reference: Path) -> tuple[list[dict[str, str]], list[str]]:
    goldstein = read_goldstein(reference / "CAMEO.goldsteinscale.txt")
    plover = read_plover(reference / "CAMEO2PLOVER-2021.txt")
    with TABLE.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    notes: list[str] = []
    names = {row["code"]: row["name"] for row in rows}
    missing_names = sorted(set(goldstein) - set(names))
    if missing_names:
        raise SystemExit(f"cameo.tsv lacks names for codes: {', '.join(missing_names)}")
    unknown = sorted(set(names) - set(goldstein))
    if unknown:
        raise SystemExit(f"cameo.tsv has codes the Goldstein table lacks: {', '.join(unknown)}")
    for code in sorted(set(plover) - set(goldstein)):
        notes.append(f"PLOVER table maps {code}, which is not a CAMEO code in the Goldstein table; skipped")
    out = []
    for row in rows:
        code = row["code"]
        root = code[:2]
        mapped = plover.get(code) or (plover.get(code + "0") if len(code) == 2 else None)
        out.append({
            "code": code,
            "name": row["name"],
            "goldstein": goldstein[code],
            "quad": quad_for_root(root),
            "plover": mapped[0] if mapped else "",
            "plover_mode": mapped[1] if mapped else "",
            "plover_context": mapped[2] if mapped else "",
        })
    return out, notes


def render(rows: list[dict[str, str]]) -> str:
    lines = ["\t".join(COLUMNS)]
    lines += ["\t".join(row[column] for column in COLUMNS) for row in rows]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reference", type=Path, default=DEFAULT_REFERENCE,
                        help="folder with CAMEO.goldsteinscale.txt and CAMEO2PLOVER-2021.txt")
    parser.add_argument("--check", action="store_true", help="only check that cameo.tsv is up to date")
    args = parser.parse_args(argv)
    rows, notes = build(args.reference)
    for note in notes:
        print(note, file=sys.stderr)
    text = render(rows)
    if args.check:
        current = TABLE.read_text(encoding="utf-8")
        if current != text:
            print("cameo.tsv is out of date; run tools/build_cameo_table.py", file=sys.stderr)
            return 1
        print(f"cameo.tsv is up to date ({len(rows)} codes)")
        return 0
    TABLE.write_text(text, encoding="utf-8")
    mapped = sum(1 for row in rows if row["plover"])
    print(f"wrote {TABLE.relative_to(ROOT)}: {len(rows)} codes, {mapped} with a PLOVER mapping")
    return 0


if __name__ == "__main__":
    sys.exit(main())
