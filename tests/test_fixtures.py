"""Recorded-response fixtures: keys, record and replay over real HTTP, secrets, the missing-fixture error."""

import json
import re
from urllib.parse import quote

import pytest
from conftest import ROOT
from fake_server import FakeOpenAIServer
from fakes import digest_answer, events_answer, record

from summarizer.errors import FixtureMissingError
from summarizer.llm.fake import completion_body
from summarizer.llm.fixtures import request_key, scrub
from summarizer.llm.settings import LLMSettings
from summarizer.pipeline import Summarizer

KEY = "sk-test-" + "abcdefghijklmnopqrstuvwxyz0123"
ANSWERS = [
    events_answer({2: record("the outlet", source_type="outlet", cue=""), 3: record("the regional governor")}),
    digest_answer(("Engineers restored electricity to most homes in Sumy.", ["e1"])),
]


def test_key_ignores_fields_that_cannot_change_the_answer():
    body = {"model": "m", "messages": [{"role": "user", "content": "hi"}], "temperature": 0}
    assert request_key("POST", "chat/completions", body) == request_key(
        "post", "chat/completions", {**body, "user": "someone", "metadata": {"run": 1}})
    assert request_key("POST", "chat/completions", body) != request_key(
        "POST", "chat/completions", {**body, "temperature": 0.7})
    assert request_key("POST", "chat/completions", body) != request_key(
        "POST", "chat/completions", {**body, "model": "other"})


def test_scrub_removes_key_shaped_strings():
    assert scrub({"a": [f"my key is {KEY}", "Bearer" + " abcdefghijklmnop"]}) == {
        "a": ["my key is [REDACTED]", "[REDACTED]"]}


def test_record_over_http_then_replay_without_the_network(tmp_path, article_path):
    folder = tmp_path / "recorded"
    with FakeOpenAIServer() as server:
        for answer in ANSWERS:
            server.push(completion_body(answer, model="served-model"))
        recorder = Summarizer(LLMSettings.resolve(base_url=server.base_url, api_key=KEY, model="served-model",
                                                  fixtures="record", fixtures_dir=folder, env={}))
        recorded = recorder.summarize_file(article_path("grid_repairs.txt"))
        assert len(server.requests) == 2
        headers = {k.lower(): v for k, v in server.requests[0]["headers"].items()}
        assert headers["authorization"] == "Bearer" + f" {KEY}"

        files = sorted(folder.glob("*.json"))
        assert len(files) == 2
        for f in files:
            raw = f.read_text()
            assert KEY not in raw and "Authorization" not in raw and "Bearer" not in raw
            stored = json.loads(raw)
            assert stored["label"] == "recorded"
            assert stored["request"]["endpoint"] == "chat/completions"
            assert stored["request"]["body"]["model"] == "served-model"

        replayer = Summarizer(LLMSettings.resolve(base_url=server.base_url, api_key=KEY, model="served-model",
                                                  fixtures="replay", fixtures_dir=folder, env={}))
        replayed = replayer.summarize_file(article_path("grid_repairs.txt"))
        assert len(server.requests) == 2  # replay never reached the server
        again = recorder.summarize_file(article_path("grid_repairs.txt"))
        assert len(server.requests) == 2  # record mode replays what is recorded; only what is missing is asked
        events_file = next(f for f in files if "EventsAnswer" in f.read_text())
        events_file.unlink()
        server.push(completion_body(ANSWERS[0], model="served-model"))
        recorder.summarize_file(article_path("grid_repairs.txt"))
        assert len(server.requests) == 3 and len(list(folder.glob("*.json"))) == 2
    assert replayed.events == recorded.events == again.events
    assert replayed.digest == recorded.digest


def test_missing_fixture_names_the_request_and_the_command_to_re_record(tmp_path, article_path):
    with FakeOpenAIServer() as server:
        settings = LLMSettings.resolve(base_url=server.base_url, model="served-model", fixtures="replay",
                                       fixtures_dir=tmp_path, env={})
        path = article_path("grid_repairs.txt")
        with pytest.raises(FixtureMissingError) as info:
            Summarizer(settings).summarize_file(path)
        assert server.requests == []
    message = str(info.value)
    assert message.startswith("replay: no recorded response for POST EventsAnswer request (model served-model)")
    assert message.endswith(f"re-record it with: summarize --fixtures record --fixtures-dir {tmp_path} "
                            f"--model served-model --json {path}")


def test_replay_mode_cannot_reach_the_network():
    import socket

    with pytest.raises(RuntimeError, match="test tried to reach the network"):
        socket.create_connection(("192.0.2.1", 443), timeout=1)


def test_recorded_fixtures_hold_no_secrets_or_headers():
    pattern = re.compile(r"sk-[A-Za-z0-9_-]{16,}|Bearer\s+[A-Za-z0-9._-]{16,}|\bapi[-_]?key\b|authorization",
                         re.IGNORECASE)
    offenders = [str(p.relative_to(ROOT)) for p in (ROOT / "fixtures").rglob("*")
                 if p.is_file() and pattern.search(p.read_text(encoding="utf-8", errors="replace"))]
    assert offenders == []


def test_recorded_fixtures_are_readable_and_labelled():
    files = sorted((ROOT / "fixtures" / "llm").glob("*.json"))
    assert files, "no recorded fixtures"
    for f in files:
        stored = json.loads(f.read_text())
        assert set(stored) >= {"key", "label", "recorded_with", "request", "response"}
        assert stored["label"] == "recorded" or stored["label"].startswith("hand-written")
        assert f.name == f"{stored['key'][:20]}.json"
        assert stored["response"]["body"]["choices"][0]["finish_reason"] == "stop"


def test_the_configured_key_is_masked_whole_in_part_and_escaped_and_nothing_else():
    from summarizer.redact import redact, register

    key = "Zq7-custom.KEY+with/odd=chars"
    register(key)
    assert redact(f"key {key}, prefix {key[:9]}..., tail ...{key[-8:]}.") == \
        "key [REDACTED], prefix [REDACTED]..., tail ...[REDACTED]."
    assert redact(f"json {json.dumps(key)} url ?k={quote(key, safe='')}") == 'json "[REDACTED]" url ?k=[REDACTED]'
    assert redact(f"{key[:7]} is too short to be told from any word") == f"{key[:7]} is too short to be told from " \
        "any word"
    register("tiny")  # shorter than a run: masked where it appears whole
    assert redact("a tiny key: tiny") == "a [REDACTED] key: [REDACTED]"
    assert redact("sk-abcdefghijk. Bearer" + " abcdefgh12.") == "[REDACTED]. [REDACTED]."  # key-shaped, full stop kept
