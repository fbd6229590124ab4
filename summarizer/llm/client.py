"""The one LLM client: `openai` wrapped by `instructor`, over a stack of HTTP transports.

    instructor (re-asks on validation errors; not after a refusal or no choices)
      -> openai.OpenAI (max_retries=0)
        -> httpx2.Client
          -> RetryTransport (tenacity: 429, 5xx, connection faults)
            -> FixtureTransport (replay / record), when fixtures are on
              -> the live transport: HTTP, the embedded llama.cpp model, or a test's fake

Every provider goes through this same stack, so fixtures, retries, validators
and re-asks apply to all of them.
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
import logging
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import Any, TypeVar

import httpx2
from pydantic import BaseModel

from summarizer.errors import FixtureMissingError, LLMError
from summarizer.llm.fixtures import FixtureTransport
from summarizer.llm.retry import RetryTransport
from summarizer.llm.settings import LLMSettings
from summarizer.redact import redact
from summarizer.schema import Usage
from summarizer.stages import stage
from summarizer.validate import CallContext, complete_members, validating

T = TypeVar("T", bound=BaseModel)

_meter: contextvars.ContextVar[Usage | None] = contextvars.ContextVar("llm_meter", default=None)
# The answers of the structured call in progress, for its re-ask policy (see `_reask_policy`).
_answers: contextvars.ContextVar[list | None] = contextvars.ContextVar("llm_answers", default=None)


@contextlib.contextmanager
def metering() -> Iterator[Usage]:
    """Count the LLM calls, tokens, re-asks and seconds made inside the block."""
    usage = Usage()
    token = _meter.set(usage)
    try:
        yield usage
    finally:
        _meter.reset(token)


def _on_response(response: Any) -> None:
    answers = _answers.get()
    if answers is not None:
        answers.append(response)
    usage = _meter.get()
    if usage is None:
        return
    usage.llm_calls += 1
    if getattr(response, "usage", None) is not None:
        usage.prompt_tokens += response.usage.prompt_tokens or 0
        usage.completion_tokens += response.usage.completion_tokens or 0


@functools.cache
def _prepared(response_model: type) -> type:
    """`response_model` as instructor uses it (a subclass with its ResponseSchema methods), made once per
    class: instructor otherwise makes a new class on every call."""
    import instructor

    return instructor.openai_schema(response_model)


@dataclass
class Outcome:
    """The result of one structured call: a validated value, or the last answer and why it failed."""

    value: Any = None
    raw: str | None = None
    error: str | None = None
    attempts: int = 0


class LLM:
    """Structured chat completions for the pipeline. Thread-safe; builds its client lazily."""

    def __init__(self, settings: LLMSettings, *, transport: httpx2.BaseTransport | None = None) -> None:
        self.settings = settings
        self._live_override = transport
        self._lock = threading.Lock()

    # -- construction -----------------------------------------------------------------
    def _live_transport(self) -> httpx2.BaseTransport | None:
        if self._live_override is not None:
            return self._live_override
        if self.settings.fixtures == "replay":
            return None  # replay never reaches a live endpoint
        if self.settings.provider == "embedded":
            from summarizer.llm.embedded import EmbeddedTransport

            return EmbeddedTransport(self.settings.model, parallel=self.settings.parallel)
        if self.settings.provider not in ("openai", "openai-compatible"):  # one another package provides
            from summarizer.llm.plugins import transport

            return transport(self.settings)
        return httpx2.HTTPTransport()

    def _transport(self) -> httpx2.BaseTransport:
        live = self._live_transport()
        transport: httpx2.BaseTransport | None = live
        if self.settings.fixtures != "off":
            transport = FixtureTransport(
                self.settings.fixtures_dir, self.settings.fixtures, live,
                recorded_with={"provider": self.settings.provider, "model": self.settings.model_name},
            )
        assert transport is not None
        return RetryTransport(transport, attempts=self.settings.transport_attempts,
                              initial=self.settings.transport_initial_wait,
                              max_wait=self.settings.transport_max_wait, total=self.settings.transport_total,
                              timeout=self.settings.timeout, retry_timeouts=self.settings.provider != "embedded")

    @cached_property
    def openai_client(self):
        """The plain `openai.OpenAI` client over the same transport stack (the Batch API uses it)."""
        import openai

        http = httpx2.Client(transport=self._transport(), timeout=self.settings.timeout)
        return openai.OpenAI(
            api_key=self.settings.api_key or "not-needed",
            base_url=self.settings.base_url or "http://embedded.invalid/v1",
            http_client=http,
            timeout=self.settings.timeout,
            max_retries=0,
        )

    @cached_property
    def _client(self):
        import instructor

        # instructor logs every failed attempt at ERROR; we report outcomes ourselves.
        logging.getLogger("instructor").addHandler(logging.NullHandler())
        logging.getLogger("instructor").propagate = False
        # instructor around the SDK's own create, in JSON_SCHEMA mode. A shortcut around create's request
        # transform saved 0.7 ms a call and was removed (bench/client_path.py, docs/internals.md).
        mode = instructor.Mode.JSON_SCHEMA
        client = instructor.Instructor(
            client=self.openai_client, provider=instructor.Provider.OPENAI, mode=mode,
            create=instructor.patch(create=self.openai_client.chat.completions.create, mode=mode))
        client.on("completion:response", _on_response)
        return client

    # -- calls ------------------------------------------------------------------------
    def structured(self, response_model: type[T], messages: list[dict], *,
                   context: CallContext | None = None, max_tokens: int = 1024) -> Outcome:
        """Ask for `response_model`; re-ask with the validation error up to `max_reasks` times (a refusal,
        or an answer with no choices, is an LLMError at once: see `_reask_policy`).

        Returns an Outcome whose `value` is the validated model, or, when the
        re-asks run out, `raw` (the last answer) and `error` so that the caller
        can keep the valid part. Transport and endpoint failures raise LLMError.
        """
        from instructor.core import IncompleteOutputException, InstructorRetryException

        with self._lock:
            client = self._client
        usage = _meter.get()
        calls_before = usage.llm_calls if usage else 0
        started = time.perf_counter()
        answers: list = []
        answers_token = _answers.set(answers)
        try:
            with stage("parse/validate"), validating(context):  # not instructor's `context=`: see validate.py
                value = client.chat.completions.create(
                    model=self.settings.model_name,
                    response_model=_prepared(response_model),
                    messages=messages,
                    max_retries=_reask_policy(self.settings.max_reasks, answers),
                    max_tokens=max_tokens,
                    temperature=self.settings.temperature,
                    seed=self.settings.seed,
                )
            return Outcome(value=value, attempts=self._calls_since(calls_before))
        except IncompleteOutputException as exc:
            cut = f"the model's answer was cut off at the token limit ({max_tokens} tokens)"
            raw = _completion_text(getattr(exc, "last_completion", None))
            if complete_members(raw):  # a small model looping in one field: the records before the cut count
                return Outcome(raw=raw, error=cut, attempts=self._calls_since(calls_before))
            raise LLMError(cut, attempts=self._calls_since(calls_before), usage=usage) from exc
        except InstructorRetryException as exc:
            cause = _root_cause(exc)
            if isinstance(cause, FixtureMissingError):
                raise cause from None
            if isinstance(cause, IncompleteOutputException):
                cut = f"the model's answer was cut off at the token limit ({max_tokens} tokens)"
                raw = _completion_text(getattr(cause, "last_completion", None))
                if complete_members(raw):
                    return Outcome(raw=raw, error=cut, attempts=exc.n_attempts)
                raise LLMError(cut, attempts=exc.n_attempts, usage=usage) from exc
            unusable = _unusable_answer(exc.last_completion)
            if unusable is not None:  # nothing to salvage: not a validation failure
                raise LLMError(unusable, attempts=exc.n_attempts, usage=usage) from exc
            if _is_validation_error(cause):
                return Outcome(raw=_completion_text(exc.last_completion), error=_one_line(cause),
                               attempts=exc.n_attempts)
            raise LLMError(_describe(cause, timeout=self.settings.timeout,
                                     who="the embedded model" if self.settings.provider == "embedded"
                                     else "the LLM endpoint"), attempts=exc.n_attempts,
                           last_completion=_completion_text(exc.last_completion), usage=usage) from exc
        finally:
            _answers.reset(answers_token)
            if usage is not None:
                usage.reasks += max(0, self._calls_since(calls_before) - 1)
                usage.seconds = round(usage.seconds + time.perf_counter() - started, 3)

    @staticmethod
    def _calls_since(before: int) -> int:
        usage = _meter.get()
        return (usage.llm_calls - before) if usage else 0


def _reask_policy(max_reasks: int, answers: list):
    """Instructor's re-ask loop as it runs with `max_retries=max_reasks` (re-ask on a parse or validation
    error, at most `max_reasks` times), except after an answer with nothing to correct: a refusal, or no
    choices. Such an answer fails validation like malformed JSON, but the error message is no help to the
    model, so asking again costs calls and rarely changes it: the call ends there (see `_unusable_answer`).
    `answers` is the call's list of responses, filled by the `completion:response` hook."""
    from json import JSONDecodeError

    from instructor.core import AsyncValidationError, ResponseParsingError
    from pydantic import ValidationError
    from tenacity import Retrying, retry_if_exception, stop_after_attempt

    reasked = (ValidationError, JSONDecodeError, AsyncValidationError, ResponseParsingError)  # instructor's own

    def worth_reasking(exc: BaseException) -> bool:
        return isinstance(exc, reasked) and not (answers and _unusable_answer(answers[-1]) is not None)

    return Retrying(stop=stop_after_attempt(max(max_reasks, 0) + 1), retry=retry_if_exception(worth_reasking),
                    reraise=True)


