"""The daily briefing for people (Markdown, HTML) and machines (JSON, schema in `schemas/briefing.schema.json`).

`write` streams: the storylines and the articles are written one at a time, from
any sized iterables (a briefing passes its `merge.Storylines`, which builds each
storyline when it is read, and its spool, which reads each result back from
disk), so the output of a briefing of any size never sits in memory whole.
`to_json`, `to_markdown` and `to_html` give the same text for a briefing held
in memory.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from typing import Protocol, TextIO, TypeVar

from summarizer.schema import ArticleResult, BriefingResult, Storyline

T_co = TypeVar("T_co", covariant=True)


class Stream(Protocol[T_co]):
    """What to write, read once in order: a list, a briefing's spool (articles) or its `Storylines`."""

    def __len__(self) -> int: ...

    def __iter__(self) -> Iterator[T_co]: ...


def write(fmt: str, briefing: BriefingResult, out: TextIO, articles: Stream[ArticleResult] | None = None,
          storylines: Stream[Storyline] | None = None) -> None:
    """Write the briefing as `fmt` (md, html or json) to `out`. `articles` and `storylines` (default: the
    briefing's own) are each read once, in order."""
    articles = briefing.articles if articles is None else articles
    storylines = briefing.storylines if storylines is None else storylines
    lines = {"md": _markdown, "html": _html, "json": _json}[fmt](briefing, articles, storylines)
    for line in lines:
        out.write(line)
        out.write("\n")


def _text(fmt: str, briefing: BriefingResult) -> str:
    out = io.StringIO()
    write(fmt, briefing, out)
    return out.getvalue()


def to_json(briefing: BriefingResult) -> str:
    return _text("json", briefing)


def to_markdown(briefing: BriefingResult) -> str:
    return _text("md", briefing)


def to_html(briefing: BriefingResult) -> str:
    """A self-contained page (no external assets, readable on a phone)."""
    return _text("html", briefing)


def _json(briefing: BriefingResult, articles: Stream[ArticleResult], storylines: Stream[Storyline]
          ) -> Iterator[str]:
    """What `briefing.model_dump_json(indent=2)` gives with these articles and storylines, written by pydantic
    one item at a time (the rest of the document has both lists empty, and the items go in their place)."""
    rest = briefing.model_copy(update={"articles": [], "storylines": []}).model_dump_json(indent=2)
    pending = ""
    for name, items in (("articles", articles), ("storylines", storylines)):
        # the first match is the field: only schema_version and generated come before "articles", and
        # a string value cannot hold the text unescaped
        before, rest = rest.split(f'"{name}": []', 1)
        if not items:
            pending += before + f'"{name}": []'
            continue
        yield pending + before + f'"{name}": ['
        last = len(items) - 1
        for i, item in enumerate(items):
            yield _indented(item.model_dump_json(indent=2)) + ("," if i < last else "")
        pending = "  ]"
    yield pending + rest


def _indented(text: str) -> str:
    """Four spaces before each line of pydantic's JSON. Its lines end in "\n" only (a string's own newlines
    are escaped); textwrap.indent would also split at U+2028, U+2029 and U+0085, which JSON leaves as they
    are, and put spaces inside the string."""
    return "\n".join("    " + line for line in text.split("\n"))


def _counts(briefing: BriefingResult, articles: Stream[ArticleResult], storylines: Stream[Storyline]) -> str:
    def n(count: int, word: str) -> str:
        return f"{count} {word}{'' if count == 1 else 's'}"

    return (f"{n(len(articles), 'article')} summarised, {len(briefing.failed)} failed, "
            f"{n(len(storylines), 'storyline')} across articles")


def href(path: str | None) -> str:
    """A link to an article that can only be what it says: an http(s) URL as it is, else the file's path as a
    relative reference, each part percent-encoded. A colon is encoded, so no file name is a scheme
    ("javascript:alert(1).txt" is the file "javascript%3Aalert%281%29.txt", never script); leading slashes
    are one, so "//host/a.txt" is no link to another host."""
    from urllib.parse import quote, urlsplit

    path = path or ""
    try:
        parts = urlsplit(path)
    except ValueError:
        parts = None
    if parts is not None and parts.scheme.lower() in ("http", "https") and parts.netloc \
            and path.isprintable() and not any(c.isspace() for c in path):
        return quote(path, safe="/:?#[]@!$&'()*+,;=%~-._")  # stray characters encoded, the URL kept
    return quote("/" + path.lstrip("/") if path.startswith("/") else path, safe="/")


# Markdown: what article text may hold that a renderer would read as markup. "<", ">" and "&" become entities
# (no raw HTML, autolink or entity passes, whatever the renderer); the rest is backslash-escaped.
_MD_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_MD_PUNCTUATION = set("\\`*_[]|~")  # "[" and "]" escaped: no "(...)" after them makes a link
_MD_LINE_START = re.compile(r"^(\s*)(?:([#+=-])|(\d+)([.)]))")


