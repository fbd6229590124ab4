"""Run every benchmark and write BENCHMARKS.md from what they measured.

    .venv/bin/python bench/run.py [--skip embedded,...] [--output BENCHMARKS.md]

Benchmarks, in order (each is also a script of its own):
  startup    `summarize --help` wall time, slowest imports           (bench/startup.py)
  replay     articles/s and time per stage, LLM answers replayed      (bench/replay.py)
  segment    sentence splitting of one huge paragraph: time per KB   (bench/segment.py)
  tokens     tokens and calls per prompt, re-asks, cacheable prefix  (bench/tokens.py)
  prompt     each seed's events prompt: tokens past the shared prefix  (bench/tokens.py)
  briefing   concurrency 1/4/8/16 speed-up, re-run, kill and resume  (bench/briefing.py)
  memory     peak RSS per run; briefing memory against its size      (bench/memory.py)
  embedded   wall time / llama.cpp's limit on the seeds              (bench/embedded.py)
  batched    embedded briefing: articles/hour one at a time against  (bench/batched.py)
             four decoded together, the answers compared
  client     the chat call: the SDK's create against a shortcut      (bench/client_path.py)
  decoding   the embedded model: llama-cpp-python's own decoding     (bench/decoding.py)
             against an own loop and its prompt-lookup decoding

Every figure in BENCHMARKS.md comes from this run; the file says so, with the
commit and the machine. Takes about 25 minutes on 2 cores (embedded: about 3,
batched: about 9, decoding: about 8). The embedded and decoding benchmarks need `pip install
'.[embedded]'`; without it, they are listed as not run.
"""

from __future__ import annotations

import argparse
import datetime
import time
import traceback
from pathlib import Path

from common import ROOT, Section, Table, commit, machine, print_section

BENCHMARKS = ("startup", "replay", "segment", "tokens", "prompt", "briefing", "memory", "embedded", "batched", "client",
              "decoding")


def _run(name: str) -> Section:
    if name == "startup":
        import startup
        return startup.measure()
    if name == "replay":
        import replay
        return replay.measure()
    if name == "segment":
        import segment
        return segment.measure()
    if name == "tokens":
        import tokens
        return tokens.measure()
    if name == "prompt":
        import tokens
        return tokens.measure_seeds() or Section("Prompt tokens of the events call per article", "bench/tokens.py",
                                                 notes=["not run: no seed articles, or no llama-cpp-python and model"])
    if name == "briefing":
        import briefing
        return briefing.measure()
    if name == "memory":
        import memory
        return memory.measure([16, 64, 256, 512])
    if name == "client":
        import client_path
        return client_path.measure()
    if name in ("embedded", "batched", "decoding"):
        try:
            import llama_cpp  # noqa: F401
        except ImportError:
            return Section(f"Embedded model ({name})", f"bench/{name}.py", notes=[
                "not run: llama-cpp-python is not installed (pip install '.[embedded]')"])
        if name == "decoding":
            import decoding
            return decoding.measure([])
        if name == "batched":
            import batched
            return batched.measure([])
        import embedded
        return embedded.measure([])
    raise ValueError(name)


def write(sections: list[Section], path: Path, seconds: float) -> None:
    targets = Table(["target", "measured", "met"])
    for section in sections:
        for t in section.targets:
            targets.add(t.goal, t.measured, "yes" if t.met else "**no**")
    parts = [
        "# Benchmarks",
        "Written by `bench/run.py` from the figures it measured; do not edit by hand, run it again "
        "(`.venv/bin/python bench/run.py`).",
        f"- when: {datetime.datetime.now(datetime.UTC).isoformat(timespec='seconds')}, {seconds:.0f} s in all\n"
        f"- commit: {commit()}\n- machine: {machine()}",
        "## Targets",
        targets.markdown(),
        *(s.markdown() for s in sections),
    ]
    path.write_text("\n\n".join(parts) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--skip", default="", help="comma-separated benchmarks to leave out")
    parser.add_argument("--output", type=Path, default=ROOT / "BENCHMARKS.md")
    args = parser.parse_args()
    skip = {s for s in args.skip.split(",") if s}
    started = time.perf_counter()
    sections = []
    for name in BENCHMARKS:
        if name in skip:
            continue
        print(f"-- {name} ...", flush=True)
        try:
            section = _run(name)
        except Exception as exc:  # noqa: BLE001 - one broken benchmark must not lose the others' figures
            traceback.print_exc()
            section = Section(name, f"bench/{name}.py", notes=[f"failed: {type(exc).__name__}: {exc}"])
        print_section(section)
        sections.append(section)
    write(sections, args.output, time.perf_counter() - started)
    print(f"wrote {args.output}")


if __name__ == "__main__":
    main()
