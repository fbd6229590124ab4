"""`summarize`: a thin command line over `summarizer.pipeline.Summarizer`.

`summarize FILE...` is the default verb (`run`); other verbs are subcommands.
Errors are one line on stderr and an exit code (see `summarizer.errors`).
"""

from __future__ import annotations

import datetime
import io
import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Optional, TextIO

import typer
from typer.core import TyperGroup

from summarizer import __version__
from summarizer.errors import LLMError, SummarizerError


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
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """Turn news articles into attributed, grounded event records and a neutral digest."""
    from summarizer.redact import guard_logging

    guard_logging()  # no log record shows the API key, whoever prints it


ModelOpt = Annotated[Optional[str], typer.Option(
    "--model", "-m", help="Model name for an endpoint, or a GGUF file path for the embedded runtime. "
                          "[env: SUMMARIZER_MODEL]")]
BaseUrlOpt = Annotated[Optional[str], typer.Option(
    "--base-url", help="Any OpenAI-compatible endpoint (vLLM, Ollama, llama.cpp, ...). [env: OPENAI_BASE_URL]")]
FixturesOpt = Annotated[Optional[str], typer.Option(
    "--fixtures", help="Recorded responses: off (default), replay or record. [env: SUMMARIZER_FIXTURES]")]
FixturesDirOpt = Annotated[Optional[Path], typer.Option(
    "--fixtures-dir", help="Folder of recorded responses. [env: SUMMARIZER_FIXTURES_DIR]")]
DigestOpt = Annotated[Optional[str], typer.Option(
    "--digest", help="Who writes the digest: model (a second LLM call) or composed (by code from the records). "
                     "Default: composed on the embedded model, model elsewhere. [env: SUMMARIZER_DIGEST]")]

TimeoutOpt = Annotated[Optional[str], typer.Option(
    "--timeout", metavar="SECONDS",
    help="Seconds to wait for one answer of the LLM before trying again or giving up. Default: 120 on an "
         "endpoint, 900 on the embedded model. [env: SUMMARIZER_TIMEOUT]")]


def _settings(model, base_url, fixtures, fixtures_dir, digest, timeout=None):
    """The LLM settings from the shared options; a bad value is a usage error (exit 2)."""
    from summarizer.llm.settings import LLMSettings

    try:
        return LLMSettings.resolve(model=model, base_url=base_url, fixtures=fixtures, fixtures_dir=fixtures_dir,
                                   digest=digest, timeout=timeout)
    except ValueError as exc:
        _fail(str(exc), 2)


def _fail(message: str, code: int) -> None:
    _warn(message)
    raise typer.Exit(code)


def _warn(message: str) -> None:
    """One line on stderr, the API key (and anything shaped like one) masked."""
    from summarizer.redact import redact

    typer.echo(f"summarize: {redact(message)}", err=True)


@app.command("run")
def run(
    files: Annotated[list[str], typer.Argument(help="Article files (.txt or .html); '-' reads stdin.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON (JSON Lines for several articles).")] = False,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write the JSON to this file.")] = None,
    model: ModelOpt = None,
    base_url: BaseUrlOpt = None,
    fixtures: FixturesOpt = None,
    fixtures_dir: FixturesDirOpt = None,
    outlet: Annotated[Optional[str], typer.Option(help="The outlet that published the article(s).")] = None,
    digest: DigestOpt = None,
    timeout: TimeoutOpt = None,
) -> None:
    """Summarise articles: the digest, then the attributed event records."""
    from summarizer.pipeline import Summarizer, warnings
    from summarizer.read import read_article
    from summarizer.render import render_text, to_json

    settings = _settings(model, base_url, fixtures, fixtures_dir, digest, timeout)
    summarizer = Summarizer(settings)
    several = len(files) > 1
    exit_code = 0
    documents: list[str] = []
    for path in files:
        try:
            result = summarizer.summarize(read_article(path, outlet=outlet))
        except SummarizerError as exc:
            name = "stdin" if path == "-" else path
            _warn(f"{name}: {exc.about(name)}")
            exit_code = max(exit_code, exc.exit_code)
            continue
        except Exception as exc:  # a bug must not lose the other articles' results
            if os.environ.get("SUMMARIZER_DEBUG"):
                raise
            _warn(f"{path}: internal error: {type(exc).__name__}: {exc} (set SUMMARIZER_DEBUG=1 for the traceback)")
            exit_code = max(exit_code, 1)
            continue
        name = "stdin" if path == "-" else path
        for line in filter(None, [result.article.note, *warnings(result)]):
            _warn(f"{name}: {line}")
        documents.append(to_json(result, indent=None if several else 2))
        if as_json and output is None:
            typer.echo(documents[-1])
        else:
            if several and documents[:-1]:
                typer.echo()
            render_text(result, sys.stdout, width=_width(), color=sys.stdout.isatty())
    if output is not None and documents:
        _write_atomic(output, "\n".join(documents) + "\n")
    raise typer.Exit(exit_code)


