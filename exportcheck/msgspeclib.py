"""msgspec, imported without the submodules exportcheck does not use.

exportcheck uses ``Struct``, ``field``, ``structs.replace`` and ``to_builtins``, all from the
C core and :mod:`msgspec.structs`. ``import msgspec`` also imports its JSON-schema generator
(which imports :mod:`textwrap`), :mod:`msgspec.inspect` and its codecs' modules, and the core
imports :mod:`typing_extensions` when it is installed: measured here, ~15 ms of a ~95 ms
one-profile check, 9 ms of it for things a check never touches. So:

- ``msgspec.inspect``, ``.json``, ``.msgpack``, ``.toml``, ``.yaml`` and ``._json_schema`` run
  their code on first use (any other user of them in the process still gets them whole);
- :mod:`typing_extensions` is not imported for msgspec: its type-hint helpers then come from
  :mod:`typing`, which on Python >= 3.11 reads the same annotations (msgspec falls back to it
  itself when typing_extensions is not installed). Already imported, it is used as usual.
"""

from __future__ import annotations

from exportcheck.lazyimport import submodules_deferred, unimportable

_UNUSED = ("inspect", "json", "msgpack", "toml", "yaml", "_json_schema")

with (
    submodules_deferred(*(f"msgspec.{name}" for name in _UNUSED)),
    unimportable("typing_extensions"),
):
    import msgspec

__all__ = ["msgspec"]
