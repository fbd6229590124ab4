"""Progress reports on stderr: a rich bar on a terminal, plain lines otherwise.

The library reports long one-off work (joining and loading the embedded model)
here so that a first run is never silent.
"""

from __future__ import annotations

import contextlib
import sys
import time
from collections.abc import Callable, Iterator


@contextlib.contextmanager
def byte_progress(description: str, total: int) -> Iterator[Callable[[int], None]]:
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
    if sys.stderr.isatty():
        from rich.console import Console

        with Console(stderr=True).status(message):
            yield
        return
    print(f"summarize: {message}", file=sys.stderr, flush=True)
    yield
    print(f"summarize: ready in {time.perf_counter() - started:.1f} s", file=sys.stderr, flush=True)
