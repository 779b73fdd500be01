import json

import pytest

from allies.cli import main
from allies.model import Actor, CodedDocument, Document, Event, Sentence
from allies.store import Store

from .conftest import fill_store


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "cli.duckdb"
    store = Store(path)
    fill_store(store, "motivating_rus_aze", "allied_tur_aze", "hostile_rus_ukr")
    # An article whose title and sentence carry markup: reports must escape it.
    text = "Azerbaijan <script>alert(1)</script> called Turkey its ally & brother."
    doc = Document(text=text, title="<b>Bold</b> & \"quoted\"", date="2024-05-01", url="https://news.example/x?a=1&b=2")
    event = Event(sentence_index=0, sentence=text, source=Actor("Azerbaijan", country="AZE"),
                  target=Actor("Turkey", country="TUR"), cameo="051", quad="verbal_cooperation", goldstein=3.4)
    store.add_coded(CodedDocument(doc, [Sentence(0, text, 0, len(text))], [], [event]))
    store.close()
    return str(path)


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_ask_text_and_json(db, capsys):
    code, out, err = run(capsys, "ask", "Are Azerbaijan and Russia allies?", "--db", db)
    assert code == 0 and err == ""
    assert out.startswith("Azerbaijan – Russia: ")
    assert "ALLIED " not in out.splitlines()[0]
    assert "Evidence against:" in out and "https://news.example/ru-az-ally-1" in out
    code, out, _ = run(capsys, "ask", "Russia-Azerbaijan relations", "--db", db, "--since", "2025-01-01", "--json")
    data = json.loads(out)
    assert code == 0 and data["dyad"] == ["RUS", "AZE"] and data["since"] == "2025-01-01"
    assert {"verdict", "confidence", "formal_ties", "summary", "evidence"} <= set(data)


def test_unclear_question_is_one_line_error(db, capsys):
    code, out, err = run(capsys, "ask", "Are they allies?", "--db", db)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "cannot tell which two countries" in err
    code, _, err = run(capsys, "ask", "Are Azerbaijan and Russia allies?", "--db", db, "--since", "last year")
    assert code == 2 and "not a date" in err


def test_missing_store_is_one_line_error(tmp_path, capsys):
    code, _, err = run(capsys, "ask", "Are Azerbaijan and Russia allies?", "--db", str(tmp_path / "none.duckdb"))
    assert code == 3 and "no store" in err and err.count("\n") == 1
    assert not (tmp_path / "none.duckdb").exists()


def test_check(db, capsys):
    code, out, _ = run(capsys, "check", "Turkey is an ally of Azerbaijan", "--db", db)
    assert code == 0 and "Outcome: SUPPORTED" in out
    code, out, _ = run(capsys, "check", "Russia and Ukraine are allies", "--db", db, "--json")
    assert json.loads(out)["outcome"] == "contradicted"
    code, _, err = run(capsys, "check", "Russia and Ukraine had talks", "--db", db)
    assert code == 2 and "cannot tell what the claim asserts" in err


@pytest.mark.parametrize("suffix,magic", [(".png", b"\x89PNG"), (".svg", b"<?xml")])
def test_dyad_table_and_plot(db, tmp_path, capsys, suffix, magic):
    plot = tmp_path / f"chart{suffix}"
    code, out, _ = run(capsys, "dyad", "Russia", "Azerbaijan", "--db", db, "--plot", str(plot))
    assert code == 0 and "RUS>AZE" in out and "2024-12" in out
    assert plot.read_bytes().startswith(magic)


def test_dyad_rejects_bad_input(db, tmp_path, capsys):
    code, _, err = run(capsys, "dyad", "Russia", "Narnia", "--db", db)
    assert code == 2 and "unknown country" in err
    code, _, err = run(capsys, "dyad", "Russia", "Azerbaijan", "--db", db, "--plot", str(tmp_path / "c.gif"))
    assert code == 2 and ".png or .svg" in err
    code, out, _ = run(capsys, "dyad", "RUS", "AZE", "--db", db, "--json", "--until", "2024-12-31")
    assert code == 0 and all(r["month"] <= "2024-12" for r in json.loads(out)["rows"])


def test_report_is_self_contained_and_escaped(db, tmp_path, capsys):
    out_file = tmp_path / "report.html"
    code, out, _ = run(capsys, "report", "Azerbaijan", "Turkey", "--db", db, "--out", str(out_file))
    assert code == 0 and "report written" in out
    html = out_file.read_text(encoding="utf-8")
    assert "<svg" in html and "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;b&gt;Bold&lt;/b&gt; &amp; &#34;quoted&#34;" in html
    assert 'href="https://news.example/x?a=1&amp;b=2"' in html
    assert "Shusha Declaration" in html
    assert "src=" not in html and "<link" not in html  # nothing fetched from elsewhere


def test_network_and_ties(db, capsys):
    code, out, _ = run(capsys, "network", "Russia", "--db", db, "--limit", "5")
    assert code == 0 and out.splitlines()[0].startswith("Russia: relations ranked")
    code, out, _ = run(capsys, "network", "RUS", "--db", db, "--json")
    partners = [p["country"] for p in json.loads(out)["partners"]]
    assert partners[-1] == "UKR" and "BLR" in partners
    code, out, _ = run(capsys, "ties", "Armenia", "Russia", "--db", db)
    assert code == 0 and "CSTO" in out and "suspended" in out


def test_eval_corpus_without_data_is_one_line(capsys, tmp_path):
    code, _, err = run(capsys, "eval", "--corpus", "--data", str(tmp_path))
    assert code == 2 and "corpus data not found" in err and len(err.strip().splitlines()) == 1


def test_ask_all_dates_and_ties_in_years(capsys, db):
    code, out, _ = run(capsys, "ask", "Are Azerbaijan and Russia allies?", "--db", db, "--json")
    assert code == 0 and json.loads(out)["window"] == "latest_12_months"
    code, out, _ = run(capsys, "ask", "Are Azerbaijan and Russia allies?", "--db", db, "--all-dates", "--json")
    assert code == 0 and json.loads(out)["window"] == "all_dates"
    code, out, _ = run(capsys, "ties", "Azerbaijan", "Russia", "--db", db)
    assert code == 0 and "from 2022-02-22, active" in out
