"""The briefing's per-article stage through the OpenAI Batch API (`summarize briefing --via batch`).

The events calls of all articles not in the cache go into one JSONL file (one
chat-completions request per line, `custom_id` = the article's cache key),
uploaded to the Files API; a batch is created and polled with back-off; its
output file is downloaded. Every answer is validated with the same response
models and context as the synchronous path; an article whose answer is missing
or invalid is summarised synchronously (with the usual re-asks). The batch id is
kept in the cache folder, so an interrupted run polls the same batch instead of
submitting a new one. The same JSONL is what vLLM's batch runner reads
(`python -m vllm.entrypoints.openai.run_batch -i requests.jsonl -o results.jsonl`).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import tempfile
import time
from collections.abc import Callable
from typing import IO

from pydantic import BaseModel, ValidationError

from summarizer.briefing.articles import Done, finished, from_cache
from summarizer.briefing.cache import ResultCache
from summarizer.errors import LLMError, SummarizerError
from summarizer.files import os_reason, write_atomic
from summarizer.pipeline import Answered, EventsRequest, Summarizer
from summarizer.read import Article, read_article
from summarizer.redact import redact

FINAL = {"completed", "failed", "expired", "cancelled"}


def request_line(custom_id: str, request: EventsRequest, settings) -> dict:
    """One JSONL line: the events call as the synchronous path sends it (instructor's JSON_SCHEMA mode)."""
    schema = request.schema
    body = {"model": settings.model_name, "messages": request.messages, "max_tokens": request.max_tokens,
            "temperature": settings.temperature, "seed": settings.seed,
            "response_format": {"type": "json_schema",
                                "json_schema": {"name": request.response_model.__name__, "schema": schema}}}
    return {"custom_id": custom_id, "method": "POST", "url": "/v1/chat/completions", "body": body}


def summarize_via_batch(paths: list[str], summarizer: Summarizer, cache: ResultCache, *,
                        poll: float = 10.0, max_poll: float = 300.0, timeout: float = 26 * 3600,
                        on_done: Callable[[Done], None] = lambda d: None,
                        warn: Callable[[str], None] = lambda message: None) -> list[Done]:
    """Summarise the articles through one batch (cached ones excepted); results in input order. The cache
    folder is best-effort: what cannot be written there (a result, the batch id) is said to `warn` or in
    the article's `Done.warning`, and the run goes on.

    Memory stays flat in the number of articles: the requests are written to a temporary file as they are
    built, the output is downloaded to another, and each answered article is read again from its file
    when its answer is read (one whose text changed meanwhile is summarised anew, synchronously)."""
    done: dict[str, Done] = {}
    pending: dict[str, list[str]] = {}  # custom_id (the cache key) -> the paths with that text
    try:
        with tempfile.TemporaryFile() as requests, tempfile.TemporaryFile() as answers:
            for path in paths:
                try:
                    article = read_article(path)
                except SummarizerError as exc:
                    done[path] = Done(path=path, error=exc.about(path), exit_code=exc.exit_code)
                    on_done(done[path])
                    continue
                key = ResultCache.key(article.content_key, summarizer.settings)
                if hit := from_cache(path, article.path, cache, key):
                    done[path] = hit
                elif (request := summarizer.events_request(article)) is None:
                    # no event sentence, or a long article asked in parts: done synchronously
                    done[path] = _finish(summarizer, cache, key, path, article, None)
                else:
                    if key not in pending:  # the same text in two files is asked once; both get the answer
                        requests.write(json.dumps(request_line(key, request, summarizer.settings),
                                                  ensure_ascii=False).encode() + b"\n")
                    pending.setdefault(key, []).append(path)
                    continue
                on_done(done[path])
            if pending:
                requests.seek(0)
                _run_batch(summarizer, cache, pending, requests, answers, poll=poll, max_poll=max_poll,
                           timeout=timeout, warn=warn)
                answers.seek(0)
                for line in answers:  # each answer as it is read, then let go
                    custom_id, body = _answer(line)
                    if custom_id is None:
                        continue
                    for path in pending.pop(custom_id, []):
                        _finish_pending(summarizer, cache, custom_id, path, body, done, on_done)
                for key, twins in pending.items():  # not answered: synchronously
                    for path in twins:
                        _finish_pending(summarizer, cache, key, path, None, done, on_done)
    except OSError as exc:  # the temporary files (disk full, no temporary folder): one line, not a traceback
        raise SummarizerError(f"cannot write the batch's temporary files in {tempfile.gettempdir()}: "
                              f"{os_reason(exc)}") from None
    return [done[p] for p in paths]


def _answer(line: bytes) -> tuple[str | None, dict | None]:
    """One line of the batch's output file: its custom_id and, when it succeeded, the response body."""
    if not line.strip():
        return None, None
    try:
        item = json.loads(line)
        response = item.get("response") or {}
        key = item["custom_id"]
        if not isinstance(key, str):
            return None, None
        return key, (response.get("body") or {}) if response.get("status_code") == 200 else None
    except (ValueError, KeyError, TypeError, AttributeError):
        return None, None


def _finish_pending(summarizer: Summarizer, cache: ResultCache, key: str, path: str, body: dict | None,
                    done: dict[str, Done], on_done: Callable[[Done], None]) -> None:
    """An article of the batch, read again: from the cache if its result is there (a file with the same
    text finished first), else from the batch's answer `body` if its text is still the text asked about
    (`key`), else summarised synchronously."""
    try:
        article = read_article(path)
    except SummarizerError as exc:
        done[path] = Done(path=path, error=exc.about(path), exit_code=exc.exit_code)
    else:
        now = ResultCache.key(article.content_key, summarizer.settings)
        if hit := from_cache(path, article.path, cache, now):
            done[path] = hit
        else:
            request = summarizer.events_request(article) if body and now == key else None
            answered = _validated(body, request) if request is not None else None
            done[path] = _finish(summarizer, cache, now, path, article, answered)
    on_done(done[path])


def _run_batch(summarizer: Summarizer, cache: ResultCache, pending: dict[str, list[str]], requests: IO[bytes],
               answers: IO[bytes], *, poll: float, max_poll: float, timeout: float,
               warn: Callable[[str], None]) -> None:
    """Submit (or resume) the batch of the JSONL `requests` (one line per key of `pending`) and download
    its output file into `answers`."""
    client = summarizer.llm.openai_client
    state_path = cache.folder / "batches" / f"{hashlib.sha256(''.join(sorted(pending)).encode()).hexdigest()[:24]}.json"
    try:
        state = json.loads(state_path.read_text())
        if not isinstance(state, dict) or not isinstance(state.get("batch_id"), str):
            raise ValueError("not a batch's state")  # submitted anew
    except (OSError, ValueError):
        try:
            uploaded = client.files.create(file=("requests.jsonl", requests), purpose="batch")
            batch = client.batches.create(input_file_id=uploaded.id, endpoint="/v1/chat/completions",
                                          completion_window="24h")
        except Exception as exc:  # noqa: BLE001 - one line, whatever the client raised
            raise LLMError(f"cannot submit the batch: {type(exc).__name__}: {exc}") from exc
        state = {"batch_id": batch.id, "input_file_id": uploaded.id, "requests": len(pending)}
        try:
            state_path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(state_path, json.dumps(state))  # a unique temporary name: two runs never share one
        except OSError as exc:  # the batch is submitted: poll it all the same
            warn(f"could not keep the batch id under {cache.folder}: {os_reason(exc)} "
                 "(an interrupted run would submit a new batch)")
    started, wait = time.monotonic(), poll
    while True:
        try:
            batch = client.batches.retrieve(state["batch_id"])
        except Exception as exc:  # noqa: BLE001
            raise LLMError(f"cannot poll batch {state['batch_id']}: {type(exc).__name__}: {exc}") from exc
        if batch.status in FINAL:
            break
        if time.monotonic() - started > timeout:
            raise LLMError(f"batch {state['batch_id']} is still {batch.status} after {timeout:.0f} s; "
                           "run the briefing again to keep waiting")
        time.sleep(wait)
        wait = min(max_poll, wait * 2)
    if batch.output_file_id:
        try:
            with client.files.with_streaming_response.content(batch.output_file_id) as response:
                for chunk in response.iter_bytes():
                    answers.write(chunk)
        except OSError:
            raise  # the temporary file, not the download
        except Exception as exc:  # noqa: BLE001
            raise LLMError(f"cannot download the output of batch {state['batch_id']}: "
                           f"{type(exc).__name__}: {exc}") from exc
    with contextlib.suppress(OSError):  # done: a later run submits anew what is not cached
        state_path.unlink(missing_ok=True)


def _validated(body: dict | None, request: EventsRequest) -> Answered | None:
    """The batch answer validated like the synchronous path's first answer; None if missing or invalid."""
    if not body:
        return None
    model = request.response_model
    if not issubclass(model, BaseModel):  # never so (`EventsRequest` types it as `type`): no model, no answer
        return None
    try:
        choice = body["choices"][0]
        if choice.get("finish_reason") == "length":
            return None
        value = model.model_validate_json(choice["message"]["content"], context=request.context)
    except (KeyError, IndexError, TypeError, ValueError, AttributeError, ValidationError):
        return None
    usage = body.get("usage") or {}
    return Answered(value=value, prompt_tokens=usage.get("prompt_tokens") or 0,
                    completion_tokens=usage.get("completion_tokens") or 0)


def _finish(summarizer: Summarizer, cache: ResultCache, key: str, path: str, article: Article,
            answered: Answered | None) -> Done:
    """The article's result from its batch answer, or synchronously (with re-asks) when there is none."""
    try:
        result = summarizer.summarize(article, answered=answered)
    except SummarizerError as exc:
        return Done(path=path, error=exc.about(path), exit_code=exc.exit_code)
    except Exception as exc:  # a bug in one article must not lose the others
        return Done(path=path, error=redact(f"internal error: {type(exc).__name__}: {exc}"), exit_code=1)
    return finished(path, result, cache, key)
