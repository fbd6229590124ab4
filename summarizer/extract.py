"""Extract event records: code picks the sentences, the model says who claims what, code fills the rest.

1. `candidates` picks the article's event sentences deterministically: story
   sentences (no boilerplate, not the headline) that report something, with a
   figure or an attribution ranked first, at most MAX_EVENTS, in article order.
2. The model answers one record per candidate: an object whose keys are the
   candidates' ids, in order (`answer_schema`). With a grammar-constrained model
   the keys are forced, so a small model cannot loop over the same sentences.
   It writes who says it (source, cue, source type), the status and which
   sentences' claims it contradicts; nothing it writes is a quote, a number or
   a paraphrase that could drift from the article.
3. Validators check what the model wrote against the article and repair cheap
   faults instead of re-asking: the source is read from the sentence's own
   words in its language (`attribution.py`), a back reference resolves to the
   source named before, a sentence with no attribution is the outlet's own
   voice. Everything else goes back to the model (instructor's re-ask).
4. `to_events` turns the drafts into records: verbatim evidence quotes,
   numbers as written, names and times found by code; contests linked by code
   (`contests.py`: different figures of one quantity, a denial and what it
   answers); a note that claims could not be verified joins their evidence;
   the summary is the sentence (or its English translation, where it is one)
   naming who speaks.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import replace

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    ValidationError,
    ValidationInfo,
    create_model,
    model_validator,
)

from summarizer.attribution import (
    attributed,
    is_back_reference,
    is_speaker,
    mentions,
    opening_subject,
    parse_attribution,
    same_source,
    source_type_of,
    speaker_before,
)
from summarizer.contests import Claim, figures_of, link_contests, revisions, two_sided, verification_notes
from summarizer.contests import is_note as is_verification_note
from summarizer.language import is_back_attribution, is_verification, lexicon
from summarizer.names import names_of, when_of
from summarizer.numbers import extract_numbers
from summarizer.schema import Attribution, Dropped, Event, Evidence, Number, SourceType
from summarizer.segment import Sentence
from summarizer.translation import supported_translation
from summarizer.validate import (
    CallSchema,
    complete_members,
    context_of,
    schema_of,
    short_errors,
    text_at_most,
    with_items,
)

MAX_EVENTS = 14
MIN_EVENTS = 5  # a short article's records, even without figures or attributions
LEAD_WORDS = 15  # a story's first sentence is a record whatever it holds when it has this many words
MAX_FLAGGED = 5  # sentences the model may flag as boilerplate
FLAGGABLE_WORDS = 15  # longer sentences are story text, whatever a model flags
OUTLET_SOURCES = {"the outlet", "outlet", "reporter", "the reporter", "the article", "article"}
_WORDS = re.compile(r"\w+")
_CLOSING = tuple(".!?\"”’»)")
# "KYIV, Ukraine — ", "MOSCOW - ", "WASHINGTON (Reuters) - ": where the story was filed, not what it says.
DATELINE = re.compile(r"^(?:[A-Z][A-Z .'-]{2,}(?:,\s*[A-Z][\w .'-]*)?(?:\s*\([^)]*\))?\s*[-—–]+"
                      r"|[A-Z][\w.'-]+(?:,\s*[A-Z][\w.'-]+)?\s+[—–])\s+")  # "MOSCOW - ", "Kiev — "
_CONTRADICTS = re.compile(r"\b(?:contradict\w*|counter\w*|insist\w*|but said|however)\b", re.IGNORECASE)


class EventDraft(BaseModel):
    """The model's record for one candidate sentence: who says it, and how sure it is."""

    model_config = ConfigDict(hide_input_in_errors=True)  # re-ask messages stay short

    source: text_at_most(100) = Field(min_length=1)
    cue: str  # any length: the sentence's own cue word replaces it (`resolve_source`), so no re-ask is spent on it
    source_type: SourceType
    contests: list[int] = Field(default_factory=list, max_length=2)


_TRANSLATED = create_model("EventDraft", __base__=EventDraft, english=(text_at_most(400), Field(min_length=1)))


