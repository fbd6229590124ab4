"""The documentation cannot drift from the code.

* docs/modules.md names every module of the package, and every path it names exists;
* the README's two set-up commands are the ones CI runs;
* every `summarize` verb and option shown in the README's and docs/' shell examples exists;
* every environment variable the README lists is read by the code, and every one the code declares is listed;
* the Python examples of the README and docs/providers.md run (offline: recorded answers, a fake backend);
* no line speaks of the machines the project is built on, or of files outside the repository.
"""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import pytest
from conftest import ARTICLES, ROOT

PACKAGE = ROOT / "summarizer"
README = ROOT / "README.md"
DOCS = ROOT / "docs"
MODULE_MAP = DOCS / "modules.md"

# Byte for byte: .ci/run and contributors copy them, and the README promises exactly two commands.
SETUP_EMBEDDED = ("python3 -m venv .venv && CMAKE_ARGS=\"$(sh scripts/cmake-args.sh)\" .venv/bin/pip install "
                  "--no-cache-dir '.[embedded]' && .venv/bin/summarize fixtures/articles/market_strike.txt")
SETUP_TESTS = "python3 -m venv .venv && .venv/bin/pip install '.[test]' && .venv/bin/python -m pytest"

SHELL = ("sh", "bash", "shell", "console")
PATH_SUFFIXES = (".py", ".yaml", ".j2", ".json", ".txt", ".md", ".typed", ".toml")


def code_blocks(text: str) -> list[tuple[str, str]]:
    """The fenced code blocks of a Markdown text: (language, body)."""
    return [(m.group(1), m.group(2)) for m in re.finditer(r"^```(\w*)\n(.*?)^```$", text, re.M | re.S)]


def backticked(text: str) -> set[str]:
    return set(re.findall(r"`([^`\n]+)`", text))


def package_files() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*") if p.is_file() and "__pycache__" not in p.parts
                  and p.suffix != ".pyc")


# -- (a) the module map ----------------------------------------------------------------------------------

def test_the_module_map_names_every_module_of_the_package():
    named = backticked(MODULE_MAP.read_text(encoding="utf-8"))
    modules = [p.relative_to(PACKAGE).as_posix() for p in package_files()
               if p.suffix == ".py" and p.name not in ("__init__.py", "__main__.py")]
    missing = [m for m in modules if m not in named]
    assert not missing, f"docs/modules.md does not name: {', '.join(missing)}"


def test_the_module_map_names_every_data_file_of_the_package():
    named = backticked(MODULE_MAP.read_text(encoding="utf-8"))
    data = [p.relative_to(PACKAGE).as_posix() for p in package_files() if p.suffix != ".py"]
    missing = [d for d in data if d not in named]
    assert not missing, f"docs/modules.md does not name: {', '.join(missing)}"


def test_every_path_the_module_map_names_exists():
    """A path is read relative to summarizer/ (modules) or to the repository (prompts/, schemas/, tests/)."""
    stale = []
    for token in backticked(MODULE_MAP.read_text(encoding="utf-8")):
        if " " in token or not (token.endswith(PATH_SUFFIXES) or token.endswith("/")):
            continue
        if token.startswith(("summarizer/_data", "prompts/<")):  # the wheel's layout; a placeholder
            continue
        if not any(list(base.glob(token)) for base in (PACKAGE, ROOT)):
            stale.append(token)
    assert not stale, f"docs/modules.md names paths that do not exist: {', '.join(sorted(stale))}"


# -- (b) the set-up commands -------------------------------------------------------------------------------

def _setup_section() -> str:
    text = README.read_text(encoding="utf-8")
    start = text.index("\n## Set-up: two commands\n")
    end = text.index("\n## ", start + 1)
    return text[start:end]


def test_the_readme_set_up_has_the_two_commands_byte_for_byte():
    blocks = [body for language, body in code_blocks(_setup_section()) if language in SHELL]
    assert blocks == [SETUP_EMBEDDED + "\n", SETUP_TESTS + "\n"]


def test_ci_runs_the_readme_commands():
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "python3 -m venv .venv && .venv/bin/pip install '.[test]'" in script
    assert ".venv/bin/python -m pytest\n" in script
    assert "CMAKE_ARGS=\"$(sh scripts/cmake-args.sh)\" .venv/bin/pip install --no-cache-dir '.[embedded]'" in script


# -- (c) the command line in the examples ------------------------------------------------------------------

def _documents() -> list[Path]:
    return [README, *sorted(DOCS.glob("*.md"))]


