"""Benchmark the briefing's per-article stage against a loopback OpenAI-compatible fake with fixed latency.

    .venv/bin/python bench/briefing.py [--articles 64] [--latency 1.0]

Prints, measured in one run: wall time at concurrency 1, 4, 8 and 16 and the
speed-up over 1; a re-run of the same briefing (LLM calls, seconds); and a run
killed half-way then re-run (LLM calls in total: each article once).
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import Section, Table, Target, print_section, write_articles
from fake_server import FakeOpenAIServer

from summarizer.briefing.articles import summarize_all
from summarizer.briefing.cache import ResultCache
from summarizer.llm.fake import completion_body, outlet_records_answer
from summarizer.llm.settings import LLMSettings
from summarizer.pipeline import Summarizer

SPEED_UP_TARGET = 6.5


def measure(articles: int = 64, latency: float = 1.0) -> Section:
    section = Section("Briefing: concurrency, re-run, kill and resume",
                      f"bench/briefing.py --articles {articles} --latency {latency:g}")
    with tempfile.TemporaryDirectory() as tmp, FakeOpenAIServer(
            responder=lambda body: completion_body(outlet_records_answer(body)), latency=latency) as server:
        folder = Path(tmp)
        paths = [str(p) for p in write_articles(folder, articles)]
        settings = LLMSettings.resolve(base_url=server.base_url, model="fake", env={}, digest="composed")
        table = Table(["concurrency", "calls", "wall s", "speed-up"],
                      title=f"{articles} articles, {latency:g} s per LLM call (loopback fake), one call per article")
        base = speed_up_8 = None
        for concurrency in (1, 4, 8, 16):
            before = len(server.requests)
            started = time.perf_counter()
            done = summarize_all(paths, Summarizer(settings), None, concurrency=concurrency)
            wall = time.perf_counter() - started
            assert all(d.error is None for d in done), [d.error for d in done if d.error]
            base = base or wall
            speed_up_8 = base / wall if concurrency == 8 else speed_up_8
            table.add(concurrency, len(server.requests) - before, wall, f"{base / wall:.2f}x")
        section.tables.append(table)
        section.targets.append(Target(f"speed-up at concurrency 8 at least {SPEED_UP_TARGET}x", f"{speed_up_8:.2f}x",
                                      speed_up_8 >= SPEED_UP_TARGET))

        cache = ResultCache(folder / "cache")
        summarize_all(paths, Summarizer(settings), cache, concurrency=8)
        before = len(server.requests)
        started = time.perf_counter()
        summarize_all(paths, Summarizer(settings), cache, concurrency=8)
        rerun_s = time.perf_counter() - started
        rerun_calls = len(server.requests) - before
        section.notes.append(f"re-run of the same briefing: {rerun_calls} LLM calls, {rerun_s:.2f} s")
        section.targets.append(Target(f"re-run of {articles} articles: 0 calls, under 2 s",
                                      f"{rerun_calls} calls, {rerun_s:.2f} s", rerun_calls == 0 and rerun_s < 2))
        section.notes.append(_kill_and_resume(folder, server, articles, latency))
    return section


def _kill_and_resume(folder: Path, server: FakeOpenAIServer, articles: int, latency: float) -> str:
    before = len(server.requests)
    command = [sys.executable, "-m", "summarizer", "briefing", str(folder), "--base-url", server.base_url,
               "--model", "fake", "--digest", "composed", "--merge", "embeddings", "--concurrency", "8",
               "--cache-dir", str(folder / "cache2"), "-o", str(folder / "briefing.md")]
    env = {**os.environ, "OPENAI_API_KEY": "not-needed"}
    with open(folder / "killed.log", "w") as log:
        killed = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=log)
        time.sleep(articles / 8 * latency / 2 + 1.0)  # about half-way
        killed.send_signal(signal.SIGKILL)
        killed.wait()
    first = len(server.requests) - before
    finished = sum(1 for _ in (folder / "cache2").rglob("*.json"))
    rerun = subprocess.run(command, env=env, capture_output=True, text=True)
    total = len(server.requests) - before
    return (f"killed half-way (SIGKILL): {first} LLM calls, {finished} articles finished; re-run exit "
            f"{rerun.returncode}, {total - first} more calls, {total} in all for {articles} articles "
            f"(calls in flight when killed are made again: {total - articles})")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=64)
    parser.add_argument("--latency", type=float, default=1.0)
    args = parser.parse_args()
    print_section(measure(args.articles, args.latency))


if __name__ == "__main__":
    main()
