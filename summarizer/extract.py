"""Extract event records: code picks the sentences, the model says who claims what, code fills the rest.

1. `candidates` picks the article's event sentences deterministically: story
   sentences (no boilerplate, not the headline) that report something, with a
   figure or an attribution ranked first, at most MAX_EVENTS, in article order.
2. The model answers one record per candidate: an object whose keys are the
   candidates' ids, in order (`answer_schema`, the call's `EventsContext`).
   With a grammar-constrained model the keys are forced, so a small model
   cannot loop over the same sentences. It writes who says it (source, cue,
   source type), the status and which sentences' claims it contradicts;
   nothing it writes is a quote, a number or a paraphrase that could drift
   from the article.
3. Validators only check what the model wrote against the article (a record
   for every candidate, contested ids that are story sentences, fields within
   their bounds) and raise what to fix: instructor sends it back to the model
   (a re-ask). They leave the answer as the model wrote it. When the re-asks
   run out, `salvage` keeps the records that pass the same checks.
4. `repair` then mends, as plain values (`RepairedDraft`), what code reads
   better than a small model, instead of re-asking: the source is read from
   the sentence's own words in its language (`resolve_source`,
   `attribution.py`), a back reference resolves to the source named before, a
   sentence with no attribution is the outlet's own voice; a record contests
   each sentence once, and never its own.
5. `to_events` turns the repaired drafts into records: verbatim evidence
   quotes, numbers as written, names and times found by code; contests linked
   by code (`contests.py`: different figures of one quantity, a denial and
   what it answers); a note that claims could not be verified joins their
   evidence; the summary is the sentence (or its English translation, where it
   is one) naming who speaks.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Collection
from dataclasses import dataclass, field, replace
from typing import Annotated, NamedTuple, cast

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    create_model,
    model_validator,
)

from summarizer.attribution import (
    attributed,
    is_speaker,
    opening_subject,
    parse_attribution,
    quoted_spans,
    speaker_before,
)
from summarizer.clauses import (
    SLOTS,
    clause_figures,
    clause_sentences,
    elided_speaker,
    embedded_speaker,
    own_words,
    sentence_of,
    without_contrast,
)
from summarizer.clauses import split as split_clauses
from summarizer.contests import (
    TOLLS,
    Claim,
    answers_previous,
    areas_named,
    cumulative_counts,
    earlier_counts,
    earlier_occasions,
    figure_places_of,
    figures_of,
    head_figures,
    held,
    link_contests,
    opens_incident,
    own_figures,
    party_of,
    previous_sentence,
    quantities,
    relayed_figures,
    revisions,
    two_sided,
    verification_notes,
    victims_of,
    years_of,
)
from summarizer.contests import is_note as is_verification_note
from summarizer.language import is_back_attribution, is_hedged, is_verification, lexicon
from summarizer.names import ends_with_person, names_of, when_of
from summarizer.numbers import extract_numbers
from summarizer.presented import bare_quotation, colon_presented, presented_speaker
from summarizer.schema import Attribution, Dropped, Event, Evidence, Number, SourceType, Status
from summarizer.segment import Sentence
from summarizer.sources import is_back_reference, mentions, same_source, source_type_of
from summarizer.translation import supported_translation
from summarizer.validate import (
    CallContext,
    CallSchema,
    at_most,
    complete_members,
    context_of,
    schema_of,
    short_errors,
    with_items,
)

MAX_EVENTS = 14
MIN_EVENTS = 5  # a short article's records, even without figures or attributions
LEAD_WORDS = 15  # a story's first sentence is a record whatever it holds when it has this many words
SHORT_LEAD_WORDS = 8  # or this many and a name in it (`_tells_story`)
MAX_FLAGGED = 5  # sentences the model may flag as boilerplate
FLAGGABLE_WORDS = 15  # longer sentences are story text, whatever a model flags
OUTLET_SOURCES = {"the outlet", "outlet", "reporter", "the reporter", "the article", "article"}
_WORDS = re.compile(r"\w+")
_CLOSING = tuple(".!?\"”’»)“«")  # German quotes close with “ and «
# "KYIV, Ukraine — ", "MOSCOW - ", "WASHINGTON (Reuters) - ", "PARIS, 29 avril (Reuters) - ": where the story was
# filed, not what it says.
DATELINE = re.compile(r"^(?:[A-Z][A-Z .'-]{2,}(?:,\s*[A-Z0-9][\w .'-]*)?(?:\s*\([^)]*\))?\s*[-—–]+"
                      r"|[A-Z][\w.'-]+(?:,\s*[A-Z][\w.'-]+)?\s+[—–])\s+")  # "MOSCOW - ", "Kiev — "
_CONTRADICTS = re.compile(r"\b(?:contradict\w*|counter\w*|insist\w*|but said|however)\b", re.IGNORECASE)


@dataclass(frozen=True)
class EventsContext(CallContext):
    """What an events call's answer is checked and repaired against: the article's sentences by id, its
    headline's ids, its language, and the candidate ids the call asks about (None: any)."""

    sentences: dict[int, Sentence] = field(default_factory=dict)
    headline: Collection[int] = ()
    language: str | None = None
    candidates: list[int] | None = None

    def story(self) -> dict[int, Sentence]:
        """The story sentences by id: neither page furniture nor the headline."""
        return {i: s for i, s in self.sentences.items() if not s.boilerplate and i not in self.headline}


class EventDraft(BaseModel):
    """The model's record for one candidate sentence: who says it, and how sure it is."""

    model_config = ConfigDict(hide_input_in_errors=True)  # re-ask messages stay short

    source: Annotated[str, AfterValidator(at_most(100))] = Field(min_length=1)
    cue: str  # any length: the sentence's own cue word replaces it (`repair`), so no re-ask is spent on it
    source_type: SourceType
    contests: list[int] = Field(default_factory=list, max_length=2)


_TRANSLATED = create_model("EventDraft", __base__=EventDraft,
                           english=(Annotated[str, AfterValidator(at_most(400))], Field(min_length=1)))


class EventsAnswer(CallSchema):
    """The model's answer to the events task: one `EventDraft` per candidate id, under the id as key
    ("3", "6", ...), and the ids it flags as boilerplate. Which ids are candidates is the call's
    (`EventsContext.candidates`); keys that are not candidates are not validated (the model is not asked
    about them), a missing candidate is an error. Validation leaves the drafts as the model wrote them."""

    model_config = ConfigDict(hide_input_in_errors=True, extra="allow")
    __pydantic_extra__: dict[str, EventDraft]

    boilerplate: list[int] = Field(default_factory=list, max_length=MAX_FLAGGED)

    @model_validator(mode="before")
    @classmethod
    def _candidates_only(cls, data, info: ValidationInfo):
        """What is validated: the candidates' records and the flags (a new dict; the input is not changed)."""
        wanted = context_of(info, EventsContext).candidates
        if wanted is None or not isinstance(data, dict):
            return data
        keys = {str(i) for i in wanted}
        return {k: v for k, v in data.items() if k in keys or k == "boilerplate"}

    def drafts(self) -> dict[int, EventDraft]:
        """{candidate sentence id: draft}, in article order."""
        return {int(k): v for k, v in sorted((self.__pydantic_extra__ or {}).items(), key=lambda kv: int(kv[0]))}

    def flagged(self) -> list[int]:
        """Sentence ids the model flagged as page boilerplate (see `accept_flags`)."""
        return list(self.boilerplate)

    @model_validator(mode="after")
    def _check(self, info: ValidationInfo) -> EventsAnswer:
        context = context_of(info, EventsContext)
        missing = [str(i) for i in context.candidates or () if str(i) not in (self.__pydantic_extra__ or {})]
        if missing:
            raise ValueError(f"no record for sentence{'s' if len(missing) > 1 else ''} {', '.join(missing)}: "
                             "give one record for every sentence id in the schema")
        if not context.sentences:  # no article to check the records against
            return self
        story = context.story()
        problems = []
        for sid, draft in self.drafts().items():
            try:
                check_draft(draft, story)
            except ValueError as exc:
                problems.append(f"the record for sentence {sid}: {exc}")
        if problems:
            raise ValueError("; ".join(problems))
        return self


class TranslatedEventsAnswer(EventsAnswer):
    """The events answer for an article in another language: each record also has the sentence in English."""

    __pydantic_extra__: dict[str, _TRANSLATED]  # type: ignore[valid-type]  # a class made by create_model


