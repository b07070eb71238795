"""Atomic output: write to a temporary file beside the target, then rename.

A reader never sees half a report, and a failed run leaves no partial file behind. A Spool
holds a report's text until it is complete, in memory or, once large, in a temporary file.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO

from exportcheck.diagnostics import Diagnostic, SourcePos
from exportcheck.errors import InputError


def cannot_write(where: Path | str, exc: OSError) -> InputError:
    """E505 for an output that failed: a file, ``<stdout>`` or the spool's temporary file."""
    hint = (
        "check that the directory exists and is writable"
        if isinstance(where, Path)
        else "check the free space where the output goes"
    )
    return InputError(
        [
            Diagnostic(
                "E505",
                "cannot-write-output",
                f"cannot write: {exc.strerror or exc}",
                SourcePos(str(where)),
                hint,
            )
        ]
    )


def write_atomic(path: Path, content: str) -> None:
    with atomic_stream(path) as write:
        write(content)


@contextlib.contextmanager
def atomic_stream(path: Path | None) -> Iterator[Callable[[str], object]]:
    """A ``write`` function for streamed output: stdout, or a temporary file renamed over
    ``path`` only when the block completes (on any error the temporary file is removed)."""
    if path is None:
        try:
            yield sys.stdout.write
            sys.stdout.flush()
        except BrokenPipeError:
            raise  # the reader went away (``| head``): not an error of ours to report
        except OSError as exc:  # a full disk behind a redirection, say
            raise cannot_write("<stdout>", exc) from None
        return
    import tempfile  # only for files: ~3 ms of start-up otherwise

    target = path.resolve() if path.parent.exists() else path
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise cannot_write(path, exc) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            yield handle.write
        Path(tmp).replace(target)
    except OSError as exc:
        raise cannot_write(path, exc) from None
    finally:
        Path(tmp).unlink(missing_ok=True)


class Spool:
    """Text kept in memory up to ``limit`` characters, then in a temporary file. (Not
    tempfile.SpooledTemporaryFile: importing tempfile costs ~3 ms of a one-profile check,
    which never spills.)"""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.pieces: list[str] = []
        self.size = 0
        self.file: IO[str] | None = None

    def write(self, text: str) -> None:
        if self.file is not None:
            try:
                self.file.write(text)
            except OSError as exc:
                raise cannot_write("<temporary file>", exc) from None
            return
        self.pieces.append(text)
        self.size += len(text)
        if self.size > self.limit:
            import tempfile

            try:
                # Closed by close(), which the owner calls in a finally.
                self.file = tempfile.TemporaryFile("w+", encoding="utf-8", newline="\n")  # noqa: SIM115
                self.file.writelines(self.pieces)
            except OSError as exc:
                raise cannot_write("<temporary file>", exc) from None
            self.pieces.clear()

    def blocks(self) -> Iterator[str]:
        if self.file is None:
            yield from self.pieces
            return
        self.file.seek(0)
        while block := self.file.read(1 << 20):
            yield block

    def close(self) -> None:
        if self.file is not None:
            self.file.close()
