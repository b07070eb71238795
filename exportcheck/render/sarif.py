"""SARIF 2.1.0 output, so code-scanning UIs show findings on the profile lines."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from exportcheck import __version__
from exportcheck.explain import explanation
from exportcheck.model import Lang, Outcome
from exportcheck.report import CatalogueContext, CheckResult

_LEVELS = {
    Outcome.PROHIBITED: "error",
    Outcome.LICENCE_REQUIRED: "error",
    Outcome.REVIEW: "warning",
}

Part = tuple[dict[str, dict[str, Any]], list[dict[str, Any]]]


def part(result: CheckResult, context: CatalogueContext, lang: Lang) -> Part:
    rules: dict[str, dict[str, Any]] = {}
    results = []
    for f in result.findings:
        rules.setdefault(
            f.rule.id,
            {
                "id": f.rule.id,
                "shortDescription": {"text": f.rule.rationale.get(lang) or f.rule.id},
            },
        )
        pos = f.evidence[0].pos if f.evidence else result.profile.doc.pos()
        results.append(
            {
                "ruleId": f.rule.id,
                "level": _LEVELS[f.outcome],
                "message": {"text": explanation(f, context.regime, lang)},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": {"uri": result.profile.path},
                            "region": {"startLine": pos.line, "startColumn": pos.column},
                        }
                    }
                ],
                "properties": {
                    "outcome": f.outcome.label,
                    "entry": f.view.code,
                    "control_point_id": f.cp_global_id,
                    "basis": f.basis,
                },
            }
        )
    return rules, results


def assemble(
    context: CatalogueContext, parts: Sequence[Part], decisions: Sequence[Outcome], lang: Lang
) -> str:
    rules: dict[str, dict[str, Any]] = {}
    results: list[dict[str, Any]] = []
    for part_rules, part_results in parts:
        for key, value in part_rules.items():
            rules.setdefault(key, value)
        results.extend(part_results)
    doc = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "exportcheck",
                        "version": __version__,
                        "rules": [rules[k] for k in sorted(rules)],
                    }
                },
                "results": results,
            }
        ],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
