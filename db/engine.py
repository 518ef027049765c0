"""Engines and sessions: SQLite made safe for concurrent writers, PostgreSQL through psycopg 3."""

from __future__ import annotations

import re
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError, SQLAlchemyError
from sqlalchemy.orm import Session

from satyapan.errors import StorageError

EXAMPLES = "sqlite:///path/to/satyapan.db or postgresql://user@host:5432/dbname"


def mask_url(url: str) -> str:
    """The URL with any password replaced, safe for messages and logs."""
    return re.sub(r"(://[^:/@]*:)[^@/]*@", r"\1***@", url)


def one_line(exc: BaseException) -> str:
    """The first line of a driver error: what a user needs, without the traceback."""
    inner = exc.orig if isinstance(exc, DBAPIError) and exc.orig is not None else exc
    lines = [line.strip() for line in str(inner).splitlines() if line.strip()]
    return lines[0] if lines else type(inner).__name__


def parse_url(url: str) -> URL:
    """Parse a database URL; plain postgresql:// (and postgres://) means psycopg 3."""
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError) as exc:
        raise StorageError(
            f"malformed database URL {mask_url(url)!r}: expected {EXAMPLES}"
        ) from exc
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed


def _sqlite_file(url: URL) -> Path | None:
    database = url.database
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    return Path(database)


def _set_wal(cursor: Any, *, wait: float = 30.0) -> None:
    # Switching a new database to WAL fails at once with "database is locked" while
    # another connection holds a lock (the busy timeout does not apply to it): two
    # processes opening a fresh database together hit this. Retry, as the timeout would.
    deadline = time.monotonic() + wait
    while True:
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


def _tune_sqlite(engine: Engine, *, wal: bool) -> None:
    # SQLAlchemy's recipe: sqlite3 stops emitting its own BEGIN (which it skips before
    # SELECTs, so read-then-write races lose updates) and we emit BEGIN IMMEDIATE, which
    # takes the write lock up front; other writers wait (timeout=30) instead of clobbering.
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, connection_record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute("PRAGMA foreign_keys=ON")
            if wal:
                _set_wal(cursor)
                cursor.execute("PRAGMA synchronous=NORMAL")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        # Readers (listing, showing, exporting, the reviewer's pages) take no write lock:
        # under WAL they read while a run writes.
        read_only = conn.get_execution_options().get(READ_ONLY, False)
        conn.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")


# Execution option of a read-only session (see session_scope).
READ_ONLY = "satyapan_read_only"
# Seconds a writer waits for another's lock, and for a server to answer, before it says so.
WAIT_SECONDS = 5


def make_engine(url: str, *, wait: float = WAIT_SECONDS) -> Engine:
    """An Engine for a SQLite or PostgreSQL URL, checked by connecting once.

    Raises StorageError with a one-line message for a malformed URL, an unknown database
    kind, a SQLite file that cannot be created or an unreachable server. A writer waits
    ``wait`` seconds for another's lock (SQLite) or for the server to answer (PostgreSQL).
    """
    parsed = parse_url(url)
    shown = parsed.render_as_string(hide_password=True)
    backend = parsed.get_backend_name()
    kwargs: dict[str, Any] = {}
    path: Path | None = None
    if backend == "sqlite":
        path = _sqlite_file(parsed)
        kwargs["connect_args"] = {"timeout": wait}
        if path is not None:
            try:
                path.expanduser().parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StorageError(f"cannot create the folder for {path}: {exc}") from exc
    elif backend == "postgresql":
        if "connect_timeout" not in parsed.query:
            kwargs["connect_args"] = {"connect_timeout": max(1, round(wait))}
        kwargs["pool_pre_ping"] = True  # servers restart; long-lived workers should not notice
    try:
        engine = create_engine(parsed, **kwargs)
    except (NoSuchModuleError, ImportError) as exc:
        raise StorageError(
            f"unsupported database URL {shown!r} ({one_line(exc)}): expected {EXAMPLES}"
        ) from exc
    except (ArgumentError, TypeError, ValueError) as exc:
        raise StorageError(f"bad database URL {shown!r}: {one_line(exc)}") from exc
    if backend == "sqlite":
        _tune_sqlite(engine, wal=path is not None)
    try:
        with engine.connect():
            pass
    except (SQLAlchemyError, OSError) as exc:
        engine.dispose()
        raise StorageError(f"cannot connect to database {shown}: {one_line(exc)}") from exc
    return engine


# The newest migration's revision (tests/db checks it against the scripts): a database
# already there is recognised with one query, without loading Alembic (0.17 s per command).
SCHEMA_HEAD = "0004"


def ensure_schema(engine: Engine) -> None:
    """Upgrade the schema to the newest revision if the database is empty or behind."""
    from sqlalchemy import text
    from sqlalchemy.exc import DBAPIError

    try:
        with engine.execution_options(**{READ_ONLY: True}).connect() as conn:
            current = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        if current == SCHEMA_HEAD:
            return
    except DBAPIError:
        pass  # no table yet, or unreadable: Alembic says what is wrong
    from db.migrate import ensure_head

    ensure_head(engine)


@contextmanager
def session_scope(engine: Engine, *, write: bool = True) -> Iterator[Session]:
    """A Session inside one transaction: commit on success, roll back on any error.

    Objects stay readable after the block (expire_on_commit=False), so an edge can print
    what it stored. Driver errors come out as StorageError with a one-line message that
    names the database. ``write=False`` for reading only: on SQLite it takes no write lock.
    """
    bind = engine if write else engine.execution_options(**{READ_ONLY: True})
    try:
        with Session(bind, expire_on_commit=False) as session, session.begin():
            yield session
    except DBAPIError as exc:
        shown = engine.url.render_as_string(hide_password=True)
        reason = one_line(exc)
        if "locked" in reason.casefold():
            raise StorageError(
                f"database {shown} is locked by another process (waited "
                f"{WAIT_SECONDS} s); try again when it has finished"
            ) from exc
        raise StorageError(f"database {shown}: {reason}") from exc
