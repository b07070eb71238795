"""Renderers for ``check``: one module per format, imported only when chosen.

Each module exposes ``part(result, context, lang)``, the picklable rendering of one profile
(computed where the profile was checked, possibly in a worker process), and a ``Document``
that turns parts into text one at a time (``add``) and frames them (``head`` once all parts
are in, ``tail``), so a batch is written without holding every part in memory.
``render(report, fmt, lang)`` composes them for an in-memory report. Renderers never decide:
they format what ``report``/``explain``/``decision`` computed.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from types import ModuleType
from typing import TYPE_CHECKING, Any, Protocol

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


class Document(Protocol):
    """The text of one output document, built part by part."""

    def add(self, part: Any) -> str:
        """The text of one more part (in input order)."""
        ...

    def head(self) -> str:
        """What comes before the parts; asked once all parts are added (SARIF lists the rules
        the parts used)."""
        ...

    def tail(self, decisions: Sequence[Outcome]) -> str: ...


def renderer(fmt: str) -> ModuleType:
    return importlib.import_module(CHECK_FORMATS[fmt])


def document(fmt: str, context: CatalogueContext, lang: Lang) -> Document:
    doc: Document = renderer(fmt).Document(context, lang)
    return doc


def assemble(
    fmt: str,
    context: CatalogueContext,
    parts: Sequence[Any],
    decisions: Sequence[Outcome],
    lang: Lang,
) -> str:
    doc = document(fmt, context, lang)
    body = "".join(doc.add(part) for part in parts)
    return doc.head() + body + doc.tail(decisions)


def render(report: CheckReport, fmt: str = "text", lang: Lang = "en") -> str:
    module = renderer(fmt)
    parts = [module.part(r, report.context, lang) for r in report.results]
    return assemble(fmt, report.context, parts, [r.decision for r in report.results], lang)


def json_frame(
    skeleton: dict[str, Any], path: Sequence[str | int], *, empty: bool = False
) -> tuple[str, str, str]:
    """Split ``json.dumps(skeleton, indent=2)`` around the list at ``path``: the text before
    its items, the indentation of an item, and the text after them. Streamed items then give
    byte for byte what dumping the whole document would (``empty``: the list stays ``[]``)."""
    import json

    node: Any = skeleton
    for step in path[:-1]:
        node = node[step]
    # A marker that occurs nowhere else in the document (a value could hold any text).
    marker, others = "\x00items\x00", json.dumps(skeleton, ensure_ascii=False)
    while json.dumps(marker, ensure_ascii=False)[1:-1] in others:
        marker += "\x00"
    node[path[-1]] = [marker]
    text = json.dumps(skeleton, ensure_ascii=False, indent=2)
    before, after = text.split(json.dumps(marker))
    indent = before[before.rindex("\n") + 1 :]
    before = before[: before.rindex("[") + 1]
    after = after[after.index("\n") :]
    if empty:
        return before, indent, after.lstrip()
    return before, indent, after


def json_item(item: Any, indent: str, first: bool) -> str:
    import json

    text = json.dumps(item, ensure_ascii=False, indent=2).replace("\n", "\n" + indent)
    return ("\n" if first else ",\n") + indent + text
