"""The legal consequence of a decision and what to do next, from the regime's data.

The words come from ``regime.yaml`` (the law as data); this module only chooses them: which
outcome, whether coverage is incomplete, which transfer mode, whether dual-use applies.
"""

from __future__ import annotations

from exportcheck.evaluate import Finding, ThresholdMiss
from exportcheck.explain import cp_label, not_exported_reason
from exportcheck.facts import Evidence
from exportcheck.messages import msg
from exportcheck.model import Lang, Outcome, Regime
from exportcheck.msgspeclib import msgspec
from exportcheck.report import CatalogueContext, CheckResult


class Consequence(msgspec.Struct, frozen=True):
    outcome: Outcome
    consequence: str
    next_steps: tuple[str, ...]
    notes: tuple[str, ...]
    legal_basis: tuple[str, ...]


def _free_note(context: CatalogueContext, lang: Lang) -> str | None:
    """What a free decision rests on. While coverage is incomplete the consequence already
    says it (free.incomplete, with the counts): only the regime's own caution is added."""
    if context.coverage.complete:
        return msg("free.complete", lang)
    outcome = context.regime.outcomes.get("free")
    return (
        outcome.free_while_incomplete.get(lang)
        if outcome and outcome.free_while_incomplete
        else None
    )


def _transfer_note(regime: Regime, result: CheckResult, lang: Lang) -> str | None:
    transfer = result.profile.transfer
    if transfer is None or transfer.mode is None:
        return None
    why = regime.transfer_modes.get(transfer.mode)
    if why is None:
        return None
    return msg("transfer", lang, mode=msg(f"mode.{transfer.mode}", lang), why=why.get(lang))


def legal_date(context: CatalogueContext) -> str:
    """The date whose law applies: the ``--as-of`` date, else the version's date in force."""
    return context.as_of.isoformat() if context.as_of else context.version.in_force


def _where(evidence: Evidence) -> str:
    """Where a piece of evidence stands, as the notes quote it: "summary, 4:42"."""
    return f"{evidence.path}, {evidence.pos.line}:{evidence.pos.column}"


def _point(item: Finding | ThresholdMiss, lang: Lang) -> str:
    """The entry and control point a note names: "252604X control point 1"."""
    code = item.view.code or item.view.entry.id
    return f"{code} {cp_label(item, lang)}" if item.control_point else code


def _threshold_note(miss: ThresholdMiss, result: CheckResult, lang: Lang) -> str:
    values = []
    for leaf in miss.failed:
        test = leaf.condition.parameter
        assert test is not None  # a failed parameter test
        fact = result.facts.parameters[test.id]
        values.append(
            msg(
                "threshold.value",
                lang,
                parameter=test.id,
                stated=fact.stated,
                threshold=f"{test.op} {test.value:g} {test.unit}".strip(),
                where=_where(fact.evidence),
            )
        )
    return msg(
        "note.threshold",
        lang,
        point=_point(miss, lang),
        rule=miss.rule.id,
        values=("; " if lang == "en" else "；").join(values),
    )


def _domestic_note(result: CheckResult, lang: Lang) -> str:
    """What a transfer that stays in China would meet abroad, and what said it stays: the
    destination CN, or the description's words."""
    listed = "; ".join(f"{_point(f, lang)} ({f.outcome.label})" for f in result.not_exported)
    by = result.not_exported_by
    if by is None:
        return msg("note.domestic", lang, listed=listed)
    if result.outside_mainland:
        return msg("note.outside_text", lang, quoted=by.text, where=_where(by), listed=listed)
    transfer = result.profile.transfer
    if transfer is not None and transfer.destination is not None:
        return msg(
            "note.inbound_text",
            lang,
            destination=transfer.destination,
            quoted=by.text,
            where=_where(by),
            listed=listed,
        )
    return msg("note.domestic_text", lang, quoted=by.text, where=_where(by), listed=listed)


def consequence_for(result: CheckResult, context: CatalogueContext, lang: Lang) -> Consequence:
    regime = context.regime
    on = legal_date(context)
    text = regime.outcomes.get(result.decision.label)
    notes: list[str] = []
    domestic = bool(result.not_exported)  # no export: neither coverage nor registration applies
    free_note = (
        _free_note(context, lang) if result.decision is Outcome.FREE and not domestic else None
    )
    if free_note:
        notes.append(free_note)
    transfer = _transfer_note(regime, result, lang)
    if transfer and result.decision is not Outcome.FREE:
        notes.append(transfer)
    if result.not_exported:
        notes.append(_domestic_note(result, lang))
    for aside in result.set_aside:
        quoted = "; ".join(f"\u201c{e.text}\u201d ({_where(e)})" for e in aside.evidence)
        notes.append(
            msg(
                "note.set_aside" if quoted else "note.denied_unused",
                lang,
                capability=aside.capability,
                where=_where(aside.denial),
                quoted=quoted,
            )
        )
    negated = [
        f"\u201c{n.words}\u201d ({_where(n.evidence)} \u2192 {cap})"
        for cap, n in result.facts.negated_mentions()
    ]
    if negated:
        notes.append(msg("note.negations", lang, quoted="; ".join(negated)))
    if result.denials:
        quoted = "; ".join(f"\u201c{words}\u201d ({path})" for path, words in result.denials)
        notes.append(msg("note.denials", lang, quoted=quoted))
    notes.extend(_threshold_note(miss, result, lang) for miss in result.threshold_misses)
    if result.idle_blocks:
        notes.append(msg("note.idle_blocks", lang, capabilities=", ".join(result.idle_blocks)))
    if text:
        notes.extend(n.text.get(lang) for n in text.notes if n.applies(on))
    # The announcements move dual-use technology to the export-control regime: any listed
    # technology deserves that second screen (legal frame §7), in the wording of the date
    # (the Export Control Law is in force from 2020-12-01, its regulation from 2024-12-01).
    dual_use = [d.text.get(lang) for d in regime.dual_use if d.applies(on)]
    if dual_use and result.findings:
        notes.append(msg("dual_use", lang, text=" ".join(dual_use)))
    consequence = text.consequence.get(lang) if text else ""
    if result.not_exported:
        consequence = msg(f"free.{not_exported_reason(result)}", lang)
    elif result.decision is Outcome.FREE and not context.coverage.complete:
        # Design §6: while coverage is incomplete, free is worded as "no listed technology
        # found in the encoded part", and what follows only if it is not listed elsewhere.
        cov = context.coverage
        found = msg("free.incomplete", lang, encoded=cov.encoded, expected=cov.expected or "?")
        space = "" if lang == "zh" else " "
        consequence = f"{found}{space}{msg('free.if_unlisted', lang, consequence=consequence)}"
    return Consequence(
        outcome=result.decision,
        consequence=consequence,
        next_steps=tuple(s.text.get(lang) for s in text.next_steps if s.applies(on))
        if text and not domestic
        else (),
        notes=tuple(notes),
        legal_basis=text.legal_basis if text else (),
    )
