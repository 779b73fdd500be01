"""``allies eval``: where it finds its dev data, and one confusion matrix per threshold."""
from __future__ import annotations

from allies.model import Actor, CodedDocument, Event
from allies.nlp.evaluate import DEV_DATA_ENV, QUAD_FILE, evaluate_triples, find_dev_data


def _dev_folder(root):
    folder = root / "shared" / "data" / "dev"
    folder.mkdir(parents=True)
    (folder / QUAD_FILE).write_text("Russia attacked Ukraine.\t4\n", encoding="utf-8")
    return folder


def test_dev_data_is_found_beside_a_clone_from_inside_it(tmp_path):
    dev = _dev_folder(tmp_path)
    inside = tmp_path / "allies" / "src" / "allies"
    inside.mkdir(parents=True)
    elsewhere = tmp_path.parent / (tmp_path.name + "-source")
    assert find_dev_data(env={}, cwd=inside, source=elsewhere) == dev


def test_dev_data_is_found_from_the_source_file_when_cwd_is_elsewhere(tmp_path):
    dev = _dev_folder(tmp_path / "checkout")
    source = tmp_path / "checkout" / "allies" / "src" / "allies" / "nlp" / "evaluate.py"
    source.parent.mkdir(parents=True)
    cwd = tmp_path / "somewhere"
    cwd.mkdir()
    assert find_dev_data(env={}, cwd=cwd, source=source) == dev


def test_explicit_folder_then_environment_win(tmp_path):
    _dev_folder(tmp_path)
    given = tmp_path / "given"
    assert find_dev_data(given, env={DEV_DATA_ENV: "/x"}, cwd=tmp_path) == given
    assert str(find_dev_data(env={DEV_DATA_ENV: str(given)}, cwd=tmp_path)) == str(given)


def test_no_dev_data_anywhere_names_all_three_ways(tmp_path, capsys, monkeypatch):
    from allies.cli import main
    from allies.nlp import evaluate

    monkeypatch.delenv(DEV_DATA_ENV, raising=False)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(evaluate, "__file__", str(tmp_path / "evaluate.py"))
    assert main(["eval"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert "--data" in err[0] and DEV_DATA_ENV in err[0] and "../shared/data/dev" in err[0]


class _FixedCoder:
    """Codes every record with a confident consultation and an unsure attack listed first."""

    def code_documents(self, documents):
        for document in documents:
            events = [_event("190", 0.3), _event("040", 0.8)]
            yield CodedDocument(document=document, events=events)


def _event(cameo, confidence):
    return Event(0, "x", Actor("Russia", "RUS", "RUS"), Actor("Ukraine", "UKR", "UKR"), cameo,
                 "material_conflict", -10.0, confidence=confidence)


def test_each_confidence_threshold_prints_its_own_root_confusion(capsys):
    records = [{"text": "Russia and Ukraine held talks.", "date": None, "codings": [("RUS", "UKR", "040")],
                "no_events": False}]
    evaluate_triples(_FixedCoder(), records, 0, 0.0)
    low = capsys.readouterr().out
    evaluate_triples(_FixedCoder(), records, 0, 0.5)
    high = capsys.readouterr().out
    # at 0.0 the unsure attack is the top event; at 0.5 only the consultation counts
    assert low.split("root confusion")[1] != high.split("root confusion")[1]
    assert "19" in low.split("root confusion")[1] and "19" not in high.split("root confusion")[1]
