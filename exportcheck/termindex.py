"""Find vocabulary terms in free text, with spans in the original text.

One Aho-Corasick automaton over every normalised term (and its English plural forms) finds
all matches, overlapping and nested ones included, in one pass (~10 us for 2,400 term forms
over 2.4 KB, where a regex alternation costs ~4.5 ms and misses nested terms). English terms
must sit on word boundaries; Chinese terms need none.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from exportcheck.model import Vocabulary
from exportcheck.msgspeclib import msgspec
from exportcheck.textnorm import Normalized, Normalizer, is_cjk


class TermHit(msgspec.Struct, frozen=True):
    capabilities: tuple[str, ...]
    term: str  # the vocabulary term as written
    start: int  # span in the original text
    end: int


def _is_word_char(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def _spellings(term: str) -> set[str]:
    """British and American spellings of an English term (-ise/-ize, -isation/-ization)."""
    from exportcheck.textnorm import american, british

    return {term, american(term), british(term)}


# "caffeine synthesis" is also written "synthesis of caffeine": terms ending in one of these
# process nouns are indexed in both word orders.
_PROCESS_NOUNS = frozenset(
    {
        "production",
        "manufacturing",
        "manufacture",
        "synthesis",
        "preparation",
        "extraction",
        "recovery",
        "processing",
        "making",
        "design",
        "fabrication",
        "purification",
        "separation",
        "refining",
        "cultivation",
        "breeding",
    }
)


def _word_orders(term: str) -> set[str]:
    words = term.split()
    if len(words) >= 2 and words[-1] in _PROCESS_NOUNS:
        return {term, f"{words[-1]} of {' '.join(words[:-1])}"}
    return {term}


def _english_forms(term: str) -> set[str]:
    return {
        form
        for spelling in _spellings(term)
        for ordered in _word_orders(spelling)
        for form in _plurals(ordered)
    }


# Traditional spellings of a Simplified term: OpenCC's standard, Taiwan (with and without its
# phrasing) and Hong Kong forms.
_TO_TRADITIONAL = ("s2t.json", "s2tw.json", "s2twp.json", "s2hk.json")


def _chinese_forms(term: str, normalizer: Normalizer) -> set[str]:
    """The term, and each of its Traditional spellings as the normaliser reads them back.
    OpenCC's directions are not exact inverses (芸苔素 -> 蕓薹素 -> 芸薹素), so without these
    forms a term written in Traditional characters could be missed."""
    forms = {normalizer.term(term)}
    for config in _TO_TRADITIONAL:
        traditional = normalizer.convert(term, config)
        forms.update(n.text for n in normalizer.variants(traditional))
    return {variant for form in forms for spelled in _with_de(form) for variant in _spaced(spelled)}


# A Chinese term that ends in a process word is also written with 的 before it, above all in
# patent titles: 磷酸铁锂制备 / 磷酸铁锂的制备（方法）.
_PROCESS_SUFFIXES = ("制备", "生产", "合成", "提取", "提纯", "分离", "加工", "制造", "繁育", "培育")


def _with_de(form: str) -> set[str]:
    for suffix in _PROCESS_SUFFIXES:
        head = form[: -len(suffix)]
        if form.endswith(suffix) and len(head) >= 2 and is_cjk(head[-1]) and head[-1] != "的":
            return {form, f"{head}的{suffix}"}
    return {form}


def _spaced(form: str) -> set[str]:
    """A mixed-script term with and without a space where Latin meets Chinese: many writers
    set Latin words off ("CTR 预估", "AI 配音"), the vocabulary writes "CTR预估". (Index
    time only: the normaliser leaves such spaces alone, at no cost per profile.)"""
    cuts = [
        i
        for i in range(1, len(form))
        if (_is_word_char(form[i - 1]) and is_cjk(form[i]))
        or (is_cjk(form[i - 1]) and _is_word_char(form[i]))
    ]
    variants = {form}
    for cut in reversed(cuts):  # right to left, so the cuts to the left stay in place
        variants |= {v[:cut] + " " + v[cut:] for v in variants}
    return variants


def _plurals(term: str) -> set[str]:
    forms = {term}
    if term[-1:].isalpha():
        forms.add(term + "s")
        if term.endswith(("s", "x", "ch", "sh")):
            forms.add(term + "es")
        if term.endswith("y") and len(term) > 1 and term[-2] not in "aeiou":
            forms.add(term[:-1] + "ies")
    return forms


# Characters scanned without the automaton before it is built: at ~0.35 ms per 1,000
# characters against the automaton's ~0.02 ms, its build (~15-25 ms for ~12,000 term forms,
# measured on this project's machine) pays off after ~50,000-75,000 characters of text.
_SMALL_SCAN_BUDGET = 50_000
_WORD_RUN = re.compile(r"[A-Za-z0-9]+")
_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]+")


class _SmallScan(msgspec.Struct, frozen=True):
    """Key lookup by dispatch tables, for a process that scans little text. An English key
    (one that must sit on word boundaries) can only match where a run of letters and digits
    starts, and only if that run equals the key's own leading run: ``words`` maps the run to
    those keys. Any other key holds a non-ASCII character, and ``anchors`` maps the first one
    and its successor (or the character alone, at the key's end) to (key, offset of that
    character in the key). ``loose`` keeps the rare English key that starts with neither.

    Key indices and offsets are stored as the characters of one string per table entry
    (``chr(index)``; anchors in pairs): unpickling the ~20,000 small ints and tuples they
    would otherwise be cost ~10% of loading the whole knowledge base from its cache."""

    words: dict[str, str]
    anchors: dict[str, str]  # pairs: chr(key index), chr(offset)
    lone: frozenset[str]  # anchors of one character (a key that ends in its first non-ASCII)
    loose: tuple[int, ...]

    @classmethod
    def of(cls, keys: tuple[str, ...]) -> _SmallScan:
        words: dict[str, list[int]] = {}
        anchors: dict[str, list[int]] = {}
        loose: list[int] = []
        for index, key in enumerate(keys):
            if key.isascii():
                run = _WORD_RUN.match(key)
                if run is None:
                    loose.append(index)
                else:
                    words.setdefault(run.group(), []).append(index)
                continue
            at = next(i for i, ch in enumerate(key) if not ch.isascii())
            anchors.setdefault(key[at : at + 2], []).extend((index, at))
        return cls(
            {k: _packed(v) for k, v in words.items()},
            {k: _packed(v) for k, v in anchors.items()},
            frozenset(k for k in anchors if len(k) == 1),
            tuple(loose),
        )

    def matches(self, haystack: str, keys: tuple[str, ...]) -> list[tuple[int, int, int]]:
        found: list[tuple[int, int, int]] = []
        words = self.words
        for run in _WORD_RUN.finditer(haystack):
            candidates = words.get(run.group())
            if candidates:
                start = run.start()
                for index in map(ord, candidates):
                    key = keys[index]
                    if haystack.startswith(key, start):
                        found.append((index, start, start + len(key)))
        get = self.anchors.get
        lone = self.lone
        for run in _NON_ASCII_RUN.finditer(haystack):
            for at in range(*run.span()):
                pair = haystack[at : at + 2]
                anchored = get(pair, "")
                if lone and len(pair) == 2 and pair[0] in lone:  # (at the end, get saw it)
                    anchored += self.anchors[pair[0]]
                for i in range(0, len(anchored), 2):
                    index, offset = ord(anchored[i]), ord(anchored[i + 1])
                    start = at - offset
                    key = keys[index]
                    if start >= 0 and haystack.startswith(key, start):
                        found.append((index, start, start + len(key)))
        for index in self.loose:
            key = keys[index]
            start = haystack.find(key)
            while start >= 0:
                found.append((index, start, start + len(key)))
                start = haystack.find(key, start + 1)
        return found


def _packed(numbers: list[int]) -> str:
    """``numbers`` (key indices and offsets, far below the surrogate range) as characters."""
    if any(n >= 0xD800 for n in numbers):
        raise ValueError("too many term forms for the small-scan tables")
    return "".join(map(chr, numbers))


class TermIndex:
    """Normalised term forms and what each indicates; the automaton over them is built on
    first use (~15-25 ms in Rust for ~12,000 forms) rather than pickled with the knowledge
    base, as it cannot be."""

    def __init__(self, vocabulary: Vocabulary, normalizer: Normalizer) -> None:
        self._normalize = normalizer
        table: dict[str, tuple[list[str], str, bool]] = {}
        for cap in sorted(vocabulary.capabilities.values(), key=lambda c: c.id):
            for term in cap.terms_zh + cap.terms_en:
                key = normalizer.term(term)
                english = key.isascii()
                forms = _english_forms(key) if english else _chinese_forms(term, normalizer)
                for form in sorted(forms):
                    # The term itself where the form spells it: one string object, which the
                    # pickle of the knowledge base then stores once (~half the forms).
                    caps, _, _ = table.setdefault(
                        term if form == term else form, ([], term, english)
                    )
                    if cap.id not in caps:
                        caps.append(cap.id)
        # What each key stands for, in columns: 0.3 ms to unpickle where 3,700 objects of
        # one per key took 1.1 ms (NamedTuples ~2.5 ms). Equal capability tuples are shared.
        self._keys = tuple(table)
        shared: dict[tuple[str, ...], tuple[str, ...]] = {}
        self._caps = tuple(shared.setdefault(tuple(c), tuple(c)) for c, _, _ in table.values())
        self._terms = tuple(term for _, term, _ in table.values())
        self._words = bytes(word for _, _, word in table.values())  # English: word boundaries
        self._yields = {
            cap.id: frozenset(cap.yields_to)
            for cap in vocabulary.capabilities.values()
            if cap.yields_to
        }
        self._small = _SmallScan.of(self._keys)
        self._matcher: Any = None
        self._scanned = 0

    def __getstate__(self) -> dict[str, Any]:
        return {
            "normalize": self._normalize,
            "keys": self._keys,
            "columns": (self._caps, self._terms, self._words),
            "small": self._small,
            "yields": self._yields,
        }

    def __setstate__(self, state: dict[str, Any]) -> None:
        self._normalize = state["normalize"]
        self._keys = state["keys"]
        self._caps, self._terms, self._words = state["columns"]
        self._small = state["small"]
        self._yields = state["yields"]
        self._matcher = None
        self._scanned = 0

    def _automaton(self) -> Any:
        if self._matcher is None:
            # ahocorasick_rs (Rust): all overlapping matches of 3,700 term forms over 2.4 KB in
            # ~15 us, where pyahocorasick took ~75 us (English) and ~85 ns per CJK character.
            import ahocorasick_rs

            self._matcher = ahocorasick_rs.AhoCorasick(self._keys)
        return self._matcher

    def _matches(self, haystack: str) -> Iterable[tuple[int, int, int]]:
        """(key index, start, end) of every occurrence of a key that can pass the word test.
        Building the automaton costs more than a one-profile check's own work, so the first
        texts of a process are scanned by the dispatch tables instead (see _SMALL_SCAN_BUDGET;
        the same hits, as a property test holds them to)."""
        if self._matcher is None and self._scanned + len(haystack) <= _SMALL_SCAN_BUDGET:
            self._scanned += len(haystack)
            return self._small.matches(haystack, self._keys)
        found: list[tuple[int, int, int]] = self._automaton().find_matches_as_indexes(
            haystack, overlapping=True
        )
        return found

    def find(self, text: str) -> list[TermHit]:
        if not self._keys or not text:
            return []
        found: dict[tuple[int, int, str], TermHit] = {}
        for norm in self._normalize.variants(text):
            for hit in self._scan(norm):
                found.setdefault((hit.start, hit.end, hit.term), hit)
        hits = sorted(found.values(), key=lambda h: (h.start, -h.end, h.term))
        kept = _outermost(hits)
        return _without_yielding(kept, self._yields) if self._yields else kept

    def _scan(self, norm: Normalized) -> Iterator[TermHit]:
        haystack = norm.text
        words = self._words
        for index, start, end in self._matches(haystack):
            if words[index] and (
                (start > 0 and _is_word_char(haystack[start - 1]))
                or (end < len(haystack) and _is_word_char(haystack[end]))
            ):
                continue
            o_start, o_end = norm.original_span(start, end)
            yield TermHit(self._caps[index], self._terms[index], o_start, o_end)


def _outermost(hits: list[TermHit]) -> list[TermHit]:
    """Drop a hit that lies inside a longer one: the longer phrase says what is meant
    ("lithium iron phosphate synthesis" is not "iron phosphate synthesis"). ``hits`` are
    sorted by start, longest first."""
    kept: list[TermHit] = []
    reach = -1
    for hit in hits:
        if hit.end <= reach:
            continue
        kept.append(hit)
        reach = max(reach, hit.end)
    return kept


def _without_yielding(hits: list[TermHit], yields: dict[str, frozenset[str]]) -> list[TermHit]:
    """Drop a hit that partly overlaps a hit of a capability it yields to (see
    ``Capability.yields_to``): "电池用磷酸铁" in "储能电池用磷酸铁锂" is part of the name of
    LFP, not the precursor. ``hits`` are sorted by start and none lies inside another, so their
    ends rise too, and the hits that overlap one are its neighbours on either side."""
    out = []
    for i, hit in enumerate(hits):
        wanted: frozenset[str] = frozenset()
        for cap in hit.capabilities:
            owners = yields.get(cap)
            if owners is None:  # a capability of its own: the hit counts
                wanted = frozenset()
                break
            wanted |= owners
        if wanted and any(wanted.intersection(other.capabilities) for other in _overlaps(hits, i)):
            continue
        out.append(hit)
    return out


def _overlaps(hits: list[TermHit], i: int) -> Iterator[TermHit]:
    hit = hits[i]
    before = i - 1
    while before >= 0 and hits[before].end > hit.start:
        yield hits[before]
        before -= 1
    after = i + 1
    while after < len(hits) and hits[after].start < hit.end:
        yield hits[after]
        after += 1
