"""Markdown output: for a compliance file or a pull-request comment."""

from __future__ import annotations

from collections.abc import Sequence

from exportcheck.decision import consequence_for
from exportcheck.explain import cp_label, decision_label, explanation
from exportcheck.messages import msg
from exportcheck.model import Lang, Outcome
from exportcheck.render import text
from exportcheck.render.text import header
from exportcheck.report import CatalogueContext, CheckResult, summarize


def _cell(value: str) -> str:
    return value.replace("|", "\\|").replace("\n", " ")


def _outcome_cell(outcome: Outcome, lang: Lang) -> str:
    """The outcome as scripts read it (``review``), with the Chinese words in Chinese output."""
    label = outcome.label
    return f"{msg(f'decision.{label}', lang)}（{label}）" if lang == "zh" else label


def _basis_cell(basis: str, lang: Lang) -> str:
    return f"{msg(f'md.basis.{basis}', lang)}（{basis}）" if lang == "zh" else basis


def part(result: CheckResult, context: CatalogueContext, lang: Lang) -> list[str]:
    heading = decision_label(result, lang, complete=context.coverage.complete, upper=False)
    out = [
        f"## `{result.profile.id}`: **{heading}**",
        "",
        f"{msg('md.profile', lang)}: `{result.profile.path}`",
        "",
    ]
    if result.findings:
        out += [msg("md.table_head", lang), "|---|---|---|---|---|"]
        for f in result.findings:
            code = f.view.code or msg("entry.nocode", lang)
            cp = (
                f"{cp_label(f, lang)}: {f.control_point.text.get(lang)}" if f.control_point else "-"
            )
            out.append(
                f"| {_outcome_cell(f.outcome, lang)} | {code} {_cell(f.view.entry.name.get(lang))} "
                f"| {_cell(cp)} | {_basis_cell(f.basis, lang)} | `{f.rule.id}` |"
            )
        out.append("")
        out += [f"- {_cell(explanation(f, context.regime, lang))}" for f in result.findings]
        out.append("")
    consequence = consequence_for(result, context, lang)
    if consequence.consequence:
        out += [f"**{msg('md.consequence', lang)}:** {consequence.consequence}", ""]
    out += [f"> {note}" for note in consequence.notes]
    if consequence.notes:
        out.append("")
    out += [f"{i}. {step}" for i, step in enumerate(consequence.next_steps, 1)]
    out.append("")
    return out


class Document(text.Document):
    """The text report's lines, with a Markdown title and summary."""

    def head(self) -> str:
        return f"# {msg('md.title', self.lang)}\n\n_{header(self.context, self.lang)}_\n\n"

    def tail(self, decisions: Sequence[Outcome]) -> str:
        counts = ", ".join(f"{k} {v}" for k, v in summarize(decisions).items())
        return f"**{msg('md.summary', self.lang)}:** {counts}\n"
