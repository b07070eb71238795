"""Load the catalogue (the law as data) and materialise it for a version or a date.

A version is in force from its ``in_force`` date until the next binding version's. An entry's
presence in a version follows its history records: the last record at or before the version
decides (``added``/``listed``/``amended`` → present, ``removed`` → absent, ``uncertain`` →
uncertain); drafts never count.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from exportcheck.diagnostics import Diagnostic, SourcePos
from exportcheck.errors import InputError
from exportcheck.model import (
    Catalogue,
    Change,
    CodeRecord,
    Confidence,
    ControlPoint,
    Counts,
    DatedText,
    Entry,
    EntryClass,
    HistoryRecord,
    OutcomeText,
    Parameter,
    Presence,
    Regime,
    Sector,
    Source,
    Text,
    Version,
)
from exportcheck.msgspeclib import msgspec
from exportcheck.paths import display_path
from exportcheck.schema import check_document
from exportcheck.yamlsafe import DataPath, Document, load_file

if TYPE_CHECKING:
    from pathlib import Path

# ---------------------------------------------------------------- documents -> model


def text(value: Any) -> Text:
    if not isinstance(value, dict):
        return Text()
    return Text(zh=value.get("zh"), en=value.get("en"))


def dated_text(value: dict[str, Any]) -> DatedText:
    return DatedText(text(value), value.get("in_force"), value.get("until"))


def _dated_texts(value: Any) -> tuple[DatedText, ...]:
    """One text (always applies) or a list of dated wordings."""
    if isinstance(value, dict):
        return (dated_text(value),)
    return tuple(dated_text(v) for v in value or ())


def opt_text(value: Any) -> Text | None:
    return text(value) if isinstance(value, dict) else None


def confidence(value: Any) -> Confidence | None:
    return Confidence(value) if value is not None else None


def _strs(value: Any) -> tuple[str, ...]:
    return tuple(str(v) for v in value or ())


def _history(
    doc: Document, records: list[dict[str, Any]], path: DataPath
) -> tuple[HistoryRecord, ...]:
    return tuple(
        HistoryRecord(
            version=r["version"],
            change=Change(r["change"]),
            summary=opt_text(r.get("summary")),
            sources=_strs(r.get("sources")),
            confidence=confidence(r.get("confidence")),
            pos=doc.pos([*path, i]),
        )
        for i, r in enumerate(records)
    )


def _parameter(doc: Document, raw: dict[str, Any], path: DataPath) -> Parameter:
    value = raw.get("value")
    return Parameter(
        id=raw["id"],
        label=text(raw["label"]),
        op=raw.get("op"),
        value=float(value) if isinstance(value, int | float) else value,
        unit=raw.get("unit"),
        sources=_strs(raw.get("sources")),
        confidence=confidence(raw.get("confidence")),
        pos=doc.pos(path),
    )


def _control_point(
    doc: Document, entry_id: str, raw: dict[str, Any], path: DataPath
) -> ControlPoint:
    numbers = raw.get("numbers") or {}
    return ControlPoint(
        entry_id=entry_id,
        id=raw["id"],
        numbers=tuple(sorted(numbers.items())),
        text=text(raw["text"]),
        scope=opt_text(raw.get("scope")),
        sub_points=tuple(text(s) for s in raw.get("sub_points") or ()),
        parameters=tuple(
            _parameter(doc, p, (*path, "parameters", i))
            for i, p in enumerate(raw.get("parameters") or ())
        ),
        history=_history(doc, raw.get("history") or [], (*path, "history")),
        sources=_strs(raw.get("sources")),
        confidence=Confidence(raw["confidence"]),
        note=raw.get("note"),
        pos=doc.pos(path),
    )


def _sector(raw: Any) -> Sector | None:
    if not isinstance(raw, dict):
        return None
    return Sector(raw["code"], opt_text(raw.get("name")), confidence(raw.get("confidence")))


def entry_from_document(doc: Document) -> Entry:
    data = doc.data
    codes = tuple(
        CodeRecord(
            versions=_strs(c["versions"]),
            code=c.get("code"),
            sector=_sector(c.get("sector")),
            sources=_strs(c.get("sources")),
            confidence=confidence(c.get("confidence")),
            pos=doc.pos(["codes", i]),
        )
        for i, c in enumerate(data.get("codes") or ())
    )
    return Entry(
        id=data["id"],
        klass=EntryClass(data["class"]),
        name=text(data["name"]),
        codes=codes,
        draft_codes=tuple((d["version"], d["code"]) for d in data.get("draft_codes") or ()),
        history=_history(doc, data["history"], ("history",)),
        control_points=tuple(
            _control_point(doc, data["id"], cp, ("control_points", i))
            for i, cp in enumerate(data.get("control_points") or ())
        ),
        sources=_strs(data.get("sources")),
        confidence=Confidence(data["confidence"]),
        single_source=bool(data.get("single_source", False)),
        dual_use=bool(data.get("dual_use", False)),
        note=data.get("note"),
        pos=doc.pos(),
    )


def _outcomes(raw: dict[str, Any]) -> dict[str, OutcomeText]:
    return {
        name: OutcomeText(
            consequence=text(o["consequence"]),
            next_steps=tuple(dated_text(s) for s in o["next_steps"]),
            free_while_incomplete=opt_text(o.get("free_while_incomplete")),
            legal_basis=_strs(o.get("legal_basis")),
            notes=tuple(dated_text(n) for n in o.get("notes") or ()),
        )
        for name, o in raw.items()
    }


def _counts(raw: Any) -> Counts | None:
    if not isinstance(raw, dict):
        return None
    return Counts(
        raw["total"],
        raw.get("prohibited"),
        raw.get("restricted"),
        confidence(raw.get("confidence")),
    )


def regime_from_document(doc: Document) -> Regime:
    data = doc.data
    versions = [
        Version(
            id=v["id"],
            binding=bool(v["binding"]),
            encoded=bool(v.get("encoded", True)),
            instrument=text(v["instrument"]),
            published=v["published"],
            in_force=v.get("in_force") or v["published"],
            counts=_counts(v.get("counts")),
            summary=text(v.get("summary")),
            sources=_strs(v.get("sources")),
            confidence=Confidence(v["confidence"]),
            pos=doc.pos(["versions", i]),
        )
        for i, v in enumerate(data["versions"])
    ]
    sources = {
        key: Source(
            id=key,
            title=s["title"],
            urls=(s["url"],) if isinstance(s.get("url"), str) else _strs(s.get("url")),
            version=s.get("version"),
        )
        for key, s in data["sources"].items()
    }
    return Regime(
        id=data["regime"],
        name=text(data["name"]),
        authority=text(data.get("authority")),
        versions=tuple(sorted(versions, key=lambda v: (v.in_force, v.id))),
        outcomes=_outcomes(data["outcomes"]),
        transfer_modes={k: text(v) for k, v in (data.get("transfer_modes") or {}).items()},
        dual_use=_dated_texts(data.get("dual_use")),
        expected=data["expected"],
        sources=sources,
        gaps=_strs(data.get("gaps")),
        pos=doc.pos(),
    )


class CatalogueDocuments(msgspec.Struct, frozen=True):
    regime: Document
    entries: tuple[Document, ...]


def read_catalogue_documents(
    directory: Path, *, verbose: bool = False
) -> tuple[CatalogueDocuments | None, list[Diagnostic]]:
    """Load and schema-check ``regime.yaml`` and ``entries/*.yaml``; errors as values."""
    problems: list[Diagnostic] = []
    regime_path = directory / "regime.yaml"
    docs: list[Document] = []
    regime_doc: Document | None = None
    for path in [regime_path, *sorted((directory / "entries").glob("*.yaml"))]:
        try:
            doc = load_file(path, display=display_path(path))
        except InputError as exc:
            problems.extend(exc.diagnostics)
            continue
        kind = "regime" if path == regime_path else "catalog"
        problems.extend(check_document(doc, kind, verbose=verbose))
        if path == regime_path:
            regime_doc = doc
        else:
            docs.append(doc)
    if regime_doc is None:
        if not regime_path.exists():
            problems.append(
                Diagnostic(
                    "E300", "missing-file", "regime.yaml not found", SourcePos(str(regime_path))
                )
            )
        return None, problems
    return CatalogueDocuments(regime_doc, tuple(docs)), problems


def build_catalogue(docs: CatalogueDocuments) -> Catalogue:
    entries = sorted((entry_from_document(d) for d in docs.entries), key=lambda e: e.id)
    return Catalogue(regime=regime_from_document(docs.regime), entries=tuple(entries))


# ---------------------------------------------------------------- presence per version


def presence(history: Iterable[HistoryRecord], version_id: str, order: dict[str, int]) -> Presence:
    """State after the last record at or before ``version_id`` (drafts ignored)."""
    limit = order.get(version_id)
    if limit is None:
        return Presence.ABSENT
    records = sorted(history, key=lambda r: order.get(r.version, -1))
    binding = [r for r in records if r.version in order and r.change is not Change.PROPOSED]
    # "amended" in version V means the thing existed before V: an amendment as the first
    # record implies presence in the versions before it.
    state = Presence.PRESENT if binding and binding[0].change is Change.AMENDED else Presence.ABSENT
    for record in records:
        rank = order.get(record.version)
        if rank is None or rank > limit or record.change is Change.PROPOSED:
            continue
        state = {
            Change.REMOVED: Presence.ABSENT,
            Change.UNCERTAIN: Presence.UNCERTAIN,
        }.get(record.change, Presence.PRESENT)
    return state


def version_order(regime: Regime) -> dict[str, int]:
    return {v.id: i for i, v in enumerate(regime.decision_versions)}


def entry_presence(entry: Entry, version_id: str, order: dict[str, int]) -> Presence:
    return presence(entry.history, version_id, order)


def cp_presence(cp: ControlPoint, entry: Entry, version_id: str, order: dict[str, int]) -> Presence:
    """A control point is in force where its entry is and its own history (if any) agrees."""
    entry_state = entry_presence(entry, version_id, order)
    if entry_state is Presence.ABSENT or not cp.history:
        return entry_state
    own = presence(cp.history, version_id, order)
    if own is Presence.ABSENT:
        return own
    return Presence.UNCERTAIN if Presence.UNCERTAIN in (own, entry_state) else Presence.PRESENT


# ---------------------------------------------------------------- choosing a version


def version_for_date(regime: Regime, when: dt.date) -> Version:
    """The binding, encoded version in force on ``when``."""
    candidates = [v for v in regime.decision_versions if dt.date.fromisoformat(v.in_force) <= when]
    if not candidates:
        first = regime.decision_versions[0]
        raise InputError(
            [
                Diagnostic(
                    "E501",
                    "date-before-catalogue",
                    f"{when.isoformat()} is before the earliest encoded catalogue version "
                    f"({first.id}, in force {first.in_force})",
                    SourcePos("--as-of"),
                    "earlier catalogues (1998, 2001) are not encoded; use a later --as-of",
                )
            ]
        )
    return candidates[-1]


def resolve_version(
    regime: Regime, *, as_of: dt.date | None, version_id: str | None, today: dt.date
) -> tuple[Version, dt.date | None]:
    """The version to decide with, and the as-of date it stands for (None for an explicit id)."""
    if version_id is not None:
        version = regime.version(version_id)
        usable = [v.id for v in regime.decision_versions]
        if version is None or version.id not in usable:
            why = "is a draft or not encoded" if version is not None else "is not a known version"
            raise InputError(
                [
                    Diagnostic(
                        "E502",
                        "unknown-version",
                        f"catalogue version {version_id!r} {why}",
                        SourcePos("--catalog-version"),
                        f"use one of: {', '.join(usable)}",
                    )
                ]
            )
        return version, None
    when = as_of or today
    return version_for_date(regime, when), when


# ---------------------------------------------------------------- materialised views


class EntryView(msgspec.Struct, frozen=True):
    """An entry as it stands in one version."""

    entry: Entry
    version: str
    code: str | None
    sector: Sector | None
    presence: Presence
    control_points: tuple[ControlPoint, ...]
    # Control points whose encoded wording is that of a later amendment: the wording in
    # force in this version was not seen, so a match on it is a lead (review).
    later_wording: frozenset[str] = frozenset()


def _later_wording(cp: ControlPoint, version_id: str, order: dict[str, int]) -> bool:
    here = order.get(version_id, -1)
    return any(r.change == "amended" and order.get(r.version, -1) > here for r in cp.history)


class Coverage(msgspec.Struct, frozen=True):
    encoded: int
    uncertain: int
    expected: int | None
    by_class: dict[str, int]
    by_confidence: dict[str, int]

    @property
    def complete(self) -> bool:
        return self.expected is not None and self.encoded >= self.expected


def materialise(catalogue: Catalogue, version_id: str) -> tuple[EntryView, ...]:
    """Entries present (or of uncertain status) in ``version_id``, sorted by code then id."""
    order = version_order(catalogue.regime)
    views = []
    for entry in catalogue.entries:
        state = entry_presence(entry, version_id, order)
        if state is Presence.ABSENT:
            continue
        record = entry.code_record(version_id)
        cps = tuple(
            cp
            for cp in entry.control_points
            if cp_presence(cp, entry, version_id, order) is not Presence.ABSENT
        )
        views.append(
            EntryView(
                entry,
                version_id,
                record.code if record else None,
                record.sector if record else None,
                state,
                cps,
                frozenset(cp.id for cp in cps if _later_wording(cp, version_id, order)),
            )
        )
    return tuple(sorted(views, key=lambda v: (v.code is None, v.code or "", v.entry.id)))


def coverage(
    catalogue: Catalogue, version_id: str, views: Iterable[EntryView] | None = None
) -> Coverage:
    """What the encoded part of ``version_id`` holds; ``views`` when already materialised."""
    views = tuple(materialise(catalogue, version_id) if views is None else views)
    present = [v for v in views if v.presence is Presence.PRESENT]
    version = catalogue.regime.version(version_id)
    by_class: dict[str, int] = {}
    by_confidence: dict[str, int] = {}
    for view in present:
        by_class[view.entry.klass] = by_class.get(view.entry.klass, 0) + 1
        by_confidence[view.entry.confidence] = by_confidence.get(view.entry.confidence, 0) + 1
    return Coverage(
        encoded=len(present),
        uncertain=len(views) - len(present),
        expected=version.counts.total if version and version.counts else None,
        by_class=dict(sorted(by_class.items())),
        by_confidence=dict(sorted(by_confidence.items())),
    )


def entry_names(catalogue: Catalogue) -> dict[str, tuple[int, ...]]:
    """The names of each entry (``id:`` its stable id, ``code:`` a code of any version, drafts
    included) -> the entries' positions: a policy file's cases look up ~700 references, and
    scanning every entry's codes for each took ~0.1 s of ``validate``."""
    names: dict[str, list[int]] = {}
    for position, entry in enumerate(catalogue.entries):
        codes = {*entry.all_codes(), *(code for _, code in entry.draft_codes)}
        for key in (f"id:{entry.id}", *(f"code:{code}" for code in codes)):
            names.setdefault(key, []).append(position)
    return {key: tuple(positions) for key, positions in names.items()}


def find_entries(
    catalogue: Catalogue, ref: str, names: dict[str, tuple[int, ...]] | None = None
) -> tuple[Entry, ...]:
    """Entries named by a code of any version (incl. drafts) or by a stable id. ``names``:
    :func:`entry_names` of the catalogue, when at hand."""
    ref = ref.strip()
    names = entry_names(catalogue) if names is None else names
    found = {*names.get(f"id:{ref}", ()), *names.get(f"code:{ref.upper()}", ())}
    return tuple(catalogue.entries[position] for position in sorted(found))


def names_entry(head: str, view: EntryView) -> bool:
    """Whether the entry part of a reference (``086501X``, ``information-processing``) names
    ``view``: its stable id, or its code in the view's version (any case)."""
    return head == view.entry.id or head.upper() == (view.code or "")


def names_control_point(tail: str, cp: ControlPoint, version_id: str) -> bool:
    """Whether the part after ``#`` names ``cp``: its id or its number in that version."""
    return tail in (cp.id, str(cp.number(version_id)))
