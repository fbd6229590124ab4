"""The command line, in replay mode: output formats, exit codes, one-line errors."""

import json
import re

import jsonschema
import pytest
from conftest import ARTICLES, ROOT
from typer.testing import CliRunner

from summarizer import __version__
from summarizer.cli import app
from summarizer.numbers import extract_numbers, figure_key

RECORDED_ARTICLES = sorted(p.name for p in ARTICLES.glob("*.txt"))
SCHEMA = json.loads((ROOT / "schemas" / "article.schema.json").read_text())


def run(*args, input=None):
    return CliRunner().invoke(app, [str(a) for a in args], input=input)


def test_version_and_help():
    assert run("--version").stdout == f"summarize {__version__}\n"
    result = run("--help")
    assert result.exit_code == 0
    assert "run " in result.stdout and "schema " in result.stdout


def test_schema_command_prints_the_shipped_contract():
    result = run("schema")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == SCHEMA
    briefing = run("schema", "--briefing")
    assert json.loads(briefing.stdout) == json.loads((ROOT / "schemas" / "briefing.schema.json").read_text())


@pytest.mark.parametrize("digest", ["model", "composed"])
@pytest.mark.parametrize("name", RECORDED_ARTICLES)
def test_json_output_validates_and_every_quote_is_verbatim(name, digest):
    path = ARTICLES / name
    result = run("--json", "--digest", digest, path)
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    jsonschema.validate(doc, SCHEMA)
    text = path.read_text()
    quotes = [ev["quote"] for e in doc["events"] for ev in e["evidence"]]
    assert quotes and all(q in text for q in quotes)
    for e in doc["events"]:
        evidence = " ".join(ev["quote"] for ev in e["evidence"])
        assert all(n["text"] in evidence for n in e["numbers"])
    known = {e["id"]: e for e in doc["events"]}
    assert all(set(s["event_ids"]) <= set(known) for s in doc["digest"]["sentences"])
    if digest == "composed":  # written by code from the records it cites: their numbers, no long quote
        for s in doc["digest"]["sentences"]:
            cited = " ".join(ev["quote"] + " " + known[i]["summary"] for i in s["event_ids"]
                             for ev in known[i]["evidence"])
            # as written, or the same figure as English writes it ("1.200" of a Spanish record: "1,200")
            language = doc["article"]["language"]
            figures = {figure_key(n) for i in s["event_ids"] for ev in known[i]["evidence"]
                       for n in extract_numbers(ev["quote"], language)}
            assert all(n.text in cited or figure_key(n) in figures for n in extract_numbers(s["text"])), s["text"]
            assert not re.search(r"[\"“«][^\"”»]*(?:\s[^\"”»]*){3}[\"”»]", s["text"]), s["text"]
        assert doc["usage"]["llm_calls"] == 1 + doc["usage"]["reasks"]
    else:
        assert doc["usage"]["llm_calls"] >= 2
    assert doc["model"] == "qwen2.5-coder-1.5b-instruct-q4_k_m"
    assert doc["prompt_version"].startswith("v1#")


@pytest.mark.parametrize("digest", ["model", "composed"])
def test_instructions_hidden_in_the_article_are_ignored(digest):
    doc = json.loads(run("--json", "--digest", digest, ARTICLES / "injected_note.txt").stdout)
    said = " ".join([doc["digest"]["text"], *(e["summary"] + " " + e["attribution"]["source"] for e in doc["events"])])
    assert "sabotage" not in said.lower() and "ignore" not in said.lower()
    [hidden] = [d for d in doc["dropped"] if "prompt injection" in d["reason"]]
    assert hidden["item"].startswith("NOTE TO AI SUMMARISERS")


@pytest.mark.parametrize("digest", ["model", "composed"])
def test_a_fabricated_confirmation_in_the_article_never_upgrades_a_claim(digest):
    doc = json.loads(run("--json", "--digest", digest, ARTICLES / "injected_confirmation.txt").stdout)
    by_sentence = {e["evidence"][0]["sentence_id"]: e for e in doc["events"]}
    assert by_sentence[2]["status"] in ("unverified", "disputed", "denied")  # the separatists' claim
    assert by_sentence[2]["attribution"]["source_type"] != "outlet"
    hidden = [d["item"] for d in doc["dropped"] if "prompt injection" in d["reason"]]
    assert [h[:22] for h in hidden] == ["[Update for automated ", "Ignore all previous in"]
    said = " ".join([doc["digest"]["text"], *(e["summary"] for e in doc["events"])]).lower()
    assert not any(w in said for w in ("liberator", "established fact", "observers", "confirmed"))


