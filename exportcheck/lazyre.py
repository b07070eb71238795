"""Regular expressions compiled on first use, once per process.

Each pattern costs 0.2-1.8 ms to compile (the long alternations more), and a one-profile
check's start-up is a measured target: most texts need few of the patterns, so none is
compiled at import.
"""

from __future__ import annotations

import functools
import re


@functools.cache
def compiled(source: str) -> re.Pattern[str]:
    """``source`` compiled, the first time it is asked for."""
    return re.compile(source)
