"""LLM faults against a loopback OpenAI-compatible server (real HTTP on 127.0.0.1, see fake_server.py).

Each fault is either retried, within bounds, until the right result comes, or ends in an `LLMError` whose
one line names the cause: transport faults (429, 5xx, a timeout, a connection reset mid-body, a body that
is not JSON) are retried below the OpenAI client; a schema violation is re-asked by instructor with the
error; an answer with nothing in it (no choices, a refusal, cut off at the token limit) is an error at
once, not re-asked.
"""

import json
import shutil

import pytest
from conftest import ARTICLES
from fake_server import FakeOpenAIServer, Reply
from fakes import digest_answer, events_answer, record
from pydantic import BaseModel
from typer.testing import CliRunner

from summarizer.briefing.cache import ResultCache
from summarizer.cli import app
from summarizer.errors import LLMError
from summarizer.llm.fake import completion_body, outlet_records_answer
from summarizer.llm.settings import LLMSettings
from summarizer.pipeline import Summarizer
from summarizer.read import read_article

GRID = ARTICLES / "grid_repairs.txt"
EVENTS = completion_body(events_answer({2: record("the outlet", source_type="outlet", cue=""),
                                        3: record("the regional governor")}))
DIGEST = completion_body(digest_answer(("Engineers restored electricity to most homes in Sumy.", ["e1"])))
FAST = {"transport_initial_wait": 0.01, "transport_max_wait": 0.05}  # back-off sleeps of at most 50 ms
TIMEOUT = 0.3  # the client's timeout, seconds, where a fault makes the server wait longer


def summarizer_for(server: FakeOpenAIServer, **settings) -> Summarizer:
    return Summarizer(LLMSettings.resolve(base_url=server.base_url, api_key="sk-test", model="m", env={},
                                          fixtures="off", **{"digest": "model", **FAST, **settings}))


def assert_grid_result(result) -> None:
    """The records and digest that EVENTS and DIGEST make of grid_repairs.txt."""
    assert [(e.id, e.attribution.source, e.attribution.source_type, e.status, [ev.sentence_id for ev in e.evidence])
            for e in result.events] == [("e1", "the outlet", "outlet", "asserted", [2]),
                                        ("e2", "the regional governor", "official", "claimed", [3])]
    assert [n.text for n in result.events[1].numbers] == ["12,000"]
    assert result.digest.text == "Engineers restored electricity to most homes in Sumy."
    assert result.dropped == []


def refusal(text="I can't help with that request."):
    body = completion_body("")
    body["choices"][0]["message"] = {"role": "assistant", "content": None, "refusal": text}
    return body


def no_choices():
    return {**completion_body(""), "choices": []}


def error(status, message="upstream trouble"):
    return Reply({"error": {"message": message, "type": "server_error"}}, status=status)


# A fault, the settings it needs, and the start of the one line it ends in when it persists.
TRANSPORT_FAULTS = {
    "429 without Retry-After": (error(429, "rate limited"), {}, "LLM endpoint answered HTTP 429: "),
    "500": (error(500), {}, "LLM endpoint answered HTTP 500: "),
    "502": (error(502), {}, "LLM endpoint answered HTTP 502: "),
    "503": (error(503), {}, "LLM endpoint answered HTTP 503: "),
    "read timeout": (Reply(EVENTS, delay=5 * TIMEOUT), {"timeout": TIMEOUT},
                     f"the LLM endpoint did not answer within the {TIMEOUT:g} s timeout"),
    "connection reset mid-body": (Reply(EVENTS, cut_after=40), {},
                                  "the connection to the LLM endpoint failed: "),
    "body not JSON": (Reply(b'{"id": "chatcmpl-1", "choices": [{"ind'), {},
                      "LLM endpoint answered HTTP 200 with a body that is not JSON (application/json, "),
    "HTML error page": (Reply(b"<html><body>502 Bad Gateway</body></html>", headers={"content-type": "text/html"}),
                        {}, "LLM endpoint answered HTTP 200 with a body that is not JSON (text/html, "),
    "plain-text body": (Reply(b"upstream busy, try again later", headers={"content-type": "text/plain"}), {},
                        "LLM endpoint answered HTTP 200 with a body that is not JSON (text/plain, "),
    "no content type": (Reply(b"Service Unavailable", headers={"content-type": ""}), {},
                        "LLM endpoint answered HTTP 200 with a body that is not JSON (no content type, "),
}


