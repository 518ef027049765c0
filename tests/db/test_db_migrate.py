"""Migrations: an empty database reaches the models' schema, and only when it needs to."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from setuptools import find_packages
from sqlalchemy import event, inspect, text

from db.engine import ensure_schema, make_engine
from db.migrate import MIGRATIONS, current_revision, downgrade, head_revision, upgrade
from db.models import Base
from satyapan.errors import StorageError

ROOT = Path(__file__).resolve().parents[2]
ALL_TABLES = {"articles", "claims", "documents", "evidence", "runs", "status_changes"}


def test_upgrade_creates_all_tables(empty_url: str) -> None:
    upgrade(empty_url)
    engine = make_engine(empty_url)
    try:
        assert set(Base.metadata.tables) == ALL_TABLES
        assert set(inspect(engine).get_table_names()) == ALL_TABLES | {"alembic_version"}
        assert current_revision(engine) == head_revision() == "0001"
    finally:
        engine.dispose()


def test_migration_matches_the_models(empty_url: str) -> None:
    upgrade(empty_url)
    engine = make_engine(empty_url)
    try:
        with engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"compare_type": True})
            assert compare_metadata(context, Base.metadata) == []
    finally:
        engine.dispose()


def test_downgrade_then_upgrade_again(empty_url: str) -> None:
    upgrade(empty_url)
    downgrade(empty_url)
    engine = make_engine(empty_url)
    try:
        assert current_revision(engine) is None
        assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
        ensure_schema(engine)
        assert current_revision(engine) == head_revision()
    finally:
        engine.dispose()


def test_ensure_schema_upgrades_an_empty_database_then_costs_one_query(empty_url: str) -> None:
    engine = make_engine(empty_url)
    try:
        assert current_revision(engine) is None
        ensure_schema(engine)
        assert current_revision(engine) == head_revision()

        statements: list[str] = []

        @event.listens_for(engine, "before_cursor_execute")
        def record(conn: object, cursor: object, statement: str, *args: object) -> None:
            statements.append(statement)

        ensure_schema(engine)
        queries = [s for s in statements if not s.startswith(("BEGIN", "SELECT pg_"))]
        assert len(queries) <= 2, statements  # reading alembic_version, nothing else
        assert not any("CREATE" in s.upper() for s in statements)
    finally:
        engine.dispose()


def test_two_processes_upgrading_at_once_both_succeed(empty_url: str) -> None:
    errors: list[BaseException] = []

    def work() -> None:
        engine = make_engine(empty_url)
        try:
            ensure_schema(engine)
        except BaseException as exc:  # collected for the assertion below
            errors.append(exc)
        finally:
            engine.dispose()

    threads = [threading.Thread(target=work) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    engine = make_engine(empty_url)
    try:
        assert current_revision(engine) == head_revision()
    finally:
        engine.dispose()


def test_a_revision_from_the_future_is_refused(empty_url: str) -> None:
    upgrade(empty_url)
    engine = make_engine(empty_url)
    try:
        with engine.begin() as conn:
            conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
        with pytest.raises(StorageError, match="revision '9999'.*upgrade Satyapan"):
            ensure_schema(engine)
    finally:
        engine.dispose()


def test_tables_without_a_migration_record_are_refused(empty_url: str) -> None:
    engine = make_engine(empty_url)
    try:
        Base.metadata.create_all(engine)
        with pytest.raises(StorageError, match="no migration record"):
            ensure_schema(engine)
    finally:
        engine.dispose()


def test_migrations_ship_with_the_package() -> None:
    # pyproject: packages.find include "db*", package-data "*" includes *.mako.
    packages = find_packages(str(ROOT), include=["db*"])
    assert {"db", "db.migrations", "db.migrations.versions"} <= set(packages)
    assert (MIGRATIONS / "script.py.mako").is_file()
    assert (MIGRATIONS / "env.py").is_file()
    assert (MIGRATIONS / "versions" / "0001_initial.py").is_file()