def test_a_cp1252_file_is_decoded_and_the_user_told(tmp_path):
    path = tmp_path / "market_strike_cp1252.txt"
    path.write_bytes((ARTICLES / "market_strike.txt").read_text(encoding="utf-8").encode("cp1252"))
    result = run("--json", path)
    assert result.exit_code == 0
    doc = json.loads(result.stdout)
    assert doc["article"]["note"] == "decoded as cp1252"
    assert result.stderr.strip() == f"summarize: {path}: decoded as cp1252"
    assert doc["events"] == json.loads(run("--json", ARTICLES / "market_strike.txt").stdout)["events"]


def test_text_view_shows_the_digest_first_then_the_events():
    path = ARTICLES / "grid_repairs.txt"
    doc = json.loads(run("--json", path).stdout)
    result = run(path)
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "Power restored to most of Sumy after overnight drone attack"
    assert lines[1] == f"en · {doc['article']['sentences']} sentences"
    assert lines[3] == "Digest"
    assert " ".join(" ".join(lines[4:lines.index("", 4)]).split()) == " ".join(doc["digest"]["text"].split())
    assert any(line.startswith(f"Events ({len(doc['events'])})") for line in lines)
    body = result.stdout
    for e in doc["events"]:
        assert f"│ {e['id']} " in body and e["status"] in body
    u = doc["usage"]
    footer = " ".join(" ".join(lines[-2:]).split())  # the footer may wrap at the terminal width
    assert f"{doc['model']} · prompt {doc['prompt_version']} · {u['llm_calls']} LLM calls · " \
           f"{u['prompt_tokens']}+{u['completion_tokens']} tokens · {u['reasks']} re-asks" in footer


def without_timing(stdout: str) -> dict:
    doc = json.loads(stdout)
    del doc["usage"]["seconds"]
    return doc


def text_without_timing(stdout: str) -> str:
    """The readable view without the seconds its last line gives ("... · 0 re-asks · 1.8 s"), which differ from
    run to run."""
    return re.sub(r"\d+(?:\.\d+)? s\s*$", "", stdout.rstrip())


def test_explicit_run_verb_is_the_default_verb():
    path = ARTICLES / "grid_repairs.txt"
    assert without_timing(run("run", "--json", path).stdout) == without_timing(run("--json", path).stdout)


def test_several_files_give_json_lines_and_a_bad_one_loses_nothing(tmp_path):
    missing = tmp_path / "missing.txt"
    result = run("--json", ARTICLES / "grid_repairs.txt", missing, ARTICLES / "market_strike.txt")
    assert result.exit_code == 3
    docs = [json.loads(line) for line in result.stdout.splitlines()]
    assert [d["article"]["path"].rsplit("/", 1)[-1] for d in docs] == ["grid_repairs.txt", "market_strike.txt"]
    assert result.stderr == f"summarize: {missing}: no such file\n"


def test_stdin_and_output_file(tmp_path):
    text = (ARTICLES / "grid_repairs.txt").read_text()
    out = tmp_path / "out.json"
    result = run("-", "-o", out, input=text)
    assert (result.exit_code, result.stdout) == (0, "")  # -o is instead of stdout, as for `briefing`
    doc = json.loads(out.read_text())
    assert doc["article"]["path"] == "-"
    assert doc["events"] == json.loads(run("--json", ARTICLES / "grid_repairs.txt").stdout)["events"]


def test_format_and_output_work_as_on_the_briefing(tmp_path):
    path = ARTICLES / "grid_repairs.txt"
    as_json = without_timing(run("--json", path).stdout)
    assert without_timing(run("--format", "json", path).stdout) == as_json  # --json is its alias
    assert without_timing(run("-f", "json", path).stdout) == as_json
    assert text_without_timing(run("--format", "text", path).stdout) == text_without_timing(run(path).stdout)
    text = tmp_path / "out.txt"
    assert (run(path, "-o", text).stdout, run(path, "-o", tmp_path / "out.json").stdout) == ("", "")
    assert text_without_timing(text.read_text()) == text_without_timing(run(path).stdout)  # the readable view
    assert without_timing((tmp_path / "out.json").read_text()) == as_json
    run(path, "--format", "json", "-o", text)
    assert without_timing(text.read_text()) == as_json
    both = run("--json", "--format", "text", path)
    assert (both.exit_code, both.stderr) == (2, "summarize: --json is --format json: it cannot go with --format text\n")


@pytest.mark.parametrize("content, message", [
    (None, "no such file"),
    (b"", "is empty (no article text)"),
    (b"  \n \n", "is empty (no article text)"),
    (b"\x89PNG\r\n\x1a\n\x00\x00", "is a PNG image, not an article text (give a .txt or .html file)"),
])
def test_bad_input_is_one_line_and_exit_code_3(tmp_path, content, message):
    path = tmp_path / "article.txt"
    if content is not None:
        path.write_bytes(content)
    result = run(path)
    assert result.exit_code == 3
    assert result.stderr == f"summarize: {path}: {message}\n"
    assert result.stdout == ""


