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
   faults instead of re-asking: the verification note that follows a claim
   ("could not be independently verified") joins its evidence and makes it
   `unverified`; a sentence with an attribution cue is not the outlet's own
   assertion. Everything else goes back to the model (instructor's re-ask).
4. `to_events` turns the drafts into records: the summary is the sentence
   itself (its dateline removed; "According to X, ..." where a claim does not
   say whose it is), verbatim evidence quotes, numbers as written, names and
   times found by code, contradictions both ways.
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
    ATTRIBUTION_CUES,
    DENIAL,
    attributed,
    is_back_reference,
    mentions,
    parse_attribution,
    same_source,
    source_type_of,
)
from summarizer.names import names_of, when_of
from summarizer.numbers import extract_numbers
from summarizer.schema import Attribution, Dropped, Event, Evidence, Number, SourceType
from summarizer.segment import Sentence
from summarizer.validate import CallSchema, context_of, schema_of, short_errors, text_at_most, with_items

MAX_EVENTS = 14
MIN_EVENTS = 5  # a short article's records, even without figures or attributions
MAX_FLAGGED = 5  # sentences the model may flag as boilerplate
FLAGGABLE_WORDS = 15  # longer sentences are story text, whatever a model flags
OUTLET_SOURCES = {"the outlet", "outlet", "reporter", "the reporter", "the article", "article"}
VERIFICATION_NOTE = re.compile(
    r"could not (?:be )?(?:independently )?(?:verif|confirm)|not (?:been )?(?:independently |officially )?"
    r"(?:verified|confirmed)|unverified|unconfirmed|no independent confirmation", re.IGNORECASE)
_WORDS = re.compile(r"\w+")
_CLOSING = tuple(".!?\"”’»)")
_PRONOUN_SUBJECT = re.compile(r"^(?:He|She|It|They)(?= (?:also |later |then |separately )?(?:said|says|told|added|"
                              r"claimed|claims|denied|denies|stated|reported|insisted|warned|estimated)\b)")
# "KYIV, Ukraine — ", "MOSCOW - ", "WASHINGTON (Reuters) - ": where the story was filed, not what it says.
DATELINE = re.compile(r"^(?:[A-Z][A-Z .'-]{2,}(?:,\s*[A-Z][\w .'-]*)?(?:\s*\([^)]*\))?\s*[-—–]+"
                      r"|[A-Z][\w.'-]+(?:,\s*[A-Z][\w.'-]+)?\s+[—–])\s+")  # "MOSCOW - ", "Kiev — "
_CONTRADICTS = re.compile(r"\b(?:contradict\w*|counter\w*|insist\w*|but said|however)\b", re.IGNORECASE)


class EventDraft(BaseModel):
    """The model's record for one candidate sentence: who says it, and how sure it is."""

    model_config = ConfigDict(hide_input_in_errors=True)  # re-ask messages stay short

    source: text_at_most(100) = Field(min_length=1)
    cue: text_at_most(40)
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
        sentences = in_english(self.drafts(), context.get("sentences", {}))
        problems = []
        for sid, draft in self.drafts().items():
            try:
                self._evidence[sid] = check_draft(sid, draft, sentences, context.get("headline", ()))
            except ValueError as exc:
                problems.append(f"the record for sentence {sid}: {exc}")
        if problems:
            raise ValueError("; ".join(problems))
        return self


class TranslatedEventsAnswer(EventsAnswer):
    """The events answer for an article in another language: each record also has the sentence in English."""

    __pydantic_extra__: dict[str, _TRANSLATED]


TranslatedEventsAnswer.__name__ = "EventsAnswer"  # the name the request gives the schema: the task's, either way


def in_english(drafts: dict[int, EventDraft], sentences: dict[int, Sentence]) -> dict[int, Sentence]:
    """The sentences as the rules read them: a draft's English version in place of its foreign sentence,
    where it is one (reads as English, not a copy of the original; a small model copies)."""
    out = dict(sentences)
    for sid, draft in drafts.items():
        english = (getattr(draft, "english", None) or "").strip()
        if sid in out and english and english != out[sid].text.strip() and _reads_as_english(english):
            out[sid] = replace(out[sid], text=english)
    return out


