"""Fixtures for storage tests: each test runs on a SQLite file and on a real PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine

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
from tests.support.databases import BACKENDS, empty_database


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
