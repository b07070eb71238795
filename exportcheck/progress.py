"""A progress bar on stderr for long batches, on a terminal only (never in pipes or CI logs).

Nothing is shown for the first second, so a short run prints nothing; then the line is
redrawn at most five times a second, and cleared when the run ends, however it ends.
"""

from __future__ import annotations

import time
from collections.abc import Callable

_WIDTH = 30


def progress_line(count: int, total: int | None, elapsed: float) -> str:
    """``[#####.....] 3,400/10,000 profiles  1,650/s  8 s left``; without a total (stdin),
    the count and the rate."""
    rate = count / elapsed if elapsed > 0 else 0.0
    if not total:
        return f"checked {count:,} profiles  {rate:,.0f}/s"
    done = min(count, total)
    filled = _WIDTH * done // total
    left = f"  {(total - done) / rate:,.0f} s left" if rate else ""
    bar = "#" * filled + "." * (_WIDTH - filled)
    return f"[{bar}] {done:,}/{total:,} profiles  {rate:,.0f}/s{left}"


class Progress:
    """Called with the number of profiles checked so far; ``close`` clears the line."""

    def __init__(
        self,
        total: int | None,
        write: Callable[[str], object],
        clock: Callable[[], float] = time.monotonic,
        delay: float = 1.0,
        interval: float = 0.2,
    ) -> None:
        self.total = total
        self.write = write
        self.clock = clock
        self.delay = delay
        self.interval = interval
        self.started = clock()
        self.drawn_at: float | None = None

    def __call__(self, count: int) -> None:
        now = self.clock()
        if now - self.started < self.delay:
            return
        if self.drawn_at is not None and now - self.drawn_at < self.interval:
            return
        self.drawn_at = now
        self.write("\r\033[K" + progress_line(count, self.total, now - self.started))

    def close(self) -> None:
        if self.drawn_at is not None:
            self.write("\r\033[K")
