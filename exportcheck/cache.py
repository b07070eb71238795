"""The compiled knowledge base, cached on disk keyed by a hash of its sources.

Parsing, validating and linting the catalogue and rules costs ~15x loading a pickle of the
result. The key is a hash of exportcheck's version, the size and modification time of its own
files (as Python keys bytecode), and the path and content of every catalogue and rules file, so
any edit of the data rebuilds however its timestamps moved. The hash is the one Python keys
hash-based bytecode with (PEP 552, ``importlib.util.source_hash``, SipHash): ~1.5 ms for the
~240 KB of data, and no OpenSSL to load (``import hashlib`` alone costs ~3 ms). The cache
lives in the per-user cache directory; an unwritable directory or a corrupt file is ignored
(rebuild), never an error.
"""

from __future__ import annotations

import gc
import os
import pickle
import sys
from collections.abc import Mapping
from importlib.util import source_hash as _siphash
from pathlib import Path

from exportcheck import __version__
from exportcheck.kb import KnowledgeBase, load_knowledge_base
from exportcheck.paths import DATA_SUFFIXES, default_catalog_dir, default_rules_dir, iter_entries

_CODE_SUFFIXES = (".py", ".json")


def source_hash(*directories: Path) -> str:
    """Key of the compiled knowledge base (policy tests under ``tests/`` are not part of it)."""
    parts = [f"exportcheck {__version__}".encode()]
    package = str(Path(__file__).parent)
    for entry in iter_entries(package, _CODE_SUFFIXES, skip=frozenset({"__pycache__"})):
        stat = entry.stat()
        parts.append(f"{entry.path[len(package) :]}\0{stat.st_size}\0{stat.st_mtime_ns}".encode())
    for directory in directories:
        root = str(directory)
        for entry in iter_entries(root, DATA_SUFFIXES, skip=frozenset({"tests"})):
            content = _siphash(Path(entry.path).read_bytes())
            parts.append(entry.path[len(root) :].encode() + b"\0" + content)
    return _siphash(b"\n".join(parts)).hex()


def cache_dir() -> Path | None:
    if os.environ.get("EXPORTCHECK_NO_CACHE"):
        return None
    override = os.environ.get("EXPORTCHECK_CACHE_DIR")
    if override:
        return Path(override)
    return user_cache_root(sys.platform, os.environ) / "exportcheck"


def user_cache_root(platform: str, environ: Mapping[str, str]) -> Path:
    """The per-user cache directory by each platform's convention: the XDG Base Directory
    spec (``$XDG_CACHE_HOME`` when absolute, else ``~/.cache``), ``~/Library/Caches`` on
    macOS, ``%LOCALAPPDATA%`` on Windows.

    Written out rather than taken from platformdirs, whose import (~6 ms, it loads tempfile
    and shutil) was a fifth of a one-profile check's own start-up.
    """
    if platform == "win32":
        local = Path(environ.get("LOCALAPPDATA", ""))
        return local if local.is_absolute() else Path("~/AppData/Local").expanduser()
    if platform == "darwin":
        return Path("~/Library/Caches").expanduser()
    # The spec: "If an implementation encounters a relative path in any of these variables it
    # should consider the path invalid and ignore it." An empty one is unset.
    xdg = Path(environ.get("XDG_CACHE_HOME", ""))
    return xdg if xdg.is_absolute() else Path("~/.cache").expanduser()


def _read(path: Path, key: str) -> KnowledgeBase | None:
    # Unpickling creates ~20,000 objects, none of them garbage: the collector's passes over
    # them would double the load time (8 ms -> 4 ms measured without them).
    collecting = gc.isenabled()
    gc.disable()
    try:
        kb = pickle.loads(path.read_bytes())  # noqa: S301 - our own file, keyed by content hash
    except Exception:
        return None
    finally:
        if collecting:
            gc.enable()
    return kb if isinstance(kb, KnowledgeBase) and kb.source_hash == key else None


def _write(path: Path, kb: KnowledgeBase) -> None:
    try:
        import tempfile  # only when writing: ~3 ms of start-up otherwise

        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".kb.", suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(kb, handle, protocol=pickle.HIGHEST_PROTOCOL)
        Path(tmp).replace(path)
    except OSError:
        return  # read-only home, full disk…: the cache is an optimisation only
    _prune(path.parent, keep=path)


_KEPT = 4  # a few keys stay warm: data edited back and forth, several checkouts


def _prune(directory: Path, keep: Path) -> None:
    """Every edit of the data or upgrade writes a new key; without pruning, stale files
    (~0.7 MB each) pile up in the user's cache directory. The newest few are kept."""
    try:
        stale = sorted(
            (p for p in directory.glob("kb-*.pickle") if p != keep),
            key=lambda p: p.stat().st_mtime_ns,
            reverse=True,
        )[_KEPT - 1 :]
        for old in stale:
            old.unlink(missing_ok=True)
    except OSError:
        return  # another process pruned first, or the directory went away


def cached_knowledge_base(
    catalog_dir: Path | None = None, rules_dir: Path | None = None
) -> KnowledgeBase:
    catalog_dir = catalog_dir or default_catalog_dir()
    rules_dir = rules_dir or default_rules_dir()
    directory = cache_dir()
    if directory is None:
        return load_knowledge_base(catalog_dir, rules_dir)
    key = source_hash(catalog_dir, rules_dir)
    path = directory / f"kb-{key}.pickle"
    kb = _read(path, key) if path.exists() else None
    if kb is not None:
        return kb
    kb = load_knowledge_base(catalog_dir, rules_dir)
    kb.source_hash = key
    # The term index's forms are worth caching (~200 ms to build, mostly loading the OpenCC
    # dictionaries for the Traditional spellings; ~0.5 ms to load); per-version views are not
    # (~1 ms to build, more to load), so they are built on first use, as is the automaton.
    _ = kb.term_index
    kb._versions.clear()  # the cache owns this detail of the knowledge base
    _write(path, kb)
    return kb
