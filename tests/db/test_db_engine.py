"""Engines and sessions: clean errors, SQLite pragmas, transactions, UTC timestamps."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from datetime import UTC
from pathlib import Path

import pytest
from sqlalchemy import Engine, select

from claims.model import Claim
from db import repo
from db.engine import ensure_schema, make_engine, session_scope
from db.models import Article, StatusChange
from satyapan.errors import StorageError


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("not a url", "malformed database URL"),
        ("", "malformed database URL"),
        ("nosuchdb://host/x", "unsupported database URL"),
        ("postgresql://postgres:s3cret@127.0.0.1:1/test", "cannot connect to database"),
        ("postgresql://postgres@127.0.0.1:5432/no_such_database_here", "cannot connect"),
        ("sqlite:////proc/satyapan/cannot/x.db", "cannot create the folder"),
    ],
)
def test_bad_url_gives_a_one_line_storage_error(url: str, expected: str) -> None:
    with pytest.raises(StorageError) as caught:
        make_engine(url)
    message = str(caught.value)
    assert expected in message
    assert "\n" not in message
    assert "s3cret" not in message


def test_plain_postgresql_url_uses_psycopg3() -> None:
    engine = make_engine("postgresql://postgres@127.0.0.1:5432/test")
    try:
        assert engine.dialect.driver == "psycopg"
    finally:
        engine.dispose()


def test_sqlite_file_gets_its_folder_wal_and_foreign_keys(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "er" / "satyapan.db"
    engine = make_engine(f"sqlite:///{path}")
    try:
        assert path.parent.is_dir()
        with engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    finally:
        engine.dispose()


def test_a_new_sqlite_file_locked_by_another_process_is_waited_for(tmp_path: Path) -> None:
    # Switching to WAL fails at once while another connection holds a lock (the busy
    # timeout does not cover it): two processes first using one database hit this.
    path = tmp_path / "shared.db"
    other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    other.execute("CREATE TABLE t (x)")
    timer = threading.Timer(0.3, other.execute, args=("COMMIT",))
    timer.start()
    try:
        engine = make_engine(f"sqlite:///{path}")
        with engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        engine.dispose()
    finally:
        timer.join()
        other.close()


def test_sqlite_in_memory_database_migrates_and_stores() -> None:
    engine = make_engine("sqlite://")
    try:
        ensure_schema(engine)
        with session_scope(engine) as s:
            article = repo.save_article(s, source="-", text="लेख।", language="hi")
        with session_scope(engine) as s:
            assert repo.get_article(s, article.id).text == "लेख।"
    finally:
        engine.dispose()


def test_a_file_that_is_not_a_database_gives_a_storage_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(b"these are not the pages you are looking for" * 100)
    with pytest.raises(StorageError, match="cannot connect to database .*notes.db: file is not"):
        make_engine(f"sqlite:///{path}")


def test_failed_transaction_keeps_earlier_committed_data(fresh_engine: Engine) -> None:
    with session_scope(fresh_engine) as s:
        kept = repo.save_article(s, source="a.txt", text="पहला लेख।", language="hi").id
    with pytest.raises(RuntimeError, match="boom"), session_scope(fresh_engine) as s:
        repo.save_article(s, source="b.txt", text="दूसरा लेख।", language="hi")
        raise RuntimeError("boom")
    with session_scope(fresh_engine) as s:
        assert [a.id for a in s.scalars(select(Article))] == [kept]


def test_driver_errors_come_out_as_one_line_storage_errors(fresh_engine: Engine) -> None:
    with session_scope(fresh_engine) as s:
        repo.save_article(s, source="a.txt", text="लेख।", language="hi")
    with pytest.raises(StorageError) as caught, session_scope(fresh_engine) as s:
        # Bypass the repository's idempotence to hit the UNIQUE constraint itself.
        s.add(Article(source="b", text="x", language="hi", content_hash=repo.sha256("लेख।")))
    shown = fresh_engine.url.render_as_string(hide_password=True)
    assert str(caught.value).startswith(f"database {shown}: ")  # names the database
    assert "\n" not in str(caught.value)


def test_timestamps_come_back_as_utc(fresh_engine: Engine) -> None:
    with session_scope(fresh_engine) as s:
        article_id = repo.save_article(s, source="a", text="लेख।", language="hi").id
    with session_scope(fresh_engine) as s:
        article = repo.get_article(s, article_id)
        s.refresh(article)
        assert article.created_at.tzinfo == UTC


def test_status_changes_are_append_only(
    fresh_engine: Engine, make_claim: Callable[..., Claim]
) -> None:
    with session_scope(fresh_engine) as s:
        article = repo.save_article(s, source="a", text="लेख।", language="hi")
        claim_id = repo.save_claims(s, article.id, [make_claim()])[0].id
    with pytest.raises(StorageError, match="history"), session_scope(fresh_engine) as s:
        change = repo.history_for(s, claim_id)[0]
        change.note = "rewritten"
        s.flush()
    with pytest.raises(StorageError, match="history"), session_scope(fresh_engine) as s:
        s.delete(s.scalars(select(StatusChange)).one())
        s.flush()
    with session_scope(fresh_engine) as s:
        assert [c.note for c in repo.history_for(s, claim_id)] == ["claim extracted"]