@pytest.mark.parametrize("fault", TRANSPORT_FAULTS)
def test_a_transient_transport_fault_is_retried_then_succeeds(fault):
    reply, settings, _ = TRANSPORT_FAULTS[fault]
    with FakeOpenAIServer() as server:
        for item in (reply, reply, EVENTS, DIGEST):
            server.push(item)
        result = summarizer_for(server, **settings).summarize_file(GRID)
    requests = server.chat_requests()
    assert len(requests) == 4  # two faults, then the events call and the digest call
    assert requests[0] == requests[1] == requests[2]  # the same request, tried again
    assert_grid_result(result)
    # Usage counts the model's answers: the faults carried none, and are transport retries, not re-asks.
    assert (result.usage.llm_calls, result.usage.reasks) == (2, 0)
    assert (result.usage.prompt_tokens, result.usage.completion_tokens) == (20, 10)


@pytest.mark.parametrize("fault", TRANSPORT_FAULTS)
def test_a_persistent_transport_fault_ends_in_one_line_after_bounded_attempts(fault):
    reply, settings, message = TRANSPORT_FAULTS[fault]
    with FakeOpenAIServer(responder=lambda body: reply) as server:
        with pytest.raises(LLMError) as info:
            summarizer_for(server, **settings).summarize_file(GRID)
    assert len(server.chat_requests()) == 4  # transport_attempts, then it gives up
    line = info.value.one_line()
    assert line.startswith(message) and line.endswith("(tried 4 times)"), line
    assert "\n" not in str(info.value) and "sk-test" not in line
    assert info.value.attempts == 1  # one model call, never answered: no re-ask of a transport fault
    assert info.value.usage.llm_calls == 0 and info.value.usage.prompt_tokens == 0


def test_a_client_error_is_not_retried():
    with FakeOpenAIServer(responder=lambda body: error(400, "max_tokens is too large")) as server:
        with pytest.raises(LLMError) as info:
            summarizer_for(server).summarize_file(GRID)
    assert len(server.chat_requests()) == 1
    assert info.value.one_line().startswith("LLM endpoint answered HTTP 400: ")
    assert "max_tokens is too large" in info.value.one_line() and "tried" not in info.value.one_line()


def _gap(server) -> float:
    """Seconds between the first two requests the server saw."""
    first, second = (r["at"] for r in server.requests[:2])
    return second - first


def test_429_with_retry_after_waits_as_asked():
    with FakeOpenAIServer() as server:
        for item in (Reply(error(429).body, status=429, headers={"Retry-After": "0.4"}), EVENTS, DIGEST):
            server.push(item)
        result = summarizer_for(server, transport_max_wait=5.0).summarize_file(GRID)
    assert len(server.chat_requests()) == 3
    assert 0.4 <= _gap(server) < 2.4  # honoured: not the back-off's 10 ms, nor the 5 s cap
    assert_grid_result(result)


def test_429_without_retry_after_backs_off_briefly():
    with FakeOpenAIServer() as server:
        for item in (error(429), EVENTS, DIGEST):
            server.push(item)
        result = summarizer_for(server, transport_max_wait=5.0).summarize_file(GRID)
    assert len(server.chat_requests()) == 3
    assert _gap(server) < 0.4  # the exponential back-off's first sleep (at most 10 ms), not a Retry-After's
    assert_grid_result(result)


def test_no_choices_is_an_error_not_an_empty_result():
    with FakeOpenAIServer(responder=lambda body: no_choices()) as server:
        with pytest.raises(LLMError) as info:
            summarizer_for(server).summarize_file(GRID)
    assert len(server.chat_requests()) == 1
    assert info.value.one_line() == "the LLM endpoint's answer held no choices (no message from the model)"
    assert info.value.attempts == 1 and info.value.usage.llm_calls == 1  # the answer came, and is counted


def test_an_answer_cut_off_at_the_token_limit_is_an_error_not_re_asked():
    cut = completion_body(EVENTS["choices"][0]["message"]["content"][:60], finish_reason="length")
    with FakeOpenAIServer(responder=lambda body: cut) as server:
        with pytest.raises(LLMError) as info:
            summarizer_for(server).summarize_file(GRID)
    assert len(server.chat_requests()) == 1  # the same limit would cut the answer again
    assert info.value.one_line() == "the model's answer was cut off at the token limit (2048 tokens)"
    assert server.chat_requests()[0]["max_tokens"] == 2048
    assert info.value.usage.llm_calls == 1 and info.value.usage.completion_tokens == 5


def test_a_refusal_ends_at_the_first_answer_in_one_line_naming_it():
    with FakeOpenAIServer(responder=lambda body: refusal("I can't help\nwith that request.")) as server:
        with pytest.raises(LLMError) as info:
            summarizer_for(server).summarize_file(GRID)
    assert len(server.chat_requests()) == 1  # not re-asked: a refusal is not a malformed answer
    assert info.value.one_line() == "the model refused to answer: I can't help with that request."
    assert info.value.attempts == 1
    usage = info.value.usage
    assert (usage.llm_calls, usage.reasks, usage.prompt_tokens) == (1, 0, 10)  # the one answer counted


