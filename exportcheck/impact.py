"""What does this edit change? Compare two states of catalogue + rules by their consequences.

The base state is a git revision (its ``catalog/`` and ``rules/`` trees are extracted with
``git archive``) or a directory holding ``catalog/`` and ``rules/``. Both states check the
same profiles (bundled examples, policy-test profiles, any corpus given) and run the same
policy tests; the report lists every decision and finding that differs, every policy-test
status that changes, and which entries and rules were edited.
"""

from __future__ import annotations

import datetime as dt
import io
import subprocess
import tarfile
import tempfile
from pathlib import Path
from typing import Any

from exportcheck.api import check_profile
from exportcheck.catalog import resolve_version
from exportcheck.diagnostics import Diagnostic, SourcePos
from exportcheck.errors import InputError
from exportcheck.kb import KnowledgeBase, load_knowledge_base
from exportcheck.msgspeclib import msgspec
from exportcheck.paths import REGIME, data_files
from exportcheck.policytest import load_policy_file, run_case
from exportcheck.profile import load_profile_file


class ProfileChange(msgspec.Struct, frozen=True):
    path: str
    before: str  # "decision: finding, finding" or an error
    after: str


class ImpactReport(msgspec.Struct, frozen=True):
    base: str
    head: str
    version: str
    profiles_checked: int
    profile_changes: tuple[ProfileChange, ...]
    test_changes: tuple[ProfileChange, ...]
    entries_changed: tuple[str, ...]
    rules_changed: tuple[str, ...]


def extract_revision(rev: str, repo: Path, into: Path) -> Path:
    """``catalog/`` and ``rules/`` of ``rev`` into ``into``; InputError when git refuses."""
    try:
        archive = subprocess.run(
            ["git", "-C", str(repo), "archive", "--format=tar", rev, "catalog", "rules"],
            capture_output=True,
            check=True,
            timeout=60,
        ).stdout
    except (subprocess.CalledProcessError, OSError, subprocess.TimeoutExpired) as exc:
        detail = getattr(exc, "stderr", b"") or b""
        raise InputError(
            [
                Diagnostic(
                    "E508",
                    "bad-revision",
                    f"cannot read catalog/ and rules/ at {rev!r}: "
                    f"{detail.decode(errors='replace').strip() or exc}",
                    SourcePos("--base"),
                    "give a revision of this repository, or --base-dir DIR",
                )
            ]
        ) from None
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    return into


def _state(root: Path) -> KnowledgeBase:
    return load_knowledge_base(root / "catalog" / REGIME, root / "rules" / REGIME)


def _profile_files(paths: list[Path]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        files.extend(data_files(path) if path.is_dir() else [path] if path.is_file() else [])
    return files


def _summary(kb: KnowledgeBase, path: Path, version: str) -> str:
    try:
        profile = load_profile_file(path, kb.vocabulary)
    except InputError as exc:
        return f"invalid ({exc.diagnostics[0].code} {exc.diagnostics[0].name})"
    result = check_profile(kb, profile, version)
    findings = ", ".join(
        f"{f.view.code or f.view.entry.id}"
        f"{'#' + (f.control_point.id if f.control_point else '')} {f.outcome.label}"
        for f in result.findings
    )
    return f"{result.decision.label}" + (f": {findings}" if findings else "")


def _tests(kb: KnowledgeBase, files: list[Path]) -> dict[str, str]:
    out: dict[str, str] = {}
    for file in files:
        cases, problems = load_policy_file(file, kb)
        if problems:
            out[str(file)] = f"invalid ({problems[0].code} {problems[0].name})"
        for case in cases:
            out[case.node_id] = run_case(kb, case).status
    return out


def _without_positions(obj: object) -> object:
    """A model tree as nested tuples minus ``pos`` fields: moving lines is no change."""
    if isinstance(obj, msgspec.Struct):
        return tuple(
            (name, _without_positions(getattr(obj, name)))
            for name in obj.__struct_fields__
            if name != "pos"
        )
    if isinstance(obj, tuple):
        return tuple(_without_positions(o) for o in obj)
    return obj


def _signatures(items: tuple[Any, ...]) -> dict[str, str]:
    return {item.id: repr(_without_positions(item)) for item in items}


def _changed(before: dict[str, str], after: dict[str, str]) -> tuple[str, ...]:
    keys = sorted(set(before) | set(after))
    out = []
    for key in keys:
        if key not in before:
            out.append(f"+ {key}")
        elif key not in after:
            out.append(f"- {key}")
        elif before[key] != after[key]:
            out.append(f"~ {key}")
    return tuple(out)


def compare(
    base_root: Path,
    head_root: Path,
    *,
    profiles: list[Path],
    tests: list[Path],
    as_of: dt.date,
    labels: tuple[str, str],
) -> ImpactReport:
    base, head = _state(base_root), _state(head_root)
    version, _ = resolve_version(head.catalogue.regime, as_of=as_of, version_id=None, today=as_of)
    base_version, _ = resolve_version(
        base.catalogue.regime, as_of=as_of, version_id=None, today=as_of
    )
    files = _profile_files(profiles)
    changes = []
    for file in files:
        before, after = _summary(base, file, base_version.id), _summary(head, file, version.id)
        if before != after:
            changes.append(ProfileChange(str(file), before, after))
    test_files = _profile_files(tests)
    before_tests, after_tests = _tests(base, test_files), _tests(head, test_files)
    test_changes = [
        ProfileChange(key, before_tests.get(key, "absent"), after_tests.get(key, "absent"))
        for key in sorted(set(before_tests) | set(after_tests))
        if before_tests.get(key) != after_tests.get(key)
    ]
    return ImpactReport(
        base=labels[0],
        head=labels[1],
        version=version.id,
        profiles_checked=len(files),
        profile_changes=tuple(changes),
        test_changes=tuple(test_changes),
        entries_changed=_changed(
            _signatures(base.catalogue.entries), _signatures(head.catalogue.entries)
        ),
        rules_changed=_changed(_signatures(base.rules), _signatures(head.rules)),
    )


def temporary_root() -> tempfile.TemporaryDirectory[str]:
    return tempfile.TemporaryDirectory(prefix="exportcheck-impact-")
