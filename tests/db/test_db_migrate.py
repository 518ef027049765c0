"""Migrations: an empty database reaches the models' schema, and only when it needs to."""

from __future__ import annotations

import threading
from datetime import datetime
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
NOW = datetime(2025, 6, 26, 9, 0)
ALL_TABLES = {
    "articles",
    "claims",
    "documents",
    "evidence",
    "runs",
    "status_changes",
    "users",
}


def test_upgrade_creates_all_tables(empty_url: str) -> None:
    upgrade(empty_url)
    engine = make_engine(empty_url)
    try:
        assert set(Base.metadata.tables) == ALL_TABLES
        assert set(inspect(engine).get_table_names()) == ALL_TABLES | {"alembic_version"}
        assert current_revision(engine) == head_revision() == "0004"
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
    assert (MIGRATIONS / "versions" / "0002_fetch_cache.py").is_file()
    assert (MIGRATIONS / "versions" / "0003_run_faults.py").is_file()
    assert (MIGRATIONS / "versions" / "0004_users.py").is_file()


def test_0002_upgrades_a_0001_database_and_keeps_its_rows(empty_url: str) -> None:
    upgrade(empty_url, "0001")
    engine = make_engine(empty_url)
    try:
        assert current_revision(engine) == "0001"
        columns = {c["name"] for c in inspect(engine).get_columns("documents")}
        assert "etag" not in columns
        with engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO articles (id, source, language, text, content_hash, created_at)"
                    " VALUES (1, 'a.txt', 'hi', 'खबर', 'h-article', :now)"
                ),
                {"now": NOW},
            )
            conn.execute(
                text(
                    "INSERT INTO claims (id, article_id, text, text_hash, sentence, span_start,"
                    " span_end, sentence_index, type, cls, checkworthiness, key_facts,"
                    " language, status, pipeline_status, created_at, updated_at) VALUES"
                    " (1, 1, 'खबर', 'h-claim', 'खबर', 0, 3, 0, 'event', 'checkworthy_factual',"
                    " 0.8, '{}', 'hi', 'pending', 'pending', :now, :now)"
                ),
                {"now": NOW},
            )
            conn.execute(
                text(
                    "INSERT INTO documents (id, url, outcome, text, content_hash, fetched_at)"
                    " VALUES (1, 'http://x/1', 'ok', 'पाठ', 'h-doc', :now)"
                ),
                {"now": NOW},
            )
            conn.execute(
                text(
                    "INSERT INTO evidence (id, claim_id, document_id, quote, quote_start,"
                    " quote_end, highlight_start, highlight_end, score, stance, matched_facts,"
                    " conflicting_facts, created_at, updated_at) VALUES (1, 1, 1, 'पाठ', 0, 3,"
                    " 0, 3, 80, 'supports', '[]', '[]', :now, :now)"
                ),
                {"now": NOW},
            )
        upgrade(empty_url, "0002")
        assert current_revision(engine) == "0002"
        with engine.connect() as conn:
            document = conn.execute(
                text(
                    "SELECT url, text, content_hash, etag, last_modified, changed_at,"
                    " previous_hash FROM documents"
                )
            ).one()
            evidence = conn.execute(text("SELECT quote, document_hash FROM evidence")).one()
        # Old rows keep everything; what was never recorded is NULL, "not known".
        assert tuple(document) == ("http://x/1", "पाठ", "h-doc", None, None, None, None)
        assert tuple(evidence) == ("पाठ", None)
        downgrade(empty_url, "0001")
        assert current_revision(engine) == "0001"
        with engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM evidence")).scalar() == 1
        columns = {c["name"] for c in inspect(engine).get_columns("documents")}
        assert not columns & {"etag", "last_modified", "changed_at", "previous_hash"}
    finally:
        engine.dispose()


def test_0003_adds_page_failures_and_run_processes_and_keeps_rows(empty_url: str) -> None:
    upgrade(empty_url, "0002")
    engine = make_engine(empty_url)
    try:
        with engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO articles (id, source, language, text, content_hash, created_at)"
                    " VALUES (1, 'a.txt', 'hi', 'खबर', 'h-article', :now)"
                ),
                {"now": NOW},
            )
            conn.execute(
                text(
                    "INSERT INTO runs (id, article_id, started_at, outcome, counts)"
                    " VALUES (1, 1, :now, 'running', '{}')"
                ),
                {"now": NOW},
            )
            conn.execute(
                text(
                    "INSERT INTO documents (id, url, outcome, fetched_at)"
                    " VALUES (1, 'http://x/1', 'ok', :now)"
                ),
                {"now": NOW},
            )
        upgrade(empty_url, "0003")
        assert current_revision(engine) == "0003"
        with engine.connect() as conn:
            run = conn.execute(text("SELECT outcome, host, pid FROM runs")).one()
            failed = conn.execute(text("SELECT failed FROM documents")).scalar()
        # A run from before 0003 names no process: nothing can tell it was interrupted.
        assert tuple(run) == ("running", None, None)
        assert failed is None
        downgrade(empty_url, "0002")
        runs = {c["name"] for c in inspect(engine).get_columns("runs")}
        documents = {c["name"] for c in inspect(engine).get_columns("documents")}
        assert not runs & {"host", "pid"} and "failed" not in documents
        with engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM runs")).scalar() == 1
    finally:
        engine.dispose()


def test_the_schema_head_the_engine_knows_is_the_newest_migration() -> None:
    from db.engine import SCHEMA_HEAD

    assert head_revision() == SCHEMA_HEAD
