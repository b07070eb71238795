"""The public API: the few calls the CLI, the pytest plugin and users' scripts build on.

kb = load_knowledge_base()
profile = load_profile(Path("profile.yaml"), kb)
report = check_profiles(kb, [profile], as_of=date(2025, 9, 1))
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from exportcheck.catalog import (
    EntryView,
    coverage,
    names_control_point,
    resolve_version,
)
from exportcheck.denial import denial_cue
from exportcheck.diagnostics import Diagnostic, SourcePos
from exportcheck.errors import InputError
from exportcheck.evaluate import (
    Finding,
    Trace,
    decide,
    evaluate_condition,
    evaluate_rules,
    make_finding,
    set_aside_parts,
    threshold_misses,
)
from exportcheck.facts import (
    Evidence,
    Facts,
    gather_facts,
    text_evidence,
    with_stated_quantities,
)
from exportcheck.kb import KnowledgeBase, load_knowledge_base
from exportcheck.model import Rule
from exportcheck.msgspeclib import msgspec
from exportcheck.paths import DATA_SUFFIXES, iter_entries, iter_glob, printable
from exportcheck.profile import Profile, load_profile_bytes, load_profile_file
from exportcheck.report import CatalogueContext, CheckReport, CheckResult, SetAside
from exportcheck.yamlsafe import PROFILE_MAX_BYTES

if TYPE_CHECKING:
    from exportcheck.paths import StrPath

__all__ = [
    "check_profile",
    "check_profiles",
    "discover_profiles",
    "explain_entry",
    "load_knowledge_base",
    "load_profile",
    "load_profiles",
]


def load_profile(
    path: StrPath, kb: KnowledgeBase, *, max_bytes: int = PROFILE_MAX_BYTES
) -> Profile:
    return load_profile_file(path, kb.vocabulary, max_bytes=max_bytes)


def discover_profiles(paths: Iterable[str], *, output: StrPath | None = None) -> Iterator[StrPath]:
    """Files as given; directories expanded (recursive, sorted); glob patterns that match no
    file literally (``'profiles/**/*.yaml'``, quoted for the shell) expanded; ``-`` is stdin.

    The report being written is never read as a profile, and never replaces one: naming the
    ``--output`` file (or a link to it) as an input is an error; a directory or pattern that
    holds it skips it if it is an earlier report of ours and stops with an error if it is
    anything else. A report the shell writes (``check . > report.json``: standard output
    redirected into the corpus, empty when the walk meets it) is skipped too.
    """
    written = _output_names(output)
    stdout = _stdout_file()
    seen = _Seen()
    stdin_taken = False
    for raw in paths:
        if raw == "-":
            if not stdin_taken:  # standard input can be read once: "- -" is one profile
                yield raw
            stdin_taken = True
            continue
        is_dir = os.path.isdir(raw)
        if is_dir and seen.covers(_absolute(raw)):
            continue  # a directory below one already walked (or the same one again)
        expanded = _expand(raw, is_dir, stdout)
        if expanded is None:
            if written and os.path.realpath(raw) in written:
                raise _replaces_input(raw, "--output names this input profile")
            if seen.take(raw):
                yield raw  # a string: a one-profile check never imports pathlib
            continue
        found, what = expanded
        found = _readable(found)
        if written:
            found = _without_output(found, written)
        first = next(found, None)
        if first is None:
            raise InputError([Diagnostic("E503", "no-profiles", what, SourcePos(raw))])
        yield from (p for p in itertools.chain([first], found) if seen.new(p))
        if is_dir:
            seen.walked(raw)


def _expand(
    raw: str, is_dir: bool, stdout: tuple[int, int] | None
) -> tuple[Iterator[StrPath], str] | None:
    """The files of a directory or a glob pattern, lazily (None for a plain file), and what
    to say if there are none. The file that is our own redirected stdout is left out."""
    found: Iterator[StrPath]
    if is_dir:
        # Streamed (memory follows one directory), as strings: a batch of 10,000 files
        # would spend ~20 ms building Paths that only travel to the workers as text.
        found = (
            entry.path
            for entry in iter_entries(raw, DATA_SUFFIXES)
            if stdout is None or not _same_file(entry, stdout)
        )
        return found, "directory contains no *.yaml, *.yml or *.json files"
    if not os.path.exists(raw) and any(ch in raw for ch in "*?["):
        found = iter_glob(raw)  # streamed too, in sorted order
        if stdout is not None:
            found = (p for p in found if not _same_file(p, stdout))
        return found, "the pattern matches no file"
    return None


class _Seen:
    """Overlapping inputs (a file and its directory, a directory and its parent, the same
    argument twice) check each profile once. Kept: the explicit files and the directories
    walked (a handful), not every file of a walk: memory stays flat."""

    def __init__(self) -> None:
        self.files: set[str] = set()
        self.dirs: list[str] = []

    def covers(self, here: str) -> bool:
        """Whether the absolute path ``here`` is, or is below, a directory walked before."""
        return any(here == d or here.startswith(d.rstrip(os.sep) + os.sep) for d in self.dirs)

    def new(self, path: StrPath) -> bool:
        """A file of a walk: not given before, not below a directory walked before."""
        if not self.dirs and not self.files:
            return True
        here = _absolute(path)
        return here not in self.files and not self.covers(here)

    def take(self, path: StrPath) -> bool:
        """An explicit file: True the first time."""
        if not self.new(path):
            return False
        self.files.add(_absolute(path))
        return True

    def walked(self, directory: StrPath) -> None:
        self.dirs.append(_absolute(directory))


def _output_names(output: StrPath | None) -> frozenset[str]:
    """The report's path as written and as resolved (through links), absolute."""
    if output is None:
        return frozenset()
    return frozenset({_absolute(output), os.path.realpath(output)})


