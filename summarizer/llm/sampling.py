"""Greedy decoding under a grammar at nearly the speed of free decoding.

llama-cpp-python applies the grammar to every one of the vocabulary's ~150,000
candidates at every step, which halves generation speed on a small model. For
greedy decoding it is enough to check the grammar for the single best token and
fall back to masking the whole vocabulary only when that token is rejected
(what llama.cpp's own common sampler does). The chosen token is the same: if the
overall best token is allowed, it is also the best allowed token.
"""

from __future__ import annotations

import ctypes
import math

import numpy as np


class LazyGreedyGrammarSampler:
    """Stands in for llama-cpp-python's sampler chain (`sample(ctx, idx)`) when temp == 0."""

    def __init__(self, model, grammar, n_vocab: int) -> None:
        import llama_cpp

        self._llama_cpp = llama_cpp
        self._grammar = llama_cpp.llama_sampler_init_grammar(
            model.vocab, grammar._grammar.encode("utf-8"), grammar._root.encode("utf-8"))
        if not self._grammar:
            raise ValueError("llama.cpp rejected the grammar")
        self.n_vocab = n_vocab
        self._one = (llama_cpp.llama_token_data * 1)()
        self._one_array = llama_cpp.llama_token_data_array(data=self._one, size=1, selected=-1, sorted=False)
        self._all = (llama_cpp.llama_token_data * n_vocab)()
        self._all_view = np.ctypeslib.as_array(self._all)
        self._all_view["id"] = np.arange(n_vocab, dtype=np.int32)
        self._all_array = llama_cpp.llama_token_data_array(data=self._all, size=n_vocab, selected=-1,
                                                           sorted=False)
        self.full_masks = 0  # steps where the best token was rejected (for tests and benchmarks)

    def sample(self, ctx, idx: int = -1) -> int:
        lc = self._llama_cpp
        logits = np.ctypeslib.as_array(lc.llama_get_logits_ith(ctx.ctx, idx), shape=(self.n_vocab,))
        token = int(np.argmax(logits))
        self._one[0].id, self._one[0].logit, self._one[0].p = token, float(logits[token]), 0.0
        self._one_array.size, self._one_array.selected = 1, -1
        lc.llama_sampler_apply(self._grammar, ctypes.byref(self._one_array))
        if math.isinf(self._one[0].logit):  # rejected: mask the whole vocabulary
            self.full_masks += 1
            self._all_view["logit"] = logits
            self._all_view["p"] = 0.0
            self._all_array.size, self._all_array.selected, self._all_array.sorted = self.n_vocab, -1, False
            lc.llama_sampler_apply(self._grammar, ctypes.byref(self._all_array))
            best = int(np.argmax(self._all_view["logit"][: self._all_array.size]))
            token = int(self._all_view["id"][best])
        lc.llama_sampler_accept(self._grammar, token)
        return token

    def accept(self, token: int) -> None:  # `sample` has accepted the token already
        pass

    def reset(self) -> None:
        self._llama_cpp.llama_sampler_reset(self._grammar)

    def close(self) -> None:
        if self._grammar:
            self._llama_cpp.llama_sampler_free(self._grammar)
            self._grammar = None

    def __del__(self) -> None:
        self.close()


def llama_class():
    """A Llama subclass that uses the lazy grammar sampler for greedy, penalty-free decoding."""
    from llama_cpp import Llama

    class FastGrammarLlama(Llama):
        def _init_sampler(self, **kwargs):
            grammar = kwargs.get("grammar")
            neutral = (kwargs.get("temp") == 0.0 and kwargs.get("repeat_penalty", 1.0) == 1.0
                       and not kwargs.get("frequency_penalty") and not kwargs.get("presence_penalty")
                       and kwargs.get("logits_processor") is None and not kwargs.get("mirostat_mode"))
            if grammar is not None and neutral:
                return LazyGreedyGrammarSampler(self._model, grammar, self._n_vocab)
            return super()._init_sampler(**kwargs)

    return FastGrammarLlama
