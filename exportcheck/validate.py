"""``exportcheck validate``: find each document's kind and check it, reporting every problem.

Catalogue and rules are checked together (rules refer to catalogue control points);
profiles and policy tests are checked against the resulting knowledge base. Missing pieces
fall back to the bundled ones, so editing one file and validating it checks it in context.
"""

from __future__ import annotations

from pathlib import Path

from exportcheck.diagnostics import Diagnostic, SourcePos, sort_diagnostics
from exportcheck.errors import InputError
from exportcheck.kb import KnowledgeBase, load_knowledge_base
from exportcheck.msgspeclib import msgspec
from exportcheck.paths import bundled_root, data_files, default_catalog_dir, default_rules_dir
from exportcheck.yamlsafe import load_file


class Targets(msgspec.Struct):
    catalog_dir: Path | None = None
    rules_dir: Path | None = None
    profiles: list[Path] = msgspec.field(default_factory=list)
    tests: list[Path] = msgspec.field(default_factory=list)
    problems: list[Diagnostic] = msgspec.field(default_factory=list)


def default_targets() -> Targets:
    root = bundled_root()
    return Targets(
        catalog_dir=default_catalog_dir(),
        rules_dir=default_rules_dir(),
        profiles=sorted((root / "examples" / "profiles").glob("*.*")),
        tests=sorted((root / "rules" / "tests").glob("*.yaml")),
    )


def _classify_file(path: Path, targets: Targets) -> None:
    try:
        doc = load_file(path)
    except InputError as exc:
        targets.problems.extend(exc.diagnostics)
        return
    data = doc.data
    kind = data.get("kind") if isinstance(data, dict) else None
    if kind == "regime":
        targets.catalog_dir = path.parent
    elif kind == "entry":
        targets.catalog_dir = path.parent.parent
    elif kind in ("vocabulary", "rules"):
        targets.rules_dir = path.parent
    elif kind == "policy-tests":
        targets.tests.append(path)
    elif isinstance(data, dict) and "profile" in data:
        targets.profiles.append(path)
    else:
        targets.problems.append(
            Diagnostic(
                "E210",
                "unknown-kind",
                "cannot tell what this document is",
                doc.pos(["kind"] if isinstance(data, dict) and "kind" in data else []),
                "catalogue/rules files have 'kind:' (regime, entry, vocabulary, rules, "
                "policy-tests); profiles have 'profile: 1'",
            )
        )


def classify(paths: list[Path]) -> Targets:
    targets = Targets()
    for path in paths:
        if path.is_dir():
            if (path / "regime.yaml").is_file():
                targets.catalog_dir = path
                continue
            files = data_files(path)
            for file in files:
                _classify_file(file, targets)
        elif path.is_file():
            _classify_file(path, targets)
        else:
            raise InputError(
                [
                    Diagnostic(
                        "E504", "no-such-path", "no such file or directory", SourcePos(str(path))
                    )
                ]
            )
    return targets


def validate(
    targets: Targets, *, verbose: bool = False
) -> tuple[list[Diagnostic], KnowledgeBase | None]:
    """Every problem found; the knowledge base when it could be built."""
    from exportcheck.cache import cached_knowledge_base
    from exportcheck.policytest import load_policy_file
    from exportcheck.profile import load_profile_file

    problems = list(targets.problems)
    catalog_dir = targets.catalog_dir or default_catalog_dir()
    rules_dir = targets.rules_dir or default_rules_dir()
    try:
        # Data whose content hash (and code) a cached knowledge base was built from has been
        # read, validated and linted already: the cache holds the warnings it gave. Any edit
        # changes the hash and validates in full. (--verbose words problems otherwise.)
        if verbose:
            kb = load_knowledge_base(catalog_dir, rules_dir, verbose=True)
        else:
            kb = cached_knowledge_base(catalog_dir, rules_dir)
    except InputError as exc:
        return sort_diagnostics([*problems, *exc.diagnostics]), None
    problems.extend(kb.warnings)
    for path in targets.profiles:
        try:
            problems.extend(load_profile_file(path, kb.vocabulary).warnings)
        except InputError as exc:
            problems.extend(exc.diagnostics)
    for path in targets.tests:
        problems.extend(load_policy_file(path, kb, verbose=verbose)[1])
    return sort_diagnostics(problems), kb
