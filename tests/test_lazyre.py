"""Patterns compiled on first use: they answer as compiled ones do, and PyYAML imported through
:mod:`exportcheck.yamllib` still reads and resolves as PyYAML does."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from exportcheck.lazyre import DeferredPattern, compiles_deferred

from conftest import fresh_python

_SOURCES = [r"[^\t\n\r -~\x85\xa0-\ud7ff\ue000-\ufffd]", r"(?i)\bno\b", r"^(?:yes|no)$", r"\d+"]


@given(source=st.sampled_from(_SOURCES), text=st.text(max_size=40))
def test_a_deferred_pattern_answers_as_the_compiled_one(source: str, text: str) -> None:
    deferred, real = DeferredPattern(source, 0), re.compile(source)
    assert deferred.pattern == real.pattern
    assert [m.span() for m in deferred.finditer(text)] == [m.span() for m in real.finditer(text)]
    found, expected = deferred.match(text), real.match(text)
    assert (found and found.span()) == (expected and expected.span())


def test_only_the_named_package_is_deferred_and_re_compile_comes_back() -> None:
    real = re.compile
    with compiles_deferred(__name__):
        mine = re.compile("a+")
    with compiles_deferred("some.other.package"):
        theirs = re.compile("a+")
    assert isinstance(mine, DeferredPattern)
    assert isinstance(theirs, re.Pattern)
    assert re.compile is real


def test_re_compile_comes_back_when_the_block_fails() -> None:
    real = re.compile
    with pytest.raises(ZeroDivisionError), compiles_deferred(__name__):
        1 / 0  # noqa: B018
    assert re.compile is real


_FRESH_PROCESS = """
import re
real = re.compile
import exportcheck.yamlsafe, yaml
assert re.compile is real
assert type(yaml.reader.Reader.NON_PRINTABLE).__name__ == "DeferredPattern"
print(yaml.safe_load("a: yes\\nb: 2001-12-14\\nc: 0x1F\\nd: ~"))
try:
    yaml.safe_load("a: b\\x07")
except yaml.reader.ReaderError as exc:
    print("refused", exc.character)
print(exportcheck.yamlsafe.load_text("a: yes\\n", "t.yaml").data)
"""


def test_pyyaml_imported_by_exportcheck_still_reads_and_resolves() -> None:
    """In a fresh interpreter, where exportcheck imports PyYAML first: the patterns are deferred,
    and PyYAML's own loaders still resolve YAML 1.1 scalars and refuse a control character."""
    lines = fresh_python(_FRESH_PROCESS)
    assert lines[0] == "{'a': True, 'b': datetime.date(2001, 12, 14), 'c': 31, 'd': None}"
    assert lines[1] == "refused 7"
    assert lines[2] == "{'a': 'yes'}"
