"""Properties of the decision semantics (design §2, style practice 10)."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from exportcheck.api import check_profiles
from exportcheck.diagnostics import Diagnostic
from exportcheck.errors import InputError
from exportcheck.kb import KnowledgeBase
from exportcheck.model import Outcome
from exportcheck.profile import profile_from_document
from exportcheck.render.json import report_dict
from exportcheck.schema import SCHEMA_NAMES, python_regex, schema_text, validator
from exportcheck.yamlsafe import Document, load_bytes

from strategies import profiles

AS_OF = dt.date(2025, 9, 1)
SETTINGS = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def _profile(kb: KnowledgeBase, data: dict[str, Any]):  # type: ignore[no-untyped-def]
    return profile_from_document(Document("p.yaml", data, lambda _p: (1, 1)), kb.vocabulary)


def _decide(kb: KnowledgeBase, data: dict[str, Any]):  # type: ignore[no-untyped-def]
    return check_profiles(kb, [_profile(kb, data)], as_of=AS_OF).results[0]


def test_properties_hold(kb: KnowledgeBase) -> None:
    @SETTINGS
    @given(profiles(kb))
    def decision_is_the_highest_outcome(data: dict[str, Any]) -> None:
        result = _decide(kb, data)
        assert result.decision == max((f.outcome for f in result.findings), default=Outcome.FREE)
        assert (result.decision is Outcome.FREE) == (not result.findings)
        report = check_profiles(kb, [_profile(kb, data)], as_of=AS_OF)
        validator("output").validate(report_dict(report, "en"))

    decision_is_the_highest_outcome()


def test_asserting_never_lowers_and_denying_never_raises(kb: KnowledgeBase) -> None:
    caps = sorted(kb.vocabulary.capabilities)

    @SETTINGS
    @given(profiles(kb), st.sampled_from(caps))
    def monotone(data: dict[str, Any], cap: str) -> None:
        base = _decide(kb, data).decision
        asserted = dict(data, capabilities=sorted({*data.get("capabilities", []), cap}))
        assert _decide(kb, asserted).decision >= base
        if cap not in data.get("capabilities", []):
            denied = dict(data, not_capabilities=[cap])
            assert _decide(kb, denied).decision <= base

    monotone()


def test_input_order_does_not_change_json(kb: KnowledgeBase) -> None:
    @SETTINGS
    @given(
        st.lists(profiles(kb), min_size=2, max_size=4, unique_by=lambda d: d["id"]),
        st.randoms(use_true_random=False),
    )
    def order_free(items: list[dict[str, Any]], rnd: Any) -> None:
        loaded = [_profile(kb, d) for d in items]
        shuffled = list(loaded)
        rnd.shuffle(shuffled)

        def canonical(ps: list[Any]) -> str:
            doc = report_dict(check_profiles(kb, ps, as_of=AS_OF), "en")
            doc["results"].sort(key=lambda r: r["profile"]["id"])
            return json.dumps(doc, ensure_ascii=False, sort_keys=True)

        assert canonical(loaded) == canonical(shuffled)

    order_free()


def _problems(kb: KnowledgeBase, raw: bytes, name: str) -> tuple[Diagnostic, ...]:
    """Load a profile: data, or an InputError with at least one diagnostic; nothing else."""
    try:
        profile_from_document(load_bytes(raw, name), kb.vocabulary)
    except InputError as exc:
        problems = exc.diagnostics
        if not problems:
            raise AssertionError("an InputError without diagnostics") from exc
        return problems
    return ()


def test_arbitrary_bytes_give_data_or_input_error(kb: KnowledgeBase) -> None:
    @settings(max_examples=300, deadline=None)
    @given(st.binary(max_size=300) | st.text(max_size=300).map(str.encode))
    def only_our_errors(raw: bytes) -> None:
        for name in ("fuzz.yaml", "fuzz.json"):
            problems = _problems(kb, raw, name)
            assert all(d.pos.line >= 1 and d.pos.column >= 1 for d in problems)

    only_our_errors()


def test_yaml_shaped_fuzz_gives_data_or_input_error(kb: KnowledgeBase) -> None:
    pieces = st.sampled_from(
        [
            "profile: 1\n",
            "id: x\n",
            "title: t\n",
            "summary: |\n  推荐\n",
            "capabilities: [",
            "]\n",
            "- ",
            "&a ",
            "*a ",
            "!!str ",
            "{",
            "}",
            ":",
            "\t",
            "'",
            '"',
            "\n",
            "  ",
            "NO",
            "06",
            ".nan",
            "1e999",
            "parameters: [{name: x, value: 1}]\n",
            "? ",
            "---\n",
            "<<: ",
        ]
    )

    @settings(max_examples=300, deadline=None)
    @given(st.lists(pieces, max_size=25).map("".join))
    def only_our_errors(text: str) -> None:
        _problems(kb, text.encode(), "fuzz.yaml")

    only_our_errors()


def test_script_and_width_variants_give_the_same_indications(kb: KnowledgeBase) -> None:
    """A Chinese term written in Traditional characters, and an English term in full-width
    capitals, indicate the same capabilities as written in the vocabulary."""
    import opencc

    to_traditional = opencc.OpenCC("s2t.json")
    terms = sorted(
        {t for c in kb.vocabulary.capabilities.values() for t in c.terms_zh + c.terms_en}
    )

    def caps(text: str) -> set[str]:
        return {cap for hit in kb.term_index.find(text) for cap in hit.capabilities}

    def full_width(text: str) -> str:
        return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text.upper())

    @settings(max_examples=200, deadline=None)
    @given(st.sampled_from(terms), st.sampled_from(["", "我们的", "Our "]))
    def variants_agree(term: str, prefix: str) -> None:
        text = f"{prefix}{term}。"
        expected = caps(text)
        assert expected, term
        if term.isascii():
            assert caps(f"{prefix}{full_width(term)}。") == expected
        else:
            assert caps(str(to_traditional.convert(text))) == expected

    variants_agree()


@pytest.mark.parametrize("config", ["s2t.json", "s2tw.json", "s2twp.json", "s2hk.json"])
def test_every_chinese_term_is_found_in_traditional_script(kb: KnowledgeBase, config: str) -> None:
    """Exhaustive over the vocabulary: each Chinese term, converted to a Traditional script,
    indicates what the Simplified term indicates (OpenCC's two directions are not inverses)."""
    import opencc

    converter = opencc.OpenCC(config)

    def caps(text: str) -> set[str]:
        return {cap for hit in kb.term_index.find(text) for cap in hit.capabilities}

    missed = [
        term
        for cap in kb.vocabulary.capabilities.values()
        for term in cap.terms_zh
        if caps(str(converter.convert(f"我们的{term}。"))) != caps(f"我们的{term}。")
    ]
    assert missed == []


def test_cli_only_our_errors_escape(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Arbitrary file contents and option combinations through the whole CLI: exit 0, 1 or 2,
    and never a traceback."""
    from click.testing import CliRunner

    from exportcheck.cli import cli

    folder = tmp_path_factory.mktemp("fuzz")
    runner = CliRunner()
    contents = st.one_of(
        st.binary(max_size=200),
        st.text(max_size=200).map(str.encode),
        profiles_text(),
    )

    @settings(
        max_examples=60,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(
        contents,
        st.sampled_from(["p.yaml", "p.json"]),
        st.sampled_from(["text", "json", "jsonl", "markdown", "sarif"]),
        st.sampled_from(["2009-01-01", "2021-06-30", "2025-09-01"]),
        st.sampled_from(["check", "explain"]),
    )
    def cli_survives(raw: bytes, name: str, fmt: str, as_of: str, command: str) -> None:
        path = folder / name
        path.write_bytes(raw)
        args = [command, str(path), "--as-of", as_of]
        args += ["--format", fmt if command == "check" else ("json" if fmt == "json" else "text")]
        result = runner.invoke(cli, args)
        assert result.exit_code in (0, 1, 2), (result.exit_code, result.output)
        assert "Traceback" not in result.output
        assert "internal error" not in result.output
        assert result.exception is None or isinstance(result.exception, SystemExit)

    cli_survives()


def profiles_text() -> st.SearchStrategy[bytes]:
    """Near-valid YAML profiles: the shapes where a real bug would hide."""
    fields = st.sampled_from(
        [
            "summary: 个性化推荐算法 and a recommender system\n",
            "capabilities: [recommendation.personalised-push]\n",
            "capabilities: [cathode.lfp-preparation]\n",
            "parameters: [{name: cathode.compaction-density, value: 2.6, unit: g/cm3}]\n",
            "parameters: [{name: cathode.compaction-density, value: 2.6}]\n",
            "not_capabilities: [speech.synthesis]\n",
            "sector: '65'\n",
            "sector: 65\n",
            "transfer: {mode: licence, destination: NO}\n",
            "summary: |\n  語音合成\n  推荐\n  算法\n",
            "title: ''\n",
            "bogus: 1\n",
        ]
    )
    return st.lists(fields, max_size=5).map(
        lambda parts: ("profile: 1\nid: fuzz\ntitle: t\n" + "".join(dict.fromkeys(parts))).encode()
    )


def _schema_patterns() -> list[str]:
    found: set[str] = set()

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("pattern"), str):
                found.add(node["pattern"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for name in SCHEMA_NAMES:
        walk(json.loads(schema_text(name)))
    return sorted(found)


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(_schema_patterns()),
    st.text(alphabet="az09AZ.-_# $\n\r", max_size=12),
)
def test_schema_patterns_read_as_ecma_262(pattern: str, text: str) -> None:
    """Every pattern of the bundled schemas reads as an ECMA-262 engine (jsonschema-rs's)
    reads it: "$" is the end of the string, even before a newline."""
    import jsonschema_rs

    rust = jsonschema_rs.validator_for({"type": "string", "pattern": pattern})
    assert bool(python_regex(pattern).search(text)) == rust.is_valid(text)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["\\ud83d", "\\ude00", "\\udbff", "\\udc00", "\\\\", "a", "中", "\\u4e2d", "\\\\ud800"]
        ),
        max_size=8,
    )
)
def test_lone_surrogate_escapes_are_found_exactly(pieces: list[str]) -> None:
    """The JSON reader refuses exactly the documents whose strings json.loads would leave
    holding half a surrogate pair (which no UTF-8 output can carry)."""
    from exportcheck.yamlsafe import _lone_surrogate

    text = '{"a": "' + "".join(pieces) + '"}'
    holds_half = any(0xD800 <= ord(ch) <= 0xDFFF for ch in json.loads(text)["a"])
    assert (_lone_surrogate(text) is not None) == holds_half


@settings(max_examples=40, deadline=None)
@given(st.integers(min_value=1, max_value=5000), st.sampled_from(["[", '{"k": ']))
def test_json_nesting_at_any_depth_loads_or_is_refused_with_e110(depth: int, opener: str) -> None:
    """json.loads recurses; past the interpreter's limit it raises RecursionError. Every
    depth either loads or is refused as too deep, with a position."""
    closer = "]" if opener == "[" else "}"
    raw = ('{"x": ' + opener * depth + "1" + closer * depth + "}").encode()
    if depth < 64:
        assert load_bytes(raw, "deep.json").data["x"] is not None
    else:
        with pytest.raises(InputError) as refused:
            load_bytes(raw, "deep.json")
        assert [d.code for d in refused.value.diagnostics] == ["E110"]
