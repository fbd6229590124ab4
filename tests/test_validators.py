"""Validators only check; what code mends in an answer is a step of its own after them (`extract.repair`).

The re-ask messages are part of the recorded requests, so they are pinned here word for word."""

import copy

import pytest
from conftest import ARTICLES
from fakes import event, events_answer, fake_summarizer, record
from pydantic import ValidationError

from summarizer import extract
from summarizer.digest import DigestAnswer, DigestContext, call_context
from summarizer.extract import (
    EventDraft,
    EventsAnswer,
    EventsContext,
    RepairedDraft,
    TranslatedEventsAnswer,
    repair,
    salvage,
)
from summarizer.read import Article
from summarizer.segment import segment
from summarizer.validate import validating

SENTENCES = {s.id: s for s in segment((ARTICLES / "market_strike.txt").read_text(), "en")}
HEALTH = record("Ukraine's health ministry")
# As a small model answers: the previous record's source copied (3), contests with a repeat and its own sentence
# (2, 4), a cue that is not the sentence's (4), a pronoun for the speaker (5).
ANSWER = {"2": record("Ukraine's health ministry", contests=[2]), "3": HEALTH,
          "4": record("Russia's defence ministry", cue="rejected", contests=[2, 2]),
          "5": record("she", source_type="witness", cue="told"),
          "6": record("the outlet", source_type="outlet", cue=""), "boilerplate": []}


def _context(**changes) -> EventsContext:
    return EventsContext(**{"sentences": SENTENCES, "headline": {1}, "language": "en", "candidates": [2, 3, 4, 5, 6],
                            **changes})


def test_validating_an_answer_leaves_it_as_the_model_wrote_it():
    data = copy.deepcopy(ANSWER)
    answer = EventsAnswer.model_validate(data, context=_context())
    assert data == ANSWER  # the input is not touched
    assert answer.model_dump() == ANSWER  # nor repaired: the copied source, the repeats, the pronoun stay
    assert not answer.__pydantic_private__  # no private state beside the fields
    again = EventsAnswer.model_validate(answer.model_dump(), context=_context())
    assert again.model_dump() == answer.model_dump()  # validating twice gives the same answer
    EventsAnswer.model_validate(answer, context=_context())  # validating the answer object itself
    assert answer.model_dump() == ANSWER


def test_validating_inside_the_call_reads_the_calls_context_and_changes_nothing():
    with validating(_context()):
        answer = EventsAnswer.model_validate_json(events_answer({2: HEALTH, 3: HEALTH, 4: HEALTH, 5: HEALTH,
                                                                 6: HEALTH, 9: record("nobody")}))
    assert list(answer.drafts()) == [2, 3, 4, 5, 6]  # not a candidate (9): not validated, not kept
    assert {d.source for d in answer.drafts().values()} == {"Ukraine's health ministry"}


def test_the_repair_step_mends_what_the_validators_used_to():
    answer = EventsAnswer.model_validate(ANSWER, context=_context())
    drafts = answer.drafts()
    repaired = repair(drafts, _context())
    assert repaired == {
        2: RepairedDraft("Ukraine's health ministry", "said", "official", ()),  # its own sentence is no contest
        # the sentence's speaker
        3: RepairedDraft("The regional civil defence service", "put the death toll", "official", ()),
        4: RepairedDraft("Russia's defence ministry", "denied", "official", (2,)),  # once; the sentence's cue
        5: RepairedDraft("A witness", "said", "witness", ()),  # whom "she" stands for
        6: RepairedDraft("officials", "estimate", "official", ()),  # attributed, whatever the model said
    }
    assert answer.model_dump() == ANSWER and answer.drafts() == drafts  # the repair is a new value
    assert list(repaired) == list(drafts)  # in the drafts' order: the records' ids follow it


def test_the_repair_makes_a_sentence_with_no_attribution_the_outlets_and_resolves_a_pronoun():
    text = ("Engineers restored power to most homes in Sumy on Wednesday after a drone attack.\n"
            "About 12,000 households were still without power, the regional governor said.\n"
            "He said repairs to the second substation would take a week.\n")
    sentences = {s.id: s for s in segment(text, "en")}
    drafts = {1: EventDraft(**record("the regional governor")), 3: EventDraft(**record("He"))}
    repaired = repair(drafts, EventsContext(sentences=sentences, language="en"))
    assert repaired[1] == RepairedDraft("the outlet", "", "outlet", ())
    assert (repaired[3].source, repaired[3].cue) == ("the regional governor", "said")
    assert drafts[3].source == "He"


