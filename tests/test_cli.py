"""The command-line contract (design §4): exit codes, formats, stdin, output files."""

from __future__ import annotations

import json
import os
import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from exportcheck.schema import validator

from conftest import EXAMPLES, ROOT, RunCli

SEED = EXAMPLES / "foryou-recommender.yaml"
TEXT_ONLY = EXAMPLES / "foryou-recommender-text.yaml"
FREE = EXAMPLES / "payroll-saas.yaml"


def test_version(run_cli: RunCli) -> None:
    assert run_cli("--version", expect=0).stdout.startswith("exportcheck, version ")


@pytest.mark.parametrize(
    ("fail_on", "seed", "text", "free"),
    [
        ("review", 1, 1, 0),
        ("licence-required", 1, 0, 0),
        ("prohibited", 0, 0, 0),
        ("never", 0, 0, 0),
    ],
)
def test_fail_on_levels(run_cli: RunCli, fail_on: str, seed: int, text: int, free: int) -> None:
    for path, code in ((SEED, seed), (TEXT_ONLY, text), (FREE, free)):
        run_cli("check", str(path), "--fail-on", fail_on, expect=code)


def test_json_output_follows_the_contract(run_cli: RunCli) -> None:
    out = run_cli("check", str(SEED), str(FREE), "--format", "json", "--as-of", "2025-09-01").stdout
    doc = json.loads(out)
    validator("output").validate(doc)
    assert doc["catalog"]["version"] == "2025"
    assert doc["catalog"]["coverage"]["complete"] is False
    seed, free = doc["results"]
    assert seed["decision"] == "licence-required"
    finding = next(
        f
        for f in seed["findings"]
        if f["control_point_id"] == "information-processing#personalised-push"
    )
    assert (finding["entry"], finding["class"], finding["basis"]) == (
        "086501X",
        "restricted",
        "asserted",
    )
    assert finding["control_point"] is None  # the 2023/2025 number is not established
    assert free["decision"] == "free"
    assert free["findings"] == []
    assert doc["summary"] == {
        "profiles": 2,
        "prohibited": 0,
        "licence-required": 1,
        "review": 0,
        "free": 1,
    }


def test_seed_as_of_2021_uses_the_2020_code_and_number(run_cli: RunCli) -> None:
    doc = json.loads(
        run_cli("check", str(SEED), "--format", "json", "--as-of", "2021-01-01").stdout
    )
    finding = next(
        f
        for f in doc["results"][0]["findings"]
        if f["control_point_id"] == "information-processing#personalised-push"
    )
    assert (finding["entry"], finding["control_point"]) == ("056101X", "21")
    assert doc["catalog"]["version"] == "2020"


def test_text_only_seed_gives_review_with_spans(run_cli: RunCli) -> None:
    doc = json.loads(run_cli("check", str(TEXT_ONLY), "--format", "json").stdout)
    result = doc["results"][0]
    assert result["decision"] == "review"
    finding = next(
        f
        for f in result["findings"]
        if f["control_point_id"] == "information-processing#personalised-push"
    )
    assert finding["basis"] == "indicated"
    source = TEXT_ONLY.read_text(encoding="utf-8")
    for ev in finding["evidence"]:
        assert ev["path"] in ("title", "summary")
        assert ev["end"] > ev["start"]
        assert ev["text"] in source


def test_stdin_yaml_and_json(run_cli: RunCli) -> None:
    yaml_text = SEED.read_text(encoding="utf-8")
    assert run_cli("check", "-", "--fail-on", "never", input=yaml_text, expect=0).stdout
    as_json = json.dumps({"profile": 1, "id": "x", "title": "personalized recommendation engine"})
    doc = json.loads(run_cli("check", "-", "--format", "json", input=as_json, expect=1).stdout)
    assert doc["results"][0]["profile"]["path"] == "<stdin>"


