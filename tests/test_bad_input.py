"""The bad-input corpus: every case exits 2 with its exact first diagnostic line."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from exportcheck.kb import KnowledgeBase

from conftest import DATA, RunCli

CORPUS = DATA / "bad-input"
CASES = sorted(p for p in CORPUS.iterdir() if p.suffix in (".yaml", ".json"))


def test_the_corpus_is_large_enough() -> None:
    assert len(CASES) >= 40


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_input_case(
    case: Path, run_cli: RunCli, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(CORPUS)
    args_file = case.with_suffix(".args")
    extra = args_file.read_text().split() if args_file.exists() else []
    out = tmp_path / "report.json"
    result = run_cli("check", *extra, "--output", str(out), case.name, expect=2)
    expected = case.with_suffix(".expected").read_text(encoding="utf-8").rstrip("\n")
    assert result.stderr.splitlines()[0] == expected
    assert result.stdout == ""
    assert not out.exists()


@pytest.mark.parametrize(
    "name", ["alias-bomb.yaml", "recursive-alias.yaml", "deep-nesting-flow.yaml"]
)
def test_hostile_yaml_is_refused_in_bounded_memory(
    name: str, run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tracemalloc

    from exportcheck.errors import InputError
    from exportcheck.yamlsafe import load_file

    tracemalloc.start()
    with pytest.raises(InputError):
        load_file(CORPUS / name)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    # Refused before anything expands: an expanding bomb would need gigabytes. (How fast it
    # is refused is measured in bench/, not asserted here.)
    assert peak < 50 * 1024 * 1024


def test_a_batch_reports_every_bad_file(run_cli: RunCli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(CORPUS)
    result = run_cli("check", "duplicate-key.yaml", "unknown-key.yaml", "wrong-type.yaml", expect=2)
    codes = {line.split()[1] for line in result.stderr.splitlines() if not line.startswith(" ")}
    assert codes == {"E102", "E202", "E201"}


def test_empty_directory_is_an_error(run_cli: RunCli, tmp_path: Path) -> None:
    result = run_cli("check", str(tmp_path), expect=2)
    assert "E503 no-profiles" in result.stderr


def test_missing_file_is_an_error(run_cli: RunCli, tmp_path: Path) -> None:
    result = run_cli("check", str(tmp_path / "nope.yaml"), expect=2)
    assert "E112 unreadable-file" in result.stderr


def test_unwritable_output_leaves_nothing(run_cli: RunCli, tmp_path: Path, write_profile) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "missing-dir" / "report.json"
    result = run_cli("check", str(write_profile()), "--output", str(target), expect=2)
    assert "E505 cannot-write-output" in result.stderr
    assert not target.parent.exists()


@pytest.mark.parametrize(
    ("text", "field", "value"),
    [
        ("transfer: {mode: licence, destination: NO}", ("transfer", "destination"), "NO"),
        ("sector: 06", ("sector",), "06"),
    ],
)
def test_yaml_11_traps_read_as_written(
    text: str, field: tuple[str, ...], value: str, tmp_path: Path, kb: KnowledgeBase
) -> None:
    from exportcheck.api import load_profile

    path = tmp_path / "trap.yaml"
    path.write_text(f'profile: 1\nid: trap\ntitle: "T"\n{text}\n', encoding="utf-8")
    data = load_profile(path, kb).doc.data
    for key in field:
        data = data[key]
    assert data == value


def test_utf8_bom_and_crlf_are_fine(tmp_path: Path, kb: KnowledgeBase) -> None:
    from exportcheck.api import load_profile

    path = tmp_path / "bom.yaml"
    path.write_bytes(b'\xef\xbb\xbfprofile: 1\r\nid: bom\r\ntitle: "Speech synthesis engine"\r\n')
    assert load_profile(path, kb).title == "Speech synthesis engine"


def test_ambiguous_plain_scalars_are_read_as_written_with_a_warning(
    run_cli: RunCli, tmp_path: Path
) -> None:
    path = tmp_path / "norway.yaml"
    path.write_text(
        'profile: 1\nid: norway\ntitle: "Bicycle gears"\nsector: 06\n'
        "transfer: {mode: licence, destination: NO}\n",
        encoding="utf-8",
    )
    result = run_cli("check", str(path), "--format", "json", expect=0)
    warnings = [line for line in result.stderr.splitlines() if " W114 " in line]
    assert len(warnings) == 2
    assert warnings[0].startswith(f"{path}:4:9: W114 ambiguous-scalar: 06 is read as the text")
    quoted = tmp_path / "quoted.yaml"
    quoted.write_text(
        'profile: 1\nid: q\ntitle: "Bicycle gears"\nsector: "06"\n'
        'transfer: {mode: licence, destination: "NO"}\n',
        encoding="utf-8",
    )
    assert "W114" not in run_cli("check", str(quoted), expect=0).stderr


def test_long_lists_of_bad_items_are_summarised(
    run_cli: RunCli, write_profile: Callable[..., Path]
) -> None:
    """Twenty problems of a list are described one by one, the rest counted in one line; a
    document's schema problems stop at fifty. (60,000 unknown ids took 8 s of did-you-means.)"""
    caps = write_profile("caps", capabilities=[f"x.unknown{i}" for i in range(30)])
    lines = run_cli("check", str(caps), expect=2).stderr.splitlines()
    errors = [line for line in lines if " E401 " in line]
    assert len(errors) == 21
    assert errors[-1].endswith("capabilities[20] and after: 10 more unknown capabilities")

    params = [{"name": "cathode.compaction-densty", "value": 1, "unit": "g/cm3"}] * 25
    bad_params = write_profile("params", parameters=params)
    lines = run_cli("check", str(bad_params), expect=2).stderr.splitlines()
    assert sum(" E402 " in line for line in lines) == 20
    assert any(
        " E406 unchecked-parameters: parameters[20] and after: 5 more" in line for line in lines
    )

    pattern = write_profile("pattern", capabilities=[f"Not Valid {i}" for i in range(60)])
    lines = run_cli("check", str(pattern), expect=2).stderr.splitlines()
    assert sum(" E205 " in line for line in lines) == 50
    assert any("E209 schema-violation: 10 more problems" in line for line in lines)
