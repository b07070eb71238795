"""The knowledge model: frozen value types for the catalogue, vocabulary and rules.

Everything here is plain data. Loading lives in ``catalog.py``/``vocabulary.py``/``rules.py``;
decisions live in ``evaluate.py``/``decision.py``. Every object that an explanation can cite
carries the :class:`SourcePos` it was read from, so output can be traced back to a YAML line.
"""

from __future__ import annotations

from enum import IntEnum, StrEnum
from typing import Literal

from exportcheck.diagnostics import SourcePos
from exportcheck.msgspeclib import msgspec

Lang = Literal["zh", "en"]
LANGS: tuple[Lang, ...] = ("en", "zh")


class Text(msgspec.Struct, frozen=True):
    """Bilingual text; either language may be missing (never guessed)."""

    zh: str | None = None
    en: str | None = None

    def get(self, lang: Lang) -> str:
        """The text in ``lang``, else in the other language, else empty."""
        first, second = (self.zh, self.en) if lang == "zh" else (self.en, self.zh)
        return first or second or ""

    def as_dict(self) -> dict[str, str | None]:
        return {"zh": self.zh, "en": self.en}


class DatedText(msgspec.Struct, frozen=True):
    """Text of the legal frame that holds only between dates (ISO strings): an instrument
    not yet in force, or article numbers that a later amendment changed."""

    text: Text
    in_force: str | None = None  # applies from this date on
    until: str | None = None  # applies before this date only

    def applies(self, on: str) -> bool:
        return (self.in_force is None or self.in_force <= on) and (
            self.until is None or on < self.until
        )


class Confidence(StrEnum):
    OFFICIAL = "official-text"
    SECONDARY = "secondary-source"
    INFERRED = "inferred"


class EntryClass(StrEnum):
    PROHIBITED = "prohibited"
    RESTRICTED = "restricted"


class Outcome(IntEnum):
    """Ordered so that ``max`` gives a profile's decision."""

    FREE = 0
    REVIEW = 1
    LICENCE_REQUIRED = 2
    PROHIBITED = 3

    @property
    def label(self) -> str:
        return self.name.lower().replace("_", "-")

    @classmethod
    def parse(cls, label: str) -> Outcome:
        return cls[label.upper().replace("-", "_")]


class Change(StrEnum):
    ADDED = "added"
    LISTED = "listed"
    AMENDED = "amended"
    REMOVED = "removed"
    UNCERTAIN = "uncertain"
    PROPOSED = "proposed"


class Presence(StrEnum):
    ABSENT = "absent"
    PRESENT = "present"
    UNCERTAIN = "uncertain"


class Source(msgspec.Struct, frozen=True):
    id: str
    title: str
    urls: tuple[str, ...] = ()
    version: str | None = None


class Counts(msgspec.Struct, frozen=True):
    total: int
    prohibited: int | None = None
    restricted: int | None = None
    confidence: Confidence | None = None


class Version(msgspec.Struct, frozen=True):
    id: str
    binding: bool
    encoded: bool
    instrument: Text
    published: str
    in_force: str
    counts: Counts | None
    summary: Text
    sources: tuple[str, ...]
    confidence: Confidence
    pos: SourcePos


class OutcomeText(msgspec.Struct, frozen=True):
    consequence: Text
    next_steps: tuple[DatedText, ...]
    free_while_incomplete: Text | None
    legal_basis: tuple[str, ...]
    notes: tuple[DatedText, ...] = ()


class Regime(msgspec.Struct, frozen=True):
    id: str
    name: Text
    authority: Text
    versions: tuple[Version, ...]  # ordered by date in force
    outcomes: dict[str, OutcomeText]
    transfer_modes: dict[str, Text]
    dual_use: tuple[DatedText, ...]
    expected: str
    sources: dict[str, Source]
    gaps: tuple[str, ...]
    pos: SourcePos

    def version(self, version_id: str) -> Version | None:
        return next((v for v in self.versions if v.id == version_id), None)

    @property
    def decision_versions(self) -> tuple[Version, ...]:
        """Binding, encoded versions: the ones a decision may use, oldest first."""
        return tuple(v for v in self.versions if v.binding and v.encoded)


class Sector(msgspec.Struct, frozen=True):
    code: str
    name: Text | None
    confidence: Confidence | None


class CodeRecord(msgspec.Struct, frozen=True):
    versions: tuple[str, ...]
    code: str | None
    sector: Sector | None
    sources: tuple[str, ...]
    confidence: Confidence | None
    pos: SourcePos


class HistoryRecord(msgspec.Struct, frozen=True):
    version: str
    change: Change
    summary: Text | None
    sources: tuple[str, ...]
    confidence: Confidence | None
    pos: SourcePos


class Parameter(msgspec.Struct, frozen=True):
    """A threshold as the catalogue states it (``op``/``value`` absent: descriptive only)."""

    id: str
    label: Text
    op: str | None
    value: float | str | None
    unit: str | None
    sources: tuple[str, ...]
    confidence: Confidence | None
    pos: SourcePos


class ControlPoint(msgspec.Struct, frozen=True):
    entry_id: str
    id: str
    numbers: tuple[tuple[str, int | None], ...]
    text: Text
    scope: Text | None
    sub_points: tuple[Text, ...]
    parameters: tuple[Parameter, ...]
    history: tuple[HistoryRecord, ...]
    sources: tuple[str, ...]
    confidence: Confidence
    note: str | None
    pos: SourcePos

    @property
    def global_id(self) -> str:
        return f"{self.entry_id}#{self.id}"

    def number(self, version_id: str) -> int | None:
        return dict(self.numbers).get(version_id)

    def parameter(self, param_id: str) -> Parameter | None:
        return next((p for p in self.parameters if p.id == param_id), None)


