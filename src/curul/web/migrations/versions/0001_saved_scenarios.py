"""Saved scenarios: a page's controls under a short hash, with the curul version and data checksum
they were computed with.

Revision ID: 0001
Revises:
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "saved_scenarios",
        sa.Column("hash", sa.String(32), primary_key=True),
        sa.Column("page", sa.String(64), nullable=False),
        sa.Column("params", sa.JSON(), nullable=False),
        sa.Column("curul_version", sa.String(32), nullable=False),
        sa.Column("data_checksum", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    with op.batch_alter_table("saved_scenarios") as batch:
        batch.create_index("ix_saved_scenarios_page", ["page"])


def downgrade() -> None:
    op.drop_table("saved_scenarios")
