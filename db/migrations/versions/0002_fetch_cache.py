"""Fetch cache: document validators and change tracking, evidence's document version.

Revision ID: 0002
Revises: 0001
Create Date: 2025-12-04

Existing rows get NULL in every new column ("not known"): before this revision nothing
recorded when a page's content changed or which version evidence was matched against.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("documents", sa.Column("etag", sa.Text(), nullable=True))
    op.add_column("documents", sa.Column("last_modified", sa.Text(), nullable=True))
    op.add_column("documents", sa.Column("changed_at", sa.DateTime(timezone=True), nullable=True))
    op.add_column("documents", sa.Column("previous_hash", sa.String(64), nullable=True))
    op.add_column("evidence", sa.Column("document_hash", sa.String(64), nullable=True))


def downgrade() -> None:
    # Plain DROP COLUMN (SQLite 3.35+): a batch copy of documents would cascade-delete
    # its evidence under PRAGMA foreign_keys=ON.
    op.drop_column("evidence", "document_hash")
    for column in ("previous_hash", "changed_at", "last_modified", "etag"):
        op.drop_column("documents", column)
