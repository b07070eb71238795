"""Which of a fixed set of words a lower-cased text holds, for the quick gates in front of
costly patterns (negation passes, the direction of a transfer).

A regex alternation of literal words scans at ~15-20 us per 2.4 KB, more with more words; the
Aho-Corasick automaton the term index uses (Rust) takes ~5 us. Its import and build (~1.2 ms)
are paid only once the term index has imported it (a process checking many texts); before
that, one substring test per word.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any


def words_in(
    lowered: str, words: tuple[str, ...], built: Callable[[], Any], automaton: bool | None = None
) -> frozenset[str]:
    """The ``words`` in ``lowered`` (line breaks and tabs read as spaces): by their automaton
    (``built``, see :func:`automaton_of`) once ahocorasick_rs is imported, else by one test
    per word. (``automaton``: force one way; the two agree.)"""
    # A line break or a tab between words is a space: "purchase\norder" in a wrapped line,
    # "FOB\tShanghai" in a pasted table row hold "purchase order" and "fob ".
    if "\n" in lowered or "\t" in lowered:
        lowered = lowered.replace("\n", " ").replace("\t", " ")
    if automaton is None:
        automaton = "ahocorasick_rs" in sys.modules
    if not automaton:
        return frozenset(word for word in words if word in lowered)
    found = built().find_matches_as_indexes(lowered, overlapping=True)
    return frozenset(words[index] for index, _, _ in found)


def automaton_of(words: tuple[str, ...]) -> Any:
    """The automaton over ``words`` (cache it: ``functools.cache`` on a function of none)."""
    import ahocorasick_rs

    return ahocorasick_rs.AhoCorasick(words)
