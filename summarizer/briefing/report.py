"""The daily briefing for people (Markdown, HTML) and machines (JSON, schema in `schemas/briefing.schema.json`).

`write` streams: the storylines and the articles are written one at a time, from
any sized iterables (a briefing passes its `merge.Storylines`, which builds each
storyline when it is read, and its spool, which reads each result back from
disk), so the output of a briefing of any size never sits in memory whole.
`to_json`, `to_markdown` and `to_html` give the same text for a briefing held
in memory.

Markdown and HTML are laid out by the jinja2 templates briefing.md.j2 and
briefing.html.j2 (in summarizer/briefing/templates/), rendered chunk by chunk;
each escapes every value it writes unless the value is marked safe. JSON is
pydantic's, item by item.
"""

from __future__ import annotations

import html
import io
import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Protocol, TextIO, TypeVar

import jinja2
from markupsafe import Markup

from summarizer.schema import ArticleResult, BriefingResult, Dispute, Event, Storyline

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
    if fmt == "json":
        for line in _json(briefing, articles, storylines):
            out.write(line)
            out.write("\n")
        return
    template = _template({"md": "md", "html": "html"}[fmt])
    shown = _Shown(storylines)
    chunks = template.generate(day=briefing.generated[:10], counts=_counts(briefing, articles, storylines),
                               articles=articles, storylines=shown, failed=briefing.failed, listed=shown.listed)
    for chunk in chunks:  # the template reads `articles` and `storylines` as it goes: nothing is held whole
        out.write(chunk)


class _Shown:
    """The storylines, read once in order, remembering the records they show (article, event id), so that an
    article's section lists only what its digest and the storylines above did not already say."""

    def __init__(self, storylines: Stream[Storyline]) -> None:
        self.storylines = storylines
        self.records: set[tuple[str, str]] = set()

    def __len__(self) -> int:
        return len(self.storylines)

    def __iter__(self) -> Iterator[Storyline]:
        for story in self.storylines:
            self.records.update((item.article, item.event_id) for item in story.items)
            yield story

    def listed(self, result: ArticleResult) -> list[Event]:
        """The article's records that neither its digest cites nor a storyline shows."""
        where = result.article.path or result.article.id
        cited = {i for s in result.digest.sentences for i in s.event_ids}
        return [e for e in result.events if (where, e.id) not in self.records and e.id not in cited]


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


# The Markdown and HTML layouts are jinja2 templates in summarizer/briefing/templates/, found by package name.
# Each environment escapes every value a template writes, in its `finalize`, so a template cannot forget to:
# Markdown with `md`, HTML with html.escape. `|safe` (a Markup value) is the explicit exception.


def _md_value(value: object) -> str:
    """Markdown's finalize: `md` (None is empty), except for a Markup value (`|safe`), which is Markdown already."""
    if isinstance(value, Markup):
        return value
    return md(None if value is None else str(value))


def _html_value(value: object) -> Markup:
    """html.escape, not markupsafe's escape (which autoescape would apply): it writes "'" as &#x27; and '"' as
    &quot; where markupsafe writes &#39; and &#34;, and so keeps the page's bytes as they were."""
    if hasattr(value, "__html__"):
        return Markup(value)
    return Markup(html.escape("" if value is None else str(value)))


def sides(dispute: Dispute) -> list[tuple[str, str]]:
    """A dispute's figures side by side: per value, the figure as written and who gives it, with the
    articles that say so ("19", "Ukraine's interior ministry (01_wire.txt, 08_regional.txt)")."""
    by: dict[float, tuple[str, dict[str, list[str]]]] = {}
    for f in dispute.figures:
        _, who = by.setdefault(f.value, (f.text, {}))
        who.setdefault(f.source, []).append(re.split(r"[/\\]", f.article)[-1])
    return [(text, "; ".join(f"{source} ({', '.join(dict.fromkeys(articles))})" for source, articles in who.items()))
            for text, who in by.values()]


@lru_cache(maxsize=None)
def _template(fmt: str) -> jinja2.Template:
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("summarizer.briefing", "templates"),
        undefined=jinja2.StrictUndefined,
        autoescape=fmt == "html",  # Markdown: off, so that no value is HTML-escaped before `md` sees it
        finalize=_html_value if fmt == "html" else _md_value,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    environment.filters["href"] = href
    environment.filters["sides"] = sides
    return environment.get_template(f"briefing.{fmt}.j2")
