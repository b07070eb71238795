"""Renderers for ``check``: one module per format, imported only when chosen.

Each module exposes ``part(result, context, lang)``, the picklable rendering of one profile
(computed where the profile was checked, possibly in a worker process), and
``assemble(context, parts, decisions, lang) -> str``. ``render(report, fmt, lang)`` composes
the two for an in-memory report. Renderers never decide: they format what
``report``/``explain``/``decision`` computed.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from types import ModuleType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from exportcheck.model import Lang, Outcome
    from exportcheck.report import CatalogueContext, CheckReport

CHECK_FORMATS = {
    "text": "exportcheck.render.text",
    "json": "exportcheck.render.json",
    "jsonl": "exportcheck.render.jsonl",
    "markdown": "exportcheck.render.markdown",
    "sarif": "exportcheck.render.sarif",
}


def renderer(fmt: str) -> ModuleType:
    return importlib.import_module(CHECK_FORMATS[fmt])


def assemble(
    fmt: str,
    context: CatalogueContext,
    parts: Sequence[Any],
    decisions: Sequence[Outcome],
    lang: Lang,
) -> str:
    text: str = renderer(fmt).assemble(context, parts, decisions, lang)
    return text


def render(report: CheckReport, fmt: str = "text", lang: Lang = "en") -> str:
    module = renderer(fmt)
    parts = [module.part(r, report.context, lang) for r in report.results]
    return assemble(fmt, report.context, parts, [r.decision for r in report.results], lang)
