"""Quantities a description states: "压实密度2.45 g/cm³", "first-cycle efficiency ≥ 96 %".

A rule that tests a parameter the profile's ``parameters`` do not give is undecided (design
§2.1). Engineers often write the value in the summary instead; read here, it becomes an
*indicated* parameter: a value that meets the threshold keeps the finding at ``review`` (text
is a lead), and a value that fails it decides the rule false, as an asserted one would.

The reading leans towards keeping a lead, because a misread value that fails a threshold would
turn a listed technology free:
- a value counts only with a unit of the parameter's dimension written beside it;
- a value measured under another condition than the catalogue's (300 MPa, 1C) is not read;
- a range counts with its upper end, "at most 2.6" as 2.6, and "≥ 2.4" as a lower bound that
  cannot fail a threshold (``at_least``);
- several values of one quantity (two grades, before and after) count with the greatest;
- a term inside another quantity's name (极片压实密度, an electrode's density) is not read;
- a value the technology's is compared with ("低于3.85 V") or a clause citing the control
  point's threshold ("对照…控制要点（压实密度≥2.58 g/cm3）") is not the technology's value.

Only text whose profile has a candidate rule testing an unstated parameter, and that holds a
number with what may begin a unit, is read: on the primary normal form (full-width digits, ³
and case folded; offsets map back).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import Any

from exportcheck.model import MeasuredAt, VocabParameter, Vocabulary
from exportcheck.msgspeclib import msgspec
from exportcheck.textnorm import Normalized, Normalizer
from exportcheck.units import UNITS, convert

# Unit spellings in folded text (lower case; NFKC has made ³ a 3, ⁻ a dash and a dash a
# space, so g·cm⁻³ reads "g·cm 3"), by dimension, with the symbol each stands for.
_TEXT_UNITS: dict[str, tuple[tuple[str, str], ...]] = {
    "density": (
        (r"kg\s*/\s*m\s*\^?3", "kg/m3"),
        (r"g\s*/\s*(?:cm\s*\^?3|cc)", "g/cm3"),
        (r"g\s*[·.]?\s*cm\s*3", "g/cm3"),
        (r"g\s*/\s*ml", "g/ml"),
        (r"克\s*(?:/|每)\s*(?:立方厘米|cm3)", "g/cm3"),
    ),
    "specific-charge": (
        (r"mah\s*(?:/\s*g|[·.]?\s*g\s*1)(?![a-z])", "mAh/g"),
        (r"ma\s*[·.]\s*h\s*/\s*g", "mAh/g"),
        (r"ah\s*/\s*kg", "Ah/kg"),
        (r"毫安时?\s*(?:/|每)\s*克", "mAh/g"),
    ),
    "ratio": ((r"%|percent\b|per cent\b", "%"),),
    "voltage": ((r"mv(?![a-z])", "mV"), (r"v(?![a-z])|伏特?", "V")),
}
_CONDITIONS = {
    "MPa": r"(?<![\d.])(?<!\d,)(\d+(?:[.,]\d+)?)\s*(?:mpa|兆帕)",
    # A C-rate: 0.1c, 1 c, or c/10 (read as 0.1). Not 25°c: the degree sign stands between.
    "C": r"(?<![\d.a-z])(?<!\d,)(\d+(?:[.,]\d+)?)\s*c(?![a-z\d])|(?<![a-z])c\s*/\s*(\d+)(?![\d.])",
}
# A number: 2.45, a decimal comma as in European writing (2,62; 97,8 %), or thousands set off
# by commas (2,450 kg/m3: three digits after each).
_THOUSANDS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?"
_NUMBER = rf"({_THOUSANDS}|\d+(?:\.\d+|,\d{{1,2}}(?!\d))?)"
# A range: 2.35-2.45 (the hyphen folded to a space), 2.35~2.45, 2.35至2.45, 2.35 to 2.45.
# ... or with a tolerance, read at its top: 2.57 ± 0.03.
_RANGE_RE = re.compile(
    rf"(?<![\d.])(?<!\d,){_NUMBER}(?:\s*(?:~|至|到|to\b|\s)\s*{_NUMBER})?"
    rf"(?:\s*(?:±|\+/-|\+-)\s*{_NUMBER})?\s*"
)
_AT_LEAST = re.compile(
    r"[≥≧⩾>]|不低于|不小于|大于|高于|超过|至少|\bat least\b|\babove\b|\bover\b|\bmore than\b"
    r"|\bexceed|\bgreater than\b|\bminimum\b|\bmin\b"
)
_AT_LEAST_AFTER = re.compile(r"\s*(?:及?以上|\+|or (?:more|higher|above|greater))")
# A value the technology's own stays under ("平均电压3.80 V（低于3.85 V）", "below the 3.85 V
# line"), or does not exceed ("不超过1.2", "not exceeding 1.0"), is what it is compared with,
# not its value. (Not 不低于: a lower bound.)
# ... also when what it is compared with is named between ("达不到高锰产品的3.85 V", "below the
# high-Mn grade's 3.85 V", its apostrophe folded to a space).
_COMPARED_WITH = re.compile(
    r"(?:(?:(?<!不)(?:低于|小于|少于|不足|不到|未达到?|未超过|没到|沒到|没有达到|沒有達到"
    r"|(?:无法|無法|不能|难以|難以)(?:达到|達到))"
    r"|不(?:超过|大于|高于|多于))"
    r"(?:[^\d，,；;]{0,12}?的)?"
    r"|\b(?:below|under|less than|lower than|short of"
    # ... or cannot reach: "this grade cannot reach 3.85 V average voltage"
    # (An apostrophe is folded to a space: "can t", "doesn t".)
    r"|(?:can\s?not|can\s?'?\s?t|(?:does|do)(?:\s+not|n\s?'?\s?t)|never|fails?\s+to|unable\s+to)"
    r"\s+(?:reach|achieve|attain|meet|hit)(?:es|s)?)(?:\s+the)?(?:[^\d,;]{0,24}?\ss)?"
    r"|\b(?:not\s+exceed(?:ing|s)?|(?:no|not)\s+more\s+than|not\s+above|at\s+most))\s*$"
)
# ... and a value named as a threshold after it: "新规对磷酸盐正极原材料设了振实密度大于1.2 g/cm3的
# 门槛" (a value's unit is read before this is looked for).
_CITED_AFTER = re.compile(r"\s*的?(?:门槛|門檻|阈值|閾值|限值|控制线|控制線|红线|紅線)")
# A clause that cites the catalogue's threshold ("对照252604X第1项控制要点（压实密度≥2.58 g/cm3、
# …）", "threshold: 3.85 V") quotes the control point's values, not the technology's.
_CITES_THRESHOLD = re.compile(
    # (比对/对比: a screening record's line that compares with the point, "比对：252604X第3项
    # （磷酸盐正极原材料，振实密度>1.2 g/cm³）")
    r"控制要点|管控要点|阈值|门槛|对照|比对|对比|目录要求|\bthresholds?\b|\bcontrol point\b"
    # ... or a numbered point's requirement: "252604X第1项要求压实密度≥2.58 g/cm3、…"
    r"|(?:项|項|点|點)(?:要求|规定|規定)"
    r"|\bcatalog(?:ue)?\b"
    # ... or a point by its name, or what it requires: "Officer: the LMFP point requires all
    # parameters together incl. average voltage >= 3.85 V". (Not a point's code: "对一下
    # 252604X 第1点：" heads the technology's own values.)
    r"|\bthe\s+[A-Za-z0-9-]+\s+point\b|\brequire[sd]?\b"
)
# Words that, in a clause, make its lower bounds the point's ("看了公告，…要同时满足才算：
# 压实密度 ≥2.58 g/cm3"), not its plain values: "对一下252604X第1点（要同时满足）：压实密度
# 2.60 g/cm3" states the technology's own.
_CITES_BOUNDS = re.compile(r"公告|同时满足|同時滿足|须同时|須同時")
# Where a stated value's sentence ends: a mention is not read across it.
# (Not a table's dot leader: "Compaction density (220 MPa) ..... 2.50 g/cm3".)
# (Nor an abbreviation's dot: "incl. average voltage >= 3.85 V".)
_CLAUSE_END = re.compile(
    r"[。；;!?！？\n]|(?<!\.)(?<!\bincl)(?<!\be\.g)(?<!\bi\.e)(?<!\bapprox)(?<!\bvs)\.(?:\s|$)"
)
# (Not a decimal comma: a digit before it and one or two after.)
_COMMA = re.compile(r"[，、]|(?<!\d),|,(?!\d{1,2}(?!\d))")
# A number with what may begin a unit after it, in the text as written: only such text is
# normalised and read (the normal form costs ~100 us per KB of Chinese).
_VALUE = re.compile(
    r"[0-9０-９][\s\u3000]*[gGｇＧkKｋＫ%％vVｖＶmMｍＭ克伏毫]|[gGｇＧ]\s*[/／]|[Pp]er\s?cent"
)
_WINDOW = 48  # characters after a term that its values may stand in
# What may stand between a value and the term it comes before: "2.45 g/cm3 compaction density",
# "96.5% first-cycle coulombic efficiency", "a tap density of" is read the other way.
_JUST_BEFORE = re.compile(r"\s*(?:[a-z0-9]+(?:-[a-z0-9]+)+\s+)?")


class Stated(msgspec.Struct, frozen=True):
    """A value the text gives for a parameter, in the parameter's canonical unit."""

    parameter: str
    value: float
    unit: str
    at_least: bool  # "≥ 2.4 g/cm³": only a lower bound
    start: int  # original offsets of the words, from the term through the unit
    end: int
    term: str
    written: str  # the value as written, e.g. "2.35 g/cm3"


