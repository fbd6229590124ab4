"""Several answers of the embedded model decoded together: one llama.cpp context, one sequence per request.

On a CPU, one generation step reads all the model's weights from memory whatever
the number of tokens it evaluates, so a step for four sequences costs about what
a step for one does. A briefing on the embedded model keeps several articles in
flight (`--concurrency`); their requests meet here and are answered together:

- each request gets a sequence (a slot) of a llama.cpp context of its own, made
  with llama-cpp-python's public low-level API (`llama_init_from_model`,
  `llama_batch_*`, `llama_decode`, `llama_memory_seq_*`) on the model the
  `Llama` object already loaded;
- its prompt is evaluated when a slot is free, starting from the longest prefix
  any slot already holds (copied, not evaluated again: the system prompt and the
  example are the same for every article);
- then every step evaluates the last token of each sequence in one batch, and
  each sequence picks its next token greedily under its own grammar, never the
  one that would repeat once more a cycle its answer already ends with four
  times (`looping_token`).

Greedy decoding only. Alone, a request gets the answer `Llama.create_completion`
gives at temperature 0, token for token. Together with others, llama.cpp's CPU
kernels round a batch of several tokens differently from a single token, so a
near-tie may go the other way (bench/batched.py compares the two on the same
requests). A worker thread does the decoding; the request threads wait for
their answer.
"""

from __future__ import annotations

import ctypes
import threading
import time
from collections import deque
from dataclasses import dataclass, field

import numpy as np

TOP_K = 64  # candidates checked against the grammar before falling back to the whole vocabulary
CHUNK = 512  # prompt tokens evaluated per llama_decode
LOOP_PERIOD = 24  # the longest cycle of tokens the loop guard looks for
LOOP_REPEATS = 4  # times a cycle ends the answer before the token that repeats it once more is refused
LOOP_TOKENS = 12  # the fewest tokens a cycle and its repeats span ("…………" is no loop at 4 tokens)


def looping_token(tokens: list[int]) -> int | None:
    """The token that would repeat, once more, a cycle the answer's last tokens already repeat `LOOP_REPEATS`
    times ("Marco Tullio, Marco Tullio, Marco Tullio, Marco Tullio, …"), else None. A small model decoding
    greedily can go round such a cycle until its token limit (2,048 tokens, minutes on a CPU) and lose the
    rest of its answer; refusing the token makes it leave the cycle, usually by closing the string."""
    n = len(tokens)
    for period in range(1, LOOP_PERIOD + 1):
        span = max(period * LOOP_REPEATS, LOOP_TOKENS)
        if span > n:
            break
        if tokens[n - span:n - period] == tokens[n - span + period:]:
            return tokens[n - period]
    return None


@dataclass
class Decoded:
    tokens: list[int]  # the answer, without the end-of-generation token
    finish_reason: str  # "stop" or "length"
    prompt_tokens: int
    cached_tokens: int  # prompt tokens whose KV state came from a slot rather than being evaluated


