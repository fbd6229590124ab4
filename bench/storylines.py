"""The rules' storylines over the articles of one or more briefing JSON files, printed for inspection.

    summarize briefing ../shared/seeds/ --format json -o seeds.json
    summarize briefing fixtures/articles/*.txt --fixtures replay --digest model --no-cache --format json -o fx.json
    .venv/bin/python bench/storylines.py seeds.json [fx.json]

Joining several files shows how the merge behaves as a briefing grows, without summarising again.
"""

from __future__ import annotations

import json
import sys

from summarizer.briefing.merge import storylines
from summarizer.schema import ArticleResult


def main(paths: list[str]) -> None:
    results = [ArticleResult.model_validate(a) for p in paths for a in json.load(open(p, encoding="utf-8"))["articles"]]
    stories = storylines(results)
    print(f"{len(results)} articles, {sum(len(r.events) for r in results)} records, {len(stories)} storylines")
    for story in stories:
        print(f"\n{story.id}: {story.title}")
        for item in story.items:
            print(f"  {item.article.rsplit('/', 1)[-1]:<28} {item.event_id:<4} {item.summary[:90]}")
        for f in story.figures:
            print(f"      {f.text} {f.unit or ''} | {f.source} | {f.status} | {f.time_frame or '-'}")
        if story.conflicts:
            print(f"  figures differ between sources: {', '.join(story.conflicts)}")


if __name__ == "__main__":
    main(sys.argv[1:])
