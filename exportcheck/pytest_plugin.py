"""pytest plugin: collect policy-test YAML files, one item per case (``<file>::<case>``).

Registered through the ``pytest11`` entry point, so ``pytest`` runs policy tests wherever
exportcheck is installed. Only YAML files declaring ``kind: policy-tests`` are collected. Point
it at your own catalogue/rules with the ini options ``exportcheck_catalog`` and
``exportcheck_rules`` (paths relative to the rootdir).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from exportcheck.kb import KnowledgeBase
    from exportcheck.policytest import CaseResult, PolicyCase

_KB_KEY = pytest.StashKey["KnowledgeBase"]()
_MARKER = b"kind: policy-tests"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addini("exportcheck_catalog", "catalogue directory for policy tests", default="")
    parser.addini("exportcheck_rules", "rules directory for policy tests", default="")


def pytest_collect_file(parent: pytest.Collector, file_path: Path) -> pytest.File | None:
    if file_path.suffix not in (".yaml", ".yml"):
        return None
    try:
        with file_path.open("rb") as handle:
            head = handle.read(4096)
    except OSError:
        return None
    if _MARKER not in head:
        return None
    return PolicyFile.from_parent(parent, path=file_path)


def _knowledge_base(config: pytest.Config) -> KnowledgeBase:
    kb = config.stash.get(_KB_KEY, None)
    if kb is None:
        from exportcheck.kb import load_knowledge_base

        def option(name: str) -> Path | None:
            value = str(config.getini(name) or "")
            return config.rootpath / value if value else None

        kb = load_knowledge_base(option("exportcheck_catalog"), option("exportcheck_rules"))
        config.stash[_KB_KEY] = kb
    return kb


class PolicyCaseError(Exception):
    def __init__(self, result: CaseResult) -> None:
        super().__init__(result.case.node_id)
        self.result = result


class PolicyFile(pytest.File):
    def collect(self) -> Iterator[PolicyItem]:
        from exportcheck.errors import InputError
        from exportcheck.policytest import load_policy_file

        cases, problems = load_policy_file(self.path, _knowledge_base(self.config))
        if problems:
            raise InputError(problems)
        for case in cases:
            yield PolicyItem.from_parent(self, name=case.name, case=case)


class PolicyItem(pytest.Item):
    def __init__(self, *, case: PolicyCase, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.case = case

    def runtest(self) -> None:
        from exportcheck.policytest import run_case

        result = run_case(_knowledge_base(self.config), self.case)
        if result.status == "todo":
            pytest.xfail(f"todo: {self.case.todo}")
        if result.failed:
            raise PolicyCaseError(result)

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str:
        if isinstance(excinfo.value, PolicyCaseError):
            from exportcheck.render.tests import case_failure_text

            return case_failure_text(excinfo.value.result)
        return str(super().repr_failure(excinfo, style=style))

    def reportinfo(self) -> tuple[Path, int, str]:
        return self.path, self.case.pos.line - 1, f"policy case: {self.case.name}"
