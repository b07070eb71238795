"""The compiled knowledge-base cache: used when valid, rebuilt when stale or corrupt, and
never an error when it cannot be written."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

from exportcheck.cache import cached_knowledge_base


def test_cache_is_written_then_reused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EXPORTCHECK_CACHE_DIR", str(tmp_path))
    first = cached_knowledge_base()
    (cached,) = tmp_path.glob("kb-*.pickle")
    second = cached_knowledge_base()
    assert second is not first
    assert second.source_hash == first.source_hash
    assert [r.id for r in second.rules] == [r.id for r in first.rules]
    assert cached.stat().st_size > 0


def test_corrupt_cache_is_rebuilt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EXPORTCHECK_CACHE_DIR", str(tmp_path))
    kb = cached_knowledge_base()
    (cached,) = tmp_path.glob("kb-*.pickle")
    cached.write_bytes(b"not a pickle")
    again = cached_knowledge_base()
    assert again.source_hash == kb.source_hash
    assert cached.read_bytes() != b"not a pickle"


def test_unwritable_cache_directory_is_ignored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache directory would go", encoding="utf-8")
    monkeypatch.setenv("EXPORTCHECK_CACHE_DIR", str(blocker / "cache"))
    assert cached_knowledge_base().rules


def test_no_cache_when_disabled(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EXPORTCHECK_CACHE_DIR", str(tmp_path))
    monkeypatch.setenv("EXPORTCHECK_NO_CACHE", "1")
    assert cached_knowledge_base().rules
    assert not list(tmp_path.iterdir())


def test_key_follows_content_not_timestamps(tmp_path: Path) -> None:
    """An edit that keeps size and modification time still changes the key; touching a
    file without changing it does not."""
    from exportcheck.cache import source_hash
    from exportcheck.paths import default_catalog_dir

    shutil.copytree(default_catalog_dir(), tmp_path / "catalog")
    regime = tmp_path / "catalog" / "regime.yaml"
    before = source_hash(tmp_path / "catalog")
    stat = regime.stat()
    os.utime(regime, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
    assert source_hash(tmp_path / "catalog") == before
    text = regime.read_bytes()
    swapped = text.replace(b"2020", b"2021", 1)
    assert swapped != text
    regime.write_bytes(swapped)
    os.utime(regime, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert source_hash(tmp_path / "catalog") != before


@pytest.mark.parametrize(
    ("platform", "environ", "expected"),
    [
        ("linux", {"XDG_CACHE_HOME": "/var/tmp/xdg"}, "/var/tmp/xdg"),
        # The XDG spec: a relative path in the variable is invalid and ignored, as is empty.
        ("linux", {"XDG_CACHE_HOME": "relative/cache"}, "~/.cache"),
        ("linux", {"XDG_CACHE_HOME": ""}, "~/.cache"),
        ("linux", {}, "~/.cache"),
        ("freebsd14", {}, "~/.cache"),
        ("darwin", {"XDG_CACHE_HOME": "/var/tmp/xdg"}, "~/Library/Caches"),
        ("win32", {"LOCALAPPDATA": "/appdata/local"}, "/appdata/local"),
    ],
)
def test_user_cache_root_follows_each_platform_convention(
    platform: str, environ: dict[str, str], expected: str
) -> None:
    from exportcheck.cache import user_cache_root

    assert Path(user_cache_root(platform, environ)) == Path(expected).expanduser()


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="XDG platforms only")
def test_default_cache_dir_is_under_the_user_cache_root(monkeypatch: pytest.MonkeyPatch) -> None:
    from exportcheck.cache import cache_dir

    monkeypatch.delenv("EXPORTCHECK_CACHE_DIR", raising=False)
    monkeypatch.delenv("EXPORTCHECK_NO_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", "/var/tmp/xdg-test")
    assert cache_dir() == "/var/tmp/xdg-test/exportcheck"
    monkeypatch.setenv("EXPORTCHECK_NO_CACHE", "1")
    assert cache_dir() is None


def test_stale_cache_files_are_pruned(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EXPORTCHECK_CACHE_DIR", str(tmp_path))
    for i in range(6):
        old = tmp_path / f"kb-stale{i}.pickle"
        old.write_bytes(b"x")
        os.utime(old, ns=(i * 10**9, i * 10**9))  # stale0 oldest … stale5 newest
    other = tmp_path / "notes.txt"
    other.write_text("not ours", encoding="utf-8")
    kb = cached_knowledge_base()
    left = sorted(p.name for p in tmp_path.glob("kb-*.pickle"))
    assert f"kb-{kb.source_hash}.pickle" in left
    assert left == sorted(
        [f"kb-{kb.source_hash}.pickle", "kb-stale5.pickle", "kb-stale4.pickle", "kb-stale3.pickle"]
    )
    assert other.exists()


def test_validate_reports_the_same_from_a_cached_knowledge_base(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """validate reuses the knowledge base cached for the same content, warnings and all, and
    validates an edit in full."""
    from click.testing import CliRunner

    from exportcheck.cli import cli
    from exportcheck.paths import bundled_data

    data = tmp_path / "data"
    shutil.copytree(bundled_data("catalog"), data / "catalog")
    shutil.copytree(bundled_data("rules"), data / "rules", ignore=shutil.ignore_patterns("tests"))
    vocabulary = data / "rules" / "vocabulary.yaml"
    text = vocabulary.read_text(encoding="utf-8")
    # a term of another capability as well: a W320 warning, not an error
    vocabulary.write_text(
        text.replace(
            "        - vocoder\n", "        - vocoder\n        - personalized recommendation\n"
        ),
        encoding="utf-8",
    )
    argv = ["validate", str(data / "catalog"), str(data / "rules")]

    def run() -> tuple[int, str]:
        result = CliRunner().invoke(cli, argv, catch_exceptions=False)
        return result.exit_code, result.stdout + result.stderr

    monkeypatch.setenv("EXPORTCHECK_CACHE_DIR", str(tmp_path / "cache"))
    cold, warm = run(), run()
    assert len(list((tmp_path / "cache").glob("kb-*.pickle"))) == 1
    monkeypatch.setenv("EXPORTCHECK_NO_CACHE", "1")
    uncached = run()
    assert cold == warm == uncached
    assert " W320 shared-term: term 'personalized recommendation'" in warm[1]
    assert "0 errors, 1 warnings" in warm[1]
    # an edit that breaks the data is validated in full, not answered from the cache
    monkeypatch.delenv("EXPORTCHECK_NO_CACHE")
    vocabulary.write_text(
        text.replace("        - vocoder\n", "        - vocoder\n        - vocoder\n"),
        encoding="utf-8",
    )
    code, output = run()
    assert code == 1
    assert "E207 duplicate-item" in output
