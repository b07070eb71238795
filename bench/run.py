"""exportcheck benchmarks: every target as a ratio against a baseline measured in the same run.

    python bench/run.py            # full run (10,000-profile corpus), a few minutes on 2 cores
    python bench/run.py --quick    # smaller corpus and fewer repetitions, for a smoke test

Prints one line per target (median, baseline median, ratio, target, pass/fail) and writes the
same as JSON to bench/results/latest.json. Times are medians; absolute numbers depend on the
machine, the ratios are what the targets are about.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from exportcheck.api import check_profile  # noqa: E402
from exportcheck.cache import cached_knowledge_base  # noqa: E402
from exportcheck.errors import InputError  # noqa: E402
from exportcheck.kb import KnowledgeBase, load_knowledge_base  # noqa: E402
from exportcheck.profile import load_profile_bytes  # noqa: E402
from exportcheck.schema import is_valid  # noqa: E402
from exportcheck.yamlsafe import load_bytes  # noqa: E402

# Sentences the way engineers describe systems; a few carry controlled-technology terms.
FILLER_EN = [
    "The service runs on Kubernetes with a PostgreSQL database and a Redis cache.",
    "Our engineering team maintains the code base in a monorepo with continuous integration.",
    "The system ingests event data from mobile clients and stores it in a data lake.",
    "Latency at the 99th percentile stays below 120 ms under production traffic.",
    "The model is retrained weekly on fresh data and evaluated against a holdout set.",
    "We expose a REST API and an SDK for Android and iOS.",
    "The platform supports multi-tenant deployments with role-based access control.",
]
FILLER_ZH = [
    "系统采用微服务架构，部署在私有云上，支持弹性扩容。",
    "平台每天处理数十亿条日志数据，并提供实时监控和告警。",
    "研发团队负责算法优化和工程实现，代码托管在内部仓库。",
    "产品面向海外市场，支持多语言界面和本地化运营。",
    "数据存储采用分布式数据库，保证高可用和数据一致性。",
]
SIGNALS = [
    "It powers the personalized recommendation feed ranked by user behavior.",
    "基于用户画像的个性化推荐算法决定信息流内容。",
    "The voice assistant handles spoken dialogue with users.",
    "语音合成引擎支持多种音色。",
    "The drone flight controller performs obstacle avoidance.",
    "磷酸铁锂正极材料的制备工艺。",
    "個人化推薦演算法根據使用者畫像推送資訊。",
]


def make_profile(rng: random.Random, i: int, vocab_caps: list[str]) -> dict[str, Any]:
    sentences = [rng.choice(FILLER_EN + FILLER_ZH) for _ in range(rng.randint(20, 40))]
    if rng.random() < 0.4:
        sentences.insert(rng.randrange(len(sentences)), rng.choice(SIGNALS))
    profile: dict[str, Any] = {
        "profile": 1,
        "id": f"bench-{i:05d}",
        "title": rng.choice(
            [
                "Video platform backend",
                "电商平台技术转让",
                "Battery plant",
                "智能客服系统",
                "Logistics software",
            ]
        ),
        "summary": " ".join(sentences),
        "transfer": {
            "mode": rng.choice(["licence", "assignment", "technical-service"]),
            "destination": rng.choice(["US", "DE", "SG", "NO"]),
        },
    }
    if rng.random() < 0.3:
        profile["capabilities"] = rng.sample(vocab_caps, k=rng.randint(1, 2))
    return profile


def write_corpus(directory: Path, n: int, kb: KnowledgeBase) -> tuple[list[Path], list[Path]]:
    rng = random.Random(20251125)
    caps = sorted(kb.vocabulary.capabilities)
    yaml_files, json_files = [], []
    (directory / "yaml").mkdir()
    (directory / "json").mkdir()
    for i in range(n):
        data = make_profile(rng, i, caps)
        y = directory / "yaml" / f"p{i:05d}.yaml"
        y.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
        j = directory / "json" / f"p{i:05d}.json"
        j.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        yaml_files.append(y)
        json_files.append(j)
    return yaml_files, json_files


def median_per_item(
    fn: Callable[[bytes, str], object], items: list[tuple[bytes, str]], repeat: int
) -> float:
    """Median over ``repeat`` passes of the mean per-item time (seconds)."""
    passes = []
    for _ in range(repeat):
        started = time.perf_counter()
        for raw, name in items:
            fn(raw, name)
        passes.append((time.perf_counter() - started) / len(items))
    return statistics.median(passes)


def interleaved_medians(commands: list[list[str]], repeat: int, env: dict[str, str]) -> list[float]:
    """Median wall time of each command, run in rotation (a, b, c, a, b, c, ...) so that a
    slow spell of the machine weighs on every command alike, not on whichever ran then."""
    times: list[list[float]] = [[] for _ in commands]
    for _ in range(repeat):
        for index, argv in enumerate(commands):
            started = time.perf_counter()
            subprocess.run(argv, check=False, capture_output=True, env=env)
            times[index].append(time.perf_counter() - started)
    return [statistics.median(t) for t in times]


def median_run(argv: list[str], repeat: int, env: dict[str, str]) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        subprocess.run(argv, check=False, capture_output=True, env=env)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def peak_rss(argv: list[str], env: dict[str, str]) -> float:
    """Peak resident memory (MB) of one run, measured by a fresh wrapper process so that no
    earlier child counts (RUSAGE_CHILDREN is a maximum over all children)."""
    probe = (
        "import resource, subprocess, sys; "
        "subprocess.run(sys.argv[1:], check=False, capture_output=True); "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe, *argv], check=True, capture_output=True, env=env, text=True
    )
    return int(out.stdout) / 1024  # Linux reports KiB


@dataclass
class Target:
    name: str
    ours: float
    baseline: float | None
    ratio: float | None
    target: str
    passed: bool
    unit: str = "ms"


def ratio_target(
    name: str, ours: float, baseline: float, limit: float, *, at_least: bool = False
) -> Target:
    ratio = ours / baseline
    passed = ratio >= limit if at_least else ratio <= limit
    sign = ">=" if at_least else "<="
    return Target(name, ours * 1e3, baseline * 1e3, ratio, f"ratio {sign} {limit}", passed)


def main() -> int:  # noqa: PLR0915 - a linear script: measure, compare, print
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--n", type=int, default=None, help="corpus size (default 10000)")
    args = parser.parse_args()
    n = args.n or (1000 if args.quick else 10000)
    repeat = 3 if args.quick else 7
    sample_size = 300 if args.quick else 1000
    exe = str(Path(sys.executable).parent / "exportcheck")
    env = dict(os.environ)
    targets: list[Target] = []

    with tempfile.TemporaryDirectory(prefix="exportcheck-bench-") as tmp:
        env["EXPORTCHECK_CACHE_DIR"] = str(Path(tmp) / "cache")
        os.environ["EXPORTCHECK_CACHE_DIR"] = env["EXPORTCHECK_CACHE_DIR"]
        kb = cached_knowledge_base()
        version = "2025"
        yaml_files, json_files = write_corpus(Path(tmp), n, kb)
        sizes = [p.stat().st_size for p in yaml_files]
        print(f"corpus: {n} profiles, YAML median {statistics.median(sizes)} bytes")
        sample_y = [(p.read_bytes(), p.name) for p in yaml_files[:sample_size]]
        sample_j = [(p.read_bytes(), p.name) for p in json_files[:sample_size]]

        def check_bytes(raw: bytes, name: str) -> object:
            return check_profile(kb, load_profile_bytes(raw, name, kb.vocabulary), version)

        for items in (sample_y, sample_j):  # warm-up: lazy tables, caches
            median_per_item(check_bytes, items[:50], 1)
        parse = median_per_item(load_bytes, sample_y, repeat)
        check_y = median_per_item(check_bytes, sample_y, repeat)
        targets.append(ratio_target("check YAML profile vs strict parse", check_y, parse, 1.3))
        loaded = [load_bytes(raw, name).data for raw, name in sample_y]
        validation = median_per_item(
            lambda data, _n: is_valid(data, "profile"), [(d, "") for d in loaded], repeat
        )
        targets.append(
            ratio_target("profile schema validation vs strict parse", validation, parse, 1.0)
        )
        # For scale: PyYAML's own C loader, which has none of the strict parse's checks
        # (duplicate keys, tags, alias budget, YAML 1.2 scalars, positions).
        csafe = median_per_item(
            lambda raw, _n: yaml.load(raw, Loader=yaml.CSafeLoader),
            sample_y,
            repeat,
        )
        targets.append(
            Target(
                "  (for scale) strict parse vs yaml.CSafeLoader",
                parse * 1e3,
                csafe * 1e3,
                parse / csafe,
                "info",
                passed=True,
            )
        )
        # For scale: the bundled examples, hand-written profiles most of which have findings
        # (explanations, evidence positions, negation reading): dearer than the generated
        # corpus, where 60 % of profiles name no listed technology.
        examples = [
            (p.read_bytes(), p.name) for p in sorted((ROOT / "examples/profiles").glob("*.yaml"))
        ]
        median_per_item(check_bytes, examples, 3)  # warm-up
        examples_parse = median_per_item(load_bytes, examples, repeat * 5)
        examples_check = median_per_item(check_bytes, examples, repeat * 5)
        targets.append(
            Target(
                f"  (for scale) check vs strict parse, the {len(examples)} bundled examples",
                examples_check * 1e3,
                examples_parse * 1e3,
                examples_check / examples_parse,
                "info",
                passed=True,
            )
        )
        # For scale: the blind corpora (bench/blind/), profiles written the way analysts and
        # engineers write, in Chinese and English: the realistic text of the accuracy runs.
        blind = [
            (p.read_bytes(), p.name)
            for p in sorted((ROOT / "bench/blind").glob("r*/profiles/*.yaml"))
        ]
        if blind:
            median_per_item(check_bytes, blind[:100], 1)  # warm-up
            blind_parse = median_per_item(load_bytes, blind, repeat)
            blind_check = median_per_item(check_bytes, blind, repeat)
            targets.append(
                Target(
                    f"  (for scale) check vs strict parse, the {len(blind)} blind-corpus profiles",
                    blind_check * 1e3,
                    blind_parse * 1e3,
                    blind_check / blind_parse,
                    "info",
                    passed=True,
                )
            )
        json_parse = median_per_item(lambda raw, _n: json.loads(raw), sample_j, repeat)
        check_j = median_per_item(check_bytes, sample_j, repeat)
        per_second = 1 / check_j
        targets.append(
            Target(
                "JSON profiles per second per core",
                per_second,
                1 / json_parse,
                per_second * json_parse,
                ">= 3000 /s",
                per_second >= 3000,
                "1/s",
            )
        )

        corpus = str(Path(tmp) / "yaml")
        base = [exe, "check", corpus, "--format", "jsonl", "--fail-on", "never"]
        one, two = interleaved_medians([[*base, "-j", "1"], [*base, "-j", "2"]], 5, env)
        targets.append(
            Target(
                "batch wall time, --jobs 2 (baseline: --jobs 1)",
                two * 1e3,
                one * 1e3,
                one / two,
                "speed-up >= 1.8",
                one / two >= 1.8,
            )
        )
        # Constant memory: peak RSS of a JSON report over the whole corpus and over a fifth.
        fifth = Path(tmp) / "fifth"
        fifth.mkdir()
        for path in yaml_files[: n // 5]:
            (fifth / path.name).symlink_to(path)
        json_args = ["check", "--format", "json", "--fail-on", "never", "-j", "1"]
        rss_all = peak_rss([exe, *json_args, corpus], env)
        rss_fifth = peak_rss([exe, *json_args, str(fifth)], env)
        targets.append(
            Target(
                f"peak RSS, --format json, {n} profiles (baseline: {n // 5})",
                rss_all,
                rss_fifth,
                rss_all / rss_fifth,
                "ratio <= 1.2",
                rss_all / rss_fifth <= 1.2,
                "MB",
            )
        )

        one_profile = [exe, "check", str(yaml_files[0]), "--fail-on", "never"]
        # The bundled seed example: terms in both languages, findings, explanations.
        seed = [exe, "check", str(ROOT / "examples/profiles/foryou-recommender.yaml")]
        seed += ["--fail-on", "never"]
        median_run(one_profile, 1, env)  # warm: the OS file cache, bytecode
        median_run(seed, 1, env)
        click_start, version_start, single, seeded = interleaved_medians(
            [[sys.executable, "-c", "import click"], [exe, "--version"], one_profile, seed],
            21,
            env,
        )
        targets.append(
            ratio_target(
                "exportcheck --version vs python -c 'import click'", version_start, click_start, 1.2
            )
        )
        targets.append(
            ratio_target("one-profile check end-to-end vs --version", single, version_start, 2.0)
        )
        targets.append(
            Target(
                "  (for scale) the seed example end-to-end vs --version",
                seeded * 1e3,
                version_start * 1e3,
                seeded / version_start,
                "info",
                passed=True,
            )
        )

        targets.extend(instruction_ratio(sample_y[: 200 if args.quick else 400], Path(tmp), env))
        targets.extend(hostile_inputs(repeat))

        cold = statistics.median(_timed(load_knowledge_base) for _ in range(repeat))
        warm = statistics.median(_timed(cached_knowledge_base) for _ in range(repeat * 3))
        targets.append(
            Target(
                "knowledge base from cache (cold build as baseline)",
                warm * 1e3,
                cold * 1e3,
                warm / cold,
                "<= 10 ms",
                warm <= 0.010,
            )
        )
        validate = median_run([exe, "validate"], repeat, env)
        targets.append(
            Target(
                "validate all bundled data (process)",
                validate * 1e3,
                version_start * 1e3,
                validate / version_start,
                "<= 500 ms",
                validate <= 0.5,
            )
        )

    width = max(len(t.name) for t in targets)
    for t in targets:
        base_txt = f"{t.baseline:10.3f}" if t.baseline is not None else " " * 10
        ratio_txt = f"{t.ratio:6.2f}x" if t.ratio is not None else "      "
        print(
            f"{t.name:<{width}}  {t.ours:10.3f} {t.unit:>3}  baseline {base_txt}  {ratio_txt}  "
            f"target {t.target:<14} {status(t)}"
        )
    out = ROOT / "bench" / "results"
    out.mkdir(exist_ok=True)
    (out / "latest.json").write_text(
        json.dumps(
            {"corpus": n, "quick": args.quick, "targets": [asdict(t) for t in targets]}, indent=2
        )
    )
    return 0


# Checks (or strict parses) of the pickled sample after 100 warm-up checks (past them the
# process has built its automaton and compiled its classes, as in a batch): run three times
# under callgrind (none, all checked, all parsed) to count instructions per profile.
_COUNTED = """
import pickle, sys
from exportcheck.api import check_profile
from exportcheck.cache import cached_knowledge_base
from exportcheck.profile import load_profile_bytes
from exportcheck.yamlsafe import load_bytes
kb = cached_knowledge_base()
items = pickle.load(open(sys.argv[1], "rb"))
for raw, name in items[:100]:
    check_profile(kb, load_profile_bytes(raw, name, kb.vocabulary), "2025")
