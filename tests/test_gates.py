"""The hand-kept word gates: a text is searched with a costly pattern only when it holds one
of a few words, so every text the pattern matches must hold one. Hypothesis writes matches of
each pattern (``from_regex``) and the test holds the gate to them.

The domain is text as people write it: a run of spaces is one space, a line break one line
break, digits are ASCII, and Chinese is either Simplified or Traditional, not both in one
phrase (the gates list both scripts' spellings, not their mixtures)."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable
from typing import Any

import opencc
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from exportcheck import direction
from exportcheck.negation import document


@functools.cache
def _converter(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


def _as_written(text: str) -> str:
    """``text`` in the domain above, lower-cased as the gated code reads it."""
    text = re.sub(r"[^\S\n]*\n\s*", "\n", text)
    text = re.sub(r"[^\S\n]+", " ", text)
    text = "".join(str(unicodedata.digit(ch, ch)) if ch.isdigit() else ch for ch in text)
    return text.lower()


def _one_script(text: str) -> bool:
    simplified = str(_converter("t2s.json").convert(text))
    traditional = str(_converter("s2t.json").convert(text))
    return text in (simplified, traditional)


def _triggers(text: str) -> frozenset[str]:
    return direction._TRIGGER_GATE(text)


# (what the part is, the gate that finds its words, its words), for each gated part: a part
# of the goods-only declaration is tried where _text_cues holds one of its words, a part of
# the finished-goods and no-know-how tests where _part_words does.
_PARTS = [
    *((pattern, document._text_cues, words) for words, pattern in document._GOODS_ONLY_PARTS),
    *((pattern, document._part_words, words) for words, pattern in document._FINISHED_GOODS_PARTS),
    *((pattern, document._part_words, words) for words, pattern in document._NO_KNOW_HOW_PARTS),
]
# ... and goods_only_declaration() reads a text at all only where _text_cues holds one of
# _GOODS_ONLY_WORDS: a goods-only declaration or finished goods (the first step to "no
# know-how goes with them") must hold one.
_DECLARING = [
    *(pattern for _, pattern in document._GOODS_ONLY_PARTS),
    *(pattern for _, pattern in document._FINISHED_GOODS_PARTS),
]


def _holds(pattern: str, text: str, gate: Callable[[str], frozenset[str]], words: Any) -> None:
    lowered = _as_written(text)
    assume(_one_script(lowered) and re.search(pattern, lowered) is not None)
    assert not gate(lowered).isdisjoint(words), (lowered, pattern)


def _examples(count: int) -> settings:
    return settings(
        max_examples=count,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.filter_too_much, HealthCheck.too_slow],
    )


def _name(value: object) -> str:
    return re.sub(r"\W+", "", str(value))[:20] if isinstance(value, str) else ""


@pytest.mark.parametrize(("pattern", "gate", "words"), _PARTS, ids=_name)
def test_every_match_of_a_part_holds_one_of_its_words(
    pattern: str, gate: Callable[[str], frozenset[str]], words: tuple[str, ...]
) -> None:
    @_examples(60)
    @given(st.from_regex(pattern))
    def holds(text: str) -> None:
        _holds(pattern, text, gate, words)

    holds()


@pytest.mark.parametrize("pattern", _DECLARING, ids=_name)
def test_every_declaration_of_goods_holds_a_goods_only_word(pattern: str) -> None:
    @_examples(60)
    @given(st.from_regex(pattern))
    def holds(text: str) -> None:
        _holds(pattern, text, document._text_cues, document._GOODS_ONLY_WORDS)

    holds()


@pytest.mark.parametrize(
    "name", ["_DECLARATION_ZH", "_DECLARATION_EN", "_INBOUND_ZH", "_INBOUND_EN"]
)
def test_every_declaration_of_direction_holds_a_trigger_word(name: str) -> None:
    """direction.stays_in_china() reads only texts that hold one of its _TRIGGERS."""
    pattern = getattr(direction, name)

    @_examples(300)
    @given(st.from_regex(pattern))
    def holds(text: str) -> None:
        _holds(pattern, text, _triggers, direction._TRIGGERS)

    holds()
