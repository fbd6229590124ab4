"""Benchmark the embedded model end to end against its physical limit, measured in the same run.

    .venv/bin/python bench/embedded.py [ARTICLE ...]      (default: ../shared/seeds/*.txt)

For each article: LLM calls, prompt tokens (and how many came from the KV
cache), completion tokens (and per event), wall seconds, and the ratio of wall
time to the physical limit, where the limit is
prompt_tokens / raw prompt speed + completion_tokens / raw generation speed
and the raw speeds are llama.cpp's own, measured first on the same loaded
model. Also prints peak memory (RSS) of the process.

The limit includes no time for
anything but the model, so the ratio is everything the tool adds: prompt building, grammar set-up,
validation, re-asks.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from common import SEEDS, Section, Table, Target, peak_rss_mib, print_section, quiet_stderr

from summarizer.llm.embedded import EmbeddedTransport
from summarizer.llm.settings import LLMSettings
from summarizer.pipeline import Summarizer

RAW_PROMPT = ("The quick brown fox jumps over the lazy dog while officials said the figures could not be "
              "independently verified. ") * 24
RATIO_TARGET = 1.3
COMPLETION_PER_EVENT_TARGET = 40


def raw_speeds(llama) -> tuple[float, float]:
    """llama.cpp's prompt-processing and generation speed (tokens/s) on this machine, right now."""
    tokens = llama.tokenize(RAW_PROMPT.encode())
    llama.reset()
    started = time.perf_counter()
    llama.eval(tokens)
    prompt_speed = len(tokens) / (time.perf_counter() - started)
    generated = 0
    started = time.perf_counter()
    for _token in llama.generate(tokens, temp=0.0):  # prefix already evaluated: generation only
        generated += 1
        if generated >= 64:
            break
    gen_speed = generated / (time.perf_counter() - started)
    llama.reset()
    return prompt_speed, gen_speed


def measure(paths: list[str]) -> Section:
    if not paths:
        paths = sorted(str(p) for p in SEEDS.glob("*.txt"))
    section = Section("Embedded model: wall time against llama.cpp's own speed, on the seeds",
                      "bench/embedded.py " + " ".join(Path(p).name for p in paths))
    with quiet_stderr():
        llama = EmbeddedTransport().llama()
    pp, tg = raw_speeds(llama)
    summarizer = Summarizer(LLMSettings.resolve(fixtures="off", env={}))
    table = Table(["article", "words", "calls", "re-asks", "prompt", "from KV cache", "completion", "events",
                   "compl/event", "wall s", "limit s", "ratio", "ratio*"])
    ratios, completion, events = [], 0, 0
    for path in paths:
        words = len(Path(path).read_text().split())
        before = dict(EmbeddedTransport.totals)
        started = time.perf_counter()
        result = summarizer.summarize_file(path)
        wall = time.perf_counter() - started
        u = result.usage
        d = {k: EmbeddedTransport.totals[k] - before[k] for k in before}
        limit = u.prompt_tokens / pp + u.completion_tokens / tg
        evaluated = (u.prompt_tokens - d["cached_tokens"]) / pp + u.completion_tokens / tg  # cache hits excluded
        completion += u.completion_tokens
        events += len(result.events)
        ratios.append((Path(path).name, wall / limit))
        table.add(Path(path).name[:28], words, u.llm_calls, u.reasks, u.prompt_tokens, d["cached_tokens"],
                  u.completion_tokens, len(result.events), u.completion_tokens / max(1, len(result.events)),
                  wall, limit, wall / limit, wall / evaluated)
    section.tables.append(table)
    section.notes += [
        f"raw llama.cpp speed, measured first on the same loaded model: prompt {pp:.1f} tok/s, "
        f"generation {tg:.1f} tok/s",
        "limit = prompt tokens / raw prompt speed + completion tokens / raw generation speed; ratio = wall / limit; "
        "ratio* leaves the prompt tokens served from the KV cache out of the limit",
        "default settings: one events call per article (the digest is composed from the records, no call)",
        f"peak RSS of the process: {peak_rss_mib():.0f} MiB (the model loaded; under bench/run.py, the "
        "process that ran the other benchmarks before)",
    ]
    worst = max(ratios, key=lambda r: r[1])
    section.targets.append(Target(f"wall / physical limit at most {RATIO_TARGET} on each seed",
                                  ", ".join(f"{name[:3]} {r:.2f}" for name, r in ratios),
                                  worst[1] <= RATIO_TARGET))
    per_event = completion / max(1, events)
    section.targets.append(Target(f"completion tokens per event at most {COMPLETION_PER_EVENT_TARGET} on the seeds",
                                  f"{per_event:.1f} ({completion} tokens, {events} events)",
                                  per_event <= COMPLETION_PER_EVENT_TARGET))
    return section


if __name__ == "__main__":
    print_section(measure(sys.argv[1:]))
