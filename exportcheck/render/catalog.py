"""Rendering of ``exportcheck catalog …``: lists, one entry in full, versions, diffs."""

from __future__ import annotations

import json
from typing import Any

from exportcheck.catalog import Coverage, EntryView, entry_presence, materialise, version_order
from exportcheck.catalog_diff import CatalogueDiff, EntryChange
from exportcheck.messages import bilingual, msg
from exportcheck.model import Catalogue, ControlPoint, Entry, Lang


def view_dict(view: EntryView) -> dict[str, Any]:
    return {
        "code": view.code,
        "id": view.entry.id,
        "class": str(view.entry.klass),
        "name": view.entry.name.as_dict(),
        "presence": str(view.presence),
        "sector": view.sector.code if view.sector else None,
        "control_points": len(view.control_points),
        "confidence": str(view.entry.confidence),
    }


def render_list(
    views: tuple[EntryView, ...], coverage: Coverage, version: str, fmt: str, lang: Lang = "en"
) -> str:
    if fmt == "json":
        return (
            json.dumps(
                {
                    "version": version,
                    "coverage": {
                        "encoded": coverage.encoded,
                        "expected": coverage.expected,
                        "complete": coverage.complete,
                        "uncertain": coverage.uncertain,
                    },
                    "entries": [view_dict(v) for v in views],
                },
                ensure_ascii=False,
                indent=2,
            )
            + "\n"
        )
    head = msg(
        "catalog.list_head",
        lang,
        version=version,
        encoded=coverage.encoded,
        expected=coverage.expected or "?",
        uncertain=coverage.uncertain,
    )
    lines = [head]
    for v in views:
        flag = "" if v.presence == "present" else f"  [{v.presence}]"
        points = msg("catalog.points", lang, count=len(v.control_points))
        lines.append(
            f"{v.code or msg('catalog.no_code', lang):9} {v.entry.klass:10} "
            f"{bilingual(v.entry.name)}  [{v.entry.id}; {points}]{flag}"
        )
    return "\n".join(lines) + "\n"


def _cp_lines(cp: ControlPoint, lang: Lang) -> list[str]:
    numbers = ", ".join(f"{v}: {n}" for v, n in cp.numbers) or msg("catalog.number_unknown", lang)
    sources = f"{msg('catalog.sources_inline', lang)} {', '.join(cp.sources)}"
    lines = [
        f"  - {cp.id} ({numbers}; {cp.confidence}; {sources})",
        f"      {bilingual(cp.text)}",
        f"      {msg('catalog.at', lang)} {cp.pos}",
    ]
    lines += [f"      · {bilingual(s)}" for s in cp.sub_points]
    for p in cp.parameters:
        threshold = f" {p.op} {p.value} {p.unit or ''}" if p.op else f": {p.value}"
        lines.append(
            f"      {msg('catalog.parameter', lang)} {p.id}{threshold} — {bilingual(p.label)}"
        )
    lines += [f"      {r.version}: {r.change}" for r in cp.history]
    if cp.note:
        lines.append(f"      {msg('catalog.note', lang)}: {cp.note}")
    return lines


