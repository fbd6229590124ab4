"""The library's progress reports: log records for a library caller, stderr lines under the CLI."""

import logging

import pytest

from summarizer import progress


@pytest.fixture
def stderr_mode():
    yield lambda on: progress.use_stderr(on)
    progress.use_stderr(False)


def test_the_library_logs_its_progress_and_writes_nothing_itself(capsys, caplog, stderr_mode):
    stderr_mode(False)
    with caplog.at_level(logging.INFO, logger="summarizer"):
        with progress.byte_progress("Joining the embedded model", 100) as advance:
            advance(100)
        with progress.status("Loading the embedded model"):
            pass
    assert capsys.readouterr() == ("", "")
    said = [r.getMessage() for r in caplog.records if r.name == "summarizer"]
    assert said[0] == "Joining the embedded model ..." and said[1].startswith("Joining the embedded model: done in")
    assert said[2] == "Loading the embedded model" and said[3].startswith("ready in")


def test_under_the_cli_progress_goes_to_stderr_as_lines(capsys, caplog, stderr_mode):
    stderr_mode(True)
    with caplog.at_level(logging.INFO, logger="summarizer"):
        with progress.status("Loading the embedded model"):
            pass
    err = capsys.readouterr().err.splitlines()
    assert err[0] == "summarize: Loading the embedded model" and err[1].startswith("summarize: ready in")
    assert not [r for r in caplog.records if r.name == "summarizer"]


def test_the_cli_turns_stderr_reporting_on(stderr_mode):
    from typer.testing import CliRunner

    from summarizer.cli import app

    stderr_mode(False)
    CliRunner().invoke(app, ["schema"])
    assert progress._stderr
