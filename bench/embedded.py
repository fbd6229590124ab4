"""Benchmark the embedded model end to end against its physical limit, measured in the same run.

    .venv/bin/python bench/embedded.py [ARTICLE ...]      (default: ../shared/seeds/*.txt)

For each article: LLM calls, prompt tokens (and how many came from the KV
cache), completion tokens (and per event), model passes during generation and
prompt-lookup drafts confirmed / proposed, wall seconds, and the ratio of wall
time to the physical limit, where the limit is
prompt_tokens / raw prompt speed + completion_tokens / raw generation speed
and the raw speeds are llama.cpp's own, measured first on the same loaded
model. Also prints peak memory (RSS) of the process.
"""

from __future__ import annotations

import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from summarizer.llm.embedded import EmbeddedTransport  # noqa: E402
from summarizer.llm.settings import LLMSettings  # noqa: E402
from summarizer.pipeline import Summarizer  # noqa: E402

RAW_PROMPT = ("The quick brown fox jumps over the lazy dog while officials said the figures could not be "
              "independently verified. ") * 24


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


def main(paths: list[str]) -> None:
    if not paths:
        paths = sorted(str(p) for p in (ROOT.parent / "shared" / "seeds").glob("*.txt"))
    llama = EmbeddedTransport().llama()
    pp, tg = raw_speeds(llama)
    print(f"raw llama.cpp speed: prompt {pp:.1f} tok/s, generation {tg:.1f} tok/s")
    summarizer = Summarizer(LLMSettings.resolve(fixtures="off", env={}))
    header = f"{'article':<28} {'words':>5} {'calls':>5} {'reask':>5} {'prompt':>6} {'cached':>6} {'compl':>5} " \
             f"{'events':>6} {'c/ev':>5} {'passes':>6} {'drafts ok':>9} {'wall s':>7} {'limit s':>7} {'ratio':>5} {'ratio*':>6}"
    print(header)
    print("-" * len(header))
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
        per_event = u.completion_tokens / max(1, len(result.events))
        accepted = f"{d['accepted']}/{d['drafted']}"
        print(f"{Path(path).name[:28]:<28} {words:>5} {u.llm_calls:>5} {u.reasks:>5} {u.prompt_tokens:>6} "
              f"{d['cached_tokens']:>6} {u.completion_tokens:>5} {len(result.events):>6} {per_event:>5.1f} "
              f"{d['passes']:>6} {accepted:>9} {wall:>7.1f} {limit:>7.1f} {wall / limit:>5.2f} {wall / evaluated:>6.2f}")
    print("ratio = wall / (prompt tokens / raw prompt speed + completion tokens / raw generation speed);")
    print("ratio* = the same with the prompt tokens served from the KV cache left out of the limit.")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS: {peak:.0f} MiB")


if __name__ == "__main__":
    main(sys.argv[1:])