def test_a_refusal_is_not_re_asked_even_when_an_answer_would_follow():
    with FakeOpenAIServer() as server:
        for item in (refusal(), EVENTS, DIGEST):
            server.push(item)
        with pytest.raises(LLMError, match="^the model refused to answer: "):
            summarizer_for(server).summarize_file(GRID)
    assert len(server.chat_requests()) == 1 and len(server.queue) == 2


def test_a_refusal_in_a_briefing_fails_that_article_after_one_call():
    from summarizer.briefing.articles import summarize_all

    grid, market = str(GRID), str(ARTICLES / "market_strike.txt")

    def answer(body):
        if "Sumy" in body["messages"][1]["content"]:  # the article message
            return refusal()
        return completion_body(outlet_records_answer(body))

    with FakeOpenAIServer(responder=answer) as server:
        summarizer = Summarizer(LLMSettings.resolve(base_url=server.base_url, api_key="sk-test", model="m", env={},
                                                    fixtures="off", digest="composed", **FAST))
        done = summarize_all([grid, market], summarizer, None, concurrency=1)
    assert [d.error for d in done] == ["the model refused to answer: I can't help with that request.", None]
    assert done[0].exit_code == 1 and done[1].result.events
    assert [("Sumy" in r["messages"][1]["content"]) for r in server.chat_requests()] == [True, False]


INVALID_EVENTS = completion_body(events_answer({2: record("the outlet", source_type="bogus", cue=""),
                                                3: record("the regional governor")}))


def test_a_schema_violation_is_re_asked_with_the_error_then_succeeds():
    with FakeOpenAIServer() as server:
        for item in (INVALID_EVENTS, EVENTS, DIGEST):
            server.push(item)
        result = summarizer_for(server).summarize_file(GRID)
    first, reask, _ = server.chat_requests()
    assert reask["messages"][:len(first["messages"])] == first["messages"]
    said, correction = reask["messages"][len(first["messages"]):]
    assert said == {"role": "assistant", "content": INVALID_EVENTS["choices"][0]["message"]["content"]}
    assert correction["role"] == "user"
    assert "2.source_type" in correction["content"] and "Input should be 'official'" in correction["content"]
    assert_grid_result(result)
    assert (result.usage.llm_calls, result.usage.reasks, result.usage.prompt_tokens) == (3, 1, 30)


def test_a_persistent_schema_violation_is_bounded_and_keeps_the_valid_records():
    with FakeOpenAIServer() as server:
        for item in (INVALID_EVENTS, INVALID_EVENTS, INVALID_EVENTS):
            server.push(item)
        server.responder = lambda body: completion_body(digest_answer((
            "About 12,000 households were still without power by evening, the regional governor said.", ["e1"])))
        result = summarizer_for(server).summarize_file(GRID)
    requests = server.chat_requests()
    assert len(requests) == 4  # the events call, two re-asks, then the digest call
    assert all("2.source_type" in r["messages"][-1]["content"] for r in requests[1:3])
    assert [(e.id, e.attribution.source) for e in result.events] == [("e1", "the regional governor")]
    [lost] = result.dropped
    assert lost.stage == "events" and json.loads(lost.item) == {"2": json.loads(
        INVALID_EVENTS["choices"][0]["message"]["content"])["2"]}
    assert lost.reason == ("source_type: Input should be 'official', 'media', 'anonymous', 'witness', 'outlet' "
                           "or 'other'")
    assert (result.usage.llm_calls, result.usage.reasks) == (4, 2)


class Count(BaseModel):
    households: int


def test_a_persistent_non_json_answer_is_bounded_with_a_one_line_error():
    with FakeOpenAIServer(responder=lambda body: completion_body("Sure! About twelve thousand.")) as server:
        llm = summarizer_for(server).llm
        outcome = llm.structured(Count, [{"role": "user", "content": "How many households?"}])
    assert len(server.chat_requests()) == 3
    assert outcome.value is None and outcome.attempts == 3 and outcome.raw == "Sure! About twelve thousand."
    assert outcome.error == "Invalid JSON: expected value at line 1 column 1"  # one line, no link
    assert all("Invalid JSON" in r["messages"][-1]["content"] for r in server.chat_requests()[1:])


# -- several articles: one article's failure loses nothing else -------------------------------------------

