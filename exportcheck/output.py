"""Atomic output: write to a temporary file beside the target, then rename.

A reader never sees half a report, and a failed run leaves no partial file behind. A Spool
holds a report's text until it is complete, in memory or, once large, in a temporary file.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterator
from typing import IO

from exportcheck.diagnostics import Diagnostic, SourcePos
from exportcheck.errors import InputError
from exportcheck.paths import StrPath


def cannot_write(where: StrPath, exc: OSError, *, stream: bool = False) -> InputError:
    """E505 for an output that failed: a file, or a stream (``<stdout>``, the spool's
    temporary file)."""
    hint = (
        "check the free space where the output goes"
        if stream
        else "check that the directory exists and is writable"
    )
    return InputError(
        [
            Diagnostic(
                "E505",
                "cannot-write-output",
                f"cannot write: {exc.strerror or exc}",
                SourcePos(os.fspath(where)),
                hint,
            )
        ]
    )


def write_atomic(path: StrPath, content: str) -> None:
    with atomic_stream(path) as write:
        write(content)


@contextlib.contextmanager
def atomic_stream(path: StrPath | None) -> Iterator[Callable[[str], object]]:
    """A ``write`` function for streamed output: stdout, or a temporary file renamed over
    ``path`` only when the block completes (on any error the temporary file is removed)."""
    if path is None:
        try:
            yield sys.stdout.write
            sys.stdout.flush()
        except BrokenPipeError:
            raise  # the reader went away (``| head``): not an error of ours to report
        except OSError as exc:  # a full disk behind a redirection, say
            raise cannot_write("<stdout>", exc, stream=True) from None
        return
    name = os.fspath(path)
    if os.path.exists(name) and not os.path.isfile(name):
        # A device, a FIFO, /dev/stdout: written to as it is. Renaming a temporary file over
        # it would replace /dev/null (as root) with a regular file.
        try:
            with open(name, "w", encoding="utf-8", newline="\n") as handle:
                yield handle.write
        except OSError as exc:
            raise cannot_write(path, exc) from None
        return
    import tempfile  # only for files: ~3 ms of start-up otherwise

    target = os.path.realpath(name) if os.path.exists(os.path.dirname(name) or ".") else name
    try:
        fd, tmp = tempfile.mkstemp(
            prefix=f".{os.path.basename(name)}.", suffix=".tmp", dir=os.path.dirname(target) or "."
        )
    except OSError as exc:
        raise cannot_write(path, exc) from None
    try:
        # mkstemp creates the file 0600; a report is an ordinary file, made as the umask says
        # (a CI uploader running as another user must be able to read it).
        if hasattr(os, "fchmod"):  # POSIX; Windows has no such mode bits to set
            umask = os.umask(0)
            os.umask(umask)
            os.fchmod(fd, 0o666 & ~umask)
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            yield handle.write
        os.replace(tmp, target)
    except OSError as exc:
        raise cannot_write(path, exc) from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)


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
                raise cannot_write("<temporary file>", exc, stream=True) from None
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
                raise cannot_write("<temporary file>", exc, stream=True) from None
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