class _Term(msgspec.Struct, frozen=True):
    form: str  # normalised
    parameter: str
    term: str  # as the vocabulary writes it


@functools.cache
def _unit_patterns(
    dimension: str,
) -> tuple[re.Pattern[str], re.Pattern[str], tuple[str, ...]]:
    """The units of ``dimension`` (one group each), the same in brackets after a term (a
    table's heading), and the symbol of each group."""
    spellings = _TEXT_UNITS.get(dimension, ())
    units = "|".join(f"({pattern})" for pattern, _ in spellings) or "(?!)"
    return (
        re.compile(units),
        re.compile(rf"\s*[(（\[]\s*(?:{units})\s*[)）\]]"),
        tuple(symbol for _, symbol in spellings),
    )


class QuantityReader:
    """Finds stated values of the vocabulary's parameters (those with ``terms``)."""

    def __init__(self, vocabulary: Vocabulary, normalizer: Normalizer) -> None:
        self._normalize = normalizer
        self._parameters = {
            p.id: p for p in vocabulary.parameters.values() if p.terms_zh or p.terms_en
        }
        terms = [
            _Term(normalizer.term(t), p.id, t)
            for p in self._parameters.values()
            for t in p.terms_zh + p.terms_en
        ]
        self._terms = {t.form: t for t in sorted(terms, key=lambda t: (-len(t.form), t.form))}
        self._not_terms = tuple(
            normalizer.term(t) for p in self._parameters.values() for t in p.not_terms
        )
        self._forms = tuple(self._terms)
        self._matcher: Any = None

    def __getstate__(self) -> dict[str, object]:
        # (The automaton is rebuilt on first use: it cannot be pickled.)
        return {**self.__dict__, "_matcher": None}

    def _mentions(self, haystack: str) -> list[tuple[int, int, _Term]]:
        """Where the terms stand in ``haystack``, leftmost-longest, English ones on word
        boundaries. (An Aho-Corasick automaton, as the term index uses: a regex alternation
        of the terms took ~150 us per summary.)"""
        if self._matcher is None:
            import ahocorasick_rs

            self._matcher = ahocorasick_rs.AhoCorasick(
                self._forms, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest
            )
        out = []
        for index, start, end in self._matcher.find_matches_as_indexes(haystack):
            form = self._forms[index]
            if form.isascii() and (
                (start > 0 and (haystack[start - 1].isascii() and haystack[start - 1].isalnum()))
                or (end < len(haystack) and "a" <= haystack[end] <= "z")
            ):
                continue
            out.append((start, end, self._terms[form]))
        return out

    def read(self, text: str, wanted: frozenset[str]) -> list[Stated]:
        """The values ``text`` states for the parameters in ``wanted``."""
        if not text or not wanted.intersection(self._parameters) or not _VALUE.search(text):
            return []
        norm = self._normalize(text)
        haystack = norm.text
        mentions = self._mentions(haystack)
        excluded = list(self._excluded(haystack))
        out: list[Stated] = []
        for i, (start, end, term) in enumerate(mentions):
            if term.parameter not in wanted or any(a <= start and end <= b for a, b in excluded):
                continue
            limit = mentions[i + 1][0] if i + 1 < len(mentions) else len(haystack)
            stated = list(self._values_after(norm, start, end, limit, term))
            if not stated:
                earlier = mentions[i - 1][1] if i > 0 else 0
                stated = list(self._value_before(norm, start, end, earlier, term))
            out.extend(stated)
        return out

    def _value_before(
        self, norm: Normalized, start: int, end: int, earlier: int, term: _Term
    ) -> Iterator[Stated]:
        """The value written just before a term that states none after it ("reaches 2.45
        g/cm3 compaction density at 220 MPa", "96.5% first-cycle coulombic efficiency"),
        within its clause and after ``earlier`` (the end of the term before it), with the
        test condition of what follows the term up to the next comma."""
        haystack = norm.text
        param = self._parameters[term.parameter]
        clause_start = _clause_start(haystack, start)
        lo = max(
            [
                clause_start,
                earlier,
                start - _WINDOW,
                *(m.end() for m in _COMMA.finditer(haystack, max(clause_start, earlier), start)),
            ]
        )
        found = list(_numbers_with_units(haystack, lo, start, UNITS[param.unit].dimension))
        if not found or not _JUST_BEFORE.fullmatch(haystack, found[-1][2], start):
            return
        number, symbol, _ = found[-1]
        if _CITES_THRESHOLD.search(haystack, clause_start, number.start()):
            return
        comma = _COMMA.search(haystack, end)
        clause_end = _CLAUSE_END.search(haystack, end)
        segment_end = min(m.start() if m else len(haystack) for m in (comma, clause_end))
        if not _same_condition(haystack[lo:segment_end], param.measured_at):
            return
        before = haystack[lo : number.start()]
        if _COMPARED_WITH.search(before):
            return
        span = norm.original_span(number.start(), end)
        at_least = bool(_AT_LEAST.search(before))
        stated = _stated(number, symbol, param, term, at_least=at_least, span=span)
        if stated is not None:
            yield stated

    def _excluded(self, haystack: str) -> Iterator[tuple[int, int]]:
        for form in self._not_terms:
            at = haystack.find(form)
            while at >= 0:
                yield at, at + len(form)
                at = haystack.find(form, at + 1)

    def _values_after(
        self, norm: Normalized, start: int, end: int, limit: int, term: _Term
    ) -> Iterator[Stated]:
        """The values stated after a term at ``start:end``, within ``_WINDOW`` characters and
        before ``limit`` (the next term) or the end of its clause, each under its own test
        condition (what stands between the commas around it: "150 mAh/g at 1C, 165 mAh/g at
        0.1C")."""
        haystack = norm.text
        clause_end = _CLAUSE_END.search(haystack, end)
        limit = min(limit, clause_end.start() if clause_end else limit)
        stop = min(limit, end + _WINDOW)
        clause_start = _clause_start(haystack, start)
        if _CITES_THRESHOLD.search(haystack, clause_start, start):
            return
        cites_bounds = _CITES_BOUNDS.search(haystack, clause_start, start) is not None
        param = self._parameters[term.parameter]
        found = list(_numbers_with_units(haystack, end, stop, UNITS[param.unit].dimension))
        previous = clause_start
        for i, (number, symbol, value_end) in enumerate(found):
            following = found[i + 1][0].start() if i + 1 < len(found) else limit
            comma = _COMMA.search(haystack, value_end, following)
            segment_end = comma.start() if comma else following
            segment_start = max(
                [previous, *(m.end() for m in _COMMA.finditer(haystack, previous, number.start()))]
            )
            previous = value_end
            if not _same_condition(haystack[segment_start:segment_end], param.measured_at):
                continue
            before = haystack[max(end, segment_start) : number.start()]
            if _COMPARED_WITH.search(before) or _CITED_AFTER.match(haystack, value_end):
                continue
            at_least = bool(_AT_LEAST.search(before) or _AT_LEAST_AFTER.match(haystack, value_end))
            if at_least and cites_bounds:
                continue
            span = norm.original_span(start, value_end)
            stated = _stated(number, symbol, param, term, at_least=at_least, span=span)
            if stated is not None:
                yield stated


