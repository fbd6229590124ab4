"""Providers other packages install (entry-point group `summarizer.providers`), found and used like the
built-in ones: a real distribution on sys.path, discovered by importlib.metadata."""

import json
import textwrap

import pytest
from conftest import ARTICLES
from typer.testing import CliRunner

from summarizer.cli import app


@pytest.fixture
def installed_provider(tmp_path, monkeypatch):
    """A package `acme_llm` declaring the providers `acme` (a working transport) and `broken` (not one)."""
    (tmp_path / "acme_llm.py").write_text(textwrap.dedent("""
        from summarizer.llm.fake import FakeTransport, outlet_records_answer

        seen = []

        def make_transport(settings):
            seen.append((settings.provider, settings.model))
            return FakeTransport(responder=outlet_records_answer)

        def not_a_transport(settings):
            return "hello"
    """))
    info = tmp_path / "acme_llm-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: acme-llm\nVersion: 0.1\n")
    (info / "entry_points.txt").write_text(
        "[summarizer.providers]\nacme = acme_llm:make_transport\nbroken = acme_llm:not_a_transport\n"
        "embedded = acme_llm:not_a_transport\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    import importlib
    import sys

    sys.modules.pop("acme_llm", None)  # each test gets its own module (and its own `seen`)
    importlib.invalidate_caches()
    yield importlib.import_module("acme_llm")
    sys.modules.pop("acme_llm", None)


def test_an_installed_provider_summarises_through_the_same_pipeline(installed_provider):
    result = CliRunner().invoke(app, ["--provider", "acme", "--fixtures", "off", "--json",
                                      str(ARTICLES / "market_strike.txt")])
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["events"] and all(e["attribution"]["source"] for e in doc["events"])
    assert installed_provider.seen == [("acme", "default")]  # it chose its model: none was named


def test_a_built_in_name_cannot_be_taken_over_and_an_unknown_one_is_one_line(installed_provider):
    from summarizer.llm.plugins import installed

    assert set(installed()) >= {"acme", "broken"} and "embedded" not in installed()
    result = CliRunner().invoke(app, ["--provider", "nope", str(ARTICLES / "market_strike.txt")])
    assert result.exit_code == 2
    assert "unknown provider 'nope' (built in: embedded, openai, openai-compatible; installed: acme, broken" \
        in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_a_provider_that_gives_no_transport_is_one_line_naming_it(installed_provider):
    result = CliRunner().invoke(app, ["--provider", "broken", "--fixtures", "off",
                                      str(ARTICLES / "market_strike.txt")])
    assert result.exit_code == 1 and "Traceback" not in result.stderr
    assert "the provider 'broken' (acme_llm:not_a_transport) gave a str, not an httpx2 transport" in result.stderr


def test_the_provider_can_be_named_outright(monkeypatch):
    from summarizer.llm.settings import LLMSettings

    env = {"OPENAI_API_KEY": "sk-test-" + "abcdefghijklmnop", "OPENAI_BASE_URL": "http://localhost:1/v1"}
    assert LLMSettings.resolve(env=env).provider == "openai-compatible"
    embedded = LLMSettings.resolve(env=env, provider="embedded")
    assert embedded.provider == "embedded" and embedded.base_url is None
    assert LLMSettings.resolve(env={**env, "SUMMARIZER_PROVIDER": "openai"}).provider == "openai"
    with pytest.raises(ValueError, match="openai-compatible needs --base-url"):
        LLMSettings.resolve(env={}, provider="openai-compatible")


def test_the_config_file_can_name_the_provider_and_config_lists_the_installed_ones(
        installed_provider, tmp_path, monkeypatch):
    path = tmp_path / "config.toml"
    path.write_text('provider = "acme"\nmodel = "acme-large"\n')
    monkeypatch.setenv("SUMMARIZER_CONFIG", str(path))
    result = CliRunner().invoke(app, ["--fixtures", "off", "--json", str(ARTICLES / "market_strike.txt")])
    assert result.exit_code == 0, result.stderr
    assert installed_provider.seen == [("acme", "acme-large")]
    shown = CliRunner().invoke(app, ["config"]).stdout
    assert "installed: acme, broken\n" in shown and "acme  [config file]" in shown
