"""Peak memory (RSS) of real runs of the CLI, each in its own process.

    .venv/bin/python bench/memory.py [--sizes 16,64,256,512]

- `summarize FILE` on a fixture article, replaying its recorded answers;
- `summarize briefing` over N made-up articles (the fixture articles, each copy made distinct) against a
  loopback OpenAI-compatible fake with no latency, for several N: the briefing's memory should stay flat
  as N grows (results go to a spool on disk and are written out one at a time; the merge keeps only the
  records' features and its graph). The peak is also read when the articles are done, before the merge.
- the merge alone (tracemalloc) on made-up briefings as dense as real ones: 14 records an article (the
  seeds gave 14 on the embedded model, the fake answers above about 5), a story told by a few outlets.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from common import FIXTURE_ARTICLES, RECORDINGS, ROOT, Section, Table, Target, print_section, write_articles
from fake_server import FakeOpenAIServer
from fakes import article_result, event

from summarizer.briefing import merge
from summarizer.llm.fake import completion_body, outlet_records_answer
from summarizer.schema import ArticleResult

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

before_merge = []
import summarizer.briefing.merge as merge  # noqa: E402 - the peak when the articles are done, before the merge

_merged = merge.merged


def merged(*args, **kwargs):
    before_merge.append(peak_kib())
    return _merged(*args, **kwargs)


merge.merged = merged
try:
    runpy.run_module("summarizer", run_name="__main__")
finally:
    open(out, "w").write(f"{peak_kib()} {before_merge[0] if before_merge else 0}")
"""


