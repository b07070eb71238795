"""``exportcheck catalog …``: browse the encoded catalogue."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from exportcheck.cli import AS_OF, CATALOG, LANG, RULES, VERSION, lang_of


def _catalogue(catalog_dir: Path | None):  # type: ignore[no-untyped-def]
    from exportcheck.cli import knowledge_base

    return knowledge_base(catalog_dir, None).catalogue


FORMAT = click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "markdown"]),
    default="text",
    show_default=True,
)


@click.group()
def catalog() -> None:
    """Browse the catalogue: list, show, search, versions, diff."""


@catalog.command("list")
@AS_OF
@VERSION
@click.option("--class", "klass", type=click.Choice(["prohibited", "restricted"]), default=None)
@click.option("--sector", default=None, help="GB/T 4754 division (e.g. 65).")
@FORMAT
@LANG
@CATALOG
def list_entries(
    as_of: dt.datetime | None,
    catalog_version: str | None,
    klass: str | None,
    sector: str | None,
    fmt: str,
    lang: str,
    catalog_dir: Path | None,
) -> None:
    """Entries in force on a date (default: today) or in a version."""
    from exportcheck.catalog import coverage, materialise, resolve_version
    from exportcheck.render.catalog import render_list

    cat = _catalogue(catalog_dir)
    version, _ = resolve_version(
        cat.regime,
        as_of=as_of.date() if as_of else None,
        version_id=catalog_version,
        today=dt.date.today(),
    )
    views = tuple(
        v
        for v in materialise(cat, version.id)
        if (klass is None or v.entry.klass == klass)
        and (sector is None or (v.sector is not None and v.sector.code == sector))
    )
    listing = render_list(views, coverage(cat, version.id), version.id, fmt, lang_of(lang))
    click.echo(listing, nl=False)


@catalog.command()
@click.argument("code")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@LANG
@CATALOG
def show(code: str, fmt: str, lang: str, catalog_dir: Path | None) -> None:
    """One entry by any version's code (or its id): crosswalk, texts, history, sources."""
    from exportcheck.catalog import find_entries
    from exportcheck.diagnostics import Diagnostic, SourcePos
    from exportcheck.errors import InputError
    from exportcheck.render.catalog import render_show

    cat = _catalogue(catalog_dir)
    entries = find_entries(cat, code.split("#", maxsplit=1)[0])
    if not entries:
        raise InputError(
            [
                Diagnostic(
                    "E506",
                    "unknown-entry",
                    f"no catalogue entry {code!r}",
                    SourcePos(code),
                    "try 'exportcheck catalog search TEXT'",
                )
            ]
        )
    click.echo("".join(render_show(e, cat, fmt, lang_of(lang)) for e in entries), nl=False)


@catalog.command()
@click.argument("text")
@FORMAT
@LANG
@CATALOG
@RULES
def search(
    text: str, fmt: str, lang: str, catalog_dir: Path | None, rules_dir: Path | None
) -> None:
    """Find entries and control points by zh/en text (Traditional/Simplified, any width), and
    by meaning: vocabulary terms in TEXT lead to the points whose rules use them."""
    import json

    from exportcheck.catalog_search import search as run_search
    from exportcheck.catalog_search import search_by_meaning, search_parameters
    from exportcheck.cli import knowledge_base

    kb = knowledge_base(catalog_dir, rules_dir)
    hits = run_search(kb.catalogue, kb.normalizer, text)
    literal = {(h.entry.id, h.where) for h in hits}
    hits += [
        hit
        for hit in search_by_meaning(kb.catalogue, kb.rules, kb.term_index, text)
        if (hit.entry.id, hit.where) not in literal
    ]
    parameters = search_parameters(kb.vocabulary.parameters, kb.normalizer, text)
    if fmt == "json":
        found = [h.as_dict() for h in hits] + [p.as_dict() for p in parameters]
        click.echo(json.dumps(found, ensure_ascii=False, indent=2))
        return
    chosen = lang_of(lang)
    for line in [h.line(chosen) for h in hits] + [p.line(chosen) for p in parameters]:
        click.echo(line)
    if not hits and not parameters:
        from exportcheck.messages import msg

        click.echo(msg("catalog.no_hits", chosen, text=text))


@catalog.command()
@FORMAT
@LANG
@CATALOG
def versions(fmt: str, lang: str, catalog_dir: Path | None) -> None:
    """Catalogue versions with announcement, date in force and coverage."""
    from exportcheck.render.catalog import render_versions

    click.echo(render_versions(_catalogue(catalog_dir), fmt, lang_of(lang)), nl=False)


@catalog.command()
@click.argument("old")
@click.argument("new")
@FORMAT
@LANG
@CATALOG
def diff(old: str, new: str, fmt: str, lang: str, catalog_dir: Path | None) -> None:
    """Entries and control points added, removed, amended or re-coded from OLD to NEW."""
    from exportcheck.catalog import resolve_version
    from exportcheck.catalog_diff import diff as run_diff
    from exportcheck.render.catalog import render_diff

    cat = _catalogue(catalog_dir)
    today = dt.date.today()
    old_v, _ = resolve_version(cat.regime, as_of=None, version_id=old, today=today)
    new_v, _ = resolve_version(cat.regime, as_of=None, version_id=new, today=today)
    click.echo(render_diff(run_diff(cat, old_v.id, new_v.id), fmt, lang_of(lang)), nl=False)


@catalog.command("coverage")
@LANG
@CATALOG
def coverage_report(lang: str, catalog_dir: Path | None) -> None:
    """Coverage of each version as Markdown (the source of catalog/COVERAGE.md)."""
    from exportcheck.render.catalog import render_coverage_markdown

    click.echo(render_coverage_markdown(_catalogue(catalog_dir), lang_of(lang)), nl=False)
