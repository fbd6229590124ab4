"""Helpers for tests that drive the pipeline with the fake model."""

from __future__ import annotations

import json

from summarizer.llm.fake import FakeTransport
from summarizer.llm.settings import LLMSettings
from summarizer.pipeline import Summarizer
from summarizer.schema import ArticleMeta, ArticleResult, Attribution, Digest, Event, Evidence, Number, Usage


def record(source="the regional governor", *, source_type="official", cue="said", contests=()):
    """The model's record for one candidate sentence."""
    return {"source": source, "cue": cue, "source_type": source_type, "contests": list(contests)}


def events_answer(records: dict[int, dict], boilerplate=()):
    """The model's events answer: one record per candidate sentence id."""
    return json.dumps({**{str(i): r for i, r in records.items()}, "boilerplate": list(boilerplate)})


def digest_answer(*sentences):
    return json.dumps({"sentences": [{"text": t, "event_ids": ids} for t, ids in sentences]})


def article_result(path, events):
    """An article's result with these records (for the briefing's merge)."""
    return ArticleResult(article=ArticleMeta(id=path, path=path, language="en", sentences=3), events=events,
                         digest=Digest(text=""), usage=Usage(), model="m", prompt_version="v1#0", tool_version="0")


def event(i, summary, source, numbers=(), locations=(), actors=()):
    """Record e{i}: `numbers` as (text, value, unit)."""
    attribution = Attribution(source=source, source_type="official", cue="said")
    return Event(id=f"e{i}", summary=summary, attribution=attribution, status="claimed",
                 evidence=[Evidence(sentence_id=i, quote=summary)],
                 numbers=[Number(text=t, value=v, unit=u) for t, v, u in numbers],
                 locations=list(locations), actors=list(actors))


def fake_summarizer(*responses, **settings):
    fake = FakeTransport(*responses)
    summarizer = Summarizer(LLMSettings.resolve(env={}, fixtures="off", **settings), transport=fake)
    return summarizer, fake


def faulty_temporary_files(monkeypatch, module: str, fail: str) -> None:
    """Make `module`'s tempfile.TemporaryFile give files whose writes (fail="write": disk full) or reads
    (fail="read": I/O error) fail; usable as a context manager too."""
    import tempfile

    real = tempfile.TemporaryFile

    class Faulty:
        def __init__(self):
            self._file = real()

        def write(self, data):
            if fail == "write":
                raise OSError(28, "No space left on device")
            return self._file.write(data)

        def read(self, *n):
            if fail == "read":
                raise OSError(5, "Input/output error")
            return self._file.read(*n)

        def __getattr__(self, name):
            return getattr(self._file, name)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self._file.close()

    monkeypatch.setattr(f"{module}.tempfile.TemporaryFile", Faulty)