TranslatedEventsAnswer.__name__ = "EventsAnswer"  # the name the request gives the schema: the task's, either way


def check_draft(draft: EventDraft, story: dict[int, Sentence]) -> None:
    """Check one draft against the article's `story` sentences; raise a ValueError saying what to fix (the
    re-ask's words). The draft is not changed."""
    for i in draft.contests:
        if i not in story:
            raise ValueError(f"contests sentence {i}, which is not a story sentence of the article")


@dataclass(frozen=True)
class RepairedDraft:
    """A record as `repair` leaves it, what `to_events` reads: who says it, as the sentence's own words name
    them; the sentences the model says it contests (each once, never its own); the model's English version
    of a foreign sentence (None for an English article)."""

    source: str
    cue: str
    source_type: SourceType
    contests: tuple[int, ...] = ()
    english: str | None = None


class Speaker(NamedTuple):
    """Who says a sentence, as `resolve_source` reads it."""

    source: str
    cue: str
    source_type: SourceType


def repair(drafts: dict[int, EventDraft], context: EventsContext) -> dict[int, RepairedDraft]:
    """The validated drafts of story sentences, mended where code reads the article better than a small model
    (see `repair_draft`); in the same order."""
    story = context.story()
    return {sid: repair_draft(sid, draft, story, context.language) for sid, draft in drafts.items()}


def repair_draft(sid: int, draft: EventDraft, story: dict[int, Sentence],
                 language: str | None = None) -> RepairedDraft:
    """One draft mended: its source read from the sentence's grammar (`resolve_source`), its contests without
    repeats or its own sentence."""
    speaker = resolve_source(sid, draft.source, draft.source_type, story, language)
    return RepairedDraft(source=speaker.source, cue=speaker.cue, source_type=speaker.source_type,
                         contests=tuple(i for i in dict.fromkeys(draft.contests) if i != sid),
                         english=getattr(draft, "english", None))


def in_english(drafts: dict[int, RepairedDraft], sentences: dict[int, Sentence],
               language: str | None = None) -> dict[int, Sentence]:
    """The sentences with a draft's English version in place of its foreign sentence, where it is one: it
    reads as English (not a copy of the original: a small model copies) and gives the numbers and names of
    the sentence it translates, nothing else (`translation.supported_translation`). What the model writes
    about no sentence ("This is a news article about ...") is never used."""
    out = dict(sentences)
    for sid, draft in drafts.items():
        english = (draft.english or "").strip()
        if sid in out and english and english != out[sid].text.strip() and _reads_as_english(english) \
                and supported_translation(english, out[sid].text, language):
            out[sid] = replace(out[sid], text=english)
    return out


def _reads_as_english(text: str) -> bool:
    from summarizer.read import detect_language

    return detect_language(text) == "en"


def resolve_source(sid: int, source: str, source_type: SourceType, story: dict[int, Sentence],
                   language: str | None = None) -> Speaker:
    """Who says story sentence `sid`, given the model's `source` and `source_type`: the model's reading
    checked against the sentence's own grammar, read in the article's language ("X said", "according to X",
    "laut X", "según X", "по словам X"): small models copy the previous record's source, and translate or
    invent names.

    A source the sentence names wins over one it does not; "he", "it" or "the
    ministry" resolve to the model's source when an earlier sentence names it,
    else to the last source named before; reported speech with no cue (the
    German subjunctive: "Die Truppen hätten ... eingenommen") continues the
    source named just before, and so does a sentence opening with "In addition"
    right after an attributed one; one followed by "Об этом сообщил X" or "Das teilte X mit" is X's;
    any other sentence with no attribution is the outlet's own
    voice, whatever the model says. A model source that is not in the article
    ("none", "the article", an English name of a foreign party) is never kept.
    The cue is the sentence's own word."""
    text = DATELINE.sub("", story[sid].text, count=1)  # "IZIUM, Ukraine - X said": the source is X
    # (the agency a dateline credits is no party the story names: "PARIS, 29 avril (Reuters) - ...")
    earlier = [DATELINE.sub("", story[i].text, count=1) for i in sorted(i for i in story if i < sid)]
    parsed = _attribution_of(sid, text, story, language) or (
        None if is_hedged(text, language) else _carried_over(text, earlier[-3:], language))
    if parsed is None:  # no attribution: the outlet's own voice, whatever the model says ("reportedly": the
        # outlet's, hedged; the conditional of "La empresa habría ofrecido supuestamente" goes on with no one)
        return Speaker("the outlet", "", "outlet")
    named, cue = parsed
    named = _subject_named(named, cue, text, earlier[-3:], language)
    given = source.strip()
    chosen = _chosen_source(named, given, given.lower() in OUTLET_SOURCES or source_type == "outlet",
                            text, earlier, language)
    chosen = _named_in_full(chosen, earlier)
    read = cast("SourceType | None", source_type_of(chosen, text))  # what the words say plainly
    if chosen != given:
        return Speaker(chosen, cue, read or "other")
    return Speaker(source, cue, read or ("other" if source_type == "outlet" else source_type))


_WORD = re.compile(r"[^\W\d_][\w'’-]*")
CASE_ENDING = 2  # letters a surname's case adds in the languages that inflect names ("Кима", "Федорова", "Кимом")


def _named_in_full(source: str, earlier: list[str]) -> str:
    """The name an earlier sentence gives in full where `source` is one surname in another case ("По словам
    Кима" after "... сообщил глава администрации Виталий Ким": "Виталий Ким"), so that a record never shows a
    name in the case of its preposition; else `source` as given."""
    if len(source.split()) != 1 or not source[:1].isupper():
        return source
    for sentence in reversed(earlier):
        words = _WORD.findall(sentence)
        for first, last in zip(words, words[1:]):
            if first[:1].isupper() and last[:1].isupper() and source != last and source.startswith(last) \
                    and len(source) - len(last) <= CASE_ENDING and source[len(last):].islower():
                return f"{first} {last}"
    return source


def _attribution_of(sid: int, text: str, story: dict[int, Sentence], language: str | None
                    ) -> tuple[str, str] | None:
    """(source, cue) as sentence `sid` (its `text`, dateline removed) and the sentences it belongs with name
    them: the speaker named where its quote closes, in a sentence after it that only says who reported it, or
    in the sentence whose quote it continues; None where none names one."""
    lex = lexicon(language)
    parsed = parse_attribution(text, language)
    closed_by = quote_closed_by(sid, story)
    if closed_by is not None:  # "“The figure is far too low. Our teams counted 58 bodies,” said X.": X's quote
        parsed = parse_attribution(DATELINE.sub("", story[closed_by].text, count=1), language) or parsed
    by_next = reported_by_next(sid, story, language)
    if by_next is not None and (parsed is None or not text.lstrip(" \"“«—–-").startswith(parsed[0])
                                and not (lex.according is not None and lex.according.fullmatch(parsed[1]))):
        # "... погибли не 300, как ранее заявил минздрав, а 40. Об этом заявил X.": X's; a sentence that opens
        # with its speaker ("Українські військові спростували ... Про це повідомляє «Суспільне».") or cites one
        # ("За даними правозахисників, ... Про це повідомляє видання TUT.") stays theirs
        parsed = parse_attribution(story[by_next].text, language) or parsed
    if parsed is None and (labelled := labelled_by(sid, story, language)) is not None:
        # "Загинули троє людей. ... Джерело: голова ОВА Іван Федоренко. Пряма мова: «...»": the labelled source's
        parsed = parse_attribution(story[labelled].text, language)
    if parsed is None and (continued := quote_continues(sid, story)) is not None:
        # '"Wir haben Zweifel", sagte Bulut. "Als in Kahramanmaras ..."': the quote goes on, the speaker too
        parsed = parse_attribution(DATELINE.sub("", story[continued].text, count=1), language)
    if parsed is None and (presented := colon_presented(text, language)) is not None:
        # "Le siguió el portavoz ..., el teniente Andrés Molina: «Los desalojados fueron 120»."
        parsed = presented, ""
    opened = quote_opened_by(sid, story)
    closing = max((m.end() for m in re.finditer(r"[\"”»“«]", text)), default=-1)
    if opened is not None and not (parsed and re.search(rf"(?<!\w){re.escape(parsed[1])}", text[closing:], re.I)):
        # 'Carrow Motors said: "... / "... the figure of 900 given by the unions is wrong.': inside a quote, a
        # sentence's cue words are the speaker's words, and it is the speaker's who opened it, unless it names
        # one after the quote closes ('... it," he added.')
        parsed = _attribution_of(opened, DATELINE.sub("", story[opened].text, count=1), story, language) or parsed
    return parsed


