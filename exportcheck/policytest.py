"""Policy tests: named cases (a profile, a date, expectations) that pin the rules' behaviour.

Public API: :func:`load_policy_file` and :func:`run_case` are what ``exportcheck test`` and
the pytest plugin use, so users test their own rules the same way.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from exportcheck.api import catalogue_context, check_profile
from exportcheck.catalog import names_control_point, names_entry
from exportcheck.diagnostics import Diagnostic, Severity, SourcePos, did_you_mean
from exportcheck.errors import InputError
from exportcheck.evaluate import Finding
from exportcheck.kb import KnowledgeBase
from exportcheck.messages import msg
from exportcheck.model import Lang, Outcome
from exportcheck.msgspeclib import msgspec
from exportcheck.profile import Profile, load_profile_file, profile_from_document
from exportcheck.report import CatalogueContext, CheckResult
from exportcheck.schema import check_document
from exportcheck.yamlsafe import Document, load_file

# Fixed "today" for cases without as_of, so a test's meaning does not drift with the clock.
DEFAULT_AS_OF = dt.date(2025, 9, 1)


class EntryExpectation(msgspec.Struct, frozen=True):
    ref: str
    basis: str | None = None
    outcome: str | None = None

    def matches(self, finding: Finding) -> bool:
        if not ref_matches(self.ref, finding):
            return False
        if self.basis is not None and finding.basis != self.basis:
            return False
        return self.outcome is None or finding.outcome.label == self.outcome


class PolicyCase(msgspec.Struct, frozen=True):
    file: str
    name: str
    profile: Profile
    as_of: dt.date | None
    catalog_version: str | None
    todo: str | None
    decision: Outcome | None
    entries: tuple[EntryExpectation, ...]
    not_entries: tuple[str, ...]
    pos: SourcePos

    @property
    def node_id(self) -> str:
        return f"{self.file}::{self.name}"


class Failure(msgspec.Struct, frozen=True):
    """One way a case failed, kept as data so it can be said in either language."""

    key: str  # decision | entry | not_entry | actual | actual_none
    values: dict[str, str]

    def text(self, lang: Lang = "en") -> str:
        return msg(f"test.{self.key}", lang, **self.values)


class CaseResult(msgspec.Struct, frozen=True):
    case: PolicyCase
    context: CatalogueContext
    result: CheckResult
    failures: tuple[str, ...]  # in English: the JSON and JUnit reports carry these
    details: tuple[Failure, ...] = ()  # the same, as data, for --lang

    @property
    def status(self) -> str:
        if self.case.todo:
            return "todo-passes" if not self.failures else "todo"
        return "pass" if not self.failures else "fail"

    @property
    def failed(self) -> bool:
        return self.status == "fail"


def ref_matches(ref: str, finding: Finding) -> bool:
    """``CODE``, ``CODE#N``, ``entry-id`` or ``entry-id#cp-id`` against a finding."""
    head, _, tail = ref.partition("#")
    view = finding.view
    if not names_entry(head, view):
        return False
    if not tail:
        return True
    cp = finding.control_point
    return cp is not None and names_control_point(tail, cp, view.version)


def _entry_expectations(raw: list[Any]) -> tuple[EntryExpectation, ...]:
    out = []
    for item in raw:
        if isinstance(item, str):
            out.append(EntryExpectation(item))
        else:
            out.append(EntryExpectation(item["entry"], item.get("basis"), item.get("outcome")))
    return tuple(out)


def _case_profile(doc: Document, index: int, raw: Any, kb: KnowledgeBase) -> Profile:
    if isinstance(raw, str):
        path = Path(doc.path).parent / raw
        if not path.is_file():
            raise InputError(
                [
                    Diagnostic(
                        "E601",
                        "missing-profile",
                        f"profile file {raw!r} not found",
                        doc.pos(["cases", index, "profile"]),
                        "paths are relative to the test file",
                    )
                ]
            )
        return load_profile_file(path, kb.vocabulary)
    base = ("cases", index, "profile")
    inline = Document(doc.path, raw, lambda p: doc.locator((*base, *p)))
    return profile_from_document(inline, kb.vocabulary)


