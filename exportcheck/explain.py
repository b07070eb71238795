"""Explanations as data: the one-paragraph *why* of a finding, and condition trees.

Everything cites where it came from: evidence carries profile positions, rules and control
points carry catalogue/rule file positions, the version carries its announcement.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from exportcheck.diagnostics import SourcePos
from exportcheck.evaluate import TEXT_EXCEPTION, Finding, ThresholdMiss, Trace
from exportcheck.facts import Evidence, Truth
from exportcheck.messages import join, msg
from exportcheck.model import Lang, Outcome, Regime
from exportcheck.msgspeclib import msgspec

if TYPE_CHECKING:
    from exportcheck.report import CheckResult


def evidence_phrase(evidence: Evidence, lang: Lang) -> str:
    if evidence.term is not None:
        # Quoted on one line: a term that a summary wraps ("recommendation\n  engine") would
        # break the report's layout. (JSON evidence keeps the words exactly as written.)
        text = " ".join(evidence.text.split())
        return msg("evidence.text", lang, path=evidence.path, text=text, term=evidence.term)
    return msg("evidence.value", lang, path=evidence.path, text=evidence.text)


def cp_label(finding: Finding | ThresholdMiss, lang: Lang) -> str:
    """The control point as a reader finds it: its number in the version, or that the number
    is not established."""
    number = finding.number
    if number is not None:
        return msg("cp.number", lang, number=number)
    return msg("cp.unnumbered", lang, version=finding.view.version)


def _reasons(finding: Finding, lang: Lang) -> str:
    parts: list[str] = []
    for cap in finding.caps:
        if cap == "unknown":
            parts.extend(msg("reason.unknown", lang, what=u) for u in finding.unknown)
        elif cap == "entry-level" and finding.view.control_points:
            # Other control points of the entry are encoded; this rule covers the rest.
            parts.append(msg("reason.entry-part", lang))
        else:
            parts.append(msg(f"reason.{cap}", lang, version=finding.view.version))
    return join(parts, lang)


_TEXT_PATHS = ("title", "summary")


def decision_label(
    result: CheckResult, lang: Lang, *, complete: bool = True, upper: bool = True
) -> str:
    """The decision as scripts grep for it (LICENCE-REQUIRED; ``upper`` False: as Markdown
    headings write it), with the Chinese words in Chinese output: 需申领许可证（LICENCE-REQUIRED）.
    A free decision says what it rests on: a transfer within China (no export: the destination
    CN, or the description's words with no destination given), or while coverage is
    incomplete (design §6), none found in the encoded part."""
    decision = result.decision
    label = decision.label.upper()
    if lang == "zh":
        text = f"{msg(f'decision.{decision.label}', lang)}（{label}）"
    else:
        text = label if upper else decision.label
    if decision is Outcome.FREE and result.not_exported:
        text += msg(f"label.free_{not_exported_reason(result)}", lang)
    elif decision is Outcome.FREE and not complete:
        text += msg("label.free_incomplete", lang)
    return text


def not_exported_reason(result: CheckResult) -> str:
    """What says a transfer is no export from China, as the messages name it: the destination
    CN (``domestic``), the description's words of an import or a transfer within China
    (``domestic_text``), or its words of technology held outside the mainland
    (``outside_text``)."""
    if result.outside_mainland:
        return "outside_text"
    return "domestic" if result.not_exported_by is None else "domestic_text"


def basis_key(finding: Finding) -> str:
    """``indicated`` findings often rest on asserted facts too (an asserted capability
    with a building block found in the text): say so rather than "text indications"."""
    if finding.basis == "indicated" and any(e.path not in _TEXT_PATHS for e in finding.evidence):
        return "mixed"
    return finding.basis


def explanation(finding: Finding, regime: Regime, lang: Lang) -> str:
    """One paragraph: entry, control point, rule, evidence, outcome, provenance."""
    view = finding.view
    version = regime.version(view.version)
    instrument = version.instrument.get(lang) if version else view.version
    code = view.code or msg("entry.nocode", lang)
    klass = msg(f"class.{view.entry.klass}", lang)
    name = view.entry.name.get(lang)
    if finding.control_point is None:
        head = msg(
            "finding.entry_part_head" if view.control_points else "finding.entry_head",
            lang,
            code=code,
            name=name,
            klass=klass,
            version=view.version,
            instrument=instrument,
        )
        fact_confidence, sources = view.entry.confidence, view.entry.sources
    else:
        cp = finding.control_point
        head = msg(
            "finding.head",
            lang,
            code=code,
            name=name,
            klass=klass,
            version=view.version,
            instrument=instrument,
            cp=cp_label(finding, lang),
            cp_text=cp.text.get(lang),
        )
        fact_confidence, sources = cp.confidence, cp.sources or view.entry.sources
    evidence = [evidence_phrase(e, lang) for e in finding.evidence[:5]] or [
        msg("evidence.none", lang)
    ]
    parts = [
        head,
        msg(
            "finding.rule",
            lang,
            rule=finding.rule.id,
            basis=msg(f"basis.{basis_key(finding)}", lang),
            evidence=join(evidence, lang),
        ),
        msg("finding.outcome", lang, outcome=msg(f"outcome.{finding.outcome.label}", lang)),
    ]
    if finding.caps:
        parts.append(msg("finding.capped", lang, reasons=_reasons(finding, lang)))
    parts.append(
        msg(
            "finding.provenance",
            lang,
            confidence=msg(f"confidence.{fact_confidence}", lang),
            sources=", ".join(sources) or "-",
        )
    )
    return " ".join(parts)


class TreeLine(msgspec.Struct, frozen=True):
    depth: int
    mark: str  # ✓ satisfied, ✗ not satisfied, ? unknown
    label: str
    note: str
    evidence: tuple[Evidence, ...]
    pos: SourcePos


_MARKS = {Truth.FALSE: "✗", Truth.UNKNOWN: "?", Truth.INDICATED: "✓", Truth.ASSERTED: "✓"}


def tree_lines(trace: Trace, lang: Lang, depth: int = 0) -> list[TreeLine]:
    cond = trace.condition
    label: str
    if cond.kind in ("all", "any", "not"):
        label = msg(f"cond.{cond.kind}", lang)
        note = msg(f"note.{trace.note}", lang) if trace.note == TEXT_EXCEPTION else ""
    else:
        label = f"{msg(f'cond.{cond.kind}', lang)} {trace.detail}"
        note = msg(f"note.{trace.note}", lang)
    lines = [TreeLine(depth, _MARKS[trace.truth], label, note, trace.evidence, cond.pos)]
    for child in trace.children:
        lines.extend(tree_lines(child, lang, depth + 1))
    return lines


def truth_word(truth: Truth, lang: Lang) -> str:
    key = {Truth.FALSE: "trace.false", Truth.UNKNOWN: "trace.unknown"}.get(truth, "trace.true")
    return msg(key, lang)