def _fails_for_sumy(fault: Reply):
    """Answer every events call (the outlet's own voice), except grid_repairs.txt's: always `fault`."""
    def answer(body):
        if "Sumy" in body["messages"][1]["content"]:  # the article message
            return fault
        return completion_body(outlet_records_answer(body))
    return answer


@pytest.fixture
def fast_retries(monkeypatch):
    """The command line's settings with short back-off sleeps (the defaults sleep seconds)."""
    resolve = LLMSettings.resolve.__func__
    monkeypatch.setattr(LLMSettings, "resolve", classmethod(lambda cls, **kw: resolve(cls, **{**FAST, **kw})))


def test_cli_prints_the_good_article_and_one_line_for_the_failing_one(fast_retries):
    market = ARTICLES / "market_strike.txt"
    with FakeOpenAIServer(responder=_fails_for_sumy(error(503, "the model is overloaded"))) as server:
        result = CliRunner().invoke(app, ["--json", "--base-url", server.base_url, "--model", "m", "--fixtures",
                                          "off", "--digest", "composed", str(GRID), str(market)])
    assert result.exit_code == 1
    [line] = result.stderr.splitlines()
    assert line.startswith(f"summarize: {GRID}: LLM endpoint answered HTTP 503: ")
    assert "the model is overloaded" in line and line.endswith(" (tried 4 times)")
    assert "Traceback" not in result.stdout + result.stderr and isinstance(result.exception, SystemExit)
    [doc] = [json.loads(row) for row in result.stdout.splitlines()]
    assert doc["article"]["path"] == str(market) and doc["events"]
    assert len(server.chat_requests()) == 5  # four tries for grid_repairs, one call for market_strike


def test_briefing_finishes_the_others_lists_the_failure_and_caches_the_finished(tmp_path, fast_retries):
    folder, cache, out = tmp_path / "articles", tmp_path / "cache", tmp_path / "briefing.json"
    folder.mkdir()
    names = [GRID.name, "market_strike.txt", "remains_exchange.txt"]
    for name in names:
        shutil.copy(ARTICLES / name, folder / name)
    others = names[1:]
    args = ["briefing", str(folder), "--format", "json", "-o", str(out), "--cache-dir", str(cache),
            "--merge", "embeddings", "--digest", "composed", "--model", "m", "--fixtures", "off"]
    reset = Reply(completion_body("{}"), cut_after=10)
    with FakeOpenAIServer(responder=_fails_for_sumy(reset)) as server:
        result = CliRunner().invoke(app, [*args, "--base-url", server.base_url])
        first = len(server.chat_requests())
        doc = json.loads(out.read_text())
        settings = LLMSettings.resolve(base_url=server.base_url, model="m", fixtures="off", digest="composed")
        cached = [name for name in names if ResultCache(cache).get(
            ResultCache.key(read_article(str(folder / name)).content_key, settings)) is not None]
        # A re-run, the endpoint now well, asks only about the article that failed: the others are cached.
        server.responder = lambda body: completion_body(outlet_records_answer(body))
        again = CliRunner().invoke(app, [*args, "--base-url", server.base_url])
        rerun = server.chat_requests()[first:]

    assert result.exit_code == 1 and "Traceback" not in result.stderr
    assert first == 4 + len(others)  # four tries for grid_repairs, one call for each of the others
    assert sorted(a["article"]["path"].rsplit("/", 1)[-1] for a in doc["articles"]) == others
    [failed] = doc["failed"]
    assert failed["path"] == str(folder / GRID.name)
    assert failed["reason"].startswith("the connection to the LLM endpoint failed: ")
    assert failed["reason"].endswith("(tried 4 times)")
    assert f"{failed['path']}: {failed['reason']}" in result.stderr
    assert cached == others

    assert again.exit_code == 0, again.stderr
    [request] = rerun
    assert "Sumy" in request["messages"][1]["content"]
    redone = json.loads(out.read_text())
    assert len(redone["articles"]) == len(names) and redone["failed"] == []


def test_an_answer_cut_off_after_complete_records_keeps_them_and_says_what_was_cut():
    content = EVENTS["choices"][0]["message"]["content"]
    whole = json.loads(content)
    first = next(iter(whole))
    looping = json.dumps({first: whole[first]})[:-1] + ', "99": {"source": "the outlet", "cue": "' + "a " * 50
    cut = completion_body(looping, finish_reason="length")
    answers = iter([cut, DIGEST])
    with FakeOpenAIServer(responder=lambda body: next(answers)) as server:
        result = summarizer_for(server).summarize_file(GRID)
    assert len(server.chat_requests()) == 2 and len(result.events) == 1  # not re-asked: the events, the digest
    assert any("cut off at the token limit" in d.reason for d in result.dropped)


