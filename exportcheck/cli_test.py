"""``exportcheck test`` (policy tests) and ``exportcheck impact`` (consequences of an edit)."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from exportcheck.cli import AS_OF, CATALOG, LANG, OUTPUT, RULES, emit, lang_of


def _test_files(paths: tuple[Path, ...]) -> list[Path]:
    from exportcheck.paths import bundled_root

    roots = list(paths) or [bundled_root() / "rules" / "tests"]
    files: list[Path] = []
    for root in roots:
        files.extend(sorted(root.rglob("*.yaml")) if root.is_dir() else [root])
    return files


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "junit", "json"]),
    default="text",
    show_default=True,
)
@click.option(
    "--coverage",
    "show_coverage",
    is_flag=True,
    help="List control points lacking a positive and a negative case, and unused rules.",
)
@click.option(
    "--min-coverage",
    type=click.FloatRange(0, 100),
    default=None,
    help="Fail (exit 1) when control-point coverage is below PCT.",
)
@click.option("--fail-on-empty", is_flag=True, help="Fail (exit 1) when no case ran.")
@OUTPUT
@LANG
@CATALOG
@RULES
def test(
    paths: tuple[Path, ...],
    fmt: str,
    show_coverage: bool,
    min_coverage: float | None,
    fail_on_empty: bool,
    output: Path | None,
    lang: str,
    catalog_dir: Path | None,
    rules_dir: Path | None,
) -> None:
    """Run policy tests (default: the bundled ones)."""
    from exportcheck.cli import knowledge_base
    from exportcheck.errors import InputError
    from exportcheck.policytest import load_policy_file, run_case
    from exportcheck.render import tests as render_tests
    from exportcheck.testcoverage import coverage

    kb = knowledge_base(catalog_dir, rules_dir)
    cases, problems = [], []
    for file in _test_files(paths):
        found, bad = load_policy_file(file, kb)
        cases.extend(found)
        problems.extend(bad)
    if problems:
        raise InputError(problems)
    results = [run_case(kb, case) for case in cases]
    report = coverage(kb, results) if show_coverage or min_coverage is not None else None
    render = {
        "text": render_tests.render_text,
        "junit": render_tests.render_junit,
        "json": render_tests.render_json,
    }[fmt]
    emit(render(results, report, lang), output)  # type: ignore[arg-type]  # click.Choice
    failed = any(r.failed for r in results)
    too_low = report is not None and min_coverage is not None and report.percent < min_coverage
    if too_low and report is not None:
        click.echo(
            f"exportcheck: coverage {report.percent:.1f}% is below {min_coverage}%", err=True
        )
    sys.exit(1 if failed or too_low or (fail_on_empty and not results) else 0)


@click.command()
@click.option("--base", "base_rev", default=None, help="Git revision to compare against.")
@click.option(
    "--base-dir",
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    default=None,
    help="Directory with catalog/ and rules/ to compare against.",
)
@click.option(
    "--head-dir",
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    default=None,
    help="Directory with the new catalog/ and rules/ (default: this tree).",
)
@click.option(
    "--profiles",
    "profile_paths",
    multiple=True,
    type=click.Path(exists=True, path_type=Path),
    help="Extra profiles (files or directories) to check in both states.",
)
@AS_OF
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "markdown", "json"]),
    default="text",
    show_default=True,
)
@OUTPUT
@LANG
def impact(
    base_rev: str | None,
    base_dir: Path | None,
    head_dir: Path | None,
    profile_paths: tuple[Path, ...],
    as_of: dt.datetime | None,
    fmt: str,
    output: Path | None,
    lang: str,
) -> None:
    """Show which decisions, findings and policy tests an edit of catalogue/rules changes."""
    from exportcheck.impact import compare, extract_revision, temporary_root
    from exportcheck.paths import bundled_root
    from exportcheck.render.impact import render

    if (base_rev is None) == (base_dir is None):
        raise click.UsageError("give exactly one of --base REV or --base-dir DIR")
    head = head_dir or bundled_root()
    examples = head / "examples" / "profiles"
    profiles = [*([examples] if examples.is_dir() else []), *profile_paths]
    tests = [head / "rules" / "tests"]
    with temporary_root() as tmp:
        base = base_dir or extract_revision(str(base_rev), head, Path(tmp))
        report = compare(
            base,
            head,
            profiles=profiles,
            tests=tests,
            as_of=as_of.date() if as_of else dt.date.today(),
            labels=(str(base_rev or base_dir), str(head_dir or "working tree")),
        )
    emit(render(report, fmt, lang_of(lang)), output)
