"""A JSON Schema compiled into a plain yes/no predicate, for the hot path of checking profiles.

Checking a profile asks one question of its schema, "is it valid?"; only an invalid profile
needs jsonschema's positioned, explained errors. The profile schema uses a handful of
draft 2020-12 keywords, so it compiles into nested closures that answer in a few
microseconds with nothing to import. A schema that uses any other keyword is not compiled
(``None``), and its callers keep jsonschema. A property test holds the predicate to
jsonschema's verdict on generated documents.

Equality is JSON's, as in jsonschema: ``true`` is not ``1``, ``1`` is ``1.0``.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from typing import Any

Predicate = Callable[[Any], bool]

# Keywords that only annotate: they never change the verdict.
_ANNOTATIONS = frozenset(
    {"$schema", "$id", "$comment", "title", "description", "default", "examples"}
)
_SUPPORTED = _ANNOTATIONS | {
    "type",
    "const",
    "enum",
    "pattern",
    "minLength",
    "maxLength",
    "properties",
    "additionalProperties",
    "required",
    "items",
    "uniqueItems",
    "minItems",
    "maxItems",
    "minProperties",
    "maxProperties",
    "propertyNames",
    "anyOf",
    "oneOf",
    "not",
    "$ref",
    "$defs",
}


class UnsupportedSchemaError(Exception):
    """The schema uses a keyword this compiler does not implement."""


class _Context:
    """What compiling one schema shares: the pattern reader, and its $defs, each compiled
    once on first reference (so recursive definitions work)."""

    def __init__(self, regex: Callable[[str], Any], root: Mapping[str, Any] | bool) -> None:
        self.regex = regex
        self.defs: Mapping[str, Any] = root.get("$defs", {}) if isinstance(root, Mapping) else {}
        self.compiled: dict[str, Predicate] = {}

    def ref(self, target: str) -> Predicate:
        name = target.removeprefix("#/$defs/")
        if name == target or name not in self.defs:
            raise UnsupportedSchemaError(f"$ref {target}")
        if name not in self.compiled:
            self.compiled[name] = _never  # a placeholder while compiling a recursive one
            self.compiled[name] = _compile(self.defs[name], self)
        compiled = self.compiled
        # Looked up at call time: a recursive definition is still compiling here.
        return lambda v: compiled[name](v)  # noqa: PLW0108


def compile_predicate(
    schema: Mapping[str, Any] | bool, regex: Callable[[str], Callable[[str], object]]
) -> Predicate | None:
    """A predicate equivalent to ``Draft202012Validator(schema).is_valid``, or ``None`` when
    the schema goes beyond the supported keywords. ``regex(pattern)`` returns the search
    function of the pattern as the caller reads ECMA-262 patterns."""
    try:
        return _compile(schema, _Context(regex, schema))
    except UnsupportedSchemaError:
        return None


def _compile(schema: Mapping[str, Any] | bool, ctx: _Context) -> Predicate:
    if schema is True:
        return _always
    if schema is False:
        return _never
    if not isinstance(schema, Mapping):
        raise UnsupportedSchemaError(repr(schema))
    unknown = set(schema) - _SUPPORTED
    if unknown:
        raise UnsupportedSchemaError(", ".join(sorted(unknown)))
    special = _specialised(schema, ctx)
    if special is not None:
        return special
    type_test = _type_check(schema["type"]) if "type" in schema else None
    options = (schema["const"],) if "const" in schema else tuple(schema.get("enum", ()))
    if "const" in schema and "enum" in schema:
        raise UnsupportedSchemaError("const with enum")
    search = ctx.regex(schema["pattern"]) if "pattern" in schema else None
    min_length = schema.get("minLength", 0)
    max_length = schema.get("maxLength", math.inf)
    obj = _object_check(schema, ctx) if _OBJECT_KEYWORDS & set(schema) else None
    arr = _array_check(schema, ctx) if _ARRAY_KEYWORDS & set(schema) else None
    combined = _combinators(schema, ctx)
    restricts = "const" in schema or "enum" in schema

    # One closure per schema with the keywords inlined: a tuple of per-keyword checks cost
    # twice as much per profile.
    def check(value: Any) -> bool:
        if type_test is not None and not type_test(value):
            return False
        if (restricts and not any(json_equal(value, option) for option in options)) or (
            combined is not None and not combined(value)
        ):
            return False
        if isinstance(value, str):
            return min_length <= len(value) <= max_length and (
                search is None or search(value) is not None
            )
        if isinstance(value, dict):
            return obj is None or obj(value)
        if isinstance(value, list):
            return arr is None or arr(value)
        return True

    return check


_ANNOTATED = frozenset(_ANNOTATIONS | {"$defs"})
_STRING_ONLY = frozenset({"type", "pattern", "minLength", "maxLength"})
_OBJECT_KEYWORDS = frozenset(
    {
        "properties",
        "additionalProperties",
        "required",
        "minProperties",
        "maxProperties",
        "propertyNames",
    }
)
_ARRAY_KEYWORDS = frozenset({"items", "uniqueItems", "minItems", "maxItems"})
_OBJECT_ONLY = _OBJECT_KEYWORDS | {"type"}
_ARRAY_ONLY = _ARRAY_KEYWORDS | {"type"}


def _specialised(schema: Mapping[str, Any], ctx: _Context) -> Predicate | None:
    """One closure for the common shapes: a typed string, object or array with only its own
    keywords, and a bare const. The profile schema is made of these; per profile they cost
    a third of the general closure, which calls a type test and checks every keyword."""
    keys = set(schema) - _ANNOTATED
    declared = schema.get("type")
    if declared == "string" and keys <= _STRING_ONLY:
        search = ctx.regex(schema["pattern"]) if "pattern" in schema else None
        low, high = schema.get("minLength", 0), schema.get("maxLength", math.inf)

        def string(v: Any) -> bool:
            return (
                isinstance(v, str)
                and low <= len(v) <= high
                and (search is None or search(v) is not None)
            )

        return string
    if declared == "object" and keys <= _OBJECT_ONLY:
        members = _object_check(schema, ctx)
        return lambda v: isinstance(v, dict) and members(v)
    if declared == "array" and keys <= _ARRAY_ONLY:
        items = _array_check(schema, ctx)
        return lambda v: isinstance(v, list) and items(v)
    if keys == {"const"}:
        const = schema["const"]
        return lambda v: json_equal(v, const)
    return None


def _always(_value: Any) -> bool:
    return True


def _never(_value: Any) -> bool:
    return False


_TYPES: dict[str, Predicate] = {
    "string": lambda v: isinstance(v, str),
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
    "number": lambda v: isinstance(v, int | float) and not isinstance(v, bool),
    "integer": lambda v: (
        (isinstance(v, int) and not isinstance(v, bool))
        or (isinstance(v, float) and v.is_integer())
    ),
}


def _type_check(declared: str | Sequence[str]) -> Predicate:
    names = [declared] if isinstance(declared, str) else list(declared)
    try:
        tests = tuple(_TYPES[name] for name in names)
    except KeyError as unknown:
        raise UnsupportedSchemaError(f"type {unknown}") from None
    if len(tests) == 1:
        return tests[0]
    return lambda value: any(test(value) for test in tests)


def _object_check(schema: Mapping[str, Any], ctx: _Context) -> Callable[[dict[Any, Any]], bool]:
    properties = {name: _compile(sub, ctx) for name, sub in schema.get("properties", {}).items()}
    additional = schema.get("additionalProperties", True)
    extra = None if additional is True else _compile(additional, ctx)
    required = tuple(schema.get("required", ()))
    low, high = schema.get("minProperties", 0), schema.get("maxProperties", math.inf)
    names = _compile(schema["propertyNames"], ctx) if "propertyNames" in schema else None

    def check(value: dict[Any, Any]) -> bool:
        if not low <= len(value) <= high:
            return False
        for name in required:
            if name not in value:
                return False
        if names is not None and not all(map(names, value)):
            return False
        for name, item in value.items():
            sub = properties.get(name)
            if sub is None:
                if extra is not None and not extra(item):
                    return False
            elif not sub(item):
                return False
        return True

    return check


def _array_check(schema: Mapping[str, Any], ctx: _Context) -> Callable[[list[Any]], bool]:
    each = _compile(schema.get("items", True), ctx)
    unique = bool(schema.get("uniqueItems"))
    low, high = schema.get("minItems", 0), schema.get("maxItems", math.inf)

    def check(value: list[Any]) -> bool:
        if not low <= len(value) <= high:
            return False
        if each is not _always and not all(map(each, value)):
            return False
        return not unique or _all_distinct(value)

    return check


def _combinators(schema: Mapping[str, Any], ctx: _Context) -> Predicate | None:
    """anyOf, oneOf, not and $ref: they apply to a value of any type."""
    checks: list[Predicate] = []
    if "anyOf" in schema:
        any_of = tuple(_compile(sub, ctx) for sub in schema["anyOf"])
        checks.append(lambda v: any(sub(v) for sub in any_of))
    if "oneOf" in schema:
        one_of = tuple(_compile(sub, ctx) for sub in schema["oneOf"])
        checks.append(lambda v: sum(1 for sub in one_of if sub(v)) == 1)
    if "not" in schema:
        negated = _compile(schema["not"], ctx)
        checks.append(lambda v: not negated(v))
    if "$ref" in schema:
        checks.append(ctx.ref(schema["$ref"]))
    if not checks:
        return None
    every = tuple(checks)
    return lambda v: all(check(v) for check in every)


def _all_distinct(items: list[Any]) -> bool:
    if all(type(item) is str for item in items):
        return len(set(items)) == len(items)  # linear for the usual list of ids
    return not any(
        json_equal(items[i], items[j]) for i in range(len(items)) for j in range(i + 1, len(items))
    )


def json_equal(one: Any, two: Any) -> bool:
    """JSON equality as jsonschema defines it: booleans are not numbers, ``1 == 1.0``,
    arrays and objects compare member by member."""
    if one is two:
        return True
    if isinstance(one, str) or isinstance(two, str):
        return bool(one == two)
    if isinstance(one, list) and isinstance(two, list):
        return len(one) == len(two) and all(map(json_equal, one, two))
    if isinstance(one, dict) and isinstance(two, dict):
        return one.keys() == two.keys() and all(json_equal(one[k], two[k]) for k in one)
    if isinstance(one, bool) or isinstance(two, bool):
        return isinstance(one, bool) and isinstance(two, bool) and one == two
    return bool(one == two)