def test_a_foreign_answer_keeps_its_english_for_the_records():
    data = {"2": {**HEALTH, "english": "  A missile hit a market.  "}}
    answer = TranslatedEventsAnswer.model_validate(data, context=_context(candidates=[2]))
    assert repair(answer.drafts(), _context())[2].english == "A missile hit a market."  # the field's own stripping


@pytest.mark.parametrize(("answer", "message"), [
    ({"2": HEALTH, "3": HEALTH},
     "no record for sentences 4, 5, 6: give one record for every sentence id in the schema"),
    ({**ANSWER, "3": record(contests=[7]), "5": record(contests=[1])},
     "the record for sentence 3: contests sentence 7, which is not a story sentence of the article; "
     "the record for sentence 5: contests sentence 1, which is not a story sentence of the article"),
])
def test_a_fault_is_still_re_asked_with_the_same_words(answer, message):
    with pytest.raises(ValidationError) as caught:
        EventsAnswer.model_validate(answer, context=_context())
    assert caught.value.errors()[0]["msg"] == f"Value error, {message}"


def test_salvage_keeps_the_checked_drafts_unrepaired_and_the_pipeline_repairs_them():
    raw = events_answer({2: HEALTH, 3: HEALTH, 4: record(contests=[8])})
    kept, dropped = salvage(raw, "no record for sentences 5, 6", _context())
    assert {sid: d.source for sid, d in kept.items()} == {2: HEALTH["source"], 3: HEALTH["source"]}
    assert [d.reason for d in dropped] == ["contests sentence 8, which is not a story sentence of the article"]
    assert repair(kept, _context())[3].source == "The regional civil defence service"


def test_the_json_schema_is_the_calls_value():
    schema = extract.answer_schema([2, 3], [2, 3, 4, 5, 6])
    with validating(_context(schema=schema)):
        assert EventsAnswer.model_json_schema() is schema
    assert EventsAnswer.model_json_schema() != schema  # outside a call: pydantic's own
    summarizer, _ = fake_summarizer()
    request = summarizer.events_request(Article(text=(ARTICLES / "market_strike.txt").read_text(),
                                                title="Strike on Kostyantynivka market kills at least 19, "
                                                      "health ministry says"))
    assert isinstance(request.context, EventsContext) and request.context.candidates == [2, 3, 4, 5, 6]
    assert request.schema is request.context.schema
    assert request.schema == extract.answer_schema([2, 3, 4, 5, 6], [2, 3, 4, 5, 6])


def test_the_pipeline_repairs_after_validation_as_a_step_of_its_own(article_path, monkeypatch):
    seen = []

    def spy(drafts, context):
        seen.append({sid: d.source for sid, d in drafts.items()})
        return repair(drafts, context)

    monkeypatch.setattr(extract, "repair", spy)
    summarizer, _ = fake_summarizer(events_answer({2: HEALTH, 3: HEALTH, 4: HEALTH, 5: HEALTH, 6: HEALTH}))
    result = summarizer.summarize_file(article_path("market_strike.txt"))
    assert seen == [{sid: "Ukraine's health ministry" for sid in (2, 3, 4, 5, 6)}]  # validated, as written
    assert [e.attribution.source for e in result.events] == [
        "Ukraine's health ministry", "The regional civil defence service", "Russia's defence ministry", "A witness",
        "the outlet", "officials"]  # (the outlet's 67,000 residents; the officials' estimate after the semicolon)
    assert result.usage.reasks == 0


def test_digest_validators_only_check():
    events = {"e1": event(1, "Engineers restored power to most of Sumy.", "the outlet"),
              "e2": event(2, "About 12,000 households were without power, the governor said.", "the governor",
                          numbers=[("12,000", 12000.0, "households")])}
    data = {"sentences": [{"text": " The governor said about 12,000 households were without power. ",
                           "event_ids": ["e2"]}]}
    before = copy.deepcopy(data)
    answer = DigestAnswer.model_validate(data, context=DigestContext(events=events))
    assert data == before
    again = DigestAnswer.model_validate(answer.model_dump(), context=DigestContext(events=events))
    assert again == answer
    assert call_context(events).schema["$defs"]["DigestSentenceDraft"]["properties"]["event_ids"]["items"] == {
        "enum": ["e1", "e2"], "type": "string"}
    with pytest.raises(ValidationError, match="event id 'e3' does not exist: use only e1, e2"):
        DigestAnswer.model_validate({"sentences": [{"text": "Power is back.", "event_ids": ["e3"]}]},
                                    context=DigestContext(events=events))
