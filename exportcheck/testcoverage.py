"""Control-point coverage of the policy tests.

A *unit* is what a rule decides: a control point (``entry#cp``), or an entry as a whole when
its rules implement the entry. A unit is covered when some passing case finds it (positive)
and some passing case names it in ``not_entries`` (negative). Units marked ``manual:`` in the
rules are reported apart: no mechanical test exists for them.
"""

from __future__ import annotations

from exportcheck.catalog import EntryView, materialise, names_control_point, names_entry
from exportcheck.kb import KnowledgeBase
from exportcheck.msgspeclib import msgspec
from exportcheck.policytest import CaseResult


class UnitCoverage(msgspec.Struct, frozen=True):
    unit: str  # entry-id#cp-id or entry-id
    versions: tuple[str, ...]  # versions in which it is in force
    positive: tuple[str, ...]  # case node ids
    negative: tuple[str, ...]
    manual: bool

    @property
    def covered(self) -> bool:
        return self.manual or (bool(self.positive) and bool(self.negative))


class CoverageReport(msgspec.Struct, frozen=True):
    units: tuple[UnitCoverage, ...]
    unexercised_rules: tuple[str, ...]

    @property
    def percent(self) -> float:
        counted = [u for u in self.units if not u.manual]
        if not counted:
            return 100.0
        return 100.0 * sum(u.covered for u in counted) / len(counted)

    def missing(self) -> tuple[UnitCoverage, ...]:
        return tuple(u for u in self.units if not u.covered)


def _units(kb: KnowledgeBase) -> dict[str, set[str]]:
    """Every unit in force in some decision version, with those versions."""
    entry_level = {r.entry_id for r in kb.rules if r.cp_id is None}
    units: dict[str, set[str]] = {}
    for version in kb.catalogue.regime.decision_versions:
        for view in materialise(kb.catalogue, version.id):
            keys = [cp.global_id for cp in view.control_points]
            if view.entry.id in entry_level or not keys:
                keys.append(view.entry.id)
            for key in keys:
                units.setdefault(key, set()).add(version.id)
    return units


def coverage(kb: KnowledgeBase, results: list[CaseResult]) -> CoverageReport:
    units = _units(kb)
    manual = {m.entry_id if m.cp_id is None else f"{m.entry_id}#{m.cp_id}" for m in kb.manual}
    passing = [r for r in results if not r.failures]
    exercised: set[str] = set()
    positive: dict[str, list[str]] = {}
    negative: dict[str, list[str]] = {}
    for result in passing:
        for finding in result.result.findings:
            exercised.add(finding.rule.id)
            key = finding.cp_global_id if finding.rule.cp_id else finding.view.entry.id
            positive.setdefault(key or finding.view.entry.id, []).append(result.case.node_id)
        views = kb.for_version(result.context.version.id).views
        for ref in result.case.not_entries:
            for key in _refs_to_units(ref, views):
                negative.setdefault(key, []).append(result.case.node_id)
    report_units = tuple(
        UnitCoverage(
            key,
            tuple(sorted(versions)),
            tuple(positive.get(key, ())),
            tuple(negative.get(key, ())),
            key in manual,
        )
        for key, versions in sorted(units.items())
    )
    unexercised = tuple(sorted(r.id for r in kb.rules if r.id not in exercised))
    return CoverageReport(report_units, unexercised)


def _refs_to_units(ref: str, views: dict[str, EntryView]) -> list[str]:
    """Units a ``not_entries`` reference speaks for, in one version."""
    head, _, tail = ref.partition("#")
    out = []
    for view in views.values():
        if not names_entry(head, view):
            continue
        if not tail:
            out.append(view.entry.id)
            out.extend(cp.global_id for cp in view.control_points)
        else:
            out.extend(
                cp.global_id
                for cp in view.control_points
                if names_control_point(tail, cp, view.version)
            )
    return out
