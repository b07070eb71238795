"""Decision semantics (design §2.1) on the synthetic catalogue, through the public API."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from exportcheck.api import check_profiles, load_profile
from exportcheck.errors import InputError
from exportcheck.kb import KnowledgeBase
from exportcheck.model import Outcome

AS_OF_2015 = dt.date(2016, 1, 1)
AS_OF_2010 = dt.date(2011, 1, 1)


def check(skb: KnowledgeBase, path: Path, as_of: dt.date = AS_OF_2015):  # type: ignore[no-untyped-def]
    report = check_profiles(skb, [load_profile(path, skb)], as_of=as_of)
    return report.results[0]


def found(result) -> set[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    return {(f.cp_global_id or f.view.entry.id, f.basis, f.outcome.label) for f in result.findings}


def test_asserted_capability_gives_the_class_outcome(
    skb: KnowledgeBase, write_profile: Callable[..., Path]
) -> None:
    result = check(skb, write_profile(capabilities=["widget.spinning"]))
    assert result.decision is Outcome.LICENCE_REQUIRED
    assert ("widget#spinning", "asserted", "licence-required") in found(result)


def test_text_only_gives_review_with_span(
    skb: KnowledgeBase, write_profile: Callable[..., Path]
) -> None:
    result = check(skb, write_profile(summary="We sell a Spinning Widgets line."))
    assert result.decision is Outcome.REVIEW
    finding = next(f for f in result.findings if f.cp_global_id == "widget#spinning")
    assert finding.basis == "indicated"
    span = finding.evidence[0]
    assert (span.path, span.text, span.term) == ("summary", "Spinning Widgets", "spinning widget")
    assert "We sell a Spinning Widgets line."[span.start : span.end] == "Spinning Widgets"


def test_denial_removes_an_indication(
    skb: KnowledgeBase, write_profile: Callable[..., Path]
) -> None:
    result = check(
        skb, write_profile(summary="widget spinning", not_capabilities=["widget.spinning"])
    )
    assert result.decision is Outcome.FREE
    assert result.findings == ()


def test_not_of_an_indicated_exception_is_unknown(
    skb: KnowledgeBase, write_profile: Callable[..., Path]
) -> None:
    result = check(skb, write_profile(capabilities=["widget.spinning"], summary="a toy widget"))
    finding = next(f for f in result.findings if f.cp_global_id == "widget#spinning")
    assert finding.outcome is Outcome.REVIEW
    assert "unknown" in finding.caps


def test_the_text_s_own_exception_to_its_lead_makes_the_rule_false(
    skb: KnowledgeBase, write_profile: Callable[..., Path]
) -> None:
    lead = check(skb, write_profile(summary="We sell spinning widgets."))
    assert "widget#spinning" in {f.cp_global_id for f in lead.findings}
    excepted = check(skb, write_profile(summary="We sell spinning widgets, each a toy widget."))
    assert "widget#spinning" not in {f.cp_global_id for f in excepted.findings}
    # ... but an exception the text negates is none
    negated = check(skb, write_profile(summary="Spinning widgets, not a toy widget."))
    assert "widget#spinning" in {f.cp_global_id for f in negated.findings}


def test_asserted_exception_makes_the_rule_false(
    skb: KnowledgeBase, write_profile: Callable[..., Path]
) -> None:
    result = check(skb, write_profile(capabilities=["widget.spinning", "widget.exempt"]))
    assert "widget#spinning" not in {f.cp_global_id for f in result.findings}


@pytest.mark.parametrize(
    ("value", "unit", "expected"),
    [
        (2.6, "g/cm3", "licence-required"),
        (2.5, "g/cm3", "licence-required"),
        (2600, "kg/m3", "licence-required"),
        (2.4, "g/cm3", None),
        (2400, "kg/m3", None),
    ],
)
def test_parameter_thresholds_compare_after_unit_conversion(
    skb: KnowledgeBase,
    write_profile: Callable[..., Path],
    value: float,
    unit: str,
    expected: str | None,
) -> None:
    result = check(
        skb,
        write_profile(
            capabilities=["widget.dense"],
            parameters=[{"name": "widget.density", "value": value, "unit": unit}],
        ),
    )
    outcomes = {f.outcome.label for f in result.findings if f.cp_global_id == "widget#dense"}
    assert outcomes == ({expected} if expected else set())


def test_unstated_parameter_is_unknown_and_gives_review(
    skb: KnowledgeBase, write_profile: Callable[..., Path]
) -> None:
    result = check(skb, write_profile(capabilities=["widget.dense"]))
    finding = next(f for f in result.findings if f.cp_global_id == "widget#dense")
    assert finding.outcome is Outcome.REVIEW
    assert finding.basis == "asserted"
    assert finding.unknown == ("widget.density >= 2.5 g/cm3",)


def test_control_point_not_yet_in_force_is_not_found(
    skb: KnowledgeBase, write_profile: Callable[..., Path]
) -> None:
    path = write_profile(
        capabilities=["widget.dense"],
        parameters=[{"name": "widget.density", "value": 3, "unit": "g/cm3"}],
    )
    assert check(skb, path, AS_OF_2010).findings == ()


def test_codes_and_numbers_follow_the_version(
    skb: KnowledgeBase, write_profile: Callable[..., Path]
) -> None:
    path = write_profile(capabilities=["widget.spinning"])
    old = next(f for f in check(skb, path, AS_OF_2010).findings if f.control_point)
    new = next(f for f in check(skb, path).findings if f.cp_global_id == "widget#spinning")
    assert (old.view.code, old.number) == ("101001X", 1)
    assert (new.view.code, new.number) == ("151001X", 1)


def test_inferred_control_point_is_capped_at_review(
    skb: KnowledgeBase, write_profile: Callable[..., Path]
) -> None:
    result = check(skb, write_profile(capabilities=["widget.spinning"]))
    guessed = next(f for f in result.findings if f.cp_global_id == "widget#guessed")
    assert guessed.outcome is Outcome.REVIEW
    assert guessed.caps == ("inferred-control-point",)


def test_removed_entry_counts_only_before_its_removal(
    skb: KnowledgeBase, write_profile: Callable[..., Path]
) -> None:
    path = write_profile(capabilities=["gadget.core"])
    assert check(skb, path, AS_OF_2010).decision is Outcome.PROHIBITED
    assert check(skb, path).decision is Outcome.FREE


def test_implied_capability_carries_the_basis(
    skb: KnowledgeBase, write_profile: Callable[..., Path]
) -> None:
    result = check(skb, write_profile(summary="小工具核心"), AS_OF_2010)
    assert found(result) == {("gadget#gadget-core", "indicated", "review")}


def test_uncertain_entry_status_caps_at_review(
    skb: KnowledgeBase, write_profile: Callable[..., Path]
) -> None:
    path = write_profile(capabilities=["doohickey.making"])
    old = check(skb, path, AS_OF_2010).findings[0]
    new = check(skb, path).findings[0]
    assert old.caps == ("entry-level",)
    assert set(new.caps) == {"entry-level", "uncertain-entry"}
    assert new.outcome is Outcome.REVIEW


def test_traditional_full_width_and_case_variants_indicate_the_same(
    skb: KnowledgeBase, write_profile: Callable[..., Path]
) -> None:
    texts = ["小部件旋转", "小部件旋轉", "ＷＩＤＧＥＴ　ＳＰＩＮＮＩＮＧ", "Widget Spinning"]
    results = [check(skb, write_profile(name=f"v{i}", summary=t)) for i, t in enumerate(texts)]
    assert all({f.cp_global_id for f in r.findings} >= {"widget#spinning"} for r in results)


def test_english_terms_need_word_boundaries(
    skb: KnowledgeBase, write_profile: Callable[..., Path]
) -> None:
    result = check(skb, write_profile(summary="counterspinning widgetsmith tools"))
    assert result.findings == ()


def test_unknown_capability_is_an_input_error_with_a_hint(
    skb: KnowledgeBase, write_profile: Callable[..., Path]
) -> None:
    with pytest.raises(InputError) as info:
        load_profile(write_profile(capabilities=["widget.spining"]), skb)
    (diagnostic,) = info.value.diagnostics
    assert diagnostic.code == "E401"
    assert diagnostic.hint == "did you mean 'widget.spinning'?"
    assert diagnostic.pos.line > 1


def test_incompatible_unit_is_an_input_error(
    skb: KnowledgeBase, write_profile: Callable[..., Path]
) -> None:
    path = write_profile(
        capabilities=["widget.dense"],
        parameters=[{"name": "widget.density", "value": 3, "unit": "MPa"}],
    )
    with pytest.raises(InputError) as info:
        load_profile(path, skb)
    assert [d.code for d in info.value.diagnostics] == ["E403"]


def test_date_before_the_first_version_is_an_error(
    skb: KnowledgeBase, write_profile: Callable[..., Path]
) -> None:
    with pytest.raises(InputError) as info:
        check(skb, write_profile(), dt.date(2010, 1, 15))
    assert info.value.diagnostics[0].code == "E501"


def test_british_and_american_spellings_of_a_capability_id_agree(
    kb: KnowledgeBase, write_profile: Callable[..., Path]
) -> None:
    profile = load_profile(write_profile(capabilities=["recommendation.personalized-push"]), kb)
    assert profile.capabilities == ("recommendation.personalised-push",)


def test_a_denial_also_sets_aside_the_capability_by_its_parts(
    kb: KnowledgeBase, write_profile: Callable[..., Path]
) -> None:
    """Rules find a technology by name or by its building blocks (LFP + cathode synthesis);
    denying the technology covers both forms, and the output says what was set aside and
    where the denial is."""
    from click.testing import CliRunner

    from exportcheck.cli import cli

    summary = "Cell plant for LFP cells, with cathode synthesis on site."
    denied = write_profile("denied", summary=summary, not_capabilities=["cathode.lfp-preparation"])
    plain = write_profile("plain", summary=summary)
    when = dt.date(2025, 9, 1)
    assert check(kb, plain, when).decision is Outcome.REVIEW  # the parts alone are a lead
    result = check(kb, denied, when)
    assert result.decision is Outcome.FREE
    (aside,) = result.set_aside
    assert aside.capability == "cathode.lfp-preparation"
    assert (aside.denial.pos.line, aside.denial.path) == (3, "not_capabilities[0]")
    assert {e.text for e in aside.evidence} == {"LFP", "cathode synthesis"}

    run = CliRunner().invoke(
        cli, ["check", str(denied), "--as-of", "2025-09-01", "--format", "json"]
    )
    assert run.exit_code == 0, run.output
    (entry,) = json.loads(run.output)["results"][0]["denied"]
    assert entry["capability"] == "cathode.lfp-preparation"
    assert [e["text"] for e in entry["set_aside"]] == ["LFP", "cathode synthesis"]
    text = CliRunner().invoke(cli, ["check", str(denied), "--as-of", "2025-09-01"])
    assert "Denied by the author: cathode.lfp-preparation (not_capabilities[0], 3:" in text.output


def test_an_underscore_joins_the_words_of_a_file_name() -> None:
    """A file name or identifier ("Oryza_rufipogon_protocol.pdf") holds its words: an
    underscore reads as a space, one for one, so evidence offsets still point at the text."""
    from exportcheck.textnorm import Normalizer

    text = "Attached: Oryza_rufipogon_protocol.pdf"
    (normal,) = Normalizer().variants(text)
    assert "oryza rufipogon protocol" in normal.text
    start = normal.text.index("oryza")
    assert text[normal.original_span(start, start + 15)[0] :].startswith("Oryza_rufipogon")
