"""Technology profiles, format 1 (design §3.3 — a contract): load, validate, model.

Shape is checked by the JSON Schema; meaning (vocabulary ids, units, finite numbers,
contradictions) against the vocabulary. Every problem is reported, not just the first.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from exportcheck.diagnostics import Diagnostic, Severity, SourcePos, did_you_mean
from exportcheck.errors import InputError
from exportcheck.model import VocabParameter, Vocabulary
from exportcheck.msgspeclib import msgspec
from exportcheck.paths import printable
from exportcheck.schema import check_document, is_valid, not_a_finite_number
from exportcheck.units import UnitError, convert, is_known
from exportcheck.yamlsafe import PROFILE_MAX_BYTES, Document, load_bytes, read_bytes

if TYPE_CHECKING:
    from exportcheck.paths import StrPath


class StatedParameter(msgspec.Struct, frozen=True):
    name: str
    value: float
    unit: str
    index: int


class Transfer(msgspec.Struct, frozen=True):
    mode: str | None
    destination: str | None
    recipient: str | None


class Profile(msgspec.Struct, frozen=True):
    id: str
    title: str
    summary: str
    capabilities: tuple[str, ...]
    not_capabilities: tuple[str, ...]
    parameters: tuple[StatedParameter, ...]
    sector: str | None
    transfer: Transfer | None
    doc: Document
    warnings: tuple[Diagnostic, ...] = ()

    @property
    def path(self) -> str:
        return self.doc.path


def _resolved(ids: list[str] | None, vocabulary: Vocabulary) -> tuple[str, ...]:
    return tuple(vocabulary.resolve(cap) or cap for cap in ids or ())


# Problems described one by one in a list; past this, the rest are counted in one line (a
# did-you-mean for each of 60,000 unknown ids took 8 s and helped nobody).
DETAILED_PROBLEMS = 20


def _semantic_problems(doc: Document, vocabulary: Vocabulary) -> list[Diagnostic]:
    data = doc.data
    problems: list[Diagnostic] = []
    caps = list(vocabulary.capabilities)
    for key in ("capabilities", "not_capabilities"):
        unknown = [
            (i, cap) for i, cap in enumerate(data.get(key) or ()) if vocabulary.resolve(cap) is None
        ]
        problems.extend(
            Diagnostic(
                "E401",
                "unknown-capability",
                f"{key}[{i}]: unknown capability {cap!r}",
                doc.pos([key, i]),
                did_you_mean(cap, caps) or "find the id with 'exportcheck catalog search WORDS'",
            )
            for i, cap in unknown[:DETAILED_PROBLEMS]
        )
        if len(unknown) > DETAILED_PROBLEMS:
            first = unknown[DETAILED_PROBLEMS][0]
            problems.append(
                Diagnostic(
                    "E401",
                    "unknown-capability",
                    f"{key}[{first}] and after: {len(unknown) - DETAILED_PROBLEMS} more "
                    "unknown capabilities",
                    doc.pos([key, first]),
                    "find the ids with 'exportcheck catalog search WORDS'",
                )
            )
    both = sorted(
        set(_resolved(data.get("capabilities"), vocabulary))
        & set(_resolved(data.get("not_capabilities"), vocabulary))
    )
    problems.extend(
        Diagnostic(
            "E404",
            "asserted-and-denied",
            f"capability {cap!r} is both asserted and denied",
            doc.pos(
                ["not_capabilities", _resolved(data["not_capabilities"], vocabulary).index(cap)]
            ),
            "remove it from one of capabilities / not_capabilities",
        )
        for cap in both
    )
    problems.extend(_text_problems(doc))
    params = data.get("parameters") or ()
    first_at: dict[str, int] = {}
    for i, param in enumerate(params):
        name = str(param["name"])
        if name in first_at:
            problems.append(
                Diagnostic(
                    "E407",
                    "duplicate-parameter",
                    f"parameters[{i}]: {name} is already given at parameters[{first_at[name]}]",
                    doc.pos(["parameters", i, "name"]),
                    "give each parameter once: with two values the check could not tell which "
                    "one the technology has",
                )
            )
        first_at.setdefault(name, i)
    found = 0
    for i, param in enumerate(params):
        if found >= DETAILED_PROBLEMS:
            problems.append(
                Diagnostic(
                    "E406",
                    "unchecked-parameters",
                    f"parameters[{i}] and after: {len(params) - i} more parameters not checked",
                    doc.pos(["parameters", i]),
                    "fix the problems above first",
                )
            )
            break
        described = _parameter_problems(doc, vocabulary, param, i)
        found += len(described)
        problems.extend(described)
    return problems


SUMMARY_MAX_BYTES = 64 * 1024  # design §3.3: "any length up to 64 KiB"


def _text_problems(doc: Document) -> list[Diagnostic]:
    """What the schema cannot say: a title of blanks, a summary over 64 KiB in UTF-8 (the
    schema counts characters, and a Chinese character takes three bytes)."""
    data = doc.data
    problems = []
    if not str(data["title"]).strip():
        problems.append(
            Diagnostic(
                "E206",
                "out-of-range",
                "title is blank",
                doc.pos(["title"]),
                "name the technology (zh and/or en)",
            )
        )
    summary = data.get("summary")
    # (A character is at most 4 bytes: a summary of up to 16 Ki characters needs no count.)
    if isinstance(summary, str) and len(summary) * 4 > SUMMARY_MAX_BYTES:
        size = len(summary.encode("utf-8", "surrogatepass"))
        if size > SUMMARY_MAX_BYTES:
            problems.append(
                Diagnostic(
                    "E206",
                    "out-of-range",
                    f"summary is {size:,} bytes in UTF-8; the limit is {SUMMARY_MAX_BYTES:,} "
                    "(64 KiB)",
                    doc.pos(["summary"]),
                    "keep the description of the technology; attach long documents elsewhere",
                )
            )
    return problems


def _range_problems(
    doc: Document, known: VocabParameter, value: float, param: dict[str, object], i: int
) -> list[Diagnostic]:
    """A value the quantity cannot have (a negative density, 978 % efficiency) is a typo or a
    wrong unit, not a fact to compare with a threshold."""
    low, high = known.minimum, known.maximum
    if (low is None or value >= low) and (high is None or value <= high):
        return []
    if low is not None and high is not None:
        what = f"{low:g} to {high:g}"
    else:
        what = f"at least {low:g}" if low is not None else f"at most {high:g}"
    stated = f"{param['value']} {param.get('unit') or ''}".strip()
    return [
        Diagnostic(
            "E408",
            "implausible-value",
            f"parameters[{i}]: {known.id} = {stated} is outside what it can be "
            f"({what} {known.unit})",
            doc.pos(["parameters", i, "value"]),
            "check the value and its unit (97.8 %, not 978 %)",
        )
    ]


def _parameter_problems(
    doc: Document, vocabulary: Vocabulary, param: dict[str, object], i: int
) -> list[Diagnostic]:
    name = str(param["name"])
    known = vocabulary.parameters.get(name)
    if known is None:
        return [
            Diagnostic(
                "E402",
                "unknown-parameter",
                f"parameters[{i}]: unknown parameter {name!r}",
                doc.pos(["parameters", i, "name"]),
                did_you_mean(name, list(vocabulary.parameters)),
            )
        ]
    problem = not_a_finite_number(param["value"])
    if problem is not None:
        return [
            Diagnostic(
                "E405",
                "not-finite",
                f"parameters[{i}]: {problem}",
                doc.pos(["parameters", i, "value"]),
                "state a measured value",
            )
        ]
    unit = str(param.get("unit") or "")
    if is_known(unit):
        try:
            value = convert(float(param["value"]), unit, known.unit)  # type: ignore[arg-type]
        except UnitError:
            problem = f"{unit or 'no unit'} cannot be converted to {known.unit}"
        else:
            return _range_problems(doc, known, value, param, i)
    else:
        problem = f"unknown unit {unit!r}"
    return [
        Diagnostic(
            "E403",
            "bad-unit",
            f"parameters[{i}]: {problem}",
            doc.pos(["parameters", i, "unit" if "unit" in param else "name"]),
            f"{name} is measured in {known.unit}",
        )
    ]


def _is_a_report(data: object) -> bool:
    """Our JSON or SARIF output, met in a corpus (a report from an earlier run)."""
    return (
        isinstance(data, dict)
        and "profile" not in data
        and (("format" in data and "results" in data) or ("$schema" in data and "runs" in data))
    )


def profile_from_document(doc: Document, vocabulary: Vocabulary) -> Profile:
    """Validate a loaded document and model it; raises :class:`InputError` with every problem."""
    if not is_valid(doc.data, "profile"):
        # The compiled predicate only says yes/no (and agrees with jsonschema, a property
        # test holds it to that); jsonschema names the problems. Numbers JSON cannot hold
        # (inf, NaN) pass both and are reported by the semantic checks below.
        if _is_a_report(doc.data):
            raise InputError(
                [
                    Diagnostic(
                        "E210",
                        "unknown-kind",
                        "this is an exportcheck report, not a profile",
                        doc.pos(),
                        "keep reports out of the directories you check (or write them there "
                        "with --output, which a later run skips)",
                    )
                ]
            )
        problems = check_document(doc, "profile")
        if problems:
            raise InputError(problems)
    problems = _semantic_problems(doc, vocabulary)
    if problems:
        raise InputError(problems)
    data = doc.data
    transfer = data.get("transfer")
    return Profile(
        id=data["id"],
        title=data["title"],
        summary=data.get("summary") or "",
        capabilities=_resolved(data.get("capabilities"), vocabulary),
        not_capabilities=_resolved(data.get("not_capabilities"), vocabulary),
        parameters=tuple(
            StatedParameter(p["name"], float(p["value"]), p.get("unit") or "", i)
            for i, p in enumerate(data.get("parameters") or ())
        ),
        sector=data.get("sector"),
        transfer=Transfer(
            transfer.get("mode"), transfer.get("destination"), transfer.get("recipient")
        )
        if transfer
        else None,
        doc=doc,
        warnings=_ambiguity_warnings(doc),
    )


def _ambiguity_warnings(doc: Document) -> tuple[Diagnostic, ...]:
    """Unquoted scalars that other YAML readers would read differently: exportcheck reads
    them as written (``NO`` is Norway, ``06`` a code), but says so, so files stay portable."""
    warnings = []
    for line, column, text in doc.ambiguous:
        other = "a boolean" if text.isalpha() else "a number"
        warnings.append(
            Diagnostic(
                "W114",
                "ambiguous-scalar",
                f"{text} is read as the text {text!r}; YAML 1.1 readers read it as {other}",
                SourcePos(doc.path, line, column),
                f'quote it ("{text}") so every YAML reader agrees',
                severity=Severity.WARNING,
            )
        )
    return tuple(warnings)


def load_profile_bytes(
    raw: bytes, display: str, vocabulary: Vocabulary, *, max_bytes: int = PROFILE_MAX_BYTES
) -> Profile:
    return profile_from_document(load_bytes(raw, display, max_bytes=max_bytes), vocabulary)


def load_profile_file(
    path: StrPath,
    vocabulary: Vocabulary,
    *,
    display: str | None = None,
    max_bytes: int = PROFILE_MAX_BYTES,
) -> Profile:
    name = display if display is not None else printable(path)
    return load_profile_bytes(
        read_bytes(path, name, max_bytes), name, vocabulary, max_bytes=max_bytes
    )
