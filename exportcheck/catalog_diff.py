"""What changed between two catalogue versions: entries and control points added, removed
and amended, and code changes. Pure data; ``render/catalog.py`` formats it."""

from __future__ import annotations

from exportcheck.catalog import EntryView, materialise, version_order
from exportcheck.model import Catalogue, Change, ControlPoint, Entry, HistoryRecord
from exportcheck.msgspeclib import msgspec


class EntryChange(msgspec.Struct, frozen=True):
    entry: Entry
    kind: str  # added | first-listed | removed | amended | recoded | status
    old: EntryView | None
    new: EntryView | None
    records: tuple[HistoryRecord, ...] = ()
    cps_added: tuple[ControlPoint, ...] = ()
    cps_removed: tuple[ControlPoint, ...] = ()
    cps_amended: tuple[ControlPoint, ...] = ()


class CatalogueDiff(msgspec.Struct, frozen=True):
    old: str
    new: str
    changes: tuple[EntryChange, ...]

    def of_kind(self, kind: str) -> tuple[EntryChange, ...]:
        return tuple(c for c in self.changes if c.kind == kind)


def _between(
    records: tuple[HistoryRecord, ...], old: str, new: str, order: dict[str, int]
) -> tuple[HistoryRecord, ...]:
    low, high = order[old], order[new]
    return tuple(
        r
        for r in records
        if low < order.get(r.version, -1) <= high and r.change is not Change.PROPOSED
    )


def _changed_cps(
    old: EntryView, new: EntryView, window: str, order: dict[str, int], old_id: str
) -> tuple[tuple[ControlPoint, ...], ...]:
    old_ids = {c.id for c in old.control_points}
    new_ids = {c.id for c in new.control_points}
    added = tuple(c for c in new.control_points if c.id not in old_ids)
    removed = tuple(c for c in old.control_points if c.id not in new_ids)
    amended = tuple(
        c
        for c in new.control_points
        if c.id in old_ids
        and any(r.change is Change.AMENDED for r in _between(c.history, old_id, window, order))
    )
    return added, removed, amended


def _compare(
    entry: Entry,
    old: EntryView | None,
    new: EntryView | None,
    window: tuple[str, str],
    order: dict[str, int],
) -> EntryChange | None:
    old_id, new_id = window
    records = _between(entry.history, old_id, new_id, order)
    if old is None and new is not None:
        # "listed" means present from this version on as far as the sources tell, not that
        # this version added it: say so rather than claim an addition.
        was_added = any(r.change is Change.ADDED for r in records)
        return EntryChange(entry, "added" if was_added else "first-listed", None, new, records)
    if new is None and old is not None:
        return EntryChange(entry, "removed", old, None, records)
    if old is None or new is None:
        return None
    added, removed, amended = _changed_cps(old, new, new_id, order, old_id)
    if old.presence != new.presence:
        kind = "status"
    elif any(r.change is Change.AMENDED for r in records) or added or removed or amended:
        kind = "amended"
    elif old.code != new.code:
        kind = "recoded"
    else:
        return None
    return EntryChange(entry, kind, old, new, records, added, removed, amended)


def diff(catalogue: Catalogue, old_id: str, new_id: str) -> CatalogueDiff:
    order = version_order(catalogue.regime)
    old = {v.entry.id: v for v in materialise(catalogue, old_id)}
    new = {v.entry.id: v for v in materialise(catalogue, new_id)}
    changes = []
    for entry in catalogue.entries:
        change = _compare(entry, old.get(entry.id), new.get(entry.id), (old_id, new_id), order)
        if change is not None:
            changes.append(change)
    kind_order = {
        "removed": 0,
        "added": 1,
        "first-listed": 2,
        "amended": 3,
        "recoded": 4,
        "status": 5,
    }
    changes.sort(key=lambda c: (kind_order[c.kind], c.entry.id))
    return CatalogueDiff(old_id, new_id, tuple(changes))
