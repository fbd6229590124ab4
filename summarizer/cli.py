"""`summarize`: a thin command line over `summarizer.pipeline.Summarizer`.

`summarize FILE...` is the default verb (`run`); other verbs are subcommands.
Errors are one line on stderr and an exit code (see `summarizer.errors`).
"""

from __future__ import annotations

import io
import json
import os
import sys
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Optional, TextIO

import typer
from typer.core import TyperGroup

from summarizer import __version__
from summarizer.errors import SummarizerError, attempt


class _DefaultVerbGroup(TyperGroup):
    """Route `summarize FILE ...` to the `run` verb when the first word is not a verb."""

    default_verb = "run"

    def parse_args(self, ctx, args):
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h", "--version"):
            args = [self.default_verb, *args]
        return super().parse_args(ctx, args)

    def invoke(self, ctx):
        """Ctrl-C in any verb: one line and exit 130 (typer's own handling exits 130 silently)."""
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            typer.echo("summarize: interrupted", err=True)
            raise typer.Exit(130) from None


app = typer.Typer(
    cls=_DefaultVerbGroup,
    context_settings={"help_option_names": ["-h", "--help"]},  # every command inherits -h
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    help="Turn news articles into attributed, grounded event records and a neutral digest.\n\n"
         "Usage: summarize ARTICLE... (same as `summarize run ARTICLE...`).",
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"summarize {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    ctx: typer.Context,
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """Turn news articles into attributed, grounded event records and a neutral digest."""
    from summarizer import config
    from summarizer.progress import use_stderr
    from summarizer.redact import guard_logging

    guard_logging()  # no log record shows the API key, whoever prints it
    use_stderr()  # the library's progress (joining, loading the model) as "summarize: ..." lines or a bar
    if ctx.invoked_subcommand != "config":  # `summarize config` reports a bad file rather than failing on it
        try:  # the config file's values are the options' defaults: after the command line and the environment
            ctx.default_map = config.default_map(config.load())
        except config.ConfigError as exc:
            _fail(exc.one_line(), exc.exit_code)


# Choices: the help shows their values, and click refuses any other (exit 2).
class TextFormat(StrEnum):
    text = "text"
    json = "json"


class BriefingFormat(StrEnum):
    md = "md"
    html = "html"
    json = "json"


class DigestMode(StrEnum):
    model = "model"
    composed = "composed"


class MergeMode(StrEnum):
    model = "model"
    embeddings = "embeddings"


class Via(StrEnum):
    sync = "sync"
    batch = "batch"


class FixtureMode(StrEnum):
    off = "off"
    replay = "replay"
    record = "record"


# Environment variables are declared (`envvar=`, shown in the help); the names are the ones
# `summarizer.llm.settings.LLMSettings.resolve` reads for a library user.
OutputOpt = Annotated[Optional[Path], typer.Option(
    "--output", "-o", metavar="FILE", help="Write the output to this file, whole or not at all (default: stdout).")]
TextFormatOpt = Annotated[Optional[TextFormat], typer.Option(
    "--format", "-f", help="text (for a person: the digest and a table of events; eval: a table) or json (JSON "
                           "Lines for several articles). Default: text, but json in an -o file not ending in .txt.")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Same as --format json.")]
ModelOpt = Annotated[Optional[str], typer.Option(
    "--model", "-m", metavar="NAME", envvar="SUMMARIZER_MODEL",
    help="Model name for an endpoint, or a GGUF file path for the embedded runtime.")]
ProviderOpt = Annotated[Optional[str], typer.Option(
    "--provider", metavar="NAME", envvar="SUMMARIZER_PROVIDER",
    help="embedded, openai, openai-compatible, or a provider another package installs (`summarize config` "
         "lists them). Default: from --base-url / OPENAI_API_KEY, else embedded.")]
BaseUrlOpt = Annotated[Optional[str], typer.Option(
    "--base-url", metavar="URL", envvar="OPENAI_BASE_URL",
    help="Any OpenAI-compatible endpoint (vLLM, Ollama, llama.cpp, ...).")]
# Developer options: accepted by every command, hidden from the help (README: "Recorded-response fixtures").
FixturesOpt = Annotated[Optional[FixtureMode], typer.Option(
    "--fixtures", envvar="SUMMARIZER_FIXTURES", case_sensitive=False, hidden=True,
    help="Recorded responses: off (default), replay or record.")]
FixturesDirOpt = Annotated[Optional[Path], typer.Option(
    "--fixtures-dir", metavar="DIR", envvar="SUMMARIZER_FIXTURES_DIR", hidden=True,
    help="Folder of recorded responses.")]
DigestOpt = Annotated[Optional[DigestMode], typer.Option(
    "--digest", envvar="SUMMARIZER_DIGEST",
    help="Who writes the digest: model (a second LLM call) or composed (by code from the records). "
         "Default: composed on the embedded model, model elsewhere.")]

MergeOpt = Annotated[Optional[MergeMode], typer.Option(
    "--merge", envvar="SUMMARIZER_MERGE",
    help="Which articles report one event: embeddings (their meaning, and the places they name) or model "
         "(the model confirms the embeddings' candidate pairs). Default: embeddings on the embedded model, "
         "model elsewhere.")]
TimeoutOpt = Annotated[Optional[str], typer.Option(
    "--timeout", metavar="SECONDS", envvar="SUMMARIZER_TIMEOUT",
    help="Seconds to wait for one answer of the LLM before trying again or giving up. Default: 120 on an "
         "endpoint, 900 on the embedded model.")]


def _settings(model, base_url, fixtures, fixtures_dir, digest, timeout=None, provider=None):
    """The LLM settings from the shared options; a bad value is a usage error (exit 2)."""
    from summarizer.llm.settings import LLMSettings

    if timeout is not None and timeout == os.environ.get("SUMMARIZER_TIMEOUT"):
        timeout = None  # from the environment: LLMSettings reads it again, and names it if it is no number
    try:
        return LLMSettings.resolve(model=model, base_url=base_url, fixtures=_value(fixtures),
                                   fixtures_dir=fixtures_dir, digest=_value(digest), timeout=timeout,
                                   provider=provider)
    except ValueError as exc:
        _fail(str(exc), 2)


def _value(choice: StrEnum | None) -> str | None:
    return None if choice is None else choice.value


def _fail(message: str, code: int) -> None:
    _warn(message)
    raise typer.Exit(code)


def _warn(message: str) -> None:
    """One line on stderr, the API key (and anything shaped like one) masked."""
    from summarizer.redact import redact

    typer.echo(f"summarize: {redact(message)}", err=True)


@app.command("run")
def run(
    files: Annotated[list[str], typer.Argument(metavar="ARTICLE",
                                               help="Article files (.txt or .html); '-' reads stdin.")],
    output: OutputOpt = None,
    fmt: TextFormatOpt = None,
    as_json: JsonOpt = False,
    model: ModelOpt = None,
    provider: ProviderOpt = None,
    base_url: BaseUrlOpt = None,
    fixtures: FixturesOpt = None,
    fixtures_dir: FixturesDirOpt = None,
    outlet: Annotated[Optional[str], typer.Option(metavar="NAME",
                                                  help="The outlet that published the article(s).")] = None,
    digest: DigestOpt = None,
    timeout: TimeoutOpt = None,
) -> None:
    """Summarise articles: the digest, then the attributed event records."""
    from summarizer.pipeline import Summarizer, warnings
    from summarizer.read import read_article
    from summarizer.render import render_text, to_json

    fmt = _run_format(fmt, as_json, output)
    settings = _settings(model, base_url, fixtures, fixtures_dir, digest, timeout, provider)
    summarizer = Summarizer(settings)
    several = len(files) > 1
    exit_code, shown = 0, 0
    documents: list[str] = []  # what goes to -o, written whole at the end
    for path in files:
        name = "stdin" if path == "-" else path
        done = attempt(name, lambda: summarizer.summarize(read_article(path, outlet=outlet)))
        if done.value is None:
            _warn(f"{name}: {done.error}" + (" (set SUMMARIZER_DEBUG=1 for the traceback)" if done.internal else ""))
            exit_code = max(exit_code, done.exit_code)
            continue
        result = done.value
        for line in filter(None, [result.article.note, *warnings(result)]):
            _warn(f"{name}: {line}")
        if fmt is TextFormat.json:
            document = to_json(result, indent=None if several else 2) + "\n"
        elif output is not None:
            buffer = io.StringIO()
            render_text(result, buffer, width=100, color=False)
            document = buffer.getvalue()
        else:  # straight to the terminal, in its width and colours
            if shown:
                typer.echo()
            render_text(result, sys.stdout, width=_width(), color=sys.stdout.isatty())
        if output is not None:
            documents.append(document)
        elif fmt is TextFormat.json:
            typer.echo(document, nl=False)
        shown += 1
    if documents and output is not None:
        _write_atomic(output, ("\n" if fmt is TextFormat.text else "").join(documents))
    raise typer.Exit(exit_code)


def _run_format(fmt: TextFormat | None, as_json: bool, output: Path | None) -> TextFormat:
    """--format, or --json (its alias); else text on stdout, and json in an -o file unless it ends in .txt
    (an -o file was always JSON before --format)."""
    if as_json and fmt not in (None, TextFormat.json):
        _fail(f"--json is --format json: it cannot go with --format {fmt}", 2)
    if as_json:
        return TextFormat.json
    if fmt is not None:
        return fmt
    if output is None or output.suffix.lower() in (".txt", ".text"):
        return TextFormat.text
    return TextFormat.json


@app.command("eval")
def evaluate(
    gold: Annotated[Path, typer.Argument(help="Gold annotations (YAML); article paths are relative to it.")],
    output: OutputOpt = None,
    fmt: TextFormatOpt = None,
    as_json: JsonOpt = False,
    merge: MergeOpt = None,
    model: ModelOpt = None,
    provider: ProviderOpt = None,
    base_url: BaseUrlOpt = None,
    fixtures: FixturesOpt = None,
    fixtures_dir: FixturesDirOpt = None,
    digest: DigestOpt = None,
    timeout: TimeoutOpt = None,
) -> None:
    """Score the tool against gold annotations: event and number recall, source and status accuracy,
    grounding, leakage, loaded terms, calls, tokens and seconds; or, on a storyline gold file, the briefing's
    storylines (pairwise and B-cubed precision, recall and F1 over articles and records)."""
    from summarizer.briefing.evaluate import is_storyline_gold
    from summarizer.evaluate import evaluate_all, load_gold, read_gold
    from summarizer.pipeline import Summarizer
    from summarizer.render import render_scores

    settings = _settings(model, base_url, fixtures, fixtures_dir, digest, timeout, provider)
    try:
        data = read_gold(gold)
        if is_storyline_gold(data):
            _evaluate_storylines(gold, data, settings, merge, _run_format(fmt, as_json, output), output)
        articles = load_gold(gold, data)
    except SummarizerError as exc:
        _fail(exc.one_line(), exc.exit_code)
    scores = evaluate_all(articles, Summarizer(settings), warn=lambda line: _warn(line))
    if _run_format(fmt, as_json, output) is TextFormat.json:
        text = json.dumps(scores.as_dict(), indent=2) + "\n"
    else:
        buffer = io.StringIO()
        render_scores(scores.rows, scores.total, buffer, width=200 if output else max(_width(), 200),
                      color=output is None and sys.stdout.isatty())
        text = buffer.getvalue()
    _output(output, lambda out: out.write(text))
    raise typer.Exit(scores.exit_code)


def _evaluate_storylines(gold: Path, data, settings, merge: MergeMode | None, fmt: TextFormat,
                         output: Path | None) -> None:
    """`summarize eval` on a storyline gold file: build the day's briefing, score its storylines, exit."""
    from summarizer.briefing.evaluate import evaluate_storylines, load_storyline_gold, render_storyline_scores

    score, code = evaluate_storylines(load_storyline_gold(gold, data), settings, warn=_warn,
                                      merge=None if merge is None else "model" if merge is MergeMode.model
                                      else "embeddings")
    if fmt is TextFormat.json:
        text = json.dumps(score.as_dict(), indent=2) + "\n"
    else:
        buffer = io.StringIO()
        render_storyline_scores(score, buffer)
        text = buffer.getvalue()
    _output(output, lambda out: out.write(text))
    raise typer.Exit(code)


@app.command("briefing")
def briefing(
    inputs: Annotated[list[str], typer.Argument(metavar="PATH",
                                                help="Article files and folders of them (.txt, .html).")],
    output: Annotated[Optional[Path], typer.Option(
        "--output", "-o", metavar="FILE", help="Write the briefing to this file (default: stdout).")] = None,
    fmt: Annotated[Optional[BriefingFormat], typer.Option(
        "--format", "-f", help="Default: from the -o suffix (.md, .html, .json), else md.")] = None,
    concurrency: Annotated[Optional[int], typer.Option(
        metavar="N", envvar="SUMMARIZER_CONCURRENCY", min=1,
        help="Articles summarised at once (default: 4 on the embedded model, decoded together; 4 on an endpoint, "
             "8 on OpenAI).")
    ] = None,
    cache_dir: Annotated[Optional[Path], typer.Option(metavar="DIR", help="Where finished articles are kept "
                                                      "[default: ~/.cache/summarizer/results].")] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Summarise every article again.")] = False,
    via: Annotated[Via, typer.Option("--via", help="sync (calls as they go) or batch (one OpenAI Batch API job for "
                                                   "the events calls; resumable).")] = Via.sync,
    poll: Annotated[float, typer.Option(metavar="SECONDS", help="--via batch: first wait between polls, seconds "
                                        "(doubling, at most 300).", min=0.0)] = 10.0,
    merge: MergeOpt = None,
    model: ModelOpt = None,
    provider: ProviderOpt = None,
    base_url: BaseUrlOpt = None,
    fixtures: FixturesOpt = None,
    fixtures_dir: FixturesDirOpt = None,
    digest: DigestOpt = None,
    timeout: TimeoutOpt = None,
) -> None:
    """Build a daily briefing from many articles: per-article records, storylines merged across outlets,
    conflicting figures side by side. Finished articles are cached: a re-run resumes."""
    from summarizer.briefing import Briefing
    from summarizer.briefing.articles import Interrupted
    from summarizer.progress import article_progress

    fmt = fmt or _briefing_format(output)
    settings = _settings(model, base_url, fixtures, fixtures_dir, digest, timeout, provider)
    try:
        briefing = Briefing(settings, cache_dir=cache_dir, use_cache=not no_cache, concurrency=concurrency, poll=poll,
                            merge=None if merge is None else "model" if merge is MergeMode.model else "embeddings",
                            via="batch" if via is Via.batch else "sync")
    except SummarizerError as exc:
        _fail(exc.one_line(), exc.exit_code)
    found = briefing.find(inputs)
    if not found.paths and not found.missing:
        _fail("no article files (.txt, .html) in the given folders", 3)
    with article_progress(len(found.paths)) as progress:

        def done(article, tally) -> None:
            for line in (f"{article.path}: {article.error}" if article.error else None, article.warning):
                if line:
                    progress(line, False)
            progress(tally.line(), True)

        try:
            built = briefing.build(found, on_done=done, warn=lambda message: progress(message, False))
        except Interrupted as exc:  # no briefing is written: a re-run resumes from the cache
            progress(exc.one_line(), False)
            raise typer.Exit(exc.exit_code) from None
        except SummarizerError as exc:
            _fail(exc.one_line(), exc.exit_code)
    with built:
        for line in built.warnings:
            _warn(line)
        try:
            _output(output, lambda out: built.write(fmt.value, out))
        except SummarizerError as exc:  # the spool could not be read back: one line, no partial -o file
            _fail(exc.one_line(), exc.exit_code)
    raise typer.Exit(built.exit_code)


def _briefing_format(output: Path | None) -> BriefingFormat:
    """The format from the -o suffix (.md, .html, .json), else md."""
    suffix = output.suffix.lstrip(".").lower() if output and output.suffix else "md"
    suffix = {"markdown": "md", "htm": "html"}.get(suffix, suffix)
    if suffix not in BriefingFormat.__members__:
        _fail(f"--format must be md, html or json, not {suffix!r} (from the -o suffix)", 2)
    return BriefingFormat(suffix)


@app.command("config")
def show_config(
    path_only: Annotated[bool, typer.Option("--path", help="Print the config file's path only.")] = False,
) -> None:
    """Show the settings, their values and where each comes from (environment, config file, default).
    Set defaults once in the config file (TOML): provider, model, base_url, digest, timeout, merge, concurrency."""
    from summarizer import config

    path = config.config_path()
    if path_only:
        typer.echo(str(path))
        return
    try:
        values, problem = config.load(path), None
    except config.ConfigError as exc:
        values, problem = {}, exc.one_line()
    state = "not found" if not path.exists() else "unreadable: " + problem if problem else "read"
    typer.echo(f"config file   {path} ({state})")
    typer.echo(f"cache folder  {config.cache_root()}")
    from summarizer.llm.plugins import installed

    typer.echo(f"providers     built in: embedded, openai, openai-compatible; installed: "
               f"{', '.join(sorted(installed())) or 'none'}")
    key_set = bool(os.environ.get("OPENAI_API_KEY"))
    typer.echo(f"api key       {'set in the environment (OPENAI_API_KEY)' if key_set else 'not set'}")
    for s in config.sources(values):
        shown = s.key.default if s.value is None else str(s.value)
        typer.echo(f"{s.key.name:<13} {shown}  [{s.origin}]")
    if problem:
        raise typer.Exit(2)


@app.command("schema")
def schema(briefing_doc: Annotated[bool, typer.Option("--briefing", help="The briefing document's schema.")] = False
           ) -> None:
    """Print the JSON Schema of one output document (the contract kept under schemas/)."""
    from summarizer.schema import briefing_json_schema, output_json_schema

    typer.echo(json.dumps(briefing_json_schema() if briefing_doc else output_json_schema(), indent=2,
                          ensure_ascii=False))


def _width() -> int:
    try:
        return max(60, min(140, os.get_terminal_size().columns))
    except OSError:
        return 100


def _write_atomic(path: Path, text: str) -> None:
    _output(path, lambda out: out.write(text))


def _output(path: Path | None, produce: Callable[[TextIO], object]) -> None:
    """`produce` writes the output to stdout, or to the file `path` whole or not at all (a unique temporary
    file, then a rename): a failed or interrupted write, or a second run writing the same file, never
    leaves a partial file."""
    if path is None:
        produce(sys.stdout)
        return
    from summarizer.files import atomic_writer

    try:
        with atomic_writer(path) as raw:
            out = io.TextIOWrapper(raw, encoding="utf-8", newline="")
            produce(out)
            out.flush()
            out.detach()  # the binary file stays open for the writer to sync and rename
    except OSError as exc:
        _fail(f"{path}: cannot write ({exc.strerror or exc})", 3)


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        typer.echo("summarize: interrupted", err=True)
        sys.exit(130)