class Entry(msgspec.Struct, frozen=True):
    id: str
    klass: EntryClass
    name: Text
    codes: tuple[CodeRecord, ...]
    draft_codes: tuple[tuple[str, str], ...]
    history: tuple[HistoryRecord, ...]
    control_points: tuple[ControlPoint, ...]
    sources: tuple[str, ...]
    confidence: Confidence
    single_source: bool
    dual_use: bool
    note: str | None
    pos: SourcePos

    def code_record(self, version_id: str) -> CodeRecord | None:
        return next((c for c in self.codes if version_id in c.versions), None)

    def code(self, version_id: str) -> str | None:
        record = self.code_record(version_id)
        return record.code if record else None

    def all_codes(self) -> tuple[str, ...]:
        seen = dict.fromkeys(c.code for c in self.codes if c.code)
        return tuple(seen)

    def control_point(self, cp_id: str) -> ControlPoint | None:
        return next((c for c in self.control_points if c.id == cp_id), None)


class Catalogue(msgspec.Struct, frozen=True):
    regime: Regime
    entries: tuple[Entry, ...]  # sorted by id

    def entry(self, entry_id: str) -> Entry | None:
        return next((e for e in self.entries if e.id == entry_id), None)


# ---------------------------------------------------------------- vocabulary and rules


class Capability(msgspec.Struct, frozen=True):
    id: str
    label: Text
    terms_zh: tuple[str, ...]
    terms_en: tuple[str, ...]
    implies: tuple[str, ...]
    pos: SourcePos
    # Capabilities whose names this one's terms may overlap: a hit that partly overlaps one of
    # theirs is part of that longer name (电池用磷酸铁 in 电池用磷酸铁锂), not a mention.
    yields_to: tuple[str, ...] = ()


class VocabParameter(msgspec.Struct, frozen=True):
    id: str
    label: Text
    unit: str
    pos: SourcePos
    # What the quantity can physically be, in ``unit`` (a density is not negative, an
    # efficiency not over 100 %): a stated value outside is an input error, not a fact.
    minimum: float | None = None
    maximum: float | None = None
    # Words that name the quantity in a description, and the test condition the catalogue's
    # threshold assumes (220 MPa, 0.1C): see exportcheck.quantities.
    terms_zh: tuple[str, ...] = ()
    terms_en: tuple[str, ...] = ()
    not_terms: tuple[str, ...] = ()  # other quantities whose names hold a term (zh and en)
    measured_at: MeasuredAt | None = None


class MeasuredAt(msgspec.Struct, frozen=True):
    value: float
    unit: str  # "MPa" or "C" (a charge/discharge rate)


class Vocabulary(msgspec.Struct, frozen=True):
    capabilities: dict[str, Capability]
    parameters: dict[str, VocabParameter]
    spellings: dict[str, str] = msgspec.field(
        default_factory=dict
    )  # -ize spelling -> capability id

    def resolve(self, capability: str) -> str | None:
        """The capability id, accepting British/American spelling variants of it."""
        if capability in self.capabilities:
            return capability
        from exportcheck.textnorm import american

        return self.spellings.get(american(capability))


class ParamTest(msgspec.Struct, frozen=True):
    """``parameter op value unit``; ``catalog`` names the catalogue parameter it came from."""

    id: str
    op: str
    value: float
    unit: str
    catalog: str | None


class Condition(msgspec.Struct, frozen=True):
    kind: Literal["all", "any", "not", "capability", "parameter", "sector"]
    children: tuple[Condition, ...] = ()
    capability: str | None = None
    parameter: ParamTest | None = None
    sectors: tuple[str, ...] = ()
    pos: SourcePos = msgspec.field(default_factory=lambda: SourcePos("<rules>"))

    def capabilities(self) -> frozenset[str]:
        own = {self.capability} if self.capability else set()
        return frozenset(own.union(*(c.capabilities() for c in self.children)))

    def parameters(self) -> frozenset[str]:
        """The parameters this condition tests."""
        own = {self.parameter.id} if self.parameter else set()
        return frozenset(own.union(*(c.parameters() for c in self.children)))

    def sufficient_alone(self) -> frozenset[str]:
        """Capabilities that satisfy this condition with no other capability (parameters
        and sectors left aside: unstated, they make a finding ``review``, not absent).
        The others are building blocks, meaningful only beside another capability."""
        if self.kind == "capability":
            return frozenset({self.capability} if self.capability else ())
        if self.kind == "any":
            return frozenset().union(*(c.sufficient_alone() for c in self.children))
        if self.kind == "all":
            needed = [c.sufficient_alone() for c in self.children if c.capabilities()]
            return frozenset.intersection(*needed) if needed else frozenset()
        return frozenset()


class Rule(msgspec.Struct, frozen=True):
    id: str
    entry_id: str
    cp_id: str | None
    versions: tuple[str, ...] | None
    when: Condition
    rationale: Text
    pos: SourcePos

    @property
    def implements(self) -> str:
        return self.entry_id if self.cp_id is None else f"{self.entry_id}#{self.cp_id}"


class ManualPoint(msgspec.Struct, frozen=True):
    entry_id: str
    cp_id: str | None
    reason: Text
    pos: SourcePos
