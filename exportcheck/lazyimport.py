"""Importing a library without paying for the parts of it a check never uses.

A one-profile check's start-up is a measured target, and a library's ``__init__`` often
imports every submodule it has. Both helpers act only while a library is being imported, and
put :mod:`sys` back as it was when the block ends, failed or not.
"""

from __future__ import annotations

import importlib.machinery
import importlib.util
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from importlib.machinery import ModuleSpec
from types import ModuleType


class _DeferringFinder:
    """Finds the named modules as the path finder does, with a loader that runs each module's
    code on the first use of one of its attributes (:class:`importlib.util.LazyLoader`)."""

    def __init__(self, names: frozenset[str]) -> None:
        self._names = names

    def find_spec(
        self, name: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        if name not in self._names:
            return None
        spec = importlib.machinery.PathFinder.find_spec(name, path, target)
        if spec is None or spec.loader is None:
            return spec  # not found, or a namespace package: let the import say so
        spec.loader = importlib.util.LazyLoader(spec.loader)
        return spec


@contextmanager
def submodules_deferred(*names: str) -> Iterator[None]:
    """While the block runs, importing one of ``names`` (full dotted names) binds a module
    whose code runs on the first use of any of its attributes."""
    finder = _DeferringFinder(frozenset(names))
    sys.meta_path.insert(0, finder)
    try:
        yield
    finally:
        sys.meta_path.remove(finder)


@contextmanager
def unimportable(name: str) -> Iterator[None]:
    """While the block runs, ``import name`` raises :class:`ImportError` (unless the module is
    already imported), as if it were not installed: for a library that uses an optional
    dependency when it is there and falls back to the standard library when it is not."""
    if name in sys.modules:
        yield
        return
    sys.modules[name] = None  # type: ignore[assignment]  # None in sys.modules refuses the import
    try:
        yield
    finally:
        if name in sys.modules and sys.modules[name] is None:
            del sys.modules[name]
