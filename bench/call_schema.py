"""The JSON Schema of a call: one answer class reading the call's context, or a response model per call.

    .venv/bin/python bench/call_schema.py [ROUNDS]

instructor asks the response model for its JSON Schema (`model_json_schema()`). The schema differs per
call (the article's candidate ids are its keys), so either one class returns the schema of the call in
progress, a `CallContext` built per call and made known for the call (`validate.CallSchema`, what the
tool does), or each call gets a class of its own with its schema in it (the explicit way). This replays
the fixture articles both ways (composed digest: one call per article, the same requests byte for byte,
so the same recordings answer) and says the time per article and how many prepared classes the client
keeps (`llm.client._prepared` caches instructor's subclass per response model).
"""

from __future__ import annotations

import gc
import statistics
import sys
import time
import tracemalloc
from dataclasses import replace

from common import FIXTURE_ARTICLES, RECORDINGS, Section, Table, print_section
from pydantic import create_model

from summarizer.llm import client
from summarizer.llm.settings import LLMSettings
from summarizer.pipeline import EventsRequest, Summarizer
from summarizer.read import read_article


def per_call_class(request: EventsRequest) -> EventsRequest:
    """The request with a response model of its own that carries the call's schema."""
    schema = request.schema
    model = create_model(request.response_model.__name__, __base__=request.response_model)
    model.model_json_schema = classmethod(lambda cls, *args, **kwargs: schema)
    return replace(request, response_model=model)


def _summarize_all(summarizer: Summarizer, articles: list, explicit: bool) -> list:
    original = Summarizer.__dict__["_request"]  # the staticmethod itself, put back as it was
    if explicit:
        Summarizer._request = staticmethod(lambda p, part: per_call_class(original.__func__(p, part)))  # type: ignore
    try:
        return [summarizer.summarize(a) for a in articles]
    finally:
        Summarizer._request = original  # type: ignore


def measure(rounds: int = 10) -> Section:
    """Both ways in turns, round by round (the machine's load changes alike for both): the median ms per
    article of each, and the classes the client keeps."""
    section = Section("The call's JSON Schema: one class and a per-call context, or a class per call",
                      f"bench/call_schema.py {rounds}")
    settings = LLMSettings.resolve(fixtures="replay", fixtures_dir=RECORDINGS, env={}, digest="composed")
    summarizer = Summarizer(settings)
    articles = [read_article(str(p)) for p in sorted(FIXTURE_ARTICLES.glob("*.txt"))]
    results = {explicit: _summarize_all(summarizer, articles, explicit) for explicit in (False, True)}  # warm-up
    assert [r.model_dump(exclude={"usage"}) for r in results[False]] == \
        [r.model_dump(exclude={"usage"}) for r in results[True]]  # the same requests and records either way
    times: dict[bool, list[float]] = {False: [], True: []}
    for _ in range(rounds):
        for way in (False, True):  # in turns
            started = time.perf_counter()
            _summarize_all(summarizer, articles, way)
            times[way].append((time.perf_counter() - started) / len(articles))
    kept, memory = {}, {}
    for explicit in (False, True):  # what one pass over the articles leaves in the client's cache
        client._prepared.cache_clear()
        gc.collect()
        tracemalloc.start()
        _summarize_all(summarizer, articles, explicit)
        gc.collect()
        memory[explicit] = tracemalloc.get_traced_memory()[0] / 1024 / len(articles)
        tracemalloc.stop()
        kept[explicit] = client._prepared.cache_info().currsize
    shared, per_call = statistics.median(times[False]), statistics.median(times[True])
    table = Table(["design", "ms/article", f"classes kept after {len(articles)} articles", "KiB kept/article"],
                  title=f"replay of the {len(articles)} fixture articles, composed digest (one call each), "
                        f"median of {rounds} rounds each, taken in turns")
    table.add("one class, the schema in the call's context (kept)", 1000 * shared, kept[False], memory[False])
    table.add("a response model per call", 1000 * per_call, kept[True], memory[True])
    section.tables.append(table)
    section.notes.append(f"a class per call costs {1000 * (per_call - shared):.1f} ms more per call, "
                         f"{per_call / shared - 1:.0%} of the tool's own time per article; the client keeps every "
                         "class it prepared (a briefing of 500 articles: 500 classes, "
                         f"{500 * (memory[True] - memory[False]) / 1024:.0f} MiB); the results are the same")
    return section


if __name__ == "__main__":
    print_section(measure(int(sys.argv[1]) if len(sys.argv) > 1 else 10))
