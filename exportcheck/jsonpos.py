"""Positions in JSON text, for a document ``json.loads`` has already read.

A JSON profile's data comes from the C JSON parser, which keeps no positions. They are asked
for only where evidence is reported, and composing the text as YAML to get them cost ~10x the
parse (libyaml builds a node per scalar and mark). JSON's structure is simple enough to walk
from its tokens instead: strings, brackets and bare scalars, one regex, a stack of open
containers. The text is known to be valid JSON, so nothing here checks syntax.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from exportcheck.yamlsafe import DataPath

# Separators, then what the next value or bracket starts with: a quote (the string's end is
# found with str.find: a regex class run over non-ASCII text is ~40x slower), a bracket, or
# a bare scalar (number, true, null). Commas and colons are implied by the alternation of
# keys and values.
_NEXT = re.compile(r'[\s,:]*(?:(")|([{}\[\]]|[^\s,:{}\[\]"]+))')


def _tokens(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each string, bracket and bare scalar of valid JSON ``text``."""
    at = 0
    while (found := _NEXT.match(text, at)) is not None and found.end() > at:
        start = found.start(1)
        if start < 0:  # a bracket or a bare scalar
            at = found.end()
            yield found.start(2), at
            continue
        close = text.find('"', start + 1)
        while _escaped(text, close):
            close = text.find('"', close + 1)
        at = close + 1
        yield start, at


def _escaped(text: str, quote: int) -> bool:
    """Whether the quote at ``quote`` follows an odd run of backslashes."""
    before = quote
    while text[before - 1] == "\\":
        before -= 1
    return (quote - before) % 2 == 1


class Span(NamedTuple):
    start: int  # the value's first character (a string's opening quote)
    end: int  # one past its last (for containers: their opening bracket + 1)
    key: int  # the start of its key in the enclosing object, else -1


def spans_of(text: str) -> dict[DataPath, Span]:
    """Where each value of the JSON document ``text`` stands, by its data path."""
    spans: dict[DataPath, Span] = {}
    # Open containers: (path, is an object, index of the next array item).
    stack: list[tuple[DataPath, bool, list[int]]] = []
    key: str | None = None
    key_start = -1
    for start, end in _tokens(text):
        first = text[start]
        if first in "]}":
            stack.pop()
            continue
        if stack:
            parent, is_object, counter = stack[-1]
            if is_object and key is None:
                key, key_start = _string_value(text[start:end]), start
                continue
            if is_object:
                assert key is not None
                path: DataPath = (*parent, key)
                spans[path] = Span(start, end, key_start)
                key = None
            else:
                path = (*parent, counter[0])
                counter[0] += 1
                spans[path] = Span(start, end, -1)
        else:
            path = ()
            spans[path] = Span(start, end, -1)
        if first in "{[":
            stack.append((path, first == "{", [0]))
    return spans


def _string_value(token: str) -> str:
    if "\\" not in token:
        return token[1:-1]
    import json

    value: str = json.loads(token)
    return value


def closest(spans: dict[DataPath, Span], path: Sequence[str | int]) -> Span | None:
    """The span at ``path``, or at its closest existing ancestor (None: no document)."""
    key = tuple(path)
    while key not in spans:
        if not key:
            return None
        key = key[:-1]
    return spans[key]


def string_index(text: str, span: Span, offset: int) -> int | None:
    """Index in ``text`` of character ``offset`` of the string value at ``span`` (an escape
    stands for its character: the index of its backslash), or None if ``span`` is no string
    or the offset is past its end."""
    if text[span.start] != '"' or offset < 0:
        return None
    body_start, body_end = span.start + 1, span.end - 1
    if "\\" not in text[body_start : min(body_end, body_start + offset)]:
        found = body_start + offset
        return found if found <= body_end else None
    at, count = body_start, 0
    while count < offset:
        if at >= body_end:
            return None
        at += _escape_width(text, at) if text[at] == "\\" else 1
        count += 1
    return at


def _escape_width(text: str, at: int) -> int:
    r"""Source length of the escape at ``at`` that json.loads reads as one character: \n is
    2, \u00e9 is 6, and a surrogate pair \ud83d\ude00 (one character) is 12."""
    if text[at + 1] != "u":
        return 2
    if 0xD800 <= int(text[at + 2 : at + 6], 16) < 0xDC00 and text.startswith("\\u", at + 6):
        low = text[at + 8 : at + 12]
        if len(low) == 4 and 0xDC00 <= int(low, 16) < 0xE000:
            return 12
    return 6
