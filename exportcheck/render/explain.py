"""Rendering of ``exportcheck explain``: findings with their condition trees, and the
why-not of a chosen entry."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from exportcheck.catalog import EntryView
from exportcheck.decision import consequence_for
from exportcheck.evaluate import Trace
from exportcheck.explain import (
    decision_label,
    explanation,
    tree_lines,
    truth_word,
)
from exportcheck.messages import bilingual, msg
from exportcheck.model import ControlPoint, Lang
from exportcheck.render.json import catalog_block, finding_dict, result_dict
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
        f"{result.profile.path}: {result.profile.id}: "
        + decision_label(result, lang, complete=context.coverage.complete),
    ]
    for f in result.findings:
        lines.append(f"  {explanation(f, context.regime, lang)}")
        if f.control_point is not None:  # the control point's words in both languages
            lines.append(f"  {msg('label.control_point', lang)}: {bilingual(f.control_point.text)}")
        rule = msg("explain.rule", lang)
        lines.append(f"  {rule} {f.rule.id} ({f.rule.pos}) -> {truth_word(f.trace.truth, lang)}")
        lines.extend(_tree(f.trace, lang, "    "))
    if why_not is not None:
        entry_id, outcomes = why_not
        view = kb.for_version(context.version.id).views[entry_id]
        lines.append(
            f"{msg('explain.entry', lang)} {view.code or entry_id} {bilingual(view.entry.name)} "
            f"[{entry_id}; {view.entry.klass}]: {msg('explain.rules', lang, count=len(outcomes))}"
        )
        label = msg("label.control_point", lang)
        lines.extend(f"  {label} {cp.id}: {bilingual(cp.text)}" for cp in _points(view, outcomes))
        if not outcomes:
            lines.append(f"  {msg('explain.no_rule', lang)}")
        for item in outcomes:
            verdict = (
                item.finding.outcome.label if item.finding else msg("explain.no_finding", lang)
            )
            lines.append(
                f"  {msg('explain.rule', lang)} {item.rule.id} ({item.rule.pos}) -> "
                f"{truth_word(item.trace.truth, lang)} ({verdict})"
            )
            lines.extend(_tree(item.trace, lang, "    "))
    consequence = consequence_for(result, context, lang)
    if consequence.consequence:
        lines.append(f"=> {consequence.consequence}")
    lines.extend(f"{msg('label.note', lang)}: {n}" for n in consequence.notes)
    lines.extend(f"{i}. {step}" for i, step in enumerate(consequence.next_steps, 1))
    return "\n".join(lines) + "\n"


def _points(view: EntryView, outcomes: list[RuleOutcome]) -> list[ControlPoint]:
    """The control points the explained rules implement, in the entry's order."""
    wanted = {o.rule.cp_id for o in outcomes}
    return [cp for cp in view.control_points if cp.id in wanted]


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
        "catalog": catalog_block(context),
        **result_dict(result, context, lang),
    }
    doc["findings"] = [
        {**finding_dict(f, context, lang), "trace": _trace_dict(f.trace)} for f in result.findings
    ]
    if why_not is not None:
        entry_id, outcomes = why_not
        view = kb.for_version(context.version.id).views[entry_id]
        doc["entry"] = {
            "id": entry_id,
            "code": view.code,
            "class": str(view.entry.klass),
            "name": view.entry.name.as_dict(),
            "control_points": [
                {"id": cp.global_id, "number": cp.number(view.version), "text": cp.text.as_dict()}
                for cp in _points(view, outcomes)
            ],
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
