"""Tokens and calls per prompt, and the prompt prefix that providers can cache.

    .venv/bin/python bench/tokens.py [SEED.txt ...]

Summarises the fixture articles with both LLM calls (events and the model digest), replaying the
answers recorded from the embedded model under fixtures/llm, and reads every request and answer on
the way. Prints, per prompt: calls, re-asks, prompt and completion tokens per article and per event.

The static prefix: every request starts with the same system message, then the article. The longest
prefix that all requests share, rendered with the embedded model's chat template and tokenizer, is the
part a provider's prompt cache can serve across articles; the events and digest calls of one article
share more (the article too). Both are reported in tokens (needs llama-cpp-python and the embedded
model; bytes otherwise).

Then the seeds (or the articles given): the events prompt of each, rendered as it would be sent, with its
tokens in all and the tokens left to evaluate once the prefix every article shares (the static system
prompt and example) is served from the KV cache. No model is run for this part.
"""

from __future__ import annotations

import json
import os
import sys
from collections import defaultdict
from pathlib import Path

import httpx2
from common import FIXTURE_ARTICLES, RECORDINGS, SEEDS, Section, Table, Target, print_section, quiet_stderr

from summarizer.llm.fixtures import FixtureTransport
from summarizer.llm.settings import LLMSettings
from summarizer.pipeline import Summarizer
from summarizer.read import read_article

PROMPTS = {"EventsAnswer": "events", "DigestAnswer": "digest"}


class Tap(httpx2.BaseTransport):
    """Passes requests to `inner` and keeps each request and answer body."""

    def __init__(self, inner: httpx2.BaseTransport) -> None:
        self.inner = inner
        self.calls: list[tuple[dict, dict]] = []

    def handle_request(self, request: httpx2.Request) -> httpx2.Response:
        response = self.inner.handle_request(request)
        self.calls.append((json.loads(request.read()), json.loads(response.read())))
        return response


def prompt_of(body: dict) -> str:
    name = ((body.get("response_format") or {}).get("json_schema") or {}).get("name", "")
    return PROMPTS.get(name, name or "other")


def common_prefix(items: list) -> int:
    """Length of the longest prefix all `items` (strings or token lists) share."""
    first = items[0]
    n = min(len(x) for x in items)
    for i in range(n):
        if any(x[i] != first[i] for x in items):
            return i
    return n


def _tokenizer():
    """(tokens(messages) -> list[int], name), or None without llama-cpp-python or the model."""
    try:
        from llama_cpp import Llama

        from summarizer.llm.embedded import EMBEDDED_MODEL_NAME, bundled_model_path, chat_prompt_tokens
    except ImportError:
        return None
    try:
        with quiet_stderr():  # llama.cpp logs from C while it loads
            llama = Llama(model_path=str(bundled_model_path()), vocab_only=True, verbose=False)
    except Exception:  # noqa: BLE001 - no model: report bytes only
        return None
    return (lambda messages: chat_prompt_tokens(llama, messages)), EMBEDDED_MODEL_NAME


def _chat_text(messages: list[dict]) -> str:
    return "".join(f"<{m['role']}>{m['content']}" for m in messages)


def measure() -> Section:
    articles = sorted(FIXTURE_ARTICLES.glob("*.txt"))
    tap = Tap(FixtureTransport(RECORDINGS, "replay"))
    settings = LLMSettings.resolve(fixtures="off", digest="model", env={})  # the embedded model, as recorded
    summarizer = Summarizer(settings, transport=tap)
    section = Section("Tokens and calls per prompt (fixture articles, answers recorded from the embedded model)",
                      "bench/tokens.py")
    per_prompt: dict[str, dict] = defaultdict(lambda: defaultdict(int))
    first_requests: dict[str, list[dict]] = defaultdict(list)  # prompt -> first request of each article
    per_article = Table(["article", "events calls", "digest calls", "first asks", "re-asks"],
                        title="Calls per article (a re-ask is a call again with the validation error)")
    firsts, reasks = [], 0
    for path in articles:
        before = len(tap.calls)
        result = summarizer.summarize_file(path)
        calls = tap.calls[before:]
        kinds = [prompt_of(body) for body, _ in calls]
        firsts.append(len(set(kinds)))
        reasks += len(kinds) - len(set(kinds))
        per_article.add(path.name, kinds.count("events"), kinds.count("digest"), len(set(kinds)),
                        len(kinds) - len(set(kinds)))
        seen: set[str] = set()
        for body, answer in calls:
            prompt = prompt_of(body)
            stats = per_prompt[prompt]
            stats["calls"] += 1
            stats["reasks"] += prompt in seen
            if prompt not in seen:
                stats["articles"] += 1
                stats["events"] += len(result.events)
                first_requests[prompt].append(body)
            seen.add(prompt)
            stats["prompt"] += answer["usage"]["prompt_tokens"]
            stats["completion"] += answer["usage"]["completion_tokens"]
    table = Table(["prompt", "articles", "calls", "re-asks", "prompt tok/article", "compl tok/article",
                   "prompt tok/event", "compl tok/event"])
    for prompt, s in per_prompt.items():
        table.add(prompt, s["articles"], s["calls"], s["reasks"], s["prompt"] / s["articles"],
                  s["completion"] / s["articles"], s["prompt"] / max(1, s["events"]),
                  s["completion"] / max(1, s["events"]))
    section.tables += [table, per_article]
    calls = sum(firsts) + reasks
    section.notes.append(f"{len(articles)} articles, {calls} calls: {sum(firsts)} first asks (at most "
                         f"{max(firsts)} per article) and {reasks} re-asks; re-ask rate {reasks / calls:.1%} of "
                         "calls. With the default composed digest an article makes one call (events).")
    section.targets.append(Target("at most 2 LLM calls per article on a clean run (events, digest)",
                                  f"at most {max(firsts)} first asks per article; re-asks: {reasks} of {calls} "
                                  f"calls ({reasks / calls:.1%})", max(firsts) <= 2))
    section.tables.append(_prefix_table(first_requests, tap.calls))
    return section


