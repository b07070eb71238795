"""JSON Lines: one self-contained JSON object per profile (``--format jsonl``), for streams."""

from __future__ import annotations

import json
from collections.abc import Sequence

from exportcheck.model import Lang, Outcome
from exportcheck.render.json import catalog_block, result_dict
from exportcheck.report import CatalogueContext, CheckResult


def part(result: CheckResult, context: CatalogueContext, lang: Lang) -> str:
    line = {"format": 1, "catalog": catalog_block(context), **result_dict(result, context, lang)}
    return json.dumps(line, ensure_ascii=False) + "\n"


class Document:
    """Lines stand alone: no frame."""

    def __init__(self, context: CatalogueContext, lang: Lang) -> None:
        pass

    def add(self, part: str) -> str:
        return part

    def head(self) -> str:
        return ""

    def tail(self, decisions: Sequence[Outcome]) -> str:
        return ""
