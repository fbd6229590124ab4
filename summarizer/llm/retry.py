"""Transport retries with tenacity: 429, 5xx and connection faults, below the OpenAI client.

Exponential back-off with jitter, honouring `Retry-After`, bounded in attempts
and in total time. A response's body is read here, so that a connection that
breaks mid-body, or a success status whose body is not the JSON the API speaks
(a proxy's error page, a plain-text message, a cut-off body), is retried like any other fault.
Validation failures are not retried here: instructor re-asks those with the
error message. The OpenAI client's own retries are off (max_retries=0) so that
this is the one retry policy. When the attempts run out, the last response or
error goes up with the number of attempts made (see `attempts_made`). Two
exceptions keep a batch's files out of memory: an upload of seekable files is
sent again from the files rather than held, and a file download is left for the
caller to stream.
"""

from __future__ import annotations

import contextvars
import email.utils
import json
import time

import httpx2
from tenacity import (
    RetryCallState,
    Retrying,
    retry_if_exception_type,
    retry_if_result,
    stop_after_attempt,
    stop_after_delay,
    stop_any,
    wait_random_exponential,
)

from summarizer.stages import staged

RETRY_STATUSES = frozenset({408, 409, 429, 500, 502, 503, 504})

# Transport-level retries made while this context variable holds a list (the pipeline's meter).
retry_log: contextvars.ContextVar[list | None] = contextvars.ContextVar("retry_log", default=None)


class MalformedAnswer(httpx2.RemoteProtocolError):
    """A success status whose body is not JSON: the endpoint (or a proxy before it) broke the API's protocol."""


def attempts_made(outcome: httpx2.Response | BaseException | None) -> int:
    """How many times the request behind a final response or transport error was tried (1 when not retried)."""
    if isinstance(outcome, httpx2.Response):
        return outcome.extensions.get("attempts", 1)
    return getattr(outcome, "attempts", 1)


def _malformed(request: httpx2.Request, response: httpx2.Response) -> MalformedAnswer | None:
    """A success whose body does not parse as JSON, whatever its content type says (JSON, an HTML page, plain
    text, none): every answer of the API is JSON, so a proxy's or a server's text page is a fault like a
    cut-off body. Not checked: a file's content (the Files API's download: JSON Lines, say), an event stream
    and a 204, which are not one JSON document."""
    kind = response.headers.get("content-type", "").split(";")[0].strip().lower()
    if not response.is_success or response.status_code == 204 or kind == "text/event-stream" \
            or request.url.path.rstrip("/").endswith("/content"):
        return None
    try:
        json.loads(response.content)
    except ValueError:
        text = response.content[:80].decode("utf-8", "replace")
        return MalformedAnswer(f"answered HTTP {response.status_code} with a body that is not JSON "
                               f"({kind or 'no content type'}, {len(response.content)} bytes): {text!r}")
    return None


def _download(request: httpx2.Request) -> bool:
    """A file's content from the Files API (a batch's output): possibly large, left for the caller to stream."""
    return request.method == "GET" and request.url.path.rstrip("/").endswith("/content")


def _replayable(request: httpx2.Request) -> bool:
    """A multipart upload whose files are all seekable (the batch's request file): httpx sends each file
    again from its start on every attempt, so the body need not be held in memory to be retried.

    httpx2 has no public multipart class, so this is duck-typed on what its multipart stream renders from:
    a multipart/form-data body whose stream has a list of `fields`, each a data field (a `value` in memory)
    or a file field (a `file` of bytes or a seekable file). Any other body, or one that stops looking like
    that (a later httpx2), is held in memory as before: the fallback costs memory, never a wrong retry.
    tests/test_retry.py holds the check against the installed httpx2."""
    if not request.headers.get("content-type", "").lower().startswith("multipart/form-data"):
        return False
    fields = getattr(request.stream, "fields", None)
    if not isinstance(request.stream, httpx2.SyncByteStream) or not isinstance(fields, list) or not fields:
        return False
    for field in fields:
        if hasattr(field, "file"):
            file = field.file
            if not isinstance(file, (str, bytes)) and not (callable(getattr(file, "seekable", None))
                                                           and file.seekable()):
                return False
        elif not isinstance(getattr(field, "value", None), (str, bytes)):
            return False
    return True