def _without_output(found: Iterator[StrPath], written: frozenset[str]) -> Iterator[StrPath]:
    for path in found:
        if _absolute(path) not in written:
            yield path
        elif not _is_our_report(path):
            raise _replaces_input(path, "--output names a profile of this batch")


def _is_our_report(path: StrPath) -> bool:
    """An earlier JSON/SARIF report of ours (``check corpus -o corpus/report.json`` run
    again), which the walk skips; anything else there is somebody's file."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(200)
    except OSError:
        return False
    return head.startswith(b"{") and (b'"format": 1' in head or b'"$schema"' in head)


def _replaces_input(path: StrPath, what: str) -> InputError:
    return InputError(
        [
            Diagnostic(
                "E505",
                "cannot-write-output",
                f"{what}: the report would replace it",
                SourcePos(printable(path)),
                "write the report to another file",
            )
        ]
    )


def _stdout_file() -> tuple[int, int] | None:
    """(device, inode) of standard output when the shell redirected it to a regular file."""
    import stat
    import sys

    try:
        info = os.fstat(sys.stdout.fileno())
    except (AttributeError, OSError, ValueError):  # no real stdout (captured, closed)
        return None
    return (info.st_dev, info.st_ino) if stat.S_ISREG(info.st_mode) else None


def _same_file(entry: os.DirEntry[str] | StrPath, wanted: tuple[int, int]) -> bool:
    # DirEntry.inode() needs no system call; only a matching inode is confirmed with stat.
    inode = entry.inode() if isinstance(entry, os.DirEntry) else None
    if inode is not None and inode != wanted[1]:
        return False
    try:
        info = entry.stat() if isinstance(entry, os.DirEntry) else os.stat(entry)
    except OSError:
        return False
    return (info.st_dev, info.st_ino) == wanted


def _readable(found: Iterator[StrPath]) -> Iterator[StrPath]:
    """A walk that stops with E112 at a directory it may not read, rather than a walk that
    skips it (and the profiles in it) without a word."""
    try:
        yield from found
    except PermissionError as exc:
        where = printable(exc.filename or "")
        raise InputError(
            [
                Diagnostic(
                    "E112",
                    "unreadable-file",
                    "cannot read this directory: permission denied",
                    SourcePos(where),
                    "give read and execute permission, or leave it out",
                )
            ]
        ) from None


def _absolute(path: StrPath) -> str:
    # Lexical (no system call per file of a 10,000-profile corpus, unlike Path.resolve).
    return os.path.abspath(path)


def load_profiles(
    sources: Iterable[StrPath],
    kb: KnowledgeBase,
    *,
    stdin: bytes | None = None,
    max_bytes: int = PROFILE_MAX_BYTES,
) -> tuple[list[Profile], list[Diagnostic]]:
    """Load every profile; problems are returned, so a batch reports every bad file."""
    profiles: list[Profile] = []
    problems: list[Diagnostic] = []
    for source in sources:
        try:
            if source == "-":
                profiles.append(
                    load_profile_bytes(stdin or b"", "<stdin>", kb.vocabulary, max_bytes=max_bytes)
                )
            else:
                profiles.append(load_profile_file(source, kb.vocabulary, max_bytes=max_bytes))
        except InputError as exc:
            problems.extend(exc.diagnostics)
    return profiles, problems


def catalogue_context(
    kb: KnowledgeBase,
    *,
    as_of: dt.date | None = None,
    version_id: str | None = None,
    today: dt.date | None = None,
) -> CatalogueContext:
    regime = kb.catalogue.regime
    version, when = resolve_version(
        regime, as_of=as_of, version_id=version_id, today=today or dt.date.today()
    )
    rules = kb.for_version(version.id)  # cached with the knowledge base
    encoded = rules.coverage or coverage(kb.catalogue, version.id, rules.views.values())
    return CatalogueContext(regime, version, when, encoded)


def check_profile(kb: KnowledgeBase, profile: Profile, version_id: str) -> CheckResult:
    rules = kb.for_version(version_id)
    facts = gather_facts(profile, kb.vocabulary, kb.term_index)
    candidates = rules.candidates(facts.true_capabilities)
    facts = _with_text_values(kb, profile, facts, rules.tested_parameters(candidates))
    findings = evaluate_rules(candidates, rules.views, facts)
    idle = rules.building_blocks(profile.capabilities)
    if idle:  # rare: only then look at what the findings used
        used = {e.text for f in findings for e in f.evidence if e.path.startswith("capabilities")}
        idle = tuple(c for c in idle if c not in used)
    # A transfer whose destination is China is no technology export (条例 Art. 2): what the
    # technology would need is kept to be shown, and decides nothing. So is one with no
    # destination whose text says it is an import or stays within China, and one whose
    # destination names the foreign party of an import said from the Chinese side.
    destination = profile.transfer.destination if profile.transfer is not None else None
    declared = _stays_in_china(profile, destination) if findings and destination != "CN" else None
    outside = None
    if findings and destination != "CN" and declared is None:
        outside = _held_outside_mainland(profile)
    domestic = destination == "CN" or declared is not None or outside is not None
    return CheckResult(
        profile,
        facts,
        () if domestic else findings,
        decide(() if domestic else findings),
        idle,
        _denials(profile, findings),
        _set_aside(facts, candidates),
        threshold_misses(candidates, rules.views, facts, findings),
        findings if domestic else (),
        declared or outside,
        outside is not None,
    )


def _stays_in_china(profile: Profile, destination: str | None) -> Evidence | None:
    """The words of the title or summary that say the transfer is an import or stays within
    China (see ``direction``), or, with no destination given, of a recipient marked as in
    China ("（被许可方，境内）"), where they stand in the file."""
    from exportcheck.direction import recipient_in_china, stays_in_china

    texts = {"title": profile.title, "summary": profile.summary}
    found = stays_in_china(texts, foreign=destination is not None)
    if found is not None:
        return text_evidence(profile, *found)
    recipient = profile.transfer.recipient if profile.transfer else None
    if destination is not None or not recipient:
        return None
    span = recipient_in_china(recipient, texts)
    if span is None:
        return None
    start, end = span
    pos = profile.doc.pos_in(["transfer", "recipient"], start)
    return Evidence("transfer.recipient", recipient[start:end], pos, start, end)


def _held_outside_mainland(profile: Profile) -> Evidence | None:
    """The words of the title or summary that say the technology is held and transferred
    outside the mainland with no mainland part in it (see ``direction``), where they stand."""
    from exportcheck.direction import held_outside_mainland

    found = held_outside_mainland({"title": profile.title, "summary": profile.summary})
    return text_evidence(profile, *found) if found is not None else None


def _with_text_values(
    kb: KnowledgeBase, profile: Profile, facts: Facts, tested: frozenset[str]
) -> Facts:
    """``facts`` with the values the text states for the ``tested`` parameters that the
    profile's ``parameters`` do not give."""
    unstated = tested - facts.parameters.keys()
    if not unstated:
        return facts
    return with_stated_quantities(facts, profile, unstated, kb.quantity_reader)


