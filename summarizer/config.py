"""The user's defaults: a TOML file in the platform's config folder, and where each value comes from.

    # ~/.config/summarizer/config.toml on Linux (`summarize config` prints the path on any platform)
    provider = "openai-compatible"   # or embedded, openai, or one another package installs
    model = "gpt-4o-mini"
    base_url = "http://localhost:8000/v1"
    digest = "model"        # or "composed"
    merge = "embeddings"    # briefings: or "model"
    concurrency = 4         # briefings: articles at once
    timeout = 300           # seconds to wait for one answer

A value is taken from, first to last: the command line, the environment
variable (SUMMARIZER_MODEL, OPENAI_BASE_URL, ...), this file, the built-in
default. The CLI hands the file's values to click as its `default_map`, which
click consults after the command line and the environment. API keys are never
read from the file: a key belongs in the environment (OPENAI_API_KEY) or a
secrets manager, not in a file people copy around. SUMMARIZER_CONFIG names
another file; SUMMARIZER_CACHE_DIR another cache folder.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from summarizer.errors import SummarizerError

APP = "summarizer"


@dataclass(frozen=True)
class Key:
    """One setting: its environment variable, its type and choices, and the commands it applies to."""

    name: str
    envvar: str
    kind: type
    commands: tuple[str, ...]
    choices: tuple[str, ...] = ()
    default: str = ""  # what applies when nothing is set, in words


KEYS = (
    Key("provider", "SUMMARIZER_PROVIDER", str, ("run", "eval", "briefing"),
        default="openai-compatible with base_url, openai with OPENAI_API_KEY, else embedded"),
    Key("model", "SUMMARIZER_MODEL", str, ("run", "eval", "briefing"),
        default="gpt-4o-mini on an endpoint; the embedded Qwen2.5-Coder-1.5B otherwise"),
    Key("base_url", "OPENAI_BASE_URL", str, ("run", "eval", "briefing"),
        default="none: api.openai.com with OPENAI_API_KEY, else the embedded model"),
    Key("digest", "SUMMARIZER_DIGEST", str, ("run", "eval", "briefing"), ("model", "composed"),
        default="composed on the embedded model, model elsewhere"),
    Key("timeout", "SUMMARIZER_TIMEOUT", float, ("run", "eval", "briefing"),
        default="120 s on an endpoint, 900 s on the embedded model"),
    Key("merge", "SUMMARIZER_MERGE", str, ("briefing", "eval"), ("model", "embeddings"),
        default="embeddings on the embedded model, model elsewhere"),
    Key("concurrency", "SUMMARIZER_CONCURRENCY", int, ("briefing",),
        default="4 on the embedded model (decoded together), 4 on an endpoint, 8 on OpenAI"),
)


class ConfigError(SummarizerError):
    """The config file cannot be read or has a value of the wrong kind: one line naming the file."""

    exit_code = 2


def config_path(env: Mapping[str, str] | None = None) -> Path:
    """The config file: SUMMARIZER_CONFIG, else config.toml in the platform's user config folder."""
    import platformdirs

    env = os.environ if env is None else env
    return Path(env.get("SUMMARIZER_CONFIG") or platformdirs.user_config_path(APP) / "config.toml")


def cache_root(env: Mapping[str, str] | None = None) -> Path:
    """The cache folder (finished results, the joined embedded model): SUMMARIZER_CACHE_DIR, else the
    platform's user cache folder (~/.cache/summarizer on Linux, honouring XDG_CACHE_HOME)."""
    import platformdirs

    env = os.environ if env is None else env
    return Path(env.get("SUMMARIZER_CACHE_DIR") or platformdirs.user_cache_path(APP))


def load(path: Path | None = None) -> dict[str, object]:
    """The file's settings, checked ({} when there is no file). Unknown keys, wrong kinds and values outside
    the choices raise `ConfigError`, so a typo is said once, not silently ignored."""
    path = config_path() if path is None else path
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read the config file ({getattr(exc, 'strerror', None) or exc})") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc})") from None
    known = {k.name: k for k in KEYS}
    values: dict[str, object] = {}
    for name, value in raw.items():
        key = known.get(name)
        if key is None:
            raise ConfigError(f"{path}: unknown setting {name!r} (known: {', '.join(known)})")
        values[name] = _checked(path, key, value)
    return values


def _checked(path: Path, key: Key, value: object) -> object:
    if key.kind is float and isinstance(value, int | float) and not isinstance(value, bool) and value > 0:
        return float(value)
    if key.kind is int and isinstance(value, int) and not isinstance(value, bool) and value >= 1:
        return value
    if key.kind is str and isinstance(value, str) and value and (not key.choices or value in key.choices):
        return value
    wanted = {float: "a number of seconds above 0", int: "a whole number of at least 1"}.get(
        key.kind, f"one of {', '.join(key.choices)}" if key.choices else "a non-empty string")
    raise ConfigError(f"{path}: {key.name} must be {wanted}, not {value!r}")


def default_map(values: dict[str, object]) -> dict[str, dict[str, object]]:
    """The file's values as click's `default_map`: per command, the options it has."""
    commands: dict[str, dict[str, object]] = {}
    for key in KEYS:
        if key.name in values:
            for command in key.commands:
                commands.setdefault(command, {})[key.name] = values[key.name]
    return commands


@dataclass(frozen=True)
class Source:
    """Where a setting's value comes from now, for `summarize config`."""

    key: Key
    value: object | None
    origin: str  # "environment (NAME)", "config file" or "default"


def sources(values: dict[str, object], env: Mapping[str, str] | None = None) -> list[Source]:
    """Each setting's value and where it comes from (without a command line: that would win over both)."""
    env = os.environ if env is None else env
    found = []
    for key in KEYS:
        if env.get(key.envvar):
            found.append(Source(key, env[key.envvar], f"environment ({key.envvar})"))
        elif key.name in values:
            found.append(Source(key, values[key.name], "config file"))
        else:
            found.append(Source(key, None, "default"))
    return found
