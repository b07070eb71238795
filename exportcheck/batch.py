"""Checking many profiles: streamed, in input order, optionally in worker processes.

Workers are forked with the knowledge base already in memory (no reload, no pickling of the
knowledge base); each returns a result or the diagnostics of a bad file. Results come back in
input order (see workers.py), so output never depends on the number of workers. Every bad
file is reported, not only the first.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import os
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

from exportcheck.api import catalogue_context, check_profile, discover_profiles
from exportcheck.diagnostics import Diagnostic
from exportcheck.errors import InputError
from exportcheck.interrupts import raise_if_requested
from exportcheck.kb import KnowledgeBase
from exportcheck.model import Lang
from exportcheck.model import Outcome as Decision
from exportcheck.msgspeclib import msgspec
from exportcheck.profile import load_profile_bytes, load_profile_file
from exportcheck.report import CatalogueContext, CheckResult
from exportcheck.yamlsafe import PROFILE_MAX_BYTES

if TYPE_CHECKING:
    from exportcheck.paths import StrPath

# Output kept in memory before it spills to a temporary file: enough that a small batch never
# imports tempfile, small enough (2-4 MB as str) not to show in a large batch's peak memory.
SPOOL_CHARS = 1024 * 1024
PARALLEL_THRESHOLD = 64  # below this, starting workers costs more than it saves

# What a worker sends back: a decision and its rendered part, or the diagnostics of a bad
# file. Rendering in the worker keeps the transfer small (a full CheckResult carries its
# entries, rules and traces and costs more to pickle than to compute).
Outcome = tuple[Decision, Any, tuple[Diagnostic, ...]] | tuple[Diagnostic, ...]
Render = Callable[[CheckResult], Any]


class _Job(msgspec.Struct, frozen=True):
    """Everything needed to check one profile; lives in the parent and in each worker."""

    kb: KnowledgeBase
    version: str
    max_bytes: int
    render: Render

    def __call__(self, source: StrPath, stdin: bytes | None = None) -> Outcome:
        vocabulary = self.kb.vocabulary
        try:
            if source == "-":
                profile = load_profile_bytes(
                    stdin or b"", "<stdin>", vocabulary, max_bytes=self.max_bytes
                )
            else:
                profile = load_profile_file(source, vocabulary, max_bytes=self.max_bytes)
        except InputError as exc:
            return exc.diagnostics
        result = check_profile(self.kb, profile, self.version)
        return result.decision, self.render(result), profile.warnings


def _default_jobs() -> int:
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def iter_outcomes(
    kb: KnowledgeBase,
    sources: Iterable[StrPath],
    version: str,
    render: Render,
    *,
    stdin: bytes | None = None,
    jobs: int | None = None,
    max_bytes: int = PROFILE_MAX_BYTES,
) -> Iterator[Outcome]:
    """Outcomes in input order. ``sources`` may be a lazy iterator."""
    items = iter(sources)
    head: list[StrPath] = []
    for item in items:  # look ahead: a small batch is not worth the workers
        head.append(item)
        if len(head) >= PARALLEL_THRESHOLD:
            break
    workers = jobs or _default_jobs()
    parallel = workers > 1 and len(head) >= PARALLEL_THRESHOLD and "-" not in head
    if parallel:
        import multiprocessing  # only for batches: ~5 ms of start-up otherwise

        parallel = "fork" in multiprocessing.get_all_start_methods()
    job = _Job(kb, version, max_bytes, render)
    if not parallel:
        for source in itertools.chain(head, items):
            yield job(source, stdin)
        return
    from exportcheck.workers import ordered_map

    # Paths travel as strings: a pickled Path is rebuilt part by part in the worker.
    sources = (str(source) for source in itertools.chain(head, items))
    yield from ordered_map(job, sources, workers)


def _checked(
    kb: KnowledgeBase,
    paths: Iterable[str],
    *,
    fmt: str,
    lang: Lang,
    as_of: dt.date | None = None,
    version_id: str | None = None,
    stdin: bytes | None = None,
    jobs: int | None = None,
    max_bytes: int | None = None,
    progress: Callable[[int], None] | None = None,
    output: StrPath | None = None,
) -> tuple[CatalogueContext, Iterator[Outcome]]:
    from exportcheck.render import renderer

    context = catalogue_context(kb, as_of=as_of, version_id=version_id)
    render = functools.partial(_render_part, renderer(fmt).part, context, lang)
    outcomes = iter_outcomes(
        kb,
        discover_profiles(paths, output=output),
        context.version.id,
        render,
        stdin=stdin,
        jobs=jobs,
        max_bytes=max_bytes or PROFILE_MAX_BYTES,
    )
    return context, (_counted(outcomes, progress) if progress else outcomes)


def _drain(
    outcomes: Iterable[Outcome], write: Callable[[Any], object]
) -> tuple[list[Decision], list[Diagnostic]]:
    """Hand each rendered part to ``write``; InputError with every bad file at the end.
    Returns the decisions and the warnings (which never fail a run)."""
    decisions: list[Decision] = []
    problems: list[Diagnostic] = []
    warnings: list[Diagnostic] = []
    for outcome in outcomes:
        raise_if_requested()
        if outcome and isinstance(outcome[0], Decision):
            decision, part, notes = outcome
            decisions.append(decision)
            write(part)
            warnings.extend(notes)
        else:
            problems.extend(outcome)
    raise_if_requested()  # a stop whose exception was lost is no finished run
    if problems:
        raise InputError(problems)
    return decisions, warnings


def write_check(
    kb: KnowledgeBase, paths: Iterable[str], output: StrPath | None, **options: Any
) -> tuple[list[Decision], list[Diagnostic]]:
    """Check and write one framed document (text, JSON, Markdown, SARIF) to ``output`` (or
    stdout); options as for ``_checked``. Each part goes to a spool as it arrives (memory up
    to SPOOL_CHARS characters, then a temporary file), so memory stays flat however large the batch.
    The document is written only once every profile is checked: a bad file anywhere leaves
    no output, and SARIF's head lists the rules that all the parts used."""
    from exportcheck.output import Spool, atomic_stream
    from exportcheck.render import document

    context, outcomes = _checked(kb, paths, output=output, **options)
    doc = document(options["fmt"], context, options["lang"])
    spool = Spool(SPOOL_CHARS)
    try:
        decisions, warnings = _drain(outcomes, lambda part: spool.write(doc.add(part)))
        with atomic_stream(output) as write:
            write(doc.head())
            for block in spool.blocks():
                write(block)
            write(doc.tail(decisions))
    finally:
        spool.close()
    return decisions, warnings


def stream_check(
    kb: KnowledgeBase, paths: Iterable[str], write: Callable[[str], object], **options: Any
) -> tuple[list[Decision], list[Diagnostic]]:
    """For formats whose parts stand alone (``jsonl``): each part is written as soon as its
    profile is checked, so memory does not grow with the batch."""
    _, outcomes = _checked(kb, paths, **options)
    return _drain(outcomes, write)


def _counted(outcomes: Iterator[Outcome], progress: Callable[[int], None]) -> Iterator[Outcome]:
    for count, outcome in enumerate(outcomes, 1):
        progress(count)
        yield outcome


def _render_part(
    part: Callable[..., Any], context: CatalogueContext, lang: Lang, result: CheckResult
) -> Any:
    return part(result, context, lang)