def load_policy_file(
    path: Path, kb: KnowledgeBase, *, verbose: bool = False
) -> tuple[list[PolicyCase], list[Diagnostic]]:
    """All cases of a policy-test file; problems are returned, one bad case does not hide others."""
    try:
        doc = load_file(path)
    except InputError as exc:
        return [], list(exc.diagnostics)
    problems = check_document(doc, "test", verbose=verbose)
    if problems:
        return [], problems
    cases: list[PolicyCase] = []
    names: set[str] = set()
    for i, raw in enumerate(doc.data["cases"]):
        if raw["name"] in names:
            problems.append(
                Diagnostic(
                    "E602",
                    "duplicate-case",
                    f"case name {raw['name']!r} is used twice",
                    doc.pos(["cases", i, "name"]),
                )
            )
            continue
        names.add(raw["name"])
        try:
            profile = _case_profile(doc, i, raw["profile"], kb)
        except InputError as exc:
            problems.extend(exc.diagnostics)
            continue
        expect = raw["expect"]
        as_of, version_id, when_problems = _case_when(doc, i, raw, kb)
        reference_problems = _reference_problems(doc, i, expect, kb)
        problems.extend([*reference_problems, *when_problems])
        if version_id is None or reference_problems:
            continue
        problems.extend(_vacuous_exclusions(doc, i, expect, kb, version_id))
        cases.append(
            PolicyCase(
                file=str(path),
                name=raw["name"],
                profile=profile,
                as_of=as_of,
                catalog_version=raw.get("catalog_version"),
                todo=raw.get("todo"),
                decision=Outcome.parse(expect["decision"]) if "decision" in expect else None,
                entries=_entry_expectations(expect.get("entries") or []),
                not_entries=tuple(expect.get("not_entries") or ()),
                pos=doc.pos(["cases", i]),
            )
        )
    return cases, problems


def _case_when(
    doc: Document, index: int, raw: dict[str, Any], kb: KnowledgeBase
) -> tuple[dt.date | None, str | None, list[Diagnostic]]:
    """A case's ``as_of`` and the catalogue version it runs in (DEFAULT_AS_OF's when it gives
    neither date nor version), checked where they are written: a real date, in the range the
    catalogue covers; a known version. The version is None when there is a problem."""
    as_of = None
    if raw.get("as_of"):
        try:
            as_of = dt.date.fromisoformat(raw["as_of"])
        except ValueError as exc:
            problem = Diagnostic(
                "E603",
                "invalid-date",
                f"as_of {raw['as_of']!r} is not a calendar date ({exc})",
                doc.pos(["cases", index, "as_of"]),
                "write a real date as YYYY-MM-DD",
            )
            return None, None, [problem]
    version_id = raw.get("catalog_version")
    when = as_of if as_of or version_id else DEFAULT_AS_OF
    try:
        context = catalogue_context(kb, as_of=when, version_id=version_id)
    except InputError as exc:
        where = doc.pos(["cases", index, "as_of" if as_of is not None else "catalog_version"])
        moved = [
            Diagnostic(d.code, d.name, d.message, where, d.hint, d.severity)
            for d in exc.diagnostics
        ]
        return as_of, None, moved
    return as_of, context.version.id, []


def _reference_problems(
    doc: Document, index: int, expect: dict[str, Any], kb: KnowledgeBase
) -> list[Diagnostic]:
    """Every entry an expectation names must exist: a misspelt code in not_entries would
    otherwise make a negative case pass for ever."""
    problems = []
    refs = [
        (key, i, item if isinstance(item, str) else item["entry"])
        for key in ("entries", "not_entries")
        for i, item in enumerate(expect.get(key) or ())
    ]
    for key, i, ref in refs:
        message, hint = _unknown_reference(ref, kb)
        if message:
            where = doc.pos(["cases", index, "expect", key, i])
            problems.append(Diagnostic("E604", "unknown-reference", message, where, hint))
    return problems


