"""Attribution over several gold files at once, on recorded answers: one row per gold file and one pooled row.

    .venv/bin/python bench/attribution_measures.py fixtures/gold/attribution.yaml
    .venv/bin/python bench/attribution_measures.py GOLD.yaml:RECORDINGS_DIR ...   # recordings elsewhere

Each gold file is scored by `summarize eval GOLD --json --fixtures replay` (its recordings in fixtures/llm unless
given after a colon). Columns: articles, gold events found, source and status accuracy over the found events,
gold contest pairs linked both ways, links the gold does not give, and the records from furniture, whose source
is a fragment, or whose translation its sentence does not support. The last row pools them all (accuracies over
all found events), as the closing notes and docs/attribution.md report sets of real pages.
"""

from __future__ import annotations

import sys

from common import replayed_eval

_COUNTS = ("found_events", "gold_events", "source_ok", "status_ok", "linked_contests", "gold_contests")
_LISTS = ("false_links", "furniture_records", "fragment_sources", "unsupported_translations")


def _row(name: str, n: int, t: dict) -> str:
    found = t["found_events"] or 1
    return (f"{name[-40:]:40} {n:3} {t['found_events']:>4}/{t['gold_events']:<4} {t['source_ok'] / found:6.3f} "
            f"{t['status_ok'] / found:6.3f} {t['linked_contests']:>4}/{t['gold_contests']:<4} "
            f"{t['false_links']:5} {t['furniture_records']:5} {t['fragment_sources']:5} "
            f"{t['unsupported_translations']:6}")


def main(args: list[str]) -> None:
    print(f"{'gold':40} {'n':>3} {'events':>9} {'source':>6} {'status':>6} {'contests':>9} {'false':>5} {'furn.':>5} "
          f"{'frag.':>5} {'untr.':>6}")
    pooled = dict.fromkeys(_COUNTS + _LISTS, 0)
    articles = 0
    for spec in args:
        gold, _, recordings = spec.partition(":")
        doc = replayed_eval(gold, recordings or None)
        t = {**{k: doc["total"][k] for k in _COUNTS}, **{k: len(doc["total"][k]) for k in _LISTS}}
        print(_row(gold, len(doc["articles"]), t))
        articles += len(doc["articles"])
        for key in pooled:
            pooled[key] += t[key]
    if len(args) > 1:
        print(_row("pooled", articles, pooled))


if __name__ == "__main__":
    main(sys.argv[1:])
