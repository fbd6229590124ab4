"""Test set-up: replay recorded LLM responses, never touch the network.

* Every test runs with SUMMARIZER_FIXTURES=replay against fixtures/llm (unless
  the contributor re-records with SUMMARIZER_FIXTURES=record), with no API key
  or endpoint in the environment, and no config file (SUMMARIZER_CONFIG names
  a file that does not exist).
* Sockets may connect only to loopback (tests' own fake servers); anything
  else fails the test.
* After a full run, a recorded fixture that no test used fails the session:
  recordings are never left half-used or stale.
* Property tests (hypothesis) are derandomized: every run tries the same
  examples, so CI passes or fails the same way each time. To search for new
  failures, run `pytest --hypothesis-profile=explore` (new random examples on
  each run) and turn what it finds into a fixed example or a strategy change.
"""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest
from hypothesis import settings

settings.register_profile("default", derandomize=True)
settings.register_profile("explore", derandomize=False)
settings.load_profile("default")

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
ARTICLES = FIXTURES / "articles"
RECORDED = FIXTURES / "llm"
NO_CONFIG = ROOT / "tests" / "no-such-config.toml"

_real_connect = socket.socket.connect


def _loopback_only(self, address, *args, **kwargs):
    host = address[0] if isinstance(address, tuple) else address
    if isinstance(host, str) and host not in ("127.0.0.1", "::1", "localhost") and self.family != socket.AF_UNIX:
        raise RuntimeError(f"test tried to reach the network: {address!r}")
    return _real_connect(self, address, *args, **kwargs)


@pytest.fixture(autouse=True)
def _offline_replay(monkeypatch, request):
    import os

    mode = os.environ.get("SUMMARIZER_FIXTURES", "replay")
    for name in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "SUMMARIZER_MODEL", "SUMMARIZER_GGUF"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("SUMMARIZER_FIXTURES", "record" if mode == "record" else "replay")
    monkeypatch.setenv("SUMMARIZER_FIXTURES_DIR", str(RECORDED))
    monkeypatch.setenv("SUMMARIZER_CONFIG", str(NO_CONFIG))  # the user's own config file never changes a test
    monkeypatch.setattr("summarizer.redact._secrets", [])  # the keys a test configures are masked in that test only
    if mode != "record":
        monkeypatch.setattr(socket.socket, "connect", _loopback_only)
    yield


@pytest.fixture
def article_path():
    def get(name: str) -> Path:
        return ARTICLES / name
    return get


def pytest_sessionfinish(session, exitstatus):
    """Fail a full run that left recorded fixtures unused (stale or partly used recordings)."""
    from summarizer.llm.fixtures import FixtureTransport

    config = session.config
    selective = config.option.keyword or config.option.markexpr not in ("", "not live") or getattr(
        config.option, "lf", False) or any(
        "::" in a or a.endswith(".py") for a in config.args)
    if selective or exitstatus != 0 or session.testscollected == 0:
        return
    recorded = {json.loads(p.read_text())["key"]: p for p in RECORDED.glob("*.json")}
    unused = sorted(str(p.relative_to(ROOT)) for k, p in recorded.items() if k not in FixtureTransport.used_keys)
    if unused:
        print(f"\nFAILED: {len(unused)} recorded fixture(s) were not used by any test "
              f"(stale recordings: delete them or re-record): {', '.join(unused)}")
        session.exitstatus = 1