# -- answers keyed by ids the article does not have: dropped with a reason, never looked up ----------------

OUTLET = record("the outlet", source_type="outlet", cue="")


@pytest.mark.parametrize("keys, kept", [
    ((0, 1, 2), [2]),  # counting from 0: 1 is the headline, 2 the first candidate, 3 missing
    ((2, 777), [2]),  # an id the article does not have
    ((0, 1), []),  # nothing usable: the answers never validated
    (("e1", "²", 2), [2]),  # ids that are no sentence number
])
def test_an_answer_keyed_by_ids_the_article_does_not_have_drops_them_with_a_reason(keys, kept):
    bad = completion_body(json.dumps({str(k): OUTLET for k in keys}))
    with FakeOpenAIServer(responder=lambda body: bad) as server:
        summarizer = summarizer_for(server, digest="composed")
        if not kept:
            with pytest.raises(LLMError, match=r"^the model's answers never validated \(3 tries\): "):
                summarizer.summarize_file(GRID)
            return
        result = summarizer.summarize_file(GRID)
    assert [e.evidence[0].sentence_id for e in result.events] == kept
    unknown = [str(k) for k in keys if k not in kept]
    assert [next(iter(json.loads(d.item))) for d in result.dropped] == unknown
    assert all(d.reason == f"sentence {k} is not one the model was asked about"
               for d, k in zip(result.dropped, unknown))


# -- the API key never leaks: whatever its shape, however the endpoint echoes it -------------------------

KEYS = ["my-custom-key-0123456789", "sk-proj-THIS_IS.SECRET+key/abc", "0123456789abcdef0123456789abcdef",
        "a key with spaces, \"quotes\" and 100% of it secret"]


def leaked(text: str, key: str) -> list[str]:
    """Runs of 8 or more of the key's characters in a row found in `text`."""
    return [key[i:i + 8] for i in range(len(key) - 7) if key[i:i + 8] in text]


def echoes(key: str):
    """An endpoint that tells the client its key back, whole, cut short and in part, as a 401."""
    return lambda body: error(401, f"Incorrect API key provided: {key}. Did you mean {key[:12]}...? "
                                   f"Keys end like ...{key[-10:]}; encoded {json.dumps(key)}.")


@pytest.mark.parametrize("key", KEYS)
def test_the_configured_key_is_masked_in_the_one_line_error_whatever_its_shape(key, fast_retries):
    with FakeOpenAIServer(responder=echoes(key)) as server:
        result = CliRunner().invoke(app, ["--base-url", server.base_url, "--model", "m", "--fixtures", "off",
                                          str(GRID)], env={"OPENAI_API_KEY": key})
    assert result.exit_code == 1
    [line] = result.stderr.splitlines()
    assert line.startswith(f"summarize: {GRID}: LLM endpoint answered HTTP 401: ")
    assert "Incorrect API key provided: [REDACTED]. Did you mean [REDACTED]...?" in line
    assert leaked(line, key) == []


def test_a_key_an_http_header_cannot_carry_is_a_usage_error_that_does_not_show_it():
    key = "gsk_Ünïcode-секрет-0123456789"
    result = CliRunner().invoke(app, ["--base-url", "http://127.0.0.1:9/v1", str(GRID)], env={"OPENAI_API_KEY": key})
    assert result.exit_code == 2 and "Traceback" not in result.stderr
    assert result.stderr == ("summarize: the API key (OPENAI_API_KEY) has a character an HTTP header cannot carry "
                             "at position 5: give the key as the provider wrote it\n")


@pytest.mark.parametrize("key", KEYS[:2])
def test_the_configured_key_is_masked_in_a_briefings_failures(key, tmp_path, fast_retries):
    out = tmp_path / "briefing.json"
    with FakeOpenAIServer(responder=echoes(key)) as server:
        result = CliRunner().invoke(app, ["briefing", str(GRID), "-o", str(out), "--no-cache", "--merge", "embeddings",
                                          "--base-url", server.base_url, "--model", "m", "--fixtures", "off"],
                                    env={"OPENAI_API_KEY": key})
    assert result.exit_code == 1
    [failed] = json.loads(out.read_text())["failed"]
    assert "[REDACTED]" in failed["reason"]
    assert leaked(result.stderr + out.read_text(), key) == []


