"""Text normalisation for matching: NFKC (full-width → half-width), case folding,
Traditional → Simplified Chinese (with Taiwan phrasing: 資訊 → 信息, 人工智慧 → 人工智能), and
British → American ``-ise`` spelling. The result keeps a map back to the original offsets so
evidence can quote the analyst's own words.

The common cases cost almost nothing: ASCII text is only lower-cased, and text that NFKC and
case folding leave the same length is converted in one call; only text whose length changes
(ligatures, circled digits…) takes the per-character path.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

_ISE = re.compile(r"(?<=[a-z])is(?=(?:e|ed|es|ing|er|ers|ation|ations)(?![a-z]))")


@dataclass(frozen=True, slots=True)
class Normalized:
    text: str
    offsets: tuple[int, ...] | None  # normalised index -> original index; None: identity

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        if self.offsets is None:
            return start, end
        return self.offsets[start], self.offsets[end - 1] + 1


class Normalizer:
    """Callable normaliser; owns the (lazily built) OpenCC converters."""

    def __init__(self) -> None:
        self._phrases: Any = None
        self._chars: Any = None

    def __getstate__(self) -> dict[str, Any]:  # converters are native objects: rebuild lazily
        return {}

    def __setstate__(self, _state: dict[str, Any]) -> None:
        self.__init__()  # type: ignore[misc]

    def _t2s(self, value: str) -> str:
        if self._phrases is None:
            import opencc

            self._phrases = opencc.OpenCC("tw2sp.json")
        return str(self._phrases.convert(value))

    def _t2s_chars(self, value: str) -> str:
        """Character-by-character conversion: always keeps the length."""
        if self._chars is None:
            import opencc

            self._chars = opencc.OpenCC("t2s.json")
        out = []
        for ch in value:
            converted = str(self._chars.convert(ch))
            out.append(converted if len(converted) == 1 else ch)
        return "".join(out)

    def __call__(self, text: str) -> Normalized:
        if text.isascii():
            return Normalized(_ISE.sub("iz", text.lower()), None)
        offsets: list[int] | None = None
        folded = text.casefold() if unicodedata.is_normalized("NFKC", text) else ""
        if len(folded) != len(text):
            pieces: list[str] = []
            offsets = []
            for index, ch in enumerate(text):
                piece = unicodedata.normalize("NFKC", ch).casefold()
                pieces.append(piece)
                offsets.extend([index] * len(piece))
            folded = "".join(pieces)
        converted, moved = self._convert(folded)
        if moved is not None:
            offsets = [offsets[i] for i in moved] if offsets is not None else moved
        return Normalized(
            _ISE.sub("iz", converted), tuple(offsets) if offsets is not None else None
        )

    def _convert(self, folded: str) -> tuple[str, list[int] | None]:
        """Traditional -> Simplified. Phrase conversion may change the length (演算法 -> 算法);
        then the offsets are recovered by aligning with a character-by-character conversion."""
        converted = self._t2s(folded)
        if len(converted) == len(folded):
            return converted, None
        import difflib

        chars = self._t2s_chars(folded)
        moved: list[int] = []
        matcher = difflib.SequenceMatcher(None, chars, converted, autojunk=False)
        for _tag, i1, i2, j1, j2 in matcher.get_opcodes():
            width = j2 - j1
            for j in range(width):
                # Spread the new characters over the old block; the last one ends it, so a
                # span over a converted phrase covers the whole original phrase.
                last = j == width - 1
                target = max(i1, i2 - 1) if last else i1 + (j * (i2 - i1)) // width
                moved.append(min(target, len(folded) - 1))
        return converted, moved

    def term(self, term: str) -> str:
        """Normalise a vocabulary term the same way as text."""
        return self(term).text
