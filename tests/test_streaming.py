"""Framed documents (text, JSON, Markdown, SARIF) are written part by part through a spool:
the bytes equal rendering the whole report in memory, however small the spool."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import exportcheck.batch
from exportcheck.api import check_profiles, load_profile
from exportcheck.kb import KnowledgeBase
from exportcheck.render import json_frame, json_item, render

from conftest import EXAMPLES, RunCli

_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner),
    max_leaves=12,
)


@settings(max_examples=100, deadline=None)
@given(st.lists(_JSON, max_size=4), st.dictionaries(st.text(max_size=4), _JSON, max_size=3))
@example(
    [], {"": "\x00items\x00"}
)  # a value that spells the splitting marker (found by hypothesis)
def test_streamed_json_list_equals_dumping_the_document(
    items: list[Any], around: dict[str, Any]
) -> None:
    skeleton = {**around, "outer": [{"before": around, "results": []}], "after": 1}
    expected = json.loads(json.dumps(skeleton))
    expected["outer"][0]["results"] = items
    head, indent, tail = json_frame(skeleton, ["outer", 0, "results"], empty=not items)
    body = "".join(json_item(item, indent, first=i == 0) for i, item in enumerate(items))
    assert head + body + tail == json.dumps(expected, ensure_ascii=False, indent=2)


@pytest.mark.parametrize("fmt", ["text", "json", "markdown", "sarif", "jsonl"])
def test_cli_output_equals_the_in_memory_rendering(
    fmt: str, run_cli: RunCli, kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(exportcheck.batch, "SPOOL_CHARS", 64)  # spill to disk at once
    paths = sorted(EXAMPLES.iterdir(), key=str)
    report = check_profiles(kb, [load_profile(p, kb) for p in paths])
    out = run_cli("check", *map(str, paths), "--format", fmt, "--fail-on", "never").stdout
    assert out == render(report, fmt)


def test_parallel_json_through_a_tiny_spool_equals_sequential(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(exportcheck.batch, "SPOOL_CHARS", 64)
    for i in range(100):
        (tmp_path / f"p{i:03d}.yaml").write_text(
            f"profile: 1\nid: p{i}\ntitle: 语音合成 engine {i}\n", encoding="utf-8"
        )
    outs = [
        run_cli("check", str(tmp_path), "--format", fmt, "-j", jobs, "--fail-on", "never").stdout
        for fmt in ("json", "sarif")
        for jobs in ("1", "2")
    ]
    assert outs[0] == outs[1]
    assert outs[2] == outs[3]
    assert len(json.loads(outs[0])["results"]) == 100
    assert len(json.loads(outs[2])["runs"][0]["results"]) == 100


def test_a_bad_file_leaves_stdout_empty(run_cli: RunCli, tmp_path: Path) -> None:
    """The document is written only when every profile was checked: a consumer never gets
    half a JSON document."""
    bad = tmp_path / "zz-bad.yaml"
    bad.write_text("profile: 1\nid: x\n", encoding="utf-8")
    result = run_cli("check", str(EXAMPLES), str(bad), "--format", "json", expect=2)
    assert result.stdout == ""
    assert "E203 missing-key" in result.stderr


def test_bad_files_in_a_parallel_batch_are_all_reported_in_order(
    run_cli: RunCli, tmp_path: Path
) -> None:
    for i in range(80):
        body = "profile: 1\nid: x\n" if i in (13, 61) else f"profile: 1\nid: p{i}\ntitle: t\n"
        (tmp_path / f"p{i:03d}.yaml").write_text(body, encoding="utf-8")
    results = [
        run_cli("check", str(tmp_path), "--format", "json", "-j", jobs, expect=2)
        for jobs in ("1", "2")
    ]
    for result in results:
        assert result.stdout == ""
        lines = [line for line in result.stderr.splitlines() if "E203" in line]
        assert [line.split(":")[0].rsplit("/", 1)[-1] for line in lines] == [
            "p013.yaml",
            "p061.yaml",
        ]
    assert results[0].stderr == results[1].stderr


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("fmt", ["text", "json", "jsonl"])
def test_a_full_disk_behind_stdout_is_a_clear_error(fmt: str) -> None:
    """Through the console entry point (main, hard_exit): E505 on stderr, exit 2."""
    import subprocess
    import sys

    with Path("/dev/full").open("w", encoding="utf-8") as full:
        entry = "from exportcheck.cli import main; main()"
        done = subprocess.run(
            [sys.executable, "-c", entry, "check", str(EXAMPLES), "--format", fmt],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
    assert done.returncode == 2
    assert "<stdout>:1:1: E505 cannot-write-output: cannot write: No space left" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_spool_that_cannot_spill_is_a_clear_error(
    run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno
    import tempfile

    def no_space(*_args: object, **_kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(exportcheck.batch, "SPOOL_CHARS", 64)
    monkeypatch.setattr(tempfile, "TemporaryFile", no_space)
    result = run_cli("check", str(EXAMPLES), "--format", "json", expect=2)
    assert result.stdout == ""
    assert result.stderr.startswith("<temporary file>:1:1: E505 cannot-write-output")


def test_a_stream_that_cannot_hold_chinese_gets_escapes_not_a_crash() -> None:
    """PYTHONIOENCODING=ascii (or a legacy code page): the report is complete, with escapes;
    JSON stays valid because its escapes are JSON's own."""
    import os
    import subprocess
    import sys

    entry = "from exportcheck.cli import main; main()"
    seed = str(EXAMPLES / "foryou-recommender.yaml")
    env = {**os.environ, "PYTHONIOENCODING": "ascii"}
    for fmt in ("text", "json"):
        done = subprocess.run(
            [sys.executable, "-c", entry, "check", seed, "--format", fmt, "--fail-on", "never"],
            capture_output=True,
            env=env,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        assert done.stdout.isascii()
    report = json.loads(done.stdout)
    assert report["results"][0]["findings"][0]["entry_name"]["zh"] == "信息处理技术"
