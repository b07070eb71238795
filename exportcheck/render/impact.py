"""Rendering of ``exportcheck impact``: text, Markdown (a pull-request comment), JSON."""

from __future__ import annotations

import json

from exportcheck.impact import ImpactReport
from exportcheck.messages import msg
from exportcheck.model import Lang
from exportcheck.msgspeclib import msgspec


def render(report: ImpactReport, fmt: str, lang: Lang = "en") -> str:
    if fmt == "json":
        return json.dumps(msgspec.to_builtins(report), ensure_ascii=False, indent=2) + "\n"
    md = fmt == "markdown"
    out = [
        (f"{'## ' if md else ''}")
        + msg(
            "impact.head",
            lang,
            head=report.head,
            base=report.base,
            version=report.version,
            count=report.profiles_checked,
        ),
        "",
    ]
    sections = [
        (
            msg("impact.profiles", lang),
            [f"- `{c.path}`: {c.before} → {c.after}" for c in report.profile_changes],
        ),
        (
            msg("impact.tests", lang),
            [f"- `{c.path}`: {c.before} → {c.after}" for c in report.test_changes],
        ),
        (msg("impact.entries", lang), [f"- {e}" for e in report.entries_changed]),
        (msg("impact.rules", lang), [f"- {r}" for r in report.rules_changed]),
    ]
    for title, items in sections:
        out.append(f"{'### ' if md else ''}{title}: {len(items)}")
        out.extend(items)
        out.append("")
    return "\n".join(out)
