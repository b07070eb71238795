"""The ordered parallel map behind ``check --jobs``: input order, errors and early stops."""

from __future__ import annotations

import multiprocessing
import os
import time
from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exportcheck.workers import WorkerError, ordered_map


def _slow_square(x: int) -> int:
    time.sleep((x % 3) * 0.001)  # uneven work, so workers finish out of order
    return x * x


@settings(max_examples=15, deadline=None)
@given(
    st.lists(st.integers(min_value=0, max_value=1000), max_size=40),
    st.integers(min_value=1, max_value=3),
    st.integers(min_value=1, max_value=5),
)
def test_results_come_back_in_input_order(items: list[int], workers: int, chunk: int) -> None:
    assert list(ordered_map(_slow_square, items, workers, chunk)) == [x * x for x in items]


def test_items_are_consumed_lazily() -> None:
    pulled: list[int] = []

    def source() -> Iterator[int]:
        for x in range(10_000):
            pulled.append(x)
            yield x

    results = ordered_map(abs, source(), 2, chunk_size=10)
    assert [next(results) for _ in range(5)] == [0, 1, 2, 3, 4]
    assert len(pulled) <= 2 * 2 * 10 + 10  # the chunks in flight, plus one being fed
    results.close()


def _fails_on_seven(x: int) -> int:
    if x == 7:
        raise ValueError("seven")
    return x


def test_an_exception_in_a_worker_is_raised_in_the_parent() -> None:
    with pytest.raises(WorkerError, match="ValueError"):
        list(ordered_map(_fails_on_seven, range(20), 2, chunk_size=3))
    assert not multiprocessing.active_children()


def _dies_on_seven(x: int) -> int:
    if x == 7:
        os._exit(3)
    return x


def test_a_worker_that_dies_is_reported() -> None:
    with pytest.raises(WorkerError, match="died"):
        list(ordered_map(_dies_on_seven, range(20), 2, chunk_size=3))
    assert not multiprocessing.active_children()


def test_closing_early_stops_the_workers() -> None:
    results = ordered_map(_slow_square, range(1000), 2, chunk_size=4)
    assert next(results) == 0
    results.close()
    assert not multiprocessing.active_children()