def test_directory_input_is_sorted_and_deterministic(run_cli: RunCli) -> None:
    first = run_cli("check", str(EXAMPLES), "--format", "json", "--fail-on", "never").stdout
    second = run_cli("check", str(EXAMPLES), "--format", "json", "--fail-on", "never").stdout
    assert first == second
    paths = [r["profile"]["path"] for r in json.loads(first)["results"]]
    assert paths == sorted(paths)
    assert len(paths) >= 12


def test_output_file_is_written(run_cli: RunCli, tmp_path: Path) -> None:
    target = tmp_path / "report.md"
    run_cli("check", str(SEED), "--format", "markdown", "--output", str(target), expect=1)
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# exportcheck report")
    assert "086501X" in text


def test_sarif_points_at_profile_lines(run_cli: RunCli) -> None:
    args = ("check", str(TEXT_ONLY), "--format", "sarif", "--as-of", "2025-09-01")
    doc = json.loads(run_cli(*args).stdout)
    result = doc["runs"][0]["results"][0]
    region = result["locations"][0]["physicalLocation"]["region"]
    assert region["startLine"] > 1
    assert result["level"] == "warning"
    # The region starts at the quoted words, and the run says which catalogue answered.
    line = TEXT_ONLY.read_text(encoding="utf-8").split("\n")[region["startLine"] - 1]
    assert line[region["startColumn"] - 1 :].startswith(region["snippet"]["text"])
    assert doc["runs"][0]["properties"]["catalogue"] == {
        "regime": "cn-tech-export",
        "version": "2025",
        "in_force": "2025-07-15",
        "as_of": "2025-09-01",
    }


def test_free_text_says_it_is_not_a_clearance(run_cli: RunCli) -> None:
    out = run_cli("check", str(FREE), expect=0).stdout
    assert "FREE" in out
    assert "encoded" in out


def test_lang_zh_explanations(run_cli: RunCli) -> None:
    doc = json.loads(run_cli("check", str(SEED), "--format", "json", "--lang", "zh").stdout)
    explanation = doc["results"][0]["findings"][0]["explanation"]
    assert "信息处理技术" in explanation
    assert "结论" in explanation


def test_explain_shows_the_condition_tree(run_cli: RunCli) -> None:
    """explain exits as check does: the seed case is licence-required, which reaches the
    default --fail-on level."""
    out = run_cli("explain", str(SEED), expect=1).stdout
    assert "✓ capability recommendation.personalised-push" in out
    assert "rules/cn-tech-export/rules.yaml:" in out
    run_cli("explain", str(SEED), "--fail-on", "never", expect=0)
    run_cli("explain", str(SEED), "--fail-on", "prohibited", expect=0)
    run_cli("explain", str(SEED), "--fail-on", "licence-required", expect=1)


def test_explain_entry_shows_why_not(run_cli: RunCli) -> None:
    out = run_cli("explain", str(FREE), "--entry", "086501X", expect=0).stdout
    assert "✗ capability recommendation.personalised-push" in out
    assert "no finding" in out
    doc = json.loads(
        run_cli(
            "explain",
            str(FREE),
            "--entry",
            "086501X#personalised-push",
            "--format",
            "json",
            expect=0,
        ).stdout
    )
    assert doc["entry"]["id"] == "information-processing"
    assert all(rule["truth"] == "false" for rule in doc["entry"]["rules"])


def test_explain_unknown_or_absent_entry(run_cli: RunCli) -> None:
    assert "E506" in run_cli("explain", str(FREE), "--entry", "999999X", expect=2).stderr
    err = run_cli(
        "explain", str(FREE), "--entry", "085001J", "--as-of", "2025-09-01", expect=2
    ).stderr
    assert "E507 entry-not-in-force" in err


def test_as_of_and_version_are_exclusive(run_cli: RunCli) -> None:
    run_cli("check", str(SEED), "--as-of", "2021-01-01", "--catalog-version", "2020", expect=2)


