"""The data flow for one article, each step a function of the step before:

    read       read_article                   the file -> Article
    segment    Summarizer._prepare            sentences, headline, the candidates of each part (extract.candidates)
    prompt     Summarizer._request            messages + the call's context (its JSON Schema among it)
    LLM        Summarizer._ask                the answer, validated by instructor (validators only check; a
    validate                                  failed check is re-asked); salvage when the re-asks run out
    repair     extract.repair                 the drafts mended by code: sources read from the sentences
    records    extract.to_events              evidence, numbers, names, contests, status, summary
    digest     Summarizer._digest             the digest (composed by code, or a second call, validated)

This is the library API the CLI stands on:

    from summarizer import Summarizer
    result = Summarizer().summarize_file("article.txt")   # an ArticleResult
"""

from __future__ import annotations

import time
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, replace
from pathlib import Path

import httpx2

from summarizer import __version__, compose, digest, extract
from summarizer.errors import LLMError
from summarizer.llm.client import LLM, Outcome, metering
from summarizer.llm.fixtures import current_source
from summarizer.llm.settings import LLMSettings
from summarizer.prompts import prompt_version, task_messages
from summarizer.read import Article, detect_language, headline_of, read_article
from summarizer.schema import ArticleMeta, ArticleResult, Digest, Dropped, Event
from summarizer.segment import Sentence, headline_ids, number_sentences, segment
from summarizer.stages import stage, staged

EVENTS_MAX_TOKENS = 2048
DIGEST_MAX_TOKENS = 768
# Characters of article text per events call. A longer article is split at paragraph ends into parts of at
# most this size, each asked about separately (its own candidates, at most extract.MAX_EVENTS), and the
# records are joined: about 3,000 tokens of English, so a part, the instructions and the answer fit the
# embedded model's 8,192-token context.
PART_CHARS = 12_000
DIGEST_RECORDS = extract.MAX_EVENTS  # records the model's digest may draw on
# Why an article has no records, when no events call was made (listed in `dropped`, said on stderr).
NO_STORY = "every line is page furniture (listed in dropped): no story sentence to report"
NO_FULL_STOP = ("no sentence ends with final punctuation (. ! ? or a closing quote), so each line is read as a "
                "headline or subheading, not an event: end the article's sentences with a full stop")
NOTHING_TO_REPORT = ("no sentence reports an event: each is a headline or subheading, under five words, or only "
                     "says that other claims could not be verified")
DIGEST_FAILED = "the digest call failed: "
DIGEST_COMPOSED = ("no sentence of the model's digest passed its checks after the re-asks: the digest is composed "
                   "by code")


@dataclass
class EventsRequest:
    """One article's events call, as the pipeline would make it."""

    response_model: type
    messages: list[dict]
    context: extract.EventsContext  # the JSON Schema sent with the call, and what the validators check
    max_tokens: int

    @property
    def schema(self) -> dict:
        """The JSON Schema sent with the call (`extract.answer_schema`)."""
        assert self.context.schema is not None  # a request's context always has its schema
        return self.context.schema


@dataclass
class Answered:
    """A validated events answer obtained elsewhere (a batch), with its token counts."""

    value: object
    prompt_tokens: int = 0
    completion_tokens: int = 0


@dataclass
class _Part:
    """The sentences one events call is about: the whole article, or one part of a long one."""

    numbered: str
    story: list[int]
    candidates: list[int]


@dataclass
class _Prepared:
    article: Article
    language: str
    sentences: list[Sentence]
    by_id: dict[int, Sentence]
    context: extract.EventsContext  # the article's: no call's candidates or schema
    parts: list[_Part]
    dropped: list[Dropped]

    @property
    def numbered(self) -> str:
        """What the digest call reads: the article (its first part when it was split)."""
        return self.parts[0].numbered


