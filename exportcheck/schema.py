"""JSON Schema validation of loaded documents, reported as positioned diagnostics.

Validators are built once per schema and reused: building one costs ~20x a validation.
"""

from __future__ import annotations

import math
import os
import re
import sys
from collections.abc import Callable, Iterator
from functools import cache
from typing import TYPE_CHECKING, Any

from exportcheck.diagnostics import Diagnostic, did_you_mean

if TYPE_CHECKING:
    from jsonschema import ValidationError
    from jsonschema.protocols import Validator

    from exportcheck.yamlsafe import Document

SCHEMA_NAMES = {
    "profile": "profile.v1",
    "catalog": "catalog-entry",
    "regime": "catalog-regime",
    "vocabulary": "vocabulary",
    "rules": "rules",
    "test": "policytest",
    "output": "output.v1",
}

_CODES = {
    "type": ("E201", "wrong-type"),
    "additionalProperties": ("E202", "unknown-key"),
    "required": ("E203", "missing-key"),
    "enum": ("E204", "not-allowed"),
    "const": ("E204", "not-allowed"),
    "pattern": ("E205", "bad-format"),
    "propertyNames": ("E205", "bad-format"),
}
_RANGE = {
    "minLength",
    "maxLength",
    "minItems",
    "maxItems",
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "exclusiveMaximum",
    "minProperties",
    "maxProperties",
}
_TYPE_NAMES = {
    "string": "a string",
    "number": "a number",
    "integer": "an integer",
    "object": "a mapping",
    "array": "a list",
    "boolean": "true or false",
    "null": "null",
}


def schema_text(name: str) -> str:
    """The JSON text of a bundled schema (``profile``, ``catalog``, ``rules``…)."""
    file = SCHEMA_NAMES.get(name, name) + ".json"
    path = os.path.join(os.path.dirname(__file__), "schemas", file)
    with open(path, encoding="utf-8") as handle:
        return handle.read()


@cache
def validator(name: str) -> Validator:
    import json

    from jsonschema import Draft202012Validator, validators

    # JSON Schema patterns are ECMA-262 regexes, where "$" is the end of the string; in
    # Python's re it also matches before a final newline, so "abc\n" passed "^[a-z]+$" here
    # while jsonschema-rs refused it.
    ecma = validators.extend(Draft202012Validator, {"pattern": _ecma_pattern})
    schema = json.loads(schema_text(name))
    checker: Validator = ecma(schema)
    return checker


def _ecma_pattern(
    validator: Validator, pattern: str, instance: Any, _schema: Any
) -> Iterator[ValidationError]:
    from jsonschema import ValidationError

    if validator.is_type(instance, "string") and not python_regex(pattern).search(instance):
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


@cache
def python_regex(pattern: str) -> re.Pattern[str]:
    """An ECMA-262 pattern for Python's re: each "$" anchor (not escaped, not in a character
    class) becomes "\\Z", the very end of the string."""
    out: list[str] = []
    in_class = escaped = False
    for ch in pattern:
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "$":
            out.append("\\Z")
            continue
        out.append(ch)
    return re.compile("".join(out))


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return f"boolean {str(value).lower()}"
    if isinstance(value, int | float):
        return f"number {value!r}"
    if isinstance(value, str):
        return f"string {value!r}" if len(value) <= 40 else "a long string"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return "null" if value is None else type(value).__name__


def _type_message(error: ValidationError) -> tuple[str, str | None]:
    expected = error.validator_value
    names = [expected] if isinstance(expected, str) else list(expected)
    wanted = " or ".join(_TYPE_NAMES.get(n, n) for n in names)
    hint = None
    if "string" in names and isinstance(error.instance, bool | int | float | type(None)):
        hint = "quote the value so it is read as text"
    return f"expected {wanted}, got {_describe(error.instance)}", hint


