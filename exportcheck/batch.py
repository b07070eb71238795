"""Checking many profiles: streamed, in input order, optionally in worker processes.

Workers are forked with the knowledge base already in memory (no reload, no pickling of the
knowledge base); each returns a result or the diagnostics of a bad file. ``imap`` keeps input
order, so output never depends on the number of workers. Every bad file is reported, not
only the first.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from exportcheck.api import catalogue_context, check_profile, discover_profiles
from exportcheck.diagnostics import Diagnostic
from exportcheck.errors import InputError
from exportcheck.kb import KnowledgeBase
from exportcheck.profile import load_profile_bytes, load_profile_file
from exportcheck.report import CatalogueContext, CheckReport, CheckResult
from exportcheck.yamlsafe import PROFILE_MAX_BYTES

PARALLEL_THRESHOLD = 64  # below this, starting workers costs more than it saves
Outcome = CheckResult | tuple[Diagnostic, ...]


class _Worker:
    """The per-process state: set once by the pool initializer (inherited by fork)."""

    kb: KnowledgeBase
    version: str
    max_bytes: int


def _init(kb: KnowledgeBase, version: str, max_bytes: int) -> None:
    _Worker.kb, _Worker.version, _Worker.max_bytes = kb, version, max_bytes


def _check_file(kb: KnowledgeBase, version: str, max_bytes: int, source: str | Path) -> Outcome:
    try:
        profile = load_profile_file(Path(source), kb.vocabulary, max_bytes=max_bytes)
    except InputError as exc:
        return exc.diagnostics
    return check_profile(kb, profile, version)


def _check_one(source: str | Path) -> Outcome:
    """Worker entry point (in a worker process, after ``_init``)."""
    return _check_file(_Worker.kb, _Worker.version, _Worker.max_bytes, source)


def _default_jobs() -> int:
    return max(
        1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    )


def iter_outcomes(
    kb: KnowledgeBase,
    sources: Iterable[str | Path],
    version: str,
    *,
    stdin: bytes | None = None,
    jobs: int | None = None,
    max_bytes: int = PROFILE_MAX_BYTES,
) -> Iterator[Outcome]:
    """Results (or diagnostics) in input order. ``sources`` may be a lazy iterator."""
    items = iter(sources)
    head: list[str | Path] = []
    for item in items:  # look ahead: a small batch is not worth the workers
        head.append(item)
        if len(head) >= PARALLEL_THRESHOLD:
            break
    workers = jobs or _default_jobs()
    rest_parallel = (
        workers > 1
        and len(head) >= PARALLEL_THRESHOLD
        and "fork" in (multiprocessing.get_all_start_methods())
    )
    if not rest_parallel:
        for source in [*head, *items]:
            if source == "-":
                yield _check_stdin(kb, version, stdin or b"", max_bytes)
            else:
                yield _check_file(kb, version, max_bytes, source)
        return
    everything = (s for part in (head, items) for s in part)
    context = multiprocessing.get_context("fork")
    with context.Pool(workers, initializer=_init, initargs=(kb, version, max_bytes)) as pool:
        yield from pool.imap(_check_one, everything, chunksize=16)


def _check_stdin(kb: KnowledgeBase, version: str, raw: bytes, max_bytes: int) -> Outcome:
    try:
        profile = load_profile_bytes(raw, "<stdin>", kb.vocabulary, max_bytes=max_bytes)
    except InputError as exc:
        return exc.diagnostics
    return check_profile(kb, profile, version)


def run_check(
    kb: KnowledgeBase,
    paths: Iterable[str],
    *,
    as_of: dt.date | None = None,
    version_id: str | None = None,
    stdin: bytes | None = None,
    jobs: int | None = None,
    max_bytes: int | None = None,
) -> CheckReport:
    """Check everything; InputError listing every bad file if any was bad."""
    context = catalogue_context(kb, as_of=as_of, version_id=version_id)
    results, problems = collect(
        iter_outcomes(
            kb,
            discover_profiles(paths),
            context.version.id,
            stdin=stdin,
            jobs=jobs,
            max_bytes=max_bytes or PROFILE_MAX_BYTES,
        )
    )
    if problems:
        raise InputError(problems)
    return CheckReport(context, tuple(results))


def collect(outcomes: Iterable[Outcome]) -> tuple[list[CheckResult], list[Diagnostic]]:
    results: list[CheckResult] = []
    problems: list[Diagnostic] = []
    for outcome in outcomes:
        if isinstance(outcome, CheckResult):
            results.append(outcome)
        else:
            problems.extend(outcome)
    return results, problems


__all__ = ["CatalogueContext", "collect", "iter_outcomes", "run_check"]