def _carried_over(text: str, before: list[str], language: str | None) -> tuple[str, str] | None:
    """(source, cue) of a sentence that names no speaker but goes on with one named in the sentences `before`
    it: reported speech with no cue continues the last named source (its cue is the verb form that marks it,
    "seien"); "In addition, ..." goes on with what the sentence just before reported. None otherwise."""
    lex = lexicon(language)
    speech = lex.reported_speech.search(text) if lex.reported_speech is not None else None
    if speech:
        earlier = _earlier_source(before, language)
        if earlier:
            return earlier[0], speech.group(0)
    if lex.continuation is not None and lex.continuation.match(text):
        return _earlier_source(before[-1:], language)
    if _OPENS_QUOTE.match(text) and re.search(r"[\"”»“][.!?]?\s*$", text.rstrip()) and before:
        # "Per Salvini si tratta di una fake news. “Bugie e insulti di qualche Ong ...”": a quotation with no
        # speaker of its own, right after a sentence that names one, is that speaker's
        return _earlier_source(before[-1:], language) or _presented_before(before, language)
    if before and _figures_only_quoted(text, language):
        # "Per i sindacati lo sciopero è stato un successo. Con “adesioni oltre il 65% in Lombardia”, ...": the
        # figures are someone's words, and the sentence names no one; the speaker of the sentence before
        return _earlier_source(before[-1:], language)
    if before and extract_numbers(text, language) and _announces_figures(before[-1], language):
        # "The state disaster management authority released new figures on Monday. So far 41 people have died
        # ...": the figures it said it gave
        return _earlier_source(before[-1:], language)
    went_on = _report_goes_on(text, before, language)
    if went_on is not None:
        # "Russian shelling killed 4 people ..., governor Oleksandr Prokudin said. In the city of Kherson, 2 people
        # were killed ...": a toll told on with no one named is the toll's source's
        return went_on
    broken_down = _breaks_down(text, before, language)
    if broken_down is not None:
        # "... killed 28 people, the health ministry said. Of the 28 killed, 11 were in Tyre ...": a figure a
        # source gave, taken up again at the head of a sentence that names no one, is broken down for that source
        return _earlier_source(before[broken_down:broken_down + 1], language)
    return None


def _announces_figures(text: str, language: str | None) -> bool:
    """Does a sentence say a party released figures, and give none: a word for figures after a verb of releasing
    (`releases`), not quoted ("Santé publique France a publié jeudi ses chiffres de la semaine."; not "Officials
    had said the toll will rise")?"""
    lex = lexicon(language)
    text = DATELINE.sub("", text, count=1)
    released = lex.releases.search(text) if lex.releases is not None else None
    if released is None or lex.figure_nouns is None or extract_numbers(text, language) \
            or parse_attribution(text, language) is None or is_back_attribution(text, language):
        return False
    quoted = quoted_spans(text)  # (not "«I nostri dati sono verificati ...», ha replicato il questore")
    return any(not any(a <= m.start() < b for a, b in quoted)
               for m in lex.figure_nouns.finditer(text, released.start()))


def _report_goes_on(text: str, before: list[str], language: str | None) -> tuple[str, str] | None:
    """(source, cue) of the party whose toll a sentence that names no one goes on with: the sentence counts
    dead, injured, missing or displaced people (`TOLLS`), of no other year, incident or background, and so does
    each sentence back to the last one that names its source; None otherwise."""
    lex = lexicon(language)

    def toll(sentence: str) -> bool:
        return bool(TOLLS & set(quantities(sentence, lex, language))) and not years_of(sentence, language) \
            and not opens_incident(sentence, lex) \
            and not (lex.background is not None and lex.background.search(sentence))

    if not toll(text):
        return None
    for sentence in reversed(before):
        found = _earlier_source([sentence], language)
        if found is not None:
            return found if toll(sentence) else None
        if not toll(sentence):
            return None
    return None


def _breaks_down(text: str, before: list[str], language: str | None) -> int | None:
    """The position in `before` of the sentence whose figure `text` takes up among its first words ("Of the 28
    killed", "Sur les 41 personnes tuées", "Dos 35 feridos", "Из 108 раненых"), the last one that gives it;
    None where it takes up none."""
    values = head_figures(text, language)
    for at in range(len(before) - 1, -1, -1):
        if values & {n.value for n in extract_numbers(before[at], language)}:
            return at
    return None


def _presented_before(before: list[str], language: str | None) -> tuple[str, str] | None:
    """(speaker, "") of a bare quotation whose speaker a sentence `before` it presents with no verb of saying
    ("Poco dopo è intervenuta la prefetta di Ancona, Laura Gatti. «Al momento ...»"), over the bare quotations
    in between ("... Laura Gatti. «...». «Gli sfollati sono circa 150 ...»"); else None."""
    for text in reversed(before):
        speaker = presented_speaker(text, language)
        if speaker is not None:
            return speaker, ""
        if not bare_quotation(text):
            return None
    return None


def _figures_only_quoted(text: str, language: str | None) -> bool:
    """Does `text` give figures, all of them inside quotation marks?"""
    spans = quoted_spans(text)
    if not spans:
        return False
    at, inside = 0, []
    for n in extract_numbers(text, language):
        found = text.find(n.text, at)
        if found < 0:
            return False
        at = found + len(n.text)
        inside.append(any(a <= found < b for a, b in spans))
    return bool(inside) and all(inside)


def _subject_named(named: str, cue: str, text: str, before: list[str], language: str | None) -> str:
    """The party a pronoun the grammar found stands for, where the sentence says it: the party named before
    an "according to" marker, or, where the pronoun opens the sentence or the language drops it, the subject of
    a sentence before that attributes nothing; else `named`."""
    lex = lexicon(language)
    owner = named.split(None, 1)
    if len(owner) == 2 and owner[0].lower() in lex.possessives and owner[1].split()[-1].lower() in lex.documents:
        # "according to its annual report" (not "its embassy said", "Sein Verteidiger Dierlamm sagte"): the party
        # "its" stands for, the sentence's subject where it names one, else the last source named before
        subject = opening_subject(text, language)
        if subject and subject.lower() not in lex.pronouns and subject[:1].isupper():
            return subject
        earlier = _earlier_source(before, language)
        return earlier[0] if earlier else named
    if named.lower() in lex.pronouns and lex.according is not None and lex.according.fullmatch(cue):
        # "Para la Delegación del Gobierno ...: según ellos": the party the sentence names before the marker
        named = speaker_before(text, named, language) or named
    opening = text.lstrip(" \"“«—–-").split(None, 1)[:1]
    # "Узнав, что в морге около 40 тел, он заявляет": the pronoun opens the main clause after a fronted one
    fronted = re.match(rf"([^«“\"„]*?),\s+{re.escape(named)}\s", text, re.IGNORECASE) if named.strip() else None
    if named.lower() in lex.pronouns and before and (
            lex.pro_drop and named.lower() not in text.lower().split()
            or opening and opening[0].lower() == named.lower()
            or fronted and not any(w[:1].isupper() for w in fronted.group(1).split()[1:])
            and not lex.cue.search(fronted.group(1))):
        # no written subject ("Los sindicatos ofrecieron otra versión. Cifraron ..."), or a pronoun opening the
        # sentence ("O presidente ..., Jair Bolsonaro, chegou a Belo Horizonte ... Ele também anunciou ..."),
        # after a sentence that attributes nothing: that sentence's subject
        named = _unattributed_subject(before[-1], language) or named
    return named


def _unattributed_subject(sentence: str, language: str | None) -> str | None:
    """The subject a pronoun in the next sentence stands for: the one `sentence` opens with (`opening_subject`),
    where it attributes nothing itself; else None."""
    sentence = DATELINE.sub("", sentence, count=1)
    return opening_subject(sentence, language) if parse_attribution(sentence, language) is None else None