def _reads_as_english(text: str) -> bool:
    from summarizer.read import detect_language

    return detect_language(text) == "en"


def check_draft(sid: int, draft: EventDraft, sentences: dict[int, Sentence], headline=()) -> list[int]:
    """Check one draft against the article, repairing it in place; return its evidence sentence ids."""
    if not sentences:
        return [sid]
    story = {i: s for i, s in sentences.items() if not s.boilerplate and i not in headline}
    for i in draft.contests:
        if i not in story:
            raise ValueError(f"contests sentence {i}, which is not a story sentence of the article")
    draft.contests = [i for i in dict.fromkeys(draft.contests) if i != sid]
    resolve_source(sid, draft, story)
    evidence = [sid]
    note = next((i for i in (sid + 1, sid + 2) if i in story and is_verification_note(story[i].text)
                 and not VERIFICATION_NOTE.search(story[sid].text)), None)
    if note is not None:
        evidence.append(note)
    return sorted(evidence)


def resolve_source(sid: int, draft: EventDraft, story: dict[int, Sentence]) -> None:
    """Check the model's source against the sentence's own grammar ("X said", "according to X") and
    repair it in place: small models copy the previous record's source.

    A source the sentence names wins over one it does not; "he", "it" or "the
    ministry" resolve to the model's source when an earlier sentence names it,
    else to the last source named before; a sentence with no attribution whose
    model source is not named nearby is the outlet's own voice."""
    text = DATELINE.sub("", story[sid].text, count=1)  # "IZIUM, Ukraine - X said": the source is X
    before = [story[i].text for i in sorted(i for i in story if i < sid)[-3:]]
    model = draft.source.strip()
    is_outlet = model.lower() in OUTLET_SOURCES or draft.source_type == "outlet"
    parsed = parse_attribution(text)
    if parsed is None:
        if not is_outlet and not mentions(" ".join([*before[-2:], text]), model):
            draft.source, draft.source_type, draft.cue = "the outlet", "outlet", ""
        return
    named, cue = parsed
    if is_back_reference(named):
        if is_outlet or not mentions(" ".join(before), model):
            earlier = [p for p in map(parse_attribution, reversed(before)) if p and not is_back_reference(p[0])]
            model = earlier[0][0] if earlier else named
    elif is_outlet or not same_source(model, named) or len(named) > len(model):
        model = named  # the sentence's own words; the more specific of two names for the same source
    if model != draft.source.strip():
        draft.source, draft.cue = model, cue
        draft.source_type = source_type_of(model, text) or "other"
    elif draft.source_type == "outlet":
        draft.source_type = source_type_of(model, text) or "other"
    else:
        draft.source_type = source_type_of(model, text) or draft.source_type
    if not draft.cue.strip() or draft.cue.strip().lower() not in text.lower():
        draft.cue = cue


def is_verification_note(text: str) -> bool:
    """A short sentence that only says something could not be verified ("The figures could not be
    independently verified."): not an event of its own, but evidence for the claim before it."""
    return bool(VERIFICATION_NOTE.search(text)) and len(_WORDS.findall(text)) < 20 and not extract_numbers(text)


