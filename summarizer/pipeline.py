"""The data flow for one article: read -> segment -> extract -> validate -> digest -> result.

This is the library API the CLI stands on:

    from summarizer import Summarizer
    result = Summarizer().summarize_file("article.txt")   # an ArticleResult
"""

from __future__ import annotations

import time
from pathlib import Path

import httpx2

from summarizer import __version__, digest, extract
from summarizer.llm.client import LLM, metering
from summarizer.llm.fixtures import current_source
from summarizer.llm.settings import LLMSettings
from summarizer.prompts import prompt_version, task_messages
from summarizer.read import Article, detect_language, headline_of, read_article
from summarizer.schema import ArticleMeta, ArticleResult, Digest, Dropped
from summarizer.segment import Sentence, headline_ids, number_sentences, segment

EVENTS_MAX_TOKENS = 2048
DIGEST_MAX_TOKENS = 768


class Summarizer:
    """Summarise articles with one LLM configuration (see `LLMSettings.resolve`)."""

    def __init__(self, settings: LLMSettings | None = None, *,
                 transport: httpx2.BaseTransport | None = None) -> None:
        self.settings = settings or LLMSettings.resolve()
        self.llm = LLM(self.settings, transport=transport)

    def summarize_file(self, path: str | Path, **meta) -> ArticleResult:
        return self.summarize(read_article(str(path), **meta))

    def summarize_text(self, text: str, **meta) -> ArticleResult:
        meta.setdefault("title", headline_of(text))
        return self.summarize(Article(text=text, **meta))

    def summarize(self, article: Article) -> ArticleResult:
        started = time.perf_counter()
        token = current_source.set(article.path)
        try:
            with metering() as usage:
                language = article.language or detect_language(article.text)
                sentences = segment(article.text, language)
                by_id = {s.id: s for s in sentences}
                dropped = [Dropped(stage="segment", item=s.text, reason=s.boilerplate)
                           for s in sentences if s.boilerplate]
                headline = headline_ids(sentences, article.title)
                numbered = number_sentences(sentences, headline)
                events, more = self._events(sentences, numbered, {"sentences": by_id, "headline": headline},
                                            article.outlet)
                dropped += more
                article_digest, more = self._digest(numbered, events)
                dropped += more
        finally:
            current_source.reset(token)
        usage.seconds = round(time.perf_counter() - started, 3)
        return ArticleResult(
            article=ArticleMeta(id=article.id, path=article.path, title=article.title,
                                outlet=article.outlet, published=article.published,
                                language=language, sentences=len(sentences)),
            events=events,
            digest=article_digest,
            dropped=dropped,
            usage=usage,
            model=self.settings.model_name,
            prompt_version=prompt_version(),
            tool_version=__version__,
        )

    def _events(self, sentences: list[Sentence], numbered: str, context: dict, outlet: str | None):
        by_id: dict[int, Sentence] = context["sentences"]
        story = [s.id for s in sentences if not s.boilerplate and s.id not in context["headline"]]
        ids = extract.candidates(sentences, context["headline"])
        if not ids:
            return [], []
        messages = task_messages(numbered, "events", candidates=[by_id[i] for i in ids])
        outcome = self.llm.structured(extract.answer_model(ids, story), messages, context=context,
                                      max_tokens=EVENTS_MAX_TOKENS)
        dropped: list[Dropped] = []
        flagged: list[int] = []
        if outcome.value is not None:
            records = extract.records(outcome.value)
            flagged = outcome.value.flagged()
        else:
            records, dropped = extract.salvage(outcome.raw, outcome.error or "", context)
        for i in extract.accept_flags(flagged, by_id, ids):
            dropped.append(Dropped(stage="events", item=by_id[i].text, reason="flagged as page boilerplate by the model"))
        return extract.to_events(records, by_id, outlet), dropped

    def _digest(self, numbered: str, events) -> tuple[Digest, list[Dropped]]:
        if not events:
            return Digest(text="", sentences=[]), []
        if self.settings.digest == "composed":
            return digest.compose(events)
        by_id = {e.id: e for e in events}
        messages = task_messages(numbered, "digest", records=digest.records_for_prompt(events),
                                 min_sentences=digest.MIN_SENTENCES,
                                 max_sentences=min(digest.MAX_SENTENCES, max(2, len(events))))
        outcome = self.llm.structured(digest.answer_model(list(by_id)), messages, context={"events": by_id},
                                      max_tokens=DIGEST_MAX_TOKENS)
        if outcome.value is not None:
            return digest.to_digest(outcome.value), []
        answer, dropped = digest.salvage(outcome.raw, outcome.error or "", by_id)
        if answer is None:
            return Digest(text="", sentences=[]), dropped
        return digest.to_digest(answer), dropped
