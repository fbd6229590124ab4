"""The linter CI runs: configured in pyproject.toml, declared in the test extra, and green."""

import re
import shutil
import subprocess
import sys
import tomllib
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import pytest
from conftest import ROOT

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())


def _ruff() -> str | None:
    here = Path(sys.executable).parent / "ruff"
    return str(here) if here.exists() else shutil.which("ruff")


def test_ruff_is_configured_in_pyproject_at_the_project_line_length():
    assert PYPROJECT["tool"]["ruff"]["line-length"] == 120
    assert PYPROJECT["tool"]["ruff"]["lint"]["select"] == ["E", "F", "I"]


def test_ruff_is_in_the_test_extra_with_a_lower_bound_the_installed_one_meets():
    [spec] = [s for s in PYPROJECT["project"]["optional-dependencies"]["test"] if s.startswith("ruff")]
    bound = re.fullmatch(r"ruff>=([\d.]+)", spec).group(1)
    try:
        installed = version("ruff")
    except PackageNotFoundError:
        pytest.skip("ruff is not installed")
    assert _release(installed) >= _release(bound)


def _release(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", text)[:3])


def test_ci_lints_and_type_checks_before_the_tests():
    script = (ROOT / ".ci" / "run").read_text()
    assert "ruff check summarizer tests bench" in script and "mypy summarizer" in script
    assert script.index("ruff check") < script.index("-m pytest") and script.index("mypy") < script.index("-m pytest")


@pytest.mark.skipif(_ruff() is None, reason="ruff is not installed (pip install '.[test]')")
def test_the_code_passes_ruff():
    result = subprocess.run([_ruff(), "check", "summarizer", "tests", "bench"], cwd=ROOT, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def _mypy() -> str | None:
    here = Path(sys.executable).parent / "mypy"
    return str(here) if here.exists() else shutil.which("mypy")


@pytest.mark.skipif(_mypy() is None, reason="mypy is not installed (pip install '.[test]')")
def test_the_package_passes_mypy():
    assert PYPROJECT["tool"]["mypy"]["files"] == ["summarizer"]
    result = subprocess.run([_mypy()], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
