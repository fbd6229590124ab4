"""The embedded model's decoding: an own greedy loop (bench/greedy_loop.py) against llama-cpp-python's own.

    .venv/bin/python bench/decoding.py [--threads N] [ARTICLE ...]   (default: three fixture articles, all cores)

The same requests, side by side on the same loaded model: the first events
request of each article (the pipeline's prompt and JSON-schema grammar,
answered greedily), from a cold KV cache each time. The ways:

  ours              greedy_loop.greedy_complete, the loop the package had
                    (summarizer/llm/decoding.py until it was measured here and
                    removed): prompt-lookup drafts checked in one batch, the
                    grammar checked lazily (best token, then the best 64, then
                    the whole vocabulary)
  ours, no drafts   the same loop with no drafts (the lazy grammar check alone)
  public            Llama.create_chat_completion(grammar=...), temperature 0:
                    llama-cpp-python's sampler chain with the grammar over the
                    whole vocabulary at every step, one token per model pass
                    (what the package does now, through create_completion)
  public+lookup N   the same on a Llama made with
                    draft_model=LlamaPromptLookupDecoding(num_pred_tokens=N)
                    (llama-cpp-python's own prompt-lookup decoding), for N = 10
                    (its default) and 2

Per request and way: wall seconds, CPU seconds of the process (all its
threads), completion tokens per wall second, llama.cpp's own counters for the
run (llama_perf_context: tokens decoded in batches of more than one, a prompt
or a draft, and one by one, with their speeds), and whether the answer is the
text `public` gives. First, llama.cpp's raw prompt and generation speeds on the
same loaded model (bench/embedded.py's `raw_speeds`), and the physical limit
they give each request. The ways take turns on each request, so that load from
other processes falls on all of them; with `--threads 1` no llama.cpp thread
waits for another, and the CPU seconds measure the work whatever the load.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

from common import FIXTURE_ARTICLES, RECORDINGS, Section, Table, Target, print_section, quiet_stderr
from embedded import raw_speeds

DEFAULT_ARTICLES = ("grid_repairs.txt", "market_strike.txt", "spanish_port.txt")
SPEEDUP_TARGET = 1.2  # what an own loop must gain on the public way to be worth a pinned llama.cpp API


def events_requests(names: list[str]) -> list[tuple[str, dict]]:
    """(article, request body) of each article's first events call, as the pipeline posts it."""
    import httpx2

    from summarizer.llm.fixtures import FixtureTransport
    from summarizer.llm.settings import LLMSettings
    from summarizer.pipeline import Summarizer

    bodies: list[dict] = []

    class Tap(httpx2.BaseTransport):
        def handle_request(self, request: httpx2.Request) -> httpx2.Response:
            bodies.append(json.loads(request.read()))
            return replay.handle_request(request)

    replay = FixtureTransport(RECORDINGS, "replay")
    summarizer = Summarizer(LLMSettings.resolve(fixtures="off", env={}), transport=Tap())
    requests = []
    for name in names:
        path = Path(name) if Path(name).exists() else FIXTURE_ARTICLES / name
        before = len(bodies)
        summarizer.summarize_file(path)
        if len(bodies) > before:
            requests.append((path.name, bodies[before]))
    return requests


def _perf(llama) -> dict:
    import llama_cpp

    data = llama_cpp.llama_perf_context(llama.ctx)
    return {"batched": data.n_p_eval, "batched_ms": data.t_p_eval_ms, "single": data.n_eval,
            "single_ms": data.t_eval_ms}


def _ours(max_draft: int):
    def way(llama, body: dict) -> tuple[str, int, int]:
        from greedy_loop import greedy_complete

        from summarizer.llm.embedded import chat_prompt_tokens, compact_json_gbnf

        prompt = chat_prompt_tokens(llama, body["messages"])
        grammar = compact_json_gbnf(body["response_format"]["json_schema"]["schema"])
        decoded = greedy_complete(llama, prompt, grammar=grammar, max_tokens=body["max_tokens"], max_draft=max_draft)
        text = llama.detokenize(decoded.tokens).decode("utf-8", errors="replace")
        return text, decoded.prompt_tokens, len(decoded.tokens)
    return way


def _public(llama, body: dict) -> tuple[str, int, int]:
    from summarizer.llm.embedded import translate_request

    out = llama.create_chat_completion(**translate_request(body))
    return out["choices"][0]["message"]["content"], out["usage"]["prompt_tokens"], out["usage"]["completion_tokens"]


def _run(way, llama, body: dict) -> dict:
    import llama_cpp

    llama.reset()  # a cold KV cache: every way evaluates the whole prompt
    llama_cpp.llama_perf_context_reset(llama.ctx)
    started, cpu = time.perf_counter(), time.process_time()
    text, prompt, completion = way(llama, body)
    wall, cpu = time.perf_counter() - started, time.process_time() - cpu
    return {"text": text, "prompt": prompt, "completion": completion, "wall": wall, "cpu": cpu, **_perf(llama)}


