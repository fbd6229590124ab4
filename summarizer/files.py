"""Atomic file writes: the cache's results, the batch state and the `-o` outputs.

The bytes go to a temporary file of a unique name in the target's folder, are
flushed to disk, and the temporary file is renamed over the target
(`os.replace`, atomic on POSIX and on Windows within one volume). A reader, a
crash or a concurrent writer therefore sees the old file or the new one, never
half of one: two writers each have their own temporary file and the last rename
wins. A failed write removes its temporary file and leaves the target as it was.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

TEMP_SUFFIX = ".tmp"


def temp_name(path: Path) -> Path:
    """A fresh temporary name next to `path`: hidden, unique to this process and call."""
    return path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(6)}{TEMP_SUFFIX}")


def write_atomic(path: str | os.PathLike, data: str | bytes, *, encoding: str = "utf-8") -> None:
    """Replace `path` with `data` all at once (see the module docstring); raises OSError on failure."""
    payload = data.encode(encoding) if isinstance(data, str) else bytes(data)  # encoding errors: nothing written
    with atomic_writer(path) as f:
        f.write(payload)


@contextlib.contextmanager
def atomic_writer(path: str | os.PathLike) -> Iterator[BinaryIO]:
    """A binary file to write `path`'s new content into, piece by piece; it replaces `path` when the block
    ends without an exception (see the module docstring). Raises OSError on failure."""
    path = Path(path)
    while True:
        tmp = temp_name(path)
        try:  # mode 0o666 less the umask, as a plain open() would create it
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
            break
        except FileExistsError:  # a 48-bit collision: draw again
            continue
    try:
        with open(fd, "wb") as f:
            yield f
            f.flush()
            os.fsync(f.fileno())  # the data is on disk before the name points at it
        os.replace(tmp, path)
    except BaseException:  # OSError, KeyboardInterrupt, ...: no temporary file left, the target untouched
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        raise


def os_reason(exc: OSError) -> str:
    """An OSError in a few words: its strerror ('No space left on device'), else its message."""
    return exc.strerror or str(exc) or type(exc).__name__