def _chosen_source(named: str, given: str, is_outlet: bool, text: str, earlier: list[str],
                   language: str | None) -> str:
    """The record's source: the model's (`given`) or the one the sentence's grammar `named`, whichever the
    sentence supports (`earlier`: the story's sentences before it)."""
    lex = lexicon(language)
    if lex.time_words is not None:  # "Ранее Генпрокуратура Казахстана": a time word is no part of a name
        given = lex.time_words.sub("", given).strip() or given
    cited = lex.according.match(given) if lex.according is not None else None
    if cited and given[cited.end():].strip():  # "Segundo a FUP": the marker is no part of the name either
        given = given[cited.end():].strip(" ,")
    if named.lower() not in lex.pronouns and named.lower() not in text.lower() and given.lower() not in text.lower():
        return named  # the subject the sentence goes on with, whatever the model read
    if is_back_reference(named, language):
        return _referent(named, given, is_outlet, earlier, language)
    if is_outlet or not same_source(given, named) or len(named) > len(given) or given.lower() not in text.lower() \
            or not is_speaker(given, language):  # "lanzó un dato falso sobre ...": no party, whatever the model read
        return named  # the sentence's own words; the more specific of two names for the same source
    return given


def _referent(reference: str, given: str, is_outlet: bool, earlier: list[str], language: str | None) -> str:
    """Whom a back reference the sentence names ("he", "the ministry", "der Sprecher") stands for: the model's
    source when it is a party an earlier sentence names, else the source named before that the reference can
    stand for ("he" someone named in the last three sentences; "the ministry" may be named further back), else
    where the reference was introduced ("a source familiar with the talks"), else the reference itself."""
    lex = lexicon(language)
    before = earlier[-3:]
    if reference.lower() in lex.pronouns and earlier:
        # "Opposition leaders dispute the official account. They allege ...": the speaker of the sentence before
        last = _earlier_source(earlier[-1:], language)
        if last is not None and is_speaker(last[0], language):
            return last[0]
    if reference.split()[-1].lower() in lex.bodies or reference in lex.documents:
        # "añadió el organismo": the party named last, whatever it is; "— говорится в сообщении" (a bare
        # document is a back reference in a language with no articles: `is_back_reference`): whose it is
        last = _earlier_source(earlier, language)
        if last is not None and is_speaker(last[0], language):
            return last[0]
    if not (is_outlet or given.lower() in (reference.lower(), *lex.pronouns) or not is_speaker(given, language)
            or not mentions(_unaddressed(" ".join(t for t in before if t.rstrip()[-1:] in _CLOSING), lex), given)
            or given.lower() not in " ".join(earlier).lower() or not _stands_for(reference, given, earlier, lex)):
        return given
    reach = before if reference.lower() in lex.pronouns else earlier
    found = _earlier_source(reach, language, reference)
    introduced = _introduced(reach, reference, language) if found is None else None
    if found is None and introduced is None and reference.lower() not in lex.pronouns \
            and not lex.speakers.search(reference):
        # "«...», a réagi jeudi le hurdler": a person told by what they are, no party's kind; the one named last
        named_last = (_earlier_source([sentence], language) for sentence in reversed(before))
        found = next((p for p in named_last if p is not None and ends_with_person(p[0])
                      and not lex.speakers.search(p[0])), None)  # (not "La Policía Nacional": a party's kind)
    source = found[0] if found else introduced or reference
    if source.lower() in lex.pronouns and given.lower() in " ".join(earlier).lower() \
            and is_speaker(given, language) and not is_outlet:
        return given  # "we" named nowhere before: the model's reading, a party named
    return source


def _stands_for(reference: str, given: str, earlier: list[str], lex) -> bool:
    """Can the model's `given` be what `reference` stands for? A pronoun stands for any party; a noun phrase ("the
    militia", "the union", "das Ministerium") for one whose name holds its head word ("Russia's defence
    ministry", "Verteidigungsministerium") or that an earlier sentence names next to that word ("the Eastern
    Brigades, a militia"), not for another party the article names ("the army" for "the militia")."""
    head = _head(reference, lex)
    if head is None or head.search(given):
        return True
    return any(_in_apposition(head, text, m) for text in earlier
               for m in re.finditer(re.escape(given), text, re.IGNORECASE))


def _in_apposition(head: re.Pattern, text: str, name: re.Match) -> bool:
    """Does `text` give the kind `head` names right next to `name`: set off after it ("the Eastern Brigades, a
    militia", "X (the militia ...)") or just before it ("the militia Eastern Brigades")? Not where the word is
    another part of the sentence ("opened the trial of two men": the court is no man; "Verdi counted 60,000,
    the police speak of fewer": Verdi is no police)."""
    after = head.search(text, name.end(), name.end() + NEAR_HEAD)
    if after and re.fullmatch(r"\s*[,(–—-]\s*(?:\S+\s+){0,3}", text[name.end():after.start()]):
        return True
    before = [m for m in head.finditer(text, max(0, name.start() - NEAR_HEAD), name.start())]
    return bool(before) and re.fullmatch(r"\s*(?:\S+\s+){0,2}", text[before[-1].end():name.start()]) is not None


NEAR_HEAD = 60  # characters around a name within which an earlier sentence may give its kind ("X, a militia")

_OPENS_QUOTE = re.compile(r"^\s*(?:[\"“„«”»]|[—–]\s)")  # ”: some pages open with it too; » German
# "..., — заявив X", "... — disse o delegado", German "zu hoch«"
_CLOSES_QUOTE = re.compile(r"[\"”»“]|(?<=\w)«|,?\s+[—–]\s|,[—–]\s")


def _unaddressed(text: str, lex) -> str:
    """`text` without whom its statements were made to ("Об этом изданию Newsweek заявил X"): an addressee is
    named, but speaks not."""
    return lex.addressees.sub(" ", text) if lex.addressees is not None else text


def _no_comment(text: str, lex) -> bool:
    """A short sentence saying a party did not comment ("The army did not respond to a request for comment.")."""
    return lex.no_comment is not None and len(_WORDS.findall(text)) < 20 and bool(lex.no_comment.search(text))


# the marks that close a quote each mark opens: English “”, German „“ and »«, French «», straight quotes
_CLOSERS = {"“": "”", "„": "“”", "«": "»", "»": "«", '"': '"'}


def quote_opened_by(sid: int, story: dict[int, Sentence]) -> int | None:
    """The id of the sentence that opened the quotation sentence `sid` starts inside of, else None
    (`quote_openers`)."""
    return quote_openers({i: s for i, s in story.items() if i <= sid}).get(sid)


def quote_openers(story: dict[int, Sentence]) -> dict[int, int]:
    """{id of a sentence that starts inside a quotation: the id of the sentence that opened it}, read once
    through the story's sentences and paragraphs: a paragraph that opens with a quote mark while one is open
    goes on with it (a statement quoted over several paragraphs reopens the quote at each: 'X said: "... /
    "... / "..."'); a paragraph that opens with no mark ends it."""
    openers: dict[int, int] = {}
    open_at: int | None = None
    opener = ""
    paragraph = None
    for i in sorted(story):
        text = story[i].text
        start = len(text) - len(text.lstrip())
        if story[i].paragraph != paragraph:
            paragraph = story[i].paragraph
            if open_at is not None and text[start:start + 1] in _CLOSERS:
                start += 1  # the paragraph reopens the quote
            else:
                open_at = None
        if open_at is not None:
            openers[i] = open_at
        for at in range(start, len(text)):
            mark = text[at]
            if open_at is not None and mark in _CLOSERS[opener] and (mark != "«" or text[at - 1:at].strip()):
                open_at = None  # (German «: after the quote's last word, not before a French quote's first)
            elif open_at is None and mark in _CLOSERS and (mark != "»" or text[at + 1:at + 2].strip()):
                open_at, opener = i, mark
    return openers


def quote_closed_by(sid: int, story: dict[int, Sentence]) -> int | None:
    """The id of the sentence that closes the quote sentence `sid` opens and names its speaker, in the same
    paragraph ("“The figure is far too low. Our teams counted 58 bodies,” said X.", "— Заява ... не
    відповідає дійсності. Жодного складу там не було, — заявив X."), else None: what a quote's sentences say is
    its speaker's, whatever cue words they hold."""
    text = story[sid].text
    opened = _OPENS_QUOTE.match(text)
    if opened is None or _CLOSES_QUOTE.search(text, opened.end()) or _closes_before(sid, story):
        return None
    for i in sorted(i for i in story if i > sid)[:3]:
        if story[i].paragraph != story[sid].paragraph or _OPENS_QUOTE.match(story[i].text):
            return None
        if _CLOSES_QUOTE.search(story[i].text):
            return i
    return None


