"""Providers from other packages: the entry-point group `summarizer.providers`.

A provider plugs in where the embedded model does: as an HTTP transport that
answers `POST /chat/completions` the way OpenAI does (`summarizer.llm.embedded.
EmbeddedTransport` is one; `summarizer.llm.fake.FakeTransport` is another), so
instructor, the validators, re-asks, retries and recorded fixtures work the same
for it. A package declares one in its pyproject.toml:

    [project.entry-points."summarizer.providers"]
    myprovider = "my_package.module:make_transport"

where `make_transport(settings: LLMSettings) -> httpx2.BaseTransport`. Users pick
it with `--provider myprovider` (or SUMMARIZER_PROVIDER, or `provider = ...` in
the config file); `summarize config` lists the installed ones. docs/providers.md
has a worked example.
"""

from __future__ import annotations

from importlib.metadata import EntryPoint, entry_points
from typing import TYPE_CHECKING

from summarizer.errors import LLMError

if TYPE_CHECKING:
    import httpx2

    from summarizer.llm.settings import LLMSettings

GROUP = "summarizer.providers"
BUILTIN = ("embedded", "openai", "openai-compatible")


def installed() -> dict[str, EntryPoint]:
    """The providers other packages declare, by name (a built-in name cannot be taken over)."""
    return {ep.name: ep for ep in entry_points(group=GROUP) if ep.name not in BUILTIN}


def transport(settings: LLMSettings) -> httpx2.BaseTransport:
    """The transport of the plugin named by `settings.provider`; a plugin that cannot be loaded or gives
    something else than a transport is an LLMError with one line naming it."""
    import httpx2

    entry = installed().get(settings.provider)
    if entry is None:
        raise LLMError(f"no provider {settings.provider!r} is installed ({_known()})")
    try:
        made = entry.load()(settings)
    except Exception as exc:  # a third party's bug: one line that names it, not a traceback
        raise LLMError(f"the provider {settings.provider!r} ({entry.value}) failed to start: "
                       f"{type(exc).__name__}: {exc}") from exc
    if not isinstance(made, httpx2.BaseTransport):
        raise LLMError(f"the provider {settings.provider!r} ({entry.value}) gave a {type(made).__name__}, "
                       "not an httpx2 transport")
    return made


def check(name: str) -> None:
    """A ValueError unless `name` is a built-in provider or an installed one."""
    if name not in BUILTIN and name not in installed():
        raise ValueError(f"unknown provider {name!r} ({_known()})")


def _known() -> str:
    return "built in: " + ", ".join(BUILTIN) + "; installed: " + (", ".join(sorted(installed())) or "none")
