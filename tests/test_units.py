"""Unit conversion: every accepted spelling converts exactly, and dimensions never mix."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from exportcheck.units import UNITS, UnitError, convert


@pytest.mark.parametrize(
    ("value", "unit", "target", "expected"),
    [
        (0.97, "fraction", "%", 97.0),
        (0.97, "ratio", "%", 97.0),
        (0.16, "Ah/g", "mAh/g", 160.0),
        (160, "Ah/kg", "mAh/g", 160.0),
        (2580, "kg/m3", "g/cm3", 2.58),
        (3850, "mV", "V", 3.85),
    ],
)
def test_equivalent_spellings_convert(
    value: float, unit: str, target: str, expected: float
) -> None:
    assert math.isclose(convert(value, unit, target), expected)


def test_a_count_is_not_a_ratio() -> None:
    """'1' is a count: reading it as a fraction would turn 97 into 9,700 %."""
    with pytest.raises(UnitError):
        convert(0.97, "1", "%")


@given(st.sampled_from(sorted(UNITS)), st.sampled_from(sorted(UNITS)), st.floats(0.001, 1e6))
def test_conversion_round_trips_within_a_dimension(a: str, b: str, value: float) -> None:
    if UNITS[a].dimension != UNITS[b].dimension:
        with pytest.raises(UnitError):
            convert(value, a, b)
        return
    assert math.isclose(convert(convert(value, a, b), b, a), value, rel_tol=1e-9)
