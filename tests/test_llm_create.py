"""`chat_create` (the chat call instructor makes, without the SDK's request transform) against the SDK's own
`chat.completions.create`: the same request, byte for byte, and the same answer."""

from __future__ import annotations

import httpx2
import openai
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summarizer.llm.client import chat_create
from summarizer.llm.fake import completion_body


def _client(seen: list, keys: dict) -> openai.OpenAI:
    def answer(request: httpx2.Request) -> httpx2.Response:
        seen.append((request.method, str(request.url), request.headers.raw, request.read()))
        return httpx2.Response(200, json=completion_body('{"a": 1}', prompt_tokens=7, completion_tokens=3))

    return openai.OpenAI(**keys, base_url="http://endpoint.invalid/v1", max_retries=0,
                         http_client=httpx2.Client(transport=httpx2.MockTransport(answer)))


KEYS = {"api_key": "sk-test"}


def _assert_same(shortcut=True, keys=KEYS, **kwargs):
    """chat_create sends what the SDK's create sends for the same arguments, and answers the same; by its
    shortcut or (`shortcut=False`) by calling create."""
    sdk_seen: list = []
    ours_seen: list = []
    sdk = _client(sdk_seen, keys).chat.completions.create(**kwargs)
    client = _client(ours_seen, keys)
    created = []
    sdk_create = client.chat.completions.create
    client.chat.completions.create = lambda **kw: created.append(1) or sdk_create(**kw)
    ours = chat_create(client)(**kwargs)
    assert bool(created) is not shortcut
    assert ours_seen == sdk_seen
    assert type(ours) is type(sdk)
    assert ours.model_dump() == sdk.model_dump()


SCHEMA = {"$defs": {"EventDraft": {"properties": {"source": {"type": "string"}, "contests": {
    "items": {"enum": [2, 3], "type": "integer"}, "type": "array"}}, "required": ["source"], "type": "object"}},
    "properties": {"2": {"$ref": "#/$defs/EventDraft"}}, "required": ["2"], "title": "EventsAnswer",
    "type": "object"}


def test_the_pipelines_call_is_posted_as_the_sdk_posts_it():
    _assert_same(model="m", max_tokens=2048, temperature=0.0, seed=7,
                 messages=[{"role": "system", "content": "Rules."}, {"role": "user", "content": "[1] A text."},
                           {"role": "assistant", "content": '{"2": {}}'},
                           {"role": "user", "content": "Correct your JSON ONLY RESPONSE"}],
                 response_format={"type": "json_schema", "json_schema": {"name": "EventsAnswer", "schema": SCHEMA}})


class Messages:
    """An iterable of messages that is not a list (iterable more than once: each client reads it)."""

    def __init__(self, items):
        self.items = items

    def __iter__(self):
        return iter(self.items)


def test_the_same_authentication_as_create():
    # chat completions take the API key, not an admin key: create refuses a client with only an admin key
    keys = {"api_key": None, "admin_api_key": "sk-admin-test"}
    request = {"model": "m", "messages": [{"role": "user", "content": "hi"}]}
    with pytest.raises(TypeError) as sdk:
        _client([], keys).chat.completions.create(**request)
    with pytest.raises(TypeError) as ours:
        chat_create(_client([], keys))(**request)
    assert str(ours.value) == str(sdk.value)


def test_what_the_shortcut_does_not_take_goes_through_create():
    # a stream option, an extra body, an iterator of messages, a value that is not JSON: the SDK's own create
    _assert_same(False, model="m", messages=[{"role": "user", "content": "hi"}], extra_body={"x": 1})
    _assert_same(False, model="m", messages=[{"role": "user", "content": "hi"}], stream=False)
    _assert_same(False, model="m", messages=Messages([{"role": "user", "content": "hi"}]))
    _assert_same(False, model="m", messages=({"role": "user", "content": "hi"},), metadata={"k": "v"})


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-10**6, 10**6) | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20)
messages = st.lists(st.fixed_dictionaries(
    {"role": st.sampled_from(["system", "user", "assistant", "developer", "tool"]),
     "content": st.text(max_size=60) | st.lists(st.fixed_dictionaries(
         {"type": st.just("text"), "text": st.text(max_size=20)}), max_size=2)},
    optional={"name": st.text(max_size=8), "tool_call_id": st.text(max_size=8)}), min_size=1, max_size=4)
options = st.fixed_dictionaries({}, optional={
    "max_tokens": st.integers(1, 4096), "temperature": st.floats(0, 2), "seed": st.integers(0, 2**31),
    "top_p": st.floats(0, 1), "stop": st.lists(st.text(max_size=5), max_size=2), "user": st.text(max_size=8),
    "logit_bias": st.dictionaries(st.text(max_size=4), st.integers(-100, 100), max_size=2),
    "response_format": st.just({"type": "json_object"}) | st.builds(
        lambda name, schema: {"type": "json_schema", "json_schema": {"name": name, "schema": schema}},
        st.text(min_size=1, max_size=10), st.dictionaries(st.text(max_size=8), json_values, max_size=4)),
    "metadata": st.dictionaries(st.text(max_size=8), st.text(max_size=8), max_size=2),
})


@settings(max_examples=150, deadline=None)
@given(messages, options, st.text(min_size=1, max_size=10))
def test_any_json_request_is_posted_byte_for_byte_as_the_sdk_posts_it(msgs, opts, model):
    _assert_same(model=model, messages=msgs, **opts)
