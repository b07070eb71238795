"""Golden outputs: the exact text and Markdown an analyst gets for bundled examples.

Regenerate after a deliberate change with
``EXPORTCHECK_UPDATE_GOLDEN=1 pytest tests/test_golden.py`` and review the diff like code.
"""

from __future__ import annotations

import os

import pytest

from conftest import DATA, EXAMPLES, ROOT, RunCli

GOLDEN = DATA / "golden"
CASES = [
    ("foryou-recommender", "text", "en"),
    ("foryou-recommender-text", "markdown", "en"),
    ("lfp-cathode-no-parameters", "text", "zh"),
    ("payroll-saas", "markdown", "zh"),
]


@pytest.mark.parametrize(("name", "fmt", "lang"), CASES)
def test_golden_output(
    name: str, fmt: str, lang: str, run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)  # paths in the output are relative to the working directory
    profile = (EXAMPLES / f"{name}.yaml").relative_to(ROOT)
    out = run_cli(
        "check",
        str(profile),
        "--as-of",
        "2025-09-01",
        "--format",
        fmt,
        "--lang",
        lang,
        "--fail-on",
        "never",
        expect=0,
    ).stdout
    golden = GOLDEN / f"{name}.{lang}.{'md' if fmt == 'markdown' else 'txt'}"
    if os.environ.get("EXPORTCHECK_UPDATE_GOLDEN"):
        golden.write_text(out, encoding="utf-8")
    assert out == golden.read_text(encoding="utf-8")


def test_every_golden_file_belongs_to_a_case() -> None:
    expected = {f"{n}.{lang}.{'md' if f == 'markdown' else 'txt'}" for n, f, lang in CASES}
    assert {p.name for p in GOLDEN.iterdir()} == expected


def test_golden_files_are_not_empty() -> None:
    assert all(p.stat().st_size > 200 for p in GOLDEN.iterdir())
