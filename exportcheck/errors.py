"""The exception types that cross module boundaries.

Library code raises :class:`InputError` carrying diagnostics; the command line's single error
boundary prints them and exits 2. Anything else reaching that boundary is a bug.
"""

from __future__ import annotations

from collections.abc import Iterable

from exportcheck.diagnostics import Diagnostic, sort_diagnostics


class ExportcheckError(Exception):
    """Base class of every error exportcheck raises on purpose."""


class InputError(ExportcheckError):
    """The input (a file, a profile, an option value) is wrong; nothing was decided."""

    def __init__(self, diagnostics: Iterable[Diagnostic]) -> None:
        self.diagnostics = tuple(sort_diagnostics(list(diagnostics)))
        if not self.diagnostics:
            raise ValueError("InputError needs at least one diagnostic")
        super().__init__("\n".join(d.format() for d in self.diagnostics))