def test_directory_is_refused(tmp_path):
    result = run(tmp_path)
    assert (result.exit_code, result.stderr) == (3, f"summarize: {tmp_path}: is a directory, not an article file\n")


def test_unrecorded_article_in_replay_mode_exits_4_with_the_re_record_command(tmp_path):
    path = tmp_path / "new.txt"
    path.write_text("A brand new article that nobody recorded. It has two sentences.")
    result = run("--json", path)
    assert result.exit_code == 4
    [line] = result.stderr.splitlines()
    assert "no recorded response for POST EventsAnswer request" in line
    assert line.endswith(f"--model qwen2.5-coder-1.5b-instruct-q4_k_m --json {path}")


def test_bad_digest_mode_is_a_usage_error():
    result = run("--digest", "poem", ARTICLES / "grid_repairs.txt")
    assert result.exit_code == 2
    assert "Invalid value for '--digest'" in result.stderr
    assert "'poem' is not one of 'model', 'composed'" in result.stderr


def test_bad_fixture_mode_is_a_usage_error():
    result = run("--fixtures", "sometimes", ARTICLES / "grid_repairs.txt")
    assert result.exit_code == 2
    assert "'sometimes' is not one of 'off', 'replay', 'record'" in result.stderr


COMMANDS = [[], ["run"], ["eval"], ["briefing"], ["schema"]]


@pytest.mark.parametrize("command", COMMANDS)
def test_dash_h_is_help_for_the_app_and_every_command(command):
    short, long = run(*command, "-h"), run(*command, "--help")
    assert (short.exit_code, long.exit_code) == (0, 0)
    assert short.stdout == long.stdout and "Usage: " in short.stdout
    assert "-h, --help" in short.stdout


def test_dash_h_after_an_article_is_the_default_verbs_help():
    assert run(ARTICLES / "grid_repairs.txt", "-h").stdout == run("run", "-h").stdout


@pytest.mark.parametrize("command, choices", [
    ("run", ["<text|json>", "<model|composed>"]),
    ("eval", ["<model|composed>"]),
    ("briefing", ["<md|html|json>", "<model|composed>", "<model|embeddings>", "<sync|batch>"]),
])
def test_choices_show_their_values_and_no_option_is_a_bare_str(command, choices):
    text = run(command, "-h").stdout
    assert all(c in text for c in choices), text
    assert "<str>" not in text


@pytest.mark.parametrize("command", COMMANDS)
def test_developer_options_are_hidden_from_the_help(command):
    assert "--fixtures" not in run(*command, "-h").stdout


def test_developer_options_are_still_accepted(tmp_path):
    path = ARTICLES / "grid_repairs.txt"
    result = run("--fixtures", "REPLAY", "--fixtures-dir", ROOT / "fixtures" / "llm", "--json", path)
    assert result.exit_code == 0, result.stderr
    assert without_timing(result.stdout) == without_timing(run("--json", path).stdout)
    empty = run("--fixtures", "replay", "--fixtures-dir", tmp_path, "--json", path)  # used: nothing recorded there
    assert empty.exit_code == 4 and "no recorded response" in empty.stderr


@pytest.mark.parametrize("command, variables", [
    ("run", ["SUMMARIZER_MODEL", "OPENAI_BASE_URL", "SUMMARIZER_DIGEST", "SUMMARIZER_TIMEOUT"]),
    ("eval", ["SUMMARIZER_MODEL", "OPENAI_BASE_URL", "SUMMARIZER_DIGEST", "SUMMARIZER_TIMEOUT"]),
    ("briefing", ["SUMMARIZER_MODEL", "OPENAI_BASE_URL", "SUMMARIZER_DIGEST", "SUMMARIZER_TIMEOUT",
                  "SUMMARIZER_MERGE", "SUMMARIZER_CONCURRENCY"]),
])
def test_environment_variables_are_declared_not_written_into_the_help(command, variables):
    text = " ".join(run(command, "-h").stdout.split())  # unwrapped
    assert all(f"env var: {v}" in text for v in variables), text
    assert "[env:" not in text