def test_draft_version_is_refused(run_cli: RunCli) -> None:
    assert "E502" in run_cli("check", str(SEED), "--catalog-version", "2022-draft", expect=2).stderr


def test_date_before_catalogue_and_bad_date(run_cli: RunCli) -> None:
    assert "E501" in run_cli("check", str(SEED), "--as-of", "2005-01-01", expect=2).stderr
    run_cli("check", str(SEED), "--as-of", "yesterday", expect=2)


def test_future_date_warns(run_cli: RunCli) -> None:
    result = run_cli("check", str(FREE), "--as-of", "2999-01-01", expect=0)
    assert "in the future" in result.stderr


def test_schema_command_prints_json(run_cli: RunCli) -> None:
    doc = json.loads(run_cli("schema", "profile", expect=0).stdout)
    assert doc["$schema"].endswith("2020-12/schema")


def test_validate_bundled_data_is_clean(run_cli: RunCli) -> None:
    result = run_cli("validate", expect=0)
    assert "0 errors" in result.stderr


def test_internal_errors_are_caught(run_cli: RunCli, monkeypatch: pytest.MonkeyPatch) -> None:
    import exportcheck.batch

    def boom(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(exportcheck.batch, "write_check", boom)
    result = run_cli("check", str(SEED), expect=2)
    assert "internal error: RuntimeError: boom" in result.stderr


def test_debug_shows_the_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    from click.testing import CliRunner

    import exportcheck.batch
    from exportcheck.cli import cli

    def boom(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(exportcheck.batch, "write_check", boom)
    result = CliRunner().invoke(cli, ["--debug", "check", str(SEED)])
    assert isinstance(result.exception, RuntimeError)


def test_same_technology_in_three_scripts_gives_the_same_entries(
    run_cli: RunCli, write_profile: Callable[..., Path]
) -> None:
    texts = {
        "zh": "短视频平台的个性化推荐算法，根据用户画像向用户推送内容。",
        "hant": "短影音平台的個人化推薦演算法，根據使用者畫像向使用者推送內容。",
        "en": "Personalized recommendation algorithm for a short-video app that pushes content "
        "based on user profiling.",
    }
    entries = []
    for name, text in texts.items():
        doc = json.loads(
            run_cli("check", str(write_profile(name=name, title=text)), "--format", "json").stdout
        )
        entries.append({f["control_point_id"] for f in doc["results"][0]["findings"]})
    assert entries[0] == entries[1] == entries[2]
    assert "information-processing#personalised-push" in entries[0]


def test_validate_verbose_lists_every_failed_alternative(run_cli: RunCli, tmp_path: Path) -> None:
    bad = tmp_path / "cases.yaml"
    bad.write_text(
        "kind: policy-tests\ncases:\n  - name: x\n    profile: 42\n    expect: {decision: free}\n",
        encoding="utf-8",
    )
    short = run_cli("validate", str(bad), expect=1).stdout
    assert "1 other alternative(s) also failed" in short
    assert short.count("E201") == 1
    assert run_cli("validate", "-v", str(bad), expect=1).stdout.count("E201") == 2


def test_jsonl_streams_one_line_per_profile(run_cli: RunCli, tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    run_cli(
        "check",
        str(EXAMPLES),
        "--format",
        "jsonl",
        "--fail-on",
        "never",
        "-o",
        str(target),
        expect=0,
    )
    lines = target.read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(list(EXAMPLES.iterdir()))
    first = json.loads(lines[0])
    assert first["format"] == 1
    assert first["catalog"]["regime"] == "cn-tech-export"
    # Each line is one element of the JSON report's results, with its format and catalog
    # beside it: put back together, the lines make a document the output schema accepts.
    rows = [json.loads(line) for line in lines]
    document = {
        "format": 1,
        "catalog": first["catalog"],
        "results": [{k: v for k, v in r.items() if k not in ("format", "catalog")} for r in rows],
        "summary": {
            "profiles": len(rows),
            **{
                d: sum(r["decision"] == d for r in rows)
                for d in ("prohibited", "licence-required", "review", "free")
            },
        },
    }
    assert list(validator("output").iter_errors(document)) == []


def test_a_bad_file_in_a_stream_leaves_no_output_file(run_cli: RunCli, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("profile: 1\nid: x\n", encoding="utf-8")
    target = tmp_path / "out.jsonl"
    result = run_cli(
        "check", str(EXAMPLES), str(bad), "--format", "jsonl", "-o", str(target), expect=2
    )
    assert "E203 missing-key" in result.stderr
    assert not target.exists()
    assert not list(tmp_path.glob(".out.jsonl.*"))


def test_glob_patterns_are_expanded(run_cli: RunCli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(EXAMPLES.parent.parent)
    out = run_cli("check", "examples/**/*.json", "--format", "json", "--fail-on", "never").stdout
    assert [r["profile"]["path"] for r in json.loads(out)["results"]] == [
        "examples/profiles/lmfp-cathode-converted-units.json"
    ]
    assert "E503" in run_cli("check", "examples/**/*.toml", expect=2).stderr


def test_parallel_batch_output_equals_sequential(run_cli: RunCli, tmp_path: Path) -> None:
    for i in range(70):  # above the threshold where workers start
        (tmp_path / f"p{i:03d}.yaml").write_text(
            f"profile: 1\nid: p{i}\ntitle: personalized recommendation engine {i}\n",
            encoding="utf-8",
        )
    one = run_cli("check", str(tmp_path), "--format", "json", "-j", "1", "--fail-on", "never")
    two = run_cli("check", str(tmp_path), "--format", "json", "-j", "2", "--fail-on", "never")
    assert one.stdout == two.stdout
    assert json.loads(one.stdout)["summary"]["review"] == 70


def test_output_never_replaces_or_reads_an_input(run_cli: RunCli, tmp_path: Path) -> None:
    """Naming an input as --output is refused (the profile is left as it was); a report
    written into the directory being checked is not read back as a profile next time."""
    profile = tmp_path / "p.yaml"
    shutil.copy(SEED, profile)
    before = profile.read_bytes()
    result = run_cli("check", str(profile), "-o", str(profile), expect=2)
    assert "E505 cannot-write-output: --output names this input profile" in result.stderr
    assert profile.read_bytes() == before

    report = tmp_path / "report.json"
    for _ in range(2):
        run_cli("check", str(tmp_path), "--format", "json", "-o", str(report), "--fail-on", "never")
    assert [r["profile"]["path"] for r in json.loads(report.read_text("utf-8"))["results"]] == [
        str(profile)
    ]


def test_a_file_name_that_is_not_utf8_is_shown_escaped(run_cli: RunCli, tmp_path: Path) -> None:
    """Linux allows any bytes in a name; Python keeps the bad ones as lone surrogates, which
    no UTF-8 output (a JSON report file) can carry. They appear as escapes instead."""
    import os

    try:
        name = os.path.join(os.fsencode(tmp_path), b"voice\xffengine.yaml")  # noqa: PTH118
        with open(name, "wb") as handle:  # noqa: PTH123 - a bytes path
            handle.write(SEED.read_bytes())
    except OSError:
        pytest.skip("this file system refuses names that are not UTF-8")
    report = tmp_path / "report.json"
    run_cli("check", str(tmp_path), "--format", "json", "-o", str(report), "--fail-on", "never")
    (result,) = json.loads(report.read_text("utf-8"))["results"]
    assert result["profile"]["path"].endswith("voice\\xffengine.yaml")


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2023-02-30", "2023-02-30 is not a calendar date: check the month and the day"),
        ("2023/02/01", "'2023/02/01' is not a date: write YYYY-MM-DD"),
    ],
)
def test_a_bad_as_of_date_says_what_is_wrong(run_cli: RunCli, value: str, message: str) -> None:
    result = run_cli("check", str(FREE), "--as-of", value, expect=2)
    assert message in result.stderr


def test_explain_carries_the_consequence_steps_and_control_point_text(run_cli: RunCli) -> None:
    """Design §2.2: the control point's text (zh + en), the legal consequence and next steps,
    in text and JSON; the why-not of an entry names it and its control points."""
    out = run_cli("explain", str(SEED), "--fail-on", "never").stdout
    assert "control point: 基于数据分析的个性化信息推送服务技术 / Personalised" in out
    assert "\n1. " in out  # the next steps are numbered
    doc = json.loads(run_cli("explain", str(SEED), "--format", "json", "--fail-on", "never").stdout)
    assert doc["catalog"]["coverage"]["complete"] is False
    assert doc["consequence"]
    assert doc["next_steps"]
    assert doc["findings"][0]["trace"]["kind"] == "any"
    why = json.loads(
        run_cli(
            "explain", str(FREE), "--entry", "086501X#personalised-push", "--format", "json"
        ).stdout
    )["entry"]
    assert (why["code"], why["class"]) == ("086501X", "restricted")
    assert [cp["id"] for cp in why["control_points"]] == [
        "information-processing#personalised-push"
    ]
    err = run_cli("explain", str(FREE), "--entry", "086501X#", expect=2).stderr
    assert "nothing after '#'" in err


def test_an_explicit_catalogue_version_reports_its_date_in_force(run_cli: RunCli) -> None:
    doc = json.loads(
        run_cli(
            "check", str(SEED), "--catalog-version", "2020", "--format", "json", expect=1
        ).stdout
    )
    assert doc["catalog"]["as_of"] == "2020-08-28"


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["check", str(SEED), "--fail-on", "never"], "需申领许可证"),
        (["explain", str(SEED), "--fail-on", "never"], "需申领许可证"),
        (["validate"], "错误 0 个"),
        (["catalog", "list"], "已录入"),
        (["catalog", "show", "086501X"], "各版本编号"),
        (["catalog", "search", "个性化信息推送"], "086501X"),
        (["catalog", "diff", "2023", "2025"], "个条目有变化"),
        (["catalog", "versions"], "2025"),
        (["catalog", "coverage"], "信息处理技术"),
        (["impact", "--base-dir", str(ROOT)], "的影响"),
    ],
    ids=lambda value: value if isinstance(value, str) else " ".join(value[:2]),
)
def test_every_command_that_prints_prose_takes_lang(
    run_cli: RunCli, args: list[str], words: str
) -> None:
    """Design §4: --lang zh|en on every command that prints prose."""
    result = run_cli(*args, "--lang", "zh")
    assert result.exit_code in (0, 1), result.output
    assert words in result.output