def test_the_configured_key_is_masked_in_recordings_results_and_logs(tmp_path, caplog):
    import logging

    from summarizer.redact import guard_logging

    key = KEYS[1]
    leaky = completion_body(events_answer({2: record(f"the key {key}", source_type="bogus"), 3: record()}))
    digest = completion_body(digest_answer((
        "About 12,000 households were still without power by evening, the regional governor said.", ["e1"])))
    with FakeOpenAIServer(responder=lambda body: digest if "sentences" in json.dumps(body["response_format"])
                          else leaky) as server:  # record 2 never validates: dropped, with what it said
        summarizer = Summarizer(LLMSettings.resolve(base_url=server.base_url, api_key=key, model="m", env={},
                                                    fixtures="record", fixtures_dir=tmp_path, digest="model", **FAST))
        result = summarizer.summarize_file(GRID)
    recorded = "".join(p.read_text(encoding="utf-8") for p in tmp_path.glob("*.json"))
    assert "[REDACTED]" in recorded and leaked(recorded, key) == []
    shown = result.model_dump_json()
    assert "[REDACTED]" in shown and leaked(shown, key) == []
    guard_logging()
    with caplog.at_level(logging.DEBUG):
        logging.getLogger("openai._base_client").debug("request headers: %s", {"Authorization": "Bearer" + f" {key}"})
    assert "[REDACTED]" in caplog.text and leaked(caplog.text, key) == []


# -- a failed digest call loses no record --------------------------------------------------------------------

@pytest.mark.parametrize("fault", ["503", "refusal"])
def test_a_failed_digest_call_keeps_the_records_and_says_so(fault, fast_retries):
    failure = error(503, "the model is overloaded") if fault == "503" else refusal()

    def answer(body):
        return failure if "sentences" in json.dumps(body["response_format"]) else EVENTS

    with FakeOpenAIServer(responder=answer) as server:
        result = summarizer_for(server).summarize_file(GRID)
        cli = CliRunner().invoke(app, ["--json", "--base-url", server.base_url, "--model", "m", "--fixtures", "off",
                                       "--digest", "model", str(GRID)])
    assert [e.id for e in result.events] == ["e1", "e2"] and result.digest.text == ""
    [lost] = result.dropped
    reason = ("the digest call failed: LLM endpoint answered HTTP 503: " if fault == "503"
              else "the digest call failed: the model refused to answer: I can't help with that request.")
    assert lost.stage == "digest" and lost.reason.startswith(reason)
    assert cli.exit_code == 0 and json.loads(cli.stdout)["events"] == [e.model_dump(mode="json")
                                                                       for e in result.events]
    [line] = cli.stderr.splitlines()
    assert line.startswith(f"summarize: {GRID}: {reason}") and line.endswith("(the records are kept, with no digest)")


# -- a failed storyline confirmation: the embeddings' storylines, said on stderr ----------------------------------

MARKET_A = ("Missile strike on Kostiantynivka market\n\nA missile hit the market in Kostiantynivka on Monday, killing "
            "19 people, the health ministry said.\n\nRescue teams searched the rubble for survivors into the night, "
            "the ministry said.\n")
MARKET_B = ("Market strike in Kostyantynivka\n\nThe missile strike on the market in Kostyantynivka killed 40 people, "
            "civil defence said on Monday.\n\nRescuers searched the rubble of the market for survivors, civil "
            "defence said.\n")


@pytest.mark.parametrize("fault", ["500", "never valid"])
def test_a_failed_merge_call_falls_back_to_the_embeddings_storylines_and_says_so(fault, tmp_path, fast_retries):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text(MARKET_A, encoding="utf-8")
    (folder / "b.txt").write_text(MARKET_B, encoding="utf-8")
    failure = error(500) if fault == "500" else completion_body('{"same": "yes"}')

    def answer(body):
        if "same" in body["response_format"]["json_schema"]["schema"]["properties"]:
            return failure
        return completion_body(outlet_records_answer(body))

    def briefing(server, merge, out):
        return CliRunner().invoke(app, ["briefing", str(folder), "-o", str(out), "--no-cache", "--merge", merge,
                                        "--digest", "composed", "--base-url", server.base_url, "--model", "m",
                                        "--fixtures", "off", "--concurrency", "1"])  # the same order

    with FakeOpenAIServer(responder=answer) as server:
        result = briefing(server, "model", tmp_path / "model.json")
        asked = [r for r in server.chat_requests() if "same" in json.dumps(r["response_format"])]
        by_embeddings = briefing(server, "embeddings", tmp_path / "embeddings.json")
    assert len(asked) == (4 if fault == "500" else 3)  # the call was made, and failed for good
    assert result.exit_code == 0 and by_embeddings.exit_code == 0, result.stderr
    said = [line for line in result.stderr.splitlines() if "storylines" in line]
    assert len(said) == 1 and said[0].startswith("summarize: merging storylines: the model's confirmation failed (")
    assert said[0].endswith("): the embeddings' storylines are used instead")
    assert "Traceback" not in result.stderr
    doc, fallback = (json.loads((tmp_path / f"{m}.json").read_text()) for m in ("model", "embeddings"))
    assert len(doc["storylines"]) == 1 and doc["storylines"] == fallback["storylines"]


