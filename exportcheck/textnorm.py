"""Text normalisation for matching: NFKC (full-width → half-width), case folding,
Traditional → Simplified Chinese (with Taiwan phrasing: 資訊 → 信息, 演算法 → 算法) and
British → American ``-ise`` spelling. The result keeps a map back to the original offsets so
evidence can quote the analyst's own words.

Speed matters (every profile's title and summary pass through here), so the work is done by
``str.translate`` with a table built once (NFKC + case fold of each BMP character that maps
to one character) and cached with the knowledge base. Only text
that contains Traditional characters pays for OpenCC's phrase conversion (~10 µs per KB), and
only characters that expand (ligatures, ㎏, ①…) take a per-character path that records offsets.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

_ISE = re.compile(r"(?<=[a-z])is(?=(?:e|ed|es|ing|er|ers|ation|ations)(?![a-z]))")
# Where phrase conversion may be split without changing its result: whitespace and punctuation.
_SEPARATORS = re.compile(r"[\s!-/:-@\[-`{-~、。・「」『』【】《》〈〉…—]+")
_CJK_BLOCKS = (range(0x3400, 0x4DC0), range(0x4E00, 0xA000), range(0xF900, 0xFB00))
_CJK = "\u2e80-\u9fff\uf900-\ufaff"
# Whitespace that can split a term: a line break or a run of spaces (a wrapped summary), or any
# space between two CJK characters (Chinese writes no spaces, so one there is a wrap).
# (Written as one leading \s so the engine tests one alternative per whitespace character:
# ~3x faster than the plain alternation over a 2.4 KB summary.)
_GAP = re.compile(rf"\s(?:\s+|(?<=[^\S ])|(?<=[{_CJK}]\s)(?=[{_CJK}]))")
_CJK_CHAR = re.compile(rf"[{_CJK}]")


def _squeeze(norm: Normalized) -> Normalized:
    """Collapse whitespace runs to one space, and drop them between CJK characters, so
    "recommender\n  system" and "推荐\n算法" still match their terms. The result maps back
    through ``norm`` piecewise: one breakpoint per gap, not one offset per character."""
    text = norm.text
    gaps = list(_GAP.finditer(text))
    if not gaps:
        return norm
    out: list[str] = []
    breaks, starts = [0], [0]
    length = position = 0
    for gap in gaps:
        start, end = gap.span()
        out.append(text[position:start])
        length += start - position
        between_cjk = (
            start > 0
            and end < len(text)
            and _CJK_CHAR.match(text[start - 1])
            and _CJK_CHAR.match(text[end])
        )
        if not between_cjk:
            out.append(" ")
            breaks.append(length)
            starts.append(start)
            length += 1
        breaks.append(length)
        starts.append(end)
        position = end
    out.append(text[position:])
    return Normalized("".join(out), None, norm, tuple(breaks), tuple(starts))


def american(text: str) -> str:
    """``-ise``/``-isation`` spelled ``-ize``/``-ization`` (lower-case ASCII text)."""
    return _ISE.sub("iz", text)


@dataclass(frozen=True, slots=True)
class Normalized:
    """Normalised text and the way back to the original: per-character ``offsets`` (rare:
    only when a character expands or a phrase changes length), or piecewise-linear runs
    (``breaks`` -> ``starts``) into ``base``, another Normalized."""

    text: str
    offsets: tuple[int, ...] | None  # normalised index -> index in the original; None: identity
    base: Normalized | None = None
    breaks: tuple[int, ...] = ()
    starts: tuple[int, ...] = ()

    def _to_base(self, index: int) -> int:
        if self.breaks:
            run = bisect.bisect_right(self.breaks, index) - 1
            return self.starts[run] + (index - self.breaks[run])
        return index if self.offsets is None else self.offsets[index]

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        first, last = self._to_base(start), self._to_base(end - 1) + 1
        return self.base.original_span(first, last) if self.base else (first, last)


def _char_class(chars: set[str] | frozenset[str]) -> re.Pattern[str]:
    """A compact regex character class (consecutive code points as ranges)."""
    codes = sorted(ord(c) for c in chars)
    parts: list[str] = []
    i = 0
    while i < len(codes):
        j = i
        while j + 1 < len(codes) and codes[j + 1] == codes[j] + 1:
            j += 1
        first, last = re.escape(chr(codes[i])), re.escape(chr(codes[j]))
        parts.append(first if i == j else f"{first}-{last}")
        i = j + 1
    return re.compile("[" + "".join(parts) + "]" if parts else "(?!)")


@dataclass(frozen=True, slots=True)
class _Tables:
    fold: dict[str, str]  # lower-cased character -> its NFKC + case-folded form (one character)
    fold_re: re.Pattern[str]  # finds the keys of ``fold``
    expanding_re: re.Pattern[str]  # characters whose normal form has another length
    # Characters that Traditional -> Simplified changes. A set, not a regex: the class would
    # be ~4,000 characters long and cost ~5 ms to compile in every process.
    traditional: frozenset[str]


def _build_tables() -> _Tables:
    import opencc

    cjk = [chr(i) for block in _CJK_BLOCKS for i in block]
    # Newlines keep OpenCC from treating neighbouring characters as one phrase.
    simplified = str(opencc.OpenCC("t2s.json").convert("\n".join(cjk))).split("\n")
    traditional = {a for a, b in zip(cjk, simplified, strict=True) if a != b}
    fold: dict[str, str] = {}
    expanding = set()
    for code in range(0x80, 0x10000):
        if 0xD800 <= code < 0xE000:
            continue
        ch = chr(code)
        lowered = ch.lower()
        normal = unicodedata.normalize("NFKC", ch).casefold()
        if len(lowered) != 1 or len(normal) != 1:
            expanding.add(ch)
        elif normal != lowered:
            if fold.get(lowered, normal) != normal:
                expanding.add(ch)
            else:
                fold[lowered] = normal
    return _Tables(
        fold,
        _char_class(set(fold)),
        _char_class(expanding),
        frozenset(traditional),
    )


class Normalizer:
    """Callable normaliser; owns its tables and the (lazily built) OpenCC phrase converter."""

    def __init__(self) -> None:
        self._phrases: Any = None
        self._tables: _Tables | None = None

    def __getstate__(self) -> dict[str, Any]:
        # The OpenCC converter is a native object, rebuilt lazily; the tables are plain data
        # and worth caching with the knowledge base.
        return {"tables": self.tables}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__()  # type: ignore[misc]
        self._tables = state.get("tables")

    @property
    def tables(self) -> _Tables:
        if self._tables is None:
            self._tables = _build_tables()
        return self._tables

    def _phrase_convert(self, value: str) -> str:
        if self._phrases is None:
            import opencc

            self._phrases = opencc.OpenCC("tw2sp.json")
        return str(self._phrases.convert(value))

    def __call__(self, text: str) -> Normalized:
        return _squeeze(self._normalize(text))

    def _normalize(self, text: str) -> Normalized:
        if text.isascii():
            return Normalized(_ISE.sub("iz", text.lower()), None)
        tables = self.tables
        offsets: list[int] | None = None
        traditional = not tables.traditional.isdisjoint(text)
        if not traditional and tables.expanding_re.search(text) is None:  # the common case
            folded = tables.fold_re.sub(lambda m: tables.fold[m.group()], text.lower())
            return Normalized(_ISE.sub("iz", folded), None)
        if tables.expanding_re.search(text) is None:
            folded = tables.fold_re.sub(lambda m: tables.fold[m.group()], text.lower())
        else:
            pieces: list[str] = []
            offsets = []
            for index, ch in enumerate(text):
                piece = unicodedata.normalize("NFKC", ch).casefold()
                pieces.append(piece)
                offsets.extend([index] * len(piece))
            folded = "".join(pieces)
        if traditional:
            folded, moved = self._phrases_with_offsets(folded)
            if moved is not None:
                offsets = [offsets[i] for i in moved] if offsets is not None else moved
        return Normalized(_ISE.sub("iz", folded), tuple(offsets) if offsets is not None else None)

    def _phrases_with_offsets(self, folded: str) -> tuple[str, list[int] | None]:
        """Phrase conversion (演算法 -> 算法 may change the length). When it does, pair the
        segments between separators (punctuation and spaces, which conversion keeps) and
        spread each changed segment over the original one, so a span over a converted phrase
        covers the whole original phrase."""
        converted = self._phrase_convert(folded)
        if len(converted) == len(folded):
            return converted, None
        old_parts = _SEPARATORS.split(folded)
        new_parts = _SEPARATORS.split(converted)
        old_seps = _SEPARATORS.findall(folded)
        if len(old_parts) != len(new_parts) or old_seps != _SEPARATORS.findall(converted):
            new_parts = [self._phrase_convert(part) if part else "" for part in old_parts]
            converted = "".join(p + s for p, s in zip(new_parts, [*old_seps, ""], strict=True))
        moved: list[int] = []
        position = 0
        for old, new, sep in zip(old_parts, new_parts, [*old_seps, ""], strict=True):
            if len(old) == len(new):
                moved.extend(range(position, position + len(old)))
            else:
                width = len(new)
                for j in range(width):
                    step = len(old) - 1 if j == width - 1 else (j * len(old)) // width
                    moved.append(position + max(0, step))
            position += len(old)
            moved.extend(range(position, position + len(sep)))
            position += len(sep)
        return converted, moved

    def term(self, term: str) -> str:
        """Normalise a vocabulary term the same way as text."""
        return self(term).text
