"""Text search over entry names and control points, normalised like profile text, and through
the vocabulary: words that indicate a capability lead to the points whose rules use it (an
analyst searching "recommendation algorithm" finds the personalised-push point, whose
official wording says neither word)."""

from __future__ import annotations

import re
from typing import Any

from exportcheck.messages import bilingual, msg
from exportcheck.model import Catalogue, Entry, Lang, Rule, Text, VocabParameter
from exportcheck.msgspeclib import msgspec
from exportcheck.termindex import TermIndex
from exportcheck.textnorm import Normalizer, american


class SearchHit(msgspec.Struct, frozen=True):
    entry: Entry
    where: str  # "name" or a control point id
    text: Text
    via: tuple[str, str] | None = None  # (vocabulary term, capability) for a hit by meaning
    building_block: bool = False  # the capability of ``via`` counts only beside another

    def line(self, lang: Lang = "en") -> str:
        codes = ", ".join(self.entry.all_codes()) or msg("catalog.no_code", lang)
        how = ""
        if self.via:
            block = msg("catalog.building_block", lang) if self.building_block else ""
            via = msg("catalog.via", lang, term=self.via[0], capability=self.via[1])
            how = f"  ({via}{block})"
        return f"{codes} [{self.entry.id}] {self.where}: {bilingual(self.text)}{how}"

    def as_dict(self) -> dict[str, Any]:
        return {
            "kind": "entry",
            "id": self.entry.id,
            "codes": list(self.entry.all_codes()),
            "where": self.where,
            "text": self.text.as_dict(),
            "via": {
                "term": self.via[0],
                "capability": self.via[1],
                "building_block": self.building_block,
            }
            if self.via
            else None,
        }


class ParameterHit(msgspec.Struct, frozen=True):
    parameter: VocabParameter

    def line(self, lang: Lang = "en") -> str:
        label = bilingual(self.parameter.label)
        return (
            f"{msg('catalog.parameter', lang)} {self.parameter.id} ({self.parameter.unit}): {label}"
        )

    def as_dict(self) -> dict[str, Any]:
        p = self.parameter
        return {"kind": "parameter", "id": p.id, "unit": p.unit, "label": p.label.as_dict()}


def _finder(needles: set[str]) -> re.Pattern[str]:
    """Latin words match from the start of a word ("al li" is not in "national lists");
    Chinese anywhere."""
    return re.compile(
        "|".join(
            ("(?<![a-z0-9])" if n[:1].isascii() and n[:1].isalnum() else "") + re.escape(n)
            for n in sorted(needles)
        )
    )


def _needles(normalize: Normalizer, query: str) -> set[str]:
    """The query as text is normalised, in each script variant."""
    return {american(form.text) for form in normalize.variants(query.strip())} - {""}


def search(catalogue: Catalogue, normalize: Normalizer, query: str) -> list[SearchHit]:
    needles = _needles(normalize, query)
    if not needles:
        return []

    find = _finder(needles)

    def matches(text: Text) -> bool:
        return any(find.search(american(normalize(t).text)) for t in (text.zh, text.en) if t)

    hits = []
    for entry in catalogue.entries:
        codes = entry.all_codes()
        if matches(entry.name) or any(n in entry.id or n.upper() in codes for n in needles):
            hits.append(SearchHit(entry, "name", entry.name))
        hits.extend(
            SearchHit(entry, cp.id, cp.text) for cp in entry.control_points if matches(cp.text)
        )
    return hits


def search_parameters(
    parameters: dict[str, VocabParameter], normalize: Normalizer, query: str
) -> list[ParameterHit]:
    """Vocabulary parameters (the names a profile's ``parameters`` use) by id or label."""
    needles = _needles(normalize, query)
    if not needles:
        return []
    find = _finder(needles | {n.replace(" ", "-") for n in needles})
    return [
        ParameterHit(p)
        for p in sorted(parameters.values(), key=lambda p: p.id)
        if find.search(p.id)
        or any(find.search(american(normalize(t).text)) for t in (p.label.zh, p.label.en) if t)
    ]


def search_by_meaning(
    catalogue: Catalogue, rules: tuple[Rule, ...], index: TermIndex, query: str
) -> list[SearchHit]:
    """Entries and control points whose rules use a capability that ``query`` indicates."""
    hits: dict[tuple[str, str], SearchHit] = {}
    standalone = frozenset().union(*(rule.when.sufficient_alone() for rule in rules))
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
                    (entry.id, where),
                    SearchHit(
                        entry, where, text, (hit.term, capability), capability not in standalone
                    ),
                )
    return list(hits.values())
