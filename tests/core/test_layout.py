"""The test tree mirrors ``src/`` (issue 13 §5): the tests of ``src/allies/<name>/``
(or of a stage module ``src/allies/<name>.py``) live in ``tests/<name>/``, so a
newcomer finds a package's tests by its name."""
from __future__ import annotations

from pathlib import Path

import allies

SOURCE = Path(allies.__file__).resolve().parent
TESTS = Path(__file__).resolve().parents[1]
# Test folders named after no source unit, and what they hold.
OTHER_FOLDERS = {
    "core": "the small shared modules (dates, settings, model) and whole-package checks (layers, lint, this layout)",
    "reliability": "hostile input, crashes and concurrency across every stage",
}


def source_packages() -> set[str]:
    return {path.name for path in SOURCE.iterdir() if (path / "__init__.py").is_file()}


def test_every_source_package_has_a_tests_folder():
    missing = sorted(name for name in source_packages() if not any((TESTS / name).glob("test_*.py")))
    assert not missing, f"packages under src/allies/ with no tests/<package>/test_*.py: {', '.join(missing)}"


def test_every_tests_folder_is_named_after_what_it_tests():
    modules = {path.stem for path in SOURCE.glob("*.py")}
    folders = {path.name for path in TESTS.iterdir() if path.is_dir() and not path.name.startswith((".", "__"))}
    stray = sorted(folders - source_packages() - modules - set(OTHER_FOLDERS))
    assert not stray, f"tests/ folders named after nothing in src/allies/: {', '.join(stray)}"
