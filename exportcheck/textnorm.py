"""Text normalisation for matching: NFKC (full-width → half-width), case folding,
Traditional → Simplified Chinese (with Taiwan phrasing: 資訊 → 信息, 演算法 → 算法) and
whitespace that wraps a term. The result keeps a map back to the original offsets so evidence
can quote the analyst's own words. (British/American spellings are handled on the term side:
the term index holds both.)

Speed matters (every profile's title and summary pass through here), so the work is done by
``str.translate`` with a table built once (NFKC + case fold of each BMP character that maps
to one character) and cached with the knowledge base. Only text
that contains Traditional characters pays for OpenCC's phrase conversion (~10 µs per KB), and
only characters that expand (ligatures, ㎏, ①…) are folded one by one, each with a breakpoint
in the map back.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable
from itertools import accumulate
from operator import add
from typing import Any

from exportcheck.lazyre import compiled
from exportcheck.msgspeclib import msgspec

_CONVERSIONS = ("t2s.json", "tw2sp.json")  # the primary form first
_JAPANESE = "jp2t.json"  # Japanese kanji (shinjitai) to Traditional characters
# Hiragana and katakana (not the middle dot U+30FB, which Chinese uses between foreign names).
_KANA = re.compile("[\u3041-\u3096\u30a1-\u30fa]")
_KANA_HINTS = "のにをはが"
_COMPILE_AFTER = 50  # texts normalised before the Traditional-character regex pays off
_TRANSLATE_BUDGET = 20_000  # characters folded by str.translate before the regexes pay off
_DASHES = frozenset("\u2010\u2011\u2012\u2013\u2212")  # hyphen-like: read as a space
# Quotation marks read as spaces too: a writer quotes part of a name ("the 'For You' feed",
# “个性化”推荐), and the term is the name without them. (An apostrophe is the same character:
# "user's" reads "user s", in the terms as in the text.)
_QUOTES = frozenset("\"'`\u2018\u2019\u201c\u201d\u300c\u300d\u300e\u300f")
# Invisible characters that text pasted from Word, PDF or the web carries inside words
# (soft hyphen, zero-width space/joiners, word joiner, BOM): dropped, so 推荐\u200b算法
# and recommen\u00addation still meet their terms.
_IGNORABLE = frozenset("\u00ad\u200b\u200c\u200d\u2060\ufeff")
# Patterns used only when the term index is built or Traditional text is converted stay
# strings: re compiles them on first use (and caches them), not in every process's start-up.
_ISE = r"(?<=[a-z])is(?=(?:e|ed|es|ing|er|ers|ation|ations)(?![a-z]))"
# Where phrase conversion may be split without changing its result: whitespace and punctuation.
# (Captured: one split gives the segments and the separators between them.)
_SEPARATOR = r"[\s!-/:-@\[-`{-~、。・「」『』【】《》〈〉…—]"
_SEPARATORS = rf"({_SEPARATOR}+)"
_CJK_BLOCKS = (range(0x3400, 0x4DC0), range(0x4E00, 0xA000), range(0xF900, 0xFB00))
# Whitespace that can split a term: a line break or a run of spaces (a wrapped summary), or any
# space between two CJK characters (Chinese writes no spaces, so one there is a wrap).
# (Written as one leading \s so the engine tests one alternative per whitespace character:
# ~3x faster than the plain alternation over a 2.4 KB summary.) The pattern finds a single
# space between any two non-ASCII characters and _squeeze keeps it unless both are CJK:
# a CJK character class here would cost ~3 ms to compile (sre fills a 64K-entry bitmap).
# A space between Chinese and a Latin word ("CTR 预估") is left alone here: the term index
# holds mixed-script terms with and without it, which costs nothing per profile.
_GAP = re.compile(r"\s(?:\s+|(?<=[^\S ])|(?<=[^\x00-\x7f]\s)(?=[^\x00-\x7f]))")


def _spaced(text: str) -> str:
    """Hyphens, underscores and ASCII quotation marks as spaces (one for one: the offsets
    hold). An underscore joins the words of a file name or an identifier:
    "wild_rice_artificial_propagation_protocol.pdf" holds "artificial propagation"."""
    text = text.replace("-", " ")
    for mark in "_\"'`":
        if mark in text:
            text = text.replace(mark, " ")
    return text


def is_cjk(ch: str) -> bool:
    return "\u2e80" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


def _joins(ch: str) -> bool:
    """A character a wrapped term can continue from or into: CJK letters, not CJK
    punctuation (。、《》, U+3000-U+303F), which no term holds: a space after 。 may stay,
    and keeping it saves the breakpoint that dropping it costs."""
    return "\u3040" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


# A space between two non-ASCII characters. Led by the literal space, the engine only stops
# at spaces (~5 us over a 2.4 KB summary, where _GAP, led by \s, costs ~30 us).
_WRAP = re.compile(r" (?<=[^\x00-\x7f] )(?=[^\x00-\x7f])")
# Whitespace other than " " and "\n" that can be left after folding (NFKC makes the other
# spaces, U+00A0, U+2000-U+200A, U+3000 …, a plain space), each looked for by `in`.
_RARE_SPACES = "\t\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\u1680\u2028\u2029"


def _squeeze(norm: Normalized) -> Normalized:
    """Collapse whitespace runs to one space, and drop them between CJK characters, so
    "recommender\n  system" and "推荐\n算法" still match their terms. The result maps back
    through ``norm`` piecewise: one breakpoint per gap that changes the length.

    ``norm`` is folded text (see _RARE_SPACES). The common text (single spaces and line
    breaks, as a YAML block scalar has) takes a shortcut: line breaks become spaces one for
    one, and only spaces between non-ASCII characters are looked at; a property test holds it
    to the general path."""
    text = norm.text
    flat = text.replace("\n", " ") if "\n" in text else text
    if "  " in flat or any(space in flat for space in _RARE_SPACES):
        return _collapse(norm, text, _GAP.finditer(text))
    squeezed = _collapse(norm, flat, () if flat.isascii() else _WRAP.finditer(flat))
    if squeezed is norm and flat is not text:
        return msgspec.structs.replace(norm, text=flat)  # the same length: the same map
    return squeezed


def _collapse(norm: Normalized, text: str, gaps: Iterable[re.Match[str]]) -> Normalized:
    """_squeeze over the ``gaps`` of ``text`` (``norm.text``, or it with each line break
    made a space)."""
    last = len(text)
    out: list[str] = []
    breaks, starts = [0], [0]
    length = position = 0
    for gap in gaps:
        start, end = gap.span()
        dropped = start > 0 and end < last and _joins(text[start - 1]) and _joins(text[end])
        if not dropped and end - start == 1:
            if text[start] == " ":
                continue  # a space that stays a space
            out.append(text[position:start])  # one whitespace character for one space:
            out.append(" ")  # the mapping stays linear, no breakpoint
            length += start - position + 1
            position = end
            continue
        out.append(text[position:start])
        length += start - position
        if not dropped:
            out.append(" ")
            breaks.append(length)
            starts.append(start)
            length += 1
        breaks.append(length)
        starts.append(end)
        position = end
    if not position:
        return norm
    out.append(text[position:])
    return Normalized("".join(out), norm, tuple(breaks), tuple(starts))


_IZE = r"(?<=[a-z])iz(?=(?:e|ed|es|ing|er|ers|ation|ations)(?![a-z]))"


def british(text: str) -> str:
    """``-ize``/``-ization`` spelled ``-ise``/``-isation`` (lower-case ASCII text)."""
    return re.sub(_IZE, "is", text)


def american(text: str) -> str:
    """``-ise``/``-isation`` spelled ``-ize``/``-ization`` (lower-case ASCII text)."""
    return re.sub(_ISE, "iz", text)


class Normalized(msgspec.Struct, frozen=True):
    """Normalised text and the way back to the original: the identity, or piecewise-linear
    runs (``breaks`` -> ``starts``) into ``base`` (another Normalized; None: the original)."""

    text: str
    base: Normalized | None = None
    breaks: tuple[int, ...] = ()
    starts: tuple[int, ...] = ()

    def _to_base(self, index: int) -> int:
        if self.breaks:
            run = bisect.bisect_right(self.breaks, index) - 1
            return self.starts[run] + (index - self.breaks[run])
        return index

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        first, last = self._to_base(start), self._to_base(end - 1) + 1
        return self.base.original_span(first, last) if self.base else (first, last)


def _char_class(chars: set[str] | frozenset[str]) -> str:
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
    return "[" + "".join(parts) + "]" if parts else "(?!)"


def _align(old: str, new: str, faithful: str) -> list[int]:
    """For each character of ``new`` (a segment after phrase conversion), the index in
    ``old`` it stands for. ``faithful`` is ``old`` converted character by character; where it
    has the same length, the characters both conversions agree on pair up exactly (推薦演算法
    用戶 -> 推荐算法用户: 用户 stays over 用戶), a dropped character joins the next one
    (算 stands for 演算) and a rewritten run is spread over the run it replaces (信息 over
    資訊). Otherwise the whole segment is spread. The last character of a rewritten run
    maps to the run's last character, so a span over the phrase covers all of it."""
    if not new:
        return []
    last = len(old) - 1
    if len(faithful) != len(old):
        return [last if j == len(new) - 1 else (j * len(old)) // len(new) for j in range(len(new))]
    from difflib import SequenceMatcher

    out = [0] * len(new)
    dropped: int | None = None  # the start of characters dropped since the last one mapped
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, faithful, new, autojunk=False).get_opcodes():
        width = j2 - j1
        if tag == "delete":
            dropped = i1 if dropped is None else dropped
            continue
        for k in range(width):
            if tag == "equal":
                out[j1 + k] = i1 + k
            elif i2 > i1:  # a replaced run
                out[j1 + k] = i2 - 1 if k == width - 1 else i1 + (k * (i2 - i1)) // width
            else:  # inserted characters stand with the next original one
                out[j1 + k] = min(i1, last)
        if dropped is not None and width:
            out[j1] = dropped
            dropped = None
    return out