class Summarizer:
    """Summarise articles with one LLM configuration (see `LLMSettings.resolve`)."""

    def __init__(self, settings: LLMSettings | None = None, *,
                 transport: httpx2.BaseTransport | None = None) -> None:
        self.settings = settings or LLMSettings.resolve()
        self.llm = LLM(self.settings, transport=transport)

    def summarize_file(self, path: str | Path, **meta) -> ArticleResult:
        with stage("read"):
            article = read_article(str(path), **meta)
        return self.summarize(article)

    def summarize_text(self, text: str, **meta) -> ArticleResult:
        meta.setdefault("title", headline_of(text))
        return self.summarize(Article(text=text, **meta))

    def events_request(self, article: Article) -> EventsRequest | None:
        """The events call for `article`, what a batch submits. None when there is no single call to
        submit: no event sentence (no call at all), or an article long enough to be split into parts
        (`summarize` makes one call per part)."""
        p = self._prepare(article)
        return self._request(p, p.parts[0]) if len(p.parts) == 1 and p.parts[0].candidates else None

    @staticmethod
    @staged("prompt")
    def _request(p: _Prepared, part: _Part) -> EventsRequest:
        foreign = p.language != "en"
        schema = extract.answer_schema(part.candidates, part.story, english=foreign)
        return EventsRequest(response_model=extract.answer_model(english=foreign),
                             messages=task_messages(part.numbered, "events", english=foreign,
                                                    candidates=[p.by_id[i] for i in part.candidates]),
                             context=replace(p.context, candidates=part.candidates, schema=schema),
                             max_tokens=EVENTS_MAX_TOKENS)

    def summarize(self, article: Article, *, answered: Answered | None = None) -> ArticleResult:
        """Summarise one article. `answered` supplies the events call's validated answer (from a batch):
        then no events call is made and its tokens are counted as one call."""
        started = time.perf_counter()
        token = current_source.set(article.path)
        try:
            with metering() as usage:
                p = self._prepare(article)
                if answered is not None:
                    usage.llm_calls += 1
                    usage.prompt_tokens += answered.prompt_tokens
                    usage.completion_tokens += answered.completion_tokens
                drafts, more = self._validated_drafts(p, answered)  # prompt -> LLM -> validate
                events = self._records(p, drafts)  # repair -> records
                dropped = p.dropped + more + _nothing_asked(p)
                article_digest, more = self._digest(p, events)
                dropped += more
        finally:
            current_source.reset(token)
        usage.seconds = round(time.perf_counter() - started, 3)
        return ArticleResult(
            article=ArticleMeta(id=article.id, path=article.path, title=article.title,
                                outlet=article.outlet, published=article.published,
                                language=p.language, sentences=len(p.sentences), note=article.note),
            events=events,
            digest=article_digest,
            dropped=dropped,
            usage=usage,
            model=self.settings.model_name,
            prompt_version=prompt_version(),
            tool_version=__version__,
        )

    @staged("segment")
    def _prepare(self, article: Article) -> _Prepared:
        language = article.language or detect_language(article.text)
        sentences = segment(article.text, language)
        by_id = {s.id: s for s in sentences}
        headline = headline_ids(sentences, article.title)
        parts = []
        for chunk in split_parts(sentences, headline):
            part = [*(by_id[i] for i in sorted(headline)), *chunk]
            parts.append(_Part(numbered=number_sentences(part, headline),
                               story=[s.id for s in chunk if not s.boilerplate],
                               candidates=extract.candidates(part, headline, language=language)))
        return _Prepared(
            article=article, language=language, sentences=sentences, by_id=by_id,
            context=extract.EventsContext(sentences=by_id, headline=headline, language=language), parts=parts,
            dropped=[Dropped(stage="segment", item=s.text, reason=s.boilerplate) for s in sentences if s.boilerplate],
        )

    @staged("parse/validate")
    def _validated_drafts(self, p: _Prepared, answered: Answered | None
                          ) -> tuple[dict[int, extract.EventDraft], list[Dropped]]:
        """prompt -> LLM -> validate, for each part of the article: the validated drafts by sentence id, as the
        model wrote them (the valid ones of the last answer when the re-asks ran out: `extract.salvage`), and
        what was dropped."""
        drafts: dict[int, extract.EventDraft] = {}
        dropped: list[Dropped] = []
        failed: Outcome | None = None
        for part in p.parts:
            if not part.candidates:
                continue
            outcome = self._ask(p, part, answered)
            flagged: list[int] = []
            if outcome.value is not None:
                drafts.update(outcome.value.drafts())
                flagged = outcome.value.flagged()
            else:
                kept, lost = extract.salvage(outcome.raw, outcome.error or "",
                                             replace(p.context, candidates=part.candidates))
                drafts.update(kept)
                dropped += lost
                if not kept:
                    failed = outcome
            for i in extract.accept_flags(flagged, p.by_id, part.candidates):
                dropped.append(Dropped(stage="events", item=p.by_id[i].text,
                                       reason="flagged as page boilerplate by the model"))
        if failed is not None and not drafts:  # not one usable record: an error, not an empty result
            raise LLMError(f"the model's answers never validated ({failed.attempts} tries): {failed.error}",
                           attempts=failed.attempts, last_completion=failed.raw)
        return drafts, dropped

    def _ask(self, p: _Prepared, part: _Part, answered: Answered | None) -> Outcome:
        """The events call about `part`: the model's answer, validated against the call's context (re-asked
        while it fails, up to the settings' limit); or the answer a batch already validated."""
        if answered is not None:  # a batch answers single-part articles only (see events_request)
            return Outcome(value=answered.value)
        request = self._request(p, part)
        return self.llm.structured(request.response_model, request.messages, context=request.context,
                                   max_tokens=request.max_tokens)

    @staged("parse/validate")
    def _records(self, p: _Prepared, drafts: dict[int, extract.EventDraft]) -> list[Event]:
        """repair -> records: the validated drafts mended by code (`extract.repair`: plain values), then the
        event records (`extract.to_events`)."""
        repaired = extract.repair(drafts, p.context)
        return extract.to_events(repaired, p.by_id, p.article.outlet, p.language)

    @staged("digest")
    def _digest(self, p: _Prepared, events) -> tuple[Digest, list[Dropped]]:
        if not events:
            return Digest(text="", sentences=[]), []
        story_words = sum(len(s.text.split()) for s in p.sentences if not s.boilerplate)
        if self.settings.digest == "composed":
            return compose.compose(events, p.language, story_words)
        events = events[:DIGEST_RECORDS]  # a long article's leading records: the prompt stays bounded
        by_id = {e.id: e for e in events}
        messages = task_messages(p.numbered, "digest", records=digest.records_for_prompt(events),
                                 min_sentences=digest.MIN_SENTENCES,
                                 max_sentences=min(digest.MAX_SENTENCES, max(2, len(events))),
                                 max_words=compose.MAX_WORDS)
        try:
            outcome = self.llm.structured(digest.DigestAnswer, messages,
                                          context=digest.call_context(by_id),
                                          max_tokens=DIGEST_MAX_TOKENS)
        except LLMError as exc:  # the records are valid without it: kept, and the failure said in `dropped`
            return Digest(text="", sentences=[]), [Dropped(stage="digest", item="the model's digest",
                                                           reason=DIGEST_FAILED + exc.one_line())]
        if outcome.value is not None:
            return digest.to_digest(outcome.value), []
        answer, dropped = digest.salvage(outcome.raw, outcome.error or "", by_id)
        if answer is None:  # no sentence passed the checks: the digest code composes, which passes them
            composed, more = compose.compose(events, p.language, story_words)
            return composed, [*dropped, *more, Dropped(stage="digest", item="the model's digest",
                                                       reason=DIGEST_COMPOSED)]
        return digest.to_digest(answer), dropped


