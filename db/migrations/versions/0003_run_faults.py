"""Fault isolation: a page's failure, and which process runs a Run.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29

``documents.failed`` holds "ErrorClass: message" when reading, extracting or analysing the
page raised (a fault of Satyapan or of the page, not an HTTP outcome such as 404); NULL when
the last reading went through. ``runs.host`` and ``runs.pid`` name the process that runs a
Run, so that a later run can tell a Run whose process died (kill -9, power loss) and mark it
``interrupted``. Existing rows get NULL ("not known").
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("documents", sa.Column("failed", sa.Text(), nullable=True))
    op.add_column("runs", sa.Column("host", sa.String(255), nullable=True))
    op.add_column("runs", sa.Column("pid", sa.Integer(), nullable=True))


def downgrade() -> None:
    op.drop_column("runs", "pid")
    op.drop_column("runs", "host")
    op.drop_column("documents", "failed")