class GreedySampler:
    """The best token at a logits row, restricted to what the grammar allows (if there is one).

    llama-cpp-python's greedy sampler applies the grammar to every vocabulary entry and then takes the best;
    checking the best token first, then the best `TOP_K`, and the whole vocabulary only when none of them
    is allowed (as llama.cpp's own common sampler does) picks the same token for less. `pick` also advances
    the grammar by the chosen token."""

    def __init__(self, ctx, model, grammar: str | None = None) -> None:
        """`ctx`, `model`: llama.cpp pointers; `grammar`: GBNF text whose start rule is `root`."""
        import llama_cpp

        self._lc = llama_cpp
        self._ctx = ctx
        vocab = llama_cpp.llama_model_get_vocab(model)
        self.n_vocab = llama_cpp.llama_vocab_n_tokens(vocab)
        self._grammar = None
        if grammar is not None:
            self._grammar = llama_cpp.llama_sampler_init_grammar(vocab, grammar.encode("utf-8"), b"root")
            if not self._grammar:
                raise ValueError("llama.cpp rejected the grammar")
        self._cand = (llama_cpp.llama_token_data * self.n_vocab)()
        self._cand_view = np.ctypeslib.as_array(self._cand)
        self._cand_array = llama_cpp.llama_token_data_array(data=self._cand, size=0, selected=-1, sorted=False)
        self.full_masks = 0  # steps where none of the best TOP_K tokens was allowed
        self.picked: list[int] = []  # the answer so far, for the loop guard

    def pick(self, idx: int) -> int:
        logits = np.ctypeslib.as_array(self._lc.llama_get_logits_ith(self._ctx, idx), shape=(self.n_vocab,))
        looping = looping_token(self.picked)
        if looping is not None:  # the answer goes round a cycle: not once more
            logits = logits.copy()
            logits[looping] = -np.inf
        best = int(np.argmax(logits))
        if self._grammar is None:
            self.picked.append(best)
            return best
        token = self._best_allowed(np.array([best]), logits)
        if token is None:
            top = np.argpartition(logits, -TOP_K)[-TOP_K:]
            token = self._best_allowed(top, logits)
        if token is None:
            self.full_masks += 1
            token = self._best_allowed(np.arange(self.n_vocab), logits)
        if token is None:
            raise RuntimeError("the grammar allows no token")
        self._lc.llama_sampler_accept(self._grammar, token)
        self.picked.append(token)
        return token

    def _best_allowed(self, ids: np.ndarray, logits: np.ndarray) -> int | None:
        n = len(ids)
        view = self._cand_view[:n]
        view["id"], view["logit"], view["p"] = ids, logits[ids], 0.0
        self._cand_array.size, self._cand_array.selected, self._cand_array.sorted = n, -1, False
        self._lc.llama_sampler_apply(self._grammar, ctypes.byref(self._cand_array))
        kept = self._cand_view[: self._cand_array.size]
        allowed = kept[~np.isinf(kept["logit"])]
        if not len(allowed):
            return None
        # the first of equal logits, as llama.cpp's greedy sampler takes it (ids are in vocabulary order
        # when the whole vocabulary is checked)
        return int(allowed["id"][int(np.argmax(allowed["logit"]))])

    def close(self) -> None:
        if self._grammar:
            self._lc.llama_sampler_free(self._grammar)
            self._grammar = None

    def __del__(self) -> None:
        self.close()


@dataclass
class _Job:
    prompt: list[int]
    grammar: str | None
    max_tokens: int
    deadline: float | None
    done: threading.Event = field(default_factory=threading.Event)
    result: Decoded | None = None
    error: BaseException | None = None


@dataclass
class _Slot:
    seq: int
    tokens: list[int] = field(default_factory=list)  # what this sequence holds in the KV cache, in order
    job: _Job | None = None
    sampler: GreedySampler | None = None
    out: list[int] = field(default_factory=list)
    next_token: int = -1  # picked, not yet evaluated
    cached: int = 0


def shared_prefix(a: list[int], b: list[int]) -> int:
    n = min(len(a), len(b))
    if not n:
        return 0
    diff = np.flatnonzero(np.asarray(a[:n]) != np.asarray(b[:n]))
    return int(diff[0]) if len(diff) else n


