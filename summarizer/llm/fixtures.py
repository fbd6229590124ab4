"""Recorded-response fixtures at the HTTP layer, under the OpenAI client.

One readable JSON file per request, named by a hash of the normalised request
(method, endpoint and the JSON body less fields that cannot change the
answer). Because recording happens below the OpenAI client, instructor's
parsing, our validators and re-asks all run for real on replay.

Modes: `replay` never calls the inner transport (a missing fixture raises
`FixtureMissingError` naming the request and the command that re-records it);
`record` replays what is recorded and calls the inner transport for what is
not, writing what it answers (delete a file, or the folder's files, to record
it again); `off` is not this transport at all. Request headers are never written, and the configured
key and key-shaped strings are scrubbed from what is (`summarizer.redact`).
"""

from __future__ import annotations

import contextvars
import hashlib
import json
import os
import tempfile
import threading
from pathlib import Path

import httpx2

from summarizer.errors import FixtureMissingError
from summarizer.redact import scrub  # the configured key and key-shaped strings: never recorded

__all__ = ["FixtureTransport", "current_source", "endpoint_of", "request_key", "scrub", "write_json_atomic"]

# Body fields that do not change the model's answer: left out of the key.
IGNORED_FIELDS = frozenset({"user", "metadata", "store", "stream_options", "service_tier", "timeout"})

# What the pipeline is working on, so that a missing fixture can name the command to re-record it.
current_source: contextvars.ContextVar[str | None] = contextvars.ContextVar("current_source", default=None)


def endpoint_of(url: httpx2.URL) -> str:
    path = url.path
    for name in ("chat/completions", "completions", "embeddings", "responses"):
        if path.rstrip("/").endswith("/" + name):
            return name
    return path.strip("/")


def request_key(method: str, endpoint: str, body: dict) -> str:
    kept = {k: v for k, v in body.items() if k not in IGNORED_FIELDS}
    canon = json.dumps({"method": method.upper(), "endpoint": endpoint, "body": kept},
                       sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canon.encode("utf-8")).hexdigest()


def write_json_atomic(path: Path, data: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh, indent=2, ensure_ascii=False)
            fh.write("\n")
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class FixtureTransport(httpx2.BaseTransport):
    """Replay recorded responses, or record the inner transport's answers."""

    # Keys served or written by any instance in this process (tests check none is left unused).
    used_keys: set[str] = set()
    _lock = threading.Lock()

    def __init__(self, folder: Path, mode: str, inner: httpx2.BaseTransport | None = None,
                 *, recorded_with: dict | None = None) -> None:
        if mode not in ("replay", "record"):
            raise ValueError(f"fixture mode {mode!r}")
        if mode == "record" and inner is None:
            raise ValueError("record mode needs a live transport")
        self.folder = Path(folder)
        self.mode = mode
        self.inner = inner
        self.recorded_with = recorded_with or {}

    def path_for(self, key: str) -> Path:
        return self.folder / f"{key[:20]}.json"

    def handle_request(self, request: httpx2.Request) -> httpx2.Response:
        body = json.loads(request.read() or b"{}")
        endpoint = endpoint_of(request.url)
        key = request_key(request.method, endpoint, body)
        path = self.path_for(key)
        if self.mode == "replay" or path.exists():
            if not path.exists():
                raise FixtureMissingError(self._missing_message(body, path))
            stored = json.loads(path.read_text(encoding="utf-8"))
            with self._lock:
                self.used_keys.add(key)
            resp = stored["response"]
            return httpx2.Response(resp["status_code"], json=resp["body"], request=request)

        response = self.inner.handle_request(request)  # type: ignore[union-attr]
        content = response.read()
        if response.status_code == 200:
            write_json_atomic(path, {
                "key": key,
                "label": "recorded",
                "recorded_with": self.recorded_with,
                "request": {"method": request.method, "endpoint": endpoint, "body": scrub(body)},
                "response": {"status_code": response.status_code, "body": scrub(json.loads(content))},
            })
            with self._lock:
                self.used_keys.add(key)
        return httpx2.Response(response.status_code, headers=response.headers, content=content,
                               request=request)

    def _missing_message(self, body: dict, path: Path) -> str:
        model = body.get("model", "?")
        task = _task_of(body)
        source = current_source.get()
        target = source if source else "ARTICLE"
        return (
            f"replay: no recorded response for POST {task} request (model {model}) "
            f"in {path}; re-record it with: summarize --fixtures record "
            f"--fixtures-dir {self.folder} --model {model}{' --digest model' if task == 'DigestAnswer' else ''} "
            f"--json {target}"
        )


def _task_of(body: dict) -> str:
    """A short name for the request: the response format's name, if any."""
    fmt = body.get("response_format") or {}
    name = (fmt.get("json_schema") or {}).get("name")
    return f"{name}" if name else "chat/completions"