def _chain(exc: BaseException) -> list[BaseException]:
    """The exception and its causes, outermost first; a context hidden by `raise ... from None` is left out."""
    chain: list[BaseException] = []
    link: BaseException | None = exc
    while link is not None and link not in chain:
        chain.append(link)
        link = link.__cause__ or (None if link.__suppress_context__ else link.__context__)
    return chain


def _root_cause(exc: BaseException) -> BaseException:
    """The most telling exception under instructor's wrapper: an OpenAI API error, else the deepest one."""
    import openai

    chain = _chain(exc)
    for kind in (FixtureMissingError, openai.APIError):
        for e in chain:
            if isinstance(e, kind):
                return e
    return chain[-1]


def _is_validation_error(exc: BaseException) -> bool:
    from json import JSONDecodeError

    from pydantic import ValidationError

    return isinstance(exc, (ValidationError, JSONDecodeError, ValueError))


def _one_line(exc: BaseException) -> str:
    """A validation failure as one line: pydantic's errors as 'field.path: message; ...', without its links."""
    from pydantic import ValidationError

    if isinstance(exc, ValidationError):
        return "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" if e["loc"] else e["msg"]
                         for e in exc.errors())
    return " ".join(str(exc).split())


def _completion_text(completion: Any) -> str | None:
    try:
        return completion.choices[0].message.content
    except (AttributeError, IndexError, TypeError):
        return None


