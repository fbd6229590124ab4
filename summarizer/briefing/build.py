"""The daily briefing as a library object: article files -> results (cached) -> storylines -> report.

    from summarizer.briefing import Briefing
    from summarizer.llm.settings import LLMSettings

    briefing = Briefing(LLMSettings.resolve())
    with briefing.build(["articles/"]) as built:
        built.write("md", sys.stdout)   # streamed from the spool, one article at a time
        document = built.result()       # or the whole BriefingResult in memory

`build` summarises every article (`articles.summarize_all`, or one Batch API job:
`batch.summarize_via_batch`), cache first; puts each result in the spool and the
merge index as it is done; then merges the storylines (`merge.merged`, confirmed
by the model or by the embeddings). A failing article never stops the others: it is
listed in the output's `failed`, and the exit code says the worst outcome. The
`summarize briefing` command is a thin layer over this.
"""

from __future__ import annotations

import contextlib
import datetime
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Literal, TextIO

from summarizer import __version__
from summarizer.briefing.articles import DEFAULT_CONCURRENCY, Done, Interrupted, Tally, article_paths, summarize_all
from summarizer.briefing.cache import ResultCache
from summarizer.briefing.merge import MergeIndex, Storylines, merged
from summarizer.briefing.spool import Spool
from summarizer.errors import LLMError, SummarizerError
from summarizer.llm.settings import LLMSettings
from summarizer.schema import BriefingResult, FailedArticle, Usage

if TYPE_CHECKING:
    import httpx2

Merge = Literal["model", "embeddings"]
Via = Literal["sync", "batch"]


class BriefingUsageError(SummarizerError):
    """Options that cannot work together (e.g. the Batch API on the embedded model)."""

    exit_code = 2


@dataclass
class Found:
    """The article files to summarise, and the inputs that named nothing (each already a failed `Done`)."""

    paths: list[str]
    missing: list[Done] = field(default_factory=list)


