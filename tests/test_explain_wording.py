"""The prose of an explanation says what the finding rests on, and nothing it does not."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from exportcheck.schema import validator

from conftest import RunCli


def _check(run_cli: RunCli, path: Path, *args: str) -> str:
    out: str = run_cli("check", str(path), "--fail-on", "never", *args).stdout
    return out


def test_an_asserted_fact_beside_a_text_indication_is_not_called_text(
    run_cli: RunCli, write_profile: Callable[..., Path]
) -> None:
    path = write_profile(
        capabilities=["gallium.recovery"], summary="Resin columns on alumina refinery liquor."
    )
    out = _check(run_cli, path, "--as-of", "2025-09-01")
    assert "matched on asserted facts together with text indications" in out
    assert "capabilities[0] = gallium.recovery" in out
    text_only = write_profile(name="t", summary="Gallium recovery from alumina refinery liquor.")
    assert "matched on text indications:" in _check(run_cli, text_only, "--as-of", "2025-09-01")


def test_an_entry_level_finding_beside_encoded_points_does_not_deny_them(
    run_cli: RunCli, write_profile: Callable[..., Path]
) -> None:
    """In 2020 the silkworm entry has an encoded control point; a rule on the rest of the
    entry must not say that the entry's control points are not encoded."""
    path = write_profile(title="蚕种繁育与蚕茧加工", summary="蚕原种保存与蚕茧缫丝工艺。")
    out = _check(run_cli, path, "--as-of", "2021-06-01")
    assert "control point 1" in out
    assert "this part of it is not encoded as a control point" in out
    assert "its control points are not encoded" not in out


def test_an_asserted_building_block_that_decides_nothing_is_pointed_out(
    run_cli: RunCli, write_profile: Callable[..., Path]
) -> None:
    idle = write_profile(
        capabilities=["tcm.medicinal-fungi"], summary="Packaging line for dried mushrooms."
    )
    out = _check(run_cli, idle, "--as-of", "2025-09-01")
    assert "FREE" in out
    assert "Asserted but deciding nothing: tcm.medicinal-fungi" in out
    used = write_profile(
        name="u", capabilities=["tcm.medicinal-fungi"], summary="灵芝菌种选育与液体深层发酵。"
    )
    out = _check(run_cli, used, "--as-of", "2025-09-01")
    assert "REVIEW" in out
    assert "asserted facts together with text indications; rule tcm.medicinal-fungi" in out
    assert "Asserted but deciding nothing" not in out
    standalone = write_profile(name="s", capabilities=["speech.synthesis"])
    assert "Asserted but deciding nothing" not in _check(run_cli, standalone)


def _json_result(run_cli: RunCli, path: Path, as_of: str, **run: Any) -> dict[str, Any]:
    """The one result of ``check --format json`` on ``path`` as of ``as_of``, from output that
    the output schema validates."""
    doc = json.loads(
        run_cli("check", str(path), "--as-of", as_of, "--format", "json", **run).stdout
    )
    validator("output").validate(doc)
    (result,) = doc["results"]
    return dict(result)


def _no_export(run_cli: RunCli, path: Path) -> dict[str, Any]:
    """The JSON result of a profile decided as no export: valid output, free, no findings."""
    result = _json_result(run_cli, path, "2025-09-01", expect=0)
    assert result["decision"] == "free"
    assert result["findings"] == []
    return dict(result)


def test_a_transfer_within_china_is_no_export(
    run_cli: RunCli, write_profile: Callable[..., Path]
) -> None:
    """条例 Art. 2: a technology export leaves China. A destination of CN decides free, and
    what the technology would need abroad is shown, not counted."""
    path = write_profile(
        capabilities=["speech.synthesis"], transfer={"mode": "licence", "destination": "CN"}
    )
    out = run_cli("check", str(path), "--as-of", "2025-09-01", expect=0).stdout
    assert "FREE (not an export: the destination is CN)" in out
    assert "Not a technology export: the transfer stays within China" in out
    assert "Were the technology to leave China, it would meet: 086501X control point" in out
    assert "(licence-required)" in out
    assert "Register the export contract" not in out  # no export, no registration
    result = _no_export(run_cli, path)
    assert [f["entry"] for f in result["not_exported"]] == ["086501X"]
    assert result["not_exported"][0]["outcome"] == "licence-required"
    zh = run_cli("check", str(path), "--as-of", "2025-09-01", "--lang", "zh", expect=0).stdout
    assert "自由出口（FREE）（目的地为CN，不属于技术出口）" in zh
    md = run_cli("check", str(path), "--as-of", "2025-09-01", "--format", "markdown").stdout
    assert "**free (not an export: the destination is CN)**" in md
    abroad = write_profile(
        name="a", capabilities=["speech.synthesis"], transfer={"destination": "SG"}
    )
    out = run_cli("check", str(abroad), "--as-of", "2025-09-01", expect=1).stdout
    assert "LICENCE-REQUIRED" in out
    assert "The destination is CN." not in out


