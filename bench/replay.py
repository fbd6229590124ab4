"""Everything but the LLM: summarise the fixture articles in replay mode, time it, and say where the time goes.

    .venv/bin/python bench/replay.py [ROUNDS]

Replays the recorded responses under fixtures/llm (instructor parsing,
validators and re-asks run for real), so the figures are the tool's own
overhead per article: read the file, segment it, build the prompt, the
"LLM" (here: finding the recorded answer), parse and validate the answer,
the digest, and rendering the result as JSON (the terminal view is timed on
its own: it is for one article at a time, by a person). Run with the
default composed digest (one call per article) and with the model digest
(two calls). The same articles are summarised in every round: nothing is
cached between rounds but what a long-running process keeps anyway
(imports, compiled templates, the client).
"""

from __future__ import annotations

import io
import sys
import time
from collections import Counter

from common import FIXTURE_ARTICLES, RECORDINGS, Section, Table, Target, print_section

from summarizer.llm.settings import LLMSettings
from summarizer.pipeline import Summarizer
from summarizer.read import read_article
from summarizer.render import render_text, to_json
from summarizer.stages import STAGES, stage, stage_clock

TARGET = 200.0  # articles per second


def run(summarizer: Summarizer, paths: list, rounds: int) -> tuple[float, Counter, dict]:
    """Wall seconds, seconds per stage and per-article figures (ms, calls, tokens, events) over `rounds`."""
    stages: Counter = Counter()
    per_article: dict = {}
    started = time.perf_counter()
    for _ in range(rounds):
        for path in paths:
            t0 = time.perf_counter()
            with stage_clock() as clock:
                with stage("read"):
                    article = read_article(str(path))
                result = summarizer.summarize(article)
                with stage("render"):
                    to_json(result)
            stages.update(clock)
            row = per_article.setdefault(path.name, [0.0, result])
            row[0] += time.perf_counter() - t0
    return time.perf_counter() - started, stages, per_article


def measure(rounds: int = 20) -> Section:
    paths = sorted(FIXTURE_ARTICLES.glob("*.txt"))
    n = rounds * len(paths)
    section = Section("Replay: the tool's own time per article (everything but the LLM)", f"bench/replay.py {rounds}")
    throughput, own = {}, {}
    for digest in ("composed", "model"):
        settings = LLMSettings.resolve(fixtures="replay", fixtures_dir=RECORDINGS, env={}, digest=digest)
        summarizer = Summarizer(settings)
        run(summarizer, paths, 1)  # warm-up: imports, client, templates
        wall, stages, per_article = run(summarizer, paths, rounds)
        throughput[digest] = n / wall
        own[digest] = n / (wall - stages["llm"])  # less the replay's stand-in for the LLM
        table = Table(["article", "ms/article", "calls", "re-asks", "prompt tok", "compl tok", "events"],
                      title=f"--digest {digest}: {n / wall:.1f} articles/s, {own[digest]:.1f} without the recorded "
                            f"answers' lookup ({rounds} rounds x {len(paths)} articles)")
        for name, (seconds, result) in per_article.items():
            u = result.usage
            table.add(name, 1000 * seconds / rounds, u.llm_calls, u.reasks, u.prompt_tokens, u.completion_tokens,
                      len(result.events))
        section.tables.append(table)
        breakdown = Table(["stage", "ms/article", "share"], title=f"--digest {digest}: time per stage")
        accounted = sum(stages.values())
        for name in STAGES:
            breakdown.add(name, 1000 * stages[name] / n, f"{stages[name] / wall:.0%}")
        breakdown.add("(not in a stage)", 1000 * (wall - accounted) / n, f"{(wall - accounted) / wall:.0%}")
        breakdown.add("total", 1000 * wall / n, "100%")
        section.tables.append(breakdown)
    result = summarizer.summarize_file(paths[0])
    started = time.perf_counter()
    for _ in range(rounds):
        render_text(result, io.StringIO())
    section.notes.append(f"the terminal view (rich table) of {paths[0].name}: "
                         f"{1000 * (time.perf_counter() - started) / rounds:.2f} ms, not in the figures above")
    section.notes.append("llm = finding and reading the recorded answer (the replay's stand-in for the LLM, left "
                         "out of the target's figure); parse/validate = instructor, the openai "
                         "client and our validators around it; digest = composing or checking the digest")
    section.targets.append(Target(
        f"replay at least {TARGET:.0f} articles/s, everything but the LLM (default settings)",
        f"{own['composed']:.1f} articles/s ({throughput['composed']:.1f} with the lookup of the recorded answers); "
        f"with the model digest {own['model']:.1f} ({throughput['model']:.1f})", own["composed"] >= TARGET))
    return section


if __name__ == "__main__":
    print_section(measure(int(sys.argv[1]) if len(sys.argv) > 1 else 20))
