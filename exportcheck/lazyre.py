"""Regular expressions compiled on first use, once per process.

Each pattern costs 0.2-1.8 ms to compile (the long alternations more), and a one-profile
check's start-up is a measured target: most texts need few of the patterns, so none is
compiled at import.
"""

from __future__ import annotations

import functools
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any


@functools.cache
def compiled(source: str) -> re.Pattern[str]:
    """``source`` compiled, the first time it is asked for."""
    return re.compile(source)


class DeferredPattern:
    """Stands in for ``re.compile(source, flags)``: compiles on the first use of any of the
    pattern's attributes (``match``, ``search``, ``pattern`` …) and forwards to the result."""

    __slots__ = ("_flags", "_pattern", "_source")

    def __init__(self, source: str | bytes, flags: int) -> None:
        self._source = source
        self._flags = flags
        self._pattern: re.Pattern[Any] | None = None

    def __getattr__(self, name: str) -> Any:
        if self._pattern is None:
            self._pattern = re.compile(self._source, self._flags)
        return getattr(self._pattern, name)


@contextmanager
def compiles_deferred(package: str) -> Iterator[None]:
    """While the block runs, ``re.compile`` called from the code of ``package`` (or its
    submodules) returns a :class:`DeferredPattern`; calls from anywhere else compile as usual.

    For a library's import: its module-level patterns are then paid for when used, not when
    imported."""
    real = re.compile

    def compile_or_defer(source: Any, flags: int = 0) -> Any:
        caller = sys._getframe(1).f_globals.get("__name__", "")
        if caller == package or caller.startswith(package + "."):
            return DeferredPattern(source, flags)
        return real(source, flags)

    re.compile = compile_or_defer  # type: ignore[assignment]  # one signature of its overloads
    try:
        yield
    finally:
        re.compile = real
