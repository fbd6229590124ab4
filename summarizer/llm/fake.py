"""A fake model for tests: queued responses served as an HTTP transport.

It sits where a real endpoint would, so instructor, validators and re-asks
run exactly as they do against a live model. Each queued item is one of:
a string (the assistant's message content), a dict (a whole chat completion
body), an `httpx2.Response`, or an exception to raise.
"""

from __future__ import annotations

import json
from collections import deque

import httpx2


def completion_body(content: str, *, model: str = "fake", finish_reason: str = "stop",
                    prompt_tokens: int = 10, completion_tokens: int = 5) -> dict:
    return {
        "id": "chatcmpl-fake",
        "object": "chat.completion",
        "created": 0,
        "model": model,
        "choices": [{"index": 0, "finish_reason": finish_reason,
                     "message": {"role": "assistant", "content": content}}],
        "usage": {"prompt_tokens": prompt_tokens, "completion_tokens": completion_tokens,
                  "total_tokens": prompt_tokens + completion_tokens},
    }


def outlet_records_answer(body: dict) -> str:
    """A valid events answer for any events request: every candidate sentence in the outlet's own voice.

    Lets tests and benchmarks serve many articles, in any order, without queued answers."""
    schema = body["response_format"]["json_schema"]["schema"]
    if "same" in schema["properties"]:  # the briefing's merge confirmation: no pair is the same event
        return json.dumps({"same": []})
    record = {"source": "the outlet", "cue": "", "source_type": "outlet", "contests": []}
    if "english" in schema.get("$defs", {}).get("EventDraft", {}).get("properties", {}):  # a foreign article
        record["english"] = " "  # no translation (blank): each record keeps its own sentence, as code reads it
    return json.dumps({key: ([] if key == "boilerplate" else record) for key in schema["properties"]})


class FakeTransport(httpx2.BaseTransport):
    """Serves queued responses in order; when the queue is empty, `responder(body)` answers (if given)."""

    def __init__(self, *responses, responder=None) -> None:
        self.queue: deque = deque(responses)
        self.responder = responder
        self.requests: list[dict] = []  # the JSON bodies received, in order

    def push(self, *responses) -> None:
        self.queue.extend(responses)

    def handle_request(self, request: httpx2.Request) -> httpx2.Response:
        body = json.loads(request.read() or b"{}")
        self.requests.append(body)
        try:
            item = self.queue.popleft()
        except IndexError:
            if self.responder is None:
                raise AssertionError(f"FakeTransport: no queued response for request #{len(self.requests)}") from None
            item = self.responder(body)
        if isinstance(item, BaseException):
            raise item
        if isinstance(item, httpx2.Response):
            return item
        if isinstance(item, str):
            item = completion_body(item)
        return httpx2.Response(200, json=item, request=request)
