"""Sentence splitting of one huge paragraph: time against size, read window by window and (small sizes) whole.

    .venv/bin/python bench/segment.py [KB ...]

pysbd's time grows with the square of the text it is given; `segment` reads a
paragraph longer than `segment.WINDOW` characters a window at a time, so its
time should grow linearly: the ms per KB stay flat from 50 KB to 5 MB. pysbd
on the whole paragraph (what `segment` did before) is timed up to 100 KB.
"""

from __future__ import annotations

import sys
import time

from common import Section, Table, Target, print_section

from summarizer.segment import _pysbd_pieces, segment

SENTENCES = ("In Sumy, the regional governor said 12 homes were damaged overnight. Repair crews worked through the "
             "day to restore water, Mr. Smith told reporters at 3 p.m. on Monday. \"We will rebuild,\" he said. ")
WHOLE_UP_TO_KB = 100


def paragraph(kb: int) -> str:
    """One paragraph (no line break) of `kb` KB of news sentences with abbreviations, figures and quotes."""
    return (SENTENCES * (kb * 1024 // len(SENTENCES) + 1))[:kb * 1024]


def _seconds(func, *args) -> tuple[float, object]:
    started = time.perf_counter()
    value = func(*args)
    return time.perf_counter() - started, value


def measure(sizes: list[int] | None = None) -> Section:
    sizes = sizes or [50, 100, 200, 1000, 5000]
    section = Section("Sentence splitting of one huge paragraph", f"bench/segment.py {' '.join(map(str, sizes))}")
    segment("Warm up. The segmenter loads once.")
    table = Table(["KB", "sentences", "segment s", "ms/KB", "pysbd whole s", "whole ms/KB"])
    per_kb = {}
    for kb in sizes:
        text = paragraph(kb)
        seconds, sentences = _seconds(segment, text)
        per_kb[kb] = 1000 * seconds / kb
        whole = _seconds(_pysbd_pieces, text, "en")[0] if kb <= WHOLE_UP_TO_KB else None
        table.add(kb, len(sentences), seconds, per_kb[kb], "-" if whole is None else whole,
                  "-" if whole is None else 1000 * whole / kb)
    section.tables.append(table)
    first, last = min(sizes), max(sizes)
    ratio = per_kb[last] / per_kb[first]
    section.notes.append("segment = the whole of `segment.segment` (pysbd by windows, boilerplate rules); "
                         "pysbd whole = one pysbd call on the paragraph, as before windows")
    section.targets.append(Target(f"linear: ms per KB at {last} KB within 2x of {first} KB",
                                  f"{per_kb[last]:.2f} against {per_kb[first]:.2f} ms/KB ({ratio:.2f}x)",
                                  ratio <= 2.0))
    return section


if __name__ == "__main__":
    print_section(measure([int(a) for a in sys.argv[1:]] or None))