class BatchedDecoder:
    """Answers `complete` calls from any number of threads, up to `n_seq` of them decoded together.

    `n_ctx` is the context's size in tokens, shared by the sequences: a request is started only when the
    prompts and answer budgets of the requests in flight, its own included, fit in it (a request that can
    never fit is refused with ValueError)."""

    def __init__(self, llama, *, n_seq: int, n_ctx: int, n_threads: int) -> None:
        import llama_cpp

        self._lc = llama_cpp
        self.n_seq, self.n_ctx = n_seq, n_ctx
        self._model = llama.model
        self._vocab = llama_cpp.llama_model_get_vocab(llama.model)
        # the `Llama` object's own settings (its batch sizes, threads, ...), but flash attention as llama.cpp
        # chooses it (on, on a CPU): with several sequences in one cache, attention is most of a step's
        # extra cost, and a batch rounds differently from one token anyway (bench/batched.py)
        params = type(llama.context_params).from_buffer_copy(llama.context_params)
        params.flash_attn_type = llama_cpp.llama_context_default_params().flash_attn_type
        params.n_ctx = n_ctx
        params.n_batch = params.n_ubatch = max(CHUNK, n_seq)
        params.n_seq_max = n_seq
        params.kv_unified = True  # one cache for all sequences, so that a copied prefix is shared, not duplicated
        params.n_threads = params.n_threads_batch = n_threads
        self._ctx = llama_cpp.llama_init_from_model(llama.model, params)
        if not self._ctx:
            raise RuntimeError("llama.cpp could not make a context for batched decoding")
        self._memory = llama_cpp.llama_get_memory(self._ctx)
        self._batch = llama_cpp.llama_batch_init(max(CHUNK, n_seq), 0, 1)
        self._slots = [_Slot(seq=i) for i in range(n_seq)]
        self._pending: deque[_Job] = deque()
        self._cond = threading.Condition()
        self._worker: threading.Thread | None = None
        self._closed = False
        self.steps = 0  # generation steps, and the sequences they decoded (for benchmarks)
        self.step_sequences = 0
        self.step_seconds: dict[int, list[float]] = {}  # sequences in a step: [steps, seconds in llama_decode]

    # -- the request side ---------------------------------------------------------------------------------
    def complete(self, prompt: list[int], *, grammar: str | None, max_tokens: int,
                 deadline: float | None = None) -> Decoded:
        """Greedy completion of `prompt` (token ids) under `grammar` (GBNF, start rule `root`). Blocks until
        the answer is done. Past `deadline` (a `time.monotonic()` value) it raises TimeoutError."""
        if max_tokens < 1 or len(prompt) + max_tokens > self.n_ctx:
            raise ValueError(f"the prompt ({len(prompt)} tokens) and the answer ({max_tokens} tokens) exceed the "
                             f"model's context of {self.n_ctx} tokens")
        job = _Job(list(prompt), grammar, max_tokens, deadline)
        with self._cond:
            if self._closed:
                raise RuntimeError("the batched decoder is closed")
            self._pending.append(job)
            if self._worker is None:
                self._worker = threading.Thread(target=self._run, name="summarizer-batched-decoder", daemon=True)
                self._worker.start()
            self._cond.notify()
        job.done.wait()
        if job.error is not None:
            raise job.error
        assert job.result is not None
        return job.result

    def close(self) -> None:
        with self._cond:
            self._closed = True
            self._cond.notify()
        if self._worker is not None:
            self._worker.join()
        for slot in self._slots:
            if slot.sampler is not None:
                slot.sampler.close()
        if self._batch is not None:
            self._lc.llama_batch_free(self._batch)
            self._batch = None
        if self._ctx:
            self._lc.llama_free(self._ctx)
            self._ctx = None

    # -- the worker ---------------------------------------------------------------------------------------
    def _run(self) -> None:
        while True:
            with self._cond:
                while not self._pending and not self._active() and not self._closed:
                    self._cond.wait()
                if self._closed:
                    for job in [*self._pending, *(s.job for s in self._active())]:
                        if job is not None:
                            self._finish_job(job, error=RuntimeError("the batched decoder was closed"))
                    return
                starting = self._admit()
            for slot, job in starting:
                self._guarded(self._start, slot, job)
            if self._active():
                self._guarded(self._step)

    def _guarded(self, work, *args) -> None:
        """`work(*args)`; an error there ends the requests it concerns (all of them for a step), not the
        worker."""
        try:
            work(*args)
        except Exception as exc:  # noqa: BLE001 - handed to the waiting request threads
            slots = [args[0]] if args else self._active()
            for slot in slots:
                self._release(slot, error=exc)

    def _active(self) -> list[_Slot]:
        return [s for s in self._slots if s.job is not None]

    def _admit(self) -> list[tuple[_Slot, _Job]]:
        """Pending jobs given a free slot, in order, while their budgets fit beside those in flight."""
        starting = []
        budget = sum(len(s.job.prompt) + s.job.max_tokens for s in self._active() if s.job)
        while self._pending:
            job = self._pending[0]
            free = [s for s in self._slots if s.job is None]
            if not free or budget + len(job.prompt) + job.max_tokens > self.n_ctx:
                break
            self._pending.popleft()
            slot = max(free, key=lambda s: shared_prefix(s.tokens, job.prompt))
            slot.job = job
            budget += len(job.prompt) + job.max_tokens
            starting.append((slot, job))
        return starting

    def _start(self, slot: _Slot, job: _Job) -> None:
        """Put the job's prompt in the slot's sequence (its longest prefix held by any slot copied), evaluate
        the rest and pick the first token."""
        lc, mem = self._lc, self._memory
        limit = len(job.prompt) - 1  # the last prompt token is evaluated again, for its logits
        # the longest prefix held by any slot (every slot's tokens are in the cache)
        source = max(self._slots, key=lambda s: shared_prefix(s.tokens, job.prompt))
        keep = min(shared_prefix(source.tokens, job.prompt), limit)
        if source is slot:
            lc.llama_memory_seq_rm(mem, slot.seq, keep, -1)
        else:
            lc.llama_memory_seq_rm(mem, slot.seq, -1, -1)
            if keep:
                lc.llama_memory_seq_cp(mem, source.seq, slot.seq, 0, keep)
        slot.tokens = job.prompt[:keep]
        for other in self._slots:  # a finished slot's cache is kept only until a job needs the room
            if other.job is None and other is not slot:
                lc.llama_memory_seq_rm(mem, other.seq, -1, -1)
                other.tokens = []
        rest = job.prompt[keep:]
        for at in range(0, len(rest), CHUNK):
            chunk = rest[at:at + CHUNK]
            self._decode([(slot, token, at + i == len(rest) - 1) for i, token in enumerate(chunk)])
        slot.sampler = GreedySampler(self._ctx, self._model, job.grammar)
        slot.out, slot.cached = [], keep
        self._advance(slot, slot.sampler.pick(self._batch.n_tokens - 1))

    def _step(self) -> None:
        """One token for every sequence in flight, evaluated in one batch."""
        active = self._active()
        now = time.monotonic()
        for slot in active:
            if slot.job is not None and slot.job.deadline is not None and now > slot.job.deadline:
                self._release(slot, error=TimeoutError("the answer was not finished by the deadline"))
        active = self._active()
        if not active:
            return
        started = time.perf_counter()
        self._decode([(slot, slot.next_token, True) for slot in active])
        spent = self.step_seconds.setdefault(len(active), [0, 0.0])
        spent[0] += 1
        spent[1] += time.perf_counter() - started
        self.steps += 1
        self.step_sequences += len(active)
        for i, slot in enumerate(active):
            assert slot.sampler is not None
            self._advance(slot, slot.sampler.pick(i))

    def _advance(self, slot: _Slot, token: int) -> None:
        """`token` was picked for the slot: the answer ends there, or it is the next token to evaluate."""
        job = slot.job
        assert job is not None
        if self._lc.llama_vocab_is_eog(self._vocab, token):
            self._release(slot, finish="stop")
            return
        slot.out.append(token)
        if len(slot.out) >= job.max_tokens:
            self._release(slot, finish="length")
            return
        slot.next_token = token

    def _decode(self, items: list[tuple[_Slot, int, bool]]) -> None:
        """Evaluate each (slot, token, wants logits) at the slot's next position, in one llama_decode."""
        b = self._batch
        b.n_tokens = len(items)
        for i, (slot, token, logits) in enumerate(items):
            b.token[i], b.pos[i], b.n_seq_id[i], b.logits[i] = token, len(slot.tokens), 1, logits
            b.seq_id[i][0] = slot.seq
            slot.tokens.append(token)
        status = self._lc.llama_decode(self._ctx, b)
        if status != 0:
            raise RuntimeError(f"llama_decode returned {status}")

    def _release(self, slot: _Slot, *, finish: str = "", error: BaseException | None = None) -> None:
        job = slot.job
        if slot.sampler is not None:
            slot.sampler.close()
            slot.sampler = None
        slot.job = None
        if job is None:
            return
        if error is not None:
            self._lc.llama_memory_seq_rm(self._memory, slot.seq, -1, -1)
            slot.tokens = []
            self._finish_job(job, error=error)
        else:
            self._finish_job(job, result=Decoded(slot.out, finish, len(job.prompt), slot.cached))

    @staticmethod
    def _finish_job(job: _Job, *, result: Decoded | None = None, error: BaseException | None = None) -> None:
        job.result, job.error = result, error
        job.done.set()