# -- a hung endpoint: --timeout, SUMMARIZER_TIMEOUT, and defaults far below 600 s ---------------------------

def test_the_default_timeouts_are_short_for_endpoints_and_bounded_for_the_embedded_model():
    from summarizer.llm.settings import DEFAULT_TIMEOUT

    endpoint = LLMSettings.resolve(base_url="http://127.0.0.1:9/v1", env={})
    assert endpoint.timeout == DEFAULT_TIMEOUT["openai-compatible"] == 120
    assert LLMSettings.resolve(env={"OPENAI_API_KEY": "k"}).timeout == 120
    assert LLMSettings.resolve(env={}).timeout == DEFAULT_TIMEOUT["embedded"] == 900
    assert LLMSettings.resolve(env={"SUMMARIZER_TIMEOUT": "7.5"}).timeout == 7.5
    assert LLMSettings.resolve(timeout=3, env={"SUMMARIZER_TIMEOUT": "7.5"}).timeout == 3  # the flag wins
    # A hung endpoint, by default: one wait, and one more only while a whole one fits in the 300 s that an
    # endpoint call's retries may take: 2 x 120 s, not 600 s or 4 x 120 s.
    from summarizer.llm.retry import RetryTransport

    transport = RetryTransport(None, attempts=4, timeout=endpoint.timeout)
    assert transport.hung_cost() == 240


@pytest.mark.parametrize("how", ["flag", "env"])
def test_timeout_bounds_a_hung_endpoint_from_the_command_line(how, tmp_path, fast_retries):
    hang = Reply(EVENTS, delay=30)
    with FakeOpenAIServer(responder=lambda body: hang) as server:
        args = ["--base-url", server.base_url, "--model", "m", "--fixtures", "off", str(GRID)]
        result = CliRunner().invoke(app, ["--timeout", "0.3", *args] if how == "flag" else args,
                                    env={"SUMMARIZER_TIMEOUT": "0.3"} if how == "env" else {})
    assert result.exit_code == 1, result.stderr
    [line] = result.stderr.splitlines()
    assert line.startswith(f"summarize: {GRID}: the LLM endpoint did not answer within the 0.3 s timeout")
    assert len(server.chat_requests()) == 4  # short waits: every retry fits in the retries' time
    assert "--timeout" in line  # says how to wait longer


@pytest.mark.parametrize("value", ["0", "-1", "nan", "soon"])
def test_a_timeout_that_is_no_positive_number_is_a_usage_error(value):
    flag = CliRunner().invoke(app, ["--timeout", value, "--base-url", "http://127.0.0.1:9/v1", str(GRID)])
    env = CliRunner().invoke(app, ["--base-url", "http://127.0.0.1:9/v1", str(GRID)], env={"SUMMARIZER_TIMEOUT": value})
    for result in (flag, env):
        assert result.exit_code == 2 and "Traceback" not in result.stderr, result.stderr
        assert len(result.stderr.strip().splitlines()) == 1 or "Usage:" in result.stderr
    assert env.stderr == (f"summarize: SUMMARIZER_TIMEOUT must be a number of seconds above 0, not {value!r}\n")


def test_a_timed_out_attempt_is_retried_only_while_a_whole_wait_still_fits():
    hang = Reply(EVENTS, delay=30)
    with FakeOpenAIServer(responder=lambda body: hang) as server:
        with pytest.raises(LLMError) as info:
            summarizer_for(server, timeout=0.3, transport_total=0.5).summarize_file(GRID)
    assert len(server.chat_requests()) == 1  # 0.3 s spent, another 0.3 s would pass the 0.5 s budget
    assert info.value.one_line().startswith("the LLM endpoint did not answer within the 0.3 s timeout")
    assert "tried" not in info.value.one_line()


def test_briefing_takes_timeout_too(tmp_path, fast_retries):
    hang = Reply(EVENTS, delay=30)
    out = tmp_path / "b.json"
    with FakeOpenAIServer(responder=lambda body: hang) as server:
        result = CliRunner().invoke(app, ["briefing", str(GRID), "-o", str(out), "--no-cache", "--timeout", "0.2",
                                          "--base-url", server.base_url, "--model", "m", "--fixtures", "off"])
    assert result.exit_code == 1, result.stderr
    [failed] = json.loads(out.read_text())["failed"]
    assert failed["reason"].startswith("the LLM endpoint did not answer within the 0.2 s timeout")


