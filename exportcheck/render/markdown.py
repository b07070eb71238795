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


def part(result: CheckResult, context: CatalogueContext, lang: Lang) -> list[str]:
    heading = decision_label(result.decision, lang) if lang == "zh" else result.decision.label
    if result.decision is Outcome.FREE and not context.coverage.complete:
        heading += msg("label.free_incomplete", lang)  # design §6
    out = [
        f"## `{result.profile.id}`: **{heading}**",
        "",
        f"Profile: `{result.profile.path}`",
        "",
    ]
    if result.findings:
        out += ["| outcome | entry | control point | basis | rule |", "|---|---|---|---|---|"]
        for f in result.findings:
            code = f.view.code or msg("entry.nocode", lang)
            cp = (
                f"{cp_label(f, lang)}: {f.control_point.text.get(lang)}" if f.control_point else "-"
            )
            out.append(
                f"| {f.outcome.label} | {code} {_cell(f.view.entry.name.get(lang))} "
                f"| {_cell(cp)} | {f.basis} | `{f.rule.id}` |"
            )
        out.append("")
        out += [f"- {_cell(explanation(f, context.regime, lang))}" for f in result.findings]
        out.append("")
    consequence = consequence_for(result, context, lang)
    if consequence.consequence:
        out += [f"**Consequence:** {consequence.consequence}", ""]
    out += [f"> {note}" for note in consequence.notes]
    if consequence.notes:
        out.append("")
    out += [f"{i}. {step}" for i, step in enumerate(consequence.next_steps, 1)]
    out.append("")
    return out


class Document(text.Document):
    """The text report's lines, with a Markdown title and summary."""

    def head(self) -> str:
        return f"# exportcheck report\n\n_{header(self.context, self.lang)}_\n\n"

    def tail(self, decisions: Sequence[Outcome]) -> str:
        counts = ", ".join(f"{k} {v}" for k, v in summarize(decisions).items())
        return f"**Summary:** {counts}\n"