def _unknown_keys(error: ValidationError) -> list[tuple[str, str | None]]:
    allowed = list(error.schema.get("properties", {}))
    extra = sorted(set(error.instance) - set(allowed)) if isinstance(error.instance, dict) else []
    return [(key, did_you_mean(key, allowed)) for key in extra]


def _to_diagnostics(error: ValidationError, doc: Document) -> list[Diagnostic]:
    path = list(error.absolute_path)
    validator_name = str(error.validator)
    code, name = _CODES.get(validator_name, ("E209", "schema-violation"))
    if validator_name in _RANGE:
        code, name = "E206", "out-of-range"
    where = "/".join(str(p) for p in path) or "document"
    if validator_name == "additionalProperties":
        return [
            Diagnostic(
                code,
                name,
                f"unknown key {key!r} in {where}",
                doc.key_pos([*path, key]),
                hint or f"allowed keys: {', '.join(sorted(error.schema.get('properties', {})))}",
            )
            for key, hint in _unknown_keys(error)
        ]
    hint: str | None = None
    if validator_name == "type":
        message, hint = _type_message(error)
        message = f"{where}: {message}"
    elif validator_name == "required":
        message = f"{where}: {error.message}"
    elif validator_name in {"enum", "const"}:
        import json

        options = error.validator_value if validator_name == "enum" else [error.validator_value]
        message = f"{where}: {_describe(error.instance)} is not allowed; expected one of: " + (
            ", ".join(json.dumps(o, ensure_ascii=False) for o in options)
        )
        if isinstance(error.instance, str):
            hint = did_you_mean(error.instance, [str(o) for o in options])
    elif validator_name == "pattern":
        message = f"{where}: {_describe(error.instance)} does not match {error.validator_value}"
    elif validator_name in _RANGE_MESSAGES:
        message = f"{where}: " + _RANGE_MESSAGES[validator_name].format(
            limit=_number(error.validator_value), size=_number(_size(error.instance))
        )
        hint = _RANGE_HINTS.get(validator_name)
    elif validator_name == "uniqueItems":
        code, name = "E207", "duplicate-item"
        message = f"{where}: the list repeats an item"
        hint = "list each item once"
    else:
        message = f"{where}: {error.message}"
    if len(message) > _MAX_MESSAGE:  # jsonschema quotes whole instances; a 64 KiB one is noise
        message = message[: _MAX_MESSAGE - 1] + "…"
    return [Diagnostic(code, name, message, doc.pos(path), hint)]


_MAX_MESSAGE = 300
_RANGE_MESSAGES = {
    "minLength": "must have at least {limit} character(s)",
    "maxLength": "is {size} characters long; at most {limit} are allowed",
    "minItems": "must have at least {limit} item(s)",
    "maxItems": "has {size} items; at most {limit} are allowed",
    "minimum": "must be at least {limit}",
    "maximum": "must be at most {limit}",
    "exclusiveMinimum": "must be greater than {limit}",
    "exclusiveMaximum": "must be less than {limit}",
    "minProperties": "must not be empty",
}


_RANGE_HINTS = {
    "minLength": "write the text: an empty value says nothing",
    "maxLength": "shorten it (describe the technology; long documents belong elsewhere)",
    "minItems": "list at least one item: an empty list says nothing",
    "maxItems": "list fewer items, or split the description into several profiles",
}


def _number(value: Any) -> Any:
    """Counts and limits with thousands separators (65,536): they are read, not parsed."""
    return f"{value:,}" if isinstance(value, int) and not isinstance(value, bool) else value


def _size(value: Any) -> int:
    return len(value) if isinstance(value, str | list | dict) else 0


def _best(error: ValidationError) -> ValidationError:
    """For ``anyOf``/``oneOf``, the sub-error that most likely names the real problem."""
    if error.context:
        from jsonschema.exceptions import best_match

        found = best_match(error.context)
        if found is not None:
            return _best(found)
    return error


