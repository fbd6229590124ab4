"""The Markdown and HTML reports come from templates: article text cannot subvert them, and `write` streams."""

import html
import io
from html.parser import HTMLParser

import pytest
from fakes import article_result, event
from markdown_it import MarkdownIt

from summarizer.briefing import report
from summarizer.briefing.report import href, md, to_html, to_markdown, write
from summarizer.schema import (
    BriefingResult,
    Digest,
    DigestSentence,
    Dispute,
    FailedArticle,
    Figure,
    Storyline,
    StorylineItem,
    Usage,
)

LINK = "[x](javascript:alert(1))"
SCRIPT = "<script>alert(1)</script>"
JINJA = "{{ 7*7 }} {% if true %}IF{% endif %} {# gone #}"
# everything a value could use to make markup of its own: a link, an image, an autolink, raw HTML, a table cell
# break, emphasis, code, jinja syntax (it must stay text: values are data, never a template), new lines that
# would start a heading, a list or a table row
HOSTILE = (f"{LINK} ![img](javascript:alert(2)) <javascript:alert(3)> {SCRIPT} <img src=x onerror=alert(4)> "
           f"</td><td>cell a | b *em* **strong** _u_ `code` ~~s~~ {JINJA} &amp; \"q\" 'q'\n# Heading\n- item\n"
           "| c | d |\n1. one")
PATHS = [f"javascript:alert(1) {SCRIPT} </td>|*`x`*.txt", "//evil.example/[x](javascript:alert(1))\n.txt",
         "https://example.org/a b<script>?q=1&r=</td>"]
GENERATED = "2026-11-21T08:00:00+00:00"


def _hostile(text: str = HOSTILE) -> BriefingResult:
    """A briefing with `text` in every article-derived value: titles, outlets, sources, summaries (and so their
    evidence quotes), digests, paths, storyline titles, figures, conflicts, failures."""
    articles = []
    for n, path in enumerate(PATHS):
        result = article_result(path, [event(1, f"{text} {n}", f"{text} source", [("19", 19.0, text)]),
                                       event(2, f"{text} more {n}", f"{text} source")])  # in no storyline
        result.article.title = None if n == 2 else f"{text} title"  # the third is titled by its path
        result.article.outlet = f"{text} outlet"
        result.digest = Digest(text=f"{text} digest")
        articles.append(result)
    items = [StorylineItem(article=r.article.path, title=r.article.title, outlet=o, event_id="e1",
                           summary=r.events[0].summary, source=r.events[0].attribution.source, status="claimed")
             for r, o in zip(articles, (f"{text} outlet", None, None), strict=True)]
    figures = [Figure(text=text, value=19.0, unit=text, source=text, status="disputed", article=r.article.path,
                      event_id="e1", when=text, time_frame=text) for r in articles]
    story = Storyline(id="s1", title=f"{text} story", summary=f"{text} summary", items=items, figures=figures,
                      conflicts=[text],
                      disputes=[Dispute(quantity=text, figures=figures)])
    return BriefingResult(generated=GENERATED, articles=articles, storylines=[story],
                          failed=[FailedArticle(path=text, reason=text)], usage=Usage(), tool_version="0")


# -- HTML ------------------------------------------------------------------------------------------------------

class _Page(HTMLParser):
    """The elements, attributes and text of a page, as a browser's tokenizer sees them."""

    def __init__(self, page: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str]] = []
        self.rows: list[int] = []
        self.text: list[str] = []
        self.feed(page)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs.extend((k, v or "") for k, v in attrs)
        if tag == "tr":
            self.rows.append(0)
        elif tag in ("td", "th"):
            self.rows[-1] += 1

    def handle_data(self, data):
        self.text.append(data)


HTML_TAGS = {"html", "head", "meta", "title", "style", "body", "h1", "h2", "h3", "p", "section", "ul", "li", "span",
             "a", "table", "thead", "tbody", "tr", "th", "td", "details", "summary", "strong"}


