"""Render results for people (a terminal view) and machines (JSON, JSON Lines)."""

from __future__ import annotations

import json
from typing import TextIO

from summarizer.schema import ArticleResult

QUOTE_WIDTH = 90


def to_json(result: ArticleResult, *, indent: int | None = 2) -> str:
    return json.dumps(result.model_dump(mode="json"), ensure_ascii=False, indent=indent)


def _short(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def render_text(result: ArticleResult, out: TextIO, *, width: int = 100, color: bool = False) -> None:
    """Digest first, then a table of events with source, status and evidence."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console(file=out, width=width, no_color=not color, highlight=False,
                      force_terminal=color, emoji=False, soft_wrap=False)
    art = result.article
    heading = art.title or art.path or "article"
    console.print(Text(heading, style="bold"))
    meta = [m for m in (art.outlet, art.published, art.language, f"{art.sentences} sentences") if m]
    console.print(Text(" · ".join(meta), style="dim"))
    console.print()
    console.print(Text("Digest", style="bold underline"))
    console.print(Text(result.digest.text or ("(no digest: see `dropped` in --json)" if result.events
                                              else "(no events found, so no digest)")))
    console.print()
    table = Table(title=f"Events ({len(result.events)})", title_justify="left", show_lines=True,
                  expand=True)
    table.add_column("id", no_wrap=True)
    table.add_column("status", no_wrap=True)
    table.add_column("source (cue)", ratio=2)
    table.add_column("event and evidence", ratio=5)
    for e in result.events:
        evidence = "\n".join(f"[{ev.sentence_id}] \"{_short(ev.quote, QUOTE_WIDTH)}\"" for ev in e.evidence)
        contested = f"\ncontested by {', '.join(e.contradicted_by)}" if e.contradicted_by else ""
        contested += f"\nrevised in {e.superseded_by}" if e.superseded_by else ""
        cell = Text(e.summary + contested + "\n")
        cell.append(evidence, style="dim")
        cue = f" ({e.attribution.cue})" if e.attribution.cue else ""
        table.add_row(e.id, e.status, Text(f"{e.attribution.source}{cue}"), cell)
    console.print(table)
    u = result.usage
    if result.dropped:
        console.print(Text(f"Dropped {len(result.dropped)} items (boilerplate or invalid); see --json.",
                           style="dim"))
    console.print(Text(
        f"{result.model} · prompt {result.prompt_version} · {u.llm_calls} LLM calls · "
        f"{u.prompt_tokens}+{u.completion_tokens} tokens · {u.reasks} re-asks · {u.seconds:.1f} s",
        style="dim"))


def render_scores(rows: list, total, out: TextIO, *, width: int = 100, color: bool = False) -> None:
    """The `summarize eval` table: one row per article and the total (`evaluate.Score` objects)."""
    from rich.console import Console
    from rich.table import Table

    def pct(value: float | None) -> str:
        return "-" if value is None else f"{value:.2f}"

    table = Table(title="Evaluation against gold annotations", show_lines=False)
    for name in ("article", "events", "recall", "numbers", "source", "status", "contests", "units", "grounding",
                 "leaks", "loaded", "furniture", "fragments", "untransl.", "calls", "tokens", "s"):
        if name == "article":
            table.add_column(name, no_wrap=True, min_width=max(len(r.article) for r in [*rows, total]))
        else:
            table.add_column(name, justify="right")
    for s in [*rows, total]:
        r = s.rates()
        table.add_row(
            s.article + (" (failed)" if s.error else ""), f"{s.found_events}/{s.gold_events}",
            pct(r["event_recall"]), pct(r["number_recall"]), pct(r["source_accuracy"]), pct(r["status_accuracy"]),
            pct(r["contest_recall"]), pct(r["unit_accuracy"]), pct(r["grounding"]), str(len(s.leaks)),
            str(len(s.loaded_terms)), str(len(s.furniture_records)), str(len(s.fragment_sources)),
            str(len(s.unsupported_translations)), str(s.llm_calls), f"{s.prompt_tokens}+{s.completion_tokens}",
            f"{s.seconds:.1f}", end_section=s is rows[-1])
    digest = Table(title="The digest as a summary", show_lines=False)
    for name in ("article", "words", "story words", "compression", "key events", "disputes together", "quotes",
                 "unattributed"):
        digest.add_column(name, no_wrap=name == "article", justify="left" if name == "article" else "right")
    for s in [*rows, total]:
        r = s.rates()
        digest.add_row(s.article, str(s.digest_words), str(s.story_words), pct(r["compression"]),
                       f"{s.key_covered}/{s.gold_key}", f"{s.disputes_together}/{s.gold_disputes}",
                       str(len(s.digest_quotes)), str(len(s.unattributed)), end_section=s is rows[-1])
    console = Console(file=out, width=width, no_color=not color, highlight=False, force_terminal=color, emoji=False)
    console.print(table)
    console.print(digest)
    for s in rows:
        for label, items in (("error", [s.error] if s.error else []), ("leaked", s.leaks),
                             ("loaded term in the digest's own voice", s.loaded_terms),
                             ("link the gold does not give", s.false_links),
                             ("record from furniture or a note", s.furniture_records),
                             ("source that is no speaker", s.fragment_sources),
                             ("translation its sentence does not support", s.unsupported_translations),
                             ("direct quote in the digest", s.digest_quotes),
                             ("digest sentence that does not name its claim's source", s.unattributed),
                             ("gold", s.misses)):
            for item in items:
                console.print(f"{s.article}: {label}: {item}")
