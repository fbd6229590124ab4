"""A content-addressed cache of article results: the same article, model, prompts and schema -> no LLM call.

The key is a hash of the exact article text (`read.content_key`, not the
normalised id shown in the output: an article spelled with other code points or
line endings never gets another spelling's quotes), the provider, endpoint and
model, the prompt version (a hash of the templates), the output schema version,
the digest mode and the tool's version (its rules make the records and the
composed digest): changing a prompt template invalidates exactly the results
made with it, and a new release makes every result again. Each result is written
atomically (`summarizer.files.write_atomic`: a temporary file of a unique name in
the same folder, flushed, then renamed) as soon as it is done, so an interrupted
run loses nothing finished, and runs and threads sharing the folder never see
half a file: a reader gets nothing or a complete result. Concurrent writers of one key write the same result (the key
is a hash of everything that makes it); the last rename wins.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from pydantic import ValidationError

from summarizer.files import write_atomic
from summarizer.schema import SCHEMA_VERSION, ArticleResult


def default_cache_dir() -> Path:
    from summarizer.llm.embedded import cache_dir

    return cache_dir() / "results"


class ResultCache:
    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)

    @staticmethod
    def key(content_key: str, settings) -> str:
        """The cache key of an article's result: `content_key` is `Article.content_key` (exact text)."""
        from summarizer import __version__
        from summarizer.prompts import prompt_version

        parts = [content_key, settings.provider, settings.base_url or "", settings.model_name, prompt_version(),
                 SCHEMA_VERSION, settings.digest, __version__]
        return hashlib.sha256(json.dumps(parts).encode()).hexdigest()[:32]

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def get(self, key: str) -> ArticleResult | None:
        try:
            return ArticleResult.model_validate_json(self._path(key).read_bytes())
        except (OSError, ValidationError, ValueError):
            return None  # missing, unreadable or from another schema: summarise again

    def put(self, key: str, result: ArticleResult) -> None:
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, result.model_dump_json())
