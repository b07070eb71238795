"""Rendering of ``exportcheck impact``: text, Markdown (a pull-request comment), JSON."""

from __future__ import annotations

import json

import msgspec

from exportcheck.impact import ImpactReport


def render(report: ImpactReport, fmt: str) -> str:
    if fmt == "json":
        return json.dumps(msgspec.to_builtins(report), ensure_ascii=False, indent=2) + "\n"
    md = fmt == "markdown"
    out = [
        (
            f"{'## ' if md else ''}Impact of {report.head} against {report.base} "
            f"(catalogue {report.version}; {report.profiles_checked} profiles checked)"
        ),
        "",
    ]
    sections = [
        (
            "Decisions and findings that change",
            [f"- `{c.path}`: {c.before} → {c.after}" for c in report.profile_changes],
        ),
        (
            "Policy tests whose status changes",
            [f"- `{c.path}`: {c.before} → {c.after}" for c in report.test_changes],
        ),
        ("Catalogue entries edited", [f"- {e}" for e in report.entries_changed]),
        ("Rules edited", [f"- {r}" for r in report.rules_changed]),
    ]
    for title, items in sections:
        out.append(f"{'### ' if md else ''}{title}: {len(items)}")
        out.extend(items)
        out.append("")
    return "\n".join(out)