def _vacuous_exclusions(
    doc: Document, index: int, expect: dict[str, Any], kb: KnowledgeBase, version_id: str
) -> list[Diagnostic]:
    """A ``not_entries`` code is matched as the code of the case's catalogue version: a code
    the entry had in another version (053302J for 083201J) can never be found, so the case
    could not fail on it. Said, since the author most likely meant the entry."""
    problems = []
    for i, ref in enumerate(expect.get("not_entries") or ()):
        head = ref.partition("#")[0]
        for entry in kb.find_entries(head):
            current = entry.code(version_id)
            if head == entry.id or head.upper() == (current or ""):
                continue
            now = f"it is {current}" if current else "its code is not known"
            problems.append(
                Diagnostic(
                    "W605",
                    "vacuous-exclusion",
                    f"{head} is not the code of {entry.id} in catalogue {version_id} ({now}): "
                    "this exclusion can never fail",
                    doc.pos(["cases", index, "expect", "not_entries", i]),
                    f"to exclude the entry in any version write its id, {entry.id!r}",
                    Severity.WARNING,
                )
            )
    return problems


def _unknown_reference(ref: str, kb: KnowledgeBase) -> tuple[str | None, str | None]:
    head, _, tail = ref.partition("#")
    entries = kb.find_entries(head)
    if not entries:
        known = sorted(
            {e.id for e in kb.catalogue.entries}
            | {c for e in kb.catalogue.entries for c in e.all_codes()}
        )
        return f"no catalogue entry is named {head!r}", did_you_mean(head, known) or (
            "use a code of any version or an entry id (exportcheck catalog list)"
        )
    if not tail:
        return None, None
    versions = [v.id for v in kb.catalogue.regime.versions]
    points = [cp for e in entries for cp in e.control_points]
    if any(names_control_point(tail, cp, v) for cp in points for v in versions):
        return None, None
    ids = sorted({cp.id for cp in points})
    return (
        f"{head} has no control point {tail!r} in any version",
        did_you_mean(tail, ids) or f"known: {', '.join(ids) or 'none encoded'}",
    )


def _describe(finding: Finding) -> str:
    code = finding.view.code or finding.view.entry.id
    number = f"#{finding.number}" if finding.number is not None else ""
    cp = finding.cp_global_id or "(entry)"
    return f"{code}{number} {cp} {finding.outcome.label} ({finding.basis})"


def run_case(kb: KnowledgeBase, case: PolicyCase) -> CaseResult:
    as_of = case.as_of if case.as_of or case.catalog_version else DEFAULT_AS_OF
    context = catalogue_context(kb, as_of=as_of, version_id=case.catalog_version)
    result = check_profile(kb, case.profile, context.version.id)
    failures: list[Failure] = []
    if case.decision is not None and result.decision is not case.decision:
        failures.append(
            Failure("decision", {"want": case.decision.label, "got": result.decision.label})
        )
    for want in case.entries:
        if not any(want.matches(f) for f in result.findings):
            extra = "".join(
                f", {k} {v}" for k, v in (("basis", want.basis), ("outcome", want.outcome)) if v
            )
            failures.append(Failure("entry", {"ref": want.ref, "extra": extra}))
    for ref in case.not_entries:
        hits = [f for f in result.findings if ref_matches(ref, f)]
        if hits:
            failures.append(Failure("not_entry", {"ref": ref, "found": _describe(hits[0])}))
    if failures:
        actual = ", ".join(_describe(f) for f in result.findings)
        failures.append(
            Failure(
                "actual" if actual else "actual_none",
                {
                    "version": context.version.id,
                    "decision": result.decision.label,
                    "findings": actual,
                },
            )
        )
    return CaseResult(case, context, result, tuple(f.text() for f in failures), tuple(failures))
