"""The CLI through its real entry point."""
from __future__ import annotations

import json


ARTICLE = ("Russian Foreign Minister Sergei Lavrov met Azerbaijani Foreign Minister Jeyhun Bayramov in Moscow. "
           "Lavrov called Azerbaijan an important partner and ally.")


def test_ingest_then_again_then_info(tmp_path, run_allies):
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a.txt").write_text(ARTICLE)
    (tmp_path / "news" / "bad.jsonl").write_text("not json\n")
    db = str(tmp_path / "s.duckdb")
    first = run_allies("ingest", str(tmp_path / "news"), "--db", db)
    assert first.returncode == 0, first.stderr
    assert "added 1 article" in first.stdout and "1 skipped" in first.stdout
    assert "bad.jsonl:1: not JSON" in first.stderr and "Traceback" not in first.stderr
    again = run_allies("ingest", str(tmp_path / "news" / "a.txt"), "--db", db, "--json")
    report = json.loads(again.stdout)
    assert (report["added"], report["duplicates"], again.returncode) == (0, 1, 0)
    info = run_allies("info", "--db", db, "--json")
    assert json.loads(info.stdout)["articles"] == 1


def test_ingest_exit_codes(tmp_path, run_allies):
    (tmp_path / "empty.txt").write_text("")
    only_bad = run_allies("ingest", str(tmp_path / "empty.txt"))
    assert only_bad.returncode == 1 and "empty file" in only_bad.stderr
    missing = run_allies("ingest", str(tmp_path / "nope"))
    assert missing.returncode == 2
    assert missing.stderr.strip().splitlines() == [f"allies: error: no such file or folder: {tmp_path / 'nope'}"]


def test_text_given_where_a_file_was_meant_is_a_one_line_error(tmp_path, run_allies):
    sentence = "Kenya and Somalia agreed to reopen their border. " * 8  # longer than a file name may be
    for command in (("code", sentence), ("ingest", sentence, "--db", str(tmp_path / "x.duckdb"))):
        result = run_allies(*command)
        assert result.returncode == 2, result.stderr
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("allies: error: cannot read 'Kenya and Somalia")
    assert not (tmp_path / "x.duckdb").exists()


def test_ingest_uses_allies_db_environment(tmp_path, run_allies):
    (tmp_path / "a.txt").write_text(ARTICLE)
    result = run_allies("ingest", str(tmp_path / "a.txt"), env={"ALLIES_DB": str(tmp_path / "env.duckdb")})
    assert result.returncode == 0 and (tmp_path / "env.duckdb").exists()


def test_code_lines_writes_jsonl_events_with_the_contract_fields(run_allies):
    text = "Russia attacked Ukraine.\n\nChina and Russia signed an agreement.\n"
    result = run_allies("code", "--lines", "--date", "2022-03-01", input=text)
    assert result.returncode == 0, result.stderr
    events = [json.loads(line) for line in result.stdout.splitlines()]
    for event in events:
        assert set(event) >= {"doc", "sentence_index", "sentence", "source", "target", "cameo", "plover", "quad",
                              "goldstein", "negated", "modality", "speaker", "date", "confidence"}
        assert event["doc"] in (1, 3)
        assert event["quad"] in ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")


def test_code_reads_a_file_and_rejects_bad_input(tmp_path, run_allies):
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02")
    assert run_allies("code", str(tmp_path / "bin.txt")).returncode == 2
    bad_date = run_allies("code", "--date", "yesterday", input="Russia attacked Ukraine.")
    assert bad_date.returncode == 2 and "YYYY-MM-DD" in bad_date.stderr
    latin = run_allies("code", input="caf\xe9".encode("latin-1"))
    assert latin.returncode == 2 and b"not valid UTF-8" in latin.stderr and b"Traceback" not in latin.stderr
    empty = run_allies("code", input="")
    assert (empty.returncode, empty.stdout) == (0, "")


def test_help_lists_the_commands(run_allies):
    result = run_allies("--help")
    assert result.returncode == 0
    for command in ("ingest", "code", "demo", "info"):
        assert command in result.stdout


