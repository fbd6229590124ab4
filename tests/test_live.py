"""Live runs on the embedded model (deselected by default; `.ci/run` runs them after installing it).

    .venv/bin/python -m pytest -m live
"""

import importlib.util
import json

import jsonschema
import pytest
from conftest import ARTICLES, ROOT
from typer.testing import CliRunner

from summarizer.cli import app

pytestmark = [
    pytest.mark.live,
    pytest.mark.skipif(importlib.util.find_spec("llama_cpp") is None, reason="embedded runtime not installed"),
]


def test_real_summarize_on_a_short_article_validates_and_quotes_verbatim(monkeypatch):
    monkeypatch.setenv("SUMMARIZER_FIXTURES", "off")
    path = ARTICLES / "grid_repairs.txt"
    result = CliRunner().invoke(app, ["--json", str(path)])
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    jsonschema.validate(doc, json.loads((ROOT / "schemas" / "article.schema.json").read_text()))
    text = path.read_text()
    assert doc["events"], "the embedded model found no events"
    assert all(ev["quote"] in text for e in doc["events"] for ev in e["evidence"])
    assert doc["usage"]["llm_calls"] >= 1 and doc["model"] == "qwen2.5-coder-1.5b-instruct-q4_k_m"
    assert doc["digest"]["sentences"]  # composed from the records on the embedded model
