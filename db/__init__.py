"""Storage: SQLAlchemy models, engine and sessions, repository functions, Alembic migrations."""
