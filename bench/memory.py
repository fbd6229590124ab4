"""Peak memory (RSS) of real runs of the CLI, each in its own process.

    .venv/bin/python bench/memory.py [--sizes 16,64,256]

- `summarize FILE` on a fixture article, replaying its recorded answers;
- `summarize briefing` over N made-up articles (the fixture articles, each copy made distinct) against a
  loopback OpenAI-compatible fake with no latency, for several N: the briefing's memory should stay flat
  as N grows (results are streamed to the cache and the output, not piled up).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from common import FIXTURE_ARTICLES, RECORDINGS, ROOT, Section, Table, Target, print_section, write_articles
from fake_server import FakeOpenAIServer

from summarizer.llm.fake import completion_body, outlet_records_answer

# Runs the CLI in this process and writes its peak RSS (KiB) to the file named first: the kernel's VmHWM,
# which starts again at exec (ru_maxrss can carry the forking parent's peak into the child).
_WRAPPER = """
import resource, runpy, sys
out = sys.argv.pop(1)
sys.argv[0] = "summarize"

def peak_kib():
    try:
        for line in open("/proc/self/status"):
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

try:
    runpy.run_module("summarizer", run_name="__main__")
finally:
    open(out, "w").write(str(peak_kib()))
"""


def run_measured(args: list[str], env: dict, folder: Path) -> tuple[int, float]:
    """Exit code and peak RSS (MiB) of `summarize ARGS` in a fresh process."""
    out = folder / "rss.txt"
    proc = subprocess.run([sys.executable, "-c", _WRAPPER, str(out), *args], env=env, cwd=ROOT,
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if proc.returncode not in (0,):
        sys.stderr.write(proc.stderr[-2000:])
    return proc.returncode, int(out.read_text()) / 1024


def measure(sizes: list[int]) -> Section:
    section = Section("Memory: peak RSS per run", "bench/memory.py --sizes " + ",".join(map(str, sizes)))
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "SUMMARIZER_"))}
    single = Table(["run", "exit", "peak RSS MiB"])
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        article = FIXTURE_ARTICLES / "market_strike.txt"
        for label, extra in (("summarize --help", ["--help"]),
                             ("summarize FILE (replay)", ["--fixtures", "replay", "--fixtures-dir", str(RECORDINGS),
                                                          str(article)]),
                             ("summarize FILE --json (replay)", ["--fixtures", "replay", "--fixtures-dir",
                                                                 str(RECORDINGS), "--json", str(article)])):
            code, rss = run_measured(extra, env, folder)
            single.add(label, code, rss)
        section.tables.append(single)

        table = Table(["articles", "exit", "peak RSS MiB", "MiB per 100 articles over the smallest"],
                      title="summarize briefing (loopback fake, no latency, --concurrency 4, JSON output)")
        with FakeOpenAIServer(responder=lambda body: completion_body(outlet_records_answer(body))) as server:
            env_fake = {**env, "OPENAI_API_KEY": "not-needed"}
            first = None
            for n in sizes:
                articles = folder / f"in{n}"
                write_articles(articles, n)
                code, rss = run_measured(["briefing", str(articles), "--base-url", server.base_url, "--model",
                                          "fake", "--digest", "composed", "--merge", "rules", "--concurrency",
                                          "4", "--cache-dir", str(folder / f"cache{n}"), "-o",
                                          str(folder / f"b{n}.json")], env_fake, folder)
                storylines = len(json.loads((folder / f"b{n}.json").read_text())["storylines"]) if code == 0 else 0
                first = first or (n, rss)
                growth = (rss - first[1]) / (n - first[0]) * 100 if n > first[0] else 0.0
                table.add(n, code, rss, growth)
                section.notes.append(f"{n} articles: {storylines} storylines") if n == sizes[-1] else None
        section.tables.append(table)
        last = table.rows[-1]
        section.targets.append(Target("briefing memory flat in the number of articles",
                                      f"{last[3]} MiB per 100 articles ({sizes[0]} to {sizes[-1]} articles)",
                                      float(last[3].replace(",", "")) < 5.0))
    return section


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="16,64,256")
    args = parser.parse_args()
    print_section(measure([int(x) for x in args.sizes.split(",")]))


if __name__ == "__main__":
    main()
