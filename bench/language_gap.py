"""How far the embedding model puts one meaning apart in two languages, per language pair.

    .venv/bin/python bench/language_gap.py           # print the table
    .venv/bin/python bench/language_gap.py --write   # and write summarizer/briefing/language_gaps.json

bench/data/translations.yaml holds twelve news sentences written for this project, each in the eight
languages the tool supports. Per pair of languages (a, b), two distances (one minus the cosine):

- gap: a sentence and its own translation, on average (0 when a and b are one language);
- unrelated: a sentence and the other sentences' translations, on average.

The same sentences in English and English give the reference (gap 0, unrelated about 0.2). The merge
(summarizer/briefing/merge.py, `calibrated`) multiplies an article pair's distance by the English
unrelated figure over its languages' one, so that its threshold means the same in Portuguese, in German
against English, and in English. The gap is measured and kept, but not used (docs/storylines.md says why).
"""

from __future__ import annotations

import json
import sys

import yaml
from common import ROOT

from summarizer.briefing import embed
from summarizer.briefing.merge import LANGUAGE_GAPS

TRANSLATIONS = ROOT / "bench" / "data" / "translations.yaml"


def measure() -> dict:
    return embed.language_gaps(yaml.safe_load(TRANSLATIONS.read_text(encoding="utf-8")))


def main() -> None:
    table = measure()
    print(f"{'pair':8} {'gap':>6} {'unrelated':>9}")
    for pair, (gap, unrelated) in table["pairs"].items():
        print(f"{pair:8} {gap:6.3f} {unrelated:9.3f}")
    if "--write" in sys.argv:
        LANGUAGE_GAPS.write_text(json.dumps(table, indent=1) + "\n", encoding="utf-8")
        print(f"written: {LANGUAGE_GAPS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
