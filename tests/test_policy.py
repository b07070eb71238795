"""Policy tests: the file format, `exportcheck test`, the pytest plugin, coverage and impact."""

from __future__ import annotations

import re
import shutil
import textwrap
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from exportcheck.kb import KnowledgeBase
from exportcheck.policytest import load_policy_file, run_case

from conftest import ROOT, RunCli

pytest_plugins = ["pytester"]

CASES = textwrap.dedent("""\
    kind: policy-tests
    cases:
      - name: recommender passes
        profile: {profile: 1, id: rec, title: "personalized recommendation engine"}
        as_of: "2025-09-01"
        expect: {decision: review, entries: [{entry: "086501X", basis: indicated}]}
      - name: recommender wrongly expected free
        profile: {profile: 1, id: rec2, title: "personalized recommendation engine"}
        expect: {decision: free, not_entries: ["086501X"]}
      - name: a known gap
        todo: "LiDAR thresholds are not encoded"
        profile: {profile: 1, id: lidar, title: "车载激光雷达"}
        expect: {decision: licence-required}
    """)


@pytest.fixture
def policy_file(tmp_path: Path) -> Path:
    path = tmp_path / "policy.yaml"
    path.write_text(CASES, encoding="utf-8")
    return path


def test_cases_pass_fail_and_todo(kb: KnowledgeBase, policy_file: Path) -> None:
    cases, problems = load_policy_file(policy_file, kb)
    assert problems == []
    statuses = [run_case(kb, case).status for case in cases]
    assert statuses == ["pass", "fail", "todo"]
    failure = run_case(kb, cases[1])
    assert "decision: expected free, got review" in failure.failures
    assert any(f.startswith("not_entries: 086501X was found") for f in failure.failures)


def test_test_command_exit_codes_and_junit(
    run_cli: RunCli, policy_file: Path, tmp_path: Path
) -> None:
    result = run_cli("test", str(policy_file), expect=1)
    assert "FAIL " in result.stdout
    assert "1 passed, 1 failed, 1 todo" in result.stdout
    junit = run_cli("test", str(policy_file), "--format", "junit", expect=1).stdout
    suite = ET.fromstring(junit.split("?>", 1)[1])  # noqa: S314 - our own output
    assert (suite.get("tests"), suite.get("failures"), suite.get("skipped")) == ("3", "1", "1")
    empty = tmp_path / "empty"
    empty.mkdir()
    run_cli("test", str(empty), expect=0)
    run_cli("test", str(empty), "--fail-on-empty", expect=1)


def test_bad_policy_file_is_an_input_error(run_cli: RunCli, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "kind: policy-tests\ncases:\n  - name: x\n    profile: {profile: 1}\n"
        "    expect: {decision: free}\n",
        encoding="utf-8",
    )
    result = run_cli("test", str(bad), expect=2)
    assert "bad.yaml:4:" in result.stderr


def test_pytest_collects_policy_cases(pytester: pytest.Pytester) -> None:
    pytester.makefile(".yaml", policy=CASES)
    result = pytester.runpytest("-q")
    result.assert_outcomes(passed=1, failed=1, xfailed=1)
    result.stdout.fnmatch_lines(
        [
            "*policy.yaml::recommender wrongly expected free*",
            "*decision: expected free, got review*",
        ]
    )


def _flip_rule(tmp_path: Path) -> Path:
    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules" / "cn-tech-export", rules)
    path = rules / "rules.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("implements: information-processing#personalised-push")
    cap = text.index("capability: recommendation.personalised-push", start)
    flipped = (
        text[:cap]
        + "capability: speech.synthesis"
        + text[cap + len("capability: recommendation.personalised-push") :]
    )
    path.write_text(flipped, encoding="utf-8")
    return rules


def test_breaking_a_rule_fails_the_bundled_tests(run_cli: RunCli, tmp_path: Path) -> None:
    rules = _flip_rule(tmp_path)
    result = run_cli("test", str(ROOT / "rules" / "tests"), "--rules", str(rules), expect=1)
    assert "FAIL " in result.stdout
    assert "expected" in result.stdout


