"""Facts about a profile: what its author asserted, and what its text indicates.

Asserted facts come from the structured fields (``capabilities``, ``parameters``, ``sector``);
indicated facts from vocabulary terms found in ``title``/``summary``. A denial
(``not_capabilities``) removes an indication and is kept so explanations can show it.
``implies`` in the vocabulary carries a fact to the capabilities it implies, same basis.
"""

from __future__ import annotations

from enum import IntEnum
from typing import TYPE_CHECKING, Any

from exportcheck.diagnostics import SourcePos
from exportcheck.lazyre import compiled
from exportcheck.model import Vocabulary
from exportcheck.msgspeclib import msgspec
from exportcheck.profile import Profile
from exportcheck.termindex import TermHit, TermIndex
from exportcheck.units import convert

if TYPE_CHECKING:  # imported at run time only where a text has a term (or a quantity)
    from exportcheck.negation import Reading
    from exportcheck.quantities import QuantityReader, Stated


class Truth(IntEnum):
    """Three-valued logic with the basis of a true value; ordered for ``all`` = min."""

    FALSE = 0
    UNKNOWN = 1
    INDICATED = 2
    ASSERTED = 3


class Evidence(msgspec.Struct, frozen=True):
    path: str  # profile path: "capabilities[0]", "summary", "parameters[1]", "sector"
    text: str  # the matched words or the stated value
    pos: SourcePos
    start: int | None = None
    end: int | None = None
    term: str | None = None

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"path": self.path, "text": self.text}
        if self.start is not None:
            out.update(start=self.start, end=self.end, term=self.term)
        out.update(line=self.pos.line, column=self.pos.column)
        return out

    def sort_key(self) -> tuple[str, int, str]:
        return (self.path, self.start or 0, self.text)


class CapabilityFact(msgspec.Struct, frozen=True):
    id: str
    truth: Truth
    evidence: tuple[Evidence, ...]
    via: str | None = None  # the capability that implies this one


class ParameterFact(msgspec.Struct, frozen=True):
    id: str
    value: float  # in the vocabulary's canonical unit
    unit: str
    stated: str  # as the author wrote it, e.g. "2.61 g/cm3"
    evidence: Evidence
    truth: Truth = Truth.ASSERTED  # INDICATED: a value the title or summary states
    at_least: bool = False  # only a lower bound is known ("≥ 2.4 g/cm³")


class Negation(msgspec.Struct, frozen=True):
    """A mention the description itself rules out ("does not use personalised push")."""

    evidence: Evidence  # the term's words
    words: str  # the negation, from its cue through the term (or the term through the cue)


class Facts(msgspec.Struct, frozen=True):
    capabilities: dict[str, CapabilityFact]
    denied: dict[str, Evidence]
    parameters: dict[str, ParameterFact]
    sector: tuple[str, Evidence] | None
    # Text indications of a denied capability, set aside (design §2.1: shown, not counted).
    set_aside: dict[str, tuple[Evidence, ...]] = msgspec.field(default_factory=dict)
    # Mentions the text itself negates (exportcheck.negation), by capability: not counted.
    negated: dict[str, tuple[Negation, ...]] = msgspec.field(default_factory=dict)

    @property
    def true_capabilities(self) -> frozenset[str]:
        return frozenset(self.capabilities)

    def negated_mentions(self) -> list[tuple[str, Negation]]:
        """Every negated mention with its capability, in reading order (title first)."""
        pairs = [(cap, n) for cap, mentions in self.negated.items() for n in mentions]
        return sorted(
            pairs, key=lambda p: (p[1].evidence.path != "title", p[1].evidence.start, p[0])
        )

    def asserted_only(self) -> Facts:
        """These facts without the text indications."""
        asserted = {k: f for k, f in self.capabilities.items() if f.truth is Truth.ASSERTED}
        return Facts(
            asserted, self.denied, self.parameters, self.sector, self.set_aside, self.negated
        )


def _text_pos(profile: Profile, field: str, start: int) -> SourcePos:
    """Where a span of the title or summary starts in the profile file."""
    if profile.doc.data.get(field) is None:  # an absent summary reads as ""
        return profile.doc.pos([field])
    return profile.doc.pos_in([field], start)


def text_evidence(
    profile: Profile, field: str, start: int, end: int, term: str | None = None
) -> Evidence:
    """The words at ``start:end`` of the title or summary, where they stand in the file (and
    the vocabulary ``term`` they were found as, if any)."""
    text: str = getattr(profile, field)
    return Evidence(field, text[start:end], _text_pos(profile, field, start), start, end, term)