def summarize_calls(text: str) -> list[list[str]]:
    """The arguments of every `summarize` command in the shell blocks of a Markdown text."""
    calls = []
    for language, body in code_blocks(text):
        if language not in SHELL:
            continue
        for line in body.replace("\\\n", " ").splitlines():
            lexer = shlex.shlex(line, posix=True, punctuation_chars=True)
            lexer.whitespace_split = True
            tokens = list(lexer)
            for i, token in enumerate(tokens):
                if token == "summarize" or token.endswith("/summarize"):
                    args = []
                    for arg in tokens[i + 1:]:
                        if set(arg) <= set("|&;<>()"):
                            break
                        args.append(arg)
                    calls.append(args)
    return calls


def _cli():
    import typer.main

    from summarizer.cli import app

    return app, typer.main.get_command(app)


def _help(args: list[str]) -> str:
    from typer.testing import CliRunner

    app, _ = _cli()
    result = CliRunner().invoke(app, [*args, "-h"])
    assert result.exit_code == 0, (args, result.output)
    return result.output


def test_the_examples_find_summarize_calls():
    """The parser itself: it sees the README's usage lines (a parser that saw nothing would pass anything)."""
    calls = summarize_calls(README.read_text(encoding="utf-8"))
    assert ["--json", "article.txt"] in calls and ["-"] in calls and ["config"] in calls
    assert any(call[:1] == ["briefing"] for call in calls) and len(calls) >= 20


