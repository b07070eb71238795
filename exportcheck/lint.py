"""Semantic checks of the catalogue, vocabulary and rules, beyond what a schema can say.

Each check is a small function with a stable code and name; the registries at the bottom list
them explicitly. Checks return diagnostics; they never raise.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from exportcheck.catalog import CatalogueDocuments
from exportcheck.diagnostics import Diagnostic, Severity, did_you_mean
from exportcheck.model import Catalogue, EntryClass, Vocabulary
from exportcheck.units import UnitError, convert, is_known

if TYPE_CHECKING:
    from exportcheck.kb import KnowledgeBase
    from exportcheck.rules import RuleDocuments
    from exportcheck.yamlsafe import DataPath, Document

# Words too generic to indicate anything by themselves (design: precision matters).
GENERIC_TERMS = frozenset(
    {
        "ai",
        "a.i.",
        "algorithm",
        "algorithms",
        "data",
        "model",
        "models",
        "system",
        "systems",
        "software",
        "platform",
        "technology",
        "machine learning",
        "deep learning",
        "neural network",
        "app",
        "application",
        "api",
        "cloud",
        "internet",
        "network",
        "computer",
        "service",
        "人工智能",
        "算法",
        "数据",
        "模型",
        "系统",
        "软件",
        "平台",
        "技术",
        "机器学习",
        "深度学习",
        "神经网络",
        "应用",
        "网络",
        "互联网",
        "计算机",
        "服务",
        "智能",
    }
)


# ---------------------------------------------------------------- catalogue checks


def check_duplicate_ids(cat: Catalogue, docs: CatalogueDocuments) -> Iterator[Diagnostic]:
    seen: dict[str, Document] = {}
    for doc in docs.entries:
        entry_id = doc.data["id"]
        if entry_id in seen:
            yield Diagnostic(
                "E316",
                "duplicate-entry-id",
                f"entry id {entry_id!r} is used twice (also in {seen[entry_id].path})",
                doc.pos(["id"]),
            )
        seen[entry_id] = doc
        cp_ids = [cp["id"] for cp in doc.data.get("control_points") or ()]
        for i, cp_id in enumerate(cp_ids):
            if cp_ids.index(cp_id) != i:
                yield Diagnostic(
                    "E316",
                    "duplicate-entry-id",
                    f"control point id {cp_id!r} is used twice in {entry_id}",
                    doc.pos(["control_points", i, "id"]),
                )


def check_codes_unique_per_version(
    cat: Catalogue, docs: CatalogueDocuments
) -> Iterator[Diagnostic]:
    owners: dict[tuple[str, str], str] = {}
    for entry in cat.entries:
        for record in entry.codes:
            for version in record.versions:
                if record.code is None:
                    continue
                key = (version, record.code)
                if key in owners and owners[key] != entry.id:
                    yield Diagnostic(
                        "E301",
                        "duplicate-code",
                        f"code {record.code} in version {version} is used by "
                        f"{owners[key]} and {entry.id}",
                        record.pos,
                        "codes are unique per version; check the crosswalk",
                    )
                owners[key] = entry.id


def check_class_suffix(cat: Catalogue, docs: CatalogueDocuments) -> Iterator[Diagnostic]:
    for entry in cat.entries:
        want = "J" if entry.klass is EntryClass.PROHIBITED else "X"
        codes = [(r.code, r.pos) for r in entry.codes if r.code]
        codes += [(code, entry.pos) for _, code in entry.draft_codes]
        for code, pos in codes:
            if code[-1] != want:
                yield Diagnostic(
                    "E302",
                    "class-suffix-mismatch",
                    f"{entry.id} is {entry.klass} but code {code} ends in {code[-1]}",
                    pos,
                    f"{entry.klass} codes end in {want}",
                )


def check_sector_digits(cat: Catalogue, docs: CatalogueDocuments) -> Iterator[Diagnostic]:
    for entry in cat.entries:
        for record in entry.codes:
            if record.code and record.sector and record.code[2:4] != record.sector.code:
                yield Diagnostic(
                    "E303",
                    "sector-code-mismatch",
                    f"code {record.code} has division {record.code[2:4]} but the "
                    f"sector is {record.sector.code}",
                    record.pos,
                    "digits 3-4 of a code are the GB/T 4754 division",
                )


def check_cp_numbers_unique(cat: Catalogue, docs: CatalogueDocuments) -> Iterator[Diagnostic]:
    for entry in cat.entries:
        seen: dict[tuple[str, int], str] = {}
        for cp in entry.control_points:
            for version, number in cp.numbers:
                if number is None:
                    continue
                if (version, number) in seen:
                    yield Diagnostic(
                        "E304",
                        "duplicate-control-point-number",
                        f"{entry.id}: control points {seen[(version, number)]} and "
                        f"{cp.id} both have number {number} in {version}",
                        cp.pos,
                    )
                seen[(version, number)] = cp.id


def check_versions_ordered(cat: Catalogue, docs: CatalogueDocuments) -> Iterator[Diagnostic]:
    raw = docs.regime.data["versions"]
    dates = [(v.get("in_force") or v["published"]) for v in raw]
    for i in range(1, len(raw)):
        if dates[i] < dates[i - 1]:
            yield Diagnostic(
                "E305",
                "version-order",
                f"version {raw[i]['id']} ({dates[i]}) is listed after "
                f"{raw[i - 1]['id']} ({dates[i - 1]})",
                docs.regime.pos(["versions", i]),
                "list versions oldest first",
            )
    for i, v in enumerate(raw):
        if v.get("in_force") and v["in_force"] < v["published"]:
            yield Diagnostic(
                "E305",
                "version-order",
                f"version {v['id']} is in force before it was published",
                docs.regime.pos(["versions", i, "in_force"]),
            )
    if cat.regime.version(cat.regime.expected) is None:
        yield Diagnostic(
            "E306",
            "unknown-version",
            f"expected: {cat.regime.expected!r} is not a listed version",
            docs.regime.pos(["expected"]),
        )


def _version_refs(doc: Document) -> Iterator[tuple[str, DataPath]]:
    data = doc.data
    for i, record in enumerate(data.get("history") or ()):
        yield record["version"], ("history", i, "version")
    for i, record in enumerate(data.get("codes") or ()):
        for j, version in enumerate(record["versions"]):
            yield version, ("codes", i, "versions", j)
    for i, record in enumerate(data.get("draft_codes") or ()):
        yield record["version"], ("draft_codes", i, "version")
    for i, cp in enumerate(data.get("control_points") or ()):
        for version in cp.get("numbers") or {}:
            yield version, ("control_points", i, "numbers", version)
        for j, record in enumerate(cp.get("history") or ()):
            yield record["version"], ("control_points", i, "history", j, "version")


def check_versions_known(cat: Catalogue, docs: CatalogueDocuments) -> Iterator[Diagnostic]:
    known = [v.id for v in cat.regime.versions]
    for doc in docs.entries:
        for version, path in _version_refs(doc):
            if version not in known:
                yield Diagnostic(
                    "E306",
                    "unknown-version",
                    f"unknown catalogue version {version!r}",
                    doc.pos(path),
                    did_you_mean(version, known) or f"known versions: {', '.join(known)}",
                )


def _source_refs(data: Any, path: DataPath = ()) -> Iterator[tuple[str, DataPath]]:
    if isinstance(data, dict):
        for key, value in data.items():
            if key == "sources" and isinstance(value, list):
                for i, ref in enumerate(value):
                    yield str(ref), (*path, key, i)
            elif key == "source" and isinstance(value, str):
                yield value, (*path, key)
            else:
                yield from _source_refs(value, (*path, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _source_refs(value, (*path, i))


def check_sources_known(cat: Catalogue, docs: CatalogueDocuments) -> Iterator[Diagnostic]:
    known = set(cat.regime.sources)
    regime_data = {k: v for k, v in docs.regime.data.items() if k != "sources"}
    targets = [(docs.regime, regime_data), *((d, d.data) for d in docs.entries)]
    for doc, data in targets:
        for ref, path in _source_refs(data):
            if ref not in known:
                yield Diagnostic(
                    "E311",
                    "unknown-source",
                    f"source {ref!r} is not in regime.yaml sources",
                    doc.pos(path),
                    did_you_mean(ref, known),
                )


def check_catalogue_units(cat: Catalogue, docs: CatalogueDocuments) -> Iterator[Diagnostic]:
    for entry in cat.entries:
        for cp in entry.control_points:
            for param in cp.parameters:
                if param.unit is not None and not is_known(param.unit):
                    yield Diagnostic(
                        "E310", "unknown-unit", f"unknown unit {param.unit!r}", param.pos
                    )


CATALOGUE_CHECKS: tuple[Callable[[Catalogue, CatalogueDocuments], Iterator[Diagnostic]], ...] = (
    check_duplicate_ids,
    check_codes_unique_per_version,
    check_class_suffix,
    check_sector_digits,
    check_cp_numbers_unique,
    check_versions_ordered,
    check_versions_known,
    check_sources_known,
    check_catalogue_units,
)


def lint_catalogue(cat: Catalogue, docs: CatalogueDocuments) -> list[Diagnostic]:
    return [d for check in CATALOGUE_CHECKS for d in check(cat, docs)]


# ---------------------------------------------------------------- rule reference checks


def _conditions(raw: Any, path: DataPath) -> Iterator[tuple[str, Any, DataPath]]:
    if not isinstance(raw, dict) or len(raw) != 1:
        return
    ((kind, value),) = raw.items()
    if kind in ("all", "any"):
        for i, child in enumerate(value):
            yield from _conditions(child, (*path, kind, i))
    elif kind == "not":
        yield from _conditions(value, (*path, "not"))
    else:
        yield kind, value, (*path, kind)


def _check_implements(
    cat: Catalogue, doc: Document, ref: str, path: DataPath
) -> Iterator[Diagnostic]:
    entry_id, _, cp_id = ref.partition("#")
    entry = cat.entry(entry_id)
    if entry is None:
        yield Diagnostic(
            "E307",
            "unknown-control-point",
            f"implements unknown entry {entry_id!r}",
            doc.pos(path),
            did_you_mean(entry_id, [e.id for e in cat.entries]),
        )
    elif cp_id and entry.control_point(cp_id) is None:
        yield Diagnostic(
            "E307",
            "unknown-control-point",
            f"entry {entry_id} has no control point {cp_id!r}",
            doc.pos(path),
            did_you_mean(cp_id, [c.id for c in entry.control_points]),
        )


def _check_leaf(
    vocab: Vocabulary, doc: Document, kind: str, value: Any, path: DataPath
) -> Iterator[Diagnostic]:
    if kind == "capability" and value not in vocab.capabilities:
        yield Diagnostic(
            "E308",
            "unknown-capability",
            f"unknown capability {value!r}",
            doc.pos(path),
            did_you_mean(value, list(vocab.capabilities)),
        )
    if kind != "parameter":
        return
    param = vocab.parameters.get(value["id"])
    if param is None:
        yield Diagnostic(
            "E309",
            "unknown-parameter",
            f"unknown parameter {value['id']!r}",
            doc.pos((*path, "id")),
            did_you_mean(value["id"], list(vocab.parameters)),
        )
        return
    unit = value.get("unit")
    if unit is not None:
        try:
            convert(1.0, unit, param.unit)
        except UnitError as exc:
            yield Diagnostic("E310", "unknown-unit", str(exc), doc.pos((*path, "unit")))


def lint_rule_references(
    cat: Catalogue, vocab: Vocabulary, docs: RuleDocuments
) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    rule_ids: dict[str, Document] = {}
    for doc in docs.rules:
        for i, rule in enumerate(doc.data.get("rules") or ()):
            if rule["id"] in rule_ids:
                out.append(
                    Diagnostic(
                        "E319",
                        "duplicate-rule-id",
                        f"rule id {rule['id']!r} is used twice",
                        doc.pos(["rules", i, "id"]),
                    )
                )
            rule_ids[rule["id"]] = doc
            out.extend(_check_implements(cat, doc, rule["implements"], ("rules", i, "implements")))
            for kind, value, path in _conditions(rule["when"], ("rules", i, "when")):
                out.extend(_check_leaf(vocab, doc, kind, value, path))
        for i, item in enumerate(doc.data.get("manual") or ()):
            out.extend(_check_implements(cat, doc, item["implements"], ("manual", i, "implements")))
    for doc in docs.vocabulary:
        out.extend(_lint_vocabulary_doc(doc))
    return out


def _lint_vocabulary_doc(doc: Document) -> Iterator[Diagnostic]:
    owners: dict[str, str] = {}
    ids = [c["id"] for c in doc.data.get("capabilities") or ()]
    for i, cap in enumerate(doc.data.get("capabilities") or ()):
        for key in ("implies", "yields_to"):
            for other in cap.get(key) or ():
                if other not in ids:
                    yield Diagnostic(
                        "E308",
                        "unknown-capability",
                        f"{key} names unknown capability {other!r}",
                        doc.pos(["capabilities", i, key]),
                        did_you_mean(other, ids),
                    )
        for lang, terms in (cap.get("terms") or {}).items():
            for j, term in enumerate(terms):
                path = ["capabilities", i, "terms", lang, j]
                key = term.strip().casefold()
                if key in GENERIC_TERMS:
                    yield Diagnostic(
                        "E313",
                        "generic-term",
                        f"term {term!r} is too generic to indicate {cap['id']}",
                        doc.pos(path),
                        "use a phrase specific to the technology",
                    )
                if key in owners and owners[key] != cap["id"]:
                    yield Diagnostic(
                        "W320",
                        "shared-term",
                        f"term {term!r} indicates both {owners[key]} and {cap['id']}",
                        doc.pos(path),
                        severity=Severity.WARNING,
                    )
                owners.setdefault(key, cap["id"])
    for i, param in enumerate(doc.data.get("parameters") or ()):
        if not is_known(param["unit"]):
            yield Diagnostic(
                "E310",
                "unknown-unit",
                f"unknown unit {param['unit']!r}",
                doc.pos(["parameters", i, "unit"]),
            )


# ---------------------------------------------------------------- whole knowledge base


def check_rules_false_on_empty_profile(kb: KnowledgeBase) -> Iterator[Diagnostic]:
    """A rule that is not FALSE for a profile that says nothing would flag everything."""
    from exportcheck.evaluate import evaluate_condition
    from exportcheck.facts import Facts, Truth

    empty = Facts({}, {}, {}, None)
    for rule in kb.rules:
        if evaluate_condition(rule.when, empty).truth is not Truth.FALSE:
            yield Diagnostic(
                "E312",
                "rule-fires-on-empty-profile",
                f"rule {rule.id} is not false for a profile that states nothing",
                rule.pos,
                "require a capability in every branch that can be satisfied",
            )


def check_catalog_thresholds_convertible(kb: KnowledgeBase) -> Iterator[Diagnostic]:
    from exportcheck.model import Condition

    def leaves(cond: Condition) -> Iterator[Condition]:
        if cond.kind == "parameter":
            yield cond
        for child in cond.children:
            yield from leaves(child)

    for rule in kb.rules:
        for leaf in leaves(rule.when):
            assert leaf.parameter is not None
            param = kb.vocabulary.parameters[leaf.parameter.id]
            try:
                convert(1.0, leaf.parameter.unit, param.unit)
            except UnitError as exc:
                yield Diagnostic("E310", "unknown-unit", str(exc), leaf.pos)


KB_CHECKS: tuple[Callable[[KnowledgeBase], Iterator[Diagnostic]], ...] = (
    check_rules_false_on_empty_profile,
    check_catalog_thresholds_convertible,
)


def lint_knowledge_base(kb: KnowledgeBase) -> list[Diagnostic]:
    return [d for check in KB_CHECKS for d in check(kb)]
