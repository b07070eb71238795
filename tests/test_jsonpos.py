"""Positions in JSON documents: found from the JSON tokens, they agree with the YAML
composer's (JSON is YAML) and, unlike them, stay exact behind escapes."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from exportcheck.yamlsafe import load_text, load_yaml_text

# Text that JSON writes as it is (no escapes): letters, CJK, spaces, punctuation.
_PLAIN = st.text(alphabet="ab Z推荐算法,.:-[]{}é", max_size=8)
# Text that needs escapes: quotes, backslashes, line breaks, tabs, astral characters.
_ESCAPED = st.text(alphabet='a推"\\\n\t😀\u00e9', max_size=8)


def _values(text: st.SearchStrategy[str]) -> st.SearchStrategy[Any]:
    scalars = st.none() | st.booleans() | st.integers(-(10**6), 10**6) | text
    return st.recursive(
        scalars,
        lambda inner: st.lists(inner, max_size=3) | st.dictionaries(text, inner, max_size=3),
        max_leaves=12,
    )


def _paths(
    value: Any, path: tuple[str | int, ...] = ()
) -> Iterator[tuple[tuple[str | int, ...], Any]]:
    """Every (data path, value) of a JSON value, itself first."""
    yield path, value
    if isinstance(value, dict | list):
        for key, child in value.items() if isinstance(value, dict) else enumerate(value):
            yield from _paths(child, (*path, key))


def _index(source: str, line: int, column: int) -> int:
    lines = source.split("\n")
    return sum(len(text) + 1 for text in lines[: line - 1]) + column - 1


@settings(max_examples=300, deadline=None)
@given(_values(_PLAIN), st.sampled_from([None, 2]))
def test_json_positions_agree_with_the_yaml_composer(data: Any, indent: int | None) -> None:
    source = json.dumps({"profile": 1, "data": data}, ensure_ascii=False, indent=indent)
    as_json = load_text(source, "p.json", is_json=True)
    as_yaml = load_yaml_text(source, "p.json")
    absent: list[tuple[str | int, ...]] = [("data", "absent"), ("profile", 0)]
    for path in absent:  # the closest ancestor
        assert as_json.pos(path) == as_yaml.pos(path), path
        assert as_json.pos_in(path, 0) == as_json.pos(path), path  # no offset into another
    for path, value in _paths(as_json.data):
        assert as_json.pos(path) == as_yaml.pos(path), path
        if path:
            assert as_json.key_pos(path) == as_yaml.key_pos(path), path
        if isinstance(value, str):
            for offset in range(len(value) + 1):
                assert as_json.pos_in(path, offset) == as_yaml.pos_in(path, offset), (path, offset)


@settings(max_examples=300, deadline=None)
@given(_ESCAPED.filter(bool), st.booleans(), st.data())
def test_a_character_behind_escapes_is_located_at_itself_or_its_escape(
    title: str, ascii_only: bool, data: st.DataObject
) -> None:
    source = json.dumps({"profile": 1, "title": title}, ensure_ascii=ascii_only)
    doc = load_text(source, "p.json", is_json=True)
    offset = data.draw(st.integers(0, len(title) - 1))
    pos = doc.pos_in(["title"], offset)
    index = _index(source, pos.line, pos.column)
    if source[index] == "\\":
        escape = (
            source[index : index + 6] if source[index + 1] == "u" else source[index : index + 2]
        )
        if escape[1] == "u" and 0xD800 <= int(escape[2:], 16) < 0xDC00:
            escape = source[index : index + 12]
        # The escape (a surrogate pair's two halves read as one) spells the character.
        assert json.loads(f'"{escape}"')[0] == title[offset]
    else:
        assert source[index] == title[offset]


def test_positions_past_the_end_or_outside_strings_fall_back_to_the_value() -> None:
    source = '{"profile": 1,\n "title": "ab\\ncd",\n "transfer": {"mode": "licence"}}'
    doc = load_text(source, "p.json", is_json=True)
    assert (doc.pos(["title"]).line, doc.pos(["title"]).column) == (2, 11)
    assert doc.pos_in(["title"], 99) == doc.pos(["title"])
    assert doc.pos_in(["profile"], 0) == doc.pos(["profile"])
    assert doc.pos_in(["transfer", "recipient"], 3) == doc.pos(["transfer"])
    assert (doc.key_pos(["transfer", "mode"]).line, doc.key_pos(["transfer", "mode"]).column) == (
        3,
        15,
    )
