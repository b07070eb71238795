"""Rendering of ``exportcheck explain``: findings with their condition trees, and the
why-not of a chosen entry."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from exportcheck.decision import consequence_for
from exportcheck.evaluate import Trace
from exportcheck.explain import (
    decision_label,
    explanation,
    tree_lines,
    truth_word,
)
from exportcheck.model import Lang
from exportcheck.render.json import finding_dict
from exportcheck.render.text import evidence_lines, header

if TYPE_CHECKING:
    from exportcheck.api import RuleOutcome
    from exportcheck.kb import KnowledgeBase
    from exportcheck.report import CatalogueContext, CheckResult


def _tree(trace: Trace, lang: Lang, indent: str) -> list[str]:
    out = []
    for line in tree_lines(trace, lang):
        pad = indent + "  " * line.depth
        note = f" — {line.note}" if line.note else ""
        out.append(f"{pad}{line.mark} {line.label}{note}  ({line.pos})")
        out.extend(evidence_lines(line.evidence, 3, f"{pad}    ", lang))
    return out


def render(
    result: CheckResult,
    context: CatalogueContext,
    why_not: tuple[str, list[RuleOutcome]] | None,
    *,
    kb: KnowledgeBase,
    lang: Lang = "en",
) -> str:
    lines = [
        header(context, lang),
        f"{result.profile.path}: {result.profile.id}: {decision_label(result.decision, lang)}",
    ]
    for f in result.findings:
        lines.append(f"  {explanation(f, context.regime, lang)}")
        lines.append(f"  rule {f.rule.id} ({f.rule.pos}) -> {truth_word(f.trace.truth, lang)}")
        lines.extend(_tree(f.trace, lang, "    "))
    if why_not is not None:
        entry_id, outcomes = why_not
        lines.append(f"entry {entry_id}: {len(outcomes)} rule(s)")
        if not outcomes:
            lines.append("  no rule implements this entry (see rules 'manual:' items)")
        for item in outcomes:
            verdict = item.finding.outcome.label if item.finding else "no finding"
            lines.append(
                f"  rule {item.rule.id} ({item.rule.pos}) -> "
                f"{truth_word(item.trace.truth, lang)} ({verdict})"
            )
            lines.extend(_tree(item.trace, lang, "    "))
    consequence = consequence_for(result, context, lang)
    if consequence.consequence:
        lines.append(f"=> {consequence.consequence}")
    lines.extend(f"note: {n}" for n in consequence.notes)
    return "\n".join(lines) + "\n"


def _trace_dict(trace: Trace) -> dict[str, Any]:
    cond = trace.condition
    return {
        "kind": cond.kind,
        "truth": trace.truth.name.lower(),
        "detail": trace.detail,
        "note": trace.note,
        "at": str(cond.pos),
        "evidence": [e.as_dict() for e in trace.evidence],
        "children": [_trace_dict(c) for c in trace.children],
    }


def render_json(
    result: CheckResult,
    context: CatalogueContext,
    why_not: tuple[str, list[RuleOutcome]] | None,
    *,
    kb: KnowledgeBase,
    lang: Lang = "en",
) -> str:
    doc: dict[str, Any] = {
        "format": 1,
        "profile": {"id": result.profile.id, "path": result.profile.path},
        "catalog": {
            "version": context.version.id,
            "as_of": context.as_of.isoformat() if context.as_of else None,
        },
        "decision": result.decision.label,
        "findings": [
            {**finding_dict(f, context, lang), "trace": _trace_dict(f.trace)}
            for f in result.findings
        ],
    }
    if why_not is not None:
        entry_id, outcomes = why_not
        doc["entry"] = {
            "id": entry_id,
            "rules": [
                {
                    "rule": o.rule.id,
                    "at": str(o.rule.pos),
                    "truth": o.trace.truth.name.lower(),
                    "outcome": o.finding.outcome.label if o.finding else None,
                    "trace": _trace_dict(o.trace),
                }
                for o in outcomes
            ],
        }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
