"""`summarize briefing --via batch`: the OpenAI Batch API against a loopback fake (real HTTP on 127.0.0.1)."""

import json

import pytest
from conftest import ARTICLES
from fake_server import FakeOpenAIServer
from fakes import faulty_temporary_files
from typer.testing import CliRunner

from summarizer.briefing.batch import summarize_via_batch
from summarizer.briefing.cache import ResultCache
from summarizer.cli import app
from summarizer.errors import LLMError
from summarizer.llm.fake import completion_body, outlet_records_answer
from summarizer.llm.settings import LLMSettings
from summarizer.pipeline import Summarizer

PATHS = [str(p) for p in sorted(ARTICLES.glob("*.txt"))]


def _served(body):
    return completion_body(outlet_records_answer(body), prompt_tokens=100, completion_tokens=20)


def _summarizer(server):
    return Summarizer(LLMSettings.resolve(base_url=server.base_url, api_key="sk-test", model="m", env={},
                                          digest="composed"))


def _paths(server):
    return [r["path"].split("?")[0] for r in server.requests]


def test_the_events_calls_go_through_one_batch_and_validate(tmp_path):
    with FakeOpenAIServer(responder=_served) as server:
        done = summarize_via_batch(PATHS, _summarizer(server), ResultCache(tmp_path), poll=0.01)
    assert [d.error for d in done] == [None] * len(PATHS)
    assert all(d.result.events and d.result.usage.llm_calls == 1 for d in done)
    assert done[0].result.usage.prompt_tokens == 100
    paths = _paths(server)
    assert paths.count("/v1/files") == 1 and paths.count("/v1/batches") == 1
    assert paths.count("/v1/batches/batch-1") == 3 and paths[-1] == "/v1/files/file-2/content"
    assert "/v1/chat/completions" not in paths  # no synchronous call
    lines = [json.loads(line) for line in server.files["file-1"].decode().splitlines()]
    assert len(lines) == len(PATHS) and {line["url"] for line in lines} == {"/v1/chat/completions"}
    assert lines[0]["body"]["response_format"]["json_schema"]["name"] == "EventsAnswer"


def test_an_invalid_batch_answer_is_summarised_synchronously_with_re_asks(tmp_path):
    def batch_answers(body):
        if "[2] Engineers restored" in body["messages"][1]["content"]:  # the article message
            return completion_body('{"2": {"source": "the outlet"')  # cut-off JSON in the batch output
        return _served(body)

    with FakeOpenAIServer(responder=_served) as server:
        server.batch_responder = batch_answers
        done = summarize_via_batch(PATHS, _summarizer(server), ResultCache(tmp_path), poll=0.01)
    assert [d.error for d in done] == [None] * len(PATHS) and all(d.result.events for d in done)
    assert _paths(server).count("/v1/chat/completions") == 1  # grid_repairs, again, synchronously


def test_an_interrupted_batch_is_polled_again_not_resubmitted(tmp_path):
    cache = ResultCache(tmp_path)
    with FakeOpenAIServer(responder=_served) as server:
        server.polls_until_done = 100
        with pytest.raises(LLMError, match="still in_progress"):
            summarize_via_batch(PATHS, _summarizer(server), cache, poll=0.01, timeout=0.05)
        assert list((tmp_path / "batches").glob("*.json"))  # the batch id is kept
        server.polls_until_done = 0
        done = summarize_via_batch(PATHS, _summarizer(server), cache, poll=0.01)
        again = summarize_via_batch(PATHS, _summarizer(server), cache, poll=0.01)
    assert [d.error for d in done] == [None] * len(PATHS) and all(d.cached for d in again)
    assert _paths(server).count("/v1/batches") == 1  # one batch submitted in all


def test_batch_needs_an_endpoint():
    result = CliRunner().invoke(app, ["briefing", "--via", "batch", "--fixtures", "off", str(ARTICLES)],
                                env={"OPENAI_API_KEY": "", "OPENAI_BASE_URL": ""})
    assert result.exit_code == 2 and "needs an endpoint with the Batch API" in result.stderr


@pytest.mark.parametrize("cache_ok", [True, False])
def test_two_files_with_the_same_text_are_asked_once_and_both_get_the_result(tmp_path, cache_ok):
    twin = tmp_path / "twin.txt"
    twin.write_text((ARTICLES / "market_strike.txt").read_text())
    paths = [*PATHS, str(twin)]
    seen = []
    cache_dir = tmp_path / "cache"
    if not cache_ok:  # the result cannot be cached: the twin gets the batch's answer all the same
        cache_dir.write_text("not a folder\n")
    with FakeOpenAIServer(responder=_served) as server:
        done = summarize_via_batch(paths, _summarizer(server), ResultCache(cache_dir), poll=0.01,
                                   on_done=seen.append)
    assert [d.path for d in done] == paths and [d.error for d in done] == [None] * len(paths)
    assert sorted(d.path for d in seen) == sorted(paths)  # each reported once
    original = next(d for d in done if d.path.endswith("market_strike.txt"))
    assert done[-1].cached == cache_ok and done[-1].result.events == original.result.events
    assert done[-1].result.article.path == str(twin)
    assert len(server.files["file-1"].decode().splitlines()) == len(PATHS)  # one request for the two
    assert "/v1/chat/completions" not in _paths(server)


