"""Values a description states for a parameter (exportcheck.quantities), and what they decide:
a value that fails a threshold keeps the control point out and says so; one that meets it
keeps a text lead at review; a lower bound decides nothing."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from exportcheck.api import check_profiles, load_profile
from exportcheck.kb import KnowledgeBase
from exportcheck.model import Outcome
from exportcheck.quantities import QuantityReader
from exportcheck.schema import validator

from conftest import RunCli

AS_OF = dt.date(2025, 9, 1)
DENSITY = "cathode.compaction-density"
CAPACITY = "cathode.discharge-capacity"
EFFICIENCY = "cathode.coulombic-efficiency"


@pytest.fixture(scope="module")
def reader(kb: KnowledgeBase) -> QuantityReader:
    return QuantityReader(kb.vocabulary, kb.normalizer)


def values(reader: QuantityReader, kb: KnowledgeBase, text: str) -> list[tuple[str, float, bool]]:
    wanted = frozenset(kb.vocabulary.parameters)
    return [(s.parameter, round(s.value, 6), s.at_least) for s in reader.read(text, wanted)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The powder compaction density is 2.35 g/cm³.", [(DENSITY, 2.35, False)]),
        ("compacted density of 2.61 g/cc", [(DENSITY, 2.61, False)]),
        ("压实密度2.45g/cm3", [(DENSITY, 2.45, False)]),
        ("ＬＦＰ压实密度２．６２ｇ／ｃｍ３", [(DENSITY, 2.62, False)]),  # full-width
        ("壓實密度 2.5 g/cm3", [(DENSITY, 2.5, False)]),  # Traditional
        ("press density 2550 kg/m3", [(DENSITY, 2.55, False)]),  # converted
        ("compaction density g·cm⁻³ 2.4", []),  # the unit must follow the number
        ("压实密度（g/cm³）：2.45", [(DENSITY, 2.45, False)]),  # a table heading's unit
        ("compaction density 2.35–2.45 g/cm3", [(DENSITY, 2.45, False)]),  # a range: its top
        ("压实密度2.3~2.4g/cm3", [(DENSITY, 2.4, False)]),
        ("压实密度≥2.6g/cm3", [(DENSITY, 2.6, True)]),  # a lower bound
        ("compaction density above 2.5 g/cm3", [(DENSITY, 2.5, True)]),
        ("0.1C放电比容量160mAh/g以上", [(CAPACITY, 160.0, True)]),
        ("discharge capacity of 158 mAh g⁻¹", [(CAPACITY, 158.0, False)]),
        ("首效96%", [(EFFICIENCY, 96.0, False)]),
        ("0.1C capacity 162 mAh/g", [(CAPACITY, 162.0, False)]),
        ("容量保持率95%，0.1C容量158mAh/g", [(CAPACITY, 158.0, False)]),
        ("initial coulombic efficiency: 97.5 percent", [(EFFICIENCY, 97.5, False)]),
        ("average discharge voltage 3.92 V", [("cathode.average-voltage", 3.92, False)]),
        ("tap density of 1.1 g/cm3", [("precursor.tap-density", 1.1, False)]),
        ("平均電壓 3.80 V（低於 3.85 V）", [("cathode.average-voltage", 3.8, False)]),
        # European decimal commas, thousands set off by commas, and tolerances read at the top
        ("compaction density (220 MPa): 2,62 g/cm³", [(DENSITY, 2.62, False)]),
        ("discharge capacity (0,1C): 163 mAh/g", [(CAPACITY, 163.0, False)]),
        ("first-cycle coulombic efficiency: 97,8 %", [(EFFICIENCY, 97.8, False)]),
        ("compaction density of 2,450 kg/m3", [(DENSITY, 2.45, False)]),
        ("compaction density 2.57 ± 0.03 g/cm3", [(DENSITY, 2.6, False)]),
        # a table's dot leader
        ("Compaction density (220 MPa, 30 s hold) ..... 2.50 g/cm3", [(DENSITY, 2.5, False)]),
        ("discharge capacity (1,0C): 150 mAh/g", []),  # another rate, with a decimal comma
        ("压实密度不低于2.6g/cm3", [(DENSITY, 2.6, True)]),  # 不低于: a lower bound
        ("首次库伦效率95.8%，没到97%", [(EFFICIENCY, 95.8, False)]),  # the value it falls short of
        # a value written before its term, with the condition after it
        ("The grade reaches 2.45 g/cm3 compaction density at 220 MPa", [(DENSITY, 2.45, False)]),
        ("and 96.5% first-cycle coulombic efficiency", [(EFFICIENCY, 96.5, False)]),
        # the technology's own value beside words that cite the point's bounds
        ("对一下第1点（要同时满足）：压实密度 2.60 g/cm3", [(DENSITY, 2.6, False)]),
        # an abbreviation's dot ends no sentence
        ("average voltage approx. 3.9 V", [("cathode.average-voltage", 3.9, False)]),
        # Two grades: both are read (the fact takes the greatest).
        (
            "compaction density 2.35 g/cm³ (standard) and 2.62 g/cm³ (high-density grade)",
            [(DENSITY, 2.35, False), (DENSITY, 2.62, False)],
        ),
    ],
)
def test_stated_values_are_read(
    reader: QuantityReader,
    kb: KnowledgeBase,
    text: str,
    expected: list[tuple[str, float, bool]],
) -> None:
    assert values(reader, kb, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "极片压实密度2.4g/cm3",  # an electrode's density, not the powder's
        "electrode compaction density 2.4 g/cm3",
        "compaction density 2.35 g/cm3 at 300 MPa",  # another test pressure
        "discharge capacity at 1C: 150 mAh/g",  # another rate
        "specific capacity retention 95% after 2000 cycles",  # a ratio is no capacity
        "compaction density improved by 5% this year",
        "首次库仑效率105%",  # outside what an efficiency can be
        "compaction density is high; the plant makes 2.4 t/day",
        "compaction density is excellent. 2.4 g/cm3 is the tap density",  # another sentence
        # The control point's own values, quoted, and a value compared with:
        "对照252604X第1项控制要点（压实密度≥2.58 g/cm3、放电比容量≥160 mAh/g，须同时满足）",
        "The threshold is a compaction density of 2.58 g/cm3",
        "compaction density below the 2.58 g/cm3 line",
        # ... a point named, or what it requires, past an abbreviation's dot
        "the LMFP point requires all parameters together incl. average voltage >= 3.85 V",
        "The customer requires a compaction density of at least 2.6 g/cm3",
        "看了公告，那一条要几个参数同时满足才算：压实密度 ≥2.58 g/cm3",
        "252604X第1项要求压实密度≥2.58 g/cm3、首效≥97%且需同时满足",
        # a threshold named after the value, or a value not exceeded
        "新规对磷酸盐正极原材料设了振实密度大于1.2 g/cm3的门槛",
        "振实密度不超过1.2 g/cm3",
        "tap density not exceeding 1.0 g/cm3",
        "the press gave 2.45 g/cm3, compaction density is what matters",  # across a comma
    ],
)
def test_values_that_are_not_the_parameter_are_not_read(
    reader: QuantityReader, kb: KnowledgeBase, text: str
) -> None:
    assert values(reader, kb, text) == []


def test_each_value_takes_its_own_test_condition(reader: QuantityReader, kb: KnowledgeBase) -> None:
    text = "discharge capacity 150 mAh/g at 1C, 165 mAh g⁻¹ at C/10"
    assert values(reader, kb, text) == [(CAPACITY, 165.0, False)]
    text = "压实密度2.45g/cm3（220MPa），2.60g/cm3（300MPa）"
    assert values(reader, kb, text) == [(DENSITY, 2.45, False)]


@pytest.mark.parametrize(
    "text",
    [
        "平均放电电压 3.78 V。平均电压达不到高锰产品的3.85 V以上水平",
        "average voltage 3.78 V, below the high-Mn grade's 3.85 V",
        "average voltage 3.78 V (lower than the premium grade's 3.85 V)",
        # ... or with the value it cannot reach, before or after the term
        "average voltage 3.78 V. The team confirms this grade cannot reach 3.85 V average voltage",
        "average voltage 3.78 V; it doesn't reach the high-Mn grade's 3.85 V",
        "平均电压3.78 V，无法达到3.85 V",
    ],
)
def test_a_value_compared_with_a_named_product_is_not_read(
    reader: QuantityReader, kb: KnowledgeBase, text: str
) -> None:
    assert values(reader, kb, text) == [("cathode.average-voltage", 3.78, False)]


def test_a_named_condition_before_a_value_keeps_it(
    reader: QuantityReader, kb: KnowledgeBase
) -> None:
    text = "average voltage under standard conditions 3.90 V"
    assert values(reader, kb, text) == [("cathode.average-voltage", 3.9, False)]


def test_only_wanted_parameters_are_read(reader: QuantityReader) -> None:
    text = "压实密度2.45g/cm3，首效96%"
    assert [s.parameter for s in reader.read(text, frozenset({EFFICIENCY}))] == [EFFICIENCY]
    assert reader.read(text, frozenset()) == []


def test_offsets_point_at_the_words_as_written(reader: QuantityReader, kb: KnowledgeBase) -> None:
    text = "LFP line.\nＬＦＰ压实密度：２．３５ ｇ／ｃｍ³ at 220 MPa"
    (stated,) = reader.read(text, frozenset({DENSITY}))
    assert text[stated.start : stated.end] == "压实密度：２．３５ ｇ／ｃｍ³"
    assert stated.written == "2.35 g/cm3"


@given(
    value=st.decimals(min_value="0.5", max_value="9.99", places=2),
    term=st.sampled_from(["compaction density", "压实密度", "Powder Compaction Density"]),
    link=st.sampled_from(["", " ", " is ", " of ", "：", ": ", "为", " reaches "]),
    unit=st.sampled_from(
        ["g/cm3", "g/cm³", " g/cm^3", " g/cc", "g·cm⁻³", " g cm-3", "克/立方厘米"]
    ),
)
def test_a_written_density_reads_back_as_its_value(
    reader: QuantityReader, value: object, term: str, link: str, unit: str
) -> None:
    text = f"LFP cathode: {term}{link}{value}{unit}, made in Hubei."
    (stated,) = reader.read(text, frozenset({DENSITY}))
    assert stated.value == pytest.approx(float(str(value)))
    assert not stated.at_least


@given(st.text(alphabet="压实密度compaction dnsity 0123456789.,;，。%gcm/³≥~-() MPaC", max_size=80))
def test_reading_never_fails(reader: QuantityReader, text: str) -> None:
    for stated in reader.read(text, frozenset({DENSITY, CAPACITY, EFFICIENCY})):
        assert 0 <= stated.start < stated.end <= len(text)


# ---------------------------------------------------------------- decisions


def lfp_profile(write: Callable[..., Path], summary: str, **fields: object) -> Path:
    return write(
        title="LFP cathode preparation process licence",
        summary="We license our lithium iron phosphate cathode preparation process to a "
        f"partner in Germany. {summary}",
        transfer={"mode": "licence", "destination": "DE"},
        **fields,
    )


def check(kb: KnowledgeBase, path: Path):  # type: ignore[no-untyped-def]
    return check_profiles(kb, [load_profile(path, kb)], as_of=AS_OF).results[0]


def test_a_value_below_a_threshold_keeps_the_point_out_and_says_which(
    kb: KnowledgeBase, write_profile: Callable[..., Path]
) -> None:
    path = lfp_profile(write_profile, "The compaction density is 2.35 g/cm³ at 220 MPa.")
    result = check(kb, path)
    assert result.decision is Outcome.FREE
    (miss,) = result.threshold_misses
    assert (miss.view.code, miss.number, miss.rule.id) == ("252604X", 1, "battery-cathode.lfp")
    (leaf,) = miss.failed
    assert leaf.condition.parameter is not None
    assert leaf.condition.parameter.id == DENSITY
    fact = result.facts.parameters[DENSITY]
    assert fact.evidence.text == "compaction density is 2.35 g/cm³"
    assert fact.evidence.path == "summary"


def test_a_value_that_meets_the_threshold_leaves_a_text_lead_at_review(
    kb: KnowledgeBase, write_profile: Callable[..., Path]
) -> None:
    path = lfp_profile(write_profile, "Compaction density 2.65 g/cm3, 0.1C capacity 162 mAh/g.")
    result = check(kb, path)
    assert result.decision is Outcome.REVIEW
    (finding,) = [f for f in result.findings if f.view.code == "252604X"]
    assert finding.basis == "indicated"
    assert finding.unknown == ("cathode.coulombic-efficiency >= 97 %",)
    assert result.threshold_misses == ()


def test_a_lower_bound_below_the_threshold_decides_nothing(
    kb: KnowledgeBase, write_profile: Callable[..., Path]
) -> None:
    path = lfp_profile(write_profile, "压实密度≥2.4g/cm3。")
    result = check(kb, path)
    assert result.decision is Outcome.REVIEW
    (finding,) = [f for f in result.findings if f.view.code == "252604X"]
    assert any("the description gives ≥ 2.4 g/cm3" in u for u in finding.unknown)


def test_the_greatest_of_several_values_counts(
    kb: KnowledgeBase, write_profile: Callable[..., Path]
) -> None:
    text = (
        "Standard grade: compaction density 2.35 g/cm3. "
        "Premium grade: compaction density 2.62 g/cm3."
    )
    result = check(kb, lfp_profile(write_profile, text))
    assert result.decision is Outcome.REVIEW
    assert result.facts.parameters[DENSITY].value == pytest.approx(2.62)


def test_the_values_of_a_grade_the_text_excludes_do_not_count(
    kb: KnowledgeBase, write_profile: Callable[..., Path]
) -> None:
    text = "压实密度2.35 g/cm3。高压实型号（压实密度2.62 g/cm3）的产品及其工艺不在许可范围内。"
    result = check(kb, lfp_profile(write_profile, text))
    assert result.facts.parameters[DENSITY].value == pytest.approx(2.35)
    assert result.decision is Outcome.FREE
    (miss,) = result.threshold_misses
    assert miss.rule.id == "battery-cathode.lfp"


def test_an_asserted_parameter_wins_over_the_text(
    kb: KnowledgeBase, write_profile: Callable[..., Path]
) -> None:
    path = lfp_profile(
        write_profile,
        "Compaction density 2.35 g/cm3.",
        parameters=[{"name": DENSITY, "value": 2.6, "unit": "g/cm3"}],
    )
    result = check(kb, path)
    assert result.decision is Outcome.REVIEW
    assert result.facts.parameters[DENSITY].evidence.path == "parameters[0]"


def test_an_asserted_value_below_the_threshold_is_reported_too(
    kb: KnowledgeBase, write_profile: Callable[..., Path]
) -> None:
    path = write_profile(
        title="LFP process",
        capabilities=["cathode.lfp-preparation"],
        parameters=[{"name": EFFICIENCY, "value": 95, "unit": "%"}],
    )
    result = check(kb, path)
    assert result.decision is Outcome.FREE
    assert [m.rule.id for m in result.threshold_misses] == ["battery-cathode.lfp"]


def test_the_report_shows_the_miss_in_text_and_json(
    run_cli: RunCli, write_profile: Callable[..., Path]
) -> None:
    path = lfp_profile(write_profile, "首次库仑效率为95%。")
    out = run_cli("check", str(path), "--as-of", "2025-09-01", expect=0)
    text = out.stdout
    assert "Not listed on the stated values: 252604X control point 1" in text
    assert "cathode.coulombic-efficiency = 95 % does not meet >= 97 %" in text
    out = run_cli("check", str(path), "--as-of", "2025-09-01", "--lang", "zh", expect=0)
    assert "按所述数值不在目录之列：252604X" in out.stdout
    out = run_cli("check", str(path), "--as-of", "2025-09-01", "--format", "json", expect=0)
    doc = json.loads(out.stdout)
    validator("output").validate(doc)
    (miss,) = doc["results"][0]["thresholds_not_met"]
    assert (miss["entry"], miss["control_point"], miss["rule"]) == (
        "252604X",
        "1",
        "battery-cathode.lfp",
    )
    (failed,) = miss["failed"]
    assert failed["basis"] == "indicated"
    assert failed["threshold"] == {"op": ">=", "value": 97, "unit": "%"}
    assert failed["evidence"]["text"] == "首次库仑效率为95%"


def test_explain_reads_the_stated_value(
    run_cli: RunCli, write_profile: Callable[..., Path]
) -> None:
    path = lfp_profile(write_profile, "Compaction density 2.35 g/cm3.")
    out = run_cli("explain", str(path), "--entry", "252604X#1", "--as-of", "2025-09-01")
    assert "cathode.compaction-density = 2.35 g/cm3 fails >= 2.58 g/cm3" in out.stdout