def _head_before_change(old: str, new: str) -> int:
    """Length of the longest common prefix of ``old`` and ``new`` (slices compare in C: a
    bisection beats a loop over characters)."""
    low, high = 0, min(len(old), len(new))
    while low < high:
        middle = (low + high + 1) // 2
        if old[low:middle] == new[low:middle]:
            low = middle
        else:
            high = middle - 1
    return low


def _common_tail(old: str, new: str, old_room: int, new_room: int) -> int:
    """Length of the longest common suffix of ``old`` and ``new``, at most the ``room`` each
    has after their common prefix (any shorter end of a common suffix is one too)."""
    return min(_head_before_change(old[::-1], new[::-1]), old_room, new_room)


def _segment_start(text: str, at: int) -> int:
    """The start of the segment (text between separators) that holds index ``at``."""
    separator = compiled(_SEPARATOR)
    while at > 0 and not separator.match(text, at - 1):
        at -= 1
    return at


def _segment_end(text: str, at: int) -> int:
    """The end of the segment whose last character is at ``at - 1`` (``at`` when that is a
    separator or the text's start)."""
    if at == 0 or compiled(_SEPARATOR).match(text, at - 1):
        return at
    found = compiled(_SEPARATOR).search(text, at)
    return found.start() if found else len(text)


