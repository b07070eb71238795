"""Libraries imported without their unused parts: deferred submodules run when first used,
an optional dependency can be kept out of an import, and :mod:`sys` is put back either way."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from exportcheck.lazyimport import submodules_deferred, unimportable

from conftest import fresh_python


@pytest.fixture
def package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A package whose ``__init__`` imports two submodules; each logs when its code runs."""
    name = f"lazypkg_{tmp_path.name.replace('-', '_')}"
    root = tmp_path / name
    root.mkdir()
    (tmp_path / f"{name}_log.py").write_text("ran = []\n")
    (root / "__init__.py").write_text("from . import eager, heavy\n")
    for module in ("eager", "heavy"):
        (root / f"{module}.py").write_text(
            f"import {name}_log\n{name}_log.ran.append({module!r})\nVALUE = {module!r}\n"
        )
    monkeypatch.syspath_prepend(str(tmp_path))
    yield name
    for key in [k for k in sys.modules if k.startswith(name)]:
        del sys.modules[key]


def test_a_deferred_submodule_runs_on_first_use_and_not_before(package: str) -> None:
    finders = list(sys.meta_path)
    with submodules_deferred(f"{package}.heavy"):
        pkg = importlib.import_module(package)
    log = importlib.import_module(f"{package}_log")
    assert log.ran == ["eager"]
    assert sys.meta_path == finders
    assert pkg.heavy.VALUE == "heavy"
    assert log.ran == ["eager", "heavy"]


def test_the_finder_goes_away_when_the_import_fails(package: str, tmp_path: Path) -> None:
    (tmp_path / package / "eager.py").write_text("raise RuntimeError('broken')\n")
    finders = list(sys.meta_path)
    with pytest.raises(RuntimeError, match="broken"), submodules_deferred(f"{package}.heavy"):
        importlib.import_module(package)
    assert sys.meta_path == finders


def test_an_unimportable_module_refuses_only_inside_the_block(package: str) -> None:
    log_module = f"{package}_log"
    with unimportable(log_module), pytest.raises(ImportError):
        importlib.import_module(log_module)
    assert log_module not in sys.modules
    assert importlib.import_module(log_module).ran == []


def test_an_already_imported_module_stays_importable(package: str) -> None:
    log = importlib.import_module(f"{package}_log")
    with unimportable(log.__name__):
        assert importlib.import_module(log.__name__) is log
    assert sys.modules[log.__name__] is log


_FRESH_PROCESS = """
import sys
finders = list(sys.meta_path)
from exportcheck.msgspeclib import msgspec
assert sys.meta_path == finders
assert "typing_extensions" not in sys.modules and "textwrap" not in sys.modules

class Point(msgspec.Struct, frozen=True):
    x: int
    label: str = "origin"

p = msgspec.structs.replace(Point(1), label="moved")
print(p, msgspec.to_builtins(p))
print(msgspec.json.encode(p).decode(), msgspec.json.decode(b'{"x": 2}', type=Point))
print(msgspec.json.schema(Point)["$ref"], type(msgspec.inspect.type_info(Point)).__name__)
import typing_extensions
print("typing_extensions", typing_extensions.__name__)
"""


def test_msgspec_works_whole_when_its_deferred_parts_are_used() -> None:
    assert fresh_python(_FRESH_PROCESS) == [
        "Point(x=1, label='moved') {'x': 1, 'label': 'moved'}",
        '{"x":1,"label":"moved"} Point(x=2, label=\'origin\')',
        "#/$defs/Point StructType",
        "typing_extensions typing_extensions",
    ]
