"""summarizer: news articles into attributed, grounded event records and a neutral digest.

The data flow, one module per step:
read -> segment (+ boilerplate) -> prompts -> llm -> extract (events) -> digest -> render.
`pipeline.Summarizer` ties them together for one article; `briefing.Briefing` runs it over many
articles and merges the storylines; `cli` is a thin layer over both. docs/modules.md lists every module.

    from summarizer import LLMSettings, Summarizer, read_article

    result = Summarizer(LLMSettings.resolve()).summarize(read_article("article.txt"))
"""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.2.0"

__all__ = ["ArticleResult", "Briefing", "LLMSettings", "Summarizer", "__version__", "read_article"]

if TYPE_CHECKING:
    from summarizer.briefing import Briefing
    from summarizer.llm.settings import LLMSettings
    from summarizer.pipeline import Summarizer
    from summarizer.read import read_article
    from summarizer.schema import ArticleResult

# Lazy: `summarize --help` must not pay for importing openai/instructor.
_LAZY = {"Summarizer": "summarizer.pipeline", "LLMSettings": "summarizer.llm.settings",
         "ArticleResult": "summarizer.schema", "Briefing": "summarizer.briefing", "read_article": "summarizer.read"}


def __getattr__(name: str):
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(name)