def measure(names: list[str], threads: int | None = None) -> Section:
    from llama_cpp import Llama
    from llama_cpp.llama_speculative import LlamaPromptLookupDecoding

    from summarizer.llm.embedded import N_CTX, EmbeddedTransport

    names = names or list(DEFAULT_ARTICLES)
    threads = threads or os.cpu_count() or 1
    section = Section("Embedded decoding: an own greedy loop against llama-cpp-python's own",
                      "bench/decoding.py " + (f"--threads {threads} " if threads != os.cpu_count() else "")
                      + " ".join(Path(n).name for n in names))
    requests = events_requests(names)
    with quiet_stderr():
        llama = EmbeddedTransport(n_threads=threads).llama()
        # logits_all: a draft model needs every position's logits (0.3.36 sizes its score buffer by this flag
        # alone, and fails on a prompt longer than a batch without it)
        lookup = Llama(model_path=llama.model_path, n_ctx=N_CTX, n_threads=threads, n_threads_batch=threads,
                       verbose=False, seed=0, logits_all=True,
                       draft_model=LlamaPromptLookupDecoding(num_pred_tokens=10))
    pp, tg = raw_speeds(llama)

    def public_lookup(n: int):
        def way(_llama, body: dict):
            lookup.draft_model = LlamaPromptLookupDecoding(num_pred_tokens=n)
            return _public(lookup, body)
        return way

    ways = {"ours": (_ours(10), llama), "ours, no drafts": (_ours(0), llama), "public": (_public, llama),
            "public+lookup 10": (public_lookup(10), lookup), "public+lookup 2": (public_lookup(2), lookup)}
    table = Table(["article", "way", "prompt", "completion", "wall s", "cpu s", "limit s", "compl tok/s",
                   "llama.cpp batched tok", "tok/s", "one by one tok", "tok/s", "same as public"])
    walls: dict[str, list[float]] = {name: [] for name in ways}
    cpus: dict[str, list[float]] = {name: [] for name in ways}
    for i, (article, body) in enumerate(requests):
        order = list(ways) if i % 2 == 0 else list(ways)[::-1]
        runs = {}
        for name in order:
            with quiet_stderr():
                runs[name] = _run(ways[name][0], ways[name][1], body)
            print(f"  {article}, {name}: {runs[name]['wall']:.1f} s", file=sys.stderr, flush=True)
        for name in ways:
            r = runs[name]
            walls[name].append(r["wall"])
            cpus[name].append(r["cpu"])
            limit = r["prompt"] / pp + r["completion"] / tg
            table.add(article, name, r["prompt"], r["completion"], r["wall"], r["cpu"], limit,
                      r["completion"] / r["wall"],
                      r["batched"], r["batched"] / max(r["batched_ms"], 1e-9) * 1000, r["single"],
                      r["single"] / max(r["single_ms"], 1e-9) * 1000,
                      "yes" if r["text"] == runs["public"]["text"] else "NO")
    section.tables.append(table)
    totals = Table(["way", "wall s, all requests", "ours is faster by", "cpu s", "ours uses less by"],
                   title="All requests")
    for name, w in walls.items():
        totals.add(name, sum(w), f"{sum(w) / sum(walls['ours']):.2f}x", sum(cpus[name]),
                   f"{sum(cpus[name]) / sum(cpus['ours']):.2f}x")
    section.tables.append(totals)
    metric, key = ("CPU", cpus) if threads == 1 else ("wall", walls)
    best_public = min((name for name in ways if name.startswith("public")), key=lambda n: sum(key[n]))
    speedup = sum(key[best_public]) / sum(key["ours"])
    per_request = [p / o for p, o in zip(key[best_public], key["ours"])]
    section.notes += [
        f"raw llama.cpp speed, measured first on the same loaded model: prompt {pp:.1f} tok/s, generation "
        f"{tg:.1f} tok/s; limit = prompt tokens / raw prompt speed + completion tokens / raw generation speed",
        "llama.cpp's counters (llama_perf_context) for each run: 'batched' counts tokens decoded in batches of "
        "more than one (the prompt, and the drafts checked in one pass), 'one by one' single-token steps",
        f"the best public way, {best_public}, takes {speedup:.2f}x the own loop's {metric} time over all requests (per "
        f"request: {', '.join(f'{x:.2f}x' for x in per_request)})",
        f"llama.cpp threads: {threads}; load average at the end: {os.getloadavg()[0]:.2f} on {os.cpu_count()} "
        "cores (other processes' load slows every way, and llama.cpp's threads most when they must wait for "
        "each other: compare the ways within a run, which take turns)",
    ]
    fastest = min(ways, key=lambda n: sum(key[n]))
    section.notes.append(f"fastest way over all requests: {fastest} (public takes "
                         f"{sum(key['public']) / sum(key[fastest]):.2f}x its {metric} time)")
    behind = sum(key["public"]) / sum(key["ours"])
    section.targets.append(Target(
        f"the package's way (public) within {SPEEDUP_TARGET}x of the own loop it removed ({metric} time): an own "
        "loop is kept only where it is clearly faster", f"public takes {behind:.2f}x the own loop's time",
        behind < SPEEDUP_TARGET))
    return section


if __name__ == "__main__":
    args = sys.argv[1:]
    n = None
    if args[:1] == ["--threads"]:
        n, args = int(args[1]), args[2:]
    print_section(measure(args, n))