def _nothing_asked(p: _Prepared) -> list[Dropped]:
    """When no sentence of the article was a candidate (no events call), why, as a `dropped` entry naming its
    lines; an article of page furniture alone has each line in `dropped` already."""
    if any(part.candidates for part in p.parts):
        return []
    lines = [s for s in p.sentences if not s.boilerplate]
    if not lines:
        return []
    unended = all(s.text.rstrip()[-1:] not in extract._CLOSING for s in lines)
    return [Dropped(stage="events", item=" ".join(s.text for s in lines)[:300],
                    reason=NO_FULL_STOP if unended else NOTHING_TO_REPORT)]


def warnings(result: ArticleResult) -> list[str]:
    """What a user should be told about a result that is not a failure: why it has no records, or that its
    digest call failed (the records are kept)."""
    said = []
    if not result.events:
        said.append("no event records: " + next((d.reason for d in result.dropped if d.stage == "events" and d.reason
                                                 in (NO_FULL_STOP, NOTHING_TO_REPORT)), NO_STORY))
    said += [f"{d.reason} (the records are kept, with no digest)" for d in result.dropped
             if d.stage == "digest" and d.reason.startswith(DIGEST_FAILED)]
    return said


def split_parts(sentences: list[Sentence], headline: AbstractSet[int] = frozenset(),
                limit: int = PART_CHARS) -> list[list[Sentence]]:
    """The article's sentences (headline left out) in consecutive parts of at most `limit` characters,
    split at paragraph ends (a paragraph longer than `limit` is split between sentences)."""
    paragraphs: list[list[Sentence]] = []
    for s in sentences:
        if s.id in headline:
            continue
        if paragraphs and paragraphs[-1][-1].paragraph == s.paragraph:
            paragraphs[-1].append(s)
        else:
            paragraphs.append([s])
    units = [unit for para in paragraphs for unit in ([para] if _size(para) <= limit else [[s] for s in para])]
    parts: list[list[Sentence]] = [[]]
    size = 0
    for unit in units:
        if parts[-1] and size + _size(unit) > limit:
            parts.append([])
            size = 0
        parts[-1] += unit
        size += _size(unit)
    return parts


def _size(sentences: list[Sentence]) -> int:
    return sum(len(s.text) + 8 for s in sentences)  # each with "[id] " and a line break
