"""The knowledge base: catalogue + vocabulary + rules + term index, built once, passed explicitly.

``load_knowledge_base`` reads, schema-checks and lints the bundled (or given) directories and
raises :class:`InputError` with every problem found. Per-version views (materialised entries
and the rules that apply) are computed on first use and kept on the instance.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from exportcheck.catalog import (
    Coverage,
    EntryView,
    build_catalogue,
    coverage,
    entry_names,
    find_entries,
    materialise,
    read_catalogue_documents,
)
from exportcheck.diagnostics import Diagnostic, Severity
from exportcheck.errors import InputError
from exportcheck.model import (
    Catalogue,
    Entry,
    ManualPoint,
    Presence,
    Rule,
    Version,
    Vocabulary,
)
from exportcheck.msgspeclib import msgspec
from exportcheck.paths import default_catalog_dir, default_rules_dir
from exportcheck.termindex import TermIndex
from exportcheck.textnorm import Normalizer

if TYPE_CHECKING:
    from exportcheck.paths import StrPath
    from exportcheck.quantities import QuantityReader


class VersionRules(msgspec.Struct, frozen=True):
    version: Version
    views: dict[str, EntryView]
    rules: tuple[Rule, ...]
    by_capability: dict[str, tuple[Rule, ...]]
    standalone: frozenset[str] = frozenset()  # capabilities some rule accepts on their own
    parameters: dict[str, frozenset[str]] = msgspec.field(default_factory=dict)  # rule -> tested
    coverage: Coverage | None = None  # what the encoded part of the version holds

    def tested_parameters(self, rules: Iterable[Rule]) -> frozenset[str]:
        """The parameters that ``rules`` test (looked up: walking condition trees for every
        profile cost ~50 us)."""
        found = [self.parameters[r.id] for r in rules if r.id in self.parameters]
        return frozenset().union(*found) if found else frozenset()

    def building_blocks(self, capabilities: Iterable[str]) -> tuple[str, ...]:
        """Those of ``capabilities`` that this version's rules use only beside another one."""
        return tuple(
            c for c in capabilities if c in self.by_capability and c not in self.standalone
        )

    def candidates(self, true_capabilities: frozenset[str]) -> tuple[Rule, ...]:
        """Rules that can be non-false given the profile's true capabilities (see evaluate)."""
        seen: dict[str, Rule] = {}
        for cap in sorted(true_capabilities):
            for rule in self.by_capability.get(cap, ()):
                seen.setdefault(rule.id, rule)
        return tuple(seen[k] for k in sorted(seen))


class KnowledgeBase(msgspec.Struct):
    catalogue: Catalogue
    vocabulary: Vocabulary
    rules: tuple[Rule, ...]
    manual: tuple[ManualPoint, ...]
    normalizer: Normalizer
    source_hash: str = ""
    _index: TermIndex | None = None
    warnings: tuple[Diagnostic, ...] = ()
    _versions: dict[str, VersionRules] = msgspec.field(default_factory=dict)
    _quantities: Any = None  # a QuantityReader, built on first use
    _entry_names: dict[str, tuple[int, ...]] | None = None  # see catalog.entry_names

    def find_entries(self, ref: str) -> tuple[Entry, ...]:
        """catalog.find_entries, with the catalogue's names looked up once."""
        if self._entry_names is None:
            self._entry_names = entry_names(self.catalogue)
        return find_entries(self.catalogue, ref, self._entry_names)

    @property
    def term_index(self) -> TermIndex:
        if self._index is None:
            self._index = TermIndex(self.vocabulary, self.normalizer)
        return self._index

    @property
    def quantity_reader(self) -> QuantityReader:
        """Reads parameter values from text (built on first use: only profiles whose
        candidate rules test an unstated parameter need it)."""
        if self._quantities is None:
            from exportcheck.quantities import QuantityReader

            self._quantities = QuantityReader(self.vocabulary, self.normalizer)
        reader: QuantityReader = self._quantities
        return reader

    def for_version(self, version_id: str) -> VersionRules:
        cached = self._versions.get(version_id)
        if cached is not None:
            return cached
        version = self.catalogue.regime.version(version_id)
        assert version is not None
        views = {v.entry.id: v for v in materialise(self.catalogue, version_id)}
        rules = tuple(r for r in self.rules if _applies(r, views, version_id))
        index: dict[str, list[Rule]] = {}
        for rule in rules:
            for cap in rule.when.capabilities():
                index.setdefault(cap, []).append(rule)
        standalone = frozenset().union(*(r.when.sufficient_alone() for r in rules))
        tested = {r.id: r.when.parameters() for r in rules}
        built = VersionRules(
            version,
            views,
            rules,
            {k: tuple(v) for k, v in index.items()},
            standalone,
            {rule_id: params for rule_id, params in tested.items() if params},
            coverage(self.catalogue, version_id, views.values()),
        )
        self._versions[version_id] = built
        return built


def _applies(rule: Rule, views: dict[str, EntryView], version_id: str) -> bool:
    view = views.get(rule.entry_id)
    if view is None or (rule.versions is not None and version_id not in rule.versions):
        return False
    if rule.cp_id is None:
        return True
    return any(cp.id == rule.cp_id for cp in view.control_points) and view.presence in (
        Presence.PRESENT,
        Presence.UNCERTAIN,
    )


def load_knowledge_base(
    catalog_dir: StrPath | None = None,
    rules_dir: StrPath | None = None,
    *,
    lint: bool = True,
    verbose: bool = False,
) -> KnowledgeBase:
    """Read, validate and build; raises InputError listing every problem."""
    from pathlib import Path

    from exportcheck import lint as lint_checks
    from exportcheck.rules import build_rules, build_vocabulary, read_rule_documents

    catalog = Path(catalog_dir) if catalog_dir is not None else default_catalog_dir()
    rules = Path(rules_dir) if rules_dir is not None else default_rules_dir()
    cat_docs, problems = read_catalogue_documents(catalog, verbose=verbose)
    rule_docs, rule_problems = read_rule_documents(rules, verbose=verbose)
    problems.extend(rule_problems)
    if cat_docs is None or problems:
        raise InputError(problems)
    catalogue = build_catalogue(cat_docs)
    vocabulary = build_vocabulary(rule_docs.vocabulary)
    problems.extend(lint_checks.lint_catalogue(catalogue, cat_docs))
    problems.extend(lint_checks.lint_rule_references(catalogue, vocabulary, rule_docs))
    warnings = tuple(p for p in problems if p.severity is Severity.WARNING)
    if len(warnings) != len(problems):
        raise InputError(problems)
    ruleset = build_rules(rule_docs.rules, catalogue)
    kb = KnowledgeBase(
        catalogue, vocabulary, ruleset.rules, ruleset.manual, Normalizer(), warnings=warnings
    )
    if lint:
        errors = lint_checks.lint_knowledge_base(kb)
        if errors:
            raise InputError([*errors, *warnings])
    return kb