def candidates(sentences: list[Sentence], headline=(), limit: int = MAX_EVENTS, fill: int = MIN_EVENTS,
               language: str | None = None) -> list[int]:
    """The ids of the sentences that report the article's events, in article order.

    A story sentence reports an event when it attributes something ("said",
    "according to", ...) or gives a figure; those come first (figures, then
    attributions, denials, the lead), at most `limit`. An article with fewer is
    filled up to `fill` with its other sentences (the cues are English words: a
    foreign article is filled up to `limit`). Never an event of its own: a
    subheading (no closing punctuation), a sentence under five words, or one that
    only says a claim could not be verified (it joins the claim before it).
    Figures are read the way the article's `language` writes them ("5,4 millones")."""
    story = [s for s in sentences if not s.boilerplate and s.id not in headline]
    ranked = []
    for pos, s in enumerate(story):
        text = s.text.strip()
        if len(_WORDS.findall(text)) < 5 or is_verification_note(text) or text[-1:] not in _CLOSING:
            continue
        figure, cue = bool(extract_numbers(text, language)), bool(ATTRIBUTION_CUES.search(text))
        score = 3 * figure + 2 * cue + bool(DENIAL.search(text)) + (pos < 3)
        score -= text.endswith("?") + text.startswith(("“", '"', "«"))
        ranked.append((not (figure or cue), -score, pos, s.id))
    ranked.sort()
    chosen = [sid for plain, _, _, sid in ranked if not plain][:limit]
    chosen += [sid for plain, _, _, sid in ranked if plain][: max(0, min(fill, limit) - len(chosen))]
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
    """After the re-asks ran out: keep each valid record of the last answer, drop the rest with a reason."""
    try:
        data = json.loads(raw or "")
    except json.JSONDecodeError:
        data = None
    if not isinstance(data, dict):
        return {}, [Dropped(stage="events", item=(raw or "")[:2000],
                            reason=f"the answer was not usable JSON: {error}")]
    kept: dict[int, tuple[EventDraft, list[int]]] = {}
    dropped: list[Dropped] = []
    sentences = context.get("sentences", {})
    for key, item in data.items():
        if not key.isdigit():
            continue
        try:
            draft = (_TRANSLATED if isinstance(item, dict) and "english" in item else EventDraft).model_validate(
                item, context=context)
            view = in_english({int(key): draft}, sentences)
            kept[int(key)] = (draft, check_draft(int(key), draft, view, context.get("headline", ())))
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

    A record contradicts the records whose evidence includes a sentence it names
    in `contests`, both ways, where the contesting sentence denies, rejects or
    counters an earlier sentence of another source (a small model otherwise
    links neighbours). The status follows from
    the article's words: the outlet's own voice is `asserted`; a claim another
    record denies is `denied`, one it otherwise contradicts `disputed`; a claim
    whose evidence says it could not be verified is `unverified`; any other
    attributed statement is `claimed`. For a foreign article the rules read the
    drafts' English versions, which are also the summaries; evidence quotes and
    numbers stay in the original language, the numbers' values read the way the
    article's `language` writes them ("1.200" is 1200 in Spanish)."""
    original = sentences
    sentences = in_english({sid: draft for sid, (draft, _) in recs.items()}, sentences)
    items = list(recs.items())
    contested: dict[int, set[int]] = {pos: set() for pos in range(1, len(items) + 1)}
    for pos, (sid, (draft, _)) in enumerate(items, start=1):
        for other, (oid, (target, evidence)) in enumerate(items, start=1):
            if other != pos and oid < sid and set(draft.contests) & set(evidence) \
                    and _contradicts(sentences[sid].text) and not same_source(draft.source, target.source):
                contested[pos].add(other)
                contested[other].add(pos)
    events = []
    for pos, (sid, (draft, ids)) in enumerate(items, start=1):
        evidence = [Evidence(sentence_id=i, quote=original[i].text) for i in ids]
        quoted = " ".join(sentences[i].text for i in ids)
        actors, locations = names_of(quoted)
        attribution = _attribution(draft, outlet)
        denied_by = [o for o in contested[pos] if DENIAL.search(sentences[items[o - 1][0]].text)]
        if attribution.source_type == "outlet":
            status = "unverified" if VERIFICATION_NOTE.search(quoted) else "asserted"
        elif denied_by and not DENIAL.search(sentences[sid].text):
            status = "denied"
        elif contested[pos]:
            status = "disputed"
        elif VERIFICATION_NOTE.search(quoted):
            status = "unverified"
        else:
            status = "claimed"
        summary = DATELINE.sub("", sentences[sid].text, count=1)
        if attribution.source_type != "outlet":
            name = attribution.source[:1].upper() + attribution.source[1:]
            summary = _PRONOUN_SUBJECT.sub(lambda _: name, summary, count=1)  # a name, not a template
            if status != "asserted":
                summary = attributed(summary, attribution.source)
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
        ))
    return events


def _contradicts(text: str) -> bool:
    return bool(DENIAL.search(text) or _CONTRADICTS.search(text))


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
