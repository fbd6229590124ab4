"""The digest written by the model in a second call, and the checks it must pass.

The model writes a few sentences, each citing the event ids it uses (`call_context`: the records it may
cite and the JSON Schema of its answer). (On the embedded model the digest is written by code instead:
`compose.py`; its sentences pass these same checks, a test says so.)
Validators check that cited ids exist, that numbers come from the cited events, that a sentence about a
claim names who makes it (a claim is never stated as a plain fact), that no loaded label
(`prompts/loaded_terms.txt`) is used in the digest's own voice, that no sentence quotes more than three
words, that both sides of a dispute are in one sentence and that the digest stays short. They only check
(a sentence's text is stripped and its event ids read once each as the fields are parsed), so nothing is
repaired: failures are re-asked; what still fails is dropped.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Annotated

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)

from summarizer import compose
from summarizer.attribution import ATTRIBUTION_CUES, names_source
from summarizer.neutral import loaded_terms
from summarizer.numbers import extract_numbers, figure_key
from summarizer.schema import Digest, DigestSentence, Dropped, Event
from summarizer.validate import (
    CallContext,
    CallSchema,
    at_most,
    context_of,
    salvage_items,
    schema_of,
    with_items,
)

MIN_SENTENCES, MAX_SENTENCES = 1, compose.MAX_SENTENCES


@dataclass(frozen=True)
class DigestContext(CallContext):
    """What a digest call's answer is checked against: the records it may cite, by event id."""

    events: dict[str, Event] = field(default_factory=dict)


class DigestSentenceDraft(BaseModel):
    model_config = ConfigDict(hide_input_in_errors=True)  # re-ask messages stay short

    text: Annotated[str, AfterValidator(at_most(400))] = Field(min_length=1)
    event_ids: list[str] = Field(min_length=1, max_length=4)

    @field_validator("event_ids")
    @classmethod
    def _events_exist(cls, ids: list[str], info: ValidationInfo) -> list[str]:
        events = context_of(info, DigestContext).events
        if events:
            for i in ids:
                if i not in events:
                    raise ValueError(f"event id {i!r} does not exist: use only {', '.join(events)}")
        return list(dict.fromkeys(ids))

    @model_validator(mode="after")
    def _faithful(self, info: ValidationInfo) -> DigestSentenceDraft:
        events = context_of(info, DigestContext).events
        cited = [events[i] for i in self.event_ids if i in events]
        if not cited:
            return self
        # a record's figures, and those of its summary (a checked English version: "three" for "трое")
        own = [n for e in cited for n in (*e.numbers, *extract_numbers(e.summary))]
        written = {n.text.lower().replace(",", "") for n in own}
        figures = {figure_key(n) for n in own}  # a Spanish record's "1.200" is 1,200
        rest = self.text
        for text in sorted({n.text for n in own}, key=len, reverse=True):  # "95 000" as written is one figure
            rest = re.sub(rf"(?<![\w.,]){re.escape(text)}(?!\w)", " ", rest)  # but "14" is not "1" and "4"
        for n in extract_numbers(rest):  # the digest is English
            if n.text.lower().replace(",", "") not in written and figure_key(n) not in figures:
                raise ValueError(f"the sentence {self.text!r} gives the number {n.text!r}, which is not "
                                 f"in events {self.event_ids}: keep numbers as the events give them")
        names = [n for e in cited for n in (e.attribution.source, *e.actors, *e.locations)]
        if len(self.text.split()) >= compose.MIN_WORDS and not compose.is_english(self.text, names):
            raise ValueError(f"the sentence {self.text!r} is not in English: write the digest in English")
        quoted = [q for q in compose.QUOTED.findall(self.text) if len(q.split()) > 3]
        if quoted:
            raise ValueError(f"the sentence {self.text!r} quotes {quoted[0]}: say what the source said in your "
                             "own neutral words, without quotation marks (a party's label of one to three words "
                             "may be quoted)")
        labels = loaded_terms(self.text)
        if labels:
            raise ValueError(f"the sentence {self.text!r} uses the loaded label(s) {', '.join(labels)} in its own "
                             "voice: use a neutral word, or quote the party that uses it")
        novel, content = novel_words(self.text, cited)
        # English words are compared with English records only: an English digest of a Spanish record shares
        # its figures and names (checked here and below), not its words
        if len(novel) > max(2, 0.3 * content) and all(compose.is_english(e.summary) for e in cited):
            raise ValueError(f"the sentence {self.text!r} says things that are not in events "
                             f"{self.event_ids} ({', '.join(novel[:6])}): write only what the records say")
        for e in cited:  # each claim's source, by name where its record names it: "said" names no other
            by_name = e.attribution.source_type != "outlet" and names_speaker(e.summary, e.attribution.source)
            if e.status != "asserted" and not (names_speaker(self.text, e.attribution.source) if by_name
                                               else names_source(self.text, e.attribution.source)):
                raise ValueError(
                    f"the sentence {self.text!r} states event {e.id} as a fact, but it is "
                    f"{e.status} by {e.attribution.source}: say who says it "
                    f"(\"{e.attribution.source} {e.attribution.cue or 'said'} ...\")")
        return self


def call_context(events: dict[str, Event]) -> DigestContext:
    """The digest call's context: the records it may cite (by event id) and its answer's JSON Schema."""
    return DigestContext(schema=answer_schema(list(events)), events=events)


