"""Fixtures for storage tests: each test runs on a SQLite file and on a real PostgreSQL."""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, create_engine, make_url
from sqlalchemy.exc import OperationalError

from claims.model import (
    Claim,
    ClaimClass,
    ClaimType,
    DateFact,
    Entity,
    KeyFacts,
    NumberFact,
)
from db.engine import ensure_schema, make_engine
from db.models import Base

# The server every development and CI machine runs (DESIGN.md); override for elsewhere.
ADMIN_URL = os.environ.get(
    "SATYAPAN_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
BACKENDS = ["sqlite", "postgresql"]


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


@contextmanager
def empty_database(backend: str, folder: Path) -> Iterator[str]:
    if backend == "sqlite":
        yield f"sqlite:///{folder / f'empty-{secrets.token_hex(4)}.db'}"
    else:
        with postgres_database() as url:
            yield url


@pytest.fixture(scope="session", params=BACKENDS)
def db_url(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """One database per backend for the whole session (migrated once, cleaned per test)."""
    with empty_database(request.param, tmp_path_factory.mktemp("sqlite")) as url:
        yield url


@pytest.fixture(params=BACKENDS)
def empty_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A database nobody has touched yet, for migration tests."""
    with empty_database(request.param, tmp_path) as url:
        yield url


@pytest.fixture(scope="session")
def migrated_engine(db_url: str) -> Iterator[Engine]:
    engine = make_engine(db_url)
    ensure_schema(engine)
    yield engine
    engine.dispose()


def clean(engine: Engine) -> None:
    tables = Base.metadata.sorted_tables
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            names = ", ".join(t.name for t in tables)
            conn.exec_driver_sql(f"TRUNCATE {names} RESTART IDENTITY CASCADE")
        else:
            for table in reversed(tables):
                conn.execute(table.delete())


@pytest.fixture
def fresh_engine(migrated_engine: Engine) -> Engine:
    """A migrated engine whose tables are empty at the start of the test."""
    clean(migrated_engine)
    return migrated_engine


@pytest.fixture
def backend(fresh_engine: Engine) -> str:
    return fresh_engine.dialect.name


def sample_key_facts() -> KeyFacts:
    return KeyFacts(
        numbers=(NumberFact(value=26.0, text="छब्बीस", counts="लोग", start=3, end=9),),
        entities=(
            Entity(text="राजनाथ सिंह", latin="rajnath singh"),
            Entity(text="एससीओ", latin="SCO", kind="acronym"),
        ),
        predicates=("refuse", "sign"),
        dates=(DateFact(text="गुरुवार", value="thursday", kind="weekday"),),
    )


@pytest.fixture
def make_claim() -> Callable[..., Claim]:
    """Build a claims.model.Claim whose span follows its sentence index."""

    def build(index: int = 0, text: str | None = None, **changes: Any) -> Claim:
        text = text or f"राजनाथ सिंह ने दस्तावेज़ पर हस्ताक्षर करने से इनकार किया {index}।"
        values: dict[str, Any] = {
            "text": text,
            "sentence": text,
            "span": (index * 100, index * 100 + len(text)),
            "sentence_index": index,
            "type": ClaimType.EVENT,
            "cls": ClaimClass.CHECKWORTHY,
            "checkworthiness": 0.8,
            "key_facts": sample_key_facts(),
            "language": "hi",
        }
        values.update(changes)
        return Claim(**values)

    return build
