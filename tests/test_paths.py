"""Discovery of data files: a lazy walk in the order of the sorted path strings."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from exportcheck.paths import DATA_SUFFIXES, data_files, iter_data_files, iter_glob

_NAMES = st.text(alphabet="ab.-_/é", min_size=1, max_size=12).filter(
    lambda s: not s.startswith("/") and "//" not in s and not s.endswith("/")
)


def _sorted_rglob(directory: Path) -> list[Path]:
    """The obvious definition: everything, then filter and sort."""
    found = (p for p in directory.rglob("*") if p.suffix in DATA_SUFFIXES and p.is_file())
    return sorted(found, key=str)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(_NAMES, st.sampled_from([".yaml", ".yml", ".json", ".txt", ""]))))
def test_walk_order_is_the_sorted_path_order(files: list[tuple[str, str]]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for stem, suffix in files:
            target = root / (stem + suffix)
            if any(part in (".", "..") for part in target.relative_to(root).parts):
                continue
            try:
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text("x", encoding="utf-8")
            except (FileExistsError, NotADirectoryError, IsADirectoryError):
                continue  # a name used both as a file and as a directory
        assert list(iter_data_files(root)) == _sorted_rglob(root)


def test_symlinked_files_count_and_symlinked_directories_are_not_entered(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "p.yaml").write_text("x", encoding="utf-8")
    (tmp_path / "loop").symlink_to(tmp_path)
    (tmp_path / "alias.yaml").symlink_to(tmp_path / "real" / "p.yaml")
    (tmp_path / "folder.yaml").mkdir()
    assert data_files(tmp_path) == [tmp_path / "alias.yaml", tmp_path / "real" / "p.yaml"]


_SEGMENTS = st.sampled_from(
    ["*", "**", "?", "a*", "*.yaml", ".*", "[ab]*", "a", "b.yaml", "s", ".h", "*a?", "[!a]*", "b"]
)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.lists(st.sampled_from(["a", "b", "s", ".h", "ab"]), max_size=3),
            st.sampled_from(["a", "b", "b.yaml", ".h.yaml", "ab.json", "x.yaml", "s"]),
        ),
        max_size=12,
    ),
    st.lists(_SEGMENTS, min_size=1, max_size=4),
    st.booleans(),
)
def test_glob_walk_finds_what_glob_finds_in_the_same_order(
    files: list[tuple[list[str], str]], segments: list[str], absolute: bool
) -> None:
    """Including glob's quirks ("notes.yaml/**" is the file itself; a non-final wildcard
    only matches directories), except that a file is listed once where glob repeats it
    ("**/**")."""
    import glob
    import os

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for parts, name in files:
            target = root.joinpath(*parts, name)
            try:
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text("x", encoding="utf-8")
            except (FileExistsError, NotADirectoryError, IsADirectoryError):
                continue
        pattern = "/".join(segments)
        cwd = Path.cwd()
        os.chdir(root)
        try:
            full = f"{root}/{pattern}" if absolute else pattern
            expected = sorted(
                {Path(p) for p in glob.glob(full, recursive=True) if Path(p).is_file()},  # noqa: PTH207 - the reference
                key=str,
            )
            assert list(iter_glob(full)) == expected
        finally:
            os.chdir(cwd)
