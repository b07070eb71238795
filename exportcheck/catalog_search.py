"""Text search over entry names and control points, normalised like profile text."""

from __future__ import annotations

from typing import Any

import msgspec

from exportcheck.model import Catalogue, Entry, Text
from exportcheck.textnorm import Normalizer, american


class SearchHit(msgspec.Struct, frozen=True):
    entry: Entry
    where: str  # "name" or a control point id
    text: Text

    def line(self) -> str:
        codes = ", ".join(self.entry.all_codes()) or "(no code)"
        shown = " / ".join(p for p in (self.text.zh, self.text.en) if p)
        return f"{codes} [{self.entry.id}] {self.where}: {shown}"

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.entry.id,
            "codes": list(self.entry.all_codes()),
            "where": self.where,
            "text": self.text.as_dict(),
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
