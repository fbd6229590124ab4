"""Where the time goes: wall time per stage of the data flow, for the benchmarks.

The pipeline marks its stages (`with stage("segment"): ...`). Nothing is
recorded unless a caller opens a `stage_clock()`; then each stage's time is
added to it, net of the stages nested inside it (the LLM call inside
parse/validate counts as "llm", not twice). A clock belongs to the thread
or task that opened it (a context variable), so concurrent articles do not
mix their figures.
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
import time
from collections import defaultdict
from collections.abc import Callable, Iterator

STAGES = ("read", "segment", "prompt", "llm", "parse/validate", "digest", "render")

_clock: contextvars.ContextVar[_Clock | None] = contextvars.ContextVar("stage_clock", default=None)


class _Clock:
    def __init__(self) -> None:
        self.seconds: defaultdict[str, float] = defaultdict(float)  # stage -> seconds (a Counter is typed for ints)
        self.nested: list[float] = []  # per open stage: time spent in stages nested inside it


@contextlib.contextmanager
def stage_clock() -> Iterator[defaultdict[str, float]]:
    """Seconds per stage of what runs inside the block, in this thread/task."""
    clock = _Clock()
    token = _clock.set(clock)
    try:
        yield clock.seconds
    finally:
        _clock.reset(token)


@contextlib.contextmanager
def stage(name: str) -> Iterator[None]:
    """Count the block's wall time (less its nested stages) as `name`, when a clock is open."""
    clock = _clock.get()
    if clock is None:
        yield
        return
    clock.nested.append(0.0)
    started = time.perf_counter()
    try:
        yield
    finally:
        elapsed = time.perf_counter() - started
        nested = clock.nested.pop()
        clock.seconds[name] += elapsed - nested
        if clock.nested:
            clock.nested[-1] += elapsed


def staged(name: str) -> Callable:
    """Decorator: the function's calls count as stage `name`."""

    def wrap(func: Callable) -> Callable:
        @functools.wraps(func)
        def timed(*args, **kwargs):
            with stage(name):
                return func(*args, **kwargs)

        return timed

    return wrap
