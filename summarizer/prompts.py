"""Render the prompt templates under `prompts/<version>/` into chat messages.

Every call for one article starts with the same two messages (static system
prompt, then the article as delimited numbered sentences), so the prefix is
byte-identical across calls and across articles up to the article.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from summarizer.resources import data_dir

PROMPT_SET = "v1"


@lru_cache(maxsize=1)
def _environment():
    import jinja2

    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(_folder())),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=False,
        autoescape=False,
    )


def _folder() -> Path:
    return data_dir("prompts") / PROMPT_SET


ARTICLE_TEMPLATES = ("system", "article", "events", "digest")  # what one article's result depends on


@lru_cache(maxsize=1)
def prompt_version() -> str:
    """'v1#<hash>': the prompt set and a hash of the article templates' bytes (not the briefing's merge
    prompt: changing it must not invalidate cached article results)."""
    digest = hashlib.sha256()
    for name in ARTICLE_TEMPLATES:
        path = _folder() / f"{name}.j2"
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return f"{PROMPT_SET}#{digest.hexdigest()[:8]}"


def render(name: str, **values) -> str:
    return _environment().get_template(f"{name}.j2").render(**values).strip()


def _escape(numbered: str) -> str:
    # The article may not close its own delimiter.
    return numbered.replace("</article>", "<\\/article>").replace("<article>", "<\\article>")


def article_messages(numbered: str) -> list[dict]:
    """The shared prefix: system instructions, then the article as data."""
    return [
        {"role": "system", "content": render("system")},
        {"role": "user", "content": render("article", numbered=_escape(numbered))},
    ]


def task_messages(numbered: str, task: str, **values) -> list[dict]:
    return [*article_messages(numbered), {"role": "user", "content": render(task, **values)}]
