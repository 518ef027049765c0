"""Schema migrations run from code: Alembic with its scripts shipped in the package, no ini."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError
from sqlalchemy import Connection, Engine, inspect, text
from sqlalchemy.exc import DBAPIError

from db.engine import READ_ONLY, make_engine, one_line
from db.models import Base
from satyapan.errors import StorageError

MIGRATIONS = Path(__file__).with_name("migrations")
# Any constant: PostgreSQL holds it while one process migrates, so others wait their turn.
_PG_LOCK_KEY = 0x5A7A_9A17


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


@lru_cache(maxsize=1)
def _scripts() -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    """The newest revision this code knows."""
    head = _scripts().get_current_head()
    assert head is not None, "no migration scripts found"
    return head


def _current(conn: Connection) -> str | None:
    return MigrationContext.configure(conn).get_current_revision()


def current_revision(engine: Engine) -> str | None:
    """The database's revision, or None for a database never migrated."""
    try:  # a read: it takes no write lock (SQLite), so it works while a run writes
        with engine.execution_options(**{READ_ONLY: True}).connect() as conn:
            return _current(conn)
    except DBAPIError as exc:
        raise StorageError(f"cannot read the schema revision: {one_line(exc)}") from exc


def _migrate(
    engine: Engine, revision: str, *, down: bool = False, only_if_behind: bool = False
) -> None:
    try:
        with engine.begin() as conn:  # SQLite: BEGIN IMMEDIATE serialises migrators too
            if conn.dialect.name == "postgresql":
                conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_LOCK_KEY})
            current = _current(conn)
            if only_if_behind and current == head_revision():
                return  # another process got here first
            _check_known(conn, current)
            run = command.downgrade if down else command.upgrade
            run(alembic_config(conn), revision)
    except DBAPIError as exc:
        raise StorageError(f"cannot migrate the database: {one_line(exc)}") from exc


def _check_known(conn: Connection, current: str | None) -> None:
    if current is None:
        ours = set(Base.metadata.tables) & set(inspect(conn).get_table_names())
        if ours:
            raise StorageError(
                f"the database has Satyapan tables ({', '.join(sorted(ours))}) but no "
                "migration record: use an empty database or one made by Satyapan"
            )
        return
    try:
        _scripts().get_revision(current)
    except CommandError as exc:
        raise StorageError(
            f"the database schema is at revision {current!r}, which this version of "
            "Satyapan does not know: upgrade Satyapan"
        ) from exc


def ensure_head(engine: Engine) -> None:
    """Upgrade to head when empty or behind; one cheap query when already there."""
    if current_revision(engine) != head_revision():
        _migrate(engine, "head", only_if_behind=True)


def upgrade(url: str, revision: str = "head") -> None:
    """Upgrade the database at ``url`` to ``revision`` (default: the newest)."""
    engine = make_engine(url)
    try:
        _migrate(engine, revision)
    finally:
        engine.dispose()


def downgrade(url: str, revision: str = "base") -> None:
    """Downgrade the database at ``url`` to ``revision`` (default: drop every table)."""
    engine = make_engine(url)
    try:
        _migrate(engine, revision, down=True)
    finally:
        engine.dispose()
