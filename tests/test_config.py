"""The config file (platformdirs), `summarize config`, and the order values are taken in:
command line, environment, config file, built-in default."""

import pytest
from conftest import ARTICLES, NO_CONFIG
from typer.testing import CliRunner

from summarizer import config
from summarizer.cli import app


@pytest.fixture
def config_file(tmp_path, monkeypatch):
    path = tmp_path / "config.toml"
    monkeypatch.setenv("SUMMARIZER_CONFIG", str(path))
    return path


class _Stop(Exception):
    pass


@pytest.fixture
def resolved(monkeypatch):
    """What the CLI hands to LLMSettings.resolve and to Briefing, captured; the command stops there."""
    from summarizer.llm.settings import LLMSettings

    seen = {}

    real = LLMSettings.resolve.__func__

    def capture(cls, **kwargs):
        seen["settings"] = kwargs
        return real(cls, **kwargs)

    def briefing_init(self, settings, **options):
        seen["briefing"] = options
        raise _Stop

    monkeypatch.setattr(LLMSettings, "resolve", classmethod(capture))
    monkeypatch.setattr("summarizer.briefing.build.Briefing.__init__", briefing_init)
    return seen


def test_the_config_files_values_are_defaults_the_environment_and_the_command_line_override(
        config_file, resolved, monkeypatch):
    config_file.write_text('model = "from-file"\ndigest = "model"\ntimeout = 30\n')
    runner = CliRunner()
    runner.invoke(app, ["run", str(ARTICLES / "market_strike.txt")])
    assert resolved["settings"]["model"] == "from-file" and resolved["settings"]["digest"] == "model"
    assert float(resolved["settings"]["timeout"]) == 30.0
    monkeypatch.setenv("SUMMARIZER_MODEL", "from-env")
    runner.invoke(app, ["run", str(ARTICLES / "market_strike.txt")])
    assert resolved["settings"]["model"] == "from-env"
    runner.invoke(app, ["run", "-m", "from-flag", str(ARTICLES / "market_strike.txt")])
    assert resolved["settings"]["model"] == "from-flag"


def test_briefing_settings_come_from_the_config_file(config_file, resolved):
    config_file.write_text('merge = "embeddings"\nconcurrency = 3\n')
    result = CliRunner().invoke(app, ["briefing", str(ARTICLES)])
    assert isinstance(result.exception, _Stop)
    assert resolved["briefing"]["merge"] == "embeddings" and resolved["briefing"]["concurrency"] == 3
    result = CliRunner().invoke(app, ["briefing", str(ARTICLES), "--concurrency", "2", "--merge", "model"])
    assert resolved["briefing"]["merge"] == "model" and resolved["briefing"]["concurrency"] == 2


@pytest.mark.parametrize("text, said", [
    ('modle = "x"\n', "unknown setting 'modle'"),
    ('digest = "fancy"\n', "digest must be one of model, composed, not 'fancy'"),
    ("concurrency = 0\n", "concurrency must be a whole number of at least 1, not 0"),
    ("timeout = true\n", "timeout must be a number of seconds above 0, not True"),
    ("model = \n", "not valid TOML"),
])
def test_a_bad_config_file_is_one_line_naming_it_and_exit_2(config_file, text, said):
    config_file.write_text(text)
    result = CliRunner().invoke(app, ["run", str(ARTICLES / "market_strike.txt")])
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.startswith(f"summarize: {config_file}: ") and said in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    shown = CliRunner().invoke(app, ["config"])  # `summarize config` still shows the rest, and says what is wrong
    assert shown.exit_code == 2 and said in shown.stdout and "model " in shown.stdout


def test_summarize_config_says_where_each_value_comes_from_and_never_shows_the_key(config_file, monkeypatch):
    config_file.write_text('model = "from-file"\nmerge = "embeddings"\n')
    monkeypatch.setenv("SUMMARIZER_DIGEST", "composed")
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test-" + "abcdefghijklmnop1234")
    result = CliRunner().invoke(app, ["config"])
    assert result.exit_code == 0, result.stderr
    lines = {line.split()[0]: line for line in result.stdout.splitlines()}
    assert lines["config"].endswith(f"{config_file} (read)")
    assert "from-file" in lines["model"] and lines["model"].endswith("[config file]")
    assert lines["merge"].endswith("[config file]") and lines["digest"].endswith("[environment (SUMMARIZER_DIGEST)]")
    assert lines["timeout"].endswith("[default]") and "sk-test" not in result.stdout
    assert "set in the environment" in lines["api"]
    assert CliRunner().invoke(app, ["config", "--path"]).stdout == f"{config_file}\n"


def test_files_live_in_the_platforms_folders_unless_overridden(monkeypatch, tmp_path):
    monkeypatch.delenv("SUMMARIZER_CONFIG")
    monkeypatch.delenv("SUMMARIZER_CACHE_DIR", raising=False)
    import platformdirs

    assert config.config_path() == platformdirs.user_config_path("summarizer") / "config.toml"
    assert config.cache_root() == platformdirs.user_cache_path("summarizer")
    assert config.cache_root({"SUMMARIZER_CACHE_DIR": str(tmp_path)}) == tmp_path
    assert config.load(NO_CONFIG) == {}
