"""Evidence points at the very words: line and column of a character inside a string."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from exportcheck.yamlsafe import load_text

from conftest import RunCli

_LINE = st.text(alphabet="ab 推荐算法xyz,.-", min_size=1, max_size=30).map(str.strip).filter(bool)


def _char_at(text: str, line: int, column: int) -> str:
    return text.split("\n")[line - 1][column - 1]


@settings(max_examples=200, deadline=None)
@given(st.lists(_LINE, min_size=1, max_size=6), st.integers(2, 6), st.data())
def test_every_character_of_a_literal_block_is_located(
    lines: list[str], indent: int, data: st.DataObject
) -> None:
    pad = " " * indent
    source = "profile: 1\nsummary: |\n" + "".join(f"{pad}{line}\n" for line in lines)
    doc = load_text(source, "p.yaml")
    value = doc.data["summary"]
    offset = data.draw(st.integers(0, len(value) - 1).filter(lambda i: value[i] != "\n"))
    pos = doc.pos_in(["summary"], offset)
    assert _char_at(source, pos.line, pos.column) == value[offset]


@settings(max_examples=200, deadline=None)
@given(_LINE, st.sampled_from(["plain", "single", "double", "json"]), st.data())
def test_every_character_of_a_one_line_scalar_is_located(
    line: str, style: str, data: st.DataObject
) -> None:
    # Unescaped forms: after an escape the position falls back to the scalar's start.
    quoted = {"plain": line, "single": f"'{line}'", "double": json.dumps(line, ensure_ascii=False)}
    if style == "json":
        source = json.dumps({"profile": 1, "title": line}, ensure_ascii=False)
        doc = load_text(source, "p.json", is_json=True)
    else:
        if style == "plain" and line[0] in "-,.":
            return  # not a plain scalar
        source = f"profile: 1\ntitle: {quoted[style]}\n"
        doc = load_text(source, "p.yaml")
    value = doc.data["title"]
    offset = data.draw(st.integers(0, len(value) - 1))
    pos = doc.pos_in(["title"], offset)
    assert _char_at(source, pos.line, pos.column) == value[offset]


def test_cli_evidence_points_at_the_term(run_cli: RunCli, tmp_path: Path) -> None:
    text = (
        "profile: 1\nid: p\ntitle: A UAV autopilot\nsummary: |\n  Line one.\n"
        "  A multirotor drone with a flight controller.\n"
    )
    path = tmp_path / "p.yaml"
    path.write_text(text, encoding="utf-8")
    out = run_cli("check", str(path), "--fail-on", "never").stdout
    located = [part for part in out.split() if part.startswith(f"({path}:")]
    assert len(located) >= 3
    words = set()
    for ref in located:
        line, column = (int(n) for n in ref.rstrip(")").rsplit(":", 2)[1:])
        words.add(text.split("\n")[line - 1][column - 1 :].split(maxsplit=1)[0])
    assert {"UAV", "multirotor", "drone", "flight"} <= words


@settings(max_examples=300, deadline=None)
@given(
    st.lists(_LINE, min_size=2, max_size=5),
    st.sampled_from(["folded", "plain", "double"]),
    st.data(),
)
def test_every_word_of_a_folded_or_multi_line_scalar_is_located(
    lines: list[str], style: str, data: st.DataObject
) -> None:
    """Folding and line joins change only whitespace: the first character of each run of
    non-blank characters is located in the source, whichever line it is on."""
    if style == "plain" and any(line[0] in "-,." or ": " in line for line in lines):
        return  # not a plain scalar
    body = "".join(f"  {line}\n" for line in lines)
    if style == "folded":
        source = f"profile: 1\nsummary: >\n{body}"
    elif style == "plain":
        source = f"profile: 1\nsummary: {body[2:]}"
    else:
        source = f'profile: 1\nsummary: "{body[2:].rstrip()}"\n'
    doc = load_text(source, "p.yaml")
    value = doc.data["summary"]
    starts = [
        i
        for i in range(len(value))
        if not value[i].isspace() and (i == 0 or value[i - 1].isspace())
    ]
    offset = data.draw(st.sampled_from(starts))
    pos = doc.pos_in(["summary"], offset)
    assert _char_at(source, pos.line, pos.column) == value[offset]


def test_a_literal_block_with_an_explicit_indentation_indicator_is_located() -> None:
    """|2 fixes the indentation: spaces beyond it (here on the first line) are content."""
    source = "profile: 1\nsummary: |2\n     indented first line\n  then 推荐算法 here\n"
    doc = load_text(source, "p.yaml")
    value = doc.data["summary"]
    for offset in (0, 3, value.index("推"), len(value) - 2):
        pos = doc.pos_in(["summary"], offset)
        assert _char_at(source, pos.line, pos.column) == value[offset]