def test_impact_lists_the_profiles_an_edit_changes(run_cli: RunCli, tmp_path: Path) -> None:
    base = tmp_path / "base"
    (base / "rules").mkdir(parents=True)
    shutil.copytree(ROOT / "catalog", base / "catalog")
    shutil.copytree(_flip_rule(tmp_path), base / "rules" / "cn-tech-export")
    out = run_cli(
        "impact", "--base-dir", str(base), "--as-of", "2025-09-01", "--format", "markdown", expect=0
    ).stdout
    assert "foryou-recommender.yaml" in out
    assert "~ info-processing.personalised-push" in out or "personalised-push" in out


def test_coverage_reports_units_without_cases(run_cli: RunCli, policy_file: Path) -> None:
    result = run_cli("test", str(policy_file), "--coverage", "--min-coverage", "100", expect=1)
    assert "uncovered " in result.stdout
    assert "below 100" in result.stderr


BAD_CASES = """\
kind: policy-tests
cases:
  - name: impossible date
    profile: {profile: 1, id: a, title: "Recommender"}
    as_of: "2025-02-30"
    expect: {decision: free}
  - name: before the first catalogue
    profile: {profile: 1, id: b, title: "Recommender"}
    as_of: "1990-01-01"
    expect: {decision: free}
  - name: typos in references
    profile: {profile: 1, id: c, title: "Recommender"}
    expect:
      not_entries: ["086510X", "information-processing#personalised-psh"]
      entries: ["086501X#99"]
  - name: unknown version
    profile: {profile: 1, id: d, title: "Recommender"}
    catalog_version: "2019"
    expect: {decision: free}
"""


@pytest.mark.parametrize("command", ["validate", "test"])
def test_bad_dates_and_references_in_cases_are_reported_where_written(
    run_cli: RunCli, tmp_path: Path, command: str
) -> None:
    """A misspelt code in not_entries would make a negative case pass for ever; an impossible
    date used to end in an internal error. Each is an error at its own line and column."""
    bad = tmp_path / "bad.yaml"
    bad.write_text(BAD_CASES, encoding="utf-8")
    result = run_cli(command, str(bad), expect=1 if command == "validate" else 2)
    lines = [line for line in result.output.splitlines() if re.search(r":\d+:\d+: E\d", line)]
    assert [[*line.split(": ")[0].rsplit(":", 2)[1:], line.split()[1]] for line in lines] == [
        ["5", "12", "E603"],
        ["9", "12", "E501"],
        ["14", "21", "E604"],
        ["14", "32", "E604"],
        ["15", "17", "E604"],
        ["18", "22", "E502"],
    ]
    assert "did you mean '086502X'?" in result.output
    assert "did you mean 'personalised-push'?" in result.output


def test_an_exclusion_by_another_versions_code_is_flagged(run_cli: RunCli, tmp_path: Path) -> None:
    """not_entries matches codes of the case's version: 053302J (the 2008 code of 083201J)
    can never be found in 2025, so the case could not fail on it. validate says so."""
    cases = tmp_path / "cases.yaml"
    cases.write_text(
        "kind: policy-tests\ncases:\n  - name: old code\n"
        "    profile: {profile: 1, id: a, title: NdFeB sintered magnet production}\n"
        '    as_of: "2025-09-01"\n'
        '    expect: {not_entries: ["053302J", rare-earth-refining]}\n',
        encoding="utf-8",
    )
    result = run_cli("validate", str(cases), expect=0)
    assert "W605 vacuous-exclusion: 053302J is not the code of rare-earth-refining" in result.output
    assert "write its id, 'rare-earth-refining'" in result.output


def test_a_failing_case_is_explained_in_the_chosen_language(
    run_cli: RunCli, tmp_path: Path
) -> None:
    cases = tmp_path / "cases.yaml"
    cases.write_text(
        "kind: policy-tests\ncases:\n  - name: wrong expectation\n"
        '    profile: {profile: 1, id: a, title: "个性化推荐算法"}\n'
        '    as_of: "2025-09-01"\n'
        "    expect: {decision: free}\n",
        encoding="utf-8",
    )
    zh = run_cli("test", str(cases), "--lang", "zh", expect=1).output
    assert "decision（结论）：期望 free，实际 review" in zh
    assert "原因: 086501X 信息处理技术" in zh
    en = run_cli("test", str(cases), "--format", "json", expect=1).output
    assert "decision: expected free, got review" in en  # JSON keeps the English text
