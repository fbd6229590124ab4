"""A storyline gold file scored on records made by code: the merge's own figures, without an LLM.

    .venv/bin/python bench/storyline_gold.py fixtures/gold/storylines.yaml
    .venv/bin/python bench/storyline_gold.py path/to/another/day/gold.yaml

The fake model marks every candidate sentence as the outlet's, so the records are those the code finds;
the merge reads everything of a record but its source. `summarize eval GOLD` scores the same day on the
configured model instead (on the labelled day, the embedded model's recorded answers give the same
figures). Prints the scores, then each storyline: its title, its articles and its disputes.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml
from common import ROOT  # noqa: F401  (puts the package on sys.path)

from summarizer.briefing.build import Briefing
from summarizer.briefing.evaluate import load_storyline_gold, render_storyline_scores, score_storylines
from summarizer.llm.fake import FakeTransport, outlet_records_answer
from summarizer.llm.settings import LLMSettings


def main(gold_file: str) -> None:
    path = Path(gold_file).resolve()
    gold = load_storyline_gold(path, yaml.safe_load(path.read_text(encoding="utf-8")))
    briefing = Briefing(LLMSettings.resolve(env={}, fixtures="off", digest="composed"), use_cache=False,
                        merge="embeddings", transport=FakeTransport(responder=outlet_records_answer))
    with briefing.build([str(p) for p in gold.files]) as built:
        result = built.result()
    render_storyline_scores(score_storylines(gold, result), sys.stdout)
    for story in result.storylines:
        print(f"\n{story.id}: {story.title}")
        for article in dict.fromkeys(Path(i.article).name for i in story.items):
            print(f"    {article}")
        for dispute in story.disputes:
            print(f"    {dispute.label}: " + " vs ".join(dict.fromkeys(f.text for f in dispute.figures)))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else str(Path(__file__).resolve().parent.parent / "fixtures" / "gold"
                                                    / "storylines.yaml"))
