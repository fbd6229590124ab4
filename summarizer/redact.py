"""Keep API keys out of everything the tool writes: error messages, logs, recordings, results.

Two kinds of text are masked as "[REDACTED]":

* the configured key itself, whatever its shape: `LLMSettings` registers its
  `api_key` here. Any run of MIN_RUN or more of its characters in a row (its
  prefixes, the tail an endpoint shows, the whole key) is masked, also where it
  is written JSON-escaped or percent-encoded; a key shorter than MIN_RUN is
  masked where it appears whole (one under MIN_KEY characters is no secret
  worth garbling every message for);
* anything shaped like a key or a bearer token (`sk-` and a run of letters, `Bearer` and a token), whoever's.
"""

from __future__ import annotations

import functools
import json
import logging
import re
import threading
from collections.abc import Iterator
from urllib.parse import quote

MASK = "[REDACTED]"
MIN_RUN = 8  # characters of the key in a row that are masked wherever they appear
MIN_KEY = 4
_KEY_SHAPED = re.compile(r"\b(?:sk-|Bearer\s+)[A-Za-z0-9._~+/=-]{7,}[A-Za-z0-9_~+/=-]")  # not a full stop after it

_secrets: list[str] = []  # the configured keys and their escaped spellings, longest first
_lock = threading.Lock()


def register(secret: str | None) -> None:
    """Mask `secret` (an API key) from now on, in this process."""
    if not secret or len(secret) < MIN_KEY:
        return
    spellings = {secret, json.dumps(secret)[1:-1], quote(secret, safe="")}
    with _lock:
        for spelling in spellings:
            if spelling not in _secrets:
                _secrets.append(spelling)
        _secrets.sort(key=len, reverse=True)


@functools.lru_cache(maxsize=64)
def _runs(secret: str) -> re.Pattern:
    """Where a run of the secret's characters may start: any of its MIN_RUN-character pieces."""
    n = min(len(secret), MIN_RUN)
    pieces = sorted({secret[i:i + n] for i in range(len(secret) - n + 1)}, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, pieces)))


def _runs_in(text: str, secret: str) -> Iterator[tuple[int, int]]:
    """The spans of `text` that are runs of `secret`'s characters, MIN_RUN or more (or the whole of a shorter one)."""
    pattern = _runs(secret)
    at = 0
    while (found := pattern.search(text, at)) is not None:
        end = found.end()
        while end < len(text) and text[found.start():end + 1] in secret:  # the longest run of the secret
            end += 1
        yield found.start(), end
        at = end


def redact(text: str) -> str:
    """`text` with the configured keys (and runs of them) and key-shaped strings masked."""
    spans = sorted([*(span for secret in list(_secrets) for span in _runs_in(text, secret)),
                    *(m.span() for m in _KEY_SHAPED.finditer(text))])
    if not spans:
        return text
    out: list[str] = []
    at = 0
    for start, end in spans:  # overlapping or touching spans (a key in two spellings) are one mask
        if start > at or not out:
            out += [text[at:start], MASK]
        at = max(at, end)
    out.append(text[at:])
    return "".join(out)


def scrub(value):
    """`redact` every string in a JSON-like value (dicts, lists), recursively; keys of dicts too."""
    if isinstance(value, str):
        return redact(value)
    if isinstance(value, list):
        return [scrub(v) for v in value]
    if isinstance(value, dict):
        return {scrub(k): scrub(v) for k, v in value.items()}
    return value


_installed = False


def guard_logging() -> None:
    """Mask keys in every log record made in this process from now on (the openai client's and httpx's debug
    logs included), whoever handles it: a record whose message holds a key gets the masked message."""
    global _installed
    with _lock:
        if _installed:
            return
        _installed = True
    make = logging.getLogRecordFactory()

    def masked(*args, **kwargs) -> logging.LogRecord:
        record = make(*args, **kwargs)
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001 - a malformed record is logging's to report, as before
            return record
        clean = redact(message)
        if clean != message:
            record.msg, record.args = clean, None
        return record

    logging.setLogRecordFactory(masked)