def md(text: str | None) -> str:
    """Article text (a title, a summary, a source, a digest) as Markdown that shows it and does nothing else:
    one line, no raw HTML (`<script>`, `<img onerror=...>`), no link or image (`[x](javascript:...)`), no
    emphasis, code, table cell break, heading or list of its own."""
    out = []
    for c in " ".join((text or "").split()):
        out.append(_MD_ENTITIES.get(c) or ("\\" + c if c in _MD_PUNCTUATION else c))
    return _MD_LINE_START.sub(lambda m: m.group(1) + ("\\" + m.group(2) if m.group(2) else m.group(3) + "\\"
                                                                       + m.group(4)), "".join(out), count=1)


def _cell(text: str | None) -> str:
    return md(text)


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


def _markdown(briefing: BriefingResult, articles: Stream[ArticleResult], storylines: Stream[Storyline]
              ) -> Iterator[str]:
    yield from [f"# Daily briefing, {briefing.generated[:10]}", "", f"{_counts(briefing, articles, storylines)}. "
                "Claims are attributed to who makes them; figures are listed as each source gives them."]
    if storylines:
        yield from ["", "## Storylines"]
        for story in storylines:
            yield from ["", f"### {md(story.title)}", ""]
            for item in story.items:
                where = item.outlet or item.title or item.article
                yield f"- {md(item.summary)} ({item.status}; {md(item.source)}) [{md(where)}](<{href(item.article)}>)"
            yield from _figures_table(story)
    yield from ["", "## Articles"]
    for result in articles:
        a = result.article
        yield from ["", f"### {md(a.title or a.path)}", ""]
        yield f"[{md(a.path)}](<{href(a.path)}>)" + (f" · {md(a.outlet)}" if a.outlet else "")
        if result.digest.text:
            yield from ["", md(result.digest.text)]
        if result.events:
            yield ""
            for e in result.events:
                yield f"- **{e.status}** · {md(e.attribution.source)}: {md(e.summary)}"
    if briefing.failed:
        yield from ["", "## Not summarised", ""]
        yield from (f"- {md(f.path)}: {md(f.reason)}" for f in briefing.failed)


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


def _html(briefing: BriefingResult, articles: Stream[ArticleResult], storylines: Stream[Storyline]
          ) -> Iterator[str]:
    from html import escape as e

    def status(s: str) -> str:
        return f'<span class="status {e(s)}">{e(s)}</span>'

    day = e(briefing.generated[:10])
    yield (f"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
           f"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
           f"<title>Daily briefing, {day}</title><style>{_CSS}</style></head><body>")
    yield f"<h1>Daily briefing, {day}</h1>"
    yield (f"<p>{e(_counts(briefing, articles, storylines))}. Claims are attributed to who makes them; "
           f"figures are listed as each source gives them.</p>")
    if storylines:
        yield '<h2 id="storylines">Storylines</h2>'
    for story in storylines:
        yield f'<section class="storyline" id="{e(story.id)}"><h3>{e(story.title)}</h3><ul>'
        for item in story.items:
            where = item.outlet or item.title or item.article
            yield (f"<li>{e(item.summary)} {status(item.status)} <span class=\"source\">{e(item.source)}"
                   f"</span> · <a href=\"{e(href(item.article))}\">{e(where)}</a></li>")
        yield "</ul>"
        if story.figures:
            yield ("<table><thead><tr><th>figure</th><th>unit</th><th>claimed by</th><th>status</th>"
                   "<th>article</th><th>when</th><th>scope</th></tr></thead><tbody>")
            for f in story.figures:
                yield (f"<tr><td>{e(f.text)}</td><td>{e(f.unit or '')}</td><td>{e(f.source)}</td>"
                       f"<td>{status(f.status)}</td><td><a href=\"{e(href(f.article))}\">{e(f.article)}</a></td>"
                       f"<td>{e(f.when or '')}</td><td>{e(f.time_frame or '')}</td></tr>")
            yield "</tbody></table>"
        if story.conflicts:
            yield (f'<p class="note">Figures differ between sources ({e(", ".join(story.conflicts))}): '
                   "listed as claimed, not resolved.</p>")
        yield "</section>"
    yield '<h2 id="articles">Articles</h2>'
    for result in articles:
        a = result.article
        yield (f'<details class="article"><summary>{e(a.title or a.path or a.id)}</summary>'
               f'<p><a href="{e(href(a.path))}">{e(a.path or "")}</a>{" · " + e(a.outlet) if a.outlet else ""}'
               f"</p><p>{e(result.digest.text)}</p><ul>")
        for ev in result.events:
            yield (f"<li>{status(ev.status)} <span class=\"source\">{e(ev.attribution.source)}</span>: "
                   f"{e(ev.summary)}</li>")
        yield "</ul></details>"
    if briefing.failed:
        yield '<h2 id="failed">Not summarised</h2><ul>'
        yield from (f"<li>{e(f.path)}: {e(f.reason)}</li>" for f in briefing.failed)
        yield "</ul>"
    yield "</body></html>"