for raw, name in items[100:] if sys.argv[2] != "none" else ():
    if sys.argv[2] == "check":
        check_profile(kb, load_profile_bytes(raw, name, kb.vocabulary), "2025")
    else:
        load_bytes(raw, name)
"""


def instruction_ratio(
    items: list[tuple[bytes, str]], tmp: Path, env: dict[str, str]
) -> list[Target]:
    """The check-vs-parse ratio in instructions (callgrind), which, unlike time, does not
    move when a shared machine is busy: for telling a real change from noise. Info only
    (the target is about time), and skipped without valgrind."""
    import pickle

    valgrind = shutil.which("valgrind")
    if valgrind is None:
        print("instructions: skipped (valgrind not found)")
        return []
    sample = tmp / "sample.pickle"
    sample.write_bytes(pickle.dumps(items))
    counted = {**env, "PYTHONHASHSEED": "0"}
    counts = {}
    for mode in ("none", "check", "parse"):
        argv = [valgrind, "--tool=callgrind", "--callgrind-out-file=/dev/null"]
        argv += [sys.executable, "-c", _COUNTED, str(sample), mode]
        done = subprocess.run(argv, check=False, capture_output=True, text=True, env=counted)
        found = re.search(r"Collected : (\d+)", done.stderr)
        if found is None:
            print(f"instructions: skipped (callgrind said {done.stderr[-200:]!r})")
            return []
        counts[mode] = int(found.group(1))
    n = len(items) - 100
    check = (counts["check"] - counts["none"]) / n
    parse = (counts["parse"] - counts["none"]) / n
    return [
        Target(
            "  (for scale) check YAML vs strict parse, instructions",
            check / 1e6,
            parse / 1e6,
            check / parse,
            "info",
            passed=True,
            unit="M",
        )
    ]


HOSTILE = ROOT / "tests" / "data" / "bad-input"


def hostile_inputs(repeat: int) -> list[Target]:
    """Time and traced memory to refuse the hostile YAML of the bad-input corpus (an alias
    bomb, a recursive alias, absurd nesting); the baseline is a json.loads of one byte."""
    import tracemalloc

    out = []
    for name in ("alias-bomb.yaml", "recursive-alias.yaml", "deep-nesting-flow.yaml"):
        raw = (HOSTILE / name).read_bytes()

        def refuse(raw: bytes = raw, name: str = name) -> None:
            try:
                load_bytes(raw, name)
            except InputError:
                return
            raise AssertionError(f"{name} was accepted")

        seconds = statistics.median(_timed(refuse) for _ in range(repeat * 3))
        tracemalloc.start()
        refuse()
        peak = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
        out.append(
            Target(
                f"refuse {name} ({len(raw)} bytes; peak {peak:.1f} MB traced)",
                seconds * 1e3,
                None,
                None,
                "< 100 ms, < 50 MB",
                seconds < 0.1 and peak < 50,
            )
        )
    return out


def status(target: Target) -> str:
    if target.target == "info":
        return "-"
    return "PASS" if target.passed else "FAIL"


def _timed(fn: Callable[[], object]) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


if __name__ == "__main__":
    sys.exit(main())
