"""Clauses of a masked text: the text with its terms masked, the clause around each term and
the words in it, which the passes of this package read (see :mod:`exportcheck.negation`)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from exportcheck.lazyre import compiled
from exportcheck.msgspeclib import msgspec

_MASK = "\ue000"  # a private-use character: stands for a term's characters while cues are sought


# Clause ends: sentence punctuation before a space (not "2.5", not "e.g" inside a word), CJK
# sentence punctuation and commas, brackets, dashes, a blank line, a new list item.
_CLAUSE_END = r"[.;:!?](?=\s|$)|[。；：！？，（）()\[\]【】—–]|\n\s*\n|\n\s*(?:[-*•·]|\d+[.)])\s"


_CLAUSE_PUNCTUATION = " \t\n.;:!?。；：！？，,"


_LOOK = 300  # characters around a term searched for the ends of its clause


_WORDS = r"[a-z0-9]+(?:['’][a-z]+)?|/|&|,|、|\ue000+|[^\x00-\x7f\ue000\s、]+"


# ("e.g." and "i.e." end no sentence: "whether any alternative exists (e.g. toll work in China)")
_SENTENCE_END = (
    r"[。！？!?…]|(?<!\be\.g)(?<!\bi\.e)[.](?=\s|$)|\n\s*\n"
    # a line that opens with a time stamp or a Q/A mark starts a sentence: chat logs and
    # clarification logs are written one message per line, often with no full stop. (Not a
    # bullet: "不包括以下内容：\n- 源代码" keeps its items in the sentence that excludes them.)
    r"|\n(?=[ \t]*(?:\d{1,2}:\d{2}\b|[QA]\d*\s*[:：]))"
)


def _clause_begin(masked: str, at: int) -> int:
    """Where the clause that runs up to ``at`` begins: after the last clause end within _LOOK
    characters before it."""
    begin = max(0, at - _LOOK)
    for found in compiled(_CLAUSE_END).finditer(masked, begin, at):
        begin = found.end()
    return begin


def _masked(text: str, spans: Sequence[tuple[int, int]], *, asides: bool = False) -> str:
    """``text`` lower-cased, with the terms' characters masked (same length: offsets hold),
    and short asides blanked unless ``asides``."""
    pieces, at = [], 0
    for start, end in spans:
        pieces.append(text[at:start].lower())
        pieces.append(_MASK * (end - max(at, start)))
        at = max(at, end)
    pieces.append(text[at:].lower())
    # A short aside without a term is no clause of its own: "we do not (yet) offer X",
    # "范围外（客户确认）：X". (Blanked to spaces: the offsets hold.)
    masked = "".join(pieces)
    if asides or ("(" not in masked and "（" not in masked):
        return masked
    return compiled(_ASIDE).sub(lambda m: " " * len(m.group()), masked)


_ASIDE = r"[(（][^()（）\ue000\n]{0,16}[)）]"


class _Clause(msgspec.Struct, frozen=True):
    """One clause of the masked text (``begin``-``end``), the terms in it (indexes into
    ``spans``), its words, the negations found so far (``out``, shared by all clauses) and
    the goods counted so far (``goods``: spans, shared too; they make the text one that sells
    goods, see ``document._goods_only``)."""

    masked: str
    begin: int
    end: int
    spans: Sequence[tuple[int, int]]
    inside: list[int]
    out: dict[int, tuple[int, int]]
    tokens: tuple[re.Match[str], ...]  # its words (_WORDS), read by several passes
    goods: list[tuple[int, int]]

    def negate(self, index: int, start: int, end: int) -> None:
        """Term ``index`` is negated by ``masked[start:end]`` (the first negation found stays)."""
        self.out.setdefault(index, (start, end))

    def negate_within(self, found: re.Match[str]) -> None:
        """Every term of the clause that lies inside ``found`` is negated by it."""
        for i in self.inside:
            if found.start() <= self.spans[i][0] and self.spans[i][1] <= found.end():
                self.negate(i, found.start(), found.end())


def _set_aside_within(
    spans: Sequence[tuple[int, int]],
    out: dict[int, tuple[int, int]],
    lo: int,
    hi: int,
    by: tuple[int, int],
) -> None:
    """Every term that lies within ``lo``-``hi`` is set aside by the words at ``by`` (the
    first negation found for a term stays)."""
    for i, (start, end) in enumerate(spans):
        if lo <= start and end <= hi:
            out.setdefault(i, by)


def _gate(words: Sequence[str]) -> Callable[[str], bool]:
    """A test whether a clause holds one of ``words``: the set of their first characters rules
    most clauses out in one pass, with nothing to compile (start-up is a measured target)."""
    first = frozenset(word[0] for word in words)
    held = tuple(words)
    return lambda text: not first.isdisjoint(text) and any(word in text for word in held)