def _closes_before(sid: int, story: dict[int, Sentence]) -> bool:
    """Does sentence `sid` open with the guillemet that closes a German quote the sentence before it opened
    (»Deshalb können sie es vergleichen. / « Außerdem betont Wörner, ...)?"""
    before = max((i for i in story if i < sid), default=None)
    if not story[sid].text.lstrip().startswith("«") or before is None \
            or story[before].paragraph != story[sid].paragraph:
        return False
    previous = story[before].text
    return previous.count("»") > previous.count("«")


def quote_continues(sid: int, story: dict[int, Sentence]) -> int | None:
    """The id of the sentence right before `sid` in its paragraph when `sid` is a quote of its own, with no
    words outside its quote marks, and that sentence closes a quote: the same speaker goes on, else None."""
    text = story[sid].text.strip()
    if not _OPENS_QUOTE.match(text) or not re.search(r"[\"”»“]\W*$", text):
        return None
    before = max((i for i in story if i < sid), default=None)
    if before is None or story[before].paragraph != story[sid].paragraph:
        return None
    return before if _CLOSES_QUOTE.search(story[before].text) else None


def labelled_by(sid: int, story: dict[int, Sentence], language: str | None) -> int | None:
    """The id of the line that names the source of sentence `sid` by a label (`source_labels`: "Source: X",
    "Джерело: X"): the line right after the paragraph of `sid`, or the line right before the paragraph that a
    quotation's label opens (`quote_labels`: "Quote: ...", "Пряма мова: «...»") and that holds `sid`; None where
    no such line speaks for it, or where the line only credits a news agency ("Quelle: dpa")."""
    lex = lexicon(language)
    labels = lex.source_labels
    if labels is None:
        return None

    def source_line(i: int | None) -> bool:
        if i is None or not labels.match(story[i].text.strip()):
            return False
        named = parse_attribution(story[i].text, language)
        return named is not None and source_type_of(named[0], story[i].text) != "media"

    ids = sorted(story)
    paragraph = story[sid].paragraph
    after = next((i for i in ids if i > sid and story[i].paragraph != paragraph), None)
    if source_line(after):
        return after
    first = min(i for i in ids if story[i].paragraph == paragraph)
    before = max((i for i in ids if i < first), default=None)
    if lex.quote_labels is not None and lex.quote_labels.match(story[first].text.strip()) and source_line(before):
        return before
    return None


def reported_by_next(sid: int, story: dict[int, Sentence], language: str | None) -> int | None:
    """The id of the story sentence right after `sid` when it only says who reported this one ("Das teilte das
    Ministerium mit."), else None."""
    after = min((i for i in story if i > sid), default=None)
    return after if after is not None and is_back_attribution(story[after].text, language) else None


def _introduced(before: list[str], reference: str, language: str | None) -> str | None:
    """Where "the source" or "the spokesman" was introduced: the last phrase of the sentences `before` that
    starts with an indefinite article and has the same head ("an unnamed source involved in the exchange",
    "a source familiar with the talks"), up to the end of its clause; the speaker of the sentence where it is
    the medium ("X said in a statement"); else None."""
    lex = lexicon(language)
    head = reference.split()[-1]
    if not lex.indefinite or reference.lower() in lex.pronouns:
        return None
    articles = "|".join(map(re.escape, sorted(lex.indefinite, key=len, reverse=True)))
    # (the head is the phrase's own, not a genitive's: "des chiffres de la préfecture" introduces figures)
    inner_words = "|".join(map(re.escape, sorted(lex.genitive | lex.prepositions | lex.determiners, key=len,
                                                  reverse=True))) or "(?!)"
    # "the document": any word of its kind ("un informe de la Auditoría")
    kind = _kind(head, lex)
    heads = rf"(?:{'|'.join(map(re.escape, sorted(kind, key=len, reverse=True)))})\w*" if kind else re.escape(head)
    phrase = re.compile(rf"\b(?:{articles})\s+(?:(?!(?:{inner_words})\s)[\w'’-]+\s+){{0,3}}?{heads}\b"
                        rf"[^,.;:“”\"()]*", re.IGNORECASE)
    for text in reversed(before):
        for m in reversed(list(phrase.finditer(text))):
            medium = text[:m.start()].split()[-1:]
            inner = re.search(rf"\b{heads}\b", m.group(0), re.IGNORECASE)
            assert inner is not None  # the phrase ends with its head
            at = m.start() + inner.end()
            after = re.match(r"\s*([^\w\s]|\w*)", text[at:])
            assert after is not None  # it matches the empty string too
            following = after.group(1).lower()
            # the phrase ends at its head ("in a statement that ...", "in a statement, ..."), not "an army post"
            closes = not following.isalnum() or following in lex.complementizers | lex.prepositions | lex.ends_source
            parsed = parse_attribution(DATELINE.sub("", text, count=1), language)
            if medium and (medium[0].lower() in lex.prepositions or parsed and medium[0].lower() == parsed[1]) \
                    and closes and parsed and parsed[0].lower() not in lex.pronouns:
                # "X said in a statement that ...", "La Questura ha diffuso una nota nella quale ...", then "the
                # statement said", "Ecco la nota": X's
                return parsed[0]
        found = [m for m in phrase.finditer(text) if _introduces_speaker(text, m, head, lex, language)]
        if found:
            words = found[-1].group(0).split()
            kept = [w for i, w in enumerate(words) if i == 0 or w.lower() not in lex.not_in_source][:10]
            cut = next((i for i, w in enumerate(words) if i and w.lower() in lex.not_in_source), len(words))
            return " ".join(words[:min(cut, len(kept))])
    return None


def _introduces_speaker(text: str, found: re.Match, head: str, lex, language: str | None) -> bool:
    """Is the phrase `found` a party that speaks in `text`: the sentence's speaker, the subject of a cue, or
    cited ("citing an unnamed source ...")? "at an army post outside the town" introduces no army."""
    parsed = parse_attribution(DATELINE.sub("", text, count=1), language)
    if parsed and head.lower() in parsed[0].lower():
        return True
    before = " ".join(text[:found.start()].split()[-3:])
    after = text[found.end():found.end() + 40]
    # ("según un informe de ...": the marker right before it; not "propriété selon lui d'une société")
    cited = lex.according is not None and any(m.end() == len(before.rstrip()) for m in lex.according.finditer(before))
    return bool(lex.cue.search(before) or cited or lex.cue.match(after.lstrip()))


def _earlier_source(before: list[str], language: str | None, reference: str | None = None
                   ) -> tuple[str, str] | None:
    """The last source named (not a pronoun) in the sentences `before` that `reference` can stand
    for: any for a pronoun; for "the ministry", one whose name holds "ministry" (else None: "The governor"
    said first is a source as written, not the president named before)."""
    lex = lexicon(language)
    head = _head(reference, lex) if reference else None
    for at in range(len(before) - 1, -1, -1):
        text = DATELINE.sub("", before[at], count=1)
        clauses = split_clauses(text, language)  # "Alors que X a confirmé ..., les organisateurs ont dénoncé ...": the
        # speaker named last, that of the second clause
        parsed = parse_attribution(without_contrast(clauses[-1], language) if clauses else text, language)
        if parsed and parsed[0].lower() in lex.pronouns and at and head is None \
                and not (lex.reported_speech is not None and lex.reported_speech.search(before[at - 1])) \
                and (subject := _unattributed_subject(before[at - 1], language)):
            # (not "Alle Opfer seien ... identifiziert worden.": reported speech, its subject says nothing)
            # "Este jueves, el ministro ... acudió al Pleno. Durante su intervención, informó que ...": that
            # pronoun's own referent, the subject of the sentence before it
            return subject, parsed[1]
        if parsed and parsed[0].lower() not in lex.pronouns:
            if head is not None and not head.search(parsed[0]):
                continue
            return parsed
    return None


def _kind(word: str, lex) -> frozenset[str] | None:
    """The group of `kinds` whose words stand for one another that `word` is one of ("companhia", "informe"),
    or None."""
    return next((group for group in lex.kinds if any(word.lower().startswith(w) for w in group)), None)


def _head(reference: str, lex) -> re.Pattern | None:
    """The head word of a back reference, by its first six letters ("the ministry's statement": "minist"); None
    for a pronoun."""
    words = re.sub(r"['’]s \w+$", "", reference).split()  # "the ministry's statement": the ministry
    if not words or reference.lower() in lex.pronouns or words[-1].lower() in lex.bodies:
        return None  # (a pronoun, or a word for any institution: "añadió el organismo")
    kind = _kind(words[-1], lex)
    if kind:  # "a companhia": any word of its kind ("a siderúrgica CSN")
        # (each word whole, as a beginning: "petroleira", not "Petroleiros", the oil workers)
        return re.compile("|".join(rf"(?<!\w){re.escape(w)}" for w in sorted(kind)), re.IGNORECASE)
    return re.compile(re.escape(words[-1][:6]), re.IGNORECASE)


