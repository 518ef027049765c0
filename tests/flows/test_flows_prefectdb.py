"""Prefect's database migrated once per installation and copied into each new home."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from flows import prefectdb


def _database(path: Path, rows: int) -> None:
    with sqlite3.connect(path) as con:
        con.execute("CREATE TABLE alembic_version (version_num TEXT)")
        con.executemany("INSERT INTO alembic_version VALUES (?)", [(str(i),) for i in range(rows)])


def _rows(path: Path) -> int:
    with sqlite3.connect(path) as con:
        return int(con.execute("SELECT count(*) FROM alembic_version").fetchone()[0])


@pytest.fixture(autouse=True)
def _no_operator_database(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PREFECT_API_DATABASE_CONNECTION_URL", raising=False)
    monkeypatch.delenv("PREFECT_SERVER_DATABASE_CONNECTION_URL", raising=False)


def test_the_first_migrated_home_becomes_the_template_and_new_homes_start_from_it(
    tmp_path: Path,
) -> None:
    template = tmp_path / "share" / "prefect-x.db"
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    assert not prefectdb.seed(first, template)  # no template yet: Prefect migrates
    _database(first / prefectdb.DATABASE_FILE, 3)  # what Prefect's migrations leave
    assert prefectdb.keep(first, template)
    assert _rows(template) == 3
    assert prefectdb.seed(second, template)
    assert _rows(second / prefectdb.DATABASE_FILE) == 3
    # A template is kept once; a home's own database is never overwritten.
    _database(tmp_path / "third.db", 5)
    (second / prefectdb.DATABASE_FILE).unlink()
    _database(second / prefectdb.DATABASE_FILE, 7)
    assert not prefectdb.keep(second, template)
    assert not prefectdb.seed(second, template)
    assert _rows(template) == 3 and _rows(second / prefectdb.DATABASE_FILE) == 7


def test_a_database_the_operator_configured_is_left_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    template = tmp_path / "prefect-x.db"
    _database(template, 1)
    monkeypatch.setenv("PREFECT_API_DATABASE_CONNECTION_URL", "postgresql+asyncpg://x/y")
    assert not prefectdb.seed(tmp_path / "home", template)
    assert not (tmp_path / "home" / prefectdb.DATABASE_FILE).exists()


def test_a_read_only_installation_keeps_no_template_and_says_so_by_returning_false(
    tmp_path: Path,
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    _database(home / prefectdb.DATABASE_FILE, 2)
    blocked = tmp_path / "file"
    blocked.write_text("not a directory")
    assert not prefectdb.keep(home, blocked / "prefect-x.db")


def test_the_template_is_named_by_the_prefect_release_of_this_installation() -> None:
    from importlib.metadata import version

    assert prefectdb.template_path().name == f"prefect-{version('prefect')}.db"
