"""The daily briefing's merge confirmation: one model call on the candidate pairs' records, not the articles."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, WithJsonSchema, create_model

from summarizer.briefing.merge import Pair
from summarizer.llm.client import LLM
from summarizer.prompts import render
from summarizer.schema import Event

MAX_PAIRS = 60  # per call; the best-scored candidates first
RECORD_CHARS = 220


class SamePairs(BaseModel):
    model_config = ConfigDict(hide_input_in_errors=True)

    same: list[int] = Field(default_factory=list)


def confirm_pairs(llm: LLM, pairs: list[Pair], records: dict[tuple[int, str], Event]) -> set[int]:
    """The ids of the pairs the model says report the same event or story; `records` holds the pairs' records
    by (article index, event id). A call that fails (an endpoint error after retries, a refusal) or whose
    answers never validate is an LLMError: the briefing then falls back to the embeddings' storylines and says so,
    rather than showing none as if the model had said no to every pair."""
    from summarizer.errors import LLMError

    asked = sorted(pairs, key=lambda p: -p.score)[:MAX_PAIRS]
    ids = [p.id for p in asked]
    # built apart: inside `list[...]`, mypy would take the schema's strings for string annotations
    asked_ids = WithJsonSchema({"type": "integer", "enum": ids})
    answer = create_model("SamePairs", __base__=SamePairs, same=(
        list[Annotated[int, asked_ids]], Field(default_factory=list, max_length=len(ids))))
    lines = [{"id": p.id, "a": _record(records[p.a]), "b": _record(records[p.b])} for p in asked]
    messages = [{"role": "system", "content": render("merge_system")},
                {"role": "user", "content": render("merge", pairs=lines)}]
    outcome = llm.structured(answer, messages, max_tokens=16 + 4 * len(ids))
    if outcome.value is None:
        raise LLMError(f"the model's answers never validated ({outcome.attempts} tries): {outcome.error}",
                       attempts=outcome.attempts, last_completion=outcome.raw)
    return set(outcome.value.same) & set(ids)


def _record(event: Event) -> str:
    text = event.summary if len(event.summary) <= RECORD_CHARS else event.summary[:RECORD_CHARS - 1] + "…"
    return f"{text} ({event.attribution.source})".replace("\n", " ")