def _prefix_table(first_requests: dict[str, list[dict]], calls: list[tuple[dict, dict]]) -> Table:
    bodies = [b for b, _ in calls]
    systems = {json.dumps(b["messages"][0], ensure_ascii=False) for b in bodies}
    texts = [_chat_text(b["messages"]) for b in bodies]
    shared_bytes = common_prefix([t.encode() for t in texts])
    table = Table(["prefix", "requests", "bytes", "tokens"], title="The prompt prefix providers can cache")
    tokenizer = _tokenizer()
    if tokenizer is not None:
        tokens_of, name = tokenizer
        table.title += f" (tokens: {name}'s chat template and tokenizer)"
        token_lists = [tokens_of(b["messages"]) for b in bodies]
        shared_tokens = str(common_prefix(token_lists))
        total = sum(len(t) for t in token_lists) / len(token_lists)
    else:
        shared_tokens, total = "n/a (no llama-cpp-python or model)", 0
    table.add(f"shared by all requests ({len(systems)} distinct system message)", len(bodies), shared_bytes,
              shared_tokens)
    events, digest = first_requests.get("events", []), first_requests.get("digest", [])
    if events and digest:
        by_article = [common_prefix([_chat_text(e["messages"]).encode(), _chat_text(d["messages"]).encode()])
                      for e, d in zip(events, digest)]
        row = ["events and digest call of one article (mean)", 2 * len(by_article), sum(by_article) / len(by_article)]
        if tokenizer is not None:
            shared = [common_prefix([tokens_of(e["messages"]), tokens_of(d["messages"])])
                      for e, d in zip(events, digest)]
            row.append(sum(shared) / len(shared))
        else:
            row.append("n/a")
        table.add(*row)
    if total:
        table.add("whole prompt (mean, for scale)", len(bodies), sum(map(len, (t.encode() for t in texts)))
                  / len(texts), total)
    return table


PROMPT_GOAL = 1100  # tokens of an article's events prompt, once the shared prefix is cached (issue 20)


def measure_seeds(paths: list[str] | None = None) -> Section | None:
    """Prompt tokens of each seed's events call, in all and past the prefix all of them share."""
    paths = paths or sorted(str(p) for p in SEEDS.glob("*.txt"))
    tokenizer = _tokenizer()
    if not paths or tokenizer is None:
        return None
    tokens_of, name = tokenizer
    summarizer = Summarizer(LLMSettings.resolve(fixtures="off", env={}))  # nothing is sent
    section = Section(f"Prompt tokens of the events call per article ({name}'s chat template and tokenizer)",
                      "bench/tokens.py")
    lists = {}
    for path in paths:
        request = summarizer.events_request(read_article(path))
        if request is not None:
            lists[Path(path).name] = tokens_of(request.messages)
    if not lists:
        return None
    shared = common_prefix(list(lists.values())) if len(lists) > 1 else 0
    table = Table(["article", "prompt tokens", "shared prefix", "past the prefix"])
    for article, tokens in lists.items():
        table.add(article, len(tokens), shared, len(tokens) - shared)
    section.tables.append(table)
    section.notes.append("The shared prefix is what every article's prompt starts with (system prompt and "
                         "example); llama.cpp's KV cache and providers' prompt caches serve it after the first "
                         "article, so it is read once per run.")
    worst = max(len(t) - shared for t in lists.values())
    section.targets.append(Target(f"prompt tokens per article at most {PROMPT_GOAL} (past the shared prefix)",
                                  f"at most {worst} ({max(len(t) for t in lists.values())} with the prefix)",
                                  worst <= PROMPT_GOAL))
    return section


if __name__ == "__main__":
    os.environ.pop("OPENAI_API_KEY", None)
    print_section(measure())
    seeds = measure_seeds(sys.argv[1:])
    if seeds is not None:
        print_section(seeds)
