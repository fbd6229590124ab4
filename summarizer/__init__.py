"""summarizer: news articles into attributed, grounded event records and a neutral digest.

The data flow, one module per step:
read -> segment (+ boilerplate) -> prompts -> llm -> extract (events) -> digest -> render.
`pipeline.Summarizer` ties them together; `cli` is a thin layer over it.
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["Summarizer", "LLMSettings", "ArticleResult", "__version__"]


def __getattr__(name: str):
    # Lazy: `summarize --help` must not pay for importing openai/instructor.
    if name == "Summarizer":
        from summarizer.pipeline import Summarizer

        return Summarizer
    if name == "LLMSettings":
        from summarizer.llm.settings import LLMSettings

        return LLMSettings
    if name == "ArticleResult":
        from summarizer.schema import ArticleResult

        return ArticleResult
    raise AttributeError(name)
