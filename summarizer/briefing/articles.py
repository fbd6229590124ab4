"""The briefing's per-article stage: many articles, concurrently, cached, resumable.

Articles are summarised by the same pipeline as `summarize FILE`, at most
`concurrency` at a time (asyncio tasks running the pipeline in worker threads;
the embedded model serialises its own calls). Each result goes to the cache the
moment it is done, so a re-run makes no LLM call for what is finished and an
interrupted run resumes where it stopped; a result that cannot be cached (disk
full, read-only folder) is still a result, with a warning. A failing article
never stops the others: it is reported with its reason.

Each result is handed to `on_done` as it is done; `Briefing` (build.py) puts it
in the spool and the merge index at once, so results are not kept in memory.
"""

from __future__ import annotations

import asyncio
import contextvars
import itertools
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from summarizer.briefing.cache import ResultCache
from summarizer.errors import InputError, SummarizerError
from summarizer.files import os_reason
from summarizer.pipeline import Summarizer, warnings
from summarizer.read import read_article
from summarizer.redact import redact
from summarizer.schema import ArticleResult

ARTICLE_SUFFIXES = (".txt", ".html", ".htm")
DEFAULT_CONCURRENCY = {"embedded": 4, "openai": 8, "openai-compatible": 4}  # embedded: decoded together


@dataclass
class Done:
    """One article's outcome."""

    path: str
    result: ArticleResult | None = None
    error: str | None = None
    exit_code: int = 0
    cached: bool = False
    warning: str | None = None  # e.g. the result could not be cached; it is still a result


def finished(path: str, result: ArticleResult, cache: ResultCache | None, key: str) -> Done:
    """A summarised article, its result put in the cache first. The cache is best-effort: when the write
    fails (disk full, a read-only or missing folder) the result still goes into the briefing, with a
    warning instead of a traceback; the next run summarises the article again. A result with no records,
    or whose digest call failed, is one too, with a warning that says so."""
    said = [f"{path}: {line}" for line in warnings(result)]  # no records, or no digest: still a result
    if cache is not None:
        try:
            cache.put(key, result)
        except OSError as exc:
            said.append(f"could not cache {path}: {os_reason(exc)}")
    return Done(path=path, result=result, warning="; ".join(said) or None)


def from_cache(path: str, article_path: str | None, cache: ResultCache | None, key: str) -> Done | None:
    """The article's result from the cache, if there (given the path it is read from now), else None."""
    hit = cache.get(key) if cache is not None else None
    if hit is None:
        return None
    hit.article.path = article_path
    return Done(path=path, result=hit, cached=True)


def article_paths(inputs: list[str]) -> tuple[list[str], list[Done]]:
    """Files named, and the article files in folders named (sorted); inputs that are neither fail."""
    paths: list[str] = []
    failed: list[Done] = []
    for name in inputs:
        p = Path(name)
        if p.is_dir():
            paths += sorted(str(f) for f in p.iterdir() if f.is_file() and f.suffix.lower() in ARTICLE_SUFFIXES)
        elif p.exists():
            paths.append(name)
        else:
            failed.append(Done(path=name, error="no such file or folder", exit_code=InputError.exit_code))
    return list(dict.fromkeys(paths)), failed


class Interrupted(SummarizerError):
    """Ctrl-C during a briefing: no article is started after it; the finished ones are in the cache."""

    exit_code = 130

    def __init__(self, finished: int, total: int, cached: bool) -> None:
        kept = "kept in the cache: run the same command again to resume" if cached else "not kept (--no-cache)"
        super().__init__(f"interrupted: {finished} of {total} articles done ({kept}), {total - finished} left")
        self.finished, self.total = finished, total


_worker_numbers = itertools.count(1)


def summarize_all(paths: list[str], summarizer: Summarizer, cache: ResultCache | None, *, concurrency: int,
                  on_done: Callable[[Done], None] = lambda d: None) -> list[Done]:
    """Summarise every article (cache first), at most `concurrency` at once; results in input order.

    Ctrl-C (KeyboardInterrupt) stops it at once, even while a call hangs: no article is started after it,
    the finished ones are in the cache, and `Interrupted` says how many are left. Each article runs in a
    daemon thread of its own, so an article still in flight is abandoned rather than waited for."""

    def one(path: str) -> Done:
        try:
            article = read_article(path)
            key = ResultCache.key(article.content_key, summarizer.settings) if cache else ""
            return (from_cache(path, article.path, cache, key)
                    or finished(path, summarizer.summarize(article), cache, key))
        except SummarizerError as exc:
            return Done(path=path, error=exc.about(path), exit_code=exc.exit_code)
        except Exception as exc:  # a bug in one article must not lose the others
            return Done(path=path, error=redact(f"internal error: {type(exc).__name__}: {exc}"), exit_code=1)

    completed = 0

    def in_thread(loop: asyncio.AbstractEventLoop, path: str) -> asyncio.Future:
        """`one(path)` in a daemon thread (a pool's threads are joined at exit: a hung call would hold it)."""
        future = loop.create_future()
        context = contextvars.copy_context()

        def settle(outcome: Done | None, error: BaseException | None) -> None:
            if future.done():  # cancelled by Ctrl-C
                return
            if error is not None:
                future.set_exception(error)
            else:
                future.set_result(outcome)

        def work() -> None:
            try:
                outcome, error = context.run(one, path), None
            except BaseException as exc:  # noqa: BLE001 - handed to the waiting task
                outcome, error = None, exc
            try:
                loop.call_soon_threadsafe(settle, outcome, error)
            except RuntimeError:  # the loop is closed: the briefing was interrupted, no one waits
                pass

        threading.Thread(target=work, daemon=True, name=f"summarize-{next(_worker_numbers)}").start()
        return future

    async def run() -> list[Done]:
        loop = asyncio.get_running_loop()
        gate = asyncio.Semaphore(max(1, concurrency))

        async def guarded(path: str) -> Done:
            nonlocal completed
            async with gate:
                done = await in_thread(loop, path)
            completed += 1
            on_done(done)
            return done

        return list(await asyncio.gather(*(guarded(p) for p in paths)))

    try:
        return asyncio.run(run())
    except KeyboardInterrupt:  # asyncio.run cancelled the tasks: nothing more starts, nothing is waited for
        raise Interrupted(completed, len(paths), cached=cache is not None) from None


@dataclass
class Tally:
    """Running totals for the progress line."""

    total: int
    done: int = 0
    failed: int = 0
    cached: int = 0
    tokens: int = 0
    started: float = 0.0

    def add(self, d: Done) -> None:
        self.done += 1
        self.failed += d.error is not None
        self.cached += d.cached
        if d.result is not None and not d.cached:
            self.tokens += d.result.usage.prompt_tokens + d.result.usage.completion_tokens

    def line(self) -> str:
        elapsed = time.perf_counter() - self.started
        fresh = self.done - self.cached
        eta = elapsed / fresh * (self.total - self.done) if fresh else 0.0
        return (f"{self.done}/{self.total} articles, {self.failed} failed, {self.cached} from cache, "
                f"{self.tokens} tokens, ETA {eta:.0f} s")
