"""Plain-text output for analysts on a terminal."""

from __future__ import annotations

from collections.abc import Sequence

from exportcheck.decision import consequence_for
from exportcheck.explain import basis_key, cp_label, decision_label, evidence_phrase, explanation
from exportcheck.facts import Evidence
from exportcheck.messages import msg
from exportcheck.model import Lang, Outcome
from exportcheck.report import CatalogueContext, CheckResult, summarize


def header(context: CatalogueContext, lang: Lang) -> str:
    cov = context.coverage
    coverage = msg(
        "coverage",
        lang,
        encoded=cov.encoded,
        expected=cov.expected or "?",
        complete="" if cov.complete else msg("coverage.incomplete", lang),
    )
    as_of = msg("header.as_of", lang, date=context.as_of.isoformat()) if context.as_of else ""
    return msg(
        "header",
        lang,
        regime=context.regime.id,
        version=context.version.id,
        instrument=context.version.instrument.get(lang),
        as_of=as_of,
        coverage=coverage,
    )


_SHOWN = 5  # evidence lines per finding; JSON lists them all


def evidence_lines(evidence: Sequence[Evidence], shown: int, pad: str, lang: Lang) -> list[str]:
    """The first ``shown`` pieces of evidence with their positions, and how many more."""
    lines = [f"{pad}{evidence_phrase(e, lang)}  ({e.pos})" for e in evidence[:shown]]
    if len(evidence) > shown:
        lines.append(f"{pad}{msg('evidence.more', lang, count=len(evidence) - shown)}")
    return lines


def part(result: CheckResult, context: CatalogueContext, lang: Lang) -> list[str]:
    label = decision_label(result, lang, complete=context.coverage.complete)
    lines = [f"{result.profile.path}: {result.profile.id}: {label}"]
    for f in result.findings:
        code = f.view.code or msg("entry.nocode", lang)
        where = cp_label(f, lang) if f.control_point else "-"
        lines.append(
            f"  [{f.outcome.label}] {code} {f.view.entry.name.get(lang)} / {where} "
            f"({msg(f'basis.{basis_key(f)}', lang)}; {msg('label.rule', lang)} {f.rule.id})"
        )
        lines.extend(evidence_lines(f.evidence, _SHOWN, "      ", lang))
        lines.append(f"      {explanation(f, context.regime, lang)}")
        lines.append(
            f"      {msg('label.rule', lang)}: {f.rule.pos}  {msg('label.catalogue', lang)}: "
            f"{f.control_point.pos if f.control_point else f.view.entry.pos}"
        )
    consequence = consequence_for(result, context, lang)
    if consequence.consequence:
        lines.append(f"  => {consequence.consequence}")
    lines.extend(f"  {msg('label.note', lang)}: {note}" for note in consequence.notes)
    lines.extend(f"  {i}. {step}" for i, step in enumerate(consequence.next_steps, 1))
    return lines


class Document:
    def __init__(self, context: CatalogueContext, lang: Lang) -> None:
        self.context = context
        self.lang: Lang = lang

    def add(self, part: list[str]) -> str:
        return "".join(line + "\n" for line in part)

    def head(self) -> str:
        return header(self.context, self.lang) + "\n"

    def tail(self, decisions: Sequence[Outcome]) -> str:
        summary = summarize(decisions).items()
        return ", ".join(f"{msg(f'summary.{k}', self.lang)}: {v}" for k, v in summary) + "\n"
