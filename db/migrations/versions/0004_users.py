"""Reviewer accounts: who may read, decide and publish.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-29

``users``: a unique name, a role (viewer, reviewer, editor), an argon2 password hash, and
whether the account is disabled. Claims get ``assigned_to`` (the reviewer an editor gave
the claim to; NULL: anyone's). Existing rows: no users (add them with ``satyapan users
add``), no claim assigned.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("password_hash", sa.Text(), nullable=False),
        sa.Column("disabled", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
        sa.UniqueConstraint("name", name=op.f("uq_users_name")),
    )
    op.add_column("claims", sa.Column("assigned_to", sa.String(200), nullable=True))


def downgrade() -> None:
    op.drop_column("claims", "assigned_to")
    op.drop_table("users")