def render_show(entry: Entry, catalogue: Catalogue, fmt: str, lang: Lang = "en") -> str:
    order = version_order(catalogue.regime)
    states = {v: str(entry_presence(entry, v, order)) for v in order}
    if fmt == "json":
        return json.dumps(_entry_dict(entry, states), ensure_ascii=False, indent=2) + "\n"
    lines = [
        f"{entry.id}: {bilingual(entry.name)} ({entry.klass}; {entry.confidence})",
        f"  {msg('catalog.defined_at', lang)} {entry.pos}",
        f"  {msg('catalog.codes', lang)}",
    ]
    for record in entry.codes:
        sector = (
            f"{msg('catalog.sector', lang)} {record.sector.code} {bilingual(record.sector.name)}"
            if record.sector and record.sector.name
            else ""
        )
        code = record.code or msg("catalog.code_not_seen", lang)
        lines.append(f"    {', '.join(record.versions)}: {code} {sector}")
    lines += [f"    {v} ({msg('catalog.draft', lang)}): {c}" for v, c in entry.draft_codes]
    in_force = ", ".join(f"{v} {s}" for v, s in states.items())
    lines.append(f"  {msg('catalog.in_force', lang)}: {in_force}")
    lines.append(f"  {msg('catalog.history', lang)}")
    for r in entry.history:
        summary = f" — {bilingual(r.summary)}" if r.summary else ""
        sources = ", ".join(r.sources) or msg("catalog.no_source", lang)
        lines.append(f"    {r.version}: {r.change}{summary} ({sources})")
    lines.append(f"  {msg('catalog.control_points', lang, count=len(entry.control_points))}")
    for cp in entry.control_points:
        lines += _cp_lines(cp, lang)
    lines.append(f"  {msg('catalog.sources', lang)}")
    for ref in entry.sources:
        src = catalogue.regime.sources.get(ref)
        lines.append(
            f"    {ref}: {src.title if src else '?'}"
            f"{' <' + src.urls[0] + '>' if src and src.urls else ''}"
        )
    if entry.note:
        lines.append(f"  {msg('catalog.note', lang)}: {entry.note}")
    return "\n".join(lines) + "\n"


def _entry_dict(entry: Entry, states: dict[str, str]) -> dict[str, Any]:
    return {
        "id": entry.id,
        "class": str(entry.klass),
        "name": entry.name.as_dict(),
        "confidence": str(entry.confidence),
        "sources": list(entry.sources),
        "at": str(entry.pos),
        "codes": [
            {
                "versions": list(r.versions),
                "code": r.code,
                "sector": r.sector.code if r.sector else None,
            }
            for r in entry.codes
        ],
        "presence": states,
        "history": [{"version": r.version, "change": str(r.change)} for r in entry.history],
        "control_points": [
            {
                "id": cp.global_id,
                "numbers": dict(cp.numbers),
                "text": cp.text.as_dict(),
                "confidence": str(cp.confidence),
                "sources": list(cp.sources),
                "at": str(cp.pos),
                "parameters": [
                    {"id": p.id, "op": p.op, "value": p.value, "unit": p.unit}
                    for p in cp.parameters
                ],
            }
            for cp in entry.control_points
        ],
    }


def render_versions(catalogue: Catalogue, fmt: str, lang: Lang) -> str:
    rows = []
    for v in catalogue.regime.versions:
        encoded = (
            len([x for x in materialise(catalogue, v.id) if x.presence == "present"])
            if v.binding and v.encoded
            else None
        )
        rows.append(
            {
                "id": v.id,
                "binding": v.binding,
                "published": v.published,
                "in_force": v.in_force if v.binding else None,  # a draft never was
                "instrument": v.instrument.get(lang),
                "expected": v.counts.total if v.counts else None,
                "encoded": encoded,
                "summary": v.summary.get(lang),
            }
        )
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
    lines = []
    for r in rows:
        kind = "" if r["binding"] else " (draft, never used for decisions)"
        counts = (
            f"; {r['encoded']} of {r['expected'] or '?'} entries encoded"
            if r["encoded"] is not None
            else ""
        )
        # A draft was published for comment and never in force.
        when = f"in force {r['in_force']}" if r["binding"] else f"published {r['published']}"
        lines.append(f"{r['id']}{kind}: {when} — {r['instrument']}{counts}")
        if r["summary"]:
            lines.append(f"    {r['summary']}")
    return "\n".join(lines) + "\n"


