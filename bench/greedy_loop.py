"""The embedded model's own greedy decoding loop, removed from the package; kept here for bench/decoding.py.

It was summarizer/llm/decoding.py: greedy decoding, grammar-constrained, with
prompt-cache reuse and prompt-lookup drafts, on llama.cpp's C API (through
llama-cpp-python's bindings) instead of llama-cpp-python's own sampling. Side
by side with llama-cpp-python's `create_chat_completion` (bench/decoding.py) it
was not clearly faster, and it tied the package to the llama.cpp API of one
llama-cpp-python release, so the package now uses the public API
(docs/internals.md). What follows is the loop as it was, less the private
attributes of `Llama` it once used.

On a 2-core CPU one generation step costs about as much as evaluating
several tokens in one batch (the weights are read from memory once either way). So each
step proposes a draft of the tokens most likely to come next, copied from where
the last few tokens occurred before in the prompt or the answer ("prompt lookup
decoding": JSON keys repeat from event to event, summaries copy the article's
words), evaluates the draft in one batch and keeps the longest prefix that
greedy decoding would have produced anyway. Batched evaluation can round
differently from one-token steps, so a near-tie may break the other way.

The grammar check is lazy: llama-cpp-python's own sampler applies the grammar to
every one of the ~150,000 vocabulary entries at every step. For greedy decoding
it is enough to check the best token, then the best 64, and only then the whole
vocabulary (what llama.cpp's own common sampler does); the chosen token is the
same.

The tokens already evaluated stay in the KV cache: a request whose prompt starts
like the previous one only evaluates the new part.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from summarizer.llm.batched import GreedySampler  # the same lazy grammar check, now the batched decoder's


@dataclass
class Decoded:
    tokens: list[int]  # the answer, without the end-of-generation token
    finish_reason: str  # "stop" or "length"
    prompt_tokens: int
    cached_tokens: int  # prompt tokens whose KV state was reused from the previous request
    passes: int  # model evaluations during generation
    drafted: int  # draft tokens proposed
    accepted: int  # draft tokens that greedy decoding confirmed


def lookup_draft(history: np.ndarray, *, max_ngram: int = 4, max_draft: int = 10) -> list[int]:
    """Tokens that followed the latest earlier occurrence of the history's last n tokens (longest n first)."""
    size = len(history)
    if max_draft <= 0:
        return []
    for n in range(min(max_ngram, size - 1), 0, -1):
        tail = history[size - n:]
        windows = np.lib.stride_tricks.sliding_window_view(history[: size - 1], n)
        hits = np.flatnonzero((windows == tail).all(axis=1))
        if len(hits):
            start = int(hits[-1]) + n
            length = max_draft if n >= 3 else max(1, max_draft // (4 - n))
            return history[start:start + length].tolist()
    return []


class _Batch:
    """A llama.cpp batch of up to `size` tokens of sequence 0, every one with its logits."""

    def __init__(self, size: int) -> None:
        import llama_cpp

        self._lc = llama_cpp
        self.size = size
        self.batch = llama_cpp.llama_batch_init(size, 0, 1)

    def decode(self, llama, tokens: list[int], n_past: int) -> None:
        """Evaluate `tokens` at positions n_past.. and note them as evaluated where `Llama` keeps that."""
        assert len(tokens) <= self.size
        b = self.batch
        b.n_tokens = len(tokens)
        for i, token in enumerate(tokens):
            b.token[i], b.pos[i], b.n_seq_id[i], b.logits[i] = token, n_past + i, 1, True
            b.seq_id[i][0] = 0
        status = self._lc.llama_decode(llama.ctx, b)
        if status != 0:
            raise RuntimeError(f"llama_decode returned {status}")
        llama.input_ids[n_past:n_past + len(tokens)] = tokens
        llama.n_tokens = n_past + len(tokens)

    def close(self) -> None:
        if self.batch is not None:
            self._lc.llama_batch_free(self.batch)
            self.batch = None


def _forget(llama, keep: int) -> bool:
    """Drop the KV cache from position `keep` on; False if llama.cpp cannot drop part of it."""
    import llama_cpp

    if not llama_cpp.llama_memory_seq_rm(llama_cpp.llama_get_memory(llama.ctx), 0, keep, -1):
        return False
    llama.n_tokens = keep
    return True


def greedy_complete(llama, prompt: list[int], *, grammar: str | None = None, max_tokens: int,
                    max_draft: int = 10, deadline: float | None = None) -> Decoded:
    """Greedy completion of `prompt` (token ids) with `grammar` (GBNF text, start rule `root`), reusing the KV
    cache and prompt-lookup drafts. Past `deadline` (a `time.monotonic()` value) a generation step raises
    TimeoutError (the client's timeout)."""
    import time

    import llama_cpp

    if max_tokens < 1 or len(prompt) + max_tokens > llama.n_ctx():
        raise ValueError(f"the prompt ({len(prompt)} tokens) and the answer ({max_tokens} tokens) exceed the "
                         f"model's context of {llama.n_ctx()} tokens")
    cached = _reuse_prefix(llama, prompt)
    llama.eval(prompt[cached:])  # logits of the last prompt token only
    sampler = GreedySampler(llama.ctx, llama.model, grammar)
    batch = _Batch(max_draft + 1)
    vocab = llama_cpp.llama_model_get_vocab(llama.model)
    history = np.empty(len(prompt) + max_tokens + max_draft + 1, dtype=np.int32)
    history[: len(prompt)] = prompt
    size = len(prompt)
    out: list[int] = []
    passes = drafted = accepted = 0
    try:
        token = sampler.pick(-1)
        while True:
            if llama_cpp.llama_vocab_is_eog(vocab, token):
                return Decoded(out, "stop", len(prompt), cached, passes, drafted, accepted)
            out.append(token)
            history[size] = token
            size += 1
            if len(out) >= max_tokens:
                return Decoded(out, "length", len(prompt), cached, passes, drafted, accepted)
            if deadline is not None and time.monotonic() > deadline:
                raise TimeoutError("the answer was not finished by the deadline")
            draft = lookup_draft(history[:size], max_draft=min(max_draft, max_tokens - len(out)))
            n_past = llama.n_tokens
            batch.decode(llama, [token, *draft], n_past)
            passes += 1
            drafted += len(draft)
            for i, guess in enumerate(draft):
                token = sampler.pick(i)
                if token != guess or llama_cpp.llama_vocab_is_eog(vocab, token):
                    break
                accepted += 1
                out.append(token)
                history[size] = token
                size += 1
                if len(out) >= max_tokens:
                    return Decoded(out, "length", len(prompt), cached, passes, drafted, accepted)
            else:
                token = sampler.pick(len(draft))
                i = len(draft)
            keep = n_past + 1 + i  # the batch's first token and the confirmed drafts
            if keep < llama.n_tokens and not _forget(llama, keep):
                raise RuntimeError("llama.cpp cannot drop the rejected drafts from this model's cache")
    finally:
        sampler.close()
        batch.close()


def _reuse_prefix(llama, prompt: list[int]) -> int:
    """Keep the KV state of the longest common prefix with what was evaluated before; return its length."""
    done = llama.input_ids[: llama.n_tokens]
    limit = min(len(done), len(prompt) - 1)  # at least one prompt token is evaluated, for fresh logits
    same = 0
    if limit > 0:
        diff = np.flatnonzero(done[:limit] != np.asarray(prompt[:limit], dtype=done.dtype))
        same = int(diff[0]) if len(diff) else limit
    if same and not _forget(llama, same):  # the cache cannot drop a suffix: start over
        same = 0
    if not same:
        _forget(llama, 0)
    llama.n_tokens = same
    return same