def _numbers_with_units(
    haystack: str, start: int, stop: int, dimension: str
) -> Iterator[tuple[re.Match[str], str, int]]:
    """Each number (or range) in ``haystack[start:stop]`` that a unit of ``dimension``
    follows, with the unit's symbol and where it ends. A unit in brackets straight after the
    term (a table's heading: 压实密度(g/cm3)：2.45) stands for the bare numbers that follow."""
    units, headings, symbols = _unit_patterns(dimension)
    heading = headings.match(haystack, start, stop)
    if heading:
        symbol = next(s for s, g in zip(symbols, heading.groups(), strict=False) if g)
        for number in _RANGE_RE.finditer(haystack, heading.end(), stop):
            yield number, symbol, number.end()
        return
    for number in _RANGE_RE.finditer(haystack, start, stop):
        unit = units.match(haystack, number.end(), stop)
        if unit:
            symbol = next(s for s, g in zip(symbols, unit.groups(), strict=False) if g)
            yield number, symbol, unit.end()


def _same_condition(segment: str, wanted: MeasuredAt | None) -> bool:
    """Whether a value's own words leave its test condition at the catalogue's: stated as
    such, or not stated at all."""
    if wanted is None:
        return True
    found = _condition_values(wanted.unit, segment)
    return not found or any(abs(v - wanted.value) < 1e-9 for v in found)