def run_measured(args: list[str], env: dict, folder: Path) -> tuple[int, float, float]:
    """Exit code, peak RSS (MiB) of `summarize ARGS` in a fresh process, and its peak before the briefing's
    merge began (0 if there was none)."""
    out = folder / "rss.txt"
    proc = subprocess.run([sys.executable, "-c", _WRAPPER, str(out), *args], env=env, cwd=ROOT,
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if proc.returncode not in (0,):
        sys.stderr.write(proc.stderr[-2000:])
    peak, before_merge = out.read_text().split()
    return proc.returncode, int(peak) / 1024, int(before_merge) / 1024


def briefing_runs(sizes: list[int], via: str, base_url: str, env: dict, folder: Path) -> Table:
    """`summarize briefing --via VIA` on N articles for each N, against the loopback fake."""
    table = Table(["articles", "records", "exit", "peak RSS MiB", "MiB per 100 articles over the smallest",
                   "peak before the merge MiB", "before the merge: MiB per 100 articles"],
                  title=f"summarize briefing --via {via} (loopback fake, no latency, --concurrency 4, JSON output)")
    folder.mkdir()
    first = None
    for n in sizes:
        articles = folder / f"in{n}"
        write_articles(articles, n)
        code, rss, stage = run_measured(["briefing", str(articles), "--base-url", base_url, "--model", "fake",
                                         "--digest", "composed", "--merge", "embeddings", "--concurrency", "4",
                                         "--via", via, "--poll", "0", "--cache-dir", str(folder / f"cache{n}"),
                                         "-o", str(folder / f"b{n}.json")], env, folder)
        briefing = json.loads((folder / f"b{n}.json").read_text()) if code == 0 else {}
        storylines = len(briefing.get("storylines", []))
        records = sum(len(a["events"]) for a in briefing.get("articles", []))
        first = first or (n, rss, stage)
        growth = (rss - first[1]) / (n - first[0]) * 100 if n > first[0] else 0.0
        stage_growth = (stage - first[2]) / (n - first[0]) * 100 if n > first[0] else 0.0
        table.add(n, records, code, rss, growth, stage, stage_growth)
    table.title += f"; {storylines} storylines at {sizes[-1]} articles"
    return table


def made_up_briefing(articles: int, seed: int = 0, records: int = 14) -> list[ArticleResult]:
    """Articles of `records` records each, most about one of the two stories the article covers (a story for
    every 3 articles: its places, people, words and figures), the rest about anything."""
    r = random.Random(seed)

    def word(syllables: int) -> str:
        return "".join(r.choice(["ka", "lo", "vi", "der", "mon", "tra", "sel", "gor", "pin", "ush", "bre", "zan"])
                       for _ in range(syllables))

    words = [word(3) for _ in range(3000)]
    places = [word(3).capitalize() for _ in range(400)]
    people = [f"{word(2).capitalize()} {word(3).capitalize()}" for _ in range(400)]
    stories = [(r.sample(places, 2), r.sample(people, 2), r.sample(words[:1500], 12),
                [r.randint(10, 5000) for _ in range(3)]) for _ in range(max(3, articles // 3))]
    results = []
    for a in range(articles):
        covered, events = r.sample(stories, 2), []
        for i in range(1, records + 1):
            if r.random() < 0.8:
                story_places, story_people, story_words, figures = r.choice(covered)
                summary = " ".join(r.sample(story_words, 5) + r.sample(words, 4))
                numbers = [(str(v), float(v), r.choice(["bodies", "people", "drones"]))
                           for v in r.sample(figures, r.randint(0, 2))]
                names = r.sample(story_places, r.randint(0, 2)), r.sample(story_people, r.randint(0, 1))
            else:
                summary, numbers, names = " ".join(r.sample(words, 8)), [], ([r.choice(places)], [])
            events.append(event(i, summary + ".", "the outlet", numbers, *names))
        results.append(article_result(f"article_{a:04d}.txt", events))
    return results


def merge_runs(sizes: list[int]) -> Table:
    """The merge alone (`--merge embeddings`: article vectors and clustering) on made-up briefings, its peak by
    tracemalloc."""
    title = ("The merge alone, on made-up briefings of 14 records an article (tracemalloc; the index, one vector "
             "and a few names an article, is kept for the whole briefing)")
    table = Table(["articles", "records", "storylines", "index KiB per record", "merge peak MiB",
                   "merge peak KiB per record", "seconds (index and merge)"], title=title)
    for n in sizes:
        results = made_up_briefing(n, seed=n)
        start = time.perf_counter()  # timed without tracemalloc, which slows it several times
        timed = merge.MergeIndex.of(results)
        stories = merge.merged(timed, results.__getitem__)
        seconds = time.perf_counter() - start
        tracemalloc.start()
        index = merge.MergeIndex.of(results)
        features = tracemalloc.get_traced_memory()[0]
        tracemalloc.reset_peak()
        merge.merged(index, results.__getitem__)
        peak = tracemalloc.get_traced_memory()[1] - features
        tracemalloc.stop()
        records = sum(len(r.events) for r in results)
        table.add(n, records, len(stories), features / 1024 / records, peak / 2**20, peak / 1024 / records, seconds)
    return table


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
            code, rss, _ = run_measured(extra, env, folder)
            single.add(label, code, rss)
        section.tables.append(single)

        with FakeOpenAIServer(responder=lambda body: completion_body(outlet_records_answer(body))) as server:
            server.polls_until_done = 0
            env_fake = {**env, "OPENAI_API_KEY": "not-needed"}
            for via in ("sync", "batch"):
                table = briefing_runs(sizes, via, server.base_url, env_fake, folder / via)
                section.tables.append(table)
                last = table.rows[-1]
                section.targets.append(Target(
                    f"briefing memory flat in the number of articles: under 5 MiB more per 100 (--via {via})",
                    f"{last[4]} MiB per 100 articles ({sizes[0]} to {sizes[-1]} articles); {last[6]} until the merge",
                    float(last[4].replace(",", "")) < 5.0))
        merging = merge_runs(sizes)
        section.tables.append(merging)
        section.notes.append("The articles of the two briefing runs are copies of the 7 fixture articles, so a "
                             "storyline holds every copy of a record. Results go to a spool on disk, storylines are "
                             "built one at a time as they are written; what grows is the merge's: each record's "
                             "features, and its graph of each record's most similar records.")
        section.notes.append("The merge's memory is linear in the records, about the same per record at any size "
                             "(last table).")
        per_record = float(merging.rows[-1][3]) + float(merging.rows[-1][5])
        section.notes.append(f"At {sizes[-1]} articles of 14 records, the merge's features and peak come to "
                             f"{per_record:.2f} KiB a record: {per_record * 1400 / 1024:.2f} MiB per 100 articles.")
    return section


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="16,64,256,512")
    args = parser.parse_args()
    print_section(measure([int(x) for x in args.sizes.split(",")]))


if __name__ == "__main__":
    main()
