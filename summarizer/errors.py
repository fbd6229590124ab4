"""Exceptions that carry a one-line message and the CLI's exit code.

Exit codes (documented in the README):
  0  every article summarised
  1  an LLM call failed for at least one article (endpoint, validation, token limit)
  2  bad command-line usage
  3  bad input (missing, unreadable, empty, binary)
  4  replay mode found no recorded response for a request
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

T = TypeVar("T")


class SummarizerError(Exception):
    exit_code = 1

    def one_line(self) -> str:
        """The message on one line, the API key (and anything shaped like one) masked."""
        from summarizer.redact import redact

        return redact(" ".join(str(self).split()))

    def about(self, name: str) -> str:
        """The one line without a leading "NAME: ", for a caller that names the input itself (an input error
        names its file: "a.txt: is empty" is said "a.txt: is empty", not "a.txt: a.txt: is empty")."""
        line = self.one_line()
        return line.removeprefix(f"{name}: ")


class InputError(SummarizerError):
    exit_code = 3


class LLMError(SummarizerError):
    """An LLM call failed for good: transport retries or re-asks ran out.

    Carries what instructor's exceptions carry so that callers can see what
    happened: the number of attempts, the last completion text and the usage.
    """

    exit_code = 1

    def __init__(self, message: str, *, attempts: int = 0, last_completion: str | None = None,
                 usage: Any = None) -> None:
        super().__init__(message)
        self.attempts = attempts
        self.last_completion = last_completion
        self.usage = usage


class FixtureMissingError(SummarizerError):
    exit_code = 4


@dataclass
class Attempt(Generic[T]):
    """One article's work: its value, or the one-line reason it failed and the exit code that says so."""

    value: T | None = None
    error: str | None = None
    exit_code: int = 0
    internal: bool = False  # a bug, not a fault of the input or the LLM: SUMMARIZER_DEBUG=1 shows its traceback


def attempt(name: str, work: Callable[[], T]) -> Attempt[T]:
    """Run `work` for the input `name`; a failure becomes a line, never a lost batch. A `SummarizerError`
    gives its own line (without a leading "NAME: "); any other exception is a bug in one article, said as
    an internal error with the API key masked, unless SUMMARIZER_DEBUG is set (then it is raised, with its
    traceback)."""
    try:
        return Attempt(value=work())
    except SummarizerError as exc:
        return Attempt(error=exc.about(name), exit_code=exc.exit_code)
    except Exception as exc:
        if os.environ.get("SUMMARIZER_DEBUG"):
            raise
        from summarizer.redact import redact

        return Attempt(error=redact(f"internal error: {type(exc).__name__}: {exc}"), exit_code=1, internal=True)
