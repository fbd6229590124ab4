"""Shared validation helpers for the model's answers (the `validate` step of the data flow).

The answer models in `extract` and `digest` carry the validators that
instructor runs (and re-asks on). This module holds what both use: bounded
text fields, and the salvage that keeps the valid items of a last answer when
the re-asks have run out, listing every removed item with its reason.
"""

from __future__ import annotations

import contextlib
import contextvars
import json
import re
from collections.abc import Iterator
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ValidationError, ValidationInfo

from summarizer.schema import Dropped

# The context of the model call under way. It is not handed to instructor as `context=`: instructor
# then renders every message as a Jinja template, which would run (or choke on) "{{ }}" and "{% %}" in
# an article and dedent its text, so the model would no longer see the article verbatim.
_call_context: contextvars.ContextVar[dict | None] = contextvars.ContextVar("validation_context", default=None)


@contextlib.contextmanager
def validating(context: dict | None) -> Iterator[None]:
    """Make `context` the validation context of the answers validated inside the block."""
    token = _call_context.set(context)
    try:
        yield
    finally:
        _call_context.reset(token)


def context_of(info: ValidationInfo) -> dict:
    """The validation context: pydantic's own (`model_validate(..., context=)`) or the model call's."""
    return info.context or _call_context.get() or {}


class CallSchema(BaseModel):
    """An answer model whose JSON Schema is made for each call.

    One class serves every article; what differs between articles (which sentence ids are keys, which
    ids may be cited) is in the call's context: `context["schema"]` is the JSON Schema sent to the model
    (and, for llama.cpp, turned into its grammar), and the validators read the same context. Building a
    pydantic class per article cost more than everything else the tool does (see BENCHMARKS.md).
    """

    @classmethod
    def model_json_schema(cls, *args, **kwargs) -> dict:
        schema = (_call_context.get() or {}).get("schema")
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


def text_at_most(limit: int):
    """A string of at most `limit` characters, checked by a validator rather than in the JSON
    Schema: a maxLength there becomes a deeply nested grammar rule for llama.cpp."""

    def check(value: str) -> str:
        value = value.strip()
        if len(value) > limit:
            raise ValueError(f"too long ({len(value)} characters): keep it under {limit}")
        return value

    return Annotated[str, AfterValidator(check)]


def short_errors(exc: ValidationError) -> str:
    """Pydantic's errors as one line: 'field.path: message; ...'."""
    return "; ".join(f"{'.'.join(map(str, e['loc'])) or 'item'}: {e['msg']}" for e in exc.errors())


_MEMBER = re.compile(r'\s*,?\s*"((?:[^"\\]|\\.)*)"\s*:\s*')  # one `"key":` of an object, after its comma


def complete_members(raw: str | None) -> dict | None:
    """The members of a JSON object that are complete in `raw`, an answer cut off at the token limit
    ('{"5": {...}, "8": {...}, "9": {"source": "the out'): {"5": ..., "8": ...}; None where there is none."""
    start = (raw or "").find("{")
    if start < 0:
        return None
    decoder, at, out = json.JSONDecoder(), start + 1, {}
    while (m := _MEMBER.match(raw, at)) is not None:
        try:
            value, at = decoder.raw_decode(raw, m.end())
        except json.JSONDecodeError:
            break
        out[m.group(1)] = value
    return out or None


def salvage_items(raw: str | None, error: str, *, key: str, item_model: type[BaseModel], context: dict,
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
