"""Where bundled data lives, and how data files are named in messages."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

REGIME = "cn-tech-export"


def bundled_root() -> Path:
    """The bundled catalogue/rules/examples: inside the wheel, or the source tree."""
    # The package directory itself (exportcheck is never imported from a zip): cheaper to
    # find than through importlib.resources, which costs ~5 ms of start-up to import.
    packaged = Path(__file__).resolve().parent / "bundled"
    if (packaged / "catalog").is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent  # editable install / source checkout


def default_catalog_dir() -> Path:
    return bundled_root() / "catalog" / REGIME


def default_rules_dir() -> Path:
    return bundled_root() / "rules" / REGIME


def display_path(path: Path) -> str:
    """Relative to the bundle or the working directory when possible, so messages and output
    do not depend on where exportcheck is installed."""
    resolved = path.resolve()
    for base in (bundled_root().resolve(), Path.cwd().resolve()):
        if resolved.is_relative_to(base):
            return str(resolved.relative_to(base))
    return str(path)


DATA_SUFFIXES = (".yaml", ".yml", ".json")


def iter_data_files(directory: Path) -> Iterator[Path]:
    """Every YAML/JSON file below ``directory``, lazily, in the order of their path strings.

    Each directory is listed and sorted on its own (a subdirectory sorts as ``name/``, which
    reproduces the order of the whole path strings), so memory follows the largest directory,
    not the tree. As Path.rglob: symlinked files are included, symlinked directories are not
    entered.
    """
    with os.scandir(directory) as listing:
        entries = sorted(
            ((e.name + "/" if e.is_dir(follow_symlinks=False) else e.name), e) for e in listing
        )
    for key, entry in entries:
        if key.endswith("/"):
            yield from iter_data_files(Path(entry.path))
        elif _suffix(entry.name) in DATA_SUFFIXES and entry.is_file():
            yield Path(entry.path)


def _suffix(name: str) -> str:
    """``PurePath(name).suffix`` without building a path (``.yaml`` alone has none)."""
    dot = name.rfind(".")
    return name[dot:] if 0 < dot < len(name) - 1 else ""


def data_files(directory: Path) -> list[Path]:
    """Every YAML/JSON file below ``directory``, sorted (deterministic batches and keys)."""
    return list(iter_data_files(directory))