def test_article_text_in_the_html_briefing_is_text_and_makes_no_element_attribute_or_link():
    briefing = _hostile()
    page = _Page(to_html(briefing))
    assert "script" not in page.tags and "img" not in page.tags
    assert set(page.tags) <= HTML_TAGS
    assert not [k for k, _ in page.attrs if k.startswith("on")]
    hrefs = [v for k, v in page.attrs if k == "href"]
    # a link per storyline item, per figure and per article, each made by href() from the article's path
    assert hrefs == [href(p) for p in PATHS] * 3
    assert not [h for h in hrefs if h.lower().lstrip().startswith(("javascript:", "//"))]
    assert page.tags.count("section") == 1 and page.tags.count("details") == 3
    assert page.tags.count("li") == 3 + 1 + 3 + 1  # storyline items, its dispute, the articles' records, the failure
    assert page.rows == [7] * 4  # the header and one row a figure: no "</td>" in a value opened a cell
    text = "".join(page.text)
    assert SCRIPT in text and LINK in text and "</td><td>cell" in text  # shown as text, as it was written
    assert "{{ 7*7 }}" in text and "{% if true %}IF{% endif %} {# gone #}" in text and "49" not in text
    assert f"{HOSTILE}: {HOSTILE}, {HOSTILE} (" in text  # the dispute: quantity, figure, who gives it
    assert text.count(PATHS[0]) == 2  # as a figure's article and as its article's link, as it is


def test_the_html_environment_escapes_every_value_unless_marked_safe():
    environment = report._template("html").environment
    assert environment.autoescape is True
    render = environment.from_string("<p title='{{ x }}'>{{ x }}{{ y|safe }}</p>").render
    assert render(x=SCRIPT + "'\"", y="<b>ok</b>") == (f"<p title='{html.escape(SCRIPT)}&#x27;&quot;'>"
                                                      f"{html.escape(SCRIPT)}&#x27;&quot;<b>ok</b></p>")


# -- Markdown ----------------------------------------------------------------------------------------------------

def _renderers():
    """CommonMark, and GFM with tables, both passing raw HTML through (as many renderers do) and taking any link
    target (markdown-it drops javascript: ones itself, others do not): what the text makes is what it says."""
    for renderer in (MarkdownIt("commonmark", {"html": True}), MarkdownIt("gfm-like", {"html": True,
                                                                                      "linkify": False})):
        renderer.validateLink = lambda url: True
        yield renderer


def _tokens(renderer: MarkdownIt, text: str):
    for token in renderer.parse(text):
        yield token
        yield from token.children or ()


def test_article_text_in_the_markdown_briefing_is_text_and_makes_no_link_html_or_structure():
    briefing = _hostile()
    text = to_markdown(briefing)
    assert "\n# Heading" not in text and "\n- item" not in text  # new lines in values are spaces
    for renderer in _renderers():
        tokens = list(_tokens(renderer, text))
        types = {t.type for t in tokens}
        assert not types & {"html_inline", "html_block", "image", "code_inline", "code_block", "fence", "em_open",
                            "s_open", "hr"}, types
        links = [t.attrGet("href") for t in tokens if t.type == "link_open"]
        # the links the template makes, to each storyline item's and each article's file: no other
        assert links == [renderer.normalizeLink(href(p)) for p in PATHS] * 2, links
        assert [t.tag for t in tokens if t.type == "heading_open"] == ["h1", "h2", "h3", "h2"] + ["h3"] * 3 + ["h2"]
        assert sum(t.type == "strong_open" for t in tokens) == 3 + 1  # the template's **status**, the disputed figure
        assert sum(t.type == "list_item_open" for t in tokens) == 3 + 1 + 3 + 1  # and the dispute
        if renderer.get_active_rules()["block"].count("table"):
            rows = [t for t in tokens if t.type in ("tr_open", "th_open", "td_open")]
            cells = [sum(1 for _ in group) for group in _cells(rows)]
            assert cells == [7] * 4, cells  # no "|" in a value split a cell
        page = renderer.render(text)
        assert "<script" not in page and "<img" not in page and 'href="javascript:' not in page.lower()
        assert html.escape(SCRIPT, quote=False) in page and html.escape("</td><td>cell", quote=False) in page
        assert html.escape(LINK, quote=False) in page and "a | b *em* **strong** _u_ `code` ~~s~~" in page
        assert html.escape(JINJA, quote=False) in page and "49" not in page  # values are never a template


def _cells(rows):
    group = None
    for token in rows:
        if token.type == "tr_open":
            if group is not None:
                yield group
            group = []
        else:
            group.append(token)
    if group is not None:
        yield group


