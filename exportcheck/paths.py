"""Where bundled data lives, and how data files are named in messages."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, TypeAlias

if TYPE_CHECKING:
    from pathlib import Path

# What file functions accept: a string or a Path. The modules a one-profile check runs work
# on strings and os.path, and import pathlib only where a Path is built (a directory walk, a
# catalogue build): its import (with urllib.parse, ipaddress) is ~4 ms of that start-up.
StrPath: TypeAlias = "str | os.PathLike[str]"

REGIME = "cn-tech-export"


def bundled_dir(*parts: str) -> str:
    """A path inside the bundled catalogue/rules/examples: in the wheel, or the source tree."""
    # The package directory itself (exportcheck is never imported from a zip): cheaper to
    # find than through importlib.resources, which costs ~5 ms of start-up to import.
    package = os.path.dirname(os.path.realpath(__file__))
    packaged = os.path.join(package, "bundled")
    root = (
        packaged if os.path.isdir(os.path.join(packaged, "catalog")) else os.path.dirname(package)
    )
    return os.path.join(root, *parts)


def bundled_root() -> Path:
    from pathlib import Path

    return Path(bundled_dir())


def bundled_data(kind: str) -> str:
    """The bundled ``catalog`` or ``rules`` directory of the regime, as a string."""
    return bundled_dir(kind, REGIME)


def default_catalog_dir() -> Path:
    from pathlib import Path

    return Path(bundled_data("catalog"))


def default_rules_dir() -> Path:
    from pathlib import Path

    return Path(bundled_data("rules"))


def printable(path: StrPath) -> str:
    """A path as text any UTF-8 output can carry: bytes of a file name that are not UTF-8
    (which Python keeps as lone surrogates) are shown as escapes, ``bad\\xffname.yaml``."""
    text = str(path)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(text).decode("utf-8", "backslashreplace")
    return text


def display_path(path: Path) -> str:
    """Relative to the bundle or the working directory when possible, so messages and output
    do not depend on where exportcheck is installed."""
    from pathlib import Path

    resolved = path.resolve()
    for base in (bundled_root().resolve(), Path.cwd().resolve()):
        if resolved.is_relative_to(base):
            return printable(resolved.relative_to(base))
    return printable(path)


DATA_SUFFIXES = (".yaml", ".yml", ".json")


def iter_data_files(directory: StrPath) -> Iterator[Path]:
    """Every YAML/JSON file below ``directory``, lazily, in the order of their path strings."""
    from pathlib import Path

    return (Path(entry.path) for entry in iter_entries(os.fspath(directory), DATA_SUFFIXES))


def iter_entries(
    directory: str, suffixes: tuple[str, ...], *, skip: frozenset[str] = frozenset()
) -> Iterator[os.DirEntry[str]]:
    """Files with one of ``suffixes`` below ``directory``, lazily, in the order of their path
    strings, not entering subdirectories named in ``skip``. (Directory entries, not Paths:
    the knowledge-base cache key walks ~130 files on every start and needs no Path.)

    Each directory is listed and sorted on its own (a subdirectory sorts as ``name/``, which
    reproduces the order of the whole path strings), so memory follows the largest directory,
    not the tree. As Path.rglob: symlinked files are included, symlinked directories are not
    entered.
    """
    for key, entry in _sorted_entries(directory):
        if key.endswith("/"):
            if entry.name not in skip:
                yield from iter_entries(entry.path, suffixes, skip=skip)
        elif _suffix(entry.name) in suffixes and entry.is_file():
            yield entry


def _sorted_entries(directory: str) -> list[tuple[str, os.DirEntry[str]]]:
    """A directory's entries sorted as their paths will sort: a real directory as ``name/``.
    (A directory that cannot be read raises PermissionError: skipping it would silently drop
    the profiles in it.)"""
    try:
        with os.scandir(directory) as listing:
            return sorted(
                ((e.name + "/" if e.is_dir(follow_symlinks=False) else e.name), e) for e in listing
            )
    except (NotADirectoryError, FileNotFoundError):  # gone or replaced while we walked
        return []


def iter_glob(pattern: str) -> Iterator[Path]:
    """The files ``glob.glob(pattern, recursive=True)`` finds, lazily and in the order of their
    path strings, walking one directory at a time from the pattern's literal prefix.

    Same matching as glob: ``*``, ``?`` and ``[...]`` within a name, ``**`` for any number of
    directories, and a name starting with "." only matched by a pattern starting with ".".
    Unlike glob, symlinked directories are not entered (as for directory inputs). A pattern
    this walker does not take apart (``.``/``..`` after a wildcard, a trailing slash, another
    path separator than "/") is handed to glob.glob and sorted as a whole.
    """
    from pathlib import Path

    segments = pattern.split("/")
    first = next((i for i, seg in enumerate(segments) if _MAGIC.search(seg)), len(segments))
    base, rest = segments[:first], tuple(segments[first:])
    if os.sep != "/" or not rest or any(seg in ("", ".", "..") for seg in rest):
        yield from _globbed(pattern)
        return
    root = "/".join(base) if base else "."
    if base == [""]:
        root = "/"
    strip = not base  # a relative pattern without a literal prefix: no "./" in the results
    start = _closure(rest, {0})
    if len(rest) in start and Path(root).is_file():
        yield Path(root)  # as glob: "report.yaml/**" matches the file itself
        return
    for path in _walk_glob(root, rest, start):
        yield Path(path[2:] if strip else path)


_MAGIC = re.compile(r"[*?[]")


def _globbed(pattern: str) -> Iterator[Path]:
    import glob
    from pathlib import Path

    # glob.glob, not Path.glob: the pattern may be absolute.
    matches = glob.glob(pattern, recursive=True)
    yield from sorted((Path(p) for p in matches if Path(p).is_file()), key=str)


def _walk_glob(directory: str, segments: tuple[str, ...], states: frozenset[int]) -> Iterator[str]:
    last = len(segments) - 1
    for key, entry in _sorted_entries(directory):
        taken = _step(segments, states, entry.name)
        if key.endswith("/"):
            # A directory is entered through a segment with more pattern after it, or a **.
            below = _closure(segments, taken)
            if any(state <= last for state in below):
                yield from _walk_glob(entry.path, segments, below)
        # As glob: a file must be matched by the last segment (every other one matches
        # directories only), a final ** taking it included.
        elif _last_takes(segments, states, taken, entry.name) and entry.is_file():
            yield entry.path


def _last_takes(
    segments: tuple[str, ...], states: frozenset[int], taken: set[int], name: str
) -> bool:
    """Whether a file ``name`` completes the match: the last segment matched it, or the last
    segment is a ** already reached (a ** earlier on only takes directories), or, a glob
    quirk kept for compatibility, a literal segment named it and only **s follow
    ("notes.yaml/**" matches the file notes.yaml)."""
    end = len(segments)
    if end in taken:
        return True
    if segments[-1] == "**" and end - 1 in states and not name.startswith("."):
        return True
    return any(
        state < end
        and segments[state] == name
        and not _MAGIC.search(name)
        and end in _closure(segments, {state + 1})
        for state in states
    )


def _step(segments: tuple[str, ...], states: frozenset[int], name: str) -> set[int]:
    """Where each pattern position in ``states`` goes on one more path component ``name``
    (before the closure over **)."""
    from fnmatch import fnmatchcase  # only for glob inputs

    hidden = name.startswith(".")
    taken = set()
    for state in states:
        if state == len(segments):
            continue
        segment = segments[state]
        if segment == "**":
            if not hidden:
                taken.add(state)  # ** takes this name and may take more
        elif (not hidden or segment.startswith(".")) and fnmatchcase(name, segment):
            taken.add(state + 1)
    return taken


def _closure(segments: tuple[str, ...], states: set[int]) -> frozenset[int]:
    """Add the positions after each ``**``, which may also match no directory at all."""
    pending = list(states)
    closed = set(states)
    while pending:
        state = pending.pop()
        if state < len(segments) and segments[state] == "**" and state + 1 not in closed:
            closed.add(state + 1)
            pending.append(state + 1)
    return frozenset(closed)


def _suffix(name: str) -> str:
    """``PurePath(name).suffix`` without building a path (``.yaml`` alone has none)."""
    dot = name.rfind(".")
    return name[dot:] if 0 < dot < len(name) - 1 else ""


def data_files(directory: Path) -> list[Path]:
    """Every YAML/JSON file below ``directory``, sorted (deterministic batches and keys)."""
    return list(iter_data_files(directory))
