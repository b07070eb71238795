"""``exportcheck validate``: exit 0 clean, 1 problems found, 2 could not run."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from exportcheck.cli import LANG, lang_of
from exportcheck.diagnostics import Diagnostic, Severity
from exportcheck.messages import msg
from exportcheck.render.sarif import artifact_uri


def _github(d: Diagnostic) -> str:
    level = "error" if d.severity is Severity.ERROR else "warning"
    text = d.message + (f" ({d.hint})" if d.hint else "")
    return (
        f"::{level} file={d.pos.file},line={d.pos.line},col={d.pos.column},"
        f"title={d.code} {d.name}::{text}"
    )


def _sarif(diagnostics: list[Diagnostic]) -> str:
    results = [
        {
            "ruleId": d.code,
            "level": "error" if d.severity is Severity.ERROR else "warning",
            "message": {"text": d.message + (f" ({d.hint})" if d.hint else "")},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": artifact_uri(d.pos.file)},
                        "region": {"startLine": d.pos.line, "startColumn": d.pos.column},
                    }
                }
            ],
        }
        for d in diagnostics
    ]
    return (
        json.dumps(
            {
                "version": "2.1.0",
                "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
                "runs": [
                    {
                        "tool": {"driver": {"name": "exportcheck-validate"}},
                        "columnKind": "unicodeCodePoints",
                        "results": results,
                    }
                ],
            },
            indent=2,
        )
        + "\n"
    )


def render(diagnostics: list[Diagnostic], fmt: str) -> str:
    if fmt == "json":
        return json.dumps([d.as_dict() for d in diagnostics], ensure_ascii=False, indent=2) + "\n"
    if fmt == "sarif":
        return _sarif(diagnostics)
    if fmt == "github":
        return "".join(_github(d) + "\n" for d in diagnostics)
    return "".join(d.format() + "\n" for d in diagnostics)


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "sarif", "github"]),
    default="text",
    show_default=True,
)
@click.option(
    "--verbose",
    "-v",
    is_flag=True,
    help="Show every failed alternative of anyOf/oneOf, and a summary of what was checked.",
)
@LANG
def validate(paths: tuple[Path, ...], fmt: str, verbose: bool, lang: str) -> None:
    """Validate catalogue, rules, profiles and policy tests (default: the bundled ones)."""
    from exportcheck.validate import classify, default_targets
    from exportcheck.validate import validate as run

    targets = classify(list(paths)) if paths else default_targets()
    diagnostics, kb = run(targets, verbose=verbose)
    out = render(diagnostics, fmt)
    if out:
        click.echo(out, nl=False)
    errors = [d for d in diagnostics if d.severity is Severity.ERROR]
    if verbose or (fmt == "text" and not errors):
        chosen = lang_of(lang)
        what = (
            msg(
                "validate.built",
                chosen,
                entries=len(kb.catalogue.entries),
                rules=len(kb.rules),
                capabilities=len(kb.vocabulary.capabilities),
            )
            if kb
            else msg("validate.nothing", chosen)
        )
        summary = msg(
            "validate.summary",
            chosen,
            what=what,
            profiles=len(targets.profiles),
            tests=len(targets.tests),
            errors=len(errors),
            warnings=len(diagnostics) - len(errors),
        )
        click.echo(summary, err=True)
    sys.exit(1 if errors else 0)