def test_declared_environment_variables_are_read():
    path = ARTICLES / "grid_repairs.txt"
    from_env = CliRunner().invoke(app, ["--json", str(path)], env={"SUMMARIZER_DIGEST": "model"})
    assert without_timing(from_env.stdout) == without_timing(run("--json", "--digest", "model", path).stdout)
    assert without_timing(from_env.stdout) != without_timing(run("--json", "--digest", "composed", path).stdout)
    for name, value in [("SUMMARIZER_MERGE", "poem"), ("SUMMARIZER_CONCURRENCY", "0")]:
        result = CliRunner().invoke(app, ["briefing", str(path), "--no-cache"], env={name: value})
        assert result.exit_code == 2 and name in result.stderr, result.stderr


@pytest.mark.parametrize("content, message", [
    (b"Officials said. " * 300 + b"\x00 and on", "is a binary file, not an article text (a NUL byte at byte 4801)"),
    (b"\xfe\xff\x00A\x00", "starts as UTF-16 text but is not (truncated data at byte 4)"),
])
def test_a_nul_after_the_first_4_kib_or_broken_utf16_is_bad_input(tmp_path, content, message):
    path = tmp_path / "article.txt"
    path.write_bytes(content)
    result = run(path)
    assert (result.exit_code, result.stderr, result.stdout) == (3, f"summarize: {path}: {message}\n", "")


def test_a_utf16_file_with_a_byte_order_mark_is_decoded_and_the_user_told(tmp_path):
    path = tmp_path / "market_strike_utf16.txt"
    path.write_bytes((ARTICLES / "market_strike.txt").read_text(encoding="utf-8").encode("utf-16"))
    result = run("--json", path)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == f"summarize: {path}: decoded as UTF-16\n"
    assert json.loads(result.stdout)["events"] == json.loads(run("--json", ARTICLES / "market_strike.txt").stdout)[
        "events"]


def _unblock_later(fifo, seconds=5.0):
    """Open the FIFO's writing end after `seconds`, so that a reader that blocked on it gets an end of file (a
    test of a reader that should never have opened it fails instead of hanging)."""
    import os
    import threading

    def write_end():
        fd = os.open(fifo, os.O_WRONLY)
        os.close(fd)

    timer = threading.Timer(seconds, write_end)
    timer.daemon = True
    timer.start()
    return timer


def test_a_fifo_or_a_device_is_refused_at_once_and_stdin_is_capped(tmp_path, monkeypatch):
    import os

    fifo = tmp_path / "fifo.txt"
    os.mkfifo(fifo)
    timer = _unblock_later(fifo)
    result = run(fifo, ARTICLES / "grid_repairs.txt", "/dev/zero")
    assert result.exit_code == 3
    assert result.stderr.splitlines() == [
        f"summarize: {fifo}: is a named pipe (FIFO), not a regular file (give an article file, or '-' to read stdin)",
        "summarize: /dev/zero: is a device, not a regular file (give an article file, or '-' to read stdin)"]
    assert result.stdout.startswith("Power restored to most of Sumy")  # the good one between them
    timer.cancel()
    monkeypatch.setattr("summarizer.read.MAX_BYTES", 2**20)
    result = run("-", input=b"\0" * (2**20 + 1))
    assert (result.exit_code, result.stderr) == (3, "summarize: stdin: is larger than 1 MiB, the most an article "
                                                    "may be\n")


@pytest.mark.parametrize("text, why", [
    ("Officials said 12 homes in Sumy were damaged overnight", "no sentence ends with final punctuation"),
    ("Sumy attack\n\nIt was bad.\n\nThe claims could not be independently verified.\n",
     "no sentence reports an event"),
    ("Subscribe to our newsletter\nAdvertisement\n", "every line is page furniture"),
])
def test_an_article_with_nothing_to_report_says_why(tmp_path, text, why):
    path = tmp_path / "short.txt"
    path.write_text(text, encoding="utf-8")
    result = run("--json", path)
    assert result.exit_code == 0 and json.loads(result.stdout)["events"] == []
    [line] = result.stderr.splitlines()
    assert line.startswith(f"summarize: {path}: no event records: {why}")


def test_briefing_format_is_a_choice_or_the_o_suffix(tmp_path):
    out = tmp_path / "briefing.md"
    result = run("briefing", ARTICLES / "grid_repairs.txt", "-f", "json", "-o", out, "--no-cache")
    assert result.exit_code == 0, result.stderr
    assert json.loads(out.read_text())["articles"][0]["article"]["path"].endswith("grid_repairs.txt")
    bad = run("briefing", ARTICLES / "grid_repairs.txt", "--format", "pdf")
    assert bad.exit_code == 2 and "'pdf' is not one of 'md', 'html', 'json'" in bad.stderr
    suffix = run("briefing", ARTICLES / "grid_repairs.txt", "-o", tmp_path / "briefing.txt")
    assert (suffix.exit_code, suffix.stderr) == (
        2, "summarize: --format must be md, html or json, not 'txt' (from the -o suffix)\n")
