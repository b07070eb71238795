"""JSON output, format 1 (design §4 — a contract: fields may be added, never removed)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from exportcheck.decision import consequence_for, legal_date
from exportcheck.evaluate import Finding, Trace
from exportcheck.explain import explanation
from exportcheck.facts import Truth
from exportcheck.model import Lang, Outcome
from exportcheck.render import json_frame, json_item
from exportcheck.report import CatalogueContext, CheckReport, CheckResult, summarize


def catalog_block(context: CatalogueContext) -> dict[str, Any]:
    cov = context.coverage
    return {
        "regime": context.regime.id,
        "version": context.version.id,
        # With --catalog-version, the version's date in force: a date on which it was the law.
        "as_of": legal_date(context),
        "instrument": context.version.instrument.as_dict(),
        "in_force": context.version.in_force,
        "coverage": {
            "encoded": cov.encoded,
            "expected": cov.expected,
            "complete": cov.complete,
            "uncertain": cov.uncertain,
        },
    }


def finding_dict(finding: Finding, context: CatalogueContext, lang: Lang) -> dict[str, Any]:
    view, cp = finding.view, finding.control_point
    number = finding.number
    title = cp.text if cp else view.entry.name
    return {
        "entry": view.code,
        "entry_id": view.entry.id,
        "entry_name": view.entry.name.as_dict(),
        "control_point": str(number) if number is not None else None,
        "control_point_id": finding.cp_global_id,
        "class": str(view.entry.klass),
        "outcome": finding.outcome.label,
        "basis": finding.basis,
        "rule": finding.rule.id,
        "title": title.as_dict(),
        "evidence": [e.as_dict() for e in finding.evidence],
        "explanation": explanation(finding, context.regime, lang),
        "review_reasons": list(finding.caps),
        "unknown": list(finding.unknown),
        "confidence": str(cp.confidence if cp else view.entry.confidence),
        "sources": list((cp.sources if cp else ()) or view.entry.sources),
        "catalog_ref": str(cp.pos if cp else view.entry.pos),
        "rule_ref": str(finding.rule.pos),
    }


def _failed(leaf: Trace, result: CheckResult) -> dict[str, Any]:
    test = leaf.condition.parameter
    assert test is not None  # a failed parameter test
    fact = result.facts.parameters[test.id]
    return {
        "parameter": test.id,
        "value": fact.value,
        "unit": fact.unit,
        "stated": fact.stated,
        "basis": "asserted" if fact.truth is Truth.ASSERTED else "indicated",
        "threshold": {"op": test.op, "value": test.value, "unit": test.unit},
        "evidence": fact.evidence.as_dict(),
    }


def result_dict(result: CheckResult, context: CatalogueContext, lang: Lang) -> dict[str, Any]:
    consequence = consequence_for(result, context, lang)
    return {
        "profile": {"id": result.profile.id, "path": result.profile.path},
        "decision": result.decision.label,
        "findings": [finding_dict(f, context, lang) for f in result.findings],
        "consequence": consequence.consequence,
        "next_steps": list(consequence.next_steps),
        "notes": list(consequence.notes),
        # What each not_capabilities denial kept out of the decision (design §2.1).
        "denied": [
            {
                "capability": aside.capability,
                "path": aside.denial.path,
                "line": aside.denial.pos.line,
                "column": aside.denial.pos.column,
                "set_aside": [e.as_dict() for e in aside.evidence],
            }
            for aside in result.set_aside
        ],
        # A transfer within China (destination CN) is no export: what it would meet if it
        # left the country, deciding nothing.
        "not_exported": [finding_dict(f, context, lang) for f in result.not_exported],
        # ... and with no destination given, the words that say so (null: the destination).
        "not_exported_by": (
            result.not_exported_by.as_dict() if result.not_exported_by is not None else None
        ),
        # ... and whether they say the technology is held outside the mainland (not from China).
        "outside_mainland": result.outside_mainland,
        # Control points kept out only by a stated parameter value ("why not").
        "thresholds_not_met": [
            {
                "entry": miss.view.code,
                "entry_id": miss.view.entry.id,
                "control_point": str(miss.number) if miss.number is not None else None,
                "control_point_id": miss.control_point.global_id if miss.control_point else None,
                "rule": miss.rule.id,
                "failed": [_failed(leaf, result) for leaf in miss.failed],
            }
            for miss in result.threshold_misses
        ],
        # Mentions the description itself negates ("does not use X"): not counted.
        "negated": [
            {"capability": cap, "words": n.words, **n.evidence.as_dict()}
            for cap, n in result.facts.negated_mentions()
        ],
    }


def part(result: CheckResult, context: CatalogueContext, lang: Lang) -> dict[str, Any]:
    return result_dict(result, context, lang)


def document(
    context: CatalogueContext, parts: Sequence[dict[str, Any]], decisions: Sequence[Outcome]
) -> dict[str, Any]:
    return {
        "format": 1,
        "catalog": catalog_block(context),
        "results": list(parts),
        "summary": summarize(decisions),
    }


def report_dict(report: CheckReport, lang: Lang) -> dict[str, Any]:
    parts = [part(r, report.context, lang) for r in report.results]
    return document(report.context, parts, [r.decision for r in report.results])


class Document:
    """The JSON document streamed: its results are dumped one at a time."""

    def __init__(self, context: CatalogueContext, lang: Lang) -> None:
        self.context = context
        self.count = 0
        _, self.indent, _ = json_frame(document(context, [], []), ["results"])

    def add(self, part: dict[str, Any]) -> str:
        self.count += 1
        return json_item(part, self.indent, first=self.count == 1)

    def head(self) -> str:
        return self._frame([])[0]

    def tail(self, decisions: Sequence[Outcome]) -> str:
        return self._frame(decisions)[2] + "\n"

    def _frame(self, decisions: Sequence[Outcome]) -> tuple[str, str, str]:
        return json_frame(document(self.context, [], decisions), ["results"], empty=not self.count)
