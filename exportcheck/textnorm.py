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
_GAP = re.compile(rf"\s{{2,}}|[^\S ]|(?<=[{_CJK}])\s+(?=[{_CJK}])")
_CJK_CHAR = re.compile(rf"[{_CJK}]")


def _squeeze(norm: Normalized) -> Normalized:
    """Collapse whitespace runs to one space, and drop them between CJK characters, keeping
    the offsets, so "recommender\n  system" and "推荐\n算法" still match their terms."""
    text = norm.text
    out: list[str] = []
    offsets: list[int] = []
    original = norm.offsets
    position = 0
    for gap in _GAP.finditer(text):
        start, end = gap.span()
        out.append(text[position:start])
        offsets.extend(original[position:start] if original else range(position, start))
        between_cjk = (
            start > 0
            and end < len(text)
            and _CJK_CHAR.match(text[start - 1])
            and _CJK_CHAR.match(text[end])
        )
        if not between_cjk:
            out.append(" ")
            offsets.append(original[start] if original else start)
        position = end
    out.append(text[position:])
    offsets.extend(original[position:] if original else range(position, len(text)))
    return Normalized("".join(out), tuple(offsets))


def american(text: str) -> str:
    """``-ise``/``-isation`` spelled ``-ize``/``-ization`` (lower-case ASCII text)."""
    return _ISE.sub("iz", text)


@dataclass(frozen=True, slots=True)
class Normalized:
    text: str
    offsets: tuple[int, ...] | None  # normalised index -> original index; None: identity

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        if self.offsets is None:
            return start, end
        return self.offsets[start], self.offsets[end - 1] + 1


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
    traditional_re: re.Pattern[str]  # characters that Traditional -> Simplified changes
    special_re: re.Pattern[str]  # either of the two: one scan decides the common case


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
        _char_class(traditional),
        _char_class(expanding | traditional),
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
        result = self._normalize(text)
        if _GAP.search(result.text) is None:
            return result
        return _squeeze(result)

    def _normalize(self, text: str) -> Normalized:
        if text.isascii():
            return Normalized(_ISE.sub("iz", text.lower()), None)
        tables = self.tables
        offsets: list[int] | None = None
        if tables.special_re.search(text) is None:  # the common case: Simplified or Latin text
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
        if tables.traditional_re.search(text) is not None:
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
