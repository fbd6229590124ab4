"""Everything but the LLM: summarise the fixture articles in replay mode and time it.

    .venv/bin/python bench/replay.py [ROUNDS]

Replays the recorded responses under fixtures/llm (instructor parsing,
validators and re-asks run for real), so the figures are the tool's own
overhead per article. Prints per-article milliseconds, LLM calls and tokens as
recorded, and articles per second over all rounds.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from summarizer.llm.settings import LLMSettings  # noqa: E402
from summarizer.pipeline import Summarizer  # noqa: E402


def main(rounds: int) -> None:
    articles = sorted((ROOT / "fixtures" / "articles").glob("*.txt"))
    settings = LLMSettings.resolve(fixtures="replay", fixtures_dir=ROOT / "fixtures" / "llm", env={})
    summarizer = Summarizer(settings)
    summarizer.summarize_file(articles[0])  # warm-up: imports, client, templates
    print(f"{'article':<24} {'ms/article':>10} {'calls':>5} {'reasks':>6} {'prompt':>6} {'compl':>5} {'events':>6}")
    total = 0.0
    for path in articles:
        started = time.perf_counter()
        for _ in range(rounds):
            result = summarizer.summarize_file(path)
        elapsed = time.perf_counter() - started
        total += elapsed
        u = result.usage
        print(f"{path.name:<24} {1000 * elapsed / rounds:>10.1f} {u.llm_calls:>5} {u.reasks:>6} "
              f"{u.prompt_tokens:>6} {u.completion_tokens:>5} {len(result.events):>6}")
    print(f"replay throughput: {rounds * len(articles) / total:.1f} articles/s "
          f"({rounds} rounds x {len(articles)} articles)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20)
