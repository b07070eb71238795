"""Rules x facts -> findings. Pure: no I/O, no printing.

Conditions are evaluated in three-valued (Kleene) logic extended with the basis of a true
value: ``all`` takes the minimum and ``any`` the maximum of
``FALSE < UNKNOWN < INDICATED < ASSERTED``. ``not`` of an indicated fact is UNKNOWN (text may
not establish an exception either), except in an ``all`` whose other conditions rest on text
too: there the text's exception to its own lead makes it FALSE. Each evaluation keeps a trace
for the explanation.

Because every rule is FALSE on an empty profile (``validate`` enforces it) and Kleene logic is
monotone in information, a rule none of whose capabilities holds is FALSE for any profile (the
text's exception can only make an ``all`` false, never true); so only rules indexed under a
true capability are evaluated.
"""

from __future__ import annotations

from exportcheck.catalog import EntryView
from exportcheck.facts import Evidence, Facts, Truth
from exportcheck.model import (
    Condition,
    Confidence,
    ControlPoint,
    EntryClass,
    Outcome,
    Presence,
    Rule,
)
from exportcheck.msgspeclib import msgspec
from exportcheck.units import compare, convert


class Trace(msgspec.Struct, frozen=True):
    condition: Condition
    truth: Truth
    # asserted | indicated | denied | negated | absent | stated | not-stated | match | …
    note: str
    detail: str
    evidence: tuple[Evidence, ...]
    children: tuple[Trace, ...] = ()
    # Text evidence a denial made this branch ignore (see _denied_parts).
    set_aside: tuple[Evidence, ...] = ()

    def support(self) -> list[Trace]:
        """The leaves that decide this value: for ``any``, only the branches that reach it;
        for a false ``all``, only the false children; otherwise every child."""
        if not self.children:
            return [self]
        kind = self.condition.kind
        if kind == "any" or (kind == "all" and self.truth is Truth.FALSE):
            chosen = [c for c in self.children if c.truth is self.truth]
        else:
            chosen = list(self.children)
        return [leaf for child in chosen for leaf in child.support()]


def _capability(cond: Condition, facts: Facts) -> Trace:
    cap = cond.capability or ""
    if cap in facts.denied:
        return Trace(cond, Truth.FALSE, "denied", cap, (facts.denied[cap],))
    fact = facts.capabilities.get(cap)
    if fact is None:
        negated = facts.negated.get(cap)
        if negated:
            words = "; ".join(f"\u201c{n.words}\u201d" for n in negated)
            evidence = tuple(n.evidence for n in negated)
            return Trace(cond, Truth.FALSE, "negated", f"{cap}: {words}", evidence)
        return Trace(cond, Truth.FALSE, "absent", cap, ())
    note = "asserted" if fact.truth is Truth.ASSERTED else "indicated"
    return Trace(
        cond,
        fact.truth,
        note,
        cap if fact.via is None else f"{cap} (via {fact.via})",
        fact.evidence,
    )


def _parameter(cond: Condition, facts: Facts) -> Trace:
    test = cond.parameter
    assert test is not None
    threshold = f"{test.op} {test.value:g} {test.unit}".strip()
    fact = facts.parameters.get(test.id)
    if fact is None:
        return Trace(cond, Truth.UNKNOWN, "not-stated", f"{test.id} {threshold}", ())
    value = convert(fact.value, fact.unit, test.unit) if test.unit else fact.value
    ok = compare(value, test.op, test.value)
    if fact.at_least and ok != (test.op in (">=", ">")):
        # Only a lower bound is known: it cannot fail a minimum (nor meet a maximum).
        detail = f"{test.id} {threshold} (the description gives {fact.stated})"
        return Trace(cond, Truth.UNKNOWN, "lower-bound", detail, (fact.evidence,))
    detail = f"{test.id} = {fact.stated} {'satisfies' if ok else 'fails'} {threshold}"
    return Trace(
        cond,
        fact.truth if ok else Truth.FALSE,
        "stated" if ok else "fails",
        detail,
        (fact.evidence,),
    )


def _sector(cond: Condition, facts: Facts) -> Trace:
    wanted = ", ".join(cond.sectors)
    if facts.sector is None:
        return Trace(cond, Truth.UNKNOWN, "not-stated", f"sector {wanted}", ())
    code, evidence = facts.sector
    ok = any(code.startswith(prefix) for prefix in cond.sectors)
    return Trace(
        cond,
        Truth.ASSERTED if ok else Truth.FALSE,
        "match" if ok else "mismatch",
        f"sector {code} vs {wanted}",
        (evidence,),
    )


_NOT = {
    Truth.FALSE: Truth.ASSERTED,
    Truth.UNKNOWN: Truth.UNKNOWN,
    Truth.INDICATED: Truth.UNKNOWN,
    Truth.ASSERTED: Truth.FALSE,
}


