"""Alembic migrations for the Satyapan schema (run through db.migrate, no alembic.ini)."""