def test_markdown_values_are_escaped_by_the_environment_unless_marked_safe():
    environment = report._template("md").environment
    render = environment.from_string("{{ x }} {{ y|safe }} {{ z }}").render
    assert render(x=HOSTILE, y="[ok](<a.txt>)", z=None) == f"{md(HOSTILE)} [ok](<a.txt>) "
    assert md(HOSTILE) != HOSTILE.replace("\n", " ")


def test_a_plain_briefing_is_as_before():
    """A value with nothing to escape is written as it is."""
    a = article_result("a.txt", [event(1, "Plain summary.", "the ministry")])
    a.article.title, a.article.outlet, a.digest = "Plain title", "Outlet", Digest(text="Digest.")
    briefing = BriefingResult(generated=GENERATED, articles=[a], usage=Usage(), tool_version="0")
    assert to_markdown(briefing) == (
        "# Daily briefing, 2026-11-21\n\n1 article summarised, 0 failed, 0 storylines across articles. Claims are "
        "attributed to who makes them; figures are listed as each source gives them.\n\n## Articles\n\n"
        "### Plain title\n\n[a.txt](<a.txt>) · Outlet\n\nDigest.\n\n- **claimed** · the ministry: Plain summary.\n")


# -- streaming ---------------------------------------------------------------------------------------------------

class _OneShot:
    """A stream that can be read once (as a spool is), noting how much was written by when each item was read."""

    def __init__(self, items, out: io.StringIO):
        self._items, self._out = items, out
        self.read_at: list[int] = []
        self.iterations = 0

    def __len__(self):
        return len(self._items)

    def __iter__(self):
        self.iterations += 1
        assert self.iterations == 1, "read twice"
        for item in self._items:
            self.read_at.append(len(self._out.getvalue()))
            yield item


@pytest.mark.parametrize("fmt", ["md", "html", "json"])
def test_write_reads_articles_and_storylines_once_each_as_it_writes_them(fmt):
    whole = _hostile("plain text")
    out = io.StringIO()
    articles, stories = _OneShot(whole.articles, out), _OneShot(whole.storylines, out)
    write(fmt, whole.model_copy(update={"articles": [], "storylines": []}), out, articles=articles,
          storylines=stories)
    assert articles.iterations == stories.iterations == 1
    assert out.getvalue() == {"md": to_markdown, "html": to_html, "json": report.to_json}[fmt](whole)
    # each article is read only after the one before it was written: nothing is held to be written later
    assert len(articles.read_at) == 3
    first, second = articles.read_at[0], articles.read_at[1]
    assert first < second and "plain text digest" in out.getvalue()[first:second]


def test_an_article_section_lists_only_records_its_digest_and_the_storylines_did_not_show():
    results = [article_result(path, [event(1, f"Strike kills 19 in {place}, the ministry said.", "the ministry"),
                                     event(2, f"Schools in {place} closed on Monday, the mayor said.", "the mayor"),
                                     event(3, f"Rain is forecast in {place}, the weather service said.", "service")])
               for path, place in (("a.txt", "Ashdale"), ("b.txt", "Brindle"))]
    third = results[0].events[2].summary.rstrip(".")
    results[0].digest = Digest(text=f"{third}, it said.", sentences=[DigestSentence(text=f"{third}, it said.",
                                                                                    event_ids=["e3"])])  # cites e3
    items = [StorylineItem(article=r.article.path, event_id="e1", summary=r.events[0].summary, source="the ministry",
                           status="claimed") for r in results]
    story = Storyline(id="s1", title="Strikes", summary="Reported by a.txt and b.txt.", items=items)
    briefing = BriefingResult(generated=GENERATED, articles=results, storylines=[story], usage=Usage(),
                              tool_version="0")
    for text in (to_markdown(briefing), to_html(briefing)):
        assert text.count("Strike kills 19 in Ashdale") == 1 and text.count("Rain is forecast in Ashdale") == 1
        assert text.count("Schools in Ashdale") == 1 and text.count("Rain is forecast in Brindle") == 1
        assert "2 of its 3 records are in its digest or a storyline above." in text
        assert "1 of its 3 records are in its digest or a storyline above." in text
        assert "Reported by a.txt and b.txt." in text