def retry_after_seconds(response: httpx2.Response) -> float | None:
    """Seconds asked for by a `Retry-After` header (delta-seconds or an HTTP date), if any."""
    value = response.headers.get("retry-after")
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


class RetryTransport(httpx2.BaseTransport):
    """`attempts` tries at most, started within `total` seconds of the first. `timeout` is the client's wait
    for one answer: a try that timed out is tried again only while another whole wait would end within
    `total`, so a hung endpoint costs `hung_cost()` seconds (240 at the defaults), not `attempts` waits; and
    never with `retry_timeouts` off (the embedded model: the same request would take as long again)."""

    def __init__(self, inner: httpx2.BaseTransport, *, attempts: int = 4, max_wait: float = 60.0,
                 total: float = 300.0, initial: float = 0.5, timeout: float | None = None,
                 retry_timeouts: bool = True) -> None:
        self.inner = inner
        self.attempts = attempts
        self.max_wait = max_wait
        self.total = total
        self.timeout = timeout
        self.retry_timeouts = retry_timeouts
        self._backoff = wait_random_exponential(multiplier=initial, max=max_wait)

    def hung_cost(self) -> float:
        """The seconds an endpoint that never answers costs (the back-off sleeps between tries left out)."""
        if self.timeout is None:
            return float("inf")
        if not self.retry_timeouts:
            return self.timeout
        tries = 1
        while tries < self.attempts and (tries + 1) * self.timeout <= self.total:
            tries += 1
        return tries * self.timeout

    def _no_time_for_another_wait(self, state: RetryCallState) -> bool:
        outcome = state.outcome
        return (outcome is not None and outcome.failed and isinstance(outcome.exception(), httpx2.TimeoutException)
                and (not self.retry_timeouts
                     or self.timeout is not None
                     and (state.seconds_since_start or 0.0) + self.timeout > self.total))

    def _wait(self, state: RetryCallState) -> float:
        outcome = state.outcome
        if outcome is not None and not outcome.failed:
            asked = retry_after_seconds(outcome.result())
            if asked is not None:
                return min(asked, self.max_wait)
        return self._backoff(state)

    def _before_sleep(self, state: RetryCallState) -> None:
        log = retry_log.get()
        outcome = state.outcome
        if log is not None and outcome is not None:
            cause = (repr(outcome.exception()) if outcome.failed
                     else f"HTTP {outcome.result().status_code}")
            log.append(cause)
        if state.outcome is not None and not state.outcome.failed:
            state.outcome.result().close()

    @staged("llm")
    def handle_request(self, request: httpx2.Request) -> httpx2.Response:
        if not _replayable(request):
            request.read()  # the body must be replayable across attempts
        retrying = Retrying(
            # stop_any calls each stop with the state: any callable works, its annotation says stop_base
            stop=stop_any(stop_after_attempt(self.attempts), stop_after_delay(self.total),
                          self._no_time_for_another_wait),  # type: ignore[arg-type]
            wait=self._wait,
            retry=(retry_if_exception_type(httpx2.TransportError)
                   | retry_if_result(lambda r: r.status_code in RETRY_STATUSES)),
            before_sleep=self._before_sleep,
            retry_error_callback=_last_outcome,
            reraise=True,
        )
        return retrying(self._once, request)

    def _once(self, request: httpx2.Request) -> httpx2.Response:
        response = self.inner.handle_request(request)
        if response.is_success and _download(request):
            return response  # streamed by the caller; one cut off there fails there (a batch resumes)
        response.read()  # here (it closes the stream, even when it fails), so that a cut-off body is retried
        malformed = _malformed(request, response)
        if malformed is not None:
            raise malformed
        return response

    def close(self) -> None:
        self.inner.close()


def _last_outcome(state: RetryCallState) -> httpx2.Response:
    """When attempts run out, hand the last response (or error) to the OpenAI client to report,
    noting how many attempts were made (`attempts_made`)."""
    assert state.outcome is not None
    if state.outcome.failed:
        setattr(state.outcome.exception(), "attempts", state.attempt_number)  # any exception class
    else:
        state.outcome.result().extensions["attempts"] = state.attempt_number
    return state.outcome.result()
