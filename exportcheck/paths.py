"""Where bundled data lives, and how data files are named in messages."""

from __future__ import annotations

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


def data_files(directory: Path) -> list[Path]:
    """Every YAML/JSON file below ``directory``, sorted (deterministic batches and keys)."""
    found = (p for p in directory.rglob("*") if p.suffix in DATA_SUFFIXES and p.is_file())
    return sorted(found, key=str)  # comparing strings is ~5x faster than comparing Paths
