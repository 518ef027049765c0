#!/usr/bin/env python3
"""Set up Satyapan in .venv (once, and again when pyproject.toml changes), then run a task.

    python3 dev.py demo    # install everything, verify the bundled article offline
    python3 dev.py test    # install everything, run ruff, mypy and the whole test suite

Needs only Python 3.11+; the test suite also uses the PostgreSQL server on 127.0.0.1:5432.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
STAMP = VENV / ".satyapan-installed"


def sh(*args: str | Path) -> None:
    print("+", " ".join(str(a) for a in args), flush=True)
    code = subprocess.call([str(a) for a in args], cwd=ROOT)
    if code:
        raise SystemExit(code)


# Debian packages Satyapan reads at run time (GPL data, so system parts, not wheels):
# Apertium's Hindi and English morphological analysers, FreeDict's English-Hindi dictionary
# a Devanagari font for the browser, and Debian's chromium for the browser tests.
APT_PACKAGES = (
    "lttoolbox",
    "apertium",
    "apertium-hin",
    "apertium-eng-spa",
    "dict-freedict-eng-hin",
    "wordnet-base",  # WordNet's antonyms: opposite outcomes (acquitted / convicted)
    "fonts-noto-core",
    "chromium",  # the reviewer app's browser tests (Playwright drives it; no download)
)


def install_system_packages() -> None:
    """apt-get the missing packages when we can (root on Debian); else say what is missing."""
    if not Path("/usr/bin/dpkg-query").exists():
        return
    missing = [
        p
        for p in APT_PACKAGES
        if subprocess.call(
            ["dpkg-query", "-W", "-f=${Status}", p],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
    ]
    if not missing:
        return
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        print("+ apt-get install", *missing, flush=True)
        if subprocess.call(["apt-get", "install", "-y", "-q", *missing], env=env):
            subprocess.call(["apt-get", "update", "-q"], env=env)
            subprocess.call(["apt-get", "install", "-y", "-q", *missing], env=env)
    else:
        print(
            f"note: install {' '.join(missing)} (sudo apt-get install …) for morphology", flush=True
        )


def setup() -> None:
    install_system_packages()
    if sys.version_info < (3, 11):  # noqa: UP036 - this script may run on an older Python
        raise SystemExit(f"Satyapan needs Python 3.11 or newer, not {sys.version.split()[0]}")
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if STAMP.exists() and STAMP.read_text() == digest:
        return
    if not (BIN / "python").exists():
        print(f"+ creating {VENV}", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    sh(BIN / "python", "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    sh(BIN / "python", "-m", "pip", "install", "--quiet", "-e", ".[dev]")
    # Prefect's database migrated once here, not on every new PREFECT_HOME's first start
    # (an optimisation: without it, each new home migrates its own, as Prefect does).
    if subprocess.call([str(BIN / "python"), "-m", "flows.prefectdb"], cwd=ROOT):
        print("! Prefect's database template was not made; going on without it", flush=True)
    # The background process runs with -OO (flows/background.py): its modules compiled now,
    # not on the first command.
    subprocess.call([str(BIN / "python"), "-OO", "-m", "flows.background", "--compile"], cwd=ROOT)
    STAMP.write_text(digest)


def main(argv: list[str]) -> None:
    task = argv[0] if argv else "help"
    if task not in ("demo", "test", "setup"):
        print(__doc__)
        raise SystemExit(0 if task == "help" else 2)
    setup()
    if task == "demo":
        sh(BIN / "satyapan", "demo", *argv[1:])
    elif task == "test":
        sh(BIN / "ruff", "check", ".")
        sh(BIN / "mypy")
        sh(BIN / "python", "-m", "pytest", "-q", *argv[1:])


if __name__ == "__main__":
    main(sys.argv[1:])
