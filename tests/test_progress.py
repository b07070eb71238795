"""The progress bar of long batches on a terminal."""

from __future__ import annotations

from exportcheck.progress import Progress, progress_line


def test_line_with_a_total_shows_bar_count_rate_and_time_left() -> None:
    line = progress_line(2_500, 10_000, elapsed=2.0)
    assert line == "[#######.......................] 2,500/10,000 profiles  1,250/s  6 s left"


def test_line_never_overflows_and_works_without_a_total() -> None:
    assert progress_line(12, 10, elapsed=1.0).startswith("[" + "#" * 30 + "] 10/10 ")
    assert progress_line(300, None, elapsed=2.0) == "checked 300 profiles  150/s"
    assert progress_line(0, 5, elapsed=0.0).endswith("0/5 profiles  0/s")


class _Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_short_runs_show_nothing_and_long_ones_are_throttled_then_cleared() -> None:
    clock = _Clock()
    out: list[str] = []
    progress = Progress(1000, out.append, clock=clock, delay=1.0, interval=0.2)
    for count in range(1, 50):
        clock.now += 0.01  # 0.49 s in all: below the delay
        progress(count)
    assert out == []
    clock.now += 0.6
    progress(50)
    progress(51)  # same instant: throttled
    clock.now += 0.25
    progress(52)
    assert len(out) == 2
    assert "50/1,000" in out[0]
    assert out[0].startswith("\r\x1b[K")
    progress.close()
    assert out[-1] == "\r\x1b[K"


def test_close_without_drawing_writes_nothing() -> None:
    out: list[str] = []
    progress = Progress(None, out.append, clock=_Clock())
    progress(1)
    progress.close()
    assert out == []
