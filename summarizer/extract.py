"""Extract event records: the model cites sentence ids, code fills quotes and numbers.

`EventsAnswer` is what the model returns (a compact schema: no quotes, no
numbers, no ids). Its validators check every cited id against the numbered
article; instructor sends their messages back to the model (re-ask). The
validated drafts then become `Event` records whose evidence quotes are the
cited sentences' exact text and whose numbers are extracted from them.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationInfo,
    WithJsonSchema,
    create_model,
    field_validator,
    model_validator,
)

from summarizer.numbers import extract_numbers
from summarizer.schema import Attribution, Dropped, Event, Evidence, Number, SourceType, Status
from summarizer.segment import Sentence
from summarizer.validate import salvage_items, text_at_most

MAX_EVENTS = 12
OUTLET_SOURCES = {"the outlet", "outlet", "reporter", "the reporter", "the article", "article"}


class EventDraft(BaseModel):
    """One event as the model states it, citing sentences by id."""

    model_config = ConfigDict(hide_input_in_errors=True)  # re-ask messages stay short

    sentences: list[int] = Field(min_length=1, max_length=3)
    source: text_at_most(100) = Field(min_length=1)
    source_type: SourceType
    cue: text_at_most(40)
    status: Status
    summary: text_at_most(300) = Field(min_length=1)
    actors: list[str] = Field(default_factory=list, max_length=4)
    locations: list[str] = Field(default_factory=list, max_length=4)
    when: text_at_most(60) | None = None
    contests: list[int] = Field(default_factory=list, max_length=3)

    @field_validator("sentences")
    @classmethod
    def _cited_sentences_exist(cls, ids: list[int], info: ValidationInfo) -> list[int]:
        sentences: dict[int, Sentence] = (info.context or {}).get("sentences", {})
        if not sentences:
            return ids
        last = max(sentences)
        for i in ids:
            if i not in sentences:
                raise ValueError(f"sentence {i} does not exist: cite ids between 1 and {last} "
                                 "as numbered in the article")
            if sentences[i].boilerplate:
                raise ValueError(f"sentence {i} is page boilerplate ({sentences[i].boilerplate}), "
                                 "not part of the story: do not cite it")
            if i in (info.context or {}).get("headline", ()):
                raise ValueError(f"sentence {i} is the headline: cite the body sentences that report it")
        return list(dict.fromkeys(ids))

    @model_validator(mode="after")
    def _summary_numbers_are_in_evidence(self, info: ValidationInfo) -> EventDraft:
        sentences: dict[int, Sentence] = (info.context or {}).get("sentences", {})
        if not sentences:
            return self
        cited = " ".join(sentences[i].text for i in self.sentences if i in sentences)
        written = {_digits(n.text) for n in extract_numbers(cited)}
        for n in extract_numbers(self.summary):
            if _digits(n.text) not in written:
                raise ValueError(f"the summary gives the number {n.text!r} but the cited sentences "
                                 f"{self.sentences} do not contain it: cite the sentence that does, "
                                 "or leave the number out")
        return self


class EventsAnswer(BaseModel):
    """The model's answer to the events task."""

    model_config = ConfigDict(hide_input_in_errors=True)  # re-ask messages stay short

    events: list[EventDraft] = Field(max_length=MAX_EVENTS)
    boilerplate: list[int] = Field(default_factory=list, max_length=20)

    @model_validator(mode="after")
    def _contests_point_back(self) -> EventsAnswer:
        for pos, event in enumerate(self.events, start=1):
            for other in event.contests:
                if not 1 <= other <= len(self.events) or other == pos:
                    raise ValueError(f"event {pos} contests {other}, which is not another event in "
                                     f"your list (positions 1 to {len(self.events)})")
            flagged = set(event.sentences) & set(self.boilerplate)
            if flagged:
                raise ValueError(f"event {pos} cites sentences {sorted(flagged)} that you listed as "
                                 "boilerplate: an event's evidence must be part of the story")
        return self


def max_events(citable: list[int]) -> int:
    """No more events than citable sentences: greedy decoding otherwise repeats events up to the cap."""
    return max(1, min(MAX_EVENTS, len(citable)))


