"""The legal frame in an explanation is the one in force on the date checked: no instrument
is cited before it took effect, and renumbered articles are flagged."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exportcheck.model import DatedText, Text

from conftest import EXAMPLES, RunCli

PUSH = EXAMPLES / "foryou-recommender.yaml"  # asserts personalised push: licence-required
FREE = EXAMPLES / "bicycle-gear-hub.yaml"

ECL = "Export Control Law regime"
DAYS_45 = "45 working days"
RENUMBERED = "renumbered the articles"
REVISED_2026 = "2026-03-01"
PROVINCIAL = "provincial commerce department where the"
MEASURES_2001 = "2001 Measures"


def _text(run_cli: RunCli, path: Path, as_of: str) -> str:
    out: str = run_cli("check", str(path), "--as-of", as_of, "--fail-on", "never").stdout
    return out


@pytest.mark.parametrize(
    ("as_of", "present", "absent"),
    [
        # Before the Export Control Law (in force 2020-12-01): no dual-use note.
        ("2020-09-01", [RENUMBERED, PROVINCIAL], [ECL, DAYS_45, REVISED_2026]),
        # The law, but not yet its 2024 regulation with the 45-day decision period.
        ("2021-03-01", [ECL, RENUMBERED], [DAYS_45, "Both the 2020 and the 2025"]),
        ("2024-12-15", [ECL, DAYS_45], [RENUMBERED, "Both the 2020 and the 2025"]),
        ("2025-09-01", [ECL, DAYS_45, "Both the 2020 and the 2025"], [RENUMBERED, REVISED_2026]),
        # The reported 2026 revision of the Foreign Trade Law is flagged, not applied.
        ("2026-06-01", [REVISED_2026, DAYS_45], [RENUMBERED, MEASURES_2001]),
    ],
)
def test_licence_text_follows_the_date(
    run_cli: RunCli, as_of: str, present: list[str], absent: list[str]
) -> None:
    out = _text(run_cli, PUSH, as_of)
    assert "LICENCE-REQUIRED" in out
    for words in present:
        assert words in out, (as_of, words)
    for words in absent:
        assert words not in out, (as_of, words)


def test_before_the_2009_measures_their_steps_are_not_given(
    run_cli: RunCli, write_profile: Callable[..., Path]
) -> None:
    """The 2008 catalogue was in force from 2008-11-01; the 2009 Measures only from
    2009-05-20, and the 2001 Measures before them are not encoded."""
    path = write_profile(capabilities=["heat-treatment.rare-earth-boronizing"])
    before = _text(run_cli, path, "2009-03-01")
    after = _text(run_cli, path, "2009-06-01")
    assert "LICENCE-REQUIRED" in before
    assert "LICENCE-REQUIRED" in after
    assert MEASURES_2001 in before
    assert PROVINCIAL not in before
    assert "《中国限制出口技术申请书》" not in before
    assert PROVINCIAL in after
    assert MEASURES_2001 not in after


def test_free_note_gives_the_counts_of_the_version_checked(run_cli: RunCli) -> None:
    old = _text(run_cli, FREE, "2015-01-01")
    assert "30 of 150 entries encoded" in old
    assert "132" not in old
    assert ECL not in old


@settings(max_examples=200, deadline=None)
# Up to 9000: the test adds up to 4,001 days, which must stay before year 9999.
@given(st.dates(min_value=dt.date(1990, 1, 2), max_value=dt.date(9000, 1, 1)), st.integers(1, 4000))
def test_dated_text_holds_from_in_force_up_to_the_day_before_until(
    start: dt.date, days: int
) -> None:
    end = start + dt.timedelta(days=days)
    dated = DatedText(Text(en="x"), start.isoformat(), end.isoformat())
    inside = [start, start + dt.timedelta(days=days // 2), end - dt.timedelta(days=1)]
    outside = [start - dt.timedelta(days=1), end, end + dt.timedelta(days=1)]
    assert all(dated.applies(d.isoformat()) for d in inside)
    assert not any(dated.applies(d.isoformat()) for d in outside)
    assert DatedText(Text(en="x"), None, end.isoformat()).applies(dt.date.min.isoformat())
    assert DatedText(Text(en="x"), start.isoformat(), None).applies(dt.date.max.isoformat())


@pytest.mark.parametrize(
    ("as_of", "summary", "text"),
    [
        ("2015-01-01", "Caffeine synthesis route.", "(the 2008 catalogue)."),
        (
            "2021-01-01",
            "A personalised recommendation engine.",
            "(the 2008 catalogue as adjusted by the 2020 announcement).",
        ),
        ("2024-01-01", "A personalised recommendation engine.", "(the 2023 catalogue)."),
        (
            "2025-09-01",
            "A personalised recommendation engine.",
            "(the 2023 catalogue and the 2025 adjustment announcement).",
        ),
    ],
)
def test_review_points_to_the_official_text_of_the_date(
    run_cli: RunCli, write_profile: Callable[..., Path], as_of: str, summary: str, text: str
) -> None:
    path = write_profile(summary=summary)
    out = _text(run_cli, path, as_of)
    assert "REVIEW" in out
    assert f"Compare the technology with the official text of the control point {text}" in out
    assert out.count("Compare the technology with the official text") == 1
