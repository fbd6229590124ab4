"""Transport retries (tenacity) below the OpenAI client."""

import io
import time

import httpx2
import pytest
from fakes import digest_answer, events_answer, fake_summarizer, record

from summarizer.errors import LLMError
from summarizer.llm.fake import completion_body
from summarizer.llm.retry import RetryTransport, retry_after_seconds

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


class Uploads(httpx2.BaseTransport):
    """Answers 503 `failures` times, then 200; keeps each attempt's body as sent, read from the request's
    stream (not `request.read()`, which would hold it in memory for the next attempt)."""

    def __init__(self, failures: int) -> None:
        self.failures = failures
        self.bodies: list[bytes] = []

    def handle_request(self, request: httpx2.Request) -> httpx2.Response:
        self.bodies.append(b"".join(request.stream))
        if len(self.bodies) <= self.failures:
            return httpx2.Response(503, json={"error": {"message": "busy"}})
        return httpx2.Response(200, json={"id": "file-1"})


class OneWay(io.RawIOBase):
    """A file that can be read once, front to back (a pipe)."""

    def __init__(self, data: bytes) -> None:
        self.data = io.BytesIO(data)

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return False

    def readinto(self, buffer) -> int:
        chunk = self.data.read(len(buffer))
        buffer[:len(chunk)] = chunk
        return len(chunk)


def upload(file, **headers) -> httpx2.Request:
    return httpx2.Request("POST", "http://endpoint.invalid/v1/files", data={"purpose": "batch"},
                          files={"file": ("requests.jsonl", file)}, headers=headers)


def test_a_seekable_upload_is_recognised_in_the_installed_httpx2_and_not_held_in_memory():
    from summarizer.llm.retry import _replayable

    lines = b'{"custom_id": "a"}\n' * 1000
    assert _replayable(upload(io.BytesIO(lines)))
    assert _replayable(upload(lines))  # a file given as bytes
    request = upload(io.BytesIO(lines))
    inner = Uploads(failures=1)
    response = RetryTransport(inner, initial=0.001, max_wait=0.01).handle_request(request)
    assert response.status_code == 200 and len(inner.bodies) == 2
    assert inner.bodies[0] == inner.bodies[1] and lines in inner.bodies[0]  # sent again whole, from the file
    with pytest.raises(httpx2.RequestNotRead):
        request.content  # never read into memory


def test_what_is_not_a_seekable_upload_is_held_in_memory_and_sent_again_whole():
    from summarizer.llm.retry import _replayable

    lines = b'{"custom_id": "a"}\n' * 1000
    assert not _replayable(upload(OneWay(lines)))  # a file that cannot be read again
    assert not _replayable(httpx2.Request("POST", "http://endpoint.invalid/v1/chat/completions", json={"a": 1}))
    # a multipart body given as bytes: no fields to send again
    assert not _replayable(httpx2.Request("POST", "http://endpoint.invalid/v1/files", content=b"--x--\r\n",
                                          headers={"content-type": "multipart/form-data; boundary=x"}))
    request = upload(OneWay(lines))
    inner = Uploads(failures=1)
    response = RetryTransport(inner, initial=0.001, max_wait=0.01).handle_request(request)
    assert response.status_code == 200 and len(inner.bodies) == 2
    assert inner.bodies[0] == inner.bodies[1] and lines in inner.bodies[0]
