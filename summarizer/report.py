"""The daily briefing for people (Markdown) and machines (JSON, schema in `schemas/briefing.schema.json`)."""

from __future__ import annotations

from summarizer.schema import BriefingResult, Storyline


def to_json(briefing: BriefingResult) -> str:
    # pydantic writes the JSON itself: no tree of Python dicts as large as the briefing on the way
    return briefing.model_dump_json(indent=2)


def _counts(briefing: BriefingResult) -> str:
    def n(count: int, word: str) -> str:
        return f"{count} {word}{'' if count == 1 else 's'}"

    return (f"{n(len(briefing.articles), 'article')} summarised, {len(briefing.failed)} failed, "
            f"{n(len(briefing.storylines), 'storyline')} across articles")


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
    out = [f"# Daily briefing, {briefing.generated[:10]}", "", f"{_counts(briefing)}. Claims are attributed to who "
           "makes them; figures are listed as each source gives them."]
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


_CSS = """
body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0 auto;max-width:60rem;padding:1rem;
color:#1b1b1b;background:#fff}
h1{font-size:1.5rem}h2{font-size:1.25rem;border-bottom:1px solid #ddd;padding-bottom:.2rem;margin-top:2rem}
h3{font-size:1.05rem;margin-bottom:.3rem}ul{padding-left:1.2rem}li{margin:.3rem 0}
.status{font-size:.8rem;padding:0 .35rem;border-radius:.3rem;background:#eee;white-space:nowrap}
.asserted{background:#e3f1e6}.claimed{background:#eef0fb}.unverified{background:#fbf3dc}
.disputed,.denied{background:#fbe3e3}.source{color:#555}
table{border-collapse:collapse;width:100%;font-size:.9rem;display:block;overflow-x:auto}
th,td{border:1px solid #ddd;padding:.25rem .4rem;text-align:left;vertical-align:top}
.note{color:#8a4b00}details{margin:.5rem 0}summary{cursor:pointer;font-weight:600}
"""


def to_html(briefing: BriefingResult) -> str:
    """A self-contained page (no external assets, readable on a phone)."""
    from html import escape as e

    def status(s: str) -> str:
        return f'<span class="status {e(s)}">{e(s)}</span>'

    parts = [f"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
             f"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
             f"<title>Daily briefing, {e(briefing.generated[:10])}</title><style>{_CSS}</style></head><body>",
             f"<h1>Daily briefing, {e(briefing.generated[:10])}</h1>",
             f"<p>{e(_counts(briefing))}. Claims are attributed to who makes them; "
             f"figures are listed as each source gives them.</p>"]
    if briefing.storylines:
        parts.append('<h2 id="storylines">Storylines</h2>')
    for story in briefing.storylines:
        parts.append(f'<section class="storyline" id="{e(story.id)}"><h3>{e(story.title)}</h3><ul>')
        for item in story.items:
            where = item.outlet or item.title or item.article
            parts.append(f"<li>{e(item.summary)} {status(item.status)} <span class=\"source\">{e(item.source)}"
                         f"</span> · <a href=\"{e(item.article)}\">{e(where)}</a></li>")
        parts.append("</ul>")
        if story.figures:
            parts.append("<table><thead><tr><th>figure</th><th>unit</th><th>claimed by</th><th>status</th>"
                         "<th>article</th><th>when</th><th>scope</th></tr></thead><tbody>")
            for f in story.figures:
                parts.append(f"<tr><td>{e(f.text)}</td><td>{e(f.unit or '')}</td><td>{e(f.source)}</td>"
                             f"<td>{status(f.status)}</td><td><a href=\"{e(f.article)}\">{e(f.article)}</a></td>"
                             f"<td>{e(f.when or '')}</td><td>{e(f.time_frame or '')}</td></tr>")
            parts.append("</tbody></table>")
        if story.conflicts:
            parts.append(f'<p class="note">Figures differ between sources ({e(", ".join(story.conflicts))}): '
                         "listed as claimed, not resolved.</p>")
        parts.append("</section>")
    parts.append('<h2 id="articles">Articles</h2>')
    for result in briefing.articles:
        a = result.article
        parts.append(f'<details class="article"><summary>{e(a.title or a.path or a.id)}</summary>'
                     f'<p><a href="{e(a.path or "")}">{e(a.path or "")}</a>{" · " + e(a.outlet) if a.outlet else ""}'
                     f"</p><p>{e(result.digest.text)}</p><ul>")
        for ev in result.events:
            parts.append(f"<li>{status(ev.status)} <span class=\"source\">{e(ev.attribution.source)}</span>: "
                         f"{e(ev.summary)}</li>")
        parts.append("</ul></details>")
    if briefing.failed:
        parts.append('<h2 id="failed">Not summarised</h2><ul>')
        parts += [f"<li>{e(f.path)}: {e(f.reason)}</li>" for f in briefing.failed]
        parts.append("</ul>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"
