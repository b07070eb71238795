"""SARIF 2.1.0 output, so code-scanning UIs show findings on the profile lines."""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Any

from exportcheck import __version__
from exportcheck.decision import legal_date
from exportcheck.explain import explanation
from exportcheck.model import Lang, Outcome
from exportcheck.render import json_frame, json_item
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
        first = f.evidence[0] if f.evidence else None
        pos = first.pos if first else result.profile.doc.pos()
        region: dict[str, Any] = {"startLine": pos.line, "startColumn": pos.column}
        if first is not None:
            region["snippet"] = {"text": first.text}  # the words, as written in the profile
        results.append(
            {
                "ruleId": f.rule.id,
                "level": _LEVELS[f.outcome],
                "message": {"text": explanation(f, context.regime, lang)},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": {"uri": artifact_uri(result.profile.path)},
                            "region": region,
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


def artifact_uri(path: str) -> str:
    """A file path as a SARIF URI reference: percent-encoded (spaces, brackets, bytes of a
    name that is not UTF-8), with "/" kept."""
    from urllib.parse import quote

    return quote(os.fsencode(path), safe="/")


class Document:
    """SARIF streamed: results are dumped one at a time; the rules they used (a bounded set)
    are kept and listed in the head, which is written once all results are in."""

    def __init__(self, context: CatalogueContext, lang: Lang) -> None:
        self.context = context
        self.rules: dict[str, dict[str, Any]] = {}
        self.count = 0
        _, self.indent, _ = self._frame()

    def add(self, part: Part) -> str:
        part_rules, part_results = part
        for key, value in part_rules.items():
            self.rules.setdefault(key, value)
        texts = []
        for result in part_results:
            self.count += 1
            texts.append(json_item(result, self.indent, first=self.count == 1))
        return "".join(texts)

    def head(self) -> str:
        return self._frame()[0]

    def tail(self, decisions: Sequence[Outcome]) -> str:
        return self._frame()[2] + "\n"

    def _frame(self) -> tuple[str, str, str]:
        return json_frame(self._skeleton(), ["runs", 0, "results"], empty=not self.count)

    def _skeleton(self) -> dict[str, Any]:
        return {
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [
                {
                    "tool": {
                        "driver": {
                            "name": "exportcheck",
                            "version": __version__,
                            "rules": [self.rules[k] for k in sorted(self.rules)],
                        }
                    },
                    "results": [],
                    # Columns count characters (code points), not UTF-16 units: said, so a
                    # viewer places them right after an emoji or a CJK Extension B character.
                    "columnKind": "unicodeCodePoints",
                    # Which catalogue answered: a result means nothing without it.
                    "properties": {
                        "catalogue": {
                            "regime": self.context.regime.id,
                            "version": self.context.version.id,
                            "in_force": self.context.version.in_force,
                            "as_of": legal_date(self.context),
                        }
                    },
                }
            ],
        }