def _set_aside(facts: Facts, candidates: tuple[Rule, ...]) -> tuple[SetAside, ...]:
    """Every denial, with what it kept out: the capability's own terms in the text, and the
    building blocks that would have stood for it (design §2.1: a denial is shown in the
    explanation, also when the text named nothing it covers)."""
    if not facts.denied:
        return ()
    parts = set_aside_parts(candidates, facts)
    out = []
    for cap, denial in facts.denied.items():
        evidence = {
            **dict.fromkeys(facts.set_aside.get(cap, ())),
            **dict.fromkeys(parts.get(cap, ())),
        }
        out.append(SetAside(cap, denial, tuple(sorted(evidence, key=Evidence.sort_key))))
    return tuple(out)


def _denials(profile: Profile, findings: tuple[Finding, ...]) -> tuple[tuple[str, str], ...]:
    texts = {"title": profile.title, "summary": profile.summary}
    found: dict[tuple[str, str], None] = {}
    for finding in findings:
        for e in finding.evidence:
            text = texts.get(e.path)
            if text is None or e.start is None or e.end is None:
                continue
            words = denial_cue(text, e.start, e.end)
            if words is not None:
                found[(e.path, words)] = None
    return tuple(found)


def check_profiles(
    kb: KnowledgeBase,
    profiles: Iterable[Profile],
    *,
    as_of: dt.date | None = None,
    version_id: str | None = None,
    today: dt.date | None = None,
) -> CheckReport:
    context = catalogue_context(kb, as_of=as_of, version_id=version_id, today=today)
    results = tuple(check_profile(kb, p, context.version.id) for p in profiles)
    return CheckReport(context, results)