def test_an_article_changed_while_its_batch_ran_is_summarised_on_its_new_text(tmp_path):
    changing = tmp_path / "changing.txt"
    changing.write_text((ARTICLES / "grid_repairs.txt").read_text())
    asked = []

    def batch_answers(body):  # the batch runs; meanwhile the file is edited
        changing.write_text((ARTICLES / "market_strike.txt").read_text())
        return _served(body)

    def synchronous(body):
        asked.append(body["messages"][1]["content"])  # the article message
        return _served(body)

    with FakeOpenAIServer(responder=synchronous) as server:
        server.batch_responder = batch_answers
        [done] = summarize_via_batch([str(changing)], _summarizer(server), ResultCache(tmp_path / "cache"),
                                     poll=0.01)
    assert done.error is None and len(asked) == 1 and "Kostyantynivka" in asked[0]  # the new text, asked anew
    new_text = changing.read_text()
    quotes = [ev.quote for e in done.result.events for ev in e.evidence]
    assert quotes and all(q in new_text for q in quotes)


def test_the_batch_files_are_streamed_and_a_failed_upload_is_sent_again_whole_from_the_file(tmp_path, monkeypatch):
    import httpx2

    sent, received = [], []  # requests and responses whose whole body was read into memory
    request_read, response_read = httpx2.Request.read, httpx2.Response.read
    monkeypatch.setattr(httpx2.Request, "read", lambda self: sent.append(self.url.path) or request_read(self))
    monkeypatch.setattr(httpx2.Response, "read", lambda self: received.append(
        self._request.url.path if self._request is not None else "") or response_read(self))
    with FakeOpenAIServer(responder=_served) as server:
        server.failed_uploads = 1
        done = summarize_via_batch(PATHS, _summarizer(server), ResultCache(tmp_path), poll=0.01)
    assert [d.error for d in done] == [None] * len(PATHS)
    first, second = server.upload_bodies
    assert first == second  # the same bytes, read again from the file (boundaries are fixed per request)
    assert len(server.files["file-1"].decode().splitlines()) == len(PATHS)
    assert "/v1/batches" in sent and "/v1/batches" in received  # small bodies are read whole, as before
    assert "/v1/files" not in sent and "/v1/files/file-2/content" not in received


def test_a_temporary_folder_that_cannot_be_written_is_one_line(tmp_path, monkeypatch):
    import tempfile

    faulty_temporary_files(monkeypatch, "summarizer.briefing.batch", "write")
    with FakeOpenAIServer(responder=_served) as server:
        result = CliRunner().invoke(app, ["briefing", "--via", "batch", "--poll", "0", "--base-url", server.base_url,
                                          "--model", "m", "--fixtures", "off", "--cache-dir", str(tmp_path), *PATHS],
                                    env={"OPENAI_API_KEY": "sk-test"})
    assert result.exit_code == 1 and "Traceback" not in result.stderr
    assert result.stderr.splitlines()[-1] == (f"summarize: cannot write the batch's temporary files in "
                                              f"{tempfile.gettempdir()}: No space left on device")


def test_an_output_line_with_an_odd_custom_id_is_ignored():
    from summarizer.briefing.batch import _answer

    ok = {"custom_id": "k", "response": {"status_code": 200, "body": {"choices": []}}}
    assert _answer(json.dumps(ok).encode()) == ("k", {"choices": []})
    for odd in ({**ok, "custom_id": ["k"]}, {**ok, "custom_id": None}, [ok], "k", None):
        assert _answer(json.dumps(odd).encode()) == (None, None)
    assert _answer(b"not json") == (None, None) and _answer(b"\n") == (None, None)


def test_no_cache_via_batch_asks_again_and_leaves_the_cache_alone(tmp_path, monkeypatch):
    default = tmp_path / "default"
    monkeypatch.setattr("summarizer.briefing.cache.default_cache_dir", lambda: default)
    with FakeOpenAIServer(responder=_served) as server:
        args = ["briefing", "--via", "batch", "--poll", "0", "--base-url", server.base_url, "--model", "m",
                "--fixtures", "off", "--format", "json", *PATHS[:2]]
        env = {"OPENAI_API_KEY": "sk-test"}
        first = CliRunner().invoke(app, args, env=env)
        cached = sorted(default.rglob("*"))
        again = CliRunner().invoke(app, [*args, "--no-cache"], env=env)
    assert first.exit_code == 0 and again.exit_code == 0, again.stderr
    assert cached and sorted(default.rglob("*")) == cached  # the first run's cache, untouched by the second
    assert _paths(server).count("/v1/batches") == 2  # asked again, though the results are in the cache
    assert "2/2 articles, 0 failed, 0 from cache" in again.stderr