class _Tables(msgspec.Struct, frozen=True):
    """Plain strings, one character per entry: they unpickle ~50x faster than the dict and
    set built from them on first use (~0.8 ms of every knowledge-base load otherwise)."""

    fold_from: str  # lower-cased characters whose NFKC + case-folded form differs...
    fold_to: str  # ...and that form (one character each)
    expanding: str  # characters whose normal form has another length
    traditional: str  # characters that Traditional -> Simplified changes

    def fold_class(self) -> str:
        return _char_class(set(self.fold_from))

    def expanding_class(self) -> str:
        return _char_class(set(self.expanding))


def _build_tables() -> _Tables:
    import unicodedata

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
        if ch in _IGNORABLE:
            expanding.add(ch)  # to nothing: _fold_around keeps the map back
            continue
        lowered = ch.lower()
        normal = unicodedata.normalize("NFKC", ch).casefold()
        if len(lowered) != 1 or len(normal) != 1:
            expanding.add(ch)
        elif normal in _DASHES or normal in _QUOTES:
            fold[lowered] = " "
        elif normal != lowered:
            if fold.get(lowered, normal) != normal:
                expanding.add(ch)
            else:
                fold[lowered] = normal
    return _Tables(
        "".join(fold),
        "".join(fold.values()),
        "".join(sorted(expanding)),
        "".join(sorted(traditional)),
    )


def _fold_around(text: str, at: list[int], fold_part: Callable[[str], str]) -> Normalized:
    """Fold ``text`` whose characters at ``at`` (sorted) change length under NFKC + case
    folding (ligatures, ①, ㎏, …) or vanish (soft hyphen, zero-width space). The stretches
    between them take the one-for-one fold (``fold_part``), so one ellipsis in a long summary
    costs one character's work rather than a per-character pass over the whole text; the map
    back is piecewise: a breakpoint per stretch and per character an expansion yields."""
    import unicodedata

    out: list[str] = []
    breaks, starts = [0], [0]
    length = position = 0
    for index in at:
        part = fold_part(text[position:index])
        out.append(part)
        length += len(part)
        ch = text[index]
        piece = "" if ch in _IGNORABLE else unicodedata.normalize("NFKC", ch).casefold()
        out.append(piece)
        for k in range(len(piece)):  # each character of the expansion stands for ``ch``
            breaks.append(length + k)
            starts.append(index)
        length += len(piece)
        position = index + 1
        breaks.append(length)  # linear again after it
        starts.append(position)
    out.append(fold_part(text[position:]))
    return Normalized(_spaced("".join(out)), None, tuple(breaks), tuple(starts))


