"""The digest as a summary, over several gold files at once, on recorded answers: one row per gold file.

    .venv/bin/python bench/digest_measures.py fixtures/gold/attribution.yaml fixtures/gold/articles.yaml
    .venv/bin/python bench/digest_measures.py GOLD.yaml:RECORDINGS_DIR ...   # recordings elsewhere
    .venv/bin/python bench/digest_measures.py --digest model fixtures/gold/articles.yaml

Each gold file is scored by `summarize eval GOLD --json --fixtures replay` (its recordings in fixtures/llm unless
given after a colon). Columns: articles, compression (digest words / story words), articles of 300 story words
or more whose digest is over 90 words or over 0.35 of them, key events covered, gold disputes in one digest
sentence, direct quotes, digest sentences citing a claim without naming its source, and whether every digest
also passes the model digest's checks (`digest.DigestAnswer`: both sides of a dispute in one sentence, 85 words,
and each sentence's), which needs each article run once more.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from common import ROOT, replayed_eval

SUMMARIZE = str(Path(sys.executable).with_name("summarize"))


def _failing_checks(gold: str, recordings: str, digest: str) -> int:
    """How many of the gold's articles have a digest that fails the model digest's checks."""
    import yaml

    from summarizer.digest import DigestAnswer, DigestContext
    from summarizer.schema import ArticleResult

    failing = 0
    for article in yaml.safe_load(Path(gold).read_text(encoding="utf-8"))["articles"]:
        path = (Path(gold).parent / article["file"]).resolve()
        out = subprocess.run([SUMMARIZE, str(path), "--json", "--fixtures", "replay", "--fixtures-dir", recordings,
                              "--digest", digest], capture_output=True, text=True, cwd=ROOT)
        result = ArticleResult.model_validate_json(out.stdout)
        answer = {"sentences": [{"text": s.text, "event_ids": s.event_ids} for s in result.digest.sentences]}
        try:
            DigestAnswer.model_validate(answer, context=DigestContext(events={e.id: e for e in result.events}))
        except ValueError:
            failing += 1
    return failing


def main(args: list[str]) -> None:
    digest = "composed"
    if args[:1] == ["--digest"]:
        digest, args = args[1], args[2:]
    print(f"{'gold':40} {'n':>3} {'compr.':>6} {'long over':>9} {'key':>7} {'disputes':>8} {'quotes':>6} "
          f"{'unattr.':>7} {'fail checks':>11}")
    for spec in args:
        gold, _, recordings = spec.partition(":")
        doc = replayed_eval(gold, recordings or None, digest)
        t, articles = doc["total"], doc["articles"]
        long = [a for a in articles if a["story_words"] >= 300]
        over = sum(a["digest_words"] > 90 or a["digest_words"] > 0.35 * a["story_words"] for a in long)
        failing = _failing_checks(gold, recordings or str(ROOT / "fixtures" / "llm"), digest) \
            if "--no-checks" not in sys.argv else "-"
        print(f"{gold[-40:]:40} {len(articles):3} {t['compression'] or 0:6.2f} {f'{over}/{len(long)}':>9} "
              f"{t['key_covered']:>3}/{t['gold_key']:<3} {t['disputes_together']:>4}/{t['gold_disputes']:<3} "
              f"{len(t['digest_quotes']):6} {len(t['unattributed']):7} {failing:>11}")


if __name__ == "__main__":
    main([a for a in sys.argv[1:] if a != "--no-checks"])