def candidates(sentences: list[Sentence], headline=(), limit: int = MAX_EVENTS, fill: int = MIN_EVENTS,
               language: str | None = None) -> list[int]:
    """The ids of the sentences that report the article's events, in article order.

    A story sentence reports an event when it attributes something ("said",
    "according to", a reported-speech form such as Konjunktiv I "prüfe", a quotation it is inside of), hedges
    ("reportedly", "angeblich") or gives a figure; those come first (figures, then
    attributions, denials), after the lead (the first story sentence, which says
    what the story is, whatever it holds), at most `limit`. An article with fewer is
    filled up to `fill` with its other sentences. The cues are the article's
    language's (`language.py`). Never an event of its own: a subheading (no closing punctuation), a sentence
    under five words (but "Secondo l'ong, 47.", or a figure a source line names: a party's figure), or one that
    only says a claim could not be verified, or only who reported the sentence before ("Об этом сообщил X"):
    each joins the claim before it; nor a short one that only says a party did not comment.
    Figures are read the way the article's `language` writes them ("5,4 millones")."""
    lex = lexicon(language)
    story = [s for s in sentences if not s.boilerplate and s.id not in headline]
    by_id = {s.id: s for s in story}
    quoted = quote_openers(by_id)
    ranked = []
    for pos, s in enumerate(story):
        text = s.text.strip()
        # "Secondo l'ong, 47.", "Пошкоджено 14 будинків." under a line "Джерело: ...": a party's figure, however short
        short = len(_WORDS.findall(text)) < 5 and not (extract_numbers(text, language) and (
            parse_attribution(text, language) is not None or labelled_by(s.id, by_id, language) is not None))
        if short or is_verification_note(text, language) or text[-1:] not in _CLOSING \
                or is_back_attribution(text, language) or _no_comment(text, lex):
            continue
        figure = bool(extract_numbers(text, language))
        cue = bool(lex.cue.search(text) or lex.according is not None and lex.according.search(text)
                   or lex.according_after is not None and lex.according_after.search(text)
                   or lex.according_opening is not None and lex.according_opening.match(text) is not None
                   or pos + 1 < len(story) and is_back_attribution(story[pos + 1].text, language)
                   or lex.reported_speech is not None and lex.reported_speech.search(text)
                   or is_hedged(text, language)  # "Angeblich plant der Konzern ...": a claim, the outlet's hedged
                   or bool(lex.denial.search(text))  # "У школі ж всі звинувачення відкидають.": an answer
                   or s.id in quoted  # a sentence of a quotation: its speaker's words
                   # (one with no speaker of its own after a sentence that names one: "For the minister, it is
                   # propaganda. “The terrorists burn their own dead ...”")
                   or pos > 0 and _OPENS_QUOTE.match(text) is not None
                   and parse_attribution(story[pos - 1].text, language) is not None
                   # a bare quotation whose speaker a sentence before presents ("Then came the county sheriff,
                   # Paul Grady. "..."") or one presented before a colon
                   or bare_quotation(text) and _presented_before([x.text for x in story[max(0, pos - 3):pos]],
                                                                 language) is not None
                   or colon_presented(text, language) is not None)
        score = 3 * figure + 2 * cue + bool(lex.denial.search(text)) + (pos < 3)
        score -= text.endswith("?") + text.startswith(("“", '"', "«"))
        ranked.append((not (figure or cue), -score, pos, s.id))
    ranked.sort()
    # the lead says what the story is: its first sentence is a record even with no figure or cue
    first = min(ranked, key=lambda r: r[2], default=None)
    # a statement of some length: not a question, a caption ("Ein zerstörtes Gebäude in Izmir.") or a "Get
    # the news delivered to your inbox!" promotion
    lead = [first[3]] if first and story[first[2]].text.strip().rstrip("\"”»'’").endswith(".") \
        and _tells_story(story[first[2]].text) else []
    chosen = lead + [sid for plain, _, _, sid in ranked if not plain and sid not in lead][:limit - len(lead)]
    room = max(0, min(fill, limit) - len(chosen))
    chosen += [sid for plain, _, _, sid in ranked if plain and sid not in chosen][:room]
    return sorted(chosen)


_NAME_INSIDE = re.compile(r"(?<=[\w,;:»”\"’)]\s)[«“\"]?[A-ZÀ-ÖØ-ÞА-ЯЁІЇЄҐ]")


def _tells_story(text: str) -> bool:
    """Is a story's first sentence its lead, a record whatever it holds: one of LEAD_WORDS words or more, or of
    SHORT_LEAD_WORDS or more that names someone or somewhere after its first word ("Russian drones struck port
    infrastructure in Odesa overnight on Thursday.", "В Верхнекамске в ночь на среду загорелся склад ..."), not a
    scene with no name in it ("The buses came down the forest road a little after noon.")."""
    words = len(_WORDS.findall(text))
    if words >= LEAD_WORDS:
        return True
    return words >= SHORT_LEAD_WORDS and _NAME_INSIDE.search(DATELINE.sub("", text.strip(), count=1)) is not None


def answer_model(english: bool = False) -> type[EventsAnswer]:
    """The events answer's class: with `english` (an article in another language) each record also carries
    the sentence in English: the record's summary, and the text the attribution and status rules read;
    the evidence stays the original sentence."""
    return TranslatedEventsAnswer if english else EventsAnswer


@functools.cache
def _record_schema(english: bool) -> dict:
    return schema_of(_TRANSLATED if english else EventDraft, title="EventDraft")


def answer_schema(candidate_ids: list[int], citable: list[int], english: bool = False) -> dict:
    """The events answer's JSON Schema for one call: one required key per candidate id ("3", "6", ...),
    in article order, each a record.

    Sentence ids the model may write (`contests`, `boilerplate`) are limited to
    the citable ones: an enum in the schema, so a grammar-constrained model
    cannot write another; for other endpoints the validators send precise errors.
    """
    ids = {"enum": list(citable), "type": "integer"}
    return {"$defs": {"EventDraft": with_items(_record_schema(english), "contests", ids)},
            "properties": {**{str(i): {"$ref": "#/$defs/EventDraft"} for i in candidate_ids},
                           "boilerplate": {"items": ids, "maxItems": MAX_FLAGGED, "title": "Boilerplate",
                                           "type": "array"}},
            "required": [str(i) for i in candidate_ids], "title": "EventsAnswer", "type": "object"}


def salvage(raw: str | None, error: str, context: EventsContext) -> tuple[dict[int, EventDraft], list[Dropped]]:
    """After the re-asks ran out, or an answer was cut off at the token limit: keep each record of the last
    answer that is complete and passes the validators' checks, drop the rest with a reason. The kept drafts
    are repaired like a validated answer's (`repair`)."""
    dropped: list[Dropped] = []
    try:
        data = json.loads(raw or "")
    except json.JSONDecodeError:
        data = complete_members(raw)  # cut off: the records written before the cut
        if data:
            dropped.append(Dropped(stage="events", item=(raw or "")[-300:], reason=f"not kept: {error}"))
    if not isinstance(data, dict):
        return {}, [Dropped(stage="events", item=(raw or "")[:2000],
                            reason=f"the answer was not usable JSON: {error}")]
    kept: dict[int, EventDraft] = {}
    story = context.story()
    wanted = context.candidates
    for key, item in data.items():
        if key == "boilerplate":
            continue
        # Only a story sentence the model was asked about has a record: an id the article does not have
        # ("0", "777", "e1", "²"), the headline or a furniture sentence is dropped, never looked up.
        sid = int(key) if re.fullmatch(r"[0-9]{1,9}", key) else None
        if sid is None or sid not in story or wanted is not None and sid not in wanted:
            dropped.append(Dropped(stage="events", item=json.dumps({key: item}, ensure_ascii=False)[:2000],
                                   reason=f"sentence {key} is not one the model was asked about"))
            continue
        schema = _TRANSLATED if isinstance(item, dict) and "english" in item else EventDraft
        try:
            try:
                draft = schema.model_validate(item, context=context)
            except ValidationError as exc:
                failed = {e["loc"][:1] for e in exc.errors()}
                if not isinstance(item, dict) or not failed or not failed <= {("source",), ("english",)}:
                    raise
                # only the source is unusable (a whole sentence copied into it): the sentence's own words decide
                # who speaks, as for any record (`repair`); only the English version is (it runs on into the
                # next sentence): the record without it, read in its own language
                mended = {**item, "source": "the outlet"} if ("source",) in failed else dict(item)
                if ("english",) in failed:
                    del mended["english"]
                    schema = EventDraft
                draft = schema.model_validate(mended, context=context)
                unusable = " and ".join(f"the model's {loc[0]}" for loc in sorted(failed))
                dropped.append(Dropped(stage="events", item=json.dumps({key: item}, ensure_ascii=False)[:300],
                                       reason=f"{unusable} for sentence {sid} was not kept: "
                                              f"{short_errors(exc)}; the record is kept without it"))
            check_draft(draft, story)
            kept[sid] = draft
        except (ValidationError, ValueError) as exc:
            reason = short_errors(exc) if isinstance(exc, ValidationError) else str(exc)
            dropped.append(Dropped(stage="events", item=json.dumps({key: item}, ensure_ascii=False), reason=reason))
    return kept, dropped


