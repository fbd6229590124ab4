"""The chat call's request path: the openai SDK's own `chat.completions.create` against a shortcut around it.

    .venv/bin/python bench/client_path.py [ROUNDS]

The client once posted the chat request through the SDK's documented `post`,
skipping `create`'s request transform (which walks the body against the
parameters' TypedDicts and, for a chat request of plain JSON, returns an equal
dict). Same bytes on the wire, about half a millisecond less a call. That
shortcut is gone (see docs/internals.md); it is kept here, as `shortcut_create`,
so that the figure can be measured again.

Both paths run side by side, in the same process, on the same requests: the
first events request of each fixture article, answered in memory
(`httpx2.MockTransport`) with the answer recorded for it, so that nothing but
the client is timed. Measured per call: the bare SDK call, and the structured
call as the pipeline makes it (instructor in JSON_SCHEMA mode, the answer
validated into the events model); and per article: the whole replay pipeline
(bench/replay.py's figure) with each path. Also checks that both paths post the
same bytes.
"""

from __future__ import annotations

import functools
import inspect
import json
import statistics
import sys
import time
from typing import Any

import httpx2
from common import FIXTURE_ARTICLES, RECORDINGS, Section, Table, print_section

from summarizer.llm import client as llm_client
from summarizer.llm.fixtures import FixtureTransport
from summarizer.llm.settings import LLMSettings
from summarizer.pipeline import Summarizer
from summarizer.read import read_article
from summarizer.validate import validating


@functools.cache
def _create_params() -> tuple[str, ...]:
    from openai.resources.chat.completions import Completions

    options = {"self", "extra_headers", "extra_query", "extra_body", "timeout", "stream"}
    return tuple(name for name in inspect.signature(Completions.create).parameters if name not in options)


def _is_json(value: Any) -> bool:
    if isinstance(value, str) or value is None or isinstance(value, (int, float)):
        return True
    if type(value) is dict:
        return all(isinstance(k, str) and _is_json(v) for k, v in value.items())
    if type(value) is list:
        return all(_is_json(v) for v in value)
    return False


def shortcut_create(client):
    """The removed shortcut, as it was in summarizer/llm/client.py: a plain-JSON chat request posted with the
    body `create` would send, without `create`'s transform; anything else through `create`."""
    from openai import Stream
    from openai.types.chat import ChatCompletion, ChatCompletionChunk

    order = _create_params()
    known = frozenset(order)

    def create(**kwargs: Any):
        if not kwargs.keys() <= known or not _is_json(kwargs):
            return client.chat.completions.create(**kwargs)
        body = {name: kwargs[name] for name in order if name in kwargs}
        return client.post("/chat/completions", body=body, cast_to=ChatCompletion,
                           options={"security": {"bearer_auth": True}},
                           stream=False, stream_cls=Stream[ChatCompletionChunk])

    return create


def public_create(client):
    return client.chat.completions.create


PATHS = {"public create": public_create, "shortcut": shortcut_create}


def instructor_client(openai_client, make_create):
    """The pipeline's instructor client (see `LLM._client`) around the given create."""
    import instructor

    mode = instructor.Mode.JSON_SCHEMA
    client = instructor.Instructor(client=openai_client, provider=instructor.Provider.OPENAI, mode=mode,
                                   create=instructor.patch(create=make_create(openai_client), mode=mode))
    client.on("completion:response", llm_client._on_response)
    return client


class Tap(httpx2.BaseTransport):
    def __init__(self, inner: httpx2.BaseTransport) -> None:
        self.inner = inner
        self.calls: list[tuple[Any, bytes, dict]] = []

    def handle_request(self, request: httpx2.Request) -> httpx2.Response:
        response = self.inner.handle_request(request)
        self.calls.append((request, request.read(), json.loads(response.read())))
        return response


def _events_calls() -> list[tuple[str, Any, dict, dict]]:
    """(the pipeline's events request, its body as posted, the recorded answer) of each fixture article's
    first events call."""
    tap = Tap(FixtureTransport(RECORDINGS, "replay"))
    summarizer = Summarizer(LLMSettings.resolve(fixtures="off", env={}), transport=tap)
    calls = []
    for path in sorted(FIXTURE_ARTICLES.glob("*.txt")):
        article = read_article(str(path))
        request = summarizer.events_request(article)
        before = len(tap.calls)
        summarizer.summarize(article)
        if request is not None and len(tap.calls) > before:
            _, body, answer = tap.calls[before]
            calls.append((path.name, request, json.loads(body), answer))
    return calls