class Built:
    """A finished briefing: its head (when, failures, usage), its articles in the spool and its storylines,
    each read from disk when written. Close it (or use it as a context manager) to drop the spool."""

    def __init__(self, head: BriefingResult, articles: Spool, storylines: Storylines | list,
                 warnings: list[str], exit_code: int) -> None:
        self.head, self.articles, self.storylines = head, articles, storylines
        self.warnings = warnings  # for the user, one line each: inputs not found, a merge that fell back
        self.exit_code = exit_code  # 0, or the worst article's (or the merge's) exit code

    def write(self, fmt: str, out: TextIO) -> None:
        """Write the briefing as `fmt` (md, html or json), streaming articles and storylines."""
        from summarizer.briefing.report import write

        write(fmt, self.head, out, articles=self.articles, storylines=self.storylines)

    def result(self) -> BriefingResult:
        """The whole briefing in memory (for a caller that wants the objects rather than a report)."""
        return self.head.model_copy(update={"articles": list(self.articles), "storylines": list(self.storylines)})

    def close(self) -> None:
        self.articles.close()

    def __enter__(self) -> Built:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class Briefing:
    """Builds briefings with one model and one set of options; see the module docstring.

    `concurrency` defaults to what the provider takes (4 on the embedded model, decoded together), `merge` to
    the embeddings on the embedded model and the model elsewhere; `cache_dir=None` is the user's cache folder,
    `use_cache=False` summarises every article again; `via="batch"` sends the events calls as one OpenAI Batch
    API job, polled every `poll` seconds at first. `transport` goes to the `Summarizer` (tests: a fake endpoint)."""

    def __init__(self, settings: LLMSettings, *, cache_dir: Path | None = None, use_cache: bool = True,
                 concurrency: int | None = None, merge: Merge | None = None, via: Via = "sync",
                 poll: float = 10.0, transport: httpx2.BaseTransport | None = None) -> None:
        from summarizer.briefing.cache import default_cache_dir
        from summarizer.pipeline import Summarizer

        if via == "batch" and settings.provider == "embedded":
            raise BriefingUsageError("--via batch needs an endpoint with the Batch API (OPENAI_API_KEY or --base-url)")
        self.concurrency = concurrency or DEFAULT_CONCURRENCY.get(settings.provider, 4)  # a plugin: 4
        if settings.provider == "embedded":  # the articles in flight are decoded together
            settings = replace(settings, parallel=self.concurrency)
        self.settings = settings
        self.summarizer = Summarizer(settings, transport=transport)
        self.cache = ResultCache(cache_dir or default_cache_dir()) if use_cache else None
        self.merge: Merge = merge or ("embeddings" if settings.provider == "embedded" else "model")
        self.via, self.poll = via, poll

    @staticmethod
    def find(inputs: Iterable[str]) -> Found:
        """The article files named, and those in the folders named (.txt, .html); inputs that are neither are
        `missing`."""
        return Found(*article_paths(list(inputs)))

    def build(self, articles: Found | Iterable[str], *, on_done: Callable[[Done, Tally], None] | None = None,
              warn: Callable[[str], None] = lambda message: None) -> Built:
        """Summarise the articles, then merge the storylines. `on_done(done, tally)` is called as each article
        finishes (its result is already in the spool; `done.result` is then let go); `warn` gets a line
        that must reach the user at once (a result that stayed in memory, a batch that could not be kept).
        Raises `Interrupted` on Ctrl-C (a re-run resumes from the cache) and `SummarizerError` when the
        Batch API fails as a whole."""
        found = articles if isinstance(articles, Found) else self.find(articles)
        tally = Tally(total=len(found.paths), started=time.perf_counter())
        spool, index, usage = Spool(), MergeIndex(), Usage()
        position = {p: i for i, p in enumerate(found.paths)}

        def finished(done: Done) -> None:
            tally.add(done)
            if on_done is not None:
                on_done(done, tally)
            if done.result is not None:
                if not done.cached:
                    usage.add(done.result.usage)
                index.add(position[done.path], done.result)
                if (warning := spool.put(position[done.path], done.result)) is not None:
                    warn(warning)
                done.result = None  # on disk now (or held by the spool)

        try:
            done = found.missing + self._summarize(found.paths, finished, warn)
        except BaseException:
            spool.close()
            raise
        warnings = [f"{d.path}: {d.error}" for d in found.missing]
        stories, merge_code = self._merge(index, spool, usage, warnings)
        head = BriefingResult(
            generated=datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
            articles=[], storylines=[],
            failed=[FailedArticle(path=d.path, reason=d.error) for d in done if d.error], usage=usage,
            tool_version=__version__)
        return Built(head, spool, stories, warnings, max([merge_code, *(d.exit_code for d in done)]))

    def _summarize(self, paths: list[str], on_done: Callable[[Done], None], warn: Callable[[str], None]
                   ) -> list[Done]:
        if self.via == "batch":
            from summarizer.briefing.batch import summarize_via_batch

            # no cache: one of this run only (the batch keeps its state there), so nothing earlier is used
            with contextlib.ExitStack() as stack:
                cache = self.cache or ResultCache(Path(stack.enter_context(
                    tempfile.TemporaryDirectory(prefix="summarizer-batch-"))))
                return summarize_via_batch(paths, self.summarizer, cache, poll=self.poll, on_done=on_done,
                                           warn=warn)
        return summarize_all(paths, self.summarizer, self.cache, on_done=on_done, concurrency=self.concurrency)

    def _merge(self, index: MergeIndex, spool: Spool, usage: Usage, warnings: list[str]
               ) -> tuple[Storylines | list, int]:
        """The storylines, and an exit code: a failed merge leaves the articles' results without storylines;
        a model that cannot confirm leaves the embeddings' storylines. Either way the user is told."""
        from summarizer.briefing.confirm import confirm_pairs
        from summarizer.llm.client import metering

        with metering() as merge_usage:
            try:
                confirm = None
                if self.merge == "model":
                    def confirm(pairs, records):
                        return confirm_pairs(self.summarizer.llm, pairs, records)
                try:
                    stories: Storylines | list = merged(index, spool.get, confirm=confirm)
                except LLMError as exc:
                    warnings.append(f"merging storylines: the model's confirmation failed ({exc.one_line()}): "
                                    "the embeddings' storylines are used instead")
                    stories = merged(index, spool.get)
                code = 0
            except SummarizerError as exc:
                warnings.append(f"merging storylines: {exc.one_line()}")
                stories, code = [], exc.exit_code
        usage.add(merge_usage)
        return stories, code


__all__ = ["Briefing", "BriefingUsageError", "Built", "Done", "Found", "Interrupted", "Tally"]
