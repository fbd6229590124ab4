"""Locate the data shipped with the package: prompt templates and JSON Schemas.

In the repository they live at the top level (`prompts/`, `schemas/`); the
wheel carries them as package data under `summarizer/_data/` so that no other
top-level import name is installed.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    """Return the folder `name` ('prompts' or 'schemas') from the wheel or the checkout."""
    for candidate in (_PACKAGE / "_data" / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"summarizer data folder {name!r} is missing from the installation")
