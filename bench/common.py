"""What the benchmark scripts share: tables printed on the terminal and written as Markdown, targets with
their measured value, and a description of the machine the figures come from.

Each script's `measure(...)` returns a `Section`; run on its own, a script prints it; `bench/run.py` runs
them all and writes BENCHMARKS.md from what they measured.
"""

from __future__ import annotations

import contextlib
import os
import platform
import resource
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
for _path in (ROOT, ROOT / "tests"):  # the package, and the tests' loopback server
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))

SEEDS = ROOT.parent / "shared" / "seeds"
FIXTURE_ARTICLES = ROOT / "fixtures" / "articles"
RECORDINGS = ROOT / "fixtures" / "llm"


@dataclass
class Table:
    columns: list[str]
    rows: list[list] = field(default_factory=list)
    title: str = ""

    def add(self, *cells) -> None:
        self.rows.append([_cell(c) for c in cells])

    def _widths(self) -> list[int]:
        return [max(len(str(x)) for x in [c, *(r[i] for r in self.rows)]) for i, c in enumerate(self.columns)]

    def text(self) -> str:
        widths = self._widths()
        lines = [self.title] if self.title else []
        lines.append("  ".join(c.ljust(w) if i == 0 else c.rjust(w)
                               for i, (c, w) in enumerate(zip(self.columns, widths))))
        lines.append("-" * len(lines[-1]))
        for row in self.rows:
            lines.append("  ".join(str(c).ljust(w) if i == 0 else str(c).rjust(w)
                                   for i, (c, w) in enumerate(zip(row, widths))))
        return "\n".join(lines)

    def markdown(self) -> str:
        lines = [f"**{self.title}**", ""] if self.title else []
        lines.append("| " + " | ".join(self.columns) + " |")
        lines.append("|" + "|".join("---" if i == 0 else "---:" for i in range(len(self.columns))) + "|")
        lines += ["| " + " | ".join(str(c).replace("|", "\\|") for c in row) + " |" for row in self.rows]
        return "\n".join(lines)


def _cell(value) -> str:
    if isinstance(value, float):
        return f"{value:.2f}" if abs(value) < 10 else f"{value:.1f}" if abs(value) < 1000 else f"{value:,.0f}"
    if isinstance(value, int):
        return f"{value:,}" if abs(value) >= 10000 else str(value)
    return str(value)


@dataclass
class Target:
    """A goal from the issue, what was measured, and whether it is met."""

    goal: str
    measured: str
    met: bool


@dataclass
class Section:
    title: str
    command: str
    tables: list[Table] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def text(self) -> str:
        parts = [f"== {self.title} ==  ({self.command})"]
        parts += [t.text() for t in self.tables]
        parts += [f"note: {n}" for n in self.notes]
        parts += [f"target: {t.goal}: {t.measured} [{'met' if t.met else 'MISSED'}]" for t in self.targets]
        return "\n\n".join(parts)

    def markdown(self) -> str:
        parts = [f"## {self.title}", f"`{self.command}`"]
        parts += [t.markdown() for t in self.tables]
        parts += ["\n".join(f"- {n}" for n in self.notes)] if self.notes else []
        return "\n\n".join(parts)


@contextlib.contextmanager
def quiet_stderr():
    """Silence file descriptor 2 (native libraries' logs) for the block."""
    saved = os.dup(2)
    try:
        with open(os.devnull, "w") as null:
            os.dup2(null.fileno(), 2)
            yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)


def write_articles(folder: Path, n: int) -> list[Path]:
    """`n` distinct articles made from the project's fixture articles (each copy gets a sentence of its own)."""
    sources = sorted(FIXTURE_ARTICLES.glob("*.txt"))
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        path = folder / f"article_{i:04d}.txt"
        path.write_text(f"{sources[i % len(sources)].read_text()}\nThis copy is number {i + 1} of the benchmark, "
                        "the outlet said.\n")
        paths.append(path)
    return paths


def replayed_eval(gold: str, recordings: str | None = None, digest: str = "composed") -> dict:
    """`summarize eval GOLD --json` on recorded answers (fixtures/llm unless `recordings` names another
    folder): the scores of every article and their total, as `evaluate.Scores.as_dict` gives them."""
    import json

    summarize = str(Path(sys.executable).with_name("summarize"))
    out = subprocess.run([summarize, "eval", gold, "--json", "--fixtures", "replay", "--fixtures-dir",
                          recordings or str(RECORDINGS), "--digest", digest], capture_output=True, text=True, cwd=ROOT)
    if out.returncode:
        raise SystemExit(f"{gold}: {out.stderr.strip().splitlines()[-1]}")
    return json.loads(out.stdout)


def peak_rss_mib() -> float:
    """This process's peak resident memory so far, MiB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:
        cores = os.cpu_count() or 0
    try:
        pages = os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE") / 2 ** 30
        memory = f", {pages:.0f} GiB"
    except (ValueError, OSError):
        memory = ""
    return f"{cpu}, {cores} cores{memory}; Python {platform.python_version()}, {platform.system()}"


def commit() -> str:
    def git(*args: str) -> str:
        return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True).stdout.strip()

    sha = git("rev-parse", "--short", "HEAD") or "unknown"
    return sha + (" (with uncommitted changes)" if git("status", "--porcelain", "--untracked-files=no") else "")


def print_section(section: Section) -> None:
    print(section.text())
    print()
