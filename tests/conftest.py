"""Shared fixtures: knowledge bases (bundled and a small synthetic one) and a CLI runner that
fails any test whose output contains a traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner, Result
from hypothesis import settings

from exportcheck.cli import cli
from exportcheck.kb import KnowledgeBase, load_knowledge_base

DATA = Path(__file__).parent / "data"
SYNTHETIC = DATA / "synthetic"
SYNTHETIC_CATALOG = SYNTHETIC / "catalog" / "cn-tech-export"
SYNTHETIC_RULES = SYNTHETIC / "rules" / "cn-tech-export"
ROOT = Path(__file__).parent.parent
EXAMPLES = ROOT / "examples" / "profiles"

RunCli = Callable[..., Result]


def fresh_python(source: str) -> list[str]:
    """The output lines of ``source`` run in a fresh interpreter (what imports at start-up
    cannot be tested in this one), which must exit 0."""
    run = subprocess.run(
        [sys.executable, "-c", source],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
        timeout=60,
    )
    assert run.returncode == 0, run.stderr
    return run.stdout.splitlines()


# Locally, property tests explore new examples on every run; in CI (``CI`` set, as .ci/run
# does) the examples are derived from each test's name, so a run is reproducible and a red CI
# is never chance. HYPOTHESIS_PROFILE picks one explicitly.
settings.register_profile("ci", derandomize=True, database=None, print_blob=True)
settings.load_profile(
    os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "default")
)


@pytest.fixture(scope="session", autouse=True)
def _isolated_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Never touch the developer's real cache directory."""
    old = os.environ.get("EXPORTCHECK_CACHE_DIR")
    os.environ["EXPORTCHECK_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))
    yield
    if old is None:
        os.environ.pop("EXPORTCHECK_CACHE_DIR", None)
    else:
        os.environ["EXPORTCHECK_CACHE_DIR"] = old


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    return load_knowledge_base()


@pytest.fixture(scope="session")
def skb() -> KnowledgeBase:
    return load_knowledge_base(SYNTHETIC_CATALOG, SYNTHETIC_RULES)


@pytest.fixture
def run_cli() -> RunCli:
    def run(*args: str, input: str | bytes | None = None, expect: int | None = None) -> Result:  # noqa: A002
        result = CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)
        assert "Traceback" not in result.stdout
        assert "Traceback" not in result.stderr
        if expect is not None:
            assert result.exit_code == expect, (result.exit_code, result.stdout, result.stderr)
        return result

    return run


@pytest.fixture
def synthetic_args() -> list[str]:
    return ["--catalog", str(SYNTHETIC_CATALOG), "--rules", str(SYNTHETIC_RULES)]


@pytest.fixture
def write_profile(tmp_path: Path) -> Callable[..., Path]:
    """Write a format-1 profile with the given fields (defaults for the required ones)."""

    def write(name: str = "p", suffix: str = ".yaml", **fields: Any) -> Path:
        data: dict[str, Any] = {
            "profile": 1,
            "id": name,
            "title": fields.pop("title", "A technology"),
        }
        data.update(fields)
        path = tmp_path / f"{name}{suffix}"
        if suffix == ".json":
            path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        else:
            path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        return path

    return write