class RuleOutcome(msgspec.Struct, frozen=True):
    """A rule evaluated for *why / why not*, whether or not it matched."""

    rule: Rule
    trace: Trace
    finding: Finding | None


def _entry_view(kb: KnowledgeBase, head: str, version_id: str) -> EntryView:
    entries = kb.find_entries(head)
    if not entries:
        raise InputError(
            [
                Diagnostic(
                    "E506",
                    "unknown-entry",
                    f"no catalogue entry {head!r}",
                    SourcePos("--entry"),
                    "see 'exportcheck catalog list'",
                )
            ]
        )
    views = kb.for_version(version_id).views
    present = [views[e.id] for e in entries if e.id in views]
    if not present:
        raise InputError(
            [
                Diagnostic(
                    "E507",
                    "entry-not-in-force",
                    f"entry {head} is not in the {version_id} catalogue",
                    SourcePos("--entry"),
                    "use --as-of or --catalog-version for a version that lists it",
                )
            ]
        )
    return present[0]


def _control_point_id(view: EntryView, ref: str) -> str:
    """A control point of ``view`` by id or by its number in that version."""
    if not ref:
        raise InputError(
            [
                Diagnostic(
                    "E506",
                    "unknown-entry",
                    f"nothing after '#' in {view.code or view.entry.id}#",
                    SourcePos("--entry"),
                    "give a control point number or id after '#', or leave '#' out "
                    "for the whole entry",
                )
            ]
        )
    for cp in view.control_points:
        if names_control_point(ref, cp, view.version):
            return cp.id
    raise InputError(
        [
            Diagnostic(
                "E506",
                "unknown-entry",
                f"{view.code or view.entry.id} has no control point {ref!r} in {view.version}",
                SourcePos("--entry"),
            )
        ]
    )


def explain_entry(
    kb: KnowledgeBase, profile: Profile, ref: str, context: CatalogueContext
) -> tuple[str, list[RuleOutcome]]:
    """Evaluate every rule of an entry (``CODE``, ``CODE#N``, ``id`` or ``id#cp``), matched or
    not, so an analyst sees why a near miss missed. Raises InputError for an unknown entry."""
    head, hash_mark, cp_ref = ref.partition("#")
    view = _entry_view(kb, head, context.version.id)
    cp_id = _control_point_id(view, cp_ref) if hash_mark else None
    version_rules = kb.for_version(context.version.id)
    rules = [
        rule
        for rule in version_rules.rules
        if rule.entry_id == view.entry.id and (cp_id is None or rule.cp_id == cp_id)
    ]
    facts = gather_facts(profile, kb.vocabulary, kb.term_index)
    facts = _with_text_values(kb, profile, facts, version_rules.tested_parameters(rules))
    outcomes = []
    for rule in rules:
        trace = evaluate_condition(rule.when, facts)
        outcomes.append(RuleOutcome(rule, trace, make_finding(rule, trace, view)))
    return view.entry.id, outcomes
