"""Load the interpretation: vocabulary (capabilities, parameters, terms) and rules.

Rules are data: a condition tree over capabilities, parameters and sector. A parameter test may
take its threshold from the catalogue (``catalog: <parameter id>``) so the law's number is
written once; that reference is resolved here, against the catalogue.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from exportcheck.catalog import text
from exportcheck.diagnostics import Diagnostic
from exportcheck.errors import InputError
from exportcheck.model import (
    Capability,
    Catalogue,
    Condition,
    ManualPoint,
    MeasuredAt,
    ParamTest,
    Rule,
    VocabParameter,
    Vocabulary,
)
from exportcheck.msgspeclib import msgspec
from exportcheck.paths import display_path
from exportcheck.schema import check_document
from exportcheck.yamlsafe import DataPath, Document, load_file

if TYPE_CHECKING:
    from pathlib import Path


class RuleSet(msgspec.Struct, frozen=True):
    rules: tuple[Rule, ...]
    manual: tuple[ManualPoint, ...]


class RuleDocuments(msgspec.Struct, frozen=True):
    vocabulary: tuple[Document, ...]
    rules: tuple[Document, ...]


def read_rule_documents(
    directory: Path, *, verbose: bool = False
) -> tuple[RuleDocuments, list[Diagnostic]]:
    """Every ``*.yaml`` under ``directory`` (not ``tests/``), sorted by kind via its ``kind``."""
    problems: list[Diagnostic] = []
    vocab: list[Document] = []
    rules: list[Document] = []
    for path in sorted(directory.glob("*.yaml")):
        try:
            doc = load_file(path, display=display_path(path))
        except InputError as exc:
            problems.extend(exc.diagnostics)
            continue
        kind = doc.data.get("kind") if isinstance(doc.data, dict) else None
        if kind == "vocabulary":
            problems.extend(check_document(doc, "vocabulary", verbose=verbose))
            vocab.append(doc)
        elif kind == "rules":
            problems.extend(check_document(doc, "rules", verbose=verbose))
            rules.append(doc)
        else:
            problems.append(
                Diagnostic(
                    "E210",
                    "unknown-kind",
                    f"expected 'kind: vocabulary' or 'kind: rules', got {kind!r}",
                    doc.pos(["kind"] if isinstance(doc.data, dict) and "kind" in doc.data else []),
                )
            )
    return RuleDocuments(tuple(vocab), tuple(rules)), problems


def build_vocabulary(docs: tuple[Document, ...]) -> Vocabulary:
    caps: dict[str, Capability] = {}
    params: dict[str, VocabParameter] = {}
    for doc in docs:
        for i, raw in enumerate(doc.data.get("capabilities") or ()):
            terms = raw.get("terms") or {}
            caps.setdefault(
                raw["id"],
                Capability(
                    id=raw["id"],
                    label=text(raw["label"]),
                    terms_zh=tuple(terms.get("zh") or ()),
                    terms_en=tuple(terms.get("en") or ()),
                    implies=tuple(raw.get("implies") or ()),
                    pos=doc.pos(["capabilities", i]),
                    yields_to=tuple(raw.get("yields_to") or ()),
                ),
            )
        for i, raw in enumerate(doc.data.get("parameters") or ()):
            params.setdefault(
                raw["id"],
                VocabParameter(
                    raw["id"],
                    text(raw["label"]),
                    raw["unit"],
                    doc.pos(["parameters", i]),
                    raw.get("minimum"),
                    raw.get("maximum"),
                    tuple((raw.get("terms") or {}).get("zh") or ()),
                    tuple((raw.get("terms") or {}).get("en") or ()),
                    tuple(t for terms in (raw.get("not_terms") or {}).values() for t in terms),
                    MeasuredAt(**raw["measured_at"]) if raw.get("measured_at") else None,
                ),
            )
    from exportcheck.textnorm import american

    spellings = {american(cap_id): cap_id for cap_id in caps}
    return Vocabulary(dict(sorted(caps.items())), dict(sorted(params.items())), spellings)


def _split_ref(ref: str) -> tuple[str, str | None]:
    entry, _, cp = ref.partition("#")
    return entry, cp or None


class _ConditionBuilder:
    def __init__(self, doc: Document, catalogue: Catalogue, rule: dict[str, Any]) -> None:
        self.doc = doc
        self.catalogue = catalogue
        entry_id, cp_id = _split_ref(rule["implements"])
        entry = catalogue.entry(entry_id)
        self.cp = entry.control_point(cp_id) if entry and cp_id else None

    def build(self, raw: dict[str, Any], path: DataPath) -> Condition:
        pos = self.doc.pos(path)
        ((kind, value),) = raw.items()
        if kind in ("all", "any"):
            children = tuple(self.build(c, (*path, kind, i)) for i, c in enumerate(value))
            return Condition("all" if kind == "all" else "any", children=children, pos=pos)
        if kind == "not":
            return Condition("not", children=(self.build(value, (*path, "not")),), pos=pos)
        if kind == "capability":
            return Condition("capability", capability=value, pos=pos)
        if kind == "sector":
            sectors = (value,) if isinstance(value, str) else tuple(value)
            return Condition("sector", sectors=sectors, pos=pos)
        return Condition("parameter", parameter=self.param(value, (*path, kind)), pos=pos)

    def param(self, raw: dict[str, Any], path: DataPath) -> ParamTest:
        ref = raw.get("catalog")
        if ref is None:
            return ParamTest(raw["id"], raw["op"], float(raw["value"]), raw.get("unit") or "", None)
        source = self.cp.parameter(ref) if self.cp else None
        if source is None or source.op is None or not isinstance(source.value, float):
            raise InputError(
                [
                    Diagnostic(
                        "E315",
                        "unknown-catalog-parameter",
                        f"the implemented control point has no numeric catalogue parameter {ref!r}",
                        self.doc.pos(path),
                    )
                ]
            )
        return ParamTest(raw["id"], source.op, source.value, source.unit or "", ref)


def build_rules(docs: tuple[Document, ...], catalogue: Catalogue) -> RuleSet:
    rules: list[Rule] = []
    manual: list[ManualPoint] = []
    problems: list[Diagnostic] = []
    for doc in docs:
        for i, raw in enumerate(doc.data.get("rules") or ()):
            entry_id, cp_id = _split_ref(raw["implements"])
            try:
                when = _ConditionBuilder(doc, catalogue, raw).build(
                    raw["when"], ("rules", i, "when")
                )
            except InputError as exc:
                problems.extend(exc.diagnostics)
                continue
            versions = raw.get("versions")
            rules.append(
                Rule(
                    id=raw["id"],
                    entry_id=entry_id,
                    cp_id=cp_id,
                    versions=tuple(versions) if versions else None,
                    when=when,
                    rationale=text(raw["rationale"]),
                    pos=doc.pos(["rules", i]),
                )
            )
        for i, raw in enumerate(doc.data.get("manual") or ()):
            entry_id, cp_id = _split_ref(raw["implements"])
            manual.append(ManualPoint(entry_id, cp_id, text(raw["reason"]), doc.pos(["manual", i])))
    if problems:
        raise InputError(problems)
    return RuleSet(tuple(sorted(rules, key=lambda r: r.id)), tuple(manual))