def check_document(doc: Document, schema: str, *, verbose: bool = False) -> list[Diagnostic]:
    """All schema problems of ``doc``, best match first for alternatives."""
    out: list[Diagnostic] = []
    # A valid document needs no detailed walk: the compiled predicate says so ~50x faster.
    fast_valid = _compiled(schema) is not None and is_valid(doc.data, schema)
    for error in () if fast_valid else validator(schema).iter_errors(doc.data):
        best = _best(error)
        found = _to_diagnostics(best, doc)
        others = [e for e in error.context or () if e is not best]
        if verbose:
            found += [d for other in others for d in _to_diagnostics(other, doc)]
        elif others and found:
            first = found[0]
            more = (
                f"{len(others)} other alternative(s) also failed; "
                "'exportcheck validate -v' lists them"
            )
            found[0] = Diagnostic(
                first.code,
                first.name,
                first.message,
                first.pos,
                f"{first.hint}; {more}" if first.hint else more,
            )
        out.extend(found)
    if schema in _DATA_SCHEMAS:
        out.extend(_non_finite_numbers(doc))
    if len(out) > SHOWN_PROBLEMS and not verbose:
        rest = len(out) - SHOWN_PROBLEMS
        out[SHOWN_PROBLEMS:] = [
            Diagnostic(
                "E209",
                "schema-violation",
                f"{rest} more problems of the same document not shown",
                out[SHOWN_PROBLEMS].pos,
                "fix the ones above first, or list all with 'exportcheck validate -v'",
            )
        ]
    return out


SHOWN_PROBLEMS = 50  # per document; a list of 60,000 bad items needs no 60,000 lines


# Catalogue and rules data, where a number is a threshold: JSON Schema's "number" lets NaN,
# infinity and integers beyond the float range through, and each would break comparisons or
# unit conversion later. (Profiles report such values themselves, per parameter: E405.)
_DATA_SCHEMAS = frozenset({"catalog", "regime", "vocabulary", "rules"})


def not_a_finite_number(value: Any) -> str | None:
    """Why a loaded number can be neither compared nor converted: NaN, infinity, or an
    integer beyond the float range (1.8e308); None for any other value."""
    if isinstance(value, float) and not math.isfinite(value):
        return f"{value!r} is not a finite number"
    if isinstance(value, int) and abs(value) > sys.float_info.max:
        return f"a number with {len(str(abs(value)))} digits is beyond the floating-point range"
    return None


def _non_finite_numbers(doc: Document) -> Iterator[Diagnostic]:
    def walk(value: Any, path: tuple[str | int, ...]) -> Iterator[Diagnostic]:
        if isinstance(value, dict):
            for key, item in value.items():
                yield from walk(item, (*path, key))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                yield from walk(item, (*path, index))
        elif problem := not_a_finite_number(value):
            yield Diagnostic(
                "E206",
                "out-of-range",
                f"{'/'.join(map(str, path))}: {problem}",
                doc.pos(path),
                "write the value as a finite number",
            )

    return walk(doc.data, ())


@cache
def _compiled(name: str) -> Callable[[Any], bool] | None:
    from exportcheck.schema_predicate import compile_predicate
    from exportcheck.yamlsafe import load_yaml_text

    # Read with the YAML loader a check has already imported, not json (~1.4 ms of a
    # one-profile check's start-up): JSON is YAML, and a test holds every bundled schema
    # to json.loads.
    schema = load_yaml_text(schema_text(name), f"<schema {name}>").data
    return compile_predicate(schema, lambda pattern: python_regex(pattern).search)


@cache
def _predicate(name: str) -> Callable[[Any], bool]:
    """The schema compiled to a yes/no predicate (a few us per profile, nothing to import);
    jsonschema's own ``is_valid`` for a schema beyond the compiler's keywords. Either way
    the detailed diagnostics of an invalid document come from jsonschema."""
    compiled = _compiled(name)
    return compiled if compiled is not None else validator(name).is_valid


def is_valid(data: Any, schema: str) -> bool:
    return bool(_predicate(schema)(data))