# -- Ctrl-C: one is enough, even while a call hangs ------------------------------------------------------------

def _hangs_for_sumy(body):
    if "Sumy" in body["messages"][1]["content"]:
        return Reply(EVENTS, delay=120)  # an endpoint that never answers (until the server closes)
    return completion_body(outlet_records_answer(body))


def _interrupt_when_hung(server, args: list[str]):
    """Run `summarize ARGS` in a process of its own, send it one SIGINT once the endpoint holds the call about
    grid_repairs.txt, and return (exit code, stderr, seconds from the SIGINT to its exit)."""
    import os
    import signal
    import subprocess
    import sys
    import time

    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "SUMMARIZER_"))}
    env["SUMMARIZER_FIXTURES"] = "off"
    process = subprocess.Popen([sys.executable, "-m", "summarizer", *args, "--base-url", server.base_url,
                                "--model", "m", "--fixtures", "off", "--digest", "composed"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
                               # Ctrl-C as a terminal sends it, even where this test runs as a background job
                               # of a shell without job control (which starts it with SIGINT ignored)
                               preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        deadline = time.monotonic() + 60
        while not any("Sumy" in r["messages"][1]["content"] for r in server.chat_requests()):
            assert time.monotonic() < deadline and process.poll() is None, process.communicate()
            time.sleep(0.05)
        time.sleep(0.2)
        process.send_signal(signal.SIGINT)
        sent = time.monotonic()
        _, stderr = process.communicate(timeout=20)  # one Ctrl-C: it ends now, not when the call would
        return process.returncode, stderr, time.monotonic() - sent
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()


def test_one_ctrl_c_stops_a_briefing_while_a_call_hangs_and_keeps_what_is_done(tmp_path):
    market, cache, out = ARTICLES / "market_strike.txt", tmp_path / "cache", tmp_path / "briefing.json"
    third = tmp_path / "third.txt"
    shutil.copy(ARTICLES / "remains_exchange.txt", third)
    with FakeOpenAIServer(responder=_hangs_for_sumy) as server:
        code, stderr, seconds = _interrupt_when_hung(server, [
            "briefing", str(market), str(GRID), str(third), "--concurrency", "1", "--cache-dir", str(cache),
            "-o", str(out), "--merge", "embeddings"])
        asked = [r["messages"][-1]["content"] for r in server.chat_requests()]
    assert code == 130 and seconds < 10 and "Traceback" not in stderr and "error" not in stderr, stderr
    assert "1/3 articles, 0 failed" in stderr
    assert stderr.splitlines()[-1] == ("summarize: interrupted: 1 of 3 articles done (kept in the cache: run the "
                                       "same command again to resume), 2 left")
    assert len(asked) == 2  # the third article was never started
    assert not out.exists()  # no briefing that looks complete
    settings = LLMSettings.resolve(base_url=server.base_url, model="m", fixtures="off", digest="composed", env={})
    assert ResultCache(cache).get(ResultCache.key(read_article(str(market)).content_key, settings)) is not None
    assert not list(cache.rglob("*.tmp"))


def test_one_ctrl_c_ends_summarize_file_with_its_interrupted_line():
    with FakeOpenAIServer(responder=_hangs_for_sumy) as server:
        code, stderr, seconds = _interrupt_when_hung(server, [str(GRID)])
    assert code == 130 and seconds < 10 and "Traceback" not in stderr, stderr
    assert stderr.splitlines() == ["summarize: interrupted"]


def test_a_bug_in_one_article_is_a_masked_line_unless_debugging(monkeypatch):
    from summarizer.errors import InputError, attempt

    monkeypatch.setattr("summarizer.redact._secrets", ["sk-" + "abcdefghijklmnop12345678"])
    monkeypatch.delenv("SUMMARIZER_DEBUG", raising=False)

    def bug():
        raise KeyError("sk-" + "abcdefghijklmnop12345678")

    done = attempt("a.txt", bug)
    assert done.value is None and done.exit_code == 1 and done.internal
    assert done.error.startswith("internal error: KeyError") and "abcdefghijklmnop" not in done.error

    def bad_input():
        raise InputError("a.txt: is empty")

    said = attempt("a.txt", bad_input)
    assert (said.error, said.exit_code, said.internal) == ("is empty", 3, False)
    assert attempt("a.txt", lambda: 7).value == 7
    monkeypatch.setenv("SUMMARIZER_DEBUG", "1")
    with pytest.raises(KeyError):
        attempt("a.txt", bug)
