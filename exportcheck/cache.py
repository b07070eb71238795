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

import contextlib
import gc
import os
import sys
from collections.abc import Mapping
from importlib.util import source_hash as _siphash
from typing import TYPE_CHECKING

from exportcheck import __version__
from exportcheck.kb import KnowledgeBase, load_knowledge_base
from exportcheck.paths import DATA_SUFFIXES, bundled_data, iter_entries

if TYPE_CHECKING:
    from exportcheck.paths import StrPath

_CODE_SUFFIXES = (".py", ".json")


def source_hash(*directories: StrPath) -> str:
    """Key of the compiled knowledge base (policy tests under ``tests/`` are not part of it)."""
    parts = [f"exportcheck {__version__}".encode()]
    package = os.path.dirname(__file__)
    for entry in iter_entries(package, _CODE_SUFFIXES, skip=frozenset({"__pycache__"})):
        stat = entry.stat()
        # (File names as bytes: a name that is not UTF-8 must not end in an internal error.)
        name = os.fsencode(entry.path[len(package) :])
        parts.append(name + f"\0{stat.st_size}\0{stat.st_mtime_ns}".encode())
    for directory in directories:
        root = os.path.normpath(directory)
        for entry in iter_entries(root, DATA_SUFFIXES, skip=frozenset({"tests"})):
            with open(entry.path, "rb") as handle:
                content = _siphash(handle.read())
            parts.append(os.fsencode(entry.path[len(root) :]) + b"\0" + content)
    return _siphash(b"\n".join(parts)).hex()


def cache_dir() -> str | None:
    if os.environ.get("EXPORTCHECK_NO_CACHE"):
        return None
    override = os.environ.get("EXPORTCHECK_CACHE_DIR")
    if override:
        return override
    return os.path.join(user_cache_root(sys.platform, os.environ), "exportcheck")


def user_cache_root(platform: str, environ: Mapping[str, str]) -> str:
    """The per-user cache directory by each platform's convention: the XDG Base Directory
    spec (``$XDG_CACHE_HOME`` when absolute, else ``~/.cache``), ``~/Library/Caches`` on
    macOS, ``%LOCALAPPDATA%`` on Windows.

    Written out rather than taken from platformdirs, whose import (~6 ms, it loads tempfile
    and shutil) was a fifth of a one-profile check's own start-up.
    """
    if platform == "win32":
        local = environ.get("LOCALAPPDATA", "")
        return local if os.path.isabs(local) else os.path.expanduser("~/AppData/Local")
    if platform == "darwin":
        return os.path.expanduser("~/Library/Caches")
    # The spec: "If an implementation encounters a relative path in any of these variables it
    # should consider the path invalid and ignore it." An empty one is unset.
    xdg = environ.get("XDG_CACHE_HOME", "")
    return xdg if os.path.isabs(xdg) else os.path.expanduser("~/.cache")


def _read(path: str, key: str) -> KnowledgeBase | None:
    # Unpickling creates ~20,000 objects, none of them garbage: the collector's passes over
    # them would double the load time (8 ms -> 4 ms measured without them).
    collecting = gc.isenabled()
    gc.disable()
    try:
        with open(path, "rb") as handle:
            kb = _unpickle(handle.read())
    except Exception:
        return None
    finally:
        if collecting:
            gc.enable()
    return kb if isinstance(kb, KnowledgeBase) and kb.source_hash == key else None


def _unpickle(data: bytes) -> object:
    """CPython's C unpickler straight away: importing pickle.py (its pure-Python pickler
    and tables) costs ~1.3 ms more of every start-up, for the one function needed here."""
    try:
        from _pickle import loads
    except ImportError:  # another Python implementation
        from pickle import loads
    return loads(data)  # noqa: S301 - our own file, keyed by content hash


def _write(path: str, kb: KnowledgeBase) -> None:
    directory = os.path.dirname(path)
    try:
        import pickle
        import tempfile  # only when writing: ~3 ms of start-up otherwise

        os.makedirs(directory, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=directory, prefix=".kb.", suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(kb, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        return  # read-only home, full disk…: the cache is an optimisation only
    _prune(directory, keep=path)


_KEPT = 4  # a few keys stay warm: data edited back and forth, several checkouts


def _prune(directory: str, keep: str) -> None:
    """Every edit of the data or upgrade writes a new key; without pruning, stale files
    (~0.7 MB each) pile up in the user's cache directory. The newest few are kept."""
    try:
        with os.scandir(directory) as listing:
            cached = [
                entry
                for entry in listing
                if entry.name.startswith("kb-")
                and entry.name.endswith(".pickle")
                and entry.path != keep
            ]
        stale = sorted(cached, key=lambda e: e.stat().st_mtime_ns, reverse=True)[_KEPT - 1 :]
        for old in stale:
            with contextlib.suppress(FileNotFoundError):  # another process was first
                os.unlink(old.path)
    except OSError:
        return  # another process pruned first, or the directory went away


def cached_knowledge_base(
    catalog_dir: StrPath | None = None, rules_dir: StrPath | None = None
) -> KnowledgeBase:
    catalog_dir = catalog_dir if catalog_dir is not None else bundled_data("catalog")
    rules_dir = rules_dir if rules_dir is not None else bundled_data("rules")
    directory = cache_dir()
    if directory is None:
        return load_knowledge_base(catalog_dir, rules_dir)
    key = source_hash(catalog_dir, rules_dir)
    path = os.path.join(directory, f"kb-{key}.pickle")
    kb = _read(path, key) if os.path.exists(path) else None
    if kb is not None:
        return kb
    kb = load_knowledge_base(catalog_dir, rules_dir)
    kb.source_hash = key
    # The term index's forms are worth caching (~200 ms to build, mostly loading the OpenCC
    # dictionaries for the Traditional spellings; ~1 ms to load), and so are the per-version
    # views and rule sets (~1.3 ms to build one, ~0.2 ms each to load, sharing the entries).
    # The automaton cannot be pickled: it is built on first use.
    _ = kb.term_index
    for version in kb.catalogue.regime.versions:
        kb.for_version(version.id)
    _write(path, kb)
    return kb
