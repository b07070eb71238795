"""Mentions the description itself rules out: "does not use personalised push",
"no recommendation engine, chatbot or drone", "LiDAR-free",
"不涉及个性化推荐、语音合成或无人机技术", "无人机业务不在本次转让范围内", "Unlike TikTok's
recommendation algorithm, …", "Excluded technology: (a) the TTS engine …".

Design §2.1 makes text a lead. A mention whose own sentence says the technology is absent, or
somebody else's, is no lead: counting it turned "an ERP that does not involve personalised
recommendation" into a review. Such a mention is set aside (shown in the result, never silently
dropped) when the wording is unambiguous; anything less certain stays a lead, and ``denial.py``
only points the cue out.

What is unambiguous, by language:

* English: a cue word (no, not, without, never, neither/nor, except, excluding, doesn't,
  instead of, rather than, removed, bought-in …) followed, in its clause, by words that carry
  the negation on — determiners, generic nouns ("no *such feature*") and, before the first
  term, auxiliaries and verbs of having and using ("does not *use any*") — up to the term.
  Lists carry it on: "no X or Y", and "no X, Y or Z" once an or/nor/and closes the list (an
  item may hold two words that are not terms: "no speech, wake-word or dialogue technology").
  Other words end the scope ("not *only* X", "no X and *relies on* Y"), and a cue after words
  that ended nothing is a negation of a negation and ignored ("cannot *work* without X").
  After the term: "X-free", "X is not included / not part of … / excluded / out of scope /
  licensed separately", "X was removed / replaced / divested / cancelled", "X are bought in";
  also past a phrase that describes X ("the X module shown in the demo is licensed
  separately").
* Chinese: a negating verb (不涉及, 不包含, 没有, 未采用, 不做, 放弃, 外购 …) governs its whole
  clause, up to the next comma or full stop, unless a word turns it (但, 而, 仅, 只, 还, 也,
  来 …: "没有激光雷达也能避障" still denies the LiDAR, which comes before 也). Past a 的 the term
  is what the clause describes ("不需要人工干预的推荐", "不使用云端的语音合成" affirm it), unless
  the words before 的 only qualify it ("不涉及基于用户画像的推荐", "不含任何形式的推送"). Bare
  无/非 count only directly before a term (无 begins 无人机, 非 begins 非洲; 除非 is "unless").
  After the term: 不在…范围, 不属于本次, 除外, 已被…取代, 仅供参考 …, also in the next clause
  when that clause says only that ("X由母公司保留，不在转让范围内"), past clauses that only
  say when or whether ("X仍在规划中，明年才可能开发，不属于本次授权"). "除X外" leaves X out
  when what follows is the scope without it ("除X外，本次转让包括Y"), not when it adds to X
  ("除X外，还提供Y") or negates the rest ("除X外均不转让").
  Goods named as such are no technology: "出口X成品", "X商品种子", "…，均为采购的成品" (not
  when the clause speaks of making them: "从毛坯到成品的加工工艺"); nor is anything in a
  description that declares a sale of goods with no technology ("提供整机不提供技术", "sold as
  goods"), unless another sentence hands technology over ("还转让飞控源代码"). A service done
  abroad with the provider's own equipment, which comes back, uses its tools as goods are
  sold ("our own drones", "自有航拍无人机…设备运回"): a sentence that no know-how goes with it
  declares it so too.
* Either: a term in brackets right after a negated one is its gloss ("不含激光雷达（LiDAR）");
  somebody else's technology — a contrast up to the comma that closes it ("unlike X,",
  "不同于X，"), a competitor's product, a clause whose subject is a competitor and that does not
  name us; a patent's or paper's background section and a contract's exclusion list, to the end
  of their sentence; a contract's section headed as what it leaves out ("3. Excluded
  Technology", "第三条 除外技术", "Article 12 – Option (not exercised)"), to a blank line or
  the next heading of its kind.

Terms inside other terms never count as cues: the text is searched with every term masked.
docs/formats.md ("Negated mentions") lists every rule with examples.

The package: ``clause`` masks the text and finds the clause of each term; ``passes`` runs the
passes over a clause (``english``, ``chinese`` and the ones that read either language);
``document`` holds the passes over a whole description (exclusion sections, background, a
declared sale of goods, abbreviations, glosses). This module puts them together.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from exportcheck.lazyre import compiled
from exportcheck.msgspeclib import msgspec
from exportcheck.negation.chinese import _next_clause
from exportcheck.negation.clause import _CLAUSE_END, _LOOK, _WORDS, _Clause, _masked
from exportcheck.negation.document import (
    _BACKGROUND_WORDS,
    _CATALOGUE_WORDS,
    _CLIENT_WORDS,
    _EXCLUSION_WORDS,
    _FORM_MARKS,
    _GOODS_ONLY_WORD_SET,
    _HANDED_BESIDE_GOODS,
    _HANDED_OVER,
    _SCOPE_WORDS,
    _background,
    _catalogue_examples,
    _catalogue_scope,
    _client_business,
    _defined,
    _exclusion_sections,
    _form_answers,
    _glosses,
    _goods_only,
    _negated_examples,
    _other_senses,
    _text_cues,
    goods_and_nothing_else,
    goods_only_declaration,
    hands_over,
    sells_goods,
)
from exportcheck.negation.passes import _passes
from exportcheck.negation.records import (
    CATALOGUE_SAYS_WORDS,
    COMPARISON_WORDS,
    catalogue_says,
    comparison_lines,
)

__all__ = [
    "Reading",
    "goods_and_nothing_else",
    "goods_only_declaration",
    "hands_over_technology",
    "negations",
    "negations_in",
    "read",
    "sells_goods",
]


def hands_over_technology(text: str, *, beside_goods: bool = False) -> bool:
    """Whether a sentence of ``text`` with no negation or condition in it hands technology
    over (source code, know-how, design files …): such a text is no sale of goods only.
    ``beside_goods``: a licence or transfer counts too ("the sintering process is licensed"),
    as beside goods whose declaration is read elsewhere."""
    words = _HANDED_BESIDE_GOODS if beside_goods else _HANDED_OVER
    return hands_over(text.lower(), words, semicolons=True)


class Reading(msgspec.Struct, frozen=True):
    """What a text says of its terms (``negated``: see :func:`negations`) and of the whole
    description, which its title shares: the abbreviations it defines in another sense
    (``defined``: abbreviation -> span of the definition) and a declared sale of goods
    (``goods_only``: its span)."""

    negated: dict[int, tuple[int, int]]
    defined: dict[str, tuple[int, int]]
    goods_only: tuple[int, int] | None


def read(text: str, spans: Sequence[tuple[int, int]]) -> Reading:
    """:class:`Reading` of ``text`` with its terms at ``spans``."""
    return _read(text, spans, gated=True)


def negations(text: str, spans: Sequence[tuple[int, int]]) -> dict[int, tuple[int, int]]:
    """The spans (by index) the text negates, each with the span of its negation: from the
    cue through the term, or from the term through the words after it. ``spans`` are the
    terms found in ``text``, sorted by start (they may overlap, not nest)."""
    return _read(text, spans, gated=True).negated


def negations_in(
    text: str, spans: Sequence[tuple[int, int]], *, gated: bool
) -> dict[int, tuple[int, int]]:
    """:func:`negations`; ``gated``: run a pass over a clause only when the clause holds a
    word the pass starts from (the same answers, faster; a property test holds the two to
    each other)."""
    return _read(text, spans, gated=gated).negated


# Chinese written with a space between words ("合同 是 纯 货物 买卖：没有 工艺 转让"), as some
# chat tools, word-segmented exports and text extracted from PDFs have it. The readers' Chinese
# patterns expect none, so such a text is read with those spaces taken out, and what the
# reading finds is mapped back. (The pattern opens with the space, which the engine finds fast.)
_SPACED_CJK = r" (?<=[\u3400-\u9fff] )(?=[\u3400-\u9fff])"
# Its gate: a space between two non-ASCII characters. The CJK ranges cost 1.9 ms to compile
# (a one-profile check's start-up is a measured target); this class costs 0.1 ms, and few
# texts get past it.
_SPACED_WIDE = r" (?<=[^\x00-\x7f] )(?=[^\x00-\x7f])"
_SPACED_ENOUGH = 3  # spaced pairs that make a text one written so (not a stray space)
_SPACED_LOOK = 800  # characters looked at for it: such a text is spaced throughout


# A line wrapped inside Chinese text: "与稀土碳氮共渗、稀土渗碳及\n  稀土—硼共渗工艺无关" (block
# scalars keep their line breaks). The readers' patterns stop at a line break, so a break
# between two Chinese characters is taken out with its indentation. (Not after punctuation,
# where a sentence or a list item ends, nor before a list mark: lines start Q&A pairs and
# items. The pattern finds candidates cheaply; _ideograph checks both sides.)
_WRAPPED = r"(?<=[^\x00-\x7f])\n[ \t\u3000]*(?=[^\x00-\x7f\u3000])"


_WRAP_AFTER = "、，：（「『“"  # punctuation a wrapped line may end with: mid-sentence
_WRAP_BEFORE = "、，；。：）」』”"  # … or start with: no sentence or item starts so


def _ideograph(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


def _wrapped_lines(text: str) -> list[tuple[int, int]]:
    return [
        found.span()
        for found in compiled(_WRAPPED).finditer(text)
        if (_ideograph(before := text[found.start() - 1]) or before in _WRAP_AFTER)
        and (_ideograph(after := text[found.end()]) or after in _WRAP_BEFORE)
    ]


# A term that opens with 用 right after a verb that ends in it ("不采用激光测距" holds the term
# 用激光测距): the verb belongs to the words before the term, which a cue may end with.
_USE_VERBS = frozenset("采採使利应應运運")


# ... and a term that opens with a verb of adding right after 不 or 未 ("不添加钪" holds the term
# 添加钪): the negation is the verb's, which the cue 不添加 holds.
_ADDING_VERBS = ("添加", "加入", "掺杂", "摻雜", "掺入", "摻入", "加")  # (the longest first)


def _verb_apart(text: str, spans: Sequence[tuple[int, int]]) -> Sequence[tuple[int, int]]:
    """``spans`` with such a term read from the character after its 用 or its verb of adding
    (the order kept)."""
    moved = list(spans)
    for i, (start, end) in enumerate(spans):
        if end - start <= 2 or start == 0 or not (i + 1 == len(spans) or spans[i + 1][0] > start):
            continue  # (first: an empty span may stand at the text's end)
        if text[start] == "用" and text[start - 1] in _USE_VERBS:
            moved[i] = (start + 1, end)
        elif text[start - 1] in "不未" and (
            verb := next((v for v in _ADDING_VERBS if text.startswith(v, start)), "")
        ):
            moved[i] = (start + len(verb), end)
    return moved


def _read(text: str, spans: Sequence[tuple[int, int]], *, gated: bool) -> Reading:
    if not spans:
        return _read_as_is(text, spans, gated=gated)
    spans = _verb_apart(text, spans)
    gaps = []
    if "\n" in text:
        gaps = _wrapped_lines(text)
    if (
        _spaced_pairs(_SPACED_WIDE, text) >= _SPACED_ENOUGH
        and _spaced_pairs(_SPACED_CJK, text) >= _SPACED_ENOUGH
    ):
        spaced = [(at, at + 1) for at in (m.start() for m in compiled(_SPACED_CJK).finditer(text))]
        gaps = sorted({*gaps, *spaced})
    if gaps:
        return _read_without(text, spans, gaps, gated=gated)
    return _read_as_is(text, spans, gated=gated)


def _spaced_pairs(pattern: str, text: str) -> int:
    return len(compiled(pattern).findall(text, 0, _SPACED_LOOK))


def _read_without(
    text: str, spans: Sequence[tuple[int, int]], gaps: list[tuple[int, int]], *, gated: bool
) -> Reading:
    """:func:`_read` of ``text`` with the ``gaps`` (sorted, disjoint ranges holding no term's
    first or last character) taken out, its spans mapped back to ``text``."""
    pieces, at, removed = [], 0, 0
    starts = []  # each gap's start in text
    compact_starts = []  # … and where it was taken out of the compact text
    removed_through = []  # characters taken out up to and including each gap
    for start, end in gaps:
        pieces.append(text[at:start])
        at = end
        starts.append(start)
        compact_starts.append(start - removed)
        removed += end - start
        removed_through.append(removed)
    pieces.append(text[at:])
    compact = "".join(pieces)

    def inward(index: int) -> int:
        before = bisect.bisect_right(starts, index)
        return index - (removed_through[before - 1] if before else 0)

    def back(index: int) -> int:
        before = bisect.bisect_right(compact_starts, index)
        return index + (removed_through[before - 1] if before else 0)

    def span_in(span: tuple[int, int]) -> tuple[int, int]:
        return inward(span[0]), inward(span[1] - 1) + 1

    def span_back(span: tuple[int, int]) -> tuple[int, int]:
        return back(span[0]), back(span[1] - 1) + 1

    reading = _read_as_is(compact, [span_in(span) for span in spans], gated=gated)
    return Reading(
        {i: span_back(span) for i, span in reading.negated.items()},
        {abbr: span_back(span) for abbr, span in reading.defined.items()},
        span_back(reading.goods_only) if reading.goods_only is not None else None,
    )


def _read_as_is(text: str, spans: Sequence[tuple[int, int]], *, gated: bool) -> Reading:
    if not spans:
        return Reading({}, {}, None)
    masked = _masked(text, spans)
    clause_end = compiled(_CLAUSE_END)
    out: dict[int, tuple[int, int]] = {}
    goods: list[tuple[int, int]] = []
    index = 0
    while index < len(spans):  # the clause of each term, looked for near the term only
        start, end = spans[index]
        lo = max(0, start - _LOOK)
        begin = lo
        for found in clause_end.finditer(masked, lo, start):
            begin = found.start()
        after = clause_end.search(masked, end, end + _LOOK)
        finish = after.start() if after else min(len(masked), end + _LOOK)
        inside = [index]
        index += 1
        while index < len(spans) and spans[index][1] <= finish:
            inside.append(index)
            index += 1
        words = tuple(compiled(_WORDS).finditer(masked, begin, finish))
        clause = _Clause(masked, begin, finish, spans, inside, out, words, goods)
        _passes(clause, gated=gated)
        _next_clause(clause, gated=gated)
    _glosses(masked, spans, out)
    if out and ("(" in masked or "（" in masked):
        _negated_examples(masked, spans, out)
    # The words the passes over the whole text start from, with short asides kept:
    # "Article 9 – Option (not exercised)" heads an exclusion section.
    plain = _masked(text, spans, asides=True) if "(" in text or "（" in text else masked
    cues = _text_cues(plain)
    declared = None
    if goods or not cues.isdisjoint(_GOODS_ONLY_WORD_SET) or _goods_words_in_terms(text, spans):
        # Goods counted by a term ("Sale of 120 spray drones") make the text one that sells
        # goods, as "finished products" do: "No source code … is provided" then declares it.
        declared = _goods_only(text.lower(), counted=bool(goods))
    if declared is not None:
        for i in range(len(spans)):
            out.setdefault(i, declared)
    defined = {}
    if not gated or "(" in masked or "（" in masked:
        defined = _defined(text, masked, spans)
        _other_senses(text, spans, defined, out)
    _sections(masked, plain, spans, out, cues, gated=gated)
    return Reading(out, defined, declared)


def _goods_words_in_terms(text: str, spans: Sequence[tuple[int, int]]) -> bool:
    """Whether a term holds a word a sale of goods is declared with, which the masked text
    no longer shows: "杂交一代蚕种" (a term) names first-generation eggs, the commercial
    product. (The terms alone are looked at: the rest of the text was in ``cues``.)"""
    terms = "\n".join(text[start:end] for start, end in spans).lower()
    return not _text_cues(terms).isdisjoint(_GOODS_ONLY_WORD_SET)


def _sections(
    masked: str,
    plain: str,
    spans: Sequence[tuple[int, int]],
    out: dict[int, tuple[int, int]],
    cues: frozenset[str],
    *,
    gated: bool,
) -> None:
    """The passes over parts of a text larger than a clause: exclusion sections, background,
    a catalogue's examples, an entry's scope and a record's comparison lines (each only where
    the text holds its words)."""
    if not gated or ("\n" in masked and not cues.isdisjoint(_EXCLUSION_WORDS)):
        _exclusion_sections(plain, spans, out)
    if not gated or (
        # (its headings end in a colon or a full stop; a definition says "是指")
        any(mark in plain for mark in ":：.指") and not cues.isdisjoint(_BACKGROUND_WORDS)
    ):
        _background(plain, spans, out)  # asides kept: "Schedule 2 (Excluded items): …"
    if not gated or (("(" in masked or "（" in masked) and not cues.isdisjoint(_CATALOGUE_WORDS)):
        _catalogue_examples(masked, spans, out)
    if not gated or not cues.isdisjoint(_SCOPE_WORDS):
        _catalogue_scope(masked, spans, out, cues if gated else frozenset(_SCOPE_WORDS))
    if not gated or not cues.isdisjoint(_FORM_MARKS):
        _form_answers(masked, spans, out)
    if not gated or not cues.isdisjoint(_CLIENT_WORDS):
        _client_business(masked, spans, out)
    if not gated or not cues.isdisjoint(COMPARISON_WORDS):
        comparison_lines(masked, spans, out)
    if not gated or not cues.isdisjoint(CATALOGUE_SAYS_WORDS):
        catalogue_says(masked, spans, out)
