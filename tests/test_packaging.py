"""The README's commands, CI's script and the installed wheel agree with each other."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import venv
from pathlib import Path

import pytest

from conftest import ROOT


def readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Set-up", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.+?)\n```", section)


def test_readme_has_the_two_setup_commands() -> None:
    install_and_run, install_and_test = readme_commands()
    assert "exportcheck check examples/profiles/" in install_and_run
    assert "pytest" in install_and_test


def test_ci_runs_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    test_command = readme_commands()[1]
    tail = test_command.split("&& ", 2)[2]  # after creating and activating the venv
    assert tail in ci


@pytest.mark.slow
def test_wheel_installs_and_runs_from_anywhere(tmp_path: Path) -> None:
    """Build the wheel, install it into a fresh venv, check a bundled example elsewhere."""
    if os.environ.get("EXPORTCHECK_SKIP_WHEEL_TEST"):
        pytest.skip("EXPORTCHECK_SKIP_WHEEL_TEST is set")
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(dist), str(ROOT)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    (wheel,) = dist.glob("*.whl")
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = env_dir / "bin" / "python"
    subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", str(wheel)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    exe = env_dir / "bin" / "exportcheck"
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "EXPORTCHECK_CACHE_DIR": str(tmp_path / "cache")}
    version = subprocess.run(
        [str(exe), "--version"], cwd=elsewhere, capture_output=True, text=True, env=env, check=False
    )
    assert "exportcheck, version" in version.stdout, version.stderr
    validate = subprocess.run(
        [str(exe), "validate"], cwd=elsewhere, capture_output=True, text=True, env=env, check=False
    )
    assert validate.returncode == 0, validate.stdout + validate.stderr
    site = subprocess.run(
        [str(python), "-c", "import exportcheck.paths as p; print(p.bundled_root())"],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    bundled = Path(site.stdout.strip())
    assert bundled.name == "bundled", "the wheel must carry its own data"
    example = bundled / "examples" / "profiles" / "foryou-recommender.yaml"
    check = subprocess.run(
        [str(exe), "check", str(example), "--format", "json"],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert check.returncode == 1, check.stderr
    assert '"decision": "licence-required"' in check.stdout


def test_every_diagnostic_code_is_documented_once() -> None:
    used: dict[str, set[str]] = {}
    pattern = re.compile(r'"([EW]\d{3})",\s*"([a-z-]+)"')
    for path in (ROOT / "exportcheck").rglob("*.py"):
        for code, name in pattern.findall(path.read_text(encoding="utf-8")):
            used.setdefault(code, set()).add(name)
    documented = dict(
        re.findall(
            r"^\| ([EW]\d{3}) \| ([a-z-]+) \|",
            (ROOT / "docs" / "diagnostics.md").read_text(encoding="utf-8"),
            flags=re.MULTILINE,
        )
    )
    assert len(used) > 40
    for code, names in used.items():
        assert names == {documented.get(code)}, (code, names)
