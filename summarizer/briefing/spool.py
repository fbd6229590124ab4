"""Finished results of a briefing in a temporary file, read back one at a time.

A briefing does not keep its results in memory: each goes to the `Spool` as it
is done, the merge keeps only the records' features, and the output is written
one article at a time from the spool, so memory stays flat in the number of
articles.
"""

from __future__ import annotations

import tempfile
import threading
from collections.abc import Iterator

from summarizer.errors import SummarizerError
from summarizer.files import os_reason
from summarizer.schema import ArticleResult


class SpoolError(SummarizerError):
    """A finished result could not be read back from the briefing's temporary file."""


class Spool:
    """Finished results in a temporary file, read back one at a time: a sized iterable in input order
    (`report.write` streams the briefing's articles from it), and `get` for the merge's records. A result
    that cannot be written there (disk full) is held in memory instead: still a result."""

    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile()  # gone when closed, or when the process ends
        self._where: dict[int, tuple[int, int]] = {}  # position in the input -> (offset, length)
        self._held: dict[int, ArticleResult] = {}  # those the file could not take
        self._lock = threading.Lock()

    def put(self, position: int, result: ArticleResult) -> str | None:
        """Keep the result; if the temporary file cannot take it, hold it in memory and say why."""
        data = result.model_dump_json().encode()
        with self._lock:
            try:
                offset = self._file.seek(0, 2)
                self._file.write(data)
                self._file.flush()  # a full disk fails here, not at a later read
            except OSError as exc:
                self._held[position] = result
                return f"could not spool {result.article.path or result.article.id} to disk: {os_reason(exc)}; " \
                    "kept in memory"
            self._where[position] = (offset, len(data))
        return None

    def get(self, position: int) -> ArticleResult:
        if position in self._held:
            return self._held[position]
        offset, length = self._where[position]
        try:
            with self._lock:
                self._file.seek(offset)
                data = self._file.read(length)
        except OSError as exc:
            raise SpoolError(f"cannot read a finished article back from the briefing's temporary file: "
                             f"{os_reason(exc)}") from None
        return ArticleResult.model_validate_json(data)

    def __len__(self) -> int:
        return len(self._where) + len(self._held)

    def __iter__(self) -> Iterator[ArticleResult]:
        for position in sorted([*self._where, *self._held]):
            yield self.get(position)

    def close(self) -> None:
        self._file.close()
