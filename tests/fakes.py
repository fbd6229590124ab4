"""Helpers for tests that drive the pipeline with the fake model."""

from __future__ import annotations

import json

from summarizer.llm.fake import FakeTransport
from summarizer.llm.settings import LLMSettings
from summarizer.pipeline import Summarizer


def event(sentences, summary, *, source="the regional governor", source_type="official", cue="said",
          status="claimed", contests=(), **extra):
    return {"sentences": list(sentences), "source": source, "source_type": source_type, "cue": cue,
            "status": status, "summary": summary, "actors": extra.get("actors", []),
            "locations": extra.get("locations", []), "when": extra.get("when"), "contests": list(contests)}


def events_answer(*events, boilerplate=()):
    return json.dumps({"events": list(events), "boilerplate": list(boilerplate)})


def digest_answer(*sentences):
    return json.dumps({"sentences": [{"text": t, "event_ids": ids} for t, ids in sentences]})


def fake_summarizer(*responses, **settings):
    fake = FakeTransport(*responses)
    summarizer = Summarizer(LLMSettings.resolve(env={}, fixtures="off", **settings), transport=fake)
    return summarizer, fake
