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

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from fake_server import FakeOpenAIServer  # noqa: E402

from summarizer.briefing import summarize_all  # noqa: E402
from summarizer.cache import ResultCache  # noqa: E402
from summarizer.llm.fake import completion_body, outlet_records_answer  # noqa: E402
from summarizer.llm.settings import LLMSettings  # noqa: E402
from summarizer.pipeline import Summarizer  # noqa: E402


def write_articles(folder: Path, n: int) -> list[str]:
    """`n` distinct articles made from the project's fixture articles."""
    sources = sorted((ROOT / "fixtures" / "articles").glob("*.txt"))
    paths = []
    for i in range(n):
        text = sources[i % len(sources)].read_text()
        path = folder / f"article_{i:03d}.txt"
        path.write_text(f"{text}\nThis copy is number {i + 1} of the benchmark, the outlet said.\n")
        paths.append(str(path))
    return paths


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=64)
    parser.add_argument("--latency", type=float, default=1.0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, FakeOpenAIServer(
            responder=lambda body: completion_body(outlet_records_answer(body)), latency=args.latency) as server:
        folder = Path(tmp)
        paths = write_articles(folder, args.articles)
        settings = LLMSettings.resolve(base_url=server.base_url, model="fake", env={}, digest="composed")
        print(f"{args.articles} articles, {args.latency:.1f} s per LLM call (loopback fake)")
        print(f"{'concurrency':>11} {'calls':>5} {'wall s':>7} {'speed-up':>8}")
        base = None
        for concurrency in (1, 4, 8, 16):
            before = len(server.requests)
            started = time.perf_counter()
            done = summarize_all(paths, Summarizer(settings), None, concurrency=concurrency)
            wall = time.perf_counter() - started
            assert all(d.error is None for d in done), [d.error for d in done if d.error]
            base = base or wall
            print(f"{concurrency:>11} {len(server.requests) - before:>5} {wall:>7.1f} {base / wall:>7.2f}x")

        cache = ResultCache(folder / "cache")
        summarize_all(paths, Summarizer(settings), cache, concurrency=8)
        before = len(server.requests)
        started = time.perf_counter()
        summarize_all(paths, Summarizer(settings), cache, concurrency=8)
        print(f"re-run of the same briefing: {len(server.requests) - before} LLM calls, "
              f"{time.perf_counter() - started:.2f} s")

        before = len(server.requests)
        command = [sys.executable, "-m", "summarizer", "briefing", str(folder), "--base-url", server.base_url,
                   "--model", "fake", "--digest", "composed", "--concurrency", "8",
                   "--cache-dir", str(folder / "cache2"), "-o", str(folder / "briefing.md")]
        env = {**os.environ, "OPENAI_API_KEY": "not-needed"}
        log = open(folder / "killed.log", "w")  # noqa: SIM115
        killed = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=log)
        time.sleep(args.articles / 8 * args.latency / 2 + 1.0)  # about half-way
        killed.send_signal(signal.SIGKILL)
        killed.wait()
        log.close()
        first = len(server.requests) - before
        finished = sum(1 for _ in (folder / "cache2").rglob("*.json"))
        rerun = subprocess.run(command, env=env, capture_output=True, text=True)
        total = len(server.requests) - before
        print(f"killed half-way: {first} LLM calls, {finished} articles finished; re-run exit {rerun.returncode}, "
              f"{total - first} more calls, {total} in all for {args.articles} articles "
              f"(calls in flight when killed are made again: {total - args.articles})")
        if first == 0:
            print((folder / "killed.log").read_text()[-2000:])


if __name__ == "__main__":
    main()
