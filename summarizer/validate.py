"""Shared validation helpers for the model's answers (the `validate` step of the data flow).

The answer models in `extract` and `digest` carry the validators that
instructor runs (and re-asks on). Validators only check: each raises a message
the model can act on and leaves the answer as the model wrote it (a field's
type may strip its text); what code mends in an answer is a step of its own,
run after validation (`extract.repair`). This module holds what both answer
models use: the call's context, bounded text fields, and the salvage that keeps
the valid items of a last answer when the re-asks have run out, listing every
removed item with its reason.

The call's context and its JSON Schema
--------------------------------------
Each model call has a `CallContext`, a frozen value built for the call: the
JSON Schema sent to the model (which sentence ids are keys, which ids may be
cited; for llama.cpp it becomes the grammar) and what the validators check the
answer against. The pipeline builds it with the prompt and hands it to the
client (`LLM.structured(..., context=)`), a batch hands it to pydantic
(`model_validate_json(..., context=)`).

One answer class serves every call (`CallSchema`): instructor asks the class
for its JSON Schema (`model_json_schema()`), so the class returns the schema of
the call in progress, which `validating` makes known for the length of the
call. That is the one piece of ambient state, and it is kept for its cost: the
explicit alternative, a response model built per call with the schema in it
(the class, and instructor's own subclass of it), made the replay of the
fixture articles about a quarter slower (3.9 ms more per call) and leaves
every class in the client's cache, about 20 KiB a call, 10 MiB for a briefing
of 500 articles (`bench/call_schema.py` measures both, with the same requests
and records). The context is not handed to instructor as `context=` either:
instructor then renders every message as a Jinja template, which would run (or
choke on) "{{ }}" and "{% %}" in an article and dedent its text, so the model
would no longer see the article verbatim.
"""

from __future__ import annotations

import contextlib
import contextvars
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Literal, TypeVar

from pydantic import BaseModel, ValidationError, ValidationInfo

from summarizer.schema import Dropped


@dataclass(frozen=True)
class CallContext:
    """What one model call is about: the JSON Schema sent with it (None: the answer class's own), and, in
    the subclasses, what the validators check the answer against (`extract.EventsContext`,
    `digest.DigestContext`)."""

    schema: dict | None = None


C = TypeVar("C", bound=CallContext)

# The context of the model call under way (see the module's docstring: why it is not an argument).
_call_context: contextvars.ContextVar[CallContext | None] = contextvars.ContextVar("validation_context",
                                                                                    default=None)


@contextlib.contextmanager
def validating(context: CallContext | None) -> Iterator[None]:
    """Make `context` the context of the answers validated (and of the schema asked for) inside the block."""
    token = _call_context.set(context)
    try:
        yield
    finally:
        _call_context.reset(token)


def context_of(info: ValidationInfo, kind: type[C]) -> C:
    """The validation context, a `kind`: pydantic's own (`model_validate(..., context=)`) or the model
    call's; an empty `kind()` where there is none of that kind (an answer validated on its own)."""
    context = info.context or _call_context.get()  # instructor may hand pydantic an empty context of its own
    return context if isinstance(context, kind) else kind()


class CallSchema(BaseModel):
    """An answer model whose JSON Schema is the call's (`CallContext.schema`).

    One class serves every article; what differs between articles (which sentence ids are keys, which
    ids may be cited) is in the call's context, built per call. Outside a call the schema is pydantic's.
    """

    @classmethod
    def model_json_schema(cls, *args, **kwargs) -> dict:
        context = _call_context.get()
        schema = context.schema if context is not None else None
        return schema if schema is not None else super().model_json_schema(*args, **kwargs)


def with_items(schema: dict, field: str, items: dict) -> dict:
    """`schema` (an object's) with the items of its array property `field` replaced by `items`; the rest is
    shared with `schema`, not copied."""
    return {**schema, "properties": {**schema["properties"], field: {**schema["properties"][field], "items": items}}}


def schema_of(model: type[BaseModel], **changes) -> dict:
    """`model`'s JSON Schema as pydantic makes it (never a call's), without its docstring, with top-level
    keys replaced by `changes`."""
    from pydantic.json_schema import model_json_schema

    schema = model_json_schema(model)
    schema.pop("description", None)
    return {**schema, **changes}


def at_most(limit: int) -> Callable[[str], str]:
    """The check of a string of at most `limit` characters (stripped), for `AfterValidator`: a validator
    rather than a maxLength in the JSON Schema, which becomes a deeply nested grammar rule for llama.cpp.
    Written out where used (`Annotated[str, AfterValidator(at_most(400))]`) so that type checkers read it."""

    def check(value: str) -> str:
        value = value.strip()
        if len(value) > limit:
            raise ValueError(f"too long ({len(value)} characters): keep it under {limit}")
        return value

    return check



def short_errors(exc: ValidationError) -> str:
    """Pydantic's errors as one line: 'field.path: message; ...'."""
    return "; ".join(f"{'.'.join(map(str, e['loc'])) or 'item'}: {e['msg']}" for e in exc.errors())


_MEMBER = re.compile(r'\s*,?\s*"((?:[^"\\]|\\.)*)"\s*:\s*')  # one `"key":` of an object, after its comma


def complete_members(raw: str | None) -> dict | None:
    """The members of a JSON object that are complete in `raw`, an answer cut off at the token limit
    ('{"5": {...}, "8": {...}, "9": {"source": "the out'): {"5": ..., "8": ...}; None where there is none."""
    text = raw or ""
    start = text.find("{")
    if start < 0:
        return None
    decoder, at, out = json.JSONDecoder(), start + 1, {}
    while (m := _MEMBER.match(text, at)) is not None:
        try:
            value, at = decoder.raw_decode(text, m.end())
        except json.JSONDecodeError:
            break
        out[m.group(1)] = value
    return out or None


def salvage_items(raw: str | None, error: str, *, key: str, item_model: type[BaseModel], context: CallContext,
                  stage: Literal["events", "digest"], limit: int) -> tuple[list, list[Dropped]]:
    """Validate each item of the last answer's list `key` on its own; keep the valid ones."""
    try:
        data = json.loads(raw or "")
        items = data.get(key, []) if isinstance(data, dict) else []
    except json.JSONDecodeError:
        return [], [Dropped(stage=stage, item=(raw or "")[:2000], reason=f"the answer was not usable JSON: {error}")]
    if not isinstance(items, list):  # e.g. an object where the list belongs: nothing to keep
        return [], [Dropped(stage=stage, item=(raw or "")[:2000], reason=f"the answer was not usable: {error}")]
    kept: list = []
    dropped: list[Dropped] = []
    for item in items[:limit]:
        try:
            kept.append(item_model.model_validate(item, context=context))
        except ValidationError as exc:
            dropped.append(Dropped(stage=stage, item=json.dumps(item, ensure_ascii=False), reason=short_errors(exc)))
    return kept, dropped