@pytest.mark.parametrize("document", _documents(), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_summarize_verb_and_option_in_the_examples_exists(document):
    _, group = _cli()
    helps: dict[str | None, str] = {}
    wrong = []
    for args in summarize_calls(document.read_text(encoding="utf-8")):
        if args and args[0] in group.commands:
            verb, rest = args[0], args[1:]
        elif args and args[0] in ("-h", "--help", "--version"):
            verb, rest = None, args
        else:  # `summarize FILE ...` is `summarize run FILE ...`
            verb, rest = "run", args
        if verb not in helps:
            helps[verb] = _help([] if verb is None else [verb])
        params = group.params if verb is None else group.commands[verb].params
        hidden = {opt for p in params if getattr(p, "hidden", False) for opt in p.opts}
        takes_value = {opt for p in params if not getattr(p, "is_flag", True) for opt in p.opts}
        positional, tokens = [], iter(rest)
        for arg in tokens:
            option = arg.split("=", 1)[0]
            if not option.startswith("-") or option == "-":
                positional.append(arg)
                continue
            shown = re.search(rf"(?<![\w-]){re.escape(option)}(?![\w-])", helps[verb])
            if not shown and option not in hidden:
                wrong.append(f"summarize {verb or ''} {option}: not an option of this verb")
            if option in takes_value and "=" not in arg:
                next(tokens, None)  # its value
        if verb == "run" and positional and re.fullmatch(r"[a-z][a-z-]*", positional[0]):
            wrong.append(f"summarize {positional[0]}: no such verb (read as an article file)")
    assert not wrong, "\n".join(wrong)


# -- the example output -------------------------------------------------------------------------------------

def test_the_readme_example_output_is_what_the_tool_prints(tmp_path, monkeypatch):
    """The README's terminal excerpt is a real run of the command above it (recorded answers replayed):
    its lines, "..." aside, come in order in what the tool prints now, the run's seconds aside."""
    from typer.testing import CliRunner

    from summarizer.cli import app

    text = README.read_text(encoding="utf-8")
    [command] = [c for c in summarize_calls(text) if "--fixtures" in c and "--json" not in c]
    [excerpt] = [body for language, body in code_blocks(text) if language == "text" and "Events (" in body]
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(app, [*command, "-o", str(tmp_path / "out.txt")])
    assert result.exit_code == 0, result.output

    def timeless(line: str) -> str:
        return re.sub(r"\d+(\.\d+)? s$", "N s", line.rstrip())

    printed = iter(timeless(line) for line in (tmp_path / "out.txt").read_text(encoding="utf-8").splitlines())
    shown = [timeless(line) for line in excerpt.splitlines() if line.strip() != "..."]
    missing = [line for line in shown if not any(line == out for out in printed)]
    assert not missing, f"README's example output is not what the tool prints now: {missing}"


# -- environment variables ---------------------------------------------------------------------------------

def _read_by_the_code() -> set[str]:
    source = "\n".join(p.read_text(encoding="utf-8") for p in PACKAGE.rglob("*.py"))
    return set(re.findall(r"\b(?:SUMMARIZER|OPENAI)_[A-Z_]*[A-Z]\b", source))


def test_every_environment_variable_the_readme_lists_is_read_by_the_code():
    listed = set(re.findall(r"\b(?:SUMMARIZER|OPENAI)_[A-Z_]*[A-Z]\b", README.read_text(encoding="utf-8")))
    assert listed, "the README lists no environment variable"
    unknown = listed - _read_by_the_code()
    assert not unknown, f"the README names variables the code never reads: {', '.join(sorted(unknown))}"


def test_every_declared_environment_variable_is_in_the_readme():
    from summarizer import config

    _, group = _cli()
    declared = {key.envvar for key in config.KEYS} | {"OPENAI_API_KEY", "SUMMARIZER_GGUF", "SUMMARIZER_CONFIG",
                                                      "SUMMARIZER_CACHE_DIR", "SUMMARIZER_DEBUG"}
    for command in group.commands.values():
        for param in command.params:
            envvar = getattr(param, "envvar", None)
            if envvar:
                declared.update([envvar] if isinstance(envvar, str) else envvar)
    readme = README.read_text(encoding="utf-8")
    missing = sorted(name for name in declared if f"`{name}`" not in readme)
    assert not missing, f"the README does not list: {', '.join(missing)}"


# -- the Python examples -----------------------------------------------------------------------------------

def _python_block(document: Path, marker: str) -> str:
    [block] = [body for language, body in code_blocks(document.read_text(encoding="utf-8"))
               if language == "python" and marker in body]
    return block


def test_the_readme_library_example_runs(tmp_path, monkeypatch):
    shutil.copy(ARTICLES / "market_strike.txt", tmp_path / "article.txt")
    monkeypatch.chdir(tmp_path)
    namespace: dict = {}
    exec(compile(_python_block(README, "summarize_file("), "README.md", "exec"), namespace)
    assert namespace["result"].events and namespace["result"].article.path == "article.txt"


def test_the_readme_briefing_example_runs(tmp_path, monkeypatch, capsys):
    (tmp_path / "articles").mkdir()
    for name in ("market_strike.txt", "remains_exchange.txt"):
        shutil.copy(ARTICLES / name, tmp_path / "articles" / name)
    monkeypatch.setenv("SUMMARIZER_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.chdir(tmp_path)
    namespace: dict = {}
    exec(compile(_python_block(README, "Briefing("), "README.md", "exec"), namespace)
    assert (tmp_path / "briefing.md").read_text(encoding="utf-8").startswith("# Daily briefing")
    assert len(namespace["briefing_result"].articles) == 2 and namespace["built"].exit_code == 0
    assert list((tmp_path / "cache").rglob("*.json")), "the example's results are cached where it says"


def test_the_providers_example_runs_with_any_backend(tmp_path, monkeypatch):
    """docs/providers.md's transport, with `my_model` standing for the reader's backend."""
    from summarizer.llm.fake import outlet_records_answer

    asked = []

    def my_model(messages, schema, max_tokens=None):
        asked.append(schema)
        return outlet_records_answer({"response_format": {"json_schema": {"schema": schema}}})

    shutil.copy(ARTICLES / "grid_repairs.txt", tmp_path / "article.txt")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SUMMARIZER_FIXTURES", "off")  # the transport answers, not the recordings
    monkeypatch.setenv("SUMMARIZER_DIGEST", "composed")  # the stand-in backend answers events calls only
    namespace: dict = {"my_model": my_model}
    exec(compile(_python_block(DOCS / "providers.md", "class MyBackend"), "providers.md", "exec"), namespace)
    assert asked and namespace["result"].events


# -- links -------------------------------------------------------------------------------------------------

def _anchor(heading: str) -> str:
    """GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


@pytest.mark.parametrize("document", _documents(), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_relative_link_leads_somewhere(document):
    broken = []
    for target in re.findall(r"\]\(([^)\s]+)\)", document.read_text(encoding="utf-8")):
        if re.match(r"[a-z]+:", target):
            continue
        path, _, anchor = target.partition("#")
        linked = (document.parent / path).resolve() if path else document
        if not linked.exists():
            broken.append(target)
        elif anchor and linked.suffix == ".md":
            headings = re.findall(r"^#+ (.+)$", linked.read_text(encoding="utf-8"), re.M)
            if anchor not in {_anchor(h) for h in headings}:
                broken.append(target)
    assert not broken, f"{document.name}: broken links: {', '.join(broken)}"


# -- (d) no text about the build machines or files outside the repository ----------------------------------

FORBIDDEN = ("virtual machine", "machines here", "these machines", "../shared", "shared/seeds")


@pytest.mark.parametrize("document", [README, DOCS / "design.md", DOCS / "benchmarks.md", DOCS / "contributing.md",
                                      DOCS / "providers.md", DOCS / "modules.md"],
                         ids=lambda p: p.relative_to(ROOT).as_posix())
def test_no_line_speaks_of_the_build_machines_or_files_outside_the_repository(document):
    found = [f"{document.name}:{n}: {line.strip()}" for n, line in
             enumerate(document.read_text(encoding="utf-8").splitlines(), 1)
             if any(word in line.lower() for word in FORBIDDEN)]
    assert not found, "\n".join(found)
