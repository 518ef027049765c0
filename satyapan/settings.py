"""One Settings object (env prefix SATYAPAN_), declared once as data and built at the edge."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


def default_home() -> Path:
    return Path.home() / ".satyapan"


class Settings(BaseSettings):
    """Every knob a user can turn; each field's description is its documentation."""

    model_config = SettingsConfigDict(env_prefix="SATYAPAN_", extra="ignore")

    home: Path = Field(
        default_factory=default_home,
        description="Folder for the default SQLite database and caches.",
    )
    database_url: str | None = Field(
        default=None,
        description="SQLAlchemy database URL; default is a SQLite file in SATYAPAN_HOME.",
    )
    user_agent: str = Field(
        default="Satyapan/0.1 (+fact-claim verification; newsroom tool)",
        description="User-Agent header sent with every fetch.",
    )
    fetch_timeout: float = Field(default=10.0, description="Seconds to wait for a response.")
    fetch_connect_timeout: float = Field(default=5.0, description="Seconds to wait to connect.")
    fetch_max_bytes: int = Field(
        default=5_000_000, description="Largest response body read, in bytes."
    )
    fetch_retries: int = Field(
        default=2, description="Retries on timeouts, connection errors and 5xx responses."
    )
    fetch_concurrency: int = Field(default=8, description="Pages fetched at once.")
    allow_private_hosts: bool = Field(
        default=False,
        description="Allow fetching loopback/private addresses (tests, offline demo).",
    )
    glossary: Path | None = Field(
        default=None,
        description="Extra glossary TSV (concept, English forms, Hindi forms) merged with "
        "the built-in one.",
    )
    window_days_before: int = Field(
        default=3,
        description="Coverage published more than this many days before the event date "
        "is kept but does not count as evidence.",
    )
    window_days_after: int = Field(
        default=7,
        description="Coverage published more than this many days after the event date "
        "is kept but does not count as evidence.",
    )
    match_min_relevance: float = Field(
        default=45.0,
        description="Lowest relevance (0-100: the rarity-weighted share of a claim's words a "
        "sentence holds) at which a sentence is read as possible evidence.",
    )
    match_term_similarity: float = Field(
        default=82.0,
        description="rapidfuzz ratio (0-100) at which two spellings count as one word "
        "(belosov / belousov).",
    )

    def resolved_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{self.home / 'satyapan.db'}"