def answer_schema(event_ids: list[str]) -> dict:
    """The digest answer's JSON Schema for one call: event ids limited to this article's (an enum)."""
    sentence = with_items(_schemas()[1], "event_ids", {"enum": list(event_ids), "type": "string"})
    return {**_schemas()[0], "$defs": {"DigestSentenceDraft": sentence}}


@functools.cache
def _schemas() -> tuple[dict, dict]:
    """The answer's and one sentence's JSON Schema as pydantic makes them, once."""
    return schema_of(DigestAnswer), schema_of(DigestSentenceDraft)


_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_FUNCTION_WORDS = set("""
a about above after again against all also an and any are as at be been before being below between both but
by can could did do does during each either few for from further had has have having he her here hers him his
how i if in into is it its itself just least less many may might more most much must my neither no nor not now
of off on once one only or other our out over own same she should since so some such than that the their them
then there these they this those through to too under until up very was we were what when where whether which
while who whom why will with would yet you your while however although though meanwhile also further
""".split())


def _stem(word: str) -> str:
    word = word.lower().strip("'’-")
    for suffix in ("'s", "’s", "ies", "es", "s", "ed", "ing"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


# The words a digest may use to frame what the records say: who gives which figure, a claim and its denial,
# the report's language (the composed digest's templates; a model's digest may use them too).
FRAME_WORDS = """gave give gives toll figure crowd people claim report account accounts opens language injured
displaced missing detained prisoners rescued participants votes projectiles tonnes litres hectares kilograms
board independently verified rejected denied""".split()


def novel_words(text: str, cited: list[Event]) -> tuple[list[str], int]:
    """Content words of a digest sentence found neither in the cited events nor among attribution
    words, and the number of its content words."""
    known = " ".join(f"{e.summary} {e.attribution.source} {e.attribution.cue} "
                     + " ".join(ev.quote for ev in e.evidence) for e in cited)
    known_stems = {_stem(w) for w in [*_WORD.findall(known), *FRAME_WORDS]}
    novel: list[str] = []
    content = 0
    for word in _WORD.findall(text):
        lowered = word.lower()
        if lowered in _FUNCTION_WORDS or ATTRIBUTION_CUES.fullmatch(lowered) or lowered.endswith("-language"):
            continue
        content += 1
        if _stem(word) not in known_stems and lowered not in novel:
            novel.append(lowered)
    return novel, content


def names_speaker(text: str, source: str) -> bool:
    """Does `text` name `source` by one of its words of four letters or more that is no function word
    ("Ukraine's interior ministry": "ministry" or "interior")? A source with no such word ("he") is named by
    any attribution cue."""
    words = [w.removesuffix("'s").removesuffix("’s") for w in _WORD.findall(source.lower())
             if len(w) >= 4 and w not in _FUNCTION_WORDS]
    said = {w.removesuffix("'s").removesuffix("’s") for w in _WORD.findall(text.lower())}
    return any(w in said for w in words) if words else names_source(text, source)


class DigestAnswer(CallSchema):
    """The model's answer to the digest task (its schema per call: `answer_schema`)."""

    model_config = ConfigDict(hide_input_in_errors=True)  # re-ask messages stay short

    sentences: list[DigestSentenceDraft] = Field(min_length=MIN_SENTENCES, max_length=MAX_SENTENCES)

    @model_validator(mode="after")
    def _both_sides(self, info: ValidationInfo) -> DigestAnswer:
        """A disputed record never appears without a record that contests it, in the same sentence; the
        digest stays short."""
        events = context_of(info, DigestContext).events
        for s in self.sentences:
            for i in s.event_ids:
                other_side = [o for o in events[i].contradicted_by if o in events] if i in events else []
                if other_side and not set(s.event_ids) & set(other_side):
                    raise ValueError(f"the sentence {s.text!r} cites event {i}, which is contested by "
                                     f"{', '.join(other_side)}: give both sides of the dispute in that sentence")
        words = sum(len(s.text.split()) for s in self.sentences)
        if words > compose.MAX_WORDS:
            raise ValueError(f"the digest has {words} words: keep it to {compose.MAX_WORDS} or fewer")
        return self


def records_for_prompt(events: list[Event]) -> str:
    """The event records as the digest prompt shows them: one compact line each."""
    lines = []
    for e in events:
        a = e.attribution
        extra = f"; contested by {', '.join(e.contradicted_by)}" if e.contradicted_by else ""
        lines.append(f"{e.id} [{e.status}; {a.source}, {a.cue or 'said'}{extra}] {e.summary}")
    return "\n".join(lines)


def to_digest(answer: DigestAnswer) -> Digest:
    sentences = [DigestSentence(text=s.text.strip(), event_ids=s.event_ids) for s in answer.sentences]
    return Digest(text=" ".join(s.text for s in sentences), sentences=sentences)


def salvage(raw: str | None, error: str, events: dict[str, Event]) -> tuple[DigestAnswer | None, list[Dropped]]:
    """Keep the digest sentences of the last answer that validate; drop the rest with a reason."""
    kept, dropped = salvage_items(raw, error, key="sentences", item_model=DigestSentenceDraft,
                                  context=DigestContext(events=events), stage="digest", limit=MAX_SENTENCES)
    return (DigestAnswer.model_construct(sentences=kept) if kept else None), dropped
