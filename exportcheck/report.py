"""Check results as data: per profile and per run, with the summary and the --fail-on policy.

Nothing here prints; renderers turn these into text, JSON, Markdown or SARIF.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from enum import StrEnum

from exportcheck.catalog import Coverage
from exportcheck.evaluate import Finding, ThresholdMiss
from exportcheck.facts import Evidence, Facts
from exportcheck.model import Outcome, Regime, Version
from exportcheck.msgspeclib import msgspec
from exportcheck.profile import Profile


class CheckResult(msgspec.Struct, frozen=True):
    profile: Profile
    facts: Facts
    findings: tuple[Finding, ...]
    decision: Outcome
    # Asserted building blocks that no finding used: asserted alone they decide nothing,
    # which an author who meant to assert the technology should be told.
    idle_blocks: tuple[str, ...] = ()
    # (path, words) where the description may deny what a matched term names; a lead all
    # the same (design §2.1), pointed out so the author can write not_capabilities.
    denials: tuple[tuple[str, str], ...] = ()
    # Text indications that a not_capabilities denial kept from counting.
    set_aside: tuple[SetAside, ...] = ()
    # Control points kept out only by a stated parameter value (asserted or in the text).
    threshold_misses: tuple[ThresholdMiss, ...] = ()
    # The findings of a transfer that stays in China (destination CN): no export, so they
    # decide nothing; shown so the analyst sees what an export would need.
    not_exported: tuple[Finding, ...] = ()
    # With no destination given: the words of the text that say the transfer is an import
    # or stays within China (None: the destination said so, or nothing did).
    not_exported_by: Evidence | None = None
    # ... and those words say the technology is held and transferred outside the mainland
    # (Hong Kong, Macao, Taiwan or abroad) with no mainland part in it: not from China at all.
    outside_mainland: bool = False


class SetAside(msgspec.Struct, frozen=True):
    capability: str
    denial: Evidence  # the not_capabilities item
    evidence: tuple[Evidence, ...]  # the words in the text it kept out


class CatalogueContext(msgspec.Struct, frozen=True):
    regime: Regime
    version: Version
    as_of: dt.date | None
    coverage: Coverage


class CheckReport(msgspec.Struct, frozen=True):
    context: CatalogueContext
    results: tuple[CheckResult, ...]

    def summary(self) -> dict[str, int]:
        return summarize([r.decision for r in self.results])


def summarize(decisions: Sequence[Outcome]) -> dict[str, int]:
    counts = {"profiles": len(decisions)}
    for outcome in sorted(Outcome, reverse=True):
        counts[outcome.label] = sum(1 for d in decisions if d is outcome)
    return counts


class FailOn(StrEnum):
    PROHIBITED = "prohibited"
    LICENCE_REQUIRED = "licence-required"
    REVIEW = "review"
    NEVER = "never"

    def reached(self, decision: Outcome) -> bool:
        if self is FailOn.NEVER:
            return False
        return decision >= Outcome.parse(self.value)


def exit_code(decisions: Sequence[Outcome], fail_on: FailOn) -> int:
    """0: no profile reached the level; 1: at least one did (design §4)."""
    return 1 if any(fail_on.reached(d) for d in decisions) else 0
