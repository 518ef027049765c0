"""Prefect's database, migrated once per installation instead of once per PREFECT_HOME.

A new PREFECT_HOME starts with an empty SQLite database that Prefect migrates on its first
start: about 8 s of Alembic migrations, most of a fresh machine's first `satyapan verify`.
The migrated schema depends only on the Prefect release, so the first migrated database is
kept beside the installation (``<venv>/share/satyapan/prefect-<version>.db``, made by
``python3 dev.py setup`` or by the first background process) and copied into every new
PREFECT_HOME. A database configured by the operator (PostgreSQL, say) is left alone.

    python -m flows.prefectdb      # make the template now (dev.py setup does)
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import shutil
import sqlite3
import sys
import tempfile
from importlib.metadata import version
from pathlib import Path

# Prefect reads either name (the first is the older one).
_DATABASE_SETTINGS = (
    "PREFECT_API_DATABASE_CONNECTION_URL",
    "PREFECT_SERVER_DATABASE_CONNECTION_URL",
)
DATABASE_FILE = "prefect.db"  # Prefect's default: sqlite under PREFECT_HOME


def template_path() -> Path:
    """Where this installation keeps its migrated database (one per Prefect release)."""
    return Path(sys.prefix) / "share" / "satyapan" / f"prefect-{version('prefect')}.db"


def own_database() -> bool:
    """Whether Prefect uses its default SQLite file (no database configured by the operator)."""
    return not any(os.environ.get(name) for name in _DATABASE_SETTINGS)


def seed(home: Path, template: Path | None = None) -> bool:
    """Copy the migrated template into ``home`` when ``home`` has no database yet; whether
    it did (Prefect then finds its schema up to date and migrates nothing)."""
    template = template or template_path()
    target = home / DATABASE_FILE
    if not own_database() or target.exists() or not template.is_file():
        return False
    home.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{DATABASE_FILE}.{os.getpid()}")
    try:
        shutil.copyfile(template, partial)
        os.replace(partial, target)
    except OSError:
        with contextlib.suppress(OSError):
            partial.unlink()
        return False
    return True


def keep(home: Path, template: Path | None = None) -> bool:
    """Keep ``home``'s freshly migrated database as the template, if there is none yet;
    whether it did. Read through SQLite's backup API: consistent while the server runs."""
    template = template or template_path()
    source = home / DATABASE_FILE
    if not own_database() or template.exists() or not source.is_file():
        return False
    try:
        template.parent.mkdir(parents=True, exist_ok=True)
        partial = template.with_name(f".{template.name}.{os.getpid()}")
        with (
            contextlib.closing(sqlite3.connect(source)) as src,
            contextlib.closing(sqlite3.connect(partial)) as dst,
        ):
            src.backup(dst)
        os.replace(partial, template)
    except (OSError, sqlite3.Error):
        return False  # a read-only installation: each new home migrates, as Prefect does
    return True


def build(template: Path | None = None) -> Path:
    """Migrate an empty database with Prefect's own migrations and keep it as the template."""
    template = template or template_path()
    with tempfile.TemporaryDirectory(prefix="satyapan-prefect-") as tmp:
        os.environ["PREFECT_HOME"] = tmp
        for name in _DATABASE_SETTINGS:
            os.environ.pop(name, None)
        from prefect.server.database import provide_database_interface

        asyncio.run(provide_database_interface().create_db())
        if not keep(Path(tmp), template):
            raise SystemExit(f"could not write {template}")
    return template


if __name__ == "__main__":
    if template_path().exists():
        print(f"Prefect's database template is ready: {template_path()}")
    else:
        print(f"Prefect's database template made: {build()}")
