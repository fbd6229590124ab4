"""Helpers for tests that drive the pipeline with the fake model."""

from __future__ import annotations

import json

from summarizer.llm.fake import FakeTransport
from summarizer.llm.settings import LLMSettings
from summarizer.pipeline import Summarizer


def record(source="the regional governor", *, source_type="official", cue="said", contests=()):
    """The model's record for one candidate sentence."""
    return {"source": source, "cue": cue, "source_type": source_type, "contests": list(contests)}


def events_answer(records: dict[int, dict], boilerplate=()):
    """The model's events answer: one record per candidate sentence id."""
    return json.dumps({**{str(i): r for i, r in records.items()}, "boilerplate": list(boilerplate)})


def digest_answer(*sentences):
    return json.dumps({"sentences": [{"text": t, "event_ids": ids} for t, ids in sentences]})


def fake_summarizer(*responses, **settings):
    fake = FakeTransport(*responses)
    summarizer = Summarizer(LLMSettings.resolve(env={}, fixtures="off", **settings), transport=fake)
    return summarizer, fake
