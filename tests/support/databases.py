"""Throwaway databases for tests: a PostgreSQL database of our own per use, dropped after."""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import create_engine, make_url
from sqlalchemy.exc import OperationalError

# The server every development and CI machine runs (DESIGN.md); override for elsewhere.
ADMIN_URL = os.environ.get(
    "SATYAPAN_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)


@contextmanager
def postgres_database() -> Iterator[str]:
    """A brand-new PostgreSQL database of our own, dropped afterwards."""
    admin = create_engine(ADMIN_URL, isolation_level="AUTOCOMMIT")
    name = f"satyapan_test_{secrets.token_hex(6)}"
    try:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    except OperationalError as exc:
        admin.dispose()
        pytest.fail(
            f"PostgreSQL at {ADMIN_URL} is not usable ({exc.orig}); start it with "
            "pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start"
        )
    try:
        yield make_url(ADMIN_URL).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


BACKENDS = ["sqlite", "postgresql"]


@contextmanager
def empty_database(backend: str, folder: Path) -> Iterator[str]:
    """A database nobody has touched: a new SQLite file, or a PostgreSQL database of our own."""
    if backend == "sqlite":
        yield f"sqlite:///{folder / f'empty-{secrets.token_hex(4)}.db'}"
    else:
        with postgres_database() as url:
            yield url
