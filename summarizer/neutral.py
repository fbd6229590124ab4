"""Loaded labels (`prompts/loaded_terms.txt`) in a text's own voice, and quoting them as a party's words."""

from __future__ import annotations

import functools
import re

from summarizer.resources import data_dir

# A quotation in any of the marks English text uses: curly, straight and angle double quotes, „German“ ones, and
# single quotes, curly or straight (a straight one opens after no letter and closes before none: "union's" is
# no quote mark). The digest's own voice is what lies outside them.
QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|«[^»]*»|„[^“”]*[“”]|‘[^’]*’|(?<![\w'])'(?=\S)[^'\n]*?(?<=\S)'(?!\w)")


@functools.lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    lines = (data_dir("prompts") / "loaded_terms.txt").read_text(encoding="utf-8").splitlines()
    terms = sorted({t.strip() for t in lines if t.strip() and not t.startswith("#")}, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(t) for t in terms) + r")[\w-]*", re.IGNORECASE)


def loaded_terms(text: str) -> list[str]:
    """The loaded labels `text` uses outside quotation marks, as written."""
    return [m.group(0) for m in _pattern().finditer(QUOTED.sub(lambda m: " " * len(m.group(0)), text))]


def quote_loaded_terms(text: str) -> str:
    """`text` with each loaded label outside quotation marks put in quotation marks (a party's word)."""
    spans = [m.span() for m in QUOTED.finditer(text)]
    inside = lambda i: any(a <= i < b for a, b in spans)  # noqa: E731
    return _pattern().sub(lambda m: m.group(0) if inside(m.start()) else f"“{m.group(0)}”", text)
