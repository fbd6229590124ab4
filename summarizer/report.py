"""The daily briefing for people (Markdown) and machines (JSON, schema in `schemas/briefing.schema.json`)."""

from __future__ import annotations

import json

from summarizer.schema import BriefingResult, Storyline


def to_json(briefing: BriefingResult) -> str:
    return json.dumps(briefing.model_dump(mode="json"), ensure_ascii=False, indent=2)


def _cell(text: str | None) -> str:
    return (text or "").replace("|", "\\|").replace("\n", " ")


def _figures_table(story: Storyline) -> list[str]:
    if not story.figures:
        return []
    lines = ["", "| figure | unit | claimed by | status | article | when | scope |", "|---|---|---|---|---|---|---|"]
    for f in story.figures:
        lines.append(f"| {_cell(f.text)} | {_cell(f.unit)} | {_cell(f.source)} | {f.status} | {_cell(f.article)} "
                     f"| {_cell(f.when)} | {_cell(f.time_frame)} |")
    if story.conflicts:
        lines += ["", f"Figures differ between sources ({', '.join(story.conflicts)}): listed as claimed, "
                      "not resolved."]
    return lines


def to_markdown(briefing: BriefingResult) -> str:
    arts, fails = briefing.articles, briefing.failed
    out = [f"# Daily briefing, {briefing.generated[:10]}", "",
           f"{len(arts)} articles summarised, {len(fails)} failed, {len(briefing.storylines)} storylines across "
           f"articles. Claims are attributed to who makes them; figures are listed as each source gives them."]
    if briefing.storylines:
        out += ["", "## Storylines"]
        for story in briefing.storylines:
            out += ["", f"### {story.title}", ""]
            for item in story.items:
                where = item.outlet or item.title or item.article
                out.append(f"- {item.summary} ({item.status}; {item.source}) [{where}]({item.article})")
            out += _figures_table(story)
    out += ["", "## Articles"]
    for result in arts:
        a = result.article
        out += ["", f"### {a.title or a.path}", "", f"[{a.path}]({a.path})" + (f" · {a.outlet}" if a.outlet else "")]
        if result.digest.text:
            out += ["", result.digest.text]
        if result.events:
            out.append("")
            for e in result.events:
                out.append(f"- **{e.status}** · {e.attribution.source}: {e.summary}")
    if fails:
        out += ["", "## Not summarised", ""]
        out += [f"- {f.path}: {f.reason}" for f in fails]
    return "\n".join(out) + "\n"