def test_dash_means_standard_streams_and_stdin_is_read_once(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    text = SEED.read_text(encoding="utf-8")
    out = run_cli("check", "-", "-", "-o", "-", "--format", "json", input=text, expect=1).stdout
    assert len(json.loads(out)["results"]) == 1  # "- -" is one profile: stdin is read once
    assert not (tmp_path / "-").exists()  # "-o -" is stdout, not a file named "-"


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")
def test_a_report_file_is_made_as_the_umask_says(run_cli: RunCli, tmp_path: Path) -> None:
    report = tmp_path / "report.json"
    old = os.umask(0o022)
    try:
        run_cli("check", str(FREE), "-o", str(report), expect=0)
    finally:
        os.umask(old)
    assert report.stat().st_mode & 0o777 == 0o644


def test_an_unreadable_directory_is_an_error_not_an_empty_one(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Skipping a directory it may not read would drop its profiles without a word. (Root
    reads any directory, so the refusal is simulated.)"""
    corpus = tmp_path / "corpus"
    (corpus / "locked").mkdir(parents=True)
    (corpus / "a.yaml").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path: str) -> Any:
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    result = run_cli("check", str(corpus), expect=2)
    assert "locked:1:1: E112 unreadable-file: cannot read this directory" in result.stderr


def test_chinese_explain_names_the_condition_tree_in_chinese(run_cli: RunCli) -> None:
    out = run_cli("explain", str(SEED), "--lang", "zh", "--fail-on", "never").stdout
    assert "规则 info-processing.personalised-push" in out
    assert "✓ 任一满足（any）" in out
    assert "✓ 能力 recommendation.personalised-push" in out
    why = run_cli("explain", str(FREE), "--entry", "086501X", "--lang", "zh").stdout
    assert "条目 086501X 信息处理技术" in why


def test_a_report_never_replaces_a_profile_of_its_batch(run_cli: RunCli, tmp_path: Path) -> None:
    """-o naming a profile inside a checked directory (or a link to an input) would drop it
    from the batch and overwrite it: an error. An earlier report of ours there is skipped."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    magnets = corpus / "ndfeb.yaml"
    magnets.write_text((EXAMPLES / "ndfeb-magnet-sintering.yaml").read_text(encoding="utf-8"))
    shutil.copy(FREE, corpus / "payroll.yaml")
    before = magnets.read_bytes()
    err = run_cli("check", str(corpus), "-o", str(magnets), expect=2).stderr
    assert "E505 cannot-write-output: --output names a profile of this batch" in err
    assert magnets.read_bytes() == before
    report = corpus / "report.json"
    for _ in range(2):  # the second run meets the first one's report and skips it
        run_cli("check", str(corpus), "-o", str(report), "--format", "json", expect=1)
        assert json.loads(report.read_text())["summary"]["profiles"] == 2
    link = tmp_path / "link.yaml"
    link.symlink_to(magnets)
    run_cli("check", str(magnets), "-o", str(link), expect=2)
    assert magnets.read_bytes() == before


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX FIFO")
def test_a_report_to_a_fifo_is_written_into_it(run_cli: RunCli, tmp_path: Path) -> None:
    """A device or FIFO (/dev/null, /dev/stdout) is written to, never renamed over."""
    import stat
    import threading

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    run_cli("check", str(FREE), "-o", str(fifo), expect=0)
    reader.join(timeout=10)
    assert b"payroll-saas: FREE" in received[0]
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_shell_redirection_into_the_corpus_is_not_read_as_a_profile(tmp_path: Path) -> None:
    """'check . > report.json' in the corpus: the shell creates report.json (empty) before the
    run; the walk skips the file that is its own standard output."""
    import subprocess

    shutil.copy(FREE, tmp_path / "payroll.yaml")
    report = tmp_path / "report.json"
    for _ in range(2):
        with report.open("w") as out:
            done = subprocess.run(
                [sys.executable, "-m", "exportcheck", "check", ".", "--format", "json"],
                cwd=tmp_path,
                stdout=out,
                stderr=subprocess.PIPE,
                check=False,
            )
        assert done.returncode == 0, done.stderr
        assert json.loads(report.read_text())["summary"]["profiles"] == 1


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_an_interrupted_run_exits_130_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    """Ctrl-C or a CI timeout's SIGTERM is neither 'a profile reached --fail-on' (1) nor a
    success: 130, and the --output report's temporary file is removed."""
    import signal
    import subprocess
    import time

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    text = FREE.read_text(encoding="utf-8")
    for i in range(3000):
        (corpus / f"p{i:04d}.yaml").write_text(text.replace("payroll-saas", f"p{i}"))
    report = tmp_path / "out" / "report.jsonl"
    report.parent.mkdir()
    command = [sys.executable, "-m", "exportcheck", "check", str(corpus), "--format", "jsonl"]
    for sent in (signal.SIGTERM, signal.SIGINT):
        run = subprocess.Popen(
            [*command, "-j", "1", "-o", str(report)],
            stderr=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 30
        while not any(report.parent.glob(".report.jsonl.*")) and time.monotonic() < deadline:
            time.sleep(0.01)  # the report's temporary file exists: the run is under way
        run.send_signal(sent)
        _, err = run.communicate(timeout=60)
        assert run.returncode == 130, err
        assert b"exportcheck: interrupted" in err
        assert list(report.parent.iterdir()) == []


def test_every_denial_is_shown_even_when_it_changed_nothing(
    run_cli: RunCli, tmp_path: Path
) -> None:
    profile = tmp_path / "p.yaml"
    profile.write_text(
        "profile: 1\nid: p\ntitle: Payroll software\nnot_capabilities: [uav.flight-control]\n",
        encoding="utf-8",
    )
    doc = json.loads(run_cli("check", str(profile), "--format", "json", expect=0).stdout)
    (denied,) = doc["results"][0]["denied"]
    assert (denied["capability"], denied["line"], denied["set_aside"]) == (
        "uav.flight-control",
        4,
        [],
    )
    text = run_cli("check", str(profile), expect=0).stdout
    assert "Denied by the author: uav.flight-control (not_capabilities[0], 4:" in text
    assert "nothing in the description indicated it" in text


def test_sarif_says_how_it_counts_columns_and_encodes_paths(
    run_cli: RunCli, tmp_path: Path
) -> None:
    odd = tmp_path / "my profiles [v2]"
    odd.mkdir()
    shutil.copy(SEED, odd / "seed.yaml")
    doc = json.loads(run_cli("check", str(odd / "seed.yaml"), "--format", "sarif", expect=1).stdout)
    run = doc["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    uri = run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri.endswith("/my%20profiles%20%5Bv2%5D/seed.yaml")


def test_overlapping_inputs_check_each_profile_once(run_cli: RunCli, tmp_path: Path) -> None:
    """A file and its directory, a directory and its parent, an argument given twice: each
    profile is checked (and counted) once, in the order first met."""
    (tmp_path / "b" / "sub").mkdir(parents=True)
    for name in ("b/a.yaml", "b/a2.yaml", "b/sub/c.yaml"):
        shutil.copy(FREE, tmp_path / name)
    args = ["b/a.yaml", "b/a2.yaml", "b/a.yaml", "b/sub", "b", "b/sub"]
    out = run_cli("check", *(str(tmp_path / a) for a in args), "--format", "json", expect=0).stdout
    paths = [r["profile"]["path"] for r in json.loads(out)["results"]]
    assert [Path(p).relative_to(tmp_path).as_posix() for p in paths] == [
        "b/a.yaml",
        "b/a2.yaml",
        "b/sub/c.yaml",
    ]


def test_a_stop_whose_exception_python_dropped_still_stops() -> None:
    """A KeyboardInterrupt raised inside a callback of Python's own (a finaliser, a module
    lock at the end of a lazy import) is printed as "Exception ignored" and lost; the signal
    is remembered, so the batch loop still stops."""
    import subprocess

    script = "\n".join(
        [
            "import os, signal, weakref",
            "from exportcheck import interrupts",
            "interrupts.install()",
            "class Thing: pass",
            "thing = Thing()",
            "weakref.finalize(thing, lambda: os.kill(os.getpid(), signal.SIGTERM))",
            "try:",
            "    del thing",
            "    sum(range(1000))",
            "except KeyboardInterrupt:",
            "    print('raised at once')",
            "try:",
            "    interrupts.raise_if_requested()",
            "except KeyboardInterrupt:",
            "    print('stopped')",
        ]
    )
    run = subprocess.run(
        [sys.executable, "-c", script], check=True, capture_output=True, text=True, timeout=60
    )
    assert run.stdout.splitlines()[-1] == "stopped"