def _openai(answer: dict, seen: list | None = None):
    import openai

    def respond(request: httpx2.Request) -> httpx2.Response:
        if seen is not None:
            seen.append(request.read())
        return httpx2.Response(200, json=answer)

    return openai.OpenAI(api_key="not-needed", base_url="http://bench.invalid/v1", max_retries=0,
                         http_client=httpx2.Client(transport=httpx2.MockTransport(respond)))


def _side_by_side(fns: dict, rounds: int, batch: int) -> dict[str, float]:
    """ms per call of each function: the median over `rounds` rounds of `batch` calls, the functions taking
    turns within each round (alternating which goes first), so that load from elsewhere falls on both."""
    for fn in fns.values():
        fn()  # warm-up
    times: dict[str, list[float]] = {name: [] for name in fns}
    names = list(fns)
    for i in range(rounds):
        for name in names if i % 2 == 0 else names[::-1]:
            started = time.perf_counter()
            for _ in range(batch):
                fns[name]()
            times[name].append((time.perf_counter() - started) / batch)
    return {name: 1000 * statistics.median(t) for name, t in times.items()}


def _replayer(make_create):
    """The whole pipeline replaying the recorded answers (bench/replay.py), its client around `make_create`:
    one call summarises every fixture article."""
    paths = sorted(FIXTURE_ARTICLES.glob("*.txt"))
    summarizer = Summarizer(LLMSettings.resolve(fixtures="replay", fixtures_dir=RECORDINGS, env={}))
    summarizer.llm._client = instructor_client(summarizer.llm.openai_client, make_create)  # the cached property

    def run():
        for path in paths:
            summarizer.summarize_file(path)

    return run


def measure(rounds: int = 15) -> Section:
    section = Section("The chat call's request path: the SDK's create against the removed shortcut",
                      f"bench/client_path.py {rounds}")
    calls = _events_calls()
    table = Table(["article", "body bytes", "same bytes", "SDK call ms: create", "shortcut", "saved",
                   "structured ms: create", "shortcut", "saved"],
                  title=f"Per call: median of {rounds} rounds x 20 calls, the paths taking turns, answered in memory")
    savings = []
    for article, request, body, answer in calls:
        seen: dict[str, list] = {name: [] for name in PATHS}
        sdk_calls, structured_calls = {}, {}
        for name, make_create in PATHS.items():
            sdk_calls[name] = functools.partial(make_create(_openai(answer, seen[name])), **body)
            client = instructor_client(_openai(answer), make_create)

            def ask(client=client):
                with validating(request.context):
                    return client.chat.completions.create(
                        model=body["model"], response_model=llm_client._prepared(request.response_model),
                        messages=request.messages, max_retries=0, max_tokens=body["max_tokens"],
                        temperature=body["temperature"], seed=body["seed"])

            structured_calls[name] = ask
        sdk = _side_by_side(sdk_calls, rounds, 20)
        structured = _side_by_side(structured_calls, rounds, 20)
        same = seen["public create"][0] == seen["shortcut"][0]
        saved = structured["public create"] - structured["shortcut"]
        savings.append(saved)
        table.add(article, len(seen["shortcut"][0]), "yes" if same else "NO", sdk["public create"], sdk["shortcut"],
                  sdk["public create"] - sdk["shortcut"], structured["public create"], structured["shortcut"],
                  saved)
    section.tables.append(table)
    n = len(list(FIXTURE_ARTICLES.glob("*.txt")))
    replay = {name: ms / n for name, ms in _side_by_side({name: _replayer(make_create) for name, make_create
                                                            in PATHS.items()}, rounds, 1).items()}
    per_article = Table(["path", "ms/article", "articles/s"],
                        title=f"The replay pipeline (bench/replay.py's figure), median of {rounds} rounds x "
                              f"{n} articles, taking turns")
    for name, ms in replay.items():
        per_article.add(name, ms, 1000 / ms)
    section.tables.append(per_article)
    gain = statistics.median(savings)
    section.notes += [
        f"the shortcut saves {gain:.2f} ms per structured call (median over the requests); in replay, "
        f"{replay['public create'] - replay['shortcut']:.2f} ms per article "
        f"({1 - replay['shortcut'] / replay['public create']:.0%} of the tool's own time)",
        f"a live call takes seconds (the embedded model: bench/decoding.py), so per second of call the shortcut "
        f"saves {gain / 10:.2f}%: not a clear gain, and the client uses the SDK's public create "
        "(docs/internals.md)",
    ]
    return section


if __name__ == "__main__":
    print_section(measure(int(sys.argv[1]) if len(sys.argv) > 1 else 15))
