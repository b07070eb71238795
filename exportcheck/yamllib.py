"""PyYAML, imported with its module-level patterns left until they are used.

``import yaml`` compiles ten regular expressions: the pure-Python reader's class of
non-printable characters (7 ms alone, for its ranges up to U+10FFFF) and the YAML 1.1
resolvers' and constructor's patterns (2 ms). :mod:`exportcheck.yamlsafe` composes with
libyaml's *Base* loader and resolves scalars itself, so a check uses none of them, and 9 ms is
a sixth of a one-profile check's start-up after ``click``. Each pattern is compiled on its
first use instead: the pure-Python fallback, and any other PyYAML use in the process, still
get working patterns.
"""

from __future__ import annotations

from exportcheck.lazyre import compiles_deferred

with compiles_deferred("yaml"):
    import yaml

__all__ = ["yaml"]
