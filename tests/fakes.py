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