# The note of an ``all`` made false by the text's own exception to its lead (see
# evaluate_condition), and of the ``not`` that found the exception in the text.
TEXT_EXCEPTION = "text-exception"
_TEXT_NOT = "not-indicated"


def evaluate_condition(cond: Condition, facts: Facts) -> Trace:
    if cond.kind == "capability":
        return _capability(cond, facts)
    if cond.kind == "parameter":
        return _parameter(cond, facts)
    if cond.kind == "sector":
        return _sector(cond, facts)
    children = tuple(evaluate_condition(c, facts) for c in cond.children)
    if cond.kind == "any" and facts.denied:
        children = _denied_parts(children, facts)
    truths = [c.truth for c in children]
    note: str = cond.kind
    if cond.kind == "all":
        truth = min(truths)
        if _text_excepts(children):
            truth, note = Truth.FALSE, TEXT_EXCEPTION
    elif cond.kind == "any":
        truth = max(truths)
    else:
        truth = _NOT[truths[0]]
        note = _TEXT_NOT if truths[0] is Truth.INDICATED else note
    return Trace(cond, truth, note, "", (), children)


def _text_excepts(children: tuple[Trace, ...]) -> bool:
    """Whether an ``all`` rests on text alone and the text names the exception it makes too:
    rearing words beside "杂交一代蚕种", the variety a silkworm point leaves out. The text is
    the only reading of both, and a term it does not hold would be false, so the one it holds
    rules the lead out. (An asserted fact is not ruled out by a hint: then ``not`` of the
    indicated exception stays unknown, and the finding ``review``.)"""
    others = [c.truth for c in children if c.note != _TEXT_NOT]
    return len(others) < len(children) and bool(others) and min(others) is Truth.INDICATED


def _denied_parts(children: tuple[Trace, ...], facts: Facts) -> tuple[Trace, ...]:
    """A denial also covers the capability's building-block form. Rules write a technology
    as ``any: [capability X, all: [parts of X], …]``: when the author denies X, the branches
    that find X by its parts in the text stand for X too, so they count asserted facts only.
    (Only where the ``any`` names exactly one capability: with two, the parts could stand
    for either.)"""
    leaves = [c for c in children if c.condition.kind == "capability"]
    if len(leaves) != 1 or leaves[0].note != "denied":
        return children
    denial = leaves[0]
    asserted = facts.asserted_only()
    out = []
    for child in children:
        if child.condition.kind == "capability" or child.truth <= Truth.UNKNOWN:
            out.append(child)
            continue
        again = evaluate_condition(child.condition, asserted)
        if again.truth >= child.truth:
            out.append(child)
            continue
        aside = tuple(
            e for leaf in child.support() if leaf.truth is Truth.INDICATED for e in leaf.evidence
        )
        out.append(
            Trace(
                child.condition,
                again.truth,
                "denied",
                denial.detail,
                denial.evidence,
                again.children,
                aside,
            )
        )
    return tuple(out)


def set_aside_parts(rules: tuple[Rule, ...], facts: Facts) -> dict[str, tuple[Evidence, ...]]:
    """For each denied capability, the text evidence its building-block form had in ``rules``
    (only looked for when the profile denies something)."""
    found: dict[str, dict[Evidence, None]] = {}
    if not facts.denied:
        return {}
    pending = [evaluate_condition(rule.when, facts) for rule in rules]
    while pending:
        trace = pending.pop()
        if trace.set_aside:
            found.setdefault(trace.detail, {}).update(dict.fromkeys(trace.set_aside))
        pending.extend(trace.children)
    return {cap: tuple(sorted(e, key=Evidence.sort_key)) for cap, e in sorted(found.items())}


# ---------------------------------------------------------------- findings


class Finding(msgspec.Struct, frozen=True):
    view: EntryView
    control_point: ControlPoint | None
    rule: Rule
    trace: Trace
    outcome: Outcome
    basis: str  # asserted | indicated
    caps: tuple[str, ...]  # why the outcome is held at review
    unknown: tuple[str, ...]  # conditions that could not be decided (e.g. parameters not stated)
    evidence: tuple[Evidence, ...]

    @property
    def number(self) -> int | None:
        return self.control_point.number(self.view.version) if self.control_point else None

    @property
    def cp_global_id(self) -> str | None:
        return self.control_point.global_id if self.control_point else None

    def sort_key(self) -> tuple[int, bool, str, str, str]:
        return (
            -self.outcome,
            self.view.code is None,
            self.view.code or "",
            self.view.entry.id,
            self.control_point.id if self.control_point else "",
        )


