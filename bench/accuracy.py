"""How often the checker's decision matches the blind corpora's expected one.

    python bench/accuracy.py            # one line per corpus, and the total
    python bench/accuracy.py -v         # ... and every profile whose decision differs
    python bench/accuracy.py r35        # only the corpora named

Each corpus in bench/blind/ (see its README) is a folder of profiles and an ``expected.yaml``
that gives, per file, the date to check as of and the expected decision. A "false free" is an
expected ``review`` (or stricter) that came out ``free``: the costly kind of error. Results also
go to bench/results/accuracy.json (not committed).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from exportcheck.api import check_profiles, load_profile  # noqa: E402
from exportcheck.cache import cached_knowledge_base  # noqa: E402
from exportcheck.errors import InputError  # noqa: E402
from exportcheck.kb import KnowledgeBase  # noqa: E402

BLIND = ROOT / "bench" / "blind"


@dataclass
class Miss:
    profile: str
    expected: str
    got: str
    why: str


@dataclass
class Score:
    corpus: str
    profiles: int = 0
    wrong: int = 0
    false_free: int = 0
    misses: list[Miss] = field(default_factory=list)


def _as_of(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def score(kb: KnowledgeBase, corpus: Path) -> Score:
    expected = yaml.safe_load((corpus / "expected.yaml").read_text(encoding="utf-8"))
    result = Score(corpus.name)
    for name, want in sorted(expected.items()):
        result.profiles += 1
        try:
            profile = load_profile(corpus / "profiles" / name, kb)
            report = check_profiles(kb, [profile], as_of=_as_of(want.get("as_of")))
            got = report.results[0].decision.label
        except InputError as error:
            got = f"input error: {error}"
        if got != want["decision"]:
            result.wrong += 1
            result.false_free += got == "free"
            result.misses.append(Miss(name, want["decision"], got, str(want.get("why", ""))))
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpora", nargs="*", help="corpus folder names (default: all)")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss")
    args = parser.parse_args()
    names = args.corpora or sorted(p.name for p in BLIND.iterdir() if p.is_dir())
    kb = cached_knowledge_base()
    scores = [score(kb, BLIND / name) for name in names]
    for s in scores:
        print(f"{s.corpus}: {s.wrong} of {s.profiles} differ ({s.false_free} false free)")
        for miss in s.misses if args.verbose else ():
            print(f"    {miss.profile}: expected {miss.expected}, got {miss.got} ({miss.why})")
    total = sum(s.profiles for s in scores)
    wrong = sum(s.wrong for s in scores)
    false_free = sum(s.false_free for s in scores)
    print(f"total: {wrong} of {total} differ ({false_free} false free)")
    out = ROOT / "bench" / "results" / "accuracy.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps([asdict(s) for s in scores], indent=2, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
