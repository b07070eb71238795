"""A stop asked for by a signal (Ctrl-C, a CI timeout's SIGTERM), kept where a swallowed
KeyboardInterrupt cannot lose it.

A KeyboardInterrupt raised while Python runs a callback of its own (a module lock released at
the end of a lazy import, a weakref finaliser) is printed as "Exception ignored" and dropped,
so the run would go on and report success. The handler records the signal too, and the batch
loop asks after every profile.
"""

from __future__ import annotations

import signal

# The signals received. Module state on purpose: a signal handler is process-wide, and the
# console script installs it once (tests that run the CLI in-process never do).
_received: list[int] = []


def install() -> None:
    """SIGINT and SIGTERM raise KeyboardInterrupt and are remembered."""

    def stop(signum: int, _frame: object) -> None:
        _received.append(signum)
        raise KeyboardInterrupt

    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)


def raise_if_requested() -> None:
    """Raise KeyboardInterrupt if a stop was asked for, even one whose exception was lost."""
    if _received:
        raise KeyboardInterrupt