def _indications(
    profile: Profile, index: TermIndex
) -> tuple[dict[str, list[Evidence]], dict[str, list[Negation]]]:
    """What the title and summary indicate, and the mentions they negate, by capability."""
    found: dict[str, list[Evidence]] = {}
    negated: dict[str, list[Negation]] = {}
    texts = {"title": profile.title, "summary": profile.summary}
    found_hits = {field: index.find(value) for field, value in texts.items()}
    summary_words, summary_reading = _ruled_out(texts["summary"], found_hits["summary"])
    title_words, title_reading = _ruled_out(texts["title"], found_hits["title"])
    _share_summary(texts, found_hits["title"], title_words, summary_reading)
    _share_title(texts, found_hits["summary"], summary_words, title_reading)
    ruled_out = {"title": title_words, "summary": summary_words}
    _goods_in_title(texts, found_hits, ruled_out)
    _goods_alone(texts, found_hits, ruled_out)
    _asked_and_refused(texts, found_hits, ruled_out)
    for field in texts:
        for number, hit in enumerate(found_hits[field]):
            evidence = text_evidence(profile, field, hit.start, hit.end, hit.term)
            words = ruled_out[field].get(number)
            for cap in hit.capabilities:
                if words is None:
                    found.setdefault(cap, []).append(evidence)
                else:
                    negated.setdefault(cap, []).append(Negation(evidence, words))
    return found, negated


def _quote(text: str, span: tuple[int, int]) -> str:
    return " ".join(text[span[0] : span[1]].split())


def _ruled_out(value: str, hits: list[TermHit]) -> tuple[dict[int, str], Reading | None]:
    """The words that rule out each hit (by number) that ``value`` itself rules out, and the
    reading they come from (None: no term, nothing read)."""
    if not hits:
        return {}, None
    from exportcheck.negation import read  # only for text with a term (~1 ms to import)

    reading = read(value, [(hit.start, hit.end) for hit in hits])
    return {number: _quote(value, span) for number, span in reading.negated.items()}, reading


def _share_summary(
    texts: dict[str, str],
    hits: list[TermHit],
    ruled_out: dict[int, str],
    reading: Reading | None,
) -> None:
    """The title's hits (``ruled_out`` so far) also take what the summary says of the whole
    description: an abbreviation it defines in another sense ("TTS/PTS risk estimator" over
    "temporary threshold shift (TTS)"), or that the deal is a sale of goods ("智能音箱整机
    出口" over "提供整机不提供技术"). ``reading``: the summary's, None when it has no term
    (then only a declaration can be shared, and it is looked for here)."""
    if len(ruled_out) == len(hits):
        return
    summary, title = texts["summary"], texts["title"]
    if reading is None:
        from exportcheck.negation import goods_only_declaration

        defined, declared = {}, goods_only_declaration(summary)
    else:
        defined, declared = reading.defined, reading.goods_only
    for number, hit in enumerate(hits):
        where = defined.get(title[hit.start : hit.end]) or declared
        if where is not None and number not in ruled_out:
            ruled_out[number] = _quote(summary, where)


def _share_title(
    texts: dict[str, str],
    hits: list[TermHit],
    ruled_out: dict[int, str],
    reading: Reading | None,
) -> None:
    """The summary's hits (``ruled_out`` so far) also take a title that labels the deal a sale
    of goods ("Supplier onboarding - sintered NdFeB magnets (goods only)"), unless a sentence
    of the summary hands technology over. ``reading``: the title's, None when it has no term
    (then the declaration is looked for here)."""
    if not hits or len(ruled_out) == len(hits):
        return
    from exportcheck.negation import goods_only_declaration, hands_over_technology

    declared = reading.goods_only if reading is not None else goods_only_declaration(texts["title"])
    if declared is None or hands_over_technology(texts["summary"], beside_goods=True):
        return
    for number in range(len(hits)):
        ruled_out.setdefault(number, _quote(texts["title"], declared))