def accept_flags(flagged: list[int], sentences: dict[int, Sentence], candidate_ids: list[int]) -> list[int]:
    """The model's boilerplate flags worth believing: short story sentences that are not event candidates.

    A small model decoding greedily may enumerate ids; its flags never remove an event or a long sentence."""
    return [i for i in dict.fromkeys(flagged)
            if i in sentences and not sentences[i].boilerplate and i not in candidate_ids
            and len(_WORDS.findall(sentences[i].text)) <= FLAGGABLE_WORDS]


@dataclass
class _Contests:
    """Which records contest which, by record position (1, 2, ...): `contested[pos]` the positions of the
    records that contest it (both ways); the claims another record denies; the records that deny."""

    contested: dict[int, set[int]]
    denied: set[int]
    deniers: set[int]
    telling: set[int] = field(default_factory=set)  # the deniers whose sentence tells the claim they deny


def to_events(drafts: dict[int, RepairedDraft], sentences: dict[int, Sentence],
              outlet: str | None, language: str | None = None) -> list[Event]:
    """Turn repaired drafts into records: ids, verbatim evidence, numbers, names, contradictions, status.

    Contests are decided by code (`contests.py`): different figures of one
    quantity from two sources, a denial and the claim it answers; a record the
    model links in `contests` counts too where the contesting sentence denies,
    rejects or counters an earlier sentence of another source (a small model
    otherwise links neighbours). A verification note joins the evidence of the
    claims it is about. The status follows from the article's words (`_status`).
    A summary stands on its own (`_summary`). For a foreign article the summary
    is the model's English version of the sentence where that is a translation
    of it (`in_english`; a clause of a sentence that gives two records, `clauses.py`, is told in its own
    words, in the article's language); evidence quotes and numbers stay in the original
    language, the numbers' values read the way the article's `language` writes
    them ("1.200" is 1200 in Spanish)."""
    english = in_english(drafts, sentences, language)
    # a sentence that tells two parties' claims gives a record per clause (`clauses.py`): the code below reads
    # clauses, keyed `SLOTS * sentence id` (and `+ 1`, `+ 2`, ... for its next clauses)
    clauses, keys = clause_sentences(sentences, language)
    story = {i: s for i, s in sentences.items() if not s.boilerplate}
    items = [(key, _clause_draft(key, draft, clauses, len(keys[sid]) > 1, language))
             for sid, draft in drafts.items() for key in keys[sid]]
    # what the outlet tells hedged ("reportedly", "angeblich") is a claim another party may deny or contest
    claims = [Claim(pos, key, draft.source, _is_outlet(draft) and not is_hedged(clauses[key].text, language))
              for pos, (key, draft) in enumerate(items, 1)]
    figures = clause_figures(figures_of(claims, clauses, language), claims, clauses, sentences, language)
    contests = _Contests(*link_contests(claims, clauses, language, figures))
    _link_embedded(claims, clauses, contests)
    _link_model_contests(items, clauses, contests, language)
    clause_story = {i: s for i, s in clauses.items() if not s.boilerplate}
    notes = verification_notes(claims, clause_story, language, contests.contested)
    # (a denial's or a hypothetical's repeat of another party's figure revises nothing of its speaker's)
    # the quotation each record's sentence is in, by the sentence that opened it
    openers = quote_openers(story)
    in_quote = {c.pos: openers.get(sentence_of(c.sid), sentence_of(c.sid)) for c in claims
                if sentence_of(c.sid) in openers or sentence_of(c.sid) in openers.values()}
    revised = revisions(claims, own_figures(claims, clauses, figures, lexicon(language)),
                        earlier_counts(claims, clauses, language),
                        relayed_figures(claims, clauses, language), in_quote,
                        earlier_occasions(claims, clauses, language),
                        {c.pos: years_of(clauses[c.sid].text, language) for c in claims},
                        figure_places_of(claims, clauses, language),
                        {c.pos: victims_of(clauses[c.sid].text, lexicon(language), language) for c in claims},
                        cumulative_counts(claims, clauses, language), areas_named(claims, clauses, language))
    events = []
    for pos, (key, draft) in enumerate(items, start=1):
        sid = sentence_of(key)
        by_next = reported_by_next(sid, story, language)
        ids = sorted({key, *notes.get(pos, ()), *([SLOTS * by_next] if by_next is not None else [])})
        evidence = [Evidence(sentence_id=sentence_of(i), quote=clauses[i].text) for i in ids]
        quoted = " ".join(clauses[i].text for i in ids)
        actors, locations = names_of(quoted)
        attribution = _attribution(draft, outlet)
        text = clauses[key].text
        status = _status(pos, attribution, contests, quoted, text, language)
        events.append(Event(
            id=f"e{pos}",
            summary=_summary(english[sid].text, text, attribution, status, language) if text == sentences[sid].text
            else _summary(own_words(text, language), own_words(text, language), attribution, status, language),
            attribution=attribution,
            status=status,
            evidence=evidence,
            numbers=_numbers(evidence, language),
            actors=actors,
            locations=locations,
            when=when_of(quoted),
            contradicted_by=[f"e{o}" for o in sorted(contests.contested[pos])],
            superseded_by=f"e{revised[pos]}" if pos in revised else None,
        ))
    return events


def _clause_draft(key: int, draft: RepairedDraft, clauses: dict[int, Sentence], split: bool,
                  language: str | None) -> RepairedDraft:
    """The draft of one clause of a sentence that gives two records: its source read from the clause's own
    words (the model's reading, checked against them); the sentence's draft where it does not split."""
    if not split:
        return draft
    answer = clauses.get(key + 1)  # "Jaguar has dismissed union claims that ...": the union's claim, held whole
    # in the clause after it, the answer's
    if answer is not None and clauses[key].text in answer.text \
            and (named := embedded_speaker(clauses[key].text, language)):
        return replace(draft, source=named[0], cue=named[1], source_type="other")
    held = clauses.get(key - 1) if key % SLOTS else None
    if held is not None and held.text in clauses[key].text:
        # the answer to the claim it holds: its speaker read without the claim's words ("La empresa rechazó las
        # afirmaciones del comité según las cuales ...": the company; "Berichte, wonach ..., werden dementiert": no
        # one named)
        story = {i: s for i, s in clauses.items() if not s.boilerplate and i < key - 1}
        story[key] = replace(clauses[key], text=clauses[key].text.replace(held.text, "", 1))
        speaker = resolve_source(key, draft.source, draft.source_type, story, language)
        return replace(draft, source=speaker.source, cue=speaker.cue, source_type=speaker.source_type)
    if key % SLOTS and (named := elided_speaker(clauses[key - key % SLOTS].text, clauses[key].text, language)
                        or opened_speaker(clauses[key].text, language)):
        # "..., la Cruz Roja de 1.200": the party the item names, with the first clause's verb; "..., lo que
        # Ortega ha negado": the party the clause names after its opening word
        kind = cast("SourceType | None", source_type_of(named[0], named[0]))
        return replace(draft, source=named[0], cue=named[1], source_type=kind or "other")
    story = {i: s for i, s in clauses.items() if not s.boilerplate and i <= key}
    speaker = resolve_source(key, draft.source, draft.source_type, story, language)
    return replace(draft, source=speaker.source, cue=speaker.cue, source_type=speaker.source_type)


