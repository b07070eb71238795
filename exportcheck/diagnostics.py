"""Diagnostics: what went wrong, where, and how to fix it.

Every problem exportcheck reports is a :class:`Diagnostic` with a stable code (``E102``), a
kebab-case name (``duplicate-key``), a position and an optional hint. Codes are grouped by the
stage that finds them: E1xx loading, E2xx schema, E3xx catalogue/rules lint, E4xx profiles,
E5xx command line, E6xx policy tests. Tests assert codes; people read the messages.
"""

from __future__ import annotations

from enum import StrEnum

from exportcheck.msgspeclib import msgspec


class SourcePos(msgspec.Struct, frozen=True, order=True):
    """A 1-based line/column position in a named file."""

    file: str
    line: int = 1
    column: int = 1

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


class Diagnostic(msgspec.Struct, frozen=True):
    code: str
    name: str
    message: str
    pos: SourcePos
    hint: str | None = None
    severity: Severity = Severity.ERROR
    related: tuple[SourcePos, ...] = ()

    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.pos.file, self.pos.line, self.pos.column, self.code, self.message)

    def format(self) -> str:
        """``file:line:col: CODE name: message`` plus an indented hint line."""
        head = f"{self.pos}: {self.code} {self.name}: {self.message}"
        return head if self.hint is None else f"{head}\n  hint: {self.hint}"

    def as_dict(self) -> dict[str, object]:
        return {
            "file": self.pos.file,
            "line": self.pos.line,
            "column": self.pos.column,
            "code": self.code,
            "name": self.name,
            "severity": str(self.severity),
            "message": self.message,
            "hint": self.hint,
        }


def sort_diagnostics(diagnostics: list[Diagnostic] | tuple[Diagnostic, ...]) -> list[Diagnostic]:
    """Stable, deduplicated ordering so output diffs are meaningful."""
    unique = {(d.sort_key(), d.name, d.hint): d for d in diagnostics}
    return [unique[k] for k in sorted(unique)]


def did_you_mean(word: str, choices: list[str] | tuple[str, ...] | set[str]) -> str | None:
    """A close match among ``choices``, phrased for a hint, or None."""
    import difflib

    close = difflib.get_close_matches(word, sorted(choices), n=1, cutoff=0.6)
    return f"did you mean {close[0]!r}?" if close else None
