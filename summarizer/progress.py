"""Progress reports: log records in the library, lines or a rich bar on stderr under the CLI.

The library reports long one-off work (joining and loading the embedded model)
here so that a first run is never silent. Used as a library, it writes nothing
itself: it logs to the `summarizer` logger at INFO, for the caller's logging
set-up to show or not. The `summarize` command calls `use_stderr()`: then a rich
bar on a terminal, plain "summarize: ..." lines otherwise.
"""

from __future__ import annotations

import contextlib
import logging
import sys
import time
from collections.abc import Callable, Iterator

log = logging.getLogger("summarizer")
_stderr = False


def use_stderr(on: bool = True) -> None:
    """Report on stderr (the CLI) instead of logging (a library caller)."""
    global _stderr
    _stderr = on


@contextlib.contextmanager
def byte_progress(description: str, total: int) -> Iterator[Callable[[int], None]]:
    if not _stderr:
        started = time.perf_counter()
        log.info("%s ...", description)
        yield lambda n: None
        log.info("%s: done in %.0f s", description, time.perf_counter() - started)
        return
    if sys.stderr.isatty():
        from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeRemainingColumn

        with Progress(TextColumn("{task.description}"), BarColumn(), DownloadColumn(),
                      TimeRemainingColumn(), transient=True, redirect_stdout=False) as bar:
            task = bar.add_task(description, total=total)
            yield lambda n: bar.advance(task, n)
        return
    started = time.perf_counter()
    print(f"summarize: {description} ...", file=sys.stderr, flush=True)
    yield lambda n: None
    print(f"summarize: done in {time.perf_counter() - started:.0f} s", file=sys.stderr, flush=True)


@contextlib.contextmanager
def status(message: str) -> Iterator[None]:
    started = time.perf_counter()
    if not _stderr:
        log.info("%s", message)
        yield
        log.info("ready in %.1f s", time.perf_counter() - started)
        return
    if sys.stderr.isatty():
        from rich.console import Console

        with Console(stderr=True).status(message):
            yield
        return
    print(f"summarize: {message}", file=sys.stderr, flush=True)
    yield
    print(f"summarize: ready in {time.perf_counter() - started:.1f} s", file=sys.stderr, flush=True)


@contextlib.contextmanager
def article_progress(total: int) -> Iterator[Callable[[str, bool], None]]:
    """Progress over articles: `update(line)` after each article, `update(message, False)` for a message
    that must stay; a rich bar on a terminal, plain lines otherwise."""
    if sys.stderr.isatty():
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

        with Progress(BarColumn(), MofNCompleteColumn(), TextColumn("{task.description}"),
                      redirect_stdout=False) as bar:
            task = bar.add_task("", total=total)

            def update(line: str, advance: bool = True) -> None:
                if advance:
                    bar.update(task, advance=1, description=line)
                else:  # a message that stays (an article's failure), above the bar
                    bar.console.print(f"summarize: {line}", highlight=False, markup=False)

            yield update
        return

    def plain(line: str, advance: bool = True) -> None:
        print(f"summarize: {line}", file=sys.stderr, flush=True)

    yield plain