def _unusable_answer(completion: Any) -> str | None:
    """Why the last answer had nothing to validate, when it was no answer at all: no choices, or a refusal."""
    if completion is None:
        return None
    choices = getattr(completion, "choices", None)
    if not choices:
        return "the LLM endpoint's answer held no choices (no message from the model)"
    try:
        refusal = choices[0].message.refusal
    except (AttributeError, IndexError, TypeError):
        return None
    return f"the model refused to answer: {' '.join(str(refusal).split())}" if refusal else None


def _describe(exc: BaseException, *, timeout: float | None, who: str = "the LLM endpoint") -> str:
    """One line about an endpoint failure, never including a key, with the attempts made when retried."""
    import openai

    from summarizer.llm.retry import MalformedAnswer, attempts_made

    cause = exc.__cause__ if isinstance(exc, openai.APIConnectionError) else None  # the transport's error
    if isinstance(exc, openai.APIStatusError):
        line = f"LLM endpoint answered HTTP {exc.status_code}: {exc.message}"
    elif isinstance(exc, openai.APITimeoutError):
        line = f"{who} did not answer within the {timeout:g} s timeout, which --timeout sets"
    elif isinstance(cause, MalformedAnswer):
        line = f"LLM endpoint {cause}"
    elif isinstance(cause, httpx2.ConnectError):
        line = f"cannot reach the LLM endpoint: {cause}"
    elif isinstance(cause, httpx2.TransportError):
        line = f"the connection to the LLM endpoint failed: {str(cause) or type(cause).__name__}"
    elif isinstance(exc, (openai.APIConnectionError, httpx2.TransportError)):
        line = f"cannot reach the LLM endpoint: {exc}"
    else:
        return redact(f"LLM call failed: {type(exc).__name__}: {exc}")
    tries = attempts_made(exc.response if isinstance(exc, openai.APIStatusError) else cause or exc)
    return redact(line + (f" (tried {tries} times)" if tries > 1 else ""))
