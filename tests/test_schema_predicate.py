"""The compiled schema predicate gives jsonschema's verdict, and is what checking uses."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exportcheck.schema import is_valid, python_regex, schema_text, validator
from exportcheck.schema_predicate import compile_predicate, json_equal


def _compile(schema: Any) -> Any:
    return compile_predicate(schema, lambda pattern: python_regex(pattern).search)


PROFILE_SCHEMA = json.loads(schema_text("profile"))
PROFILE = _compile(PROFILE_SCHEMA)

# Values near the profile schema's edges: valid and invalid ids, capability ids with and
# without a dot, numbers that are and are not JSON numbers, "1" vs 1 vs true vs 1.0.
_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-3, max_value=3),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from(
        [
            "",
            "a",
            "ok-id",
            "Bad Id",
            "id\n",
            "ai.push",
            "ai.push\n",
            "ai",
            "a.b-c.d",
            "ai..push",
            "US",
            "us",
            "USA",
            "06",
            "0601",
            "6",
            "assignment",
            "licence",
            "license",
            "kW",
            "x" * 41,
            "x" * 1001,
        ]
    ),
    st.text(max_size=5),
)
_values = st.recursive(
    _scalars,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            st.sampled_from(["name", "value", "unit", "mode", "destination", "recipient", "x"]),
            inner,
            max_size=4,
        )
    ),
    max_leaves=12,
)
_cap = st.sampled_from(["ai.push", "a.b-c.d", "x1.y2"])
_bad_cap = st.sampled_from(["ai", "ai..push", "Ai.push", "ai.push\n", 7])


def _near(valid: st.SearchStrategy[Any], invalid: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """Valid values nine times in ten, else a near miss or anything: with several fields in
    a document, both verdicts come up often."""
    return st.integers(0, 9).flatmap(lambda i: valid if i else st.one_of(invalid, _values))


_caps = _near(st.lists(_cap, max_size=3, unique=True), st.lists(st.one_of(_cap, _bad_cap)))
_fields: dict[str, st.SearchStrategy[Any]] = {
    "summary": _near(st.text(max_size=20), st.just(None)),
    "capabilities": _caps,
    "not_capabilities": _caps,
    "parameters": _near(
        st.lists(
            st.fixed_dictionaries(
                {
                    "name": _near(_cap, _bad_cap),
                    "value": _near(st.integers() | st.floats(), st.booleans()),
                },
                optional={"unit": _near(st.sampled_from(["kW", "nm"]), st.just("x" * 41))},
            ),
            max_size=2,
        ),
        st.just([{"name": "ai.push", "value": 1, "x": 1}]),
    ),
    "sector": _near(st.sampled_from(["06", "0601", "060101"]), st.sampled_from(["6", "ab", 6])),
    "transfer": _near(
        st.fixed_dictionaries(
            {},
            optional={
                "mode": _near(st.sampled_from(["assignment", "licence"]), st.just("license")),
                "destination": _near(st.sampled_from(["US", "NO"]), st.sampled_from(["us", "USA"])),
                "recipient": _near(st.text(max_size=5), st.just("x" * 1001)),
            },
        ),
        st.just({"x": 1}),
    ),
}
_document = st.fixed_dictionaries(
    {
        "profile": _near(st.sampled_from([1, 1.0]), st.sampled_from([True, "1", 2])),
        "id": _near(st.sampled_from(["ok-id", "a.b_c-9"]), st.sampled_from(["Bad Id", "id\n", ""])),
        "title": _near(st.text(min_size=1, max_size=5), st.just("")),
    },
    optional={**_fields, "extra": _values},
)


def _maybe_drop_one(document: dict[str, Any]) -> st.SearchStrategy[dict[str, Any]]:
    without = [{k: v for k, v in document.items() if k != key} for key in document]
    return _near(st.just(document), st.sampled_from(without))


profile_like = st.one_of(_values, *[_document.flatmap(_maybe_drop_one)] * 3)


def test_the_profile_schema_compiles() -> None:
    """If it stopped compiling, checking would silently fall back to jsonschema (~50x slower)."""
    assert PROFILE is not None


@settings(max_examples=1500, deadline=None)
@given(profile_like)
def test_predicate_agrees_with_jsonschema_on_profiles(document: Any) -> None:
    assert PROFILE(document) == validator("profile").is_valid(document)
    assert is_valid(document, "profile") == PROFILE(document)


@pytest.mark.parametrize(
    ("one", "two", "equal"),
    [
        (1, 1.0, True),
        (True, 1, False),
        (False, 0, False),
        (True, True, True),
        ([1, True], [1.0, True], True),
        ([1], [True], False),
        ({"a": 1}, {"a": 1.0}, True),
        ({"a": 1}, {"a": True}, False),
        ({"a": 1}, {"b": 1}, False),
        ("1", 1, False),
        (None, None, True),
        (float("nan"), float("nan"), False),  # two NaN objects; the same one is itself
    ],
)
def test_json_equality(one: Any, two: Any, equal: bool) -> None:
    assert json_equal(one, two) is equal
    assert json_equal(two, one) is equal


_schemas = st.sampled_from(
    [
        {"type": "integer"},
        {"type": ["string", "null"]},
        {"const": 1},
        {"enum": [1, "a", None, [True]]},
        {"type": "array", "uniqueItems": True},
        {"type": "array", "items": {"type": "number"}, "uniqueItems": True},
        {"minLength": 2, "maxLength": 3},
        {"pattern": "^[a-z]+$"},
        {"properties": {"a": {"type": "string"}}, "additionalProperties": {"type": "integer"}},
        {"required": ["a"], "additionalProperties": False},
        {"items": False},
        # The shapes the compiler specialises (typed string, object, array; bare const).
        {"type": "string", "minLength": 2, "maxLength": 3, "pattern": "^[ab1]+$"},
        {"type": "object", "properties": {"a": {"const": 1}}, "additionalProperties": False},
        {"type": "object", "required": ["a"], "additionalProperties": {"type": "string"}},
        {"type": "array", "items": {"type": "string", "maxLength": 2}, "uniqueItems": True},
        # Combinators, counts and references (the data schemas use them).
        {"anyOf": [{"type": "string"}, {"type": "null"}]},
        {"oneOf": [{"type": "number"}, {"type": "integer"}]},
        {"not": {"type": "object"}},
        {"type": "array", "minItems": 1, "maxItems": 2},
        {"type": "object", "minProperties": 1, "maxProperties": 2},
        {"type": "object", "propertyNames": {"pattern": "^a"}},
        {
            "$defs": {"tree": {"type": ["array", "string"], "items": {"$ref": "#/$defs/tree"}}},
            "$ref": "#/$defs/tree",
        },
        True,
        False,
    ]
)
_any_json = st.recursive(
    st.none() | st.booleans() | st.integers(-2, 2) | st.floats(-2, 2) | st.text("ab1", max_size=4),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text("ab", max_size=2), inner),
    max_leaves=10,
)


@settings(max_examples=800, deadline=None)
@given(_schemas, _any_json)
def test_each_keyword_agrees_with_jsonschema(schema: Any, document: Any) -> None:
    from jsonschema import Draft202012Validator

    assert _compile(schema)(document) == Draft202012Validator(schema).is_valid(document)


@pytest.mark.parametrize(
    "schema",
    [
        {"if": {"type": "string"}, "then": {"minLength": 1}},
        {"$ref": "#/$defs/x"},
        {"$ref": "other.json#/$defs/x", "$defs": {"x": True}},
        {"type": "string", "format": "email"},
    ],
)
def test_unsupported_keywords_are_not_compiled(schema: dict[str, Any]) -> None:
    """Anything beyond the known keywords is left to jsonschema, never half-checked."""
    assert _compile(schema) is None
    assert _compile({"properties": {"nested": schema}}) is None


def _data_documents() -> list[tuple[str, Any]]:
    """Every bundled catalogue, vocabulary, rules and policy-test document, with its schema."""
    from exportcheck.paths import default_catalog_dir, default_rules_dir
    from exportcheck.yamlsafe import load_file

    kinds = {
        "entry": "catalog",
        "regime": "regime",
        "vocabulary": "vocabulary",
        "rules": "rules",
        "policy-tests": "test",
    }
    found = []
    for root in (default_catalog_dir(), default_rules_dir()):
        for path in sorted(root.rglob("*.yaml")):
            data = load_file(path).data
            if isinstance(data, dict) and data.get("kind") in kinds:
                found.append((kinds[data["kind"]], data))
    return found


DATA = _data_documents()


def _mutations(data: Any) -> st.SearchStrategy[Any]:
    """The document with one value somewhere replaced, or one key dropped."""
    import copy

    paths: list[tuple[Any, ...]] = []

    def walk(node: Any, path: tuple[Any, ...]) -> None:
        if len(paths) > 400:
            return
        paths.append(path)
        if isinstance(node, dict):
            for key, value in node.items():
                walk(value, (*path, key))
        elif isinstance(node, list):
            for i, value in enumerate(node[:5]):
                walk(value, (*path, i))

    walk(data, ())

    def apply(path: tuple[Any, ...], replacement: Any, drop: bool) -> Any:
        doc = copy.deepcopy(data)
        if not path:
            return replacement
        parent = doc
        for step in path[:-1]:
            parent = parent[step]
        if drop and isinstance(parent, dict):
            del parent[path[-1]]
        else:
            parent[path[-1]] = replacement
        return doc

    return st.builds(apply, st.sampled_from(paths), _values, st.booleans())


def test_every_bundled_schema_compiles() -> None:
    from exportcheck.schema import SCHEMA_NAMES

    for name in SCHEMA_NAMES:
        assert _compile(json.loads(schema_text(name))) is not None, name


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(DATA).flatmap(lambda d: st.tuples(st.just(d[0]), _mutations(d[1]))))
def test_predicate_agrees_with_jsonschema_on_mutated_data(case: tuple[str, Any]) -> None:
    schema, document = case
    assert is_valid(document, schema) == validator(schema).is_valid(document)


def test_every_bundled_schema_reads_the_same_as_yaml_and_as_json() -> None:
    """The predicates read the schemas with the YAML loader (no json import at start-up):
    JSON is YAML, but only if every bundled schema gives exactly what json.loads gives."""
    import json

    from exportcheck.schema import SCHEMA_NAMES, schema_text
    from exportcheck.yamlsafe import load_yaml_text

    for name in SCHEMA_NAMES:
        text = schema_text(name)
        assert load_yaml_text(text, name).data == json.loads(text), name
