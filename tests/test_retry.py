"""Transport retries (tenacity) below the OpenAI client."""

import time

import httpx2
import pytest
from fakes import digest_answer, events_answer, fake_summarizer, record

from summarizer.errors import LLMError
from summarizer.llm.fake import completion_body
from summarizer.llm.retry import retry_after_seconds

EVENTS = events_answer({2: record("the outlet", source_type="outlet", cue=""), 3: record("the regional governor")})
DIGEST = digest_answer(("Engineers restored electricity to most homes in Sumy.", ["e1"]))
FAST = {"transport_initial_wait": 0.01, "transport_max_wait": 0.05, "digest": "model"}


def error(status, headers=None):
    return httpx2.Response(status, json={"error": {"message": f"status {status}"}}, headers=headers or {})


def test_429_and_5xx_and_connection_errors_are_retried_then_succeed(article_path):
    summarizer, fake = fake_summarizer(error(429), error(503), httpx2.ConnectError("connection reset"),
                                       completion_body(EVENTS), DIGEST, **FAST)
    result = summarizer.summarize_file(article_path("grid_repairs.txt"))
    assert len(fake.requests) == 5
    assert [e.id for e in result.events] == ["e1", "e2"]
    assert result.usage.llm_calls == 2  # completions received; transport retries are not model calls


def test_retry_after_is_honoured(article_path):
    summarizer, fake = fake_summarizer(error(429, {"retry-after": "0.3"}), EVENTS, DIGEST,
                                       transport_initial_wait=0.01, transport_max_wait=5, digest="model")
    started = time.perf_counter()
    summarizer.summarize_file(article_path("grid_repairs.txt"))
    assert time.perf_counter() - started >= 0.3


def test_persistent_server_error_is_one_clear_line(article_path):
    summarizer, fake = fake_summarizer(*[error(502)] * 4, **FAST)
    with pytest.raises(LLMError) as info:
        summarizer.summarize_file(article_path("grid_repairs.txt"))
    assert len(fake.requests) == 4  # bounded attempts
    assert info.value.one_line().startswith("LLM endpoint answered HTTP 502")


def test_client_errors_are_not_retried(article_path):
    summarizer, fake = fake_summarizer(error(401), **FAST)
    with pytest.raises(LLMError, match="HTTP 401"):
        summarizer.summarize_file(article_path("grid_repairs.txt"))
    assert len(fake.requests) == 1


@pytest.mark.parametrize("value, expected", [("7", 7.0), ("0", 0.0), ("soon", None)])
def test_retry_after_parsing(value, expected):
    assert retry_after_seconds(httpx2.Response(429, headers={"retry-after": value})) == expected