def test_store_locked_by_another_process_is_a_clear_error(tmp_path, run_allies):
    import duckdb

    db = tmp_path / "locked.duckdb"
    from allies import Store

    with Store(db) as store:
        store.counts()
        holder = duckdb.connect  # the store keeps its connection open in this process
        (tmp_path / "a.txt").write_text(ARTICLE)
        result = run_allies("ingest", str(tmp_path / "a.txt"), "--db", str(db))
        del holder
    assert result.returncode == 3
    assert "in use by another process" in result.stderr or "cannot open store" in result.stderr


def test_ingest_url_refuses_loopback_unless_allowed(tmp_path, run_allies):
    import functools
    import http.server
    import threading

    from tests.ingest.test_ingest import HTML

    site = tmp_path / "site"
    site.mkdir()
    (site / "page.html").write_text(HTML)
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    handler.log_message = lambda *a, **k: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/page.html"
    try:
        refused = run_allies("ingest", url)
        assert refused.returncode == 1
        assert "skipped" in refused.stderr and ("loopback" in refused.stderr or "private" in refused.stderr)
        allowed = run_allies("ingest", url, "--allow-private", "--json")
        assert allowed.returncode == 0, allowed.stderr
        assert json.loads(allowed.stdout)["added"] == 1
    finally:
        server.shutdown()


def test_paths_may_follow_an_option(tmp_path, run_allies):
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "b.txt").write_text("Turkey and Azerbaijan held joint military exercises near Baku on Monday.")
    result = run_allies("ingest", str(tmp_path / "a.txt"), "--db", str(tmp_path / "s.duckdb"), str(tmp_path / "b.txt"), "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["added"] == 2
    unknown = run_allies("ingest", str(tmp_path / "a.txt"), "--no-such-option")
    assert unknown.returncode == 2 and "unrecognized arguments: --no-such-option" in unknown.stderr


def test_demo_answers_the_question_with_cited_evidence_in_under_a_minute(tmp_path, run_allies):
    import time

    started = time.perf_counter()
    result = run_allies("demo", "--json", "--db", str(tmp_path / "demo.duckdb"))
    seconds = time.perf_counter() - started
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)
    assert sorted(answer["dyad"]) == ["AZE", "RUS"]
    # The motivating case: allied on paper, disputed in deeds and words: never a plain "allied".
    assert answer["verdict"] in ("mixed", "tense", "cooperative") and answer["verdict"] != "allied"
    assert any("Allied Interaction" in tie.get("name", "") for tie in answer["formal_ties"])
    assert answer["evidence"] and all(e["sentence"] and e["article_id"] and e["date"] for e in answer["evidence"])
    assert answer["ingest"]["added"] >= 40 and answer["ingest"]["skipped"] == []
    assert seconds < 60
    text = run_allies("ask", "Are Azerbaijan and Russia allies?", "--db", str(tmp_path / "demo.duckdb"))
    assert text.returncode == 0 and "Azerbaijan" in text.stdout and "Evidence" in text.stdout


def test_code_reads_an_article_file_as_ingest_does(tmp_path, run_allies):
    # headline line, then a wire dateline: the dateline's city is not the subject
    (tmp_path / "story.txt").write_text(
        "Jets strike border village\n\n"
        "ISLAMABAD, Pakistan (AP) — Indian jets bombed a village in Pakistan on Monday, officials said.\n")
    result = run_allies("code", "--date", "2025-05-07", str(tmp_path / "story.txt"))
    events = [json.loads(line) for line in result.stdout.splitlines()]
    bombed = [e for e in events if e["cameo"].startswith("19") and e["sentence_index"] == 1]
    assert bombed and bombed[0]["source"]["country"] == "IND" and bombed[0]["target"]["country"] == "PAK"
    explained = run_allies("code", "--explain", str(tmp_path / "story.txt"))
    assert "sentence 0: Jets strike border village" in explained.stdout
    assert "sentence 1: Indian jets bombed" in explained.stdout


def test_db_before_the_command_is_the_commands_store(tmp_path, run_allies):
    (tmp_path / "a.txt").write_text(ARTICLE)
    db = str(tmp_path / "front.duckdb")
    added = run_allies("--db", db, "ingest", str(tmp_path / "a.txt"))
    assert added.returncode == 0, added.stderr
    info = run_allies("--db", db, "info", "--json")
    assert json.loads(info.stdout)["articles"] == 1
    storeless = run_allies("--db", db, "code", input="Russia attacked Ukraine.")
    assert storeless.returncode == 2 and "uses no store" in storeless.stderr
