"""Which of a fixed set of words a lower-cased text holds, for the quick gates in front of
costly patterns (negation passes, the direction of a transfer).

A regex alternation of literal words scans at ~15-20 us per 2.4 KB, more with more words; the
Aho-Corasick automaton the term index uses (Rust) takes ~12 us, nearly all of it a fixed cost
per scan (~5 us for an automaton of one word). So every gate's words share one automaton, and
a text is scanned once for all the gates that ask about it (up to four per text: the cues of
the negation passes, the parts of the goods tests, the words of technology and the triggers
of the direction test). Its import and build (~1.5 ms) are paid only once the term index has
imported it (a process checking many texts); before that, one substring test per word.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Iterable
from typing import Any

# Every gate's words, in the order the gates were made (at import of their modules). The
# shared automaton is keyed by how many there are, so a gate made after it was built (a
# module imported late) gets a new one that includes its words.
_GATE_WORDS: list[tuple[str, ...]] = []


class Gate:
    """A fixed set of words (lower case) to look for in lower-cased text. (A plain class: the
    dataclasses module and what it imports cost ~10 ms of a one-profile check's start-up.)"""

    __slots__ = ("members", "words")

    def __init__(self, words: tuple[str, ...]) -> None:
        self.words = words
        self.members = frozenset(words)

    def __call__(self, lowered: str, automaton: bool | None = None) -> frozenset[str]:
        """The words of this gate in ``lowered`` (line breaks and tabs read as spaces): by the
        shared automaton once ahocorasick_rs is imported, else by one test per word.
        (``automaton``: force one way; the two agree.)"""
        # A line break or a tab between words is a space: "purchase\norder" in a wrapped line,
        # "FOB\tShanghai" in a pasted table row hold "purchase order" and "fob ".
        if "\n" in lowered or "\t" in lowered:
            lowered = lowered.replace("\n", " ").replace("\t", " ")
        if automaton is None:
            automaton = "ahocorasick_rs" in sys.modules
        if not automaton:
            return frozenset(word for word in self.words if word in lowered)
        # (A set intersection iterates over the smaller of the two sets itself.)
        return _scan(lowered, len(_GATE_WORDS)) & self.members


def gate(words: Iterable[str]) -> Gate:
    """A gate over ``words``, made once per module (it joins the shared automaton)."""
    kept = tuple(words)
    _GATE_WORDS.append(kept)
    return Gate(kept)


@functools.lru_cache(maxsize=8)
def _scan(lowered: str, gates: int) -> frozenset[str]:
    """Every gate word in ``lowered``, by one pass of the automaton over the first ``gates``
    gates' words. (A few texts are kept: a profile's title and summary are asked about by
    several gates, in turn.)"""
    automaton, words = _automaton(gates)
    return frozenset(
        words[i] for i, _, _ in automaton.find_matches_as_indexes(lowered, overlapping=True)
    )


@functools.cache
def _automaton(gates: int) -> tuple[Any, tuple[str, ...]]:
    import ahocorasick_rs

    words = tuple(sorted({word for kept in _GATE_WORDS[:gates] for word in kept}))
    return ahocorasick_rs.AhoCorasick(words), words
