"""Start-up: wall time of `summarize --help` (and `summarize --version`) in a fresh process.

    .venv/bin/python bench/startup.py [RUNS]

The CLI imports its heavy modules (openai, instructor, pydantic models, pysbd,
trafilatura, llama.cpp) only inside the commands that use them, so help and
argument errors answer at once. Also lists the slowest imports of `--help`.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time

from common import ROOT, Section, Table, Target, print_section

TARGET_S = 0.5


def _time(args: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "summarizer", *args], cwd=ROOT, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - started


def slowest_imports(limit: int = 5) -> list[tuple[str, float]]:
    """The imports that `--help` spends most on, the CLI module's own ones included (cumulative ms,
    from -X importtime)."""
    proc = subprocess.run([sys.executable, "-X", "importtime", "-m", "summarizer", "--help"], cwd=ROOT,
                          capture_output=True, text=True)
    rows = []
    for line in proc.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            _, cumulative, name = line.split("|")
            if not name.startswith("    ") and cumulative.strip().isdigit():  # top level and one below
                rows.append((name.strip(), int(cumulative) / 1000))
    return sorted(rows, key=lambda r: -r[1])[:limit]


def measure(runs: int = 7) -> Section:
    section = Section("Start-up", f"bench/startup.py {runs}")
    table = Table(["command", "median s", "best s", "runs"])
    results = {}
    for args in (["--help"], ["--version"], ["briefing", "--help"]):
        _time(args)  # warm the OS file cache
        times = [_time(args) for _ in range(runs)]
        results[" ".join(args)] = statistics.median(times)
        table.add("summarize " + " ".join(args), statistics.median(times), min(times), runs)
    section.tables.append(table)
    imports = Table(["import", "ms"], title="Slowest imports of `summarize --help` (top level and one below)")
    for name, ms in slowest_imports():
        imports.add(name, ms)
    section.tables.append(imports)
    median = results["--help"]
    section.targets.append(Target("`summarize --help` under 0.5 s", f"{median:.3f} s (median of {runs})",
                                  median < TARGET_S))
    return section


if __name__ == "__main__":
    print_section(measure(int(sys.argv[1]) if len(sys.argv) > 1 else 7))
