"""Positions in JSON text, for a document ``json.loads`` has already read.

A JSON profile's data comes from the C JSON parser, which keeps no positions. They are asked
for only where evidence is reported, and composing the text as YAML to get them cost ~10x the
parse (libyaml builds a node per scalar and mark). A position is found along its own path
instead, and each object or array on a path is read once: its keys and the starts of its
values, a string skipped with str.find and any other value with the C scanner json.loads runs.
For the paths a check's evidence asks (title, summary, a capability) that costs ~11 us a bench
profile, against 27 us when every value's span was found up front by a walk of every token.
The text is known to be valid JSON, so nothing here checks syntax.
"""

from __future__ import annotations

import json.decoder
import re
from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

# json.loads's own scanners (C in CPython), which the type stubs do not list: (value, end) of
# the JSON value that starts at an index, and (string, end) of a string's body.
_SCAN: Callable[[str, int], tuple[Any, int]] = json.decoder.JSONDecoder().scan_once  # type: ignore[attr-defined]
_STRING: Callable[[str, int], tuple[str, int]] = json.decoder.scanstring  # type: ignore[attr-defined]
_SPACE = re.compile(r"[ \t\n\r]*")
_AFTER_KEY = re.compile(r"[ \t\n\r]*:[ \t\n\r]*")
_AFTER_VALUE = re.compile(r"[ \t\n\r]*,?[ \t\n\r]*")


class Span(NamedTuple):
    start: int  # the value's first character (a string's opening quote)
    end: int  # one past its last (for containers: their opening bracket + 1)
    key: int  # the start of its key in the enclosing object, else -1


class Positions:
    """Where the values of the JSON document ``text`` stand, by data path."""

    def __init__(self, text: str) -> None:
        self._text = text
        # container start -> its members {key: (key start, value start)} or its item starts
        self._read: dict[int, dict[str, tuple[int, int]] | list[int]] = {}

    def span(self, path: Sequence[str | int]) -> Span | None:
        """The span of the value at ``path`` (None: the document has no such value)."""
        text = self._text
        at, key = _skip(text, 0), -1
        for step in path:
            found = self._step(at, step)
            if found is None:
                return None
            key, at = found
        return Span(at, at + 1 if text[at] in "{[" else _end(text, at), key)

    def closest(self, path: Sequence[str | int]) -> Span | None:
        """The span at ``path``, or at its closest existing ancestor (None: no document)."""
        key = tuple(path)
        while (span := self.span(key)) is None:
            if not key:
                return None
            key = key[:-1]
        return span

    def _step(self, at: int, step: str | int) -> tuple[int, int] | None:
        """(start of its key or -1, start of the value) of member or item ``step`` of the
        container at ``at``."""
        opening = self._text[at]
        if opening not in "{[" or (opening == "{") != isinstance(step, str):
            return None
        read = self._read.get(at)
        if read is None:
            read = self._read[at] = (
                _members(self._text, at) if opening == "{" else _items(self._text, at)
            )
        if isinstance(read, dict):
            return read.get(step) if isinstance(step, str) else None
        if isinstance(step, int) and 0 <= step < len(read):
            return -1, read[step]
        return None


def _skip(text: str, at: int) -> int:
    """The index of the first character at or after ``at`` that is no white space."""
    return _SPACE.match(text, at).end()  # type: ignore[union-attr]  # (it matches "")


def _end(text: str, at: int) -> int:
    """One past the value that starts at ``at``. A string's closing quote is found with
    str.find (~20x faster than the scanner, which builds the string)."""
    if text[at] != '"':
        return _SCAN(text, at)[1]
    close = text.find('"', at + 1)
    while _escaped(text, close):
        close = text.find('"', close + 1)
    return close + 1


def _escaped(text: str, quote: int) -> bool:
    """Whether the quote at ``quote`` follows an odd run of backslashes."""
    before = quote
    while text[before - 1] == "\\":
        before -= 1
    return (quote - before) % 2 == 1


def _members(text: str, at: int) -> dict[str, tuple[int, int]]:
    """{key: (start of the key, start of the value)} of the object at ``at`` (a repeated key:
    the last, as json.loads keeps the last value)."""
    members = {}
    at = _skip(text, at + 1)
    while text[at] == '"':
        key_end = _end(text, at)
        key = text[at + 1 : key_end - 1]
        if "\\" in key:
            key = _STRING(text, at + 1)[0]
        value = _AFTER_KEY.match(text, key_end).end()  # type: ignore[union-attr]
        members[key] = (at, value)
        at = _AFTER_VALUE.match(text, _end(text, value)).end()  # type: ignore[union-attr]
    return members


def _items(text: str, at: int) -> list[int]:
    """The start of each item of the array at ``at``."""
    items = []
    at = _skip(text, at + 1)
    while text[at] != "]":
        items.append(at)
        at = _AFTER_VALUE.match(text, _end(text, at)).end()  # type: ignore[union-attr]
    return items


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
