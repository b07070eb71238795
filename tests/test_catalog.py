"""The bundled catalogue: versions, crosswalk, coverage, diff — against the reference's facts."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from exportcheck.catalog import coverage, find_entries, materialise
from exportcheck.catalog_diff import diff
from exportcheck.kb import KnowledgeBase
from exportcheck.model import Presence

from conftest import ROOT, RunCli


def present(kb: KnowledgeBase, version: str) -> dict[str, str | None]:
    return {
        v.entry.id: v.code
        for v in materialise(kb.catalogue, version)
        if v.presence is Presence.PRESENT
    }


def test_counts_per_version_follow_the_reference(kb: KnowledgeBase) -> None:
    cov = coverage(kb.catalogue, "2025")
    assert (cov.encoded, cov.expected, cov.complete) == (21, 132, False)
    assert cov.by_class == {"prohibited": 6, "restricted": 15}
    assert coverage(kb.catalogue, "2023").expected == 134
    assert coverage(kb.catalogue, "2020").expected == 164
    assert coverage(kb.catalogue, "2008").expected == 150


def test_2025_adjustment_deltas(kb: KnowledgeBase) -> None:
    before, after = present(kb, "2023"), present(kb, "2025")
    assert {before[e] for e in set(before) - set(after)} == {"085001J", "085001X", "085002X"}
    assert {after[e] for e in set(after) - set(before)} == {"252604X"}


def test_diff_2023_2025_lists_exactly_the_adjustment(kb: KnowledgeBase) -> None:
    result = diff(kb.catalogue, "2023", "2025")
    kinds = {(c.kind, (c.new or c.old).code) for c in result.changes}  # type: ignore[union-attr]
    assert kinds == {
        ("removed", "085001J"),
        ("removed", "085001X"),
        ("removed", "085002X"),
        ("added", "252604X"),
        ("amended", "083201X"),
    }
    amended = result.of_kind("amended")[0]
    assert {cp.id for cp in amended.cps_added} == {
        "lithium-carbonate-spodumene",
        "lithium-hydroxide-spodumene",
        "lithium-metal",
        "brine-lithium-extraction",
        "lithium-purified-solution",
        "gallium-extraction",  # the rewritten point …
    }
    # … replacing the earlier one, whose wording was not seen and so is kept apart.
    assert [cp.id for cp in amended.cps_removed] == ["gallium-earlier"]
    assert amended.cps_amended == ()


def test_crosswalk_resolves_both_ways(kb: KnowledgeBase) -> None:
    (old,) = find_entries(kb.catalogue, "056101X")
    (new,) = find_entries(kb.catalogue, "086501x")
    assert old is new
    assert (old.code("2020"), old.code("2023")) == ("056101X", "086501X")
    (rare_earth,) = find_entries(kb.catalogue, "053302J")
    assert rare_earth.code("2025") == "083201J"
    assert find_entries(kb.catalogue, "213301J") == (rare_earth,)  # the 2022 draft code


def test_seed_control_points_exist_in_every_version_that_has_them(kb: KnowledgeBase) -> None:
    entry = kb.catalogue.entry("information-processing")
    assert entry is not None
    for version in ("2020", "2023", "2025"):
        view = next(v for v in materialise(kb.catalogue, version) if v.entry is entry)
        assert {"ai-interactive-interface", "personalised-push"} <= {
            c.id for c in view.control_points
        }
    view_2008 = next(v for v in materialise(kb.catalogue, "2008") if v.entry is entry)
    assert "personalised-push" not in {c.id for c in view_2008.control_points}
    cps = {c.id: c for c in entry.control_points}
    assert cps["personalised-push"].number("2020") == 21
    assert cps["ai-interactive-interface"].number("2020") == 18


def test_every_fact_names_its_sources(kb: KnowledgeBase) -> None:
    for entry in kb.catalogue.entries:
        assert entry.sources, entry.id
        for cp in entry.control_points:
            assert cp.sources or entry.sources, cp.global_id
    assert all(v.sources for v in kb.catalogue.regime.versions)


def test_no_code_is_guessed(kb: KnowledgeBase) -> None:
    codes = {c for e in kb.catalogue.entries for c in e.all_codes()}
    # Every code in the data is one the reference names (see shared/reference).
    assert codes == {
        "252604X",
        "083201X",
        "083201J",
        "053302J",
        "086501X",
        "056101X",
        "086502X",
        "083915X",
        "206503X",
        "203912X",
        "085001J",
        "085001X",
        "085002X",
        "050302J",
        "052701J",
        "052702J",
        "052705J",
        "050304J",
        "050901J",
        "053101J",
        "053301J",
        "053401X",
        "053707X",
        "183609X",
        "183708X",
    }


def test_coverage_md_matches_the_data(run_cli: RunCli) -> None:
    generated = run_cli("catalog", "coverage", expect=0).stdout
    committed = (ROOT / "catalog" / "COVERAGE.md").read_text(encoding="utf-8")
    assert generated == committed, "run: exportcheck catalog coverage > catalog/COVERAGE.md"


def test_catalog_list_as_of_2021_shows_2020_codes(run_cli: RunCli) -> None:
    out = run_cli("catalog", "list", "--as-of", "2021-01-01", expect=0).stdout
    assert "056101X" in out
    assert "086501X" not in out
    assert "252604X" not in out


def test_catalog_show_old_and_new_code_show_the_same_entry(run_cli: RunCli) -> None:
    old = run_cli("catalog", "show", "056101X", expect=0).stdout
    new = run_cli("catalog", "show", "086501X", expect=0).stdout
    assert old == new
    assert "056101X" in old
    assert "086501X" in old
    assert "history:" in old


def test_catalog_search_handles_scripts_and_width(run_cli: RunCli) -> None:
    for query in ("个性化信息推送", "個性化資訊推送", "ＬＩＴＨＩＵＭ carbonate"):
        out = run_cli("catalog", "search", query, expect=0).stdout
        assert "[" in out, query


def test_catalog_diff_command(run_cli: RunCli) -> None:
    out = run_cli("catalog", "diff", "2023", "2025", expect=0).stdout
    assert "252604X" in out
    assert "085002X" in out
    md = run_cli("catalog", "diff", "2023", "2025", "--format", "markdown", expect=0).stdout
    assert md.startswith("### Catalogue 2023")
    run_cli("catalog", "diff", "2023", "2022-draft", expect=2)


def test_catalog_versions_marks_drafts(run_cli: RunCli) -> None:
    out = run_cli("catalog", "versions", expect=0).stdout
    assert "2022-draft (draft, never used for decisions)" in out


@pytest.mark.parametrize(
    ("edit", "code"),
    [
        (("entries/information-processing.yaml", "class: restricted", "class: prohibited"), "E302"),
        (("entries/uav.yaml", "code: 203912X", "code: 086501X"), "E301"),
        (("entries/uav.yaml", "version: '2023'", "version: '2024'"), "E306"),
        (("entries/uav.yaml", "sources: [S02", "sources: [S99"), "E311"),
        (("entries/battery-cathode-materials.yaml", "value: 160\n", "value: .nan\n"), "E206"),
        (
            (
                "entries/battery-cathode-materials.yaml",
                "value: 160\n",
                "value: 1" + "0" * 400 + "\n",
            ),
            "E206",
        ),
        (
            (
                "entries/battery-cathode-materials.yaml",
                "value: 160\n",
                "value: 1" + "0" * 5000 + "\n",
            ),
            "E113",
        ),
    ],
)
def test_validate_catches_a_broken_copy(
    run_cli: RunCli, tmp_path: Path, edit: tuple[str, str, str], code: str
) -> None:
    copy = tmp_path / "cn-tech-export"
    shutil.copytree(ROOT / "catalog" / "cn-tech-export", copy)
    name, old, new = edit
    target = copy / name
    text = target.read_text(encoding="utf-8")
    assert old in text, f"fixture drifted: {old!r} not in {name}"
    target.write_text(text.replace(old, new, 1), encoding="utf-8")
    result = run_cli("validate", str(copy), expect=1)
    assert f" {code} " in result.stdout


def test_search_finds_points_by_meaning_through_the_vocabulary(run_cli: RunCli) -> None:
    """Neither 'recommendation' nor 'algorithm' is in the official wording of the
    personalised-push point; the vocabulary leads there, and says so."""
    text = run_cli("catalog", "search", "recommendation algorithm").stdout
    assert "[information-processing] personalised-push:" in text
    assert "(via term “recommendation algorithm” → recommendation.personalised-push)" in text
    hits = json.loads(run_cli("catalog", "search", "推薦演算法", "--format", "json").stdout)
    found = {(h["id"], h["where"]): h["via"] for h in hits}
    assert found[("information-processing", "personalised-push")] == {
        "term": "推荐算法",
        "capability": "recommendation.personalised-push",
        "building_block": False,
    }
    literal = json.loads(run_cli("catalog", "search", "语音合成", "--format", "json").stdout)
    assert literal[0]["where"] == "speech-synthesis"
    assert literal[0]["via"] is None


def test_search_says_when_the_capability_found_is_a_building_block(run_cli: RunCli) -> None:
    """灵芝 names a fungus; the fungi point needs a culture word beside it, so asserting
    tcm.medicinal-fungi alone would decide nothing."""
    text = run_cli("catalog", "search", "灵芝").stdout
    assert "tcm.medicinal-fungi; a building block, asserted alone it decides nothing" in text
    hits = json.loads(run_cli("catalog", "search", "voice cloning", "--format", "json").stdout)
    assert {h["via"]["building_block"] for h in hits if h["via"]} == {False}


def test_search_matches_latin_words_from_their_start(run_cli: RunCli) -> None:
    """ "Al-Li" once found the germplasm point through "nation-al li-sts"."""
    assert "germplasm" not in run_cli("catalog", "search", "Al-Li").stdout
    assert "personalised-push" in run_cli("catalog", "search", "recommend").stdout


def test_search_finds_parameters_by_label_in_either_language(run_cli: RunCli) -> None:
    for query in ("tap density", "振实密度", "tap-density"):
        out = run_cli("catalog", "search", query).stdout
        assert "parameter precursor.tap-density (g/cm3): 振实密度 / Tap density" in out
    hits = json.loads(run_cli("catalog", "search", "振實密度", "--format", "json").stdout)
    assert {"kind": "parameter", "id": "precursor.tap-density", "unit": "g/cm3"}.items() <= (
        hits[-1].items()
    )


def test_validate_refuses_yields_to_an_unknown_capability(run_cli: RunCli, tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules" / "cn-tech-export", rules)
    vocabulary = rules / "vocabulary.yaml"
    text = vocabulary.read_text(encoding="utf-8")
    old = "yields_to:\n      - cathode.lfp-material\n"
    assert old in text, "fixture drifted"
    vocabulary.write_text(
        text.replace(old, "yields_to:\n      - cathode.lfp-materal\n"), encoding="utf-8"
    )
    result = run_cli("validate", str(ROOT / "catalog" / "cn-tech-export"), str(rules), expect=1)
    assert " E308 unknown-capability: yields_to names unknown capability 'cathode.lfp-materal'" in (
        result.stdout
    )
    assert "cathode.lfp-material" in result.stdout  # did you mean