def answer_model(citable: list[int]) -> type[EventsAnswer]:
    """EventsAnswer whose sentence ids are limited to this article's citable ids (an enum in the schema),
    with at most `max_events(citable)` events.

    With a grammar-constrained model (the embedded one, or strict structured
    outputs) an id outside the article cannot even be written; for other
    endpoints the validators still send precise errors back.
    """
    if not citable:
        return EventsAnswer
    # The enum is in the schema only; the validators give the model the precise error.
    ids = Annotated[int, WithJsonSchema({"type": "integer", "enum": list(citable)})]
    draft = create_model("EventDraft", __base__=EventDraft,
                         sentences=(list[ids], Field(min_length=1, max_length=3)))
    return create_model("EventsAnswer", __base__=EventsAnswer,
                        events=(list[draft], Field(max_length=max_events(citable))),
                        boilerplate=(list[ids], Field(default_factory=list, max_length=20)))


def _digits(text: str) -> str:
    """Compare numbers by their written form, ignoring thousands separators."""
    return text.lower().replace(",", "").replace(" ", "")


def salvage(raw: str | None, error: str, context: dict) -> tuple[EventsAnswer, list[Dropped]]:
    """After the re-asks ran out: keep each valid event of the last answer, drop the rest with a reason."""
    kept, dropped = salvage_items(raw, error, key="events", item_model=EventDraft, context=context,
                                  stage="events", limit=MAX_EVENTS)
    for event in kept:  # positions change when events are dropped: contests cannot be trusted
        event.contests = []
    return EventsAnswer(events=kept), dropped


def drop_repeats(answer: EventsAnswer) -> tuple[EventsAnswer, list[Dropped]]:
    """Remove events that repeat an earlier one (same summary, or same sentences and source).

    Small models decoding greedily fall into loops; a repeat is not worth a re-ask."""
    kept: list[EventDraft] = []
    dropped: list[Dropped] = []
    seen: dict[tuple, int] = {}
    new_pos: dict[int, int] = {}
    for pos, draft in enumerate(answer.events, start=1):
        keys = [("summary", draft.summary.lower()), ("cites", tuple(draft.sentences), draft.source.lower())]
        first = next((seen[k] for k in keys if k in seen), None)
        if first is not None:
            dropped.append(Dropped(stage="events", item=draft.model_dump_json(),
                                   reason=f"repeats event e{first}"))
            new_pos[pos] = first
            continue
        kept.append(draft)
        new_pos[pos] = len(kept)
        for k in keys:
            seen[k] = len(kept)
    for idx, draft in enumerate(kept, start=1):  # renumber: positions moved when repeats left
        draft.contests = sorted({new_pos[c] for c in draft.contests if c in new_pos} - {idx})
    return answer.model_copy(update={"events": kept}), dropped


def to_events(answer: EventsAnswer, sentences: dict[int, Sentence], outlet: str | None) -> list[Event]:
    """Turn validated drafts into records: ids, verbatim evidence, numbers, two-way contradictions."""
    contested: dict[int, set[int]] = {pos: set() for pos in range(1, len(answer.events) + 1)}
    for pos, draft in enumerate(answer.events, start=1):
        for other in draft.contests:
            contested[pos].add(other)
            contested[other].add(pos)
    events = []
    for pos, draft in enumerate(answer.events, start=1):
        evidence = [Evidence(sentence_id=i, quote=sentences[i].text) for i in draft.sentences]
        events.append(Event(
            id=f"e{pos}",
            summary=draft.summary.strip(),
            attribution=_attribution(draft, outlet),
            status=draft.status,
            evidence=evidence,
            numbers=_numbers(evidence),
            actors=_clean(draft.actors),
            locations=_clean(draft.locations),
            when=(draft.when or "").strip() or None,
            contradicted_by=[f"e{o}" for o in sorted(contested[pos])],
        ))
    return events


def _attribution(draft: EventDraft, outlet: str | None) -> Attribution:
    source, source_type = draft.source.strip(), draft.source_type
    if source.lower() in OUTLET_SOURCES or source_type == "outlet":
        if source.lower() in OUTLET_SOURCES:
            source = outlet or "the outlet"
        source_type = "outlet"
    return Attribution(source=source, source_type=source_type, cue=draft.cue.strip())


def _numbers(evidence: list[Evidence]) -> list[Number]:
    seen: dict[str, Number] = {}
    for ev in evidence:
        for n in extract_numbers(ev.quote):
            seen.setdefault(n.text, n)
    return list(seen.values())


def _clean(names: list[str]) -> list[str]:
    return list(dict.fromkeys(n.strip() for n in names if n and n.strip()))
