"""Which LLM to use and how: resolved once from flags and environment variables.

Precedence: a provider named (`--provider` / SUMMARIZER_PROVIDER: a built-in one
or one another package installs, see `summarizer.llm.plugins`) wins; else an
explicit endpoint (`--base-url` / OPENAI_BASE_URL); else an OpenAI key
(OPENAI_API_KEY) selects api.openai.com; else the embedded local model runs
in-process. The same client code path serves them all.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal

FixtureMode = Literal["off", "replay", "record"]
# "openai", "openai-compatible", "embedded", or the name of an installed provider (summarizer.llm.plugins)
Provider = str
DigestMode = Literal["model", "composed"]

DEFAULT_OPENAI_MODEL = "gpt-4o-mini"
# Seconds to wait for one answer (`--timeout`, SUMMARIZER_TIMEOUT). An endpoint answers an events call in
# seconds to a minute; one that has said nothing for two minutes is hung or overloaded, and with the retries'
# 300 s a hung endpoint costs 240 s, not the SDK's 600 s a try. The embedded model is never hung: its bound is
# for a slow machine (an answer takes 40-60 s here, its longest, 2,048 tokens at 9 tokens/s, under 5 minutes).
DEFAULT_TIMEOUT = {"openai": 120.0, "openai-compatible": 120.0, "embedded": 900.0}  # an installed provider: 120
EMBEDDED_MODEL_NAME = "qwen2.5-coder-1.5b-instruct-q4_k_m"
OPENAI_BASE_URL = "https://api.openai.com/v1"


@dataclass(frozen=True)
class LLMSettings:
    provider: Provider
    model: str
    base_url: str | None = None
    api_key: str | None = field(default=None, repr=False)
    fixtures: FixtureMode = "off"
    fixtures_dir: Path = Path("fixtures/llm")
    timeout: float | None = None  # seconds to wait for one answer; None: DEFAULT_TIMEOUT of the provider
    max_reasks: int = 2  # validation re-asks after the first answer
    transport_attempts: int = 4  # tries per HTTP request (429, 5xx, connection errors)
    transport_initial_wait: float = 0.5  # first back-off sleep (exponential, with jitter), seconds
    transport_max_wait: float = 60.0  # cap on one back-off sleep, seconds
    transport_total: float = 300.0  # the most seconds one request's retries may take (a last try may end later)
    temperature: float = 0.0
    seed: int = 0
    # Requests the embedded model decodes together (summarizer/llm/batched.py); a briefing sets its concurrency.
    parallel: int = 1
    # Who writes the digest: the model (a second call), or code from the validated records. The embedded
    # model's digests were weak and cost a second call; by default it gets the composed one.
    digest: DigestMode = "model"

    def __post_init__(self) -> None:
        from summarizer.redact import register

        register(self.api_key)  # never in a message, a log or a recording, whatever its shape
        if self.timeout is None:
            object.__setattr__(self, "timeout", DEFAULT_TIMEOUT.get(self.provider, 120.0))

    @classmethod
    def resolve(
        cls,
        *,
        model: str | None = None,
        base_url: str | None = None,
        api_key: str | None = None,
        fixtures: str | None = None,
        fixtures_dir: str | Path | None = None,
        env: dict[str, str] | None = None,
        timeout: float | str | None = None,
        provider: str | None = None,
        **overrides,
    ) -> LLMSettings:
        env = dict(os.environ) if env is None else env
        if timeout is not None:
            overrides["timeout"] = _seconds(timeout, "--timeout")
        elif env.get("SUMMARIZER_TIMEOUT"):
            overrides["timeout"] = _seconds(env["SUMMARIZER_TIMEOUT"], "SUMMARIZER_TIMEOUT")
        base_url = base_url or env.get("OPENAI_BASE_URL") or None
        api_key = api_key or env.get("OPENAI_API_KEY") or None
        if api_key is not None and not (api_key.isascii() and api_key.isprintable()):
            at = next(i for i, c in enumerate(api_key) if not (c.isascii() and c.isprintable()))
            raise ValueError(f"the API key (OPENAI_API_KEY) has a character an HTTP header cannot carry at "
                             f"position {at + 1}: give the key as the provider wrote it")
        model = model or env.get("SUMMARIZER_MODEL") or None
        provider = provider or env.get("SUMMARIZER_PROVIDER") or None
        if provider is not None:
            from summarizer.llm.plugins import check

            check(provider)  # a name no package provides: said now, not at the first call
        if provider == "embedded" or (provider is None and not base_url and not api_key):
            provider, base_url = "embedded", None  # in-process: an endpoint in the environment is not used
            model = model or env.get("SUMMARIZER_GGUF") or EMBEDDED_MODEL_NAME
        elif provider == "openai" or (provider is None and not base_url):
            provider, base_url = "openai", base_url or OPENAI_BASE_URL
            model = model or DEFAULT_OPENAI_MODEL
        elif provider is None or provider == "openai-compatible":
            if not base_url:
                raise ValueError("the provider openai-compatible needs --base-url (or OPENAI_BASE_URL)")
            provider = "openai-compatible"
            model = model or DEFAULT_OPENAI_MODEL
        else:  # an installed provider: it chooses its own default model when none is named
            model = model or "default"
        mode = (fixtures or env.get("SUMMARIZER_FIXTURES") or "off").lower()
        if mode not in ("off", "replay", "record"):
            raise ValueError(f"fixture mode must be off, replay or record, not {mode!r}")
        folder = Path(fixtures_dir or env.get("SUMMARIZER_FIXTURES_DIR") or "fixtures/llm")
        if overrides.get("digest") is None:
            overrides["digest"] = env.get("SUMMARIZER_DIGEST") or ("composed" if provider == "embedded" else "model")
        if overrides["digest"] not in ("model", "composed"):
            raise ValueError(f"digest must be model or composed, not {overrides['digest']!r}")
        return cls(provider=provider, model=model, base_url=base_url, api_key=api_key,
                   fixtures=mode, fixtures_dir=folder, **overrides)  # type: ignore[arg-type]

    @property
    def model_name(self) -> str:
        """The model's name as sent in requests (a GGUF path is reduced to its file stem)."""
        if self.provider == "embedded" and self.model.endswith(".gguf"):
            return Path(self.model).stem.lower()
        return self.model

    def with_(self, **changes) -> LLMSettings:
        return replace(self, **changes)


def _seconds(value: float | str, name: str) -> float:
    """A timeout in seconds: a finite number above 0, else a ValueError naming where it came from."""
    import math

    try:
        seconds = float(value)
    except (TypeError, ValueError):
        seconds = math.nan
    if not (math.isfinite(seconds) and seconds > 0):
        raise ValueError(f"{name} must be a number of seconds above 0, not {str(value)!r}")
    return seconds