def _goods_in_title(
    texts: dict[str, str], hits: dict[str, list[TermHit]], ruled_out: dict[str, dict[int, str]]
) -> None:
    """A title that names a sale of goods ("Distribution agreement - Xuan paper and
    calligraphy supplies") makes the summary one that sells goods, so its sentence that no
    know-how goes with them ("不提供工艺信息") declares the whole deal a sale of goods: the
    title's terms and the summary's are ruled out (unless the summary hands technology over,
    a licence included)."""
    pending = [field for field in texts if len(ruled_out[field]) < len(hits[field])]
    if not pending:
        return
    from exportcheck.negation import goods_only_declaration, sells_goods

    if not sells_goods(texts["title"]):
        return
    declared = goods_only_declaration(texts["summary"], sold=True)
    if declared is None:
        return
    words = _quote(texts["summary"], declared)
    for field in pending:
        for number in range(len(hits[field])):
            ruled_out[field].setdefault(number, words)


def _goods_alone(
    texts: dict[str, str], hits: dict[str, list[TermHit]], ruled_out: dict[str, dict[int, str]]
) -> None:
    """A description that sells goods as such and says nothing of technology in either text
    (see negation.goods_and_nothing_else) names the goods with its terms: "Shipment of EVs to
    Dubai dealer: 300 units … the top trim has the roof LiDAR"."""
    pending = [field for field in texts if len(ruled_out[field]) < len(hits[field])]
    if not pending:
        return
    from exportcheck.negation import goods_and_nothing_else

    fields = list(texts)
    found = goods_and_nothing_else([texts[field] for field in fields])
    if found is None:
        return
    index, span = found
    words = _quote(texts[fields[index]], span)
    for field in pending:
        for number in range(len(hits[field])):
            ruled_out[field].setdefault(number, words)


# A request by the other side ("印尼方希望直接使用我方个性化推荐系统", "they asked for the
# recipe"), looked for in the clause before a mention; and a topic label ("2. 推荐算法：…").
_REQUEST = (
    r"(?i)希望|要求|想要|索要|请求|請求|问我们要|問我們要"
    r"|\b(?:asked|requested|wanted|wants|asks|requests?|would\s+like)\b"
)
_CLAUSE_START = r"[，,。；;：:！!？?\n]"
_NUMERAL = "[0-9一二三四五六七八九十]{1,3}"
_LABEL_LEAD = rf"\s*(?:{_NUMERAL}[.、)）]|[（(]{_NUMERAL}[)）]|[-•*▶·])?\s*"


def _asked_and_refused(
    texts: dict[str, str], hits: dict[str, list[TermHit]], ruled_out: dict[str, dict[int, str]]
) -> None:
    """A technology the text rules out somewhere (a negation, an exclusion …) and otherwise
    only names as the other side's request or as a topic label has been asked for and
    refused: "2. 推荐算法：印尼方希望直接使用我方个性化推荐系统。经评估，我方个性化推荐系统
    及其模型、代码均不向合资公司提供". Those mentions are ruled out with it; a mention of it
    anywhere else (it is provided after all) keeps them all."""
    refused = {
        cap
        for field in texts
        for number in ruled_out[field]
        for cap in hits[field][number].capabilities
    }
    pending: dict[str, list[tuple[str, int, str]]] = {}
    for field, text in texts.items():
        for number, hit in enumerate(hits[field]):
            if number in ruled_out[field] or refused.isdisjoint(hit.capabilities):
                continue
            words = _request_or_label(text, hit)
            for cap in hit.capabilities:
                pending.setdefault(cap, []).append((field, number, words or ""))
    for cap, mentions in pending.items():
        if cap in refused and all(words for _, _, words in mentions):
            for field, number, words in mentions:
                ruled_out[field].setdefault(number, words)


def _request_or_label(text: str, hit: TermHit) -> str | None:
    """The words that make ``hit`` a request by the other side or a topic label, if any."""
    starts = compiled(_CLAUSE_START).finditer(text, 0, hit.start)
    begin = max((m.end() for m in starts), default=0)
    request = compiled(_REQUEST).search(text, begin, hit.start)
    if request is not None:
        return _quote(text, (request.start(), hit.end))
    line_start = text.rfind("\n", 0, hit.start) + 1
    after = text[hit.end : hit.end + 3].lstrip(" ")
    if after[:1] in (":", "：") and compiled(_LABEL_LEAD).fullmatch(text, line_start, hit.start):
        return _quote(text, (hit.start, text.index(after[0], hit.end) + 1))
    return None