def _change_lines(change: EntryChange, lang: Lang) -> list[str]:
    old_code = change.old.code if change.old else None
    new_code = change.new.code if change.new else None
    code = new_code or old_code or msg("catalog.no_code", lang)
    head = f"{change.kind:12} {code} {bilingual(change.entry.name)} [{change.entry.id}]"
    if old_code and new_code and old_code != new_code:
        head += f" ({msg('catalog.recoded', lang, old=old_code, new=new_code)})"
    if change.kind == "status" and change.old and change.new:
        head += f" ({change.old.presence} -> {change.new.presence})"
    point = msg("catalog.control_point", lang)
    lines = [head]
    for mark, points in (
        ("+", change.cps_added),
        ("-", change.cps_removed),
        ("~", change.cps_amended),
    ):
        lines += [f"    {mark} {point} {cp.id}: {bilingual(cp.text)}" for cp in points]
    lines += [
        f"    {r.version} {r.change}: {bilingual(r.summary)}" for r in change.records if r.summary
    ]
    return lines


def render_diff(result: CatalogueDiff, fmt: str, lang: Lang = "en") -> str:
    if fmt == "json":
        return (
            json.dumps(
                {
                    "old": result.old,
                    "new": result.new,
                    "changes": [
                        {
                            "kind": c.kind,
                            "id": c.entry.id,
                            "name": c.entry.name.as_dict(),
                            "old_code": c.old.code if c.old else None,
                            "new_code": c.new.code if c.new else None,
                            "control_points_added": [cp.global_id for cp in c.cps_added],
                            "control_points_removed": [cp.global_id for cp in c.cps_removed],
                            "control_points_amended": [cp.global_id for cp in c.cps_amended],
                        }
                        for c in result.changes
                    ],
                },
                ensure_ascii=False,
                indent=2,
            )
            + "\n"
        )
    body = [line for change in result.changes for line in _change_lines(change, lang)]
    title = msg(
        "catalog.diff_head", lang, old=result.old, new=result.new, count=len(result.changes)
    )
    if fmt == "markdown":
        return (
            f"### {msg('catalog.diff_heading', lang, old=result.old, new=result.new)}\n\n```\n"
            + "\n".join(body or [msg("catalog.no_changes", lang)])
            + "\n```\n"
        )
    return "\n".join([title, *body]) + "\n"


def render_coverage_markdown(catalogue: Catalogue, lang: Lang = "en") -> str:
    """``catalog/COVERAGE.md``: generated from the data; a test fails when it drifts."""
    from exportcheck.catalog import coverage

    out = [
        "# Catalogue coverage",
        "",
        "Generated from the data by `exportcheck catalog coverage`; do not edit by hand.",
        "A `free` result only means that no listed technology was found in the encoded part.",
        "",
        (
            "| version | in force | expected | encoded | uncertain status | prohibited "
            "| restricted | official-text | secondary-source | inferred | complete |"
        ),
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    versions = catalogue.regime.decision_versions
    for v in versions:
        cov = coverage(catalogue, v.id)
        conf = cov.by_confidence
        out.append(
            f"| {v.id} | {v.in_force} | {cov.expected or '?'} | {cov.encoded} | {cov.uncertain} "
            f"| {cov.by_class.get('prohibited', 0)} | {cov.by_class.get('restricted', 0)} "
            f"| {conf.get('official-text', 0)} | {conf.get('secondary-source', 0)} "
            f"| {conf.get('inferred', 0)} | {'yes' if cov.complete else 'no'} |"
        )
    for v in reversed(versions):
        out += ["", f"## Entries encoded for {v.id}", ""]
        for view in materialise(catalogue, v.id):
            status = "" if view.presence == "present" else f" — status {view.presence}"
            out.append(
                f"- {view.code or '(code not seen)'} {bilingual(view.entry.name)} "
                f"({view.entry.klass}; {len(view.control_points)} control points; "
                f"{view.entry.confidence}){status}"
            )
    out += ["", "## Known gaps", ""]
    out += [f"- {' '.join(gap.split())}" for gap in catalogue.regime.gaps]
    return "\n".join(out) + "\n"
