"""The output contract: one `ArticleResult` document per article.

Field names here are a public contract (see `schemas/`, generated from these
models by `summarize schema`). Add fields; never rename or remove them.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

SCHEMA_VERSION = "1"

SourceType = Literal["official", "media", "anonymous", "witness", "outlet", "other"]
Status = Literal["asserted", "claimed", "unverified", "disputed", "denied"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ArticleMeta(_Model):
    id: str = Field(description="Stable content hash of the article text (sha256, 16 hex digits).")
    path: str | None = Field(description="Where the article was read from; '-' for stdin.")
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    language: str = Field(description="ISO 639-1 code of the article's language.")
    sentences: int = Field(description="Number of numbered sentences the article was split into.")
    note: str | None = Field(default=None, description="How the text was read, where worth saying: "
                             "'decoded as cp1252' for a file that was not UTF-8.")


class Attribution(_Model):
    source: str = Field(description="Who makes the claim, as the article names them; the outlet for its own voice.")
    source_type: SourceType
    cue: str = Field(description="The attribution cue: 'said', 'according to', 'claimed', ...")


class Evidence(_Model):
    sentence_id: int = Field(ge=1)
    quote: str = Field(description="Verbatim text of the cited sentence.")


class Number(_Model):
    text: str = Field(description="The number exactly as written in the evidence, e.g. '1,200' or 'seven'.")
    value: float
    unit: str | None = None


class Event(_Model):
    id: str = Field(pattern=r"^e[1-9][0-9]*$")
    summary: str
    attribution: Attribution
    status: Status
    evidence: list[Evidence] = Field(min_length=1)
    numbers: list[Number] = Field(default_factory=list)
    actors: list[str] = Field(default_factory=list, description="Names in the evidence, as written (found by code).")
    locations: list[str] = Field(default_factory=list,
                                 description="Place names in the evidence, as written (found by code).")
    when: str | None = Field(default=None, description="The first time expression in the evidence, as written.")
    contradicted_by: list[str] = Field(default_factory=list)
    superseded_by: str | None = Field(default=None, description="The record in which the same source revises "
                                      "this record's figure ('later raised its count to 27'), if any.")


class DigestSentence(_Model):
    text: str
    event_ids: list[str] = Field(min_length=1)


class Digest(_Model):
    text: str
    sentences: list[DigestSentence] = Field(default_factory=list)


class Dropped(_Model):
    stage: Literal["segment", "events", "digest"]
    item: str = Field(description="The removed item, as JSON or text.")
    reason: str

    @field_validator("item", "reason")
    @classmethod
    def _no_key(cls, text: str) -> str:  # an endpoint that echoes the API key: masked here too
        from summarizer.redact import redact

        return redact(text)


class Usage(_Model):
    llm_calls: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    reasks: int = 0
    seconds: float = 0.0

    def add(self, other: Usage) -> None:
        self.llm_calls += other.llm_calls
        self.prompt_tokens += other.prompt_tokens
        self.completion_tokens += other.completion_tokens
        self.reasks += other.reasks
        self.seconds = round(self.seconds + other.seconds, 3)


class ArticleResult(_Model):
    """Attributed, grounded event records and a neutral digest for one article."""

    model_config = ConfigDict(extra="forbid", title="ArticleResult")

    schema_version: str = SCHEMA_VERSION
    article: ArticleMeta
    events: list[Event]
    digest: Digest
    dropped: list[Dropped] = Field(default_factory=list)
    usage: Usage
    model: str
    prompt_version: str
    tool_version: str


class StorylineItem(_Model):
    article: str = Field(description="The article's path or URL.")
    title: str | None = None
    outlet: str | None = None
    event_id: str
    summary: str
    source: str
    status: Status


class Figure(_Model):
    """One figure of a storyline, with who claims it: figures are listed side by side, never averaged."""

    text: str = Field(description="As written in the evidence.")
    value: float
    unit: str | None = None
    source: str
    status: Status
    article: str
    event_id: str
    when: str | None = None
    time_frame: str | None = Field(default=None, description="A scope such as 'this year' or 'in the past "
                                                             "week': figures of different scopes are not a conflict.")
    quantity: str | None = Field(default=None, description="What it counts, in any language's report: dead, "
                                                           "injured, displaced, ... (else its unit).")
    place: str | None = Field(default=None, description="Where it counts, as its sentence names it, when its report "
                                                     "gives figures for the whole country and for places in it: "
                                                     "figures of two places are no conflict.")

    @property
    def claimant(self) -> str:
        """Who claims it: its source; for a report's own voice with no outlet named, the report's file name
        (two reports' own figures are two claims, not one source's)."""
        if self.source.lower() in ("the outlet", "outlet"):
            return re.split(r"[/\\]", self.article)[-1]
        return self.source


class Dispute(_Model):
    """Figures for one quantity that differ between sources: side by side, none resolved."""

    quantity: str
    place: str | None = Field(default=None, description="The place its figures count, where the reports give "
                                                     "figures place by place (none: the whole).")
    figures: list[Figure] = Field(min_length=2)

    @property
    def label(self) -> str:
        """What its figures count, and where: "dead", "participants in Brussels"."""
        return f"{self.quantity} in {self.place}" if self.place else self.quantity


class Storyline(_Model):
    """The same event or story reported by several articles."""

    id: str = Field(pattern=r"^s[1-9][0-9]*$")
    title: str
    summary: str = Field(default="", description="One to three sentences across its reports: who reports it, "
                                                  "what the first report leads with, which figures differ.")
    items: list[StorylineItem] = Field(min_length=2)
    figures: list[Figure] = Field(default_factory=list)
    conflicts: list[str] = Field(default_factory=list, description="Quantities whose figures differ between "
                                                                   "sources (each detailed in `disputes`).")
    disputes: list[Dispute] = Field(default_factory=list)


class FailedArticle(_Model):
    path: str
    reason: str


class BriefingResult(_Model):
    """The daily briefing: every article's result, the storylines across them, the failures."""

    model_config = ConfigDict(extra="forbid", title="BriefingResult")

    schema_version: str = SCHEMA_VERSION
    generated: str = Field(description="When the briefing was built (ISO 8601, UTC).")
    articles: list[ArticleResult]
    storylines: list[Storyline] = Field(default_factory=list)
    failed: list[FailedArticle] = Field(default_factory=list)
    usage: Usage
    tool_version: str


def output_json_schema() -> dict:
    """The JSON Schema of one output document, as shipped under `schemas/`."""
    schema = ArticleResult.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"https://summarizer.invalid/schemas/article-v{SCHEMA_VERSION}.json"
    return schema


def briefing_json_schema() -> dict:
    """The JSON Schema of a briefing document, as shipped under `schemas/`."""
    schema = BriefingResult.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"https://summarizer.invalid/schemas/briefing-v{SCHEMA_VERSION}.json"
    return schema