def _review_reasons(trace: Trace, view: EntryView, cp: ControlPoint | None) -> tuple[str, ...]:
    reasons = []
    if trace.truth is Truth.INDICATED:
        reasons.append("indicated")
    if trace.truth is Truth.UNKNOWN:
        reasons.append("unknown")
    if cp is None:
        reasons.append("entry-level")
    elif cp.confidence is Confidence.INFERRED:
        reasons.append("inferred-control-point")
    elif cp.id in view.later_wording:
        reasons.append("later-wording")
    if view.presence is Presence.UNCERTAIN:
        reasons.append("uncertain-entry")
    if view.entry.confidence is Confidence.INFERRED:
        reasons.append("inferred-entry")
    return tuple(reasons)


def make_finding(rule: Rule, trace: Trace, view: EntryView) -> Finding | None:
    if trace.truth is Truth.FALSE:
        return None
    cp = view.entry.control_point(rule.cp_id) if rule.cp_id else None
    caps = _review_reasons(trace, view, cp)
    full = (
        Outcome.PROHIBITED
        if view.entry.klass is EntryClass.PROHIBITED
        else Outcome.LICENCE_REQUIRED
    )
    support = trace.support()
    basis = "indicated" if any(leaf.truth is Truth.INDICATED for leaf in support) else "asserted"
    unknown = tuple(leaf.detail for leaf in support if leaf.truth is Truth.UNKNOWN)
    evidence = {e for leaf in support if leaf.truth >= Truth.INDICATED for e in leaf.evidence}
    return Finding(
        view,
        cp,
        rule,
        trace,
        Outcome.REVIEW if caps else full,
        basis,
        caps,
        unknown,
        tuple(sorted(evidence, key=Evidence.sort_key)),
    )


def _better(a: Finding, b: Finding) -> Finding:
    key_a = (a.outcome, a.basis == "asserted", a.trace.truth, -len(a.caps), b.rule.id)
    key_b = (b.outcome, b.basis == "asserted", b.trace.truth, -len(b.caps), a.rule.id)
    return a if key_a >= key_b else b


def evaluate_rules(
    rules: tuple[Rule, ...], views: dict[str, EntryView], facts: Facts
) -> tuple[Finding, ...]:
    """One finding per (entry, control point): the strongest rule result."""
    best: dict[tuple[str, str | None], Finding] = {}
    for rule in rules:
        view = views.get(rule.entry_id)
        if view is None:
            continue
        finding = make_finding(rule, evaluate_condition(rule.when, facts), view)
        if finding is None:
            continue
        key = (rule.entry_id, rule.cp_id)
        best[key] = _better(best[key], finding) if key in best else finding
    return tuple(sorted(best.values(), key=Finding.sort_key))


class ThresholdMiss(msgspec.Struct, frozen=True):
    """A control point whose rule fails only on stated parameter values: near enough that
    an analyst should see which value kept it out (design §2.2, "why not")."""

    view: EntryView
    control_point: ControlPoint | None
    rule: Rule
    failed: tuple[Trace, ...]  # the parameter tests that failed, with their evidence

    @property
    def number(self) -> int | None:
        return self.control_point.number(self.view.version) if self.control_point else None


def _leaves(trace: Trace) -> list[Trace]:
    if not trace.children:
        return [trace]
    return [leaf for child in trace.children for leaf in _leaves(child)]


def threshold_misses(
    rules: tuple[Rule, ...],
    views: dict[str, EntryView],
    facts: Facts,
    findings: tuple[Finding, ...],
) -> tuple[ThresholdMiss, ...]:
    """The control points among ``rules`` with no finding whose rule would hold (or stay
    undecided) were its stated parameters unknown: a value kept each of them out."""
    if not facts.parameters:
        return ()
    found = {(f.rule.entry_id, f.rule.cp_id) for f in findings}
    unstated = msgspec.structs.replace(facts, parameters={})
    misses: dict[tuple[str, str | None], ThresholdMiss] = {}
    for rule in rules:
        key = (rule.entry_id, rule.cp_id)
        view = views.get(rule.entry_id)
        if view is None or key in found or key in misses:
            continue
        if not rule.when.parameters() & facts.parameters.keys():
            continue
        trace = evaluate_condition(rule.when, facts)
        if trace.truth is not Truth.FALSE:
            continue
        if evaluate_condition(rule.when, unstated).truth is Truth.FALSE:
            continue  # it fails on its capabilities too
        failed = tuple(leaf for leaf in _leaves(trace) if leaf.note == "fails")
        cp = view.entry.control_point(rule.cp_id) if rule.cp_id else None
        misses[key] = ThresholdMiss(view, cp, rule, failed)
    return tuple(
        sorted(misses.values(), key=lambda m: (m.view.code or "", m.view.entry.id, m.rule.id))
    )


def decide(findings: tuple[Finding, ...]) -> Outcome:
    return max((f.outcome for f in findings), default=Outcome.FREE)