class EventsAnswer(CallSchema):
    """The model's answer to the events task: one `EventDraft` per candidate id, under the id as key
    ("3", "6", ...), and the ids it flags as boilerplate. Which ids are candidates is the call's (see
    `events_call`); keys that are not candidates are ignored, a missing candidate is an error."""

    model_config = ConfigDict(hide_input_in_errors=True, extra="allow")
    __pydantic_extra__: dict[str, EventDraft]

    boilerplate: list[int] = Field(default_factory=list, max_length=MAX_FLAGGED)

    _evidence: dict[int, list[int]] = PrivateAttr(default_factory=dict)

    @model_validator(mode="before")
    @classmethod
    def _candidates_only(cls, data, info: ValidationInfo):
        wanted = context_of(info).get("candidates")
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

    def evidence(self, sentence_id: int) -> list[int]:
        return self._evidence.get(sentence_id, [sentence_id])

    @model_validator(mode="after")
    def _check_and_repair(self, info: ValidationInfo) -> EventsAnswer:
        context = context_of(info)
        missing = [str(i) for i in context.get("candidates", ()) if str(i) not in (self.__pydantic_extra__ or {})]
        if missing:
            raise ValueError(f"no record for sentence{'s' if len(missing) > 1 else ''} {', '.join(missing)}: "
                             "give one record for every sentence id in the schema")
        sentences = context.get("sentences", {})
        problems = []
        for sid, draft in self.drafts().items():
            try:
                self._evidence[sid] = check_draft(sid, draft, sentences, context.get("headline", ()),
                                                  context.get("language"))
            except ValueError as exc:
                problems.append(f"the record for sentence {sid}: {exc}")
        if problems:
            raise ValueError("; ".join(problems))
        return self


class TranslatedEventsAnswer(EventsAnswer):
    """The events answer for an article in another language: each record also has the sentence in English."""

    __pydantic_extra__: dict[str, _TRANSLATED]


TranslatedEventsAnswer.__name__ = "EventsAnswer"  # the name the request gives the schema: the task's, either way


def in_english(drafts: dict[int, EventDraft], sentences: dict[int, Sentence],
               language: str | None = None) -> dict[int, Sentence]:
    """The sentences with a draft's English version in place of its foreign sentence, where it is one: it
    reads as English (not a copy of the original: a small model copies) and gives the numbers and names of
    the sentence it translates, nothing else (`translation.supported_translation`). What the model writes
    about no sentence ("This is a news article about ...") is never used."""
    out = dict(sentences)
    for sid, draft in drafts.items():
        english = (getattr(draft, "english", None) or "").strip()
        if sid in out and english and english != out[sid].text.strip() and _reads_as_english(english) \
                and supported_translation(english, out[sid].text, language):
            out[sid] = replace(out[sid], text=english)
    return out


def _reads_as_english(text: str) -> bool:
    from summarizer.read import detect_language

    return detect_language(text) == "en"


def check_draft(sid: int, draft: EventDraft, sentences: dict[int, Sentence], headline=(),
                language: str | None = None) -> list[int]:
    """Check one draft against the article, repairing it in place; return its evidence sentence ids."""
    if not sentences:
        return [sid]
    story = {i: s for i, s in sentences.items() if not s.boilerplate and i not in headline}
    for i in draft.contests:
        if i not in story:
            raise ValueError(f"contests sentence {i}, which is not a story sentence of the article")
    draft.contests = [i for i in dict.fromkeys(draft.contests) if i != sid]
    resolve_source(sid, draft, story, language)
    return [sid]


