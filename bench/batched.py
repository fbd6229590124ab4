"""Briefing throughput on the embedded model: articles decoded one at a time against several together.

    .venv/bin/python bench/batched.py [--parallel N] [ARTICLE ...]   (default: 4; the seeds and the fixture articles)
    .venv/bin/python bench/batched.py --gold fixtures/gold/attribution.yaml     (the gold's articles, scored)

Runs a briefing's per-article stage (`summarize_all`, what `summarize briefing` does before the merge,
which makes no LLM call) twice on the same articles in one process, on the model loaded once, with no
cache: at `--concurrency 1` (one article at a time, llama-cpp-python's own decoding) and at
`--concurrency N` (N articles in flight, their answers decoded together by summarizer/llm/batched.py).
Per run: wall seconds, articles per hour, prompt tokens (and how many were copied or reused rather than
evaluated), completion tokens. The answers of the two runs are compared request by request (the same
prompt, the same text?); with `--gold`, each run's records are also scored against the gold (source and
status accuracy, contest pairs linked), so that a difference in the answers shows whether it costs
anything. For the batched run: the generation steps by the number of sequences they decoded, with
llama_decode's mean time per step. llama.cpp's raw prompt and generation speeds are measured first on
the same loaded model (bench/embedded.py).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import time
from pathlib import Path

import httpx2
from common import FIXTURE_ARTICLES, SEEDS, Section, Table, Target, peak_rss_mib, print_section, quiet_stderr
from embedded import raw_speeds

from summarizer.briefing.articles import summarize_all
from summarizer.evaluate import Score, load_gold, score
from summarizer.llm.embedded import EmbeddedTransport
from summarizer.llm.settings import LLMSettings
from summarizer.pipeline import Summarizer

SPEED_UP_TARGET = 1.4


class Tap(httpx2.BaseTransport):
    """Passes requests to `inner`; keeps each answer's text and usage under a hash of the request's messages."""

    def __init__(self, inner: httpx2.BaseTransport) -> None:
        self.inner = inner
        self.answers: dict[str, tuple[str, dict]] = {}

    def handle_request(self, request: httpx2.Request) -> httpx2.Response:
        body = json.loads(request.read())
        response = self.inner.handle_request(request)
        answer = json.loads(response.read())
        key = hashlib.sha256(json.dumps(body["messages"], sort_keys=True).encode()).hexdigest()
        self.answers[key] = (answer["choices"][0]["message"]["content"], answer["usage"])
        return response


def run(paths: list[str], concurrency: int) -> tuple[float, Tap, EmbeddedTransport, dict]:
    """The briefing's per-article stage at `concurrency`: wall seconds, the answers, the transport, the results
    by path."""
    settings = LLMSettings.resolve(env={}, fixtures="off", parallel=concurrency)
    inner = EmbeddedTransport(parallel=concurrency)
    tap = Tap(inner)
    summarizer = Summarizer(settings, transport=tap)
    started = time.perf_counter()
    with quiet_stderr():
        done = summarize_all(paths, summarizer, None, concurrency=concurrency)
    return time.perf_counter() - started, tap, inner, {d.path: d.result for d in done}


def measure(paths: list[str], parallel: int = 4, gold: str | None = None) -> Section:
    golds = {str(g["path"]): g for g in load_gold(Path(gold))} if gold else {}
    if golds:
        paths = list(golds)
    elif not paths:
        paths = sorted(str(p) for p in SEEDS.glob("*.txt")) + sorted(str(p) for p in FIXTURE_ARTICLES.glob("*.txt"))
    section = Section(f"Embedded briefing: {len(paths)} articles one at a time, then {parallel} decoded together",
                      f"bench/batched.py --parallel {parallel} " + (f"--gold {gold}" if gold else
                                                                     " ".join(Path(p).name for p in paths)))
    with quiet_stderr():
        llama = EmbeddedTransport().llama()
    pp, tg = raw_speeds(llama)
    table = Table(["run", "articles", "wall s", "articles/hour", "requests", "prompt tok", "from cache",
                   "completion tok", "limit s", "wall / limit"])
    scores = Table(["run", "found / gold events", "source accuracy", "status accuracy", "contests linked",
                    "records"], title="Records scored against the gold")
    runs = {}
    for concurrency in (1, parallel):
        before = EmbeddedTransport.totals["cached_tokens"]
        wall, tap, transport, results = run(paths, concurrency)
        cached = EmbeddedTransport.totals["cached_tokens"] - before
        prompt = sum(u["prompt_tokens"] for _, u in tap.answers.values())
        completion = sum(u["completion_tokens"] for _, u in tap.answers.values())
        limit = (prompt - cached) / pp + completion / tg  # one sequence at a time, what was evaluated
        name = "one at a time (--concurrency 1)" if concurrency == 1 else f"decoded together (--concurrency {parallel})"
        table.add(name, len(paths), wall, len(paths) * 3600 / wall, len(tap.answers), prompt, cached, completion,
                  limit, wall / limit)
        runs[concurrency] = (wall, tap, transport)
        if golds:
            total = Score(article="total")
            for path, g in golds.items():
                if results.get(path) is not None:
                    total.add(score(g, results[path], Path(path).read_text(encoding="utf-8")))
            found = total.found_events or 1
            scores.add(name, f"{total.found_events} / {total.gold_events}", total.source_ok / found,
                       total.status_ok / found, f"{total.linked_contests} / {total.gold_contests}", total.records)
    section.tables.append(table)
    if golds:
        section.tables.append(scores)
    (wall_1, tap_1, _), (wall_n, tap_n, transport_n) = runs[1], runs[parallel]
    decoder = transport_n.decoder()
    steps = Table(["sequences in the step", "steps", "ms per step (llama_decode)", "ms per sequence"],
                  title="Generation steps of the batched run")
    for n in sorted(decoder.step_seconds):
        count, seconds = decoder.step_seconds[n]
        steps.add(n, int(count), 1000 * seconds / count, 1000 * seconds / count / n)
    section.tables.append(steps)
    both = tap_1.answers.keys() & tap_n.answers.keys()
    same = sum(tap_1.answers[k][0] == tap_n.answers[k][0] for k in both)
    speed_up = wall_1 / wall_n
    section.notes += [
        f"raw llama.cpp speed, measured first on the same loaded model: prompt {pp:.1f} tok/s, "
        f"generation {tg:.1f} tok/s",
        "limit = prompt tokens evaluated (not from a cache) / raw prompt speed + completion tokens / raw "
        "generation speed: one sequence at a time, the figure batching can beat",
        f"the same answer (text) for the same request in both runs: {same} of {len(both)} requests made by both"
        + (f"; {len(tap_1.answers) - len(both)} made by one run only (re-asks after a different answer)"
           if len(both) < max(len(tap_1.answers), len(tap_n.answers)) else ""),
        f"peak RSS of the process: {peak_rss_mib():.0f} MiB (the model, its context for one-at-a-time and the "
        f"batched decoder's context of {decoder.n_ctx} tokens)",
    ]
    section.targets.append(Target(f"embedded briefing of at least 8 articles at least {SPEED_UP_TARGET}x the "
                                  "articles per hour of one at a time",
                                  f"{speed_up:.2f}x ({len(paths)} articles: {len(paths) * 3600 / wall_1:.0f} -> "
                                  f"{len(paths) * 3600 / wall_n:.0f} per hour)",
                                  len(paths) >= 8 and speed_up >= SPEED_UP_TARGET))
    return section


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--parallel", type=int, default=4)
    parser.add_argument("--gold", help="a gold file: its articles, and each run's records scored against it")
    parser.add_argument("articles", nargs="*")
    args = parser.parse_args()
    print_section(measure(args.articles, args.parallel, args.gold))
