"""Install on a plain venv: `python3.11 -m venv v && v/bin/pip install .` with the pip that
Python bundles (no upgrade, no extras, no -e) must give a working `satyapan`, fetching and
reading pages included (pip 23 skips trafilatura's lxml[html_clean] extra: Satyapan declares
lxml_html_clean itself)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_pip_install_dot_in_a_plain_venv_gives_a_working_satyapan(tmp_path: Path) -> None:
    source = tmp_path / "src"
    # A copy of the project as a clean clone has it (no .venv, no caches).
    shutil.copytree(
        ROOT,
        source,
        ignore=shutil.ignore_patterns(".venv", ".git", "__pycache__", "*.egg-info", "build"),
    )
    target = tmp_path / "v"
    venv.EnvBuilder(with_pip=True).create(target)  # the pip this Python bundles
    python = target / "bin" / "python"
    pip_version = subprocess.run(
        [python, "-m", "pip", "--version"], capture_output=True, text=True, check=True
    ).stdout
    install = subprocess.run(
        [python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", str(source)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert install.returncode == 0, install.stderr[-3000:]
    env = {
        "PATH": f"{target / 'bin'}:/usr/bin:/bin",
        "HOME": str(tmp_path),
        "SATYAPAN_HOME": str(tmp_path / "home"),
        "PREFECT_HOME": str(tmp_path / "prefect"),
        "COLUMNS": "200",
    }
    db = f"sqlite:///{tmp_path / 'plain.db'}"
    seed = ROOT / "examples" / "sco-qingdao-2025.hi.txt"
    try:  # the default: flows run in the background process this first command starts
        done = subprocess.run(
            [target / "bin" / "satyapan", "verify", str(seed), "--corpus",
             str(ROOT / "examples" / "coverage"), "--db", db],
            capture_output=True, text=True, env=env, cwd=tmp_path, check=False, timeout=600,
        )  # fmt: skip
    finally:
        subprocess.run(
            [target / "bin" / "satyapan", "server", "stop"],
            capture_output=True, env=env, cwd=tmp_path, check=False, timeout=120,
        )  # fmt: skip
    assert done.returncode == 0, (pip_version, done.stderr[-3000:])
    assert "12 of 12 coverage pages read" in done.stdout, done.stdout[:500]
    # The reviewer app's pages and assets are installed with it.
    assets = subprocess.run(
        [python, "-c", "import importlib.resources as r; f = r.files('review'); "
         "print(all((f / p).is_file() for p in ('templates/base.html', 'templates/claim.html',"
         " 'static/app.css', 'static/app.js')))"],
        capture_output=True, text=True, cwd=tmp_path, check=False,
    )  # fmt: skip
    assert assets.stdout.strip() == "True", assets.stderr[-2000:]
    assert sys.version_info >= (3, 11)
