"""A loopback OpenAI-compatible server for tests: real HTTP on 127.0.0.1, scripted responses."""

from __future__ import annotations

import json
import socket
import struct
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Reply:
    """One scripted answer to a chat completion request, faults included.

    `body` is a completion body (dict, sent as JSON) or raw bytes sent as they are (a non-JSON body);
    `headers` add to (or replace, in lower case) the content-type application/json and the content-length.
    `delay`: seconds to wait before answering (longer than the client's read timeout: a timeout).
    `cut_after`: send the headers, with the full content-length, and only this many bytes of the body,
    then reset the connection (a connection reset mid-body).
    """

    body: dict | bytes = b""
    status: int = 200
    headers: dict = field(default_factory=dict)
    delay: float = 0.0
    cut_after: int | None = None


class FakeOpenAIServer:
    """Serves queued answers to POST /v1/chat/completions; records requests.

    Each answer is a `Reply`, or a completion body (dict) or raw bytes (status 200). Queued answers go
    first (`push`); then `responder(body)`, which may return any of those; else an HTTP 500.
    """

    def __init__(self, *, responder=None, latency: float = 0.0) -> None:
        """`responder(body)` answers when the queue is empty; `latency` seconds per call."""
        self.queue: deque = deque()
        self.requests: list[dict] = []  # {"path", "headers", "body"}, and "at" (time.monotonic()) for POSTs
        self.responder = responder
        self.latency = latency
        self.files: dict[str, bytes] = {}  # the Batch API's uploaded and output files
        self.batches: dict[str, dict] = {}
        server = self

        class Handler(BaseHTTPRequestHandler):
            def _send(self, status, payload, content_type="application/json"):
                data = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("content-type", content_type)
                self.send_header("content-length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self):  # noqa: N802 - the Batch API: poll a batch, download a file
                server.requests.append({"path": self.path, "headers": dict(self.headers), "body": None})
                status, payload = server.batch_api_get(self.path)
                self._send(status, payload, "application/octet-stream" if isinstance(payload, bytes)
                           else "application/json")

            def do_POST(self):  # noqa: N802
                length = int(self.headers.get("content-length", 0))
                raw = self.rfile.read(length)
                if self.path.endswith(("/files", "/batches")):  # the Batch API: upload, create
                    server.requests.append({"path": self.path, "headers": dict(self.headers), "body": None})
                    self._send(*server.batch_api_post(self.path, self.headers.get("content-type", ""), raw))
                    return
                body = json.loads(raw or b"{}")
                server.requests.append({"path": self.path, "headers": dict(self.headers), "body": body,
                                        "at": time.monotonic()})
                if server.latency:
                    time.sleep(server.latency)
                if server.queue:
                    reply = server.queue.popleft()
                elif server.responder is not None:
                    reply = server.responder(body)
                else:
                    reply = Reply({"error": {"message": "no scripted response"}}, status=500)
                if not isinstance(reply, Reply):
                    reply = Reply(reply)
                if reply.delay and server._closing.wait(reply.delay):
                    return
                data = reply.body if isinstance(reply.body, bytes) else json.dumps(reply.body).encode()
                try:
                    self.send_response(reply.status)
                    for k, v in {"content-type": "application/json", **reply.headers}.items():
                        self.send_header(k, v)
                    self.send_header("content-length", str(len(data)))
                    self.end_headers()
                    if reply.cut_after is None:
                        self.wfile.write(data)
                        return
                    self.wfile.write(data[:reply.cut_after])
                    self.wfile.flush()
                    time.sleep(0.05)  # the client has the headers and the part body: the reset comes mid-body
                    # SO_LINGER 0: closing sends a TCP reset rather than an orderly end of stream.
                    self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                    self.close_connection = True
                    self.connection.close()
                except (BrokenPipeError, ConnectionResetError):  # the client gave up (a timeout, a benchmark)
                    pass

            def log_message(self, *args):
                pass

        self._closing = threading.Event()  # wakes delayed answers when the server shuts down
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.02},
                                        daemon=True)  # shutdown() waits up to one poll interval

    # -- a loopback Batch API: /files (upload), /batches (create, poll), /files/{id}/content -------------
    polls_until_done = 2  # a batch reports in_progress this many times, then completed
    batch_responder = None  # answers the batch's lines (default: `responder`)
    failed_uploads = 0  # the first uploads answer 503 (their bodies are kept in `upload_bodies`)

    def batch_api_post(self, path: str, content_type: str, raw: bytes):
        if path.endswith("/files"):
            self.upload_bodies = [*getattr(self, "upload_bodies", []), raw]
            if self.failed_uploads:
                self.failed_uploads -= 1
                return 503, {"error": {"message": "upstream busy"}}
            data = _multipart_file(content_type, raw)
            file_id = f"file-{len(self.files) + 1}"
            self.files[file_id] = data
            return 200, {"id": file_id, "object": "file", "bytes": len(data), "created_at": 0,
                         "filename": "requests.jsonl", "purpose": "batch", "status": "processed"}
        request = json.loads(raw)
        batch_id = f"batch-{len(self.batches) + 1}"
        self.batches[batch_id] = {"input_file_id": request["input_file_id"], "polls": 0}
        return 200, self._batch(batch_id, "validating")

    def batch_api_get(self, path: str):
        parts = path.rstrip("/").split("/")
        if parts[-1] == "content":
            return 200, self.files[parts[-2]]
        batch_id = parts[-1]
        batch = self.batches[batch_id]
        batch["polls"] += 1
        if batch["polls"] <= self.polls_until_done:
            return 200, self._batch(batch_id, "in_progress")
        if "output_file_id" not in batch:
            lines = []
            for line in self.files[batch["input_file_id"]].decode().splitlines():
                item = json.loads(line)
                answer = self.batch_responder or self.responder
                body = answer(item["body"]) if answer else {}
                lines.append(json.dumps({"id": f"r-{item['custom_id']}", "custom_id": item["custom_id"], "error": None,
                                         "response": {"status_code": 200, "request_id": "x", "body": body}}))
            output_id = f"file-{len(self.files) + 1}"
            self.files[output_id] = ("\n".join(lines) + "\n").encode()
            batch["output_file_id"] = output_id
        return 200, self._batch(batch_id, "completed", output_file_id=batch["output_file_id"])

    def _batch(self, batch_id: str, status: str, **extra) -> dict:
        return {"id": batch_id, "object": "batch", "endpoint": "/v1/chat/completions", "completion_window": "24h",
                "input_file_id": self.batches[batch_id]["input_file_id"], "status": status, "created_at": 0,
                **extra}

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self._httpd.server_address[1]}/v1"

    def push(self, body, status: int = 200, headers: dict | None = None, **fault) -> None:
        """Queue one answer; `fault` takes `Reply`'s delay and cut_after."""
        self.queue.append(body if isinstance(body, Reply) else Reply(body, status, headers or {}, **fault))

    def chat_requests(self) -> list[dict]:
        """The chat completion requests' JSON bodies, in order."""
        return [r["body"] for r in self.requests if r["path"].split("?")[0].endswith("/chat/completions")]

    def __enter__(self) -> FakeOpenAIServer:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._closing.set()
        self._httpd.shutdown()
        self._httpd.server_close()


def _multipart_file(content_type: str, raw: bytes) -> bytes:
    """The uploaded file's bytes from a multipart/form-data body."""
    from email.parser import BytesParser
    from email.policy import default

    message = BytesParser(policy=default).parsebytes(f"Content-Type: {content_type}\r\n\r\n".encode() + raw)
    for part in message.iter_parts():
        if part.get_filename():
            return part.get_payload(decode=True)
    raise ValueError("no file in the upload")
