"""The packages import one way (issue 13 §3): each layer imports only layers
below it, so ``store`` imports nothing above it, ``ingest`` never imports
``store``, and no two packages import each other. Imports are read with ast,
lazy ones inside functions included."""
from __future__ import annotations

import ast
from pathlib import Path

import allies

SOURCE = Path(allies.__file__).resolve().parent

# Lowest first. A module may import its own package and any package of a lower layer.
LAYERS = [
    {"errors", "version", "wording"},
    {"model", "settings", "dates", "tables"},
    {"store", "demo", "countries"},
    {"nlp"},
    {"imports"},
    {"ingest", "relations"},
    {"spark"},
    {"api", "corpus_eval"},
    {"web"},
    {"allies"},  # the package facade, allies/__init__.py
    {"cli"},
    {"__main__"},
]
RANK = {name: rank for rank, layer in enumerate(LAYERS) for name in layer}


def unit_of(path: Path) -> str:
    """The package (or top-level module) a source file belongs to."""
    parts = path.relative_to(SOURCE).with_suffix("").parts
    if parts == ("__init__",):
        return "allies"
    return parts[0]


def imported_units(path: Path) -> set[str]:
    """The allies packages and top-level modules a file imports."""
    parts = list(path.relative_to(SOURCE).with_suffix("").parts)
    package = ["allies", *parts[:-1]]  # a module's package; for __init__.py the package itself
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                module = base + (node.module.split(".") if node.module else [])
            else:
                module = (node.module or "").split(".")
            if module[0] != "allies":
                continue
            if len(module) == 1:  # "from .. import relations" names modules; "from .. import Store" the facade
                for alias in node.names:
                    found.add(alias.name if alias.name in RANK else "allies")
            else:
                found.add(module[1])
        elif isinstance(node, ast.Import):
            for alias in node.names:
                module = alias.name.split(".")
                if module[0] == "allies":
                    found.add(module[1] if len(module) > 1 else "allies")
    return found


def import_graph() -> dict[str, dict[str, list[str]]]:
    """unit -> imported unit -> the files that import it."""
    graph: dict[str, dict[str, list[str]]] = {}
    for path in sorted(SOURCE.rglob("*.py")):
        unit = unit_of(path)
        for other in imported_units(path):
            if other != unit:
                graph.setdefault(unit, {}).setdefault(other, []).append(str(path.relative_to(SOURCE)))
    return graph


def test_every_package_has_a_layer():
    units = {unit_of(p) for p in SOURCE.rglob("*.py")}
    assert units <= set(RANK), f"give these a layer in LAYERS: {sorted(units - set(RANK))}"


def test_layers_import_only_downwards():
    wrong = [f"{unit} (layer {RANK[unit]}) imports {other} (layer {RANK[other]}) in {', '.join(files)}"
             for unit, imports in import_graph().items() for other, files in imports.items()
             if RANK[other] >= RANK[unit]]
    assert not wrong, "\n".join(wrong)


def test_store_and_ingest_stay_apart():
    graph = import_graph()
    assert set(graph.get("store", {})) <= LAYERS[0] | LAYERS[1]
    assert "store" not in graph.get("ingest", {})


def test_no_import_cycles_between_packages():
    graph = {unit: set(imports) for unit, imports in import_graph().items()}

    def reaches(start: str, goal: str, seen: set[str]) -> bool:
        for nxt in graph.get(start, ()):
            if nxt == goal or (nxt not in seen and reaches(nxt, goal, seen | {nxt})):
                return True
        return False

    cycles = sorted(unit for unit in graph if reaches(unit, unit, {unit}))
    assert not cycles, f"packages in an import cycle: {cycles}"


def test_the_checker_sees_a_lazy_upward_import(tmp_path, monkeypatch):
    # The checker itself: an import inside a function counts.
    fake = SOURCE / "store" / "db.py"
    text = fake.read_text(encoding="utf-8") + "\n\ndef _x():\n    from ..relations import ask\n"
    copy = tmp_path / "allies" / "store" / "db.py"
    copy.parent.mkdir(parents=True)
    copy.write_text(text)
    monkeypatch.setattr(__import__(__name__, fromlist=["SOURCE"]), "SOURCE", tmp_path / "allies")
    assert "relations" in imported_units(copy)
