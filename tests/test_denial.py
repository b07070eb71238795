"""Denial cues near a term that the text does not settle (``exportcheck.negation`` sets aside the
mentions it does) are pointed out, never acted on (design §2.1: text is a lead)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exportcheck.denial import denial_cue

from conftest import RunCli


def _cue(text: str, term: str) -> str | None:
    start = text.index(term)
    return denial_cue(text, start, start + len(term))


@pytest.mark.parametrize(
    ("text", "term", "words"),
    [
        ("A fireworks-themed game. No pyrotechnics involved.", "pyrotechnics", "No pyrotechnics"),
        ("It does not include any speech synthesis.", "speech synthesis", None),
        ("松茸（冷链干货），不涉及菌种或栽培。", "菌种", "不涉及菌种"),
        ("沒有使用推薦演算法", "推薦演算法", "沒有使用推薦演算法"),
        ("Navigation is LiDAR-free.", "LiDAR", "LiDAR-free"),
    ],
)
def test_a_cue_in_the_same_clause_is_found(text: str, term: str, words: str | None) -> None:
    assert _cue(text, term) == (words or "not include any speech synthesis")


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("It uses a recommender system.", "recommender system"),
        # A cue in an earlier clause denies something else.
        ("There is no ranking, and a recommender system orders posts.", "recommender system"),
        ("没有广告。推荐算法决定信息流。", "推荐算法"),
        # 无 and 非 begin ordinary words; 无需 affirms what follows.
        ("无人机飞控系统", "无人机"),
        ("无需人工干预的推荐算法", "推荐算法"),
        ("非洲市场的语音合成", "语音合成"),
    ],
)
def test_no_cue_no_denial(text: str, term: str) -> None:
    assert _cue(text, term) is None


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="abcdeghijklmrstuvwyz 推荐算法语音合成，。.", max_size=60))
def test_text_without_cue_words_is_never_a_denial(text: str) -> None:
    """Without n, o, x, p and f the alphabet cannot spell an English cue or "free", nor
    a Chinese cue, so no span of it may be reported as denied."""
    for start in range(len(text)):
        for end in range(start + 1, min(len(text), start + 6) + 1):
            assert denial_cue(text, start, end) is None


def test_an_unsettled_denial_is_pointed_out_and_the_decision_stays(
    run_cli: RunCli, write_profile: Callable[..., Path]
) -> None:
    # "cannot be sold without X": a cue near the term, but a negation of a negation.
    unsettled = write_profile(summary="The display kit cannot be sold without pyrotechnics.")
    out = run_cli("check", str(unsettled), "--fail-on", "never", "--as-of", "2025-09-01").stdout
    assert "REVIEW" in out
    assert "may deny what it names: “cannot be sold without pyrotechnics” (summary)" in out
    plain = write_profile(name="p", summary="Pyrotechnics formulation for display shells.")
    out = run_cli("check", str(plain), "--fail-on", "never", "--as-of", "2025-09-01").stdout
    assert "may deny" not in out


def test_a_settled_negation_is_not_also_pointed_out_as_a_cue(
    run_cli: RunCli, write_profile: Callable[..., Path]
) -> None:
    """The title's "Fireworks" stays a lead; "No pyrotechnics involved" is set aside, said
    once, as not counted."""
    negated = write_profile(
        title="Fireworks-themed mobile game", summary="No pyrotechnics involved: pure software."
    )
    out = run_cli("check", str(negated), "--fail-on", "never", "--as-of", "2025-09-01").stdout
    assert "REVIEW" in out
    assert "may deny" not in out
    assert "defines in another sense): “No pyrotechnics” (summary, 3:" in out
