"""A loopback OpenAI-compatible server for tests: real HTTP on 127.0.0.1, scripted responses."""

from __future__ import annotations

import json
import threading
import time
from collections import deque
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class FakeOpenAIServer:
    """Serves queued (status, headers, body) answers to POST /v1/chat/completions; records requests."""

    def __init__(self, *, responder=None, latency: float = 0.0) -> None:
        """`responder(body)` answers when the queue is empty (a completion body); `latency` seconds per call."""
        self.queue: deque = deque()
        self.requests: list[dict] = []  # {"path", "headers", "body"}
        self.responder = responder
        self.latency = latency
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802
                length = int(self.headers.get("content-length", 0))
                body = json.loads(self.rfile.read(length) or b"{}")
                server.requests.append({"path": self.path, "headers": dict(self.headers), "body": body})
                if server.latency:
                    time.sleep(server.latency)
                if server.queue:
                    status, headers, payload = server.queue.popleft()
                elif server.responder is not None:
                    status, headers, payload = 200, {}, server.responder(body)
                else:
                    status, headers, payload = 500, {}, {"error": {"message": "no scripted response"}}
                data = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("content-type", "application/json")
                for k, v in headers.items():
                    self.send_header(k, v)
                self.send_header("content-length", str(len(data)))
                self.end_headers()
                try:
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):  # the client was killed (a benchmark does that)
                    pass

            def log_message(self, *args):
                pass

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self._httpd.server_address[1]}/v1"

    def push(self, body, status: int = 200, headers: dict | None = None) -> None:
        self.queue.append((status, headers or {}, body))

    def __enter__(self) -> FakeOpenAIServer:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