def test_a_text_that_says_the_technology_comes_into_china_is_no_export(
    run_cli: RunCli, write_profile: Callable[..., Path]
) -> None:
    """With no destination, a description that declares an import (or a transfer within
    China) decides as a destination of CN does, quoting the words and where they stand."""
    path = write_profile(
        title="LiDAR licence from Israel",
        summary="We in-license vehicle LiDAR technology from an Israeli company.\n"
        "This is a technology import: the LiDAR design is licensed into China.",
        transfer={"mode": "licence"},
    )
    out = run_cli("check", str(path), "--as-of", "2025-09-01", expect=0).stdout
    assert "FREE (not an export: the description says it comes into or stays within China)" in out
    assert "\u201cin-license\u201d (summary, " in out
    assert "Were the technology to leave China, it would meet: lidar" in out
    assert "Register the export contract" not in out
    result = _no_export(run_cli, path)
    assert result["not_exported"]
    by = result["not_exported_by"]
    assert (by["path"], by["text"], by["line"]) == ("summary", "in-license", 3)
    zh = run_cli("check", str(path), "--as-of", "2025-09-01", "--lang", "zh", expect=0).stdout
    assert "（描述称技术进入中国或在境内转让，不属于技术出口）" in zh
    md = run_cli("check", str(path), "--as-of", "2025-09-01", "--format", "markdown").stdout
    assert "comes into or stays within China)**" in md
    # A destination abroad is second-guessed by an import said from the Chinese side alone,
    # and the note names it; a word of the technology going on keeps it an export.
    inbound = write_profile(
        name="i",
        summary="We in-license vehicle LiDAR technology from an Israeli company.",
        transfer={"mode": "licence", "destination": "IL"},
    )
    out = run_cli("check", str(inbound), "--as-of", "2025-09-01", expect=0).stdout
    assert "The destination is IL, but the description says the technology comes into China" in out
    assert "\u201cin-license\u201d (summary, " in out
    abroad = write_profile(
        name="a",
        summary="We in-license LiDAR technology and sublicense the design.",
        transfer={"mode": "licence", "destination": "SG"},
    )
    result = _json_result(run_cli, abroad, "2025-09-01")
    assert result["decision"] == "review"
    assert result["not_exported_by"] is None


def test_a_text_that_says_the_technology_is_held_outside_the_mainland_is_no_export(
    run_cli: RunCli, write_profile: Callable[..., Path]
) -> None:
    """A licence from Taiwan onward whose text denies any mainland part is no export from
    China, whatever the destination; the words are quoted, and JSON says which reading."""
    path = write_profile(
        title="台灣語音合成技術授權美國",
        summary="自研華語語音合成技術授權美國遊戲公司。\n研發及伺服器均位於台灣，交易不涉及中國大陸任何公司或人員。",
        transfer={"mode": "licence", "destination": "US"},
    )
    out = run_cli("check", str(path), "--as-of", "2024-05-01", expect=0).stdout
    assert (
        "FREE (not an export from China: the description says it is held outside the mainland)"
        in out
    )
    assert "\u201c不涉及中國大陸任何公司\u201d (summary, " in out
    assert "Were the technology to leave the mainland, it would meet:" in out
    result = _no_export(run_cli, path)
    assert result["outside_mainland"] is True
    assert (result["not_exported_by"]["text"], result["not_exported_by"]["line"]) == (
        "不涉及中國大陸任何公司",
        5,
    )
    zh = run_cli("check", str(path), "--as-of", "2024-05-01", "--lang", "zh", expect=0).stdout
    assert "（描述称技术在中国大陆以外持有，不属于自中国的技术出口）" in zh
    # The mainland handing it over keeps it an export.
    onward = write_profile(
        name="o",
        summary="技術由內地母公司轉移至香港，再授權美國；交易不涉及中國大陸人員常駐。\n華語語音合成。",
        transfer={"mode": "licence", "destination": "US"},
    )
    result = _json_result(run_cli, onward, "2024-05-01")
    assert result["decision"] == "review"
    assert result["outside_mainland"] is False


def test_chinese_output_names_the_decision_in_chinese_and_keeps_the_label(
    run_cli: RunCli, write_profile: Callable[..., Path]
) -> None:
    path = write_profile(capabilities=["speech.synthesis"])
    out = _check(run_cli, path, "--lang", "zh", "--as-of", "2025-09-01")
    assert ": 需申领许可证（LICENCE-REQUIRED）" in out
    md = _check(run_cli, path, "--lang", "zh", "--format", "markdown", "--as-of", "2025-09-01")
    assert "**需申领许可证（LICENCE-REQUIRED）**" in md
    assert ": LICENCE-REQUIRED" in _check(run_cli, path, "--as-of", "2025-09-01")


def test_why_not_says_the_text_names_the_exception_to_its_lead(
    run_cli: RunCli, write_profile: Callable[..., Path]
) -> None:
    path = write_profile(
        title="杂交一代蚕种供应", summary="供应杂交一代蚕种，并提供小蚕共育和养蚕技术指导。"
    )
    args = ("explain", str(path), "--as-of", "2021-06-01", "--entry", "050304J")
    out = run_cli(*args).stdout
    assert "✗ all — the text that indicates it also names the exception" in out
    assert "? not" in out
    assert "提示该项的文本同时写明了除外情形" in run_cli(*args, "--lang", "zh").stdout