@app.command("eval")
def evaluate(
    gold: Annotated[Path, typer.Argument(help="Gold annotations (YAML); article paths are relative to it.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    model: ModelOpt = None,
    base_url: BaseUrlOpt = None,
    fixtures: FixturesOpt = None,
    fixtures_dir: FixturesDirOpt = None,
    digest: DigestOpt = None,
    timeout: TimeoutOpt = None,
) -> None:
    """Score the tool against gold annotations: event and number recall, source and status accuracy,
    grounding, leakage, loaded terms, calls, tokens and seconds."""
    from summarizer.evaluate import Score, load_gold, score
    from summarizer.pipeline import Summarizer
    from summarizer.read import read_article
    from summarizer.render import render_scores

    settings = _settings(model, base_url, fixtures, fixtures_dir, digest, timeout)
    try:
        articles = load_gold(gold)
    except SummarizerError as exc:
        _fail(exc.one_line(), exc.exit_code)
    summarizer = Summarizer(settings)
    rows, total, exit_code = [], Score(article="total"), 0
    for gold_article in articles:
        try:
            article = read_article(str(gold_article["path"]))
            row = score(gold_article, summarizer.summarize(article), article.text)
        except SummarizerError as exc:  # the article counts as nothing found
            row = Score(article=gold_article["id"], error=exc.one_line(), gold_events=len(gold_article["events"]),
                        gold_numbers=sum(len(e.get("numbers") or []) for e in gold_article["events"]))
            _warn(f"{gold_article['id']}: {exc.one_line()}")
            exit_code = max(exit_code, exc.exit_code)
        except Exception as exc:  # a bug in one article must not lose the others' scores
            if os.environ.get("SUMMARIZER_DEBUG"):
                raise
            row = Score(article=gold_article["id"], error=f"internal error: {type(exc).__name__}: {exc}")
            _warn(f"{gold_article['id']}: internal error: {type(exc).__name__}: {exc} "
                  "(set SUMMARIZER_DEBUG=1 for the traceback)")
            exit_code = max(exit_code, 1)
        rows.append(row)
        total.add(row)
    if as_json:
        typer.echo(json.dumps({"articles": [r.as_dict() for r in rows], "total": total.as_dict()}, indent=2))
    else:
        render_scores(rows, total, sys.stdout, width=max(_width(), 200), color=sys.stdout.isatty())
    raise typer.Exit(exit_code)


@app.command("briefing")
def briefing(
    inputs: Annotated[list[str], typer.Argument(help="Article files and folders of them (.txt, .html).")],
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write the briefing here "
                                                   "(default: stdout).")] = None,
    fmt: Annotated[str, typer.Option("--format", help="md, html or json (default: from the -o suffix, else md).")
                   ] = "",
    concurrency: Annotated[Optional[int], typer.Option(
        help="Articles summarised at once (default: 1 on the embedded model, 4 on an endpoint, 8 on OpenAI).",
        min=1)] = None,
    cache_dir: Annotated[Optional[Path], typer.Option(help="Where finished articles are kept "
                                                      "[default: ~/.cache/summarizer/results].")] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Summarise every article again.")] = False,
    via: Annotated[str, typer.Option("--via", help="sync (calls as they go) or batch (one OpenAI Batch API job for "
                                                   "the events calls; resumable).")] = "sync",
    poll: Annotated[float, typer.Option(help="--via batch: first wait between polls, seconds (doubling, "
                                             "at most 300).", min=0.0)] = 10.0,
    merge: Annotated[Optional[str], typer.Option(
        "--merge", help="How storylines are confirmed: model (one call on the candidate pairs' records) or rules "
                        "(candidate pairs scoring high enough). Default: rules on the embedded model, model "
                        "elsewhere.")] = None,
    model: ModelOpt = None,
    base_url: BaseUrlOpt = None,
    fixtures: FixturesOpt = None,
    fixtures_dir: FixturesDirOpt = None,
    digest: DigestOpt = None,
    timeout: TimeoutOpt = None,
) -> None:
    """Build a daily briefing from many articles: per-article records, storylines merged across outlets,
    conflicting figures side by side. Finished articles are cached: a re-run resumes."""
    from summarizer.briefing import DEFAULT_CONCURRENCY, Interrupted, Spool, Tally, article_paths, summarize_all
    from summarizer.cache import ResultCache, default_cache_dir
    from summarizer.confirm import confirm_pairs
    from summarizer.llm.client import metering
    from summarizer.merge import MergeIndex, merged
    from summarizer.pipeline import Summarizer
    from summarizer.progress import article_progress
    from summarizer.report import write
    from summarizer.schema import BriefingResult, FailedArticle, Usage

    fmt = fmt or (output.suffix.lstrip(".").lower() if output and output.suffix else "md")
    if via not in ("sync", "batch"):
        _fail(f"--via must be sync or batch, not {via!r}", 2)
    if merge not in (None, "model", "rules"):
        _fail(f"--merge must be model or rules, not {merge!r}", 2)
    fmt = {"markdown": "md", "htm": "html"}.get(fmt, fmt)
    if fmt not in ("md", "html", "json"):
        _fail(f"--format must be md, html or json, not {fmt!r}", 2)
    settings = _settings(model, base_url, fixtures, fixtures_dir, digest, timeout)
    paths, missing = article_paths(inputs)
    if not paths and not missing:
        _fail("no article files (.txt, .html) in the given folders", 3)
    tally = Tally(total=len(paths), started=time.perf_counter())
    cache = None if no_cache else ResultCache(cache_dir or default_cache_dir())
    summarizer = Summarizer(settings)
    # Results are not kept: each goes to the spool as it is done, the merge keeps its records' features.
    spool, index, usage = Spool(), MergeIndex(), Usage()
    position = {p: i for i, p in enumerate(paths)}
    with article_progress(len(paths)) as progress:

        def report(done) -> None:
            tally.add(done)
            if done.error:
                progress(f"{done.path}: {done.error}", False)
            if done.warning:  # e.g. the result could not be cached: still in the briefing
                progress(done.warning, False)
            progress(tally.line(), True)
            if done.result is not None:
                if not done.cached:
                    usage.add(done.result.usage)
                index.add(position[done.path], done.result)
                if (warning := spool.put(position[done.path], done.result)) is not None:
                    progress(warning, False)
                done.result = None  # on disk now (or held by the spool)

        if via == "batch":
            import tempfile

            from summarizer.batch import summarize_via_batch

            if settings.provider == "embedded":
                _fail("--via batch needs an endpoint with the Batch API (OPENAI_API_KEY or --base-url)", 2)
            # --no-cache: a cache of this run only (the batch keeps its state there), so nothing earlier is used
            with tempfile.TemporaryDirectory(prefix="summarizer-batch-") as scratch:
                try:
                    done = missing + summarize_via_batch(paths, summarizer, cache or ResultCache(Path(scratch)),
                                                         poll=poll, on_done=report,
                                                         warn=lambda message: progress(message, False))
                except SummarizerError as exc:
                    _fail(exc.one_line(), exc.exit_code)
        else:
            try:
                done = missing + summarize_all(paths, summarizer, cache, on_done=report,
                                               concurrency=concurrency or DEFAULT_CONCURRENCY[settings.provider])
            except Interrupted as exc:  # no briefing is written: a re-run resumes from the cache
                progress(exc.one_line(), False)
                spool.close()
                raise typer.Exit(exc.exit_code) from None
    for d in missing:
        _warn(f"{d.path}: {d.error}")
    merge_code = 0
    with metering() as merge_usage:
        try:
            by_model = (merge or ("rules" if settings.provider == "embedded" else "model")) == "model"
            try:
                stories = merged(index, spool.get, confirm=(
                    lambda pairs, records: confirm_pairs(summarizer.llm, pairs, records)) if by_model else None)
            except LLMError as exc:  # the model could not confirm: the rules' storylines, and the user told
                _warn(f"merging storylines: the model's confirmation failed ({exc.one_line()}): the rules' "
                      "storylines are used instead")
                stories = merged(index, spool.get)
        except SummarizerError as exc:  # the articles' results are still written, without storylines
            _warn(f"merging storylines: {exc.one_line()}")
            stories, merge_code = [], exc.exit_code
    usage.add(merge_usage)
    head = BriefingResult(  # the storylines and the articles are written one at a time, from the spool
        generated=datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        articles=[], storylines=[],
        failed=[FailedArticle(path=d.path, reason=d.error) for d in done if d.error], usage=usage,
        tool_version=__version__)
    try:
        _output(output, lambda out: write(fmt, head, out, articles=spool, storylines=stories))
    except SummarizerError as exc:  # the spool could not be read back: one line, no partial -o file
        _fail(exc.one_line(), exc.exit_code)
    finally:
        spool.close()
    raise typer.Exit(max([merge_code, *(d.exit_code for d in done)]))


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