class Normalizer:
    """Callable normaliser; owns its tables and the (lazily built) OpenCC phrase converter."""

    def __init__(self) -> None:
        self._converters: dict[str, Any] = {}
        self._tables: _Tables | None = None
        self._traditional: frozenset[str] | None = None
        self._traditional_re: re.Pattern[str] | None = None
        self._translation: tuple[dict[int, int], frozenset[str]] | None = None
        # The fold and expanding classes, and the character map the first substitutes with.
        self._fold_res: tuple[re.Pattern[str], re.Pattern[str], dict[str, str]] | None = None
        self._calls = 0
        self._translated = 0  # characters folded by str.translate (before the regexes)

    def __getstate__(self) -> dict[str, Any]:
        # The OpenCC converter is a native object, rebuilt lazily; the tables are plain data
        # and worth caching with the knowledge base.
        return {"tables": self.tables}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__()  # type: ignore[misc]
        self._tables = state.get("tables")

    def _has_traditional(self, text: str) -> bool:
        """Set lookup for the first texts of a process (no compile cost), then a compiled
        character class, which scans ~6x faster but takes ~5 ms to compile."""
        if self._traditional_re is None:
            self._calls += 1
            if self._calls <= _COMPILE_AFTER:
                if self._traditional is None:
                    self._traditional = frozenset(self.tables.traditional)
                return not self._traditional.isdisjoint(text)
            self._traditional_re = re.compile(_char_class(set(self.tables.traditional)))
        return self._traditional_re.search(text) is not None

    @property
    def tables(self) -> _Tables:
        if self._tables is None:
            self._tables = _build_tables()
        return self._tables

    def _converter(self, name: str) -> Any:
        converter = self._converters.get(name)
        if converter is None:
            import opencc

            converter = self._converters[name] = opencc.OpenCC(name)
        return converter

    def convert(self, text: str, config: str) -> str:
        """``text`` through one OpenCC configuration (e.g. ``s2t.json``), as is."""
        return str(self._converter(config).convert(text))

    def __call__(self, text: str) -> Normalized:
        """The primary normal form: Traditional characters converted one to one (t2s)."""
        folded, traditional = self._kanji_read(text)
        if not traditional:
            return _squeeze(folded)
        return _squeeze(self._convert(folded, _CONVERSIONS[0]))

    def variants(self, text: str) -> tuple[Normalized, ...]:
        """Normal forms to search. Traditional text gets two: a faithful character
        conversion (醫學影像 -> 医学影像) and one with Taiwan phrasing mapped to mainland
        words (演算法 -> 算法, 資訊 -> 信息), which sometimes rewrites a word both places use
        (影像 -> 图像); searching both finds either."""
        folded, traditional = self._kanji_read(text)
        if not traditional:
            return (_squeeze(folded),)
        return tuple(_squeeze(self._convert(folded, config)) for config in _CONVERSIONS)

    def _kanji_read(self, text: str) -> tuple[Normalized, bool]:
        """``text`` folded, and whether it holds Traditional characters to convert. Japanese
        (text with kana: a Japanese parent's memo) has its kanji read as Traditional ones
        first (発音評価 -> 發音評價, then 发音评价), so its words shared with Chinese meet
        the terms."""
        folded = self._fold(text)
        if text.isascii():
            return folded, False
        # (A few common kana by str.find first: the class search costs ~10 us per 2 KB of
        # Chinese, which holds none; Japanese prose holds one of these particles.)
        if any(kana in text for kana in _KANA_HINTS) and _KANA.search(text):
            return self._convert(folded, _JAPANESE), True
        return folded, self._has_traditional(text)

    def _fold(self, text: str) -> Normalized:
        """NFKC and case folding, with a map back where a character expands. Hyphens and
        quotation marks become spaces (one for one), so "click-through-rate" meets the term
        "click-through rate" and "the 'For You' feed" the term "for you feed"."""
        if text.isascii():
            return Normalized(_spaced(text.lower()))
        if self._fold_res is None and self._translated + len(text) <= _TRANSLATE_BUDGET:
            # The first texts of a process: str.translate (~50 us per KB) instead of compiling
            # the two classes (~1.7 ms); the same result, as a property test holds it to.
            self._translated += len(text)
            table, expanding = self._translate_tables()
            if expanding.isdisjoint(text):  # the common case
                return Normalized(_spaced(text.lower().translate(table)))
            at = [i for i, ch in enumerate(text) if ch in expanding]
            return _fold_around(text, at, lambda part: part.lower().translate(table))
        fold_re, expanding_re, fold = self._fold_regexes()

        def fold_part(part: str) -> str:
            # Each distinct character that folds, replaced throughout: a text holds few of
            # them many times (the full-width comma of Chinese prose), and re.sub with a
            # function calls it once per occurrence.
            lowered = part.lower()
            for ch in set(fold_re.findall(lowered)):
                lowered = lowered.replace(ch, fold[ch])
            return lowered

        found = expanding_re.search(text)
        if found is None:  # the common case
            return Normalized(_spaced(fold_part(text)))
        at = [m.start() for m in expanding_re.finditer(text, found.start())]
        return _fold_around(text, at, fold_part)

    def _translate_tables(self) -> tuple[dict[int, int], frozenset[str]]:
        if self._translation is None:
            tables = self.tables
            table = str.maketrans(tables.fold_from, tables.fold_to)
            self._translation = table, frozenset(tables.expanding)
        return self._translation

    def _fold_regexes(self) -> tuple[re.Pattern[str], re.Pattern[str], dict[str, str]]:
        if self._fold_res is None:
            tables = self.tables
            self._fold_res = (
                re.compile(tables.fold_class()),
                re.compile(tables.expanding_class()),
                dict(zip(tables.fold_from, tables.fold_to, strict=True)),
            )
        return self._fold_res

    def _convert(self, folded: Normalized, config: str) -> Normalized:
        """Traditional -> Simplified with one OpenCC configuration. Phrase conversion may
        change the length (演算法 -> 算法): then the segments between separators (which
        conversion keeps) are paired, and each changed segment is aligned with the original
        one (see _align), so a span keeps to its own words and a span over a converted
        phrase covers the whole original phrase."""
        converter = self._converter(config)
        text = folded.text
        converted = str(converter.convert(text))
        if len(converted) == len(text):
            return msgspec.structs.replace(folded, text=converted)  # the same map back
        # Only the stretch between the longest unchanged head and tail is split into segments
        # and paired (a Taiwan quote in a 2 KB summary: one sentence, not 300 segments), from
        # and to a separator, so that the segments are whole.
        head = _head_before_change(text, converted)
        tail = _common_tail(text, converted, len(text) - head, len(converted) - head)
        head = _segment_start(text, head)
        old_end = _segment_end(text, len(text) - tail)
        new_end = len(converted) - (len(text) - old_end)
        old_split = re.split(_SEPARATORS, text[head:old_end])
        new_split = re.split(_SEPARATORS, converted[head:new_end])
        old_parts, old_seps = old_split[0::2], old_split[1::2]
        new_parts = new_split[0::2]
        if len(old_split) != len(new_split) or old_seps != new_split[1::2]:
            new_parts = [str(converter.convert(part)) if part else "" for part in old_parts]
            middle = "".join(p + s for p, s in zip(new_parts, [*old_seps, ""], strict=True))
            converted = converted[:head] + middle + converted[new_end:]
        # Piecewise runs into ``folded``: linear between changed segments, one breakpoint per
        # character inside them. (Only the few changed segments cost Python-level work.)
        seps = [*old_seps, ""]
        old_at = list(accumulate(map(add, map(len, old_parts), map(len, seps)), initial=head))
        new_at = list(accumulate(map(add, map(len, new_parts), map(len, seps)), initial=head))
        breaks, starts = [0], [0]
        for i, (old, new) in enumerate(zip(old_parts, new_parts, strict=True)):
            if len(old) == len(new):
                continue
            faithful = str(self._converter(_CONVERSIONS[0]).convert(old))
            for j, at in enumerate(_align(old, new, faithful)):
                breaks.append(new_at[i] + j)
                starts.append(old_at[i] + at)
            breaks.append(new_at[i] + len(new))  # linear again from the separator on
            starts.append(old_at[i] + len(old))
        return Normalized(converted, folded, tuple(breaks), tuple(starts))

    def term(self, term: str) -> str:
        """Normalise a vocabulary term the same way as text."""
        return self(term).text