def _condition_values(unit: str, clause: str) -> list[float]:
    out = []
    for m in re.finditer(_CONDITIONS[unit], clause):
        value, divisor = m.group(1), m.group(2) if unit == "C" else None
        if value:
            out.append(_float(value))
        elif divisor and float(divisor):
            out.append(1 / float(divisor))
    return out


def _clause_start(haystack: str, at: int) -> int:
    """Where the clause that holds ``at`` begins."""
    return max((m.end() for m in _CLAUSE_END.finditer(haystack, 0, at)), default=0)


def _stated(
    number: re.Match[str],
    symbol: str,
    param: VocabParameter,
    term: _Term,
    *,
    at_least: bool,
    span: tuple[int, int],
) -> Stated | None:
    """The value ``number`` states for ``param`` under ``term`` (a range read at its top, a
    tolerance added), in the parameter's unit and as written ("2.35 g/cm3"), from the original
    ``span``; None outside what the parameter can be."""
    low, high, tolerance = number.groups()
    values = [_float(v) for v in (low, high) if v is not None]
    if tolerance is not None:
        values = [values[0] + _float(tolerance)]
    value = convert(max(values), symbol, param.unit)
    if (param.minimum is not None and value < param.minimum) or (
        param.maximum is not None and value > param.maximum
    ):
        return None
    written = f"{max(values):g} {symbol}"
    return Stated(param.id, value, param.unit, at_least, span[0], span[1], term.term, written)


def _float(number: str) -> float:
    """A number as _NUMBER reads it: commas set off thousands, or stand for the decimal point."""
    if "," not in number:
        return float(number)
    if re.fullmatch(_THOUSANDS, number):
        return float(number.replace(",", ""))
    return float(number.replace(",", "."))
