"""The chat call goes through the openai SDK's own `chat.completions.create` (a shortcut around it saved
0.7 ms a call and was removed: bench/client_path.py, docs/internals.md). The recordings are keyed on the
request's content, not its bytes; this holds the bytes too: each request is posted exactly as recorded."""

from __future__ import annotations

import json

import httpx2
import pytest
from conftest import ARTICLES, RECORDED

from summarizer.llm.fixtures import FixtureTransport, request_key
from summarizer.llm.settings import LLMSettings
from summarizer.pipeline import Summarizer


class Tap(httpx2.BaseTransport):
    def __init__(self, inner: httpx2.BaseTransport) -> None:
        self.inner = inner
        self.posted: list[bytes] = []

    def handle_request(self, request: httpx2.Request) -> httpx2.Response:
        response = self.inner.handle_request(request)
        self.posted.append(request.read())
        return response


@pytest.mark.parametrize("article", ["grid_repairs.txt", "spanish_port.txt"])
def test_the_pipelines_requests_are_posted_byte_for_byte_as_recorded(article):
    tap = Tap(FixtureTransport(RECORDED, "replay"))
    summarizer = Summarizer(LLMSettings.resolve(fixtures="off", env={}, digest="model"), transport=tap)
    summarizer.summarize_file(ARTICLES / article)
    assert len(tap.posted) >= 2  # the events call and the digest call
    for posted in tap.posted:
        key = request_key("POST", "chat/completions", json.loads(posted))
        recorded = json.loads((RECORDED / f"{key[:20]}.json").read_text(encoding="utf-8"))["request"]["body"]
        # the SDK writes compact UTF-8 JSON, keys in the order of create's signature (the recording's order)
        assert posted == json.dumps(recorded, separators=(",", ":"), ensure_ascii=False).encode()
