"""Renderers: one module per format, each exposing ``render(report, *, lang) -> str``.

The registry maps ``--format`` choices to modules, imported only when chosen.
Renderers never decide: they format what ``report``/``explain``/``decision`` computed.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

CHECK_FORMATS = {
    "text": "exportcheck.render.text",
    "json": "exportcheck.render.json",
    "jsonl": "exportcheck.render.json",
    "markdown": "exportcheck.render.markdown",
    "sarif": "exportcheck.render.sarif",
}


def renderer(fmt: str, registry: dict[str, str] = CHECK_FORMATS) -> Callable[..., str]:
    module = importlib.import_module(registry[fmt])
    name = "render_lines" if fmt == "jsonl" else "render"
    function: Callable[..., Any] = getattr(module, name)
    return function
