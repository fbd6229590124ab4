"""Every package that the code imports directly is declared in pyproject.toml, not left to arrive as some
other package's dependency."""

from __future__ import annotations

import ast
import importlib.metadata
import re
import sys
import tomllib

from conftest import ROOT

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())


def _name(requirement: str) -> str:
    """A requirement's distribution name, normalised (PEP 503)."""
    return re.sub(r"[-_.]+", "-", re.match(r"[A-Za-z0-9._-]+", requirement).group()).lower()


def _imported_top_level(folder: str) -> set[str]:
    names = set()
    for path in (ROOT / folder).rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module.split(".")[0])
    return names - set(sys.stdlib_module_names) - {"summarizer", "__future__"}


def test_every_package_the_code_imports_is_declared():
    distributions = importlib.metadata.packages_distributions()
    declared = {_name(r) for r in PYPROJECT["project"]["dependencies"]}
    declared |= {_name(r) for extra in PYPROJECT["project"]["optional-dependencies"].values() for r in extra}
    imported = _imported_top_level("summarizer")
    assert {"httpx2", "openai", "numpy"} <= imported  # the scan sees imports, those inside functions included
    # a module of an extra that is not installed here (CI's test run has no llama.cpp) has no distribution to
    # look up: its distribution's name, as declared
    not_installed = {"llama_cpp": ["llama-cpp-python"]}
    undeclared = {module: distributions.get(module) for module in imported
                  if not {_name(d) for d in distributions.get(module, not_installed.get(module, [module]))}
                  & declared}
    assert undeclared == {}


def test_numpy_is_a_core_dependency_since_the_storylines_need_it():
    """numpy is declared with the core dependencies: the storylines' vectors (every briefing) use it."""
    users = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "summarizer").rglob("*.py")
                   if re.search(r"^\s*(import numpy|from numpy)", p.read_text(encoding="utf-8"), re.MULTILINE))
    assert "summarizer/briefing/merge.py" in users
    assert "numpy" in {_name(r) for r in PYPROJECT["project"]["dependencies"]}
