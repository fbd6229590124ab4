"""`summarizer.briefing.Briefing`: the briefing as a library object, without the CLI."""

import io
import json

import pytest
from conftest import ARTICLES

from summarizer.briefing import Briefing, BriefingUsageError
from summarizer.llm.fake import FakeTransport, outlet_records_answer
from summarizer.llm.settings import LLMSettings


def _briefing(tmp_path, **options):
    fake = FakeTransport(responder=outlet_records_answer)
    settings = LLMSettings.resolve(env={}, fixtures="off")
    return Briefing(settings, cache_dir=tmp_path / "cache", transport=fake, merge="embeddings", **options), fake


def test_a_briefing_built_in_python_has_every_article_in_order_and_resumes_from_the_cache(tmp_path):
    names = sorted(p.name for p in ARTICLES.glob("*.txt"))
    briefing, fake = _briefing(tmp_path)
    seen = []
    with briefing.build([str(ARTICLES)], on_done=lambda done, tally: seen.append((done.cached, tally.done))) as built:
        doc = built.result()
    assert [a.article.path.rsplit("/", 1)[-1] for a in doc.articles] == names
    assert all(a.events for a in doc.articles) and doc.failed == [] and built.exit_code == 0
    assert sorted(n for _, n in seen) == list(range(1, len(names) + 1)) and not any(c for c, _ in seen)
    assert len(fake.requests) >= len(names) and doc.usage.prompt_tokens > 0
    assert all(len({i.article for i in s.items}) > 1 for s in doc.storylines)  # six articles, six events

    again, fake_again = _briefing(tmp_path)
    with again.build([str(ARTICLES)]) as built_again:
        doc_again = built_again.result()
    assert fake_again.requests == []  # everything from the cache
    assert doc_again.articles == doc.articles and doc_again.storylines == doc.storylines
    assert doc_again.usage.prompt_tokens == 0  # cached results cost nothing this time


def test_the_streamed_report_is_the_same_document_as_the_one_in_memory(tmp_path):
    briefing, _ = _briefing(tmp_path)
    with briefing.build([str(ARTICLES / "market_strike.txt"), str(ARTICLES / "grid_repairs.txt")]) as built:
        out = io.StringIO()
        built.write("json", out)
        assert json.loads(out.getvalue()) == json.loads(built.result().model_dump_json())


def test_inputs_that_name_nothing_are_failures_with_a_warning_and_exit_code_3(tmp_path):
    briefing, _ = _briefing(tmp_path)
    gone = str(tmp_path / "gone.txt")
    found = briefing.find([gone, str(ARTICLES / "market_strike.txt")])
    assert len(found.paths) == 1 and [d.path for d in found.missing] == [gone]
    with briefing.build(found) as built:
        doc = built.result()
    assert built.warnings == [f"{gone}: no such file or folder"] and built.exit_code == 3
    assert [(f.path, f.reason) for f in doc.failed] == [(gone, "no such file or folder")] and len(doc.articles) == 1


def test_the_batch_api_on_the_embedded_model_is_refused_before_any_work(tmp_path):
    with pytest.raises(BriefingUsageError, match="--via batch needs an endpoint") as caught:
        Briefing(LLMSettings.resolve(env={}, fixtures="off"), via="batch", cache_dir=tmp_path)
    assert caught.value.exit_code == 2