def opened_speaker(clause: str, language: str | None) -> tuple[str, str] | None:
    """(source, cue) of a clause that opens with a word of contrast or an answer's relative ("lo que Ortega ha
    negado", "contre 60 000 selon l'intersyndicale"), read without that word; None where it opens with none or
    names no one but a pronoun."""
    bare = without_contrast(clause, language)
    parsed = parse_attribution(bare, language) if bare != clause else None
    return parsed if parsed and parsed[0].lower() not in lexicon(language).pronouns else None


def _link_embedded(claims: list[Claim], clauses: dict[int, Sentence], contests: _Contests) -> None:
    """Add to `contests` the claims that a sentence names and answers (`clauses._embedded`: "Jaguar has dismissed
    union claims that ...", "Berichte, wonach ..., werden dementiert"): the answer, the clause that holds the
    claim's whole, denies it, whoever answers (a passive names no one)."""
    for answer in claims:
        for claim in claims:
            if held(claim, answer, clauses):
                contests.contested[answer.pos].add(claim.pos)
                contests.contested[claim.pos].add(answer.pos)
                contests.denied.add(claim.pos)
                contests.deniers.add(answer.pos)
                contests.telling.add(answer.pos)


def _link_model_contests(items: list[tuple[int, RepairedDraft]], sentences: dict[int, Sentence],
                         contests: _Contests, language: str | None) -> None:
    """Add to `contests` the links the model made that the article's words support: a record contests an
    earlier record's sentence it names in `contests` where its own sentence denies, rejects or counters
    (`_contradicts`) and the two have different sources; a denial denies it."""
    lex = lexicon(language)
    values = {sid: {n.value for n in extract_numbers(s.text, language)} for sid, s in sentences.items()}
    for pos, (sid, draft) in enumerate(items, start=1):  # (`sid`: the clause's key, `SLOTS *` the sentence id)
        # "Ein Unternehmenssprecher wies das zurück.": the sentence right before, nothing further back
        previous = previous_sentence(sentences, sid) \
            if answers_previous(sentences[sid].text, draft.source, language) else None
        for other, (oid, target) in enumerate(items, start=1):
            # (a rejection that names its figure, "Die Zahl von 4.000 ist Schwachsinn", answers no claim of another)
            named = values[sid] and values[oid] and not values[sid] & values[oid]
            if other != pos and sentence_of(oid) < sentence_of(sid) and sentence_of(oid) in draft.contests \
                    and (previous is None or oid == previous) and not named \
                    and _contradicts(sentences[sid].text, lex) and not same_source(draft.source, target.source) \
                    and not party_of(draft.source, target.source, lex):
                contests.contested[pos].add(other)
                contests.contested[other].add(pos)
                if lex.denial.search(sentences[sid].text):
                    contests.denied.add(other)
                    contests.deniers.add(pos)


def _status(pos: int, attribution: Attribution, contests: _Contests, quoted: str, text: str,
            language: str | None) -> Status:
    """The status of record `pos` from the article's words (`quoted`: its evidence; `text`: its sentence):
    the outlet's own voice is `asserted` (`unverified` where its evidence says so or it hedges, "reportedly";
    `denied` where a party denies what it hedged); a claim another record
    denies is `denied`, one it otherwise contests `disputed` (a denier is not disputed by what it denies
    alone); a claim whose evidence says it could not be verified is `unverified`; any other attributed
    statement is `claimed`."""
    unverified = is_verification(quoted, language)
    if attribution.source_type == "outlet":
        if pos in contests.telling:  # "Claims that ... have been denied": a denial the outlet tells, not its own
            return "claimed"
        if not is_hedged(text, language) and not _reported(text, language):
            return "unverified" if unverified else "asserted"
        return "denied" if pos in contests.denied else "unverified"
    if pos in contests.denied and pos not in contests.deniers:
        return "denied"
    answered = {o for o in contests.contested[pos] if o in contests.denied} if pos in contests.deniers else set()
    if contests.contested[pos] - answered or two_sided(text, language):  # "480 000 selon la police, 1,2 million ..."
        return "disputed"
    return "unverified" if unverified else "claimed"


def _reported(text: str, language: str | None) -> bool:
    """Is `text` in the mood of reported speech outside its quotes ("Ils seraient un million", "Die Truppen
    hätten ... eingenommen") with no speaker named: someone's account the outlet does not make its own?"""
    lex = lexicon(language)
    spans = quoted_spans(text)
    return lex.reported_speech is not None and any(
        not any(a <= m.start() < b for a, b in spans) for m in lex.reported_speech.finditer(text))


def _summary(english: str, original: str, attribution: Attribution, status: Status, language: str | None) -> str:
    """The record's summary: its sentence in English (`english`: the model's translation of a foreign
    `original`, or the original), without its dateline, read on its own (`standalone`), and saying whose
    claim it is unless it is the outlet's own voice."""
    summary = standalone(DATELINE.sub("", english, count=1), attribution, language)
    if attribution.source_type != "outlet" and status != "asserted":
        untranslated = language is not None and not language.lower().startswith("en") and english == original
        summary = attributed(summary, attribution.source, original=untranslated)
    return summary


# (after a word of sequence: "Then he repeated the council's figure")
_LEADING_REFERENCE = re.compile(r"^(?:(?:Then|Later|But|And|Also|Earlier|Meanwhile|However),?\s+)?"
                                r"((?:[Hh]e|[Ss]he|[Tt]hey|[Ii]t)|(?:[Tt]he|[Tt]his|[Tt]hat) [a-z][\w-]*)(?=[ ,])")


def standalone(summary: str, attribution: Attribution, language: str | None = None) -> str:
    """The summary read on its own: a leading pronoun or "the ministry" that stands for the record's source
    and speaks ("He says Russia has amassed ...", "The source told the agencies ...") becomes the source's
    name. The summary is English (the sentence, or its translation), so English cues are read."""
    if attribution.source_type == "outlet":
        return summary
    source = attribution.source.strip()
    lex = lexicon("en")
    m = _LEADING_REFERENCE.match(summary)
    if not m or source.lower() in lex.pronouns or source.lower() == m.group(1).lower():
        return summary
    opening, lead, rest = summary[:m.start(1)], m.group(1), summary[m.end():]
    if opening[:1].islower() or not opening and lead[:1].islower():
        return summary  # a lower-case word opens no sentence
    verb = re.match(r"\s+(?:(?:also|later|then|further|separately|has|had|have)\s+)*", rest)
    if not lex.cue.match(rest, verb.end() if verb else 0):
        return summary  # "He and Dalton ...", "The port authority said ...": not the source alone
    words = lead.lower().split()
    if len(words) == 2 and not re.search(rf"\b{re.escape(words[1][:5])}", source, re.IGNORECASE):
        return summary  # "The company said" for a source that is no company
    return opening + source + rest if opening else source[:1].upper() + source[1:] + rest


def _contradicts(text: str, lex) -> bool:
    return bool(lex.denial.search(text) or _CONTRADICTS.search(text))


def _is_outlet(draft: RepairedDraft) -> bool:
    return draft.source.strip().lower() in OUTLET_SOURCES or draft.source_type == "outlet"


def _attribution(draft: RepairedDraft, outlet: str | None) -> Attribution:
    source, source_type = draft.source.strip(), draft.source_type
    if source.lower() in OUTLET_SOURCES or source_type == "outlet":
        if source.lower() in OUTLET_SOURCES:
            source = outlet or "the outlet"
        return Attribution(source=source, source_type="outlet", cue="")
    return Attribution(source=source, source_type=source_type, cue=draft.cue.strip())


def _numbers(evidence: list[Evidence], language: str | None = None) -> list[Number]:
    """The figures of the evidence, as written; one with no word of its own after it ("the official death toll
    is just 48") takes the name of what its clause counts ("dead")."""
    seen: dict[str, Number] = {}
    lex = lexicon(language)
    for ev in evidence:
        # (the quantities' names are English words: a unit only of an English article's figure)
        counted = {value: name for name, values in quantities(ev.quote, lex, language).items() for value in values} \
            if (language or "en").lower().startswith("en") else {}
        for n in extract_numbers(ev.quote, language):
            if n.unit is None and n.value in counted and not re.match(r"\s*\w", ev.quote[ev.quote.find(n.text)
                                                                                    + len(n.text):]):
                n = n.model_copy(update={"unit": counted[n.value]})
            seen.setdefault(n.text, n)
    return list(seen.values())