def resolve_source(sid: int, draft: EventDraft, story: dict[int, Sentence], language: str | None = None) -> None:
    """Check the model's source against the sentence's own grammar, read in the article's language
    ("X said", "according to X", "laut X", "según X", "по словам X"), and repair it in place: small models
    copy the previous record's source, and translate or invent names.

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
    lex = lexicon(language)
    text = DATELINE.sub("", story[sid].text, count=1)  # "IZIUM, Ukraine - X said": the source is X
    earlier_text = [story[i].text for i in sorted(i for i in story if i < sid)]
    before = earlier_text[-3:]
    model = draft.source.strip()
    is_outlet = model.lower() in OUTLET_SOURCES or draft.source_type == "outlet"
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
    if parsed is None and (continued := quote_continues(sid, story)) is not None:
        # '"Wir haben Zweifel", sagte Bulut. "Als in Kahramanmaras ..."': the quote goes on, the speaker too
        parsed = parse_attribution(DATELINE.sub("", story[continued].text, count=1), language)
    if parsed is None:
        earlier = _earlier_source(before, language)
        opening = lex.continuation.match(text) if lex.continuation is not None else None
        last = _earlier_source(before[-1:], language) if opening else None
        if lex.reported_speech is not None and lex.reported_speech.search(text) and earlier:
            # reported speech continues the last named source; its cue is the verb form that marks it ("seien")
            parsed = (earlier[0], lex.reported_speech.search(text).group(0))
        elif last:
            parsed = last  # "In addition, ...": goes on with what the sentence before reported
        else:  # no attribution: the outlet's own voice, whatever the model says
            draft.source, draft.source_type, draft.cue = "the outlet", "outlet", ""
            return
    named, cue = parsed
    if named.lower() in lex.pronouns and lex.according is not None and lex.according.fullmatch(cue):
        # "Para la Delegación del Gobierno ...: según ellos": the party the sentence names before the marker
        named = speaker_before(text, named, language) or named
    if lex.pro_drop and named.lower() in lex.pronouns and named.lower() not in text.lower().split() and before \
            and parse_attribution(DATELINE.sub("", before[-1], count=1), language) is None:
        # no written subject after a sentence that attributes nothing ("Los sindicatos ofrecieron otra versión.
        # Cifraron ..."): that sentence's subject
        named = opening_subject(DATELINE.sub("", before[-1], count=1), language) or named
    if named.lower() not in lex.pronouns and named.lower() not in text.lower() and model.lower() not in text.lower():
        model = named  # the subject the sentence goes on with, whatever the model read
    elif is_back_reference(named, language):
        if is_outlet or model.lower() in (named.lower(), *lex.pronouns) or not is_speaker(model, language) \
                or not mentions(_unaddressed(" ".join(t for t in before if t.rstrip()[-1:] in _CLOSING), lex), model) \
                or model.lower() not in " ".join(earlier_text).lower():
            # "he" is someone named just before; "the ministry" or "der Sprecher" may be named further back
            reach = before if named.lower() in lex.pronouns else earlier_text
            earlier = _earlier_source(reach, language, named)
            model = earlier[0] if earlier else _introduced(reach, named, language) or named
            if model.lower() in lex.pronouns and draft.source.strip().lower() in " ".join(earlier_text).lower() \
                    and is_speaker(draft.source.strip(), language) and not is_outlet:
                model = draft.source.strip()  # "we" named nowhere before: the model's reading, a party named
    elif is_outlet or not same_source(model, named) or len(named) > len(model) or model.lower() not in text.lower() \
            or not is_speaker(model, language):  # "lanzó un dato falso sobre ...": no party, whatever the model read
        model = named  # the sentence's own words; the more specific of two names for the same source
    if model != draft.source.strip():
        draft.source, draft.cue = model, cue
        draft.source_type = source_type_of(model, text) or "other"
    elif draft.source_type == "outlet":
        draft.source_type = source_type_of(model, text) or "other"
    else:
        draft.source_type = source_type_of(model, text) or draft.source_type
    draft.cue = cue  # the sentence's own word


_OPENS_QUOTE = re.compile(r"^\s*(?:[\"“„«]|[—–]\s)")
_CLOSES_QUOTE = re.compile(r"[\"”»“]|,\s*[—–]\s")


def _unaddressed(text: str, lex) -> str:
    """`text` without whom its statements were made to ("Об этом изданию Newsweek заявил X"): an addressee is
    named, but speaks not."""
    return lex.addressees.sub(" ", text) if lex.addressees is not None else text


def _no_comment(text: str, lex) -> bool:
    """A short sentence saying a party did not comment ("The army did not respond to a request for comment.")."""
    return lex.no_comment is not None and len(_WORDS.findall(text)) < 20 and bool(lex.no_comment.search(text))


def quote_closed_by(sid: int, story: dict[int, Sentence]) -> int | None:
    """The id of the sentence that closes the quote sentence `sid` opens and names its speaker, in the same
    paragraph ("“The figure is far too low. Our teams counted 58 bodies,” said X.", "— Заява ... не
    відповідає дійсності. Жодного складу там не було, — заявив X."), else None: what a quote's sentences say is
    its speaker's, whatever cue words they hold."""
    text = story[sid].text
    opened = _OPENS_QUOTE.match(text)
    if opened is None or _CLOSES_QUOTE.search(text, opened.end()):
        return None
    for i in sorted(i for i in story if i > sid)[:3]:
        if story[i].paragraph != story[sid].paragraph or _OPENS_QUOTE.match(story[i].text):
            return None
        if _CLOSES_QUOTE.search(story[i].text):
            return i
    return None


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
    phrase = re.compile(rf"\b(?:{articles})\s+(?:[\w'’-]+\s+){{0,3}}?{re.escape(head)}\b[^,.;:“”\"()]*", re.IGNORECASE)
    for text in reversed(before):
        for m in reversed(list(phrase.finditer(text))):
            medium = text[:m.start()].split()[-1:]
            at = m.start() + re.search(rf"\b{re.escape(head)}\b", m.group(0), re.IGNORECASE).end()
            following = re.match(r"\s*([^\w\s]|\w*)", text[at:]).group(1).lower()
            # the phrase ends at its head ("in a statement that ...", "in a statement, ..."), not "an army post"
            closes = not following.isalnum() or following in lex.complementizers | lex.prepositions | lex.ends_source
            parsed = parse_attribution(DATELINE.sub("", text, count=1), language)
            if medium and medium[0].lower() in lex.prepositions and closes and parsed \
                    and parsed[0].lower() not in lex.pronouns:
                return parsed[0]  # "X said in a statement that ...", then "the statement said": X's
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
    return bool(lex.cue.search(before) or lex.according is not None and lex.according.search(before)
                or lex.cue.match(after.lstrip()))


def _earlier_source(before: list[str], language: str | None, reference: str | None = None
                   ) -> tuple[str, str] | None:
    """The last source named (not a pronoun) in the sentences `before` that `reference` can stand
    for: any for a pronoun; for "the ministry", one whose name holds "ministry" (else None: "The governor"
    said first is a source as written, not the president named before)."""
    lex = lexicon(language)
    bare = re.sub(r"['’]s \w+$", "", reference or "")  # "the ministry's statement": the ministry
    head = bare.split()[-1:] if reference and reference.lower() not in lex.pronouns else []
    for text in reversed(before):
        parsed = parse_attribution(DATELINE.sub("", text, count=1), language)
        if parsed and parsed[0].lower() not in lex.pronouns:
            if head and not re.search(re.escape(head[0][:6]), parsed[0], re.IGNORECASE):
                continue
            return parsed
    return None


def candidates(sentences: list[Sentence], headline=(), limit: int = MAX_EVENTS, fill: int = MIN_EVENTS,
               language: str | None = None) -> list[int]:
    """The ids of the sentences that report the article's events, in article order.

    A story sentence reports an event when it attributes something ("said",
    "according to", ...) or gives a figure; those come first (figures, then
    attributions, denials), after the lead (the first story sentence, which says
    what the story is, whatever it holds), at most `limit`. An article with fewer is
    filled up to `fill` with its other sentences. The cues are the article's
    language's (`language.py`). Never an event of its own: a
    subheading (no closing punctuation), a sentence under five words, or one that
    only says a claim could not be verified, or only who reported the sentence before ("Об этом сообщил X"):
    each joins the claim before it; nor a short one that only says a party did not comment.
    Figures are read the way the article's `language` writes them ("5,4 millones")."""
    lex = lexicon(language)
    story = [s for s in sentences if not s.boilerplate and s.id not in headline]
    ranked = []
    for pos, s in enumerate(story):
        text = s.text.strip()
        if len(_WORDS.findall(text)) < 5 or is_verification_note(text, language) or text[-1:] not in _CLOSING \
                or is_back_attribution(text, language) or _no_comment(text, lex):
            continue
        figure = bool(extract_numbers(text, language))
        cue = bool(lex.cue.search(text) or lex.according is not None and lex.according.search(text)
                   or lex.according_after is not None and lex.according_after.search(text)
                   or pos + 1 < len(story) and is_back_attribution(story[pos + 1].text, language))
        score = 3 * figure + 2 * cue + bool(lex.denial.search(text)) + (pos < 3)
        score -= text.endswith("?") + text.startswith(("“", '"', "«"))
        ranked.append((not (figure or cue), -score, pos, s.id))
    ranked.sort()
    # the lead says what the story is: its first sentence is a record even with no figure or cue
    first = min(ranked, key=lambda r: r[2], default=None)
    # a statement of some length: not a question, a caption ("Ein zerstörtes Gebäude in Izmir.") or a "Get
    # the news delivered to your inbox!" promotion
    lead = [first[3]] if first and story[first[2]].text.strip().rstrip("\"”»'’").endswith(".") \
        and len(_WORDS.findall(story[first[2]].text)) >= LEAD_WORDS else []
    chosen = lead + [sid for plain, _, _, sid in ranked if not plain and sid not in lead][:limit - len(lead)]
    room = max(0, min(fill, limit) - len(chosen))
    chosen += [sid for plain, _, _, sid in ranked if plain and sid not in chosen][:room]
    return sorted(chosen)


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


def salvage(raw: str | None, error: str, context: dict) -> tuple[dict[int, tuple[EventDraft, list[int]]],
                                                                  list[Dropped]]:
    """After the re-asks ran out, or an answer was cut off at the token limit: keep each valid (and complete)
    record of the last answer, drop the rest with a reason."""
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
    kept: dict[int, tuple[EventDraft, list[int]]] = {}
    sentences = context.get("sentences", {})
    headline = context.get("headline", ())
    wanted = context.get("candidates")
    for key, item in data.items():
        if key == "boilerplate":
            continue
        # Only a story sentence the model was asked about has a record: an id the article does not have
        # ("0", "777", "e1", "²"), the headline or a furniture sentence is dropped, never looked up.
        sid = int(key) if re.fullmatch(r"[0-9]{1,9}", key) else None
        if sid is None or sid not in sentences or sentences[sid].boilerplate or sid in headline \
                or wanted is not None and sid not in wanted:
            dropped.append(Dropped(stage="events", item=json.dumps({key: item}, ensure_ascii=False)[:2000],
                                   reason=f"sentence {key} is not one the model was asked about"))
            continue
        schema = _TRANSLATED if isinstance(item, dict) and "english" in item else EventDraft
        try:
            try:
                draft = schema.model_validate(item, context=context)
            except ValidationError as exc:
                if not isinstance(item, dict) or {e["loc"][:1] for e in exc.errors()} != {("source",)}:
                    raise
                # only the source is unusable (a whole sentence copied into it): the sentence's own words decide
                # who speaks, as for any record (`resolve_source`)
                draft = schema.model_validate({**item, "source": "the outlet"}, context=context)
                dropped.append(Dropped(stage="events", item=str(item.get("source"))[:300],
                                       reason=f"the model's source for sentence {sid} was not kept: "
                                              f"{short_errors(exc)}; the sentence's own words name it"))
            kept[sid] = (draft, check_draft(sid, draft, sentences, headline, context.get("language")))
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


def records(answer: EventsAnswer) -> dict[int, tuple[EventDraft, list[int]]]:
    """{candidate id: (draft, evidence ids)} of a validated answer."""
    return {sid: (draft, answer.evidence(sid)) for sid, draft in answer.drafts().items()}


def to_events(recs: dict[int, tuple[EventDraft, list[int]]], sentences: dict[int, Sentence],
              outlet: str | None, language: str | None = None) -> list[Event]:
    """Turn checked drafts into records: ids, verbatim evidence, numbers, names, contradictions, status.

    Contests are decided by code (`contests.py`): different figures of one
    quantity from two sources, a denial and the claim it answers; a record the
    model links in `contests` counts too where the contesting sentence denies,
    rejects or counters an earlier sentence of another source (a small model
    otherwise links neighbours). A verification note joins the evidence of the
    claims it is about. The status follows from the article's words: the outlet's
    own voice is `asserted` (`unverified` where its evidence says so); a claim
    another record denies is `denied`, one it otherwise contests `disputed`; a
    claim whose evidence says it could not be verified is `unverified`; any other
    attributed statement is `claimed`. A summary stands on its own: a leading
    "He" or "The ministry" that stands for the record's source is replaced by the
    source's name. For a foreign article the summary is the model's English
    version of the sentence where that is a translation of it (`in_english`);
    evidence quotes and numbers stay in the original language, the numbers'
    values read the way the article's `language` writes them ("1.200" is 1200
    in Spanish)."""
    lex = lexicon(language)
    english = in_english({sid: draft for sid, (draft, _) in recs.items()}, sentences, language)
    items = list(recs.items())
    claims = [Claim(pos, sid, draft.source, _is_outlet(draft)) for pos, (sid, (draft, _)) in enumerate(items, 1)]
    figures = figures_of(claims, sentences, language)
    contested, denied, deniers = link_contests(claims, sentences, language, figures)
    for pos, (sid, (draft, _)) in enumerate(items, start=1):
        for other, (oid, (target, evidence)) in enumerate(items, start=1):
            if other != pos and oid < sid and set(draft.contests) & set(evidence) \
                    and _contradicts(sentences[sid].text, lex) and not same_source(draft.source, target.source):
                contested[pos].add(other)
                contested[other].add(pos)
                if lex.denial.search(sentences[sid].text):
                    denied.add(other)
                    deniers.add(pos)
    story = {i: s for i, s in sentences.items() if not s.boilerplate}
    notes = verification_notes(claims, story, language)
    revised = revisions(claims, figures)
    events = []
    for pos, (sid, (draft, ids)) in enumerate(items, start=1):
        by_next = reported_by_next(sid, story, language)
        ids = sorted({*ids, *notes.get(pos, ()), *([by_next] if by_next is not None else [])})
        evidence = [Evidence(sentence_id=i, quote=sentences[i].text) for i in ids]
        quoted = " ".join(sentences[i].text for i in ids)
        actors, locations = names_of(quoted)
        attribution = _attribution(draft, outlet)
        unverified = is_verification(quoted, language)
        if attribution.source_type == "outlet":
            status = "unverified" if unverified else "asserted"
        elif pos in denied and pos not in deniers:
            status = "denied"
        elif contested[pos] - ({o for o in contested[pos] if o in denied} if pos in deniers else set()) \
                or two_sided(sentences[sid].text, language):  # "480 000 selon la police, 1,2 million selon ..."
            status = "disputed"
        elif unverified:
            status = "unverified"
        else:
            status = "claimed"
        summary = standalone(DATELINE.sub("", english[sid].text, count=1), attribution, language)
        if attribution.source_type != "outlet" and status != "asserted":
            untranslated = language is not None and not language.lower().startswith("en") \
                and english[sid].text == sentences[sid].text
            summary = attributed(summary, attribution.source, original=untranslated)
        events.append(Event(
            id=f"e{pos}",
            summary=summary,
            attribution=attribution,
            status=status,
            evidence=evidence,
            numbers=_numbers(evidence, language),
            actors=actors,
            locations=locations,
            when=when_of(quoted),
            contradicted_by=[f"e{o}" for o in sorted(contested[pos])],
            superseded_by=f"e{revised[pos]}" if pos in revised else None,
        ))
    return events


_LEADING_REFERENCE = re.compile(r"^(?:(?:He|She|They|It)|(?:The|This|That) [a-z][\w-]*)(?=[ ,])")


def standalone(summary: str, attribution: Attribution, language: str | None = None) -> str:
    """The summary read on its own: a leading pronoun or "the ministry" that stands for the record's source
    and speaks ("He says Russia has amassed ...", "The source told the agencies ...") becomes the source's
    name. The summary is English (the sentence, or its translation), so English cues are read."""
    if attribution.source_type == "outlet":
        return summary
    source = attribution.source.strip()
    lex = lexicon("en")
    m = _LEADING_REFERENCE.match(summary)
    if not m or source.lower() in lex.pronouns or source.lower() == m.group(0).lower():
        return summary
    lead, rest = m.group(0), summary[m.end():]
    verb = re.match(r"\s+(?:(?:also|later|then|further|separately|has|had|have)\s+)*", rest)
    if not lex.cue.match(rest, verb.end() if verb else 0):
        return summary  # "He and Dalton ...", "The port authority said ...": not the source alone
    words = lead.lower().split()
    if len(words) == 2 and not re.search(rf"\b{re.escape(words[1][:5])}", source, re.IGNORECASE):
        return summary  # "The company said" for a source that is no company
    return source[:1].upper() + source[1:] + rest


def _contradicts(text: str, lex) -> bool:
    return bool(lex.denial.search(text) or _CONTRADICTS.search(text))


def _is_outlet(draft: EventDraft) -> bool:
    return draft.source.strip().lower() in OUTLET_SOURCES or draft.source_type == "outlet"


def _attribution(draft: EventDraft, outlet: str | None) -> Attribution:
    source, source_type = draft.source.strip(), draft.source_type
    if source.lower() in OUTLET_SOURCES or source_type == "outlet":
        if source.lower() in OUTLET_SOURCES:
            source = outlet or "the outlet"
        return Attribution(source=source, source_type="outlet", cue="")
    return Attribution(source=source, source_type=source_type, cue=draft.cue.strip())


def _numbers(evidence: list[Evidence], language: str | None = None) -> list[Number]:
    seen: dict[str, Number] = {}
    for ev in evidence:
        for n in extract_numbers(ev.quote, language):
            seen.setdefault(n.text, n)
    return list(seen.values())
