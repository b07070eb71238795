"""exportcheck: check technology profiles against China's export-technology catalogue.

Public API (imported lazily so ``exportcheck --version`` stays fast)::

    from exportcheck import load_knowledge_base, check_profiles
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = ["__version__", "check_profiles", "load_knowledge_base", "load_profile"]

if TYPE_CHECKING:
    from exportcheck.api import check_profiles, load_knowledge_base, load_profile


def __getattr__(name: str) -> Any:
    if name in {"check_profiles", "load_knowledge_base", "load_profile"}:
        from exportcheck import api

        return getattr(api, name)
    raise AttributeError(name)
