"""Text search over entry names and control points, normalised like profile text, and through
the vocabulary: words that indicate a capability lead to the points whose rules use it (an
analyst searching "recommendation algorithm" finds the personalised-push point, whose
official wording says neither word)."""

from __future__ import annotations

from typing import Any

import msgspec

from exportcheck.model import Catalogue, Entry, Rule, Text
from exportcheck.termindex import TermIndex
from exportcheck.textnorm import Normalizer, american


class SearchHit(msgspec.Struct, frozen=True):
    entry: Entry
    where: str  # "name" or a control point id
    text: Text
    via: tuple[str, str] | None = None  # (vocabulary term, capability) for a hit by meaning

    def line(self) -> str:
        codes = ", ".join(self.entry.all_codes()) or "(no code)"
        shown = " / ".join(p for p in (self.text.zh, self.text.en) if p)
        how = f"  (via term “{self.via[0]}” → {self.via[1]})" if self.via else ""
        return f"{codes} [{self.entry.id}] {self.where}: {shown}{how}"

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.entry.id,
            "codes": list(self.entry.all_codes()),
            "where": self.where,
            "text": self.text.as_dict(),
            "via": {"term": self.via[0], "capability": self.via[1]} if self.via else None,
        }


def search(catalogue: Catalogue, normalize: Normalizer, query: str) -> list[SearchHit]:
    needles = {american(form.text) for form in normalize.variants(query.strip())} - {""}
    if not needles:
        return []

    def matches(text: Text) -> bool:
        forms = [american(normalize(t).text) for t in (text.zh, text.en) if t]
        return any(needle in form for needle in needles for form in forms)

    hits = []
    for entry in catalogue.entries:
        codes = entry.all_codes()
        if matches(entry.name) or any(n in entry.id or n.upper() in codes for n in needles):
            hits.append(SearchHit(entry, "name", entry.name))
        hits.extend(
            SearchHit(entry, cp.id, cp.text) for cp in entry.control_points if matches(cp.text)
        )
    return hits


def search_by_meaning(
    catalogue: Catalogue, rules: tuple[Rule, ...], index: TermIndex, query: str
) -> list[SearchHit]:
    """Entries and control points whose rules use a capability that ``query`` indicates."""
    hits: dict[tuple[str, str], SearchHit] = {}
    for hit in index.find(query):
        for capability in hit.capabilities:
            for rule in rules:
                if capability not in rule.when.capabilities():
                    continue
                entry = catalogue.entry(rule.entry_id)
                if entry is None:
                    continue
                point = entry.control_point(rule.cp_id) if rule.cp_id else None
                where, text = (point.id, point.text) if point else ("name", entry.name)
                hits.setdefault(
                    (entry.id, where), SearchHit(entry, where, text, (hit.term, capability))
                )
    return list(hits.values())
