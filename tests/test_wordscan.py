"""Word gates share one automaton and one scan per text; each answers with its own words,
the same as one substring test per word."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from exportcheck import direction
from exportcheck.negation import document
from exportcheck.wordscan import gate

_GATES = [
    document._CUE_GATE,
    document._PART_GATE,
    document._TECHNOLOGY_GATE,
    direction._TRIGGER_GATE,
]
# Gate words (overlapping ones too) with filler, line breaks and tabs between them.
_WORDS = sorted({word for g in _GATES for word in g.words})
_PIECES = st.sampled_from(_WORDS) | st.sampled_from([" ", "\n", "\t", "x", "。", "not "])


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=16).map("".join))
def test_every_gate_finds_its_own_words_by_either_way(text: str) -> None:
    for g in _GATES:
        by_automaton = g(text, automaton=True)
        assert by_automaton == g(text, automaton=False)
        assert by_automaton <= g.members


def test_a_gate_made_after_the_shared_automaton_was_built_finds_its_words() -> None:
    text = "the zyxwv clause of a purchase order"
    assert direction._TRIGGER_GATE(text, automaton=True) == frozenset()  # builds the automaton
    late = gate(("zyxwv clause", "purchase"))
    assert late(text, automaton=True) == frozenset({"zyxwv clause", "purchase"})
    assert late(text.replace(" ", "\n"), automaton=True) == frozenset({"zyxwv clause", "purchase"})