def _with_implied(facts: dict[str, CapabilityFact], vocabulary: Vocabulary) -> None:
    pending = list(facts.values())
    while pending:
        fact = pending.pop()
        cap = vocabulary.capabilities.get(fact.id)
        for implied in cap.implies if cap else ():
            current = facts.get(implied)
            if current is None or current.truth < fact.truth:
                facts[implied] = CapabilityFact(implied, fact.truth, fact.evidence, via=fact.id)
                pending.append(facts[implied])


def gather_facts(profile: Profile, vocabulary: Vocabulary, index: TermIndex) -> Facts:
    doc = profile.doc
    denied = {
        cap: Evidence(f"not_capabilities[{i}]", cap, doc.pos(["not_capabilities", i]))
        for i, cap in enumerate(profile.not_capabilities)
    }
    caps: dict[str, CapabilityFact] = {}
    set_aside: dict[str, tuple[Evidence, ...]] = {}
    indicated, negated = _indications(profile, index)
    for cap, evidence in sorted(indicated.items()):
        if cap in denied:
            set_aside[cap] = tuple(evidence)
        else:
            caps[cap] = CapabilityFact(cap, Truth.INDICATED, tuple(evidence))
    for i, cap in enumerate(profile.capabilities):
        # Keep the text that corroborates an assertion: it makes the explanation concrete.
        text = caps[cap].evidence if cap in caps else ()
        asserted = Evidence(f"capabilities[{i}]", cap, doc.pos(["capabilities", i]))
        caps[cap] = CapabilityFact(cap, Truth.ASSERTED, (asserted, *text))
    _with_implied(caps, vocabulary)
    for cap in denied:
        if cap in caps and caps[cap].truth is not Truth.ASSERTED:  # implied by an indication
            set_aside.setdefault(cap, caps.pop(cap).evidence)
    params = {}
    for p in profile.parameters:
        canonical = vocabulary.parameters[p.name].unit
        stated = f"{p.value:g} {p.unit}".strip()
        params[p.name] = ParameterFact(
            p.name,
            convert(p.value, p.unit, canonical),
            canonical,
            stated,
            Evidence(
                f"parameters[{p.index}]", f"{p.name} = {stated}", doc.pos(["parameters", p.index])
            ),
        )
    sector = (
        (profile.sector, Evidence("sector", profile.sector, doc.pos(["sector"])))
        if profile.sector
        else None
    )
    return Facts(
        dict(sorted(caps.items())),
        denied,
        params,
        sector,
        set_aside,
        {cap: tuple(negated[cap]) for cap in sorted(negated)},
    )


def _not_negated(text: str, stated: list[Stated]) -> list[Stated]:
    """The ``stated`` values whose mention the text does not negate: "Higher-manganese grades
    with an average voltage above 3.9 V … are excluded from the transfer", "高锰配比（平均电压
    ≥3.9 V）的产品及其工艺不在许可范围内" give another grade's values, not the one transferred.
    (A mention runs from its term to its last value's unit; the values of one term share it.)"""
    if not stated:
        return stated
    from exportcheck.negation import negations

    mentions: dict[int, int] = {}
    for value in stated:
        mentions[value.start] = max(mentions.get(value.start, value.end), value.end)
    spans = sorted(mentions.items())
    negated = {spans[i][0] for i in negations(text, spans)}
    return [value for value in stated if value.start not in negated]


def with_stated_quantities(
    facts: Facts, profile: Profile, wanted: frozenset[str], reader: QuantityReader
) -> Facts:
    """``facts`` with the values the title and summary state for the ``wanted`` parameters
    (ones a candidate rule tests and ``parameters`` do not give), as indicated facts. Of
    several values of one parameter the greatest counts, and a lower bound among them keeps
    it a lower bound: a value read from text never fails a threshold that another reading
    of the same text would meet."""
    read: dict[str, list[tuple[str, Stated]]] = {}
    for field in ("title", "summary"):
        text = getattr(profile, field)
        for stated in _not_negated(text, list(reader.read(text, wanted))):
            read.setdefault(stated.parameter, []).append((field, stated))
    if not read:
        return facts
    params = dict(facts.parameters)
    for param_id, mentions in sorted(read.items()):
        field, top = max(mentions, key=lambda m: m[1].value)
        evidence = text_evidence(profile, field, top.start, top.end, top.term)
        at_least = any(m.at_least for _, m in mentions)
        params[param_id] = ParameterFact(
            param_id,
            top.value,
            top.unit,
            f"{'≥ ' if at_least else ''}{top.written}",
            evidence,
            Truth.INDICATED,
            at_least,
        )
    return msgspec.structs.replace(facts, parameters=params)
