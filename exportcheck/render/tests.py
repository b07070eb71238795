"""Rendering of ``exportcheck test`` results: text, JUnit XML, JSON; and coverage."""

from __future__ import annotations

import json
from typing import Any
from xml.etree import ElementTree as ET

from exportcheck.explain import explanation
from exportcheck.messages import msg
from exportcheck.model import Lang
from exportcheck.policytest import CaseResult
from exportcheck.testcoverage import CoverageReport


def case_failure_text(result: CaseResult, lang: Lang = "en") -> str:
    """Expected vs actual, then the explanation of each finding (for humans and pytest)."""
    said = [f.text(lang) for f in result.details] or list(result.failures)
    lines = [f"{result.case.node_id} ({result.case.pos})", *[f"  {f}" for f in said]]
    why = msg("test.why", lang)
    lines.extend(
        f"  {why}: {explanation(f, result.context.regime, lang)}" for f in result.result.findings
    )
    return "\n".join(lines)


def render_text(
    results: list[CaseResult], coverage: CoverageReport | None, lang: Lang = "en"
) -> str:
    lines = []
    for r in results:
        if r.status == "fail":
            lines.append(f"FAIL {case_failure_text(r, lang)}")
        elif r.status == "todo":
            lines.append(f"TODO {r.case.node_id}: {r.case.todo}")
        elif r.status == "todo-passes":
            lines.append(f"TODO-PASSES {r.case.node_id}: remove 'todo:' ({r.case.todo})")
    counts = {
        s: sum(1 for r in results if r.status == s) for s in ("pass", "fail", "todo", "todo-passes")
    }
    if coverage is not None:
        lines.extend(render_coverage(coverage))
    lines.append(
        f"{counts['pass']} passed, {counts['fail']} failed, "
        f"{counts['todo'] + counts['todo-passes']} todo"
    )
    return "\n".join(lines) + "\n"


def render_coverage(coverage: CoverageReport) -> list[str]:
    lines = [
        (
            f"control-point coverage: {coverage.percent:.1f}% "
            f"({sum(u.covered for u in coverage.units if not u.manual)} of "
            f"{sum(1 for u in coverage.units if not u.manual)} units; "
            f"{sum(u.manual for u in coverage.units)} manual)"
        )
    ]
    for unit in coverage.missing():
        need = [
            w for w, have in (("positive", unit.positive), ("negative", unit.negative)) if not have
        ]
        lines.append(
            f"  uncovered {unit.unit} (in force {', '.join(unit.versions)}): "
            f"needs a {' and a '.join(need)} case"
        )
    lines.extend(f"  rule never exercised: {rule}" for rule in coverage.unexercised_rules)
    return lines


def render_junit(
    results: list[CaseResult], coverage: CoverageReport | None, lang: Lang = "en"
) -> str:
    suite = ET.Element(
        "testsuite",
        name="exportcheck",
        tests=str(len(results)),
        failures=str(sum(r.status == "fail" for r in results)),
        skipped=str(sum(r.status.startswith("todo") for r in results)),
    )
    for r in results:
        case = ET.SubElement(suite, "testcase", classname=r.case.file, name=r.case.name)
        if r.status == "fail":
            ET.SubElement(case, "failure", message=r.failures[0]).text = case_failure_text(r, lang)
        elif r.status.startswith("todo"):
            ET.SubElement(case, "skipped", message=f"todo: {r.case.todo}")
    ET.indent(suite)
    return ET.tostring(suite, encoding="unicode", xml_declaration=True) + "\n"


def render_json(
    results: list[CaseResult], coverage: CoverageReport | None, lang: Lang = "en"
) -> str:
    doc: dict[str, Any] = {
        "cases": [
            {
                "id": r.case.node_id,
                "status": r.status,
                "version": r.context.version.id,
                "decision": r.result.decision.label,
                "failures": list(r.failures),
            }
            for r in results
        ]
    }
    if coverage is not None:
        doc["coverage"] = {
            "percent": round(coverage.percent, 2),
            "uncovered": [u.unit for u in coverage.missing()],
            "unexercised_rules": list(coverage.unexercised_rules),
        }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
