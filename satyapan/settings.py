"""One Settings object (env prefix SATYAPAN_), declared once as data and built at the edge."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict


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
    log_level: str = Field(
        default="ERROR",
        description="Level of the messages the sources room logs on the console (robots.txt "
        "notes, provider warnings): DEBUG, INFO, WARNING or ERROR. Outcomes are stored anyway.",
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
    fetch_per_host_concurrency: int = Field(
        default=2, description="Requests in flight to one host at once."
    )
    fetch_per_host_delay: float = Field(
        default=0.5,
        description="Seconds between request starts to one host (a larger robots.txt "
        "Crawl-delay wins, up to 10 s).",
    )
    fetch_cache_ttl: float = Field(
        default=6 * 3600.0,
        description="Seconds a fetched page is reused without asking its site again; older "
        "pages are revalidated (If-None-Match / If-Modified-Since).",
    )
    allow_private_hosts: bool = Field(
        default=False,
        description="Allow fetching loopback/private addresses (tests, offline demo).",
    )
    glossary: Path | None = Field(
        default=None,
        description="Extra glossary TSV (concept, English forms, Hindi forms) merged with "
        "the built-in one.",
    )
    apertium_data: Path = Field(
        default=Path("/usr/share/apertium"),
        description="Folder of Apertium's language data (apertium-hin and apertium-eng-spa "
        "inside it): Hindi and English morphology. Missing: extraction runs on text rules.",
    )
    freedict: Path = Field(
        default=Path("/usr/share/dictd/freedict-eng-hin.dict.dz"),
        description="FreeDict's English-Hindi dictionary (dictd format, gzip), the bilingual "
        "lexicon for matching across scripts. Missing: matching runs without it.",
    )
    wordnet: Path = Field(
        default=Path("/usr/share/wordnet"),
        description="Folder of WordNet's database files (Debian wordnet-base): its verb "
        "antonyms tell opposite outcomes apart (acquitted / convicted). Missing: none are.",
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
    news_rss_endpoint: str = Field(
        default="https://news.google.com/rss/search",
        description="News search endpoint answering in RSS (Google News search parameters).",
    )
    gdelt_endpoint: str = Field(
        default="https://api.gdeltproject.org/api/v2/doc/doc",
        description="GDELT DOC 2.0 API endpoint for article lists.",
    )
    gdelt_min_interval: float = Field(
        default=5.0,
        ge=0,
        description="Seconds between two GDELT requests (GDELT asks for one every 5 s).",
    )
    feeds: Annotated[list[str], NoDecode] = Field(
        default_factory=list,
        description="Publisher RSS/Atom feed URLs for the feeds provider, comma-separated.",
    )
    discovery_providers: Annotated[list[str], NoDecode] = Field(
        default_factory=lambda: ["news_rss", "gdelt"],
        description="Discovery providers used when none is named, comma-separated: "
        "news_rss, gdelt, feeds.",
    )
    discovery_max_queries: int = Field(
        default=12, ge=1, description="Most search queries built for one article."
    )

    reverify_statuses: Annotated[list[str], NoDecode] = Field(
        default_factory=lambda: ["pending", "unverified", "single_source", "disputed"],
        description="Statuses whose claims scheduled runs check again, comma-separated.",
    )
    reverify_every_hours: float = Field(
        default=6.0,
        ge=0,
        description="Scheduled runs check an article again this long after its last run; "
        "each run in a row that changed nothing doubles the wait.",
    )
    reverify_max_backoff: int = Field(
        default=8,
        ge=1,
        description="The most the wait is multiplied by for an article whose claims keep "
        "their statuses (8: every 48 h at the default interval).",
    )
    reverify_cron: str = Field(
        default="0 */6 * * *",
        description="When the deployed reverify-open-claims runs, as a cron line "
        "(`satyapan deploy`; `satyapan serve --cron` overrides it).",
    )
    reverify_timezone: str = Field(
        default="Asia/Kolkata", description="The time zone of SATYAPAN_REVERIFY_CRON."
    )
    reverify_max_in_flight: int = Field(
        default=4,
        ge=1,
        description="Deployed re-verification: at most this many verify-article runs "
        "submitted at once (one per article, taken by any worker of the pool).",
    )
    reverify_attempts: int = Field(
        default=2,
        ge=1,
        description="Deployed re-verification: runs tried per article when a worker dies "
        "under one (a CRASHED run is submitted again; a FAILED one is not).",
    )
    prefect_server: Literal["background", "temporary"] = Field(
        default="background",
        description="Where commands run their Prefect flows when PREFECT_API_URL is not set: "
        "`background`, a Prefect server Satyapan starts on first use and stops when idle; "
        "`temporary`, Prefect's own temporary server inside each command (slower).",
    )
    server_idle_minutes: float = Field(
        default=30.0,
        gt=0,
        description="The background Prefect server stops after this many minutes unused.",
    )
    dead_run_seconds: int = Field(
        default=600,
        ge=60,
        description="Deployed runs: a run whose heartbeats (every 180 s by default, "
        "PREFECT_FLOWS_HEARTBEAT_FREQUENCY) stopped this long is marked CRASHED and its "
        "article submitted again.",
    )
    work_pool: str = Field(
        default="satyapan",
        description="The Prefect process work pool `satyapan deploy` registers the "
        "deployments on and `prefect worker start --pool` serves.",
    )
    webhook_url: str | None = Field(
        default=None,
        description="The newsroom's endpoint: every run POSTs the claims whose status changed "
        "there as JSON ({article_id, run_id, changes}), retried three times on failure.",
    )
    review_allowed_hosts: Annotated[list[str], NoDecode] = Field(
        default_factory=lambda: ["127.0.0.1", "localhost"],
        description="Host names the reviewer app answers to, comma-separated (others get "
        "400: no DNS rebinding). Add the name it is served under.",
    )
    review_secure_cookies: bool = Field(
        default=False,
        description="Mark the session cookie Secure: set it when the app is served over TLS "
        "(behind a proxy).",
    )
    secret_key: str | None = Field(
        default=None,
        description="Key that signs session cookies. Default: one made at first start and "
        "kept in SATYAPAN_HOME/secret_key (mode 0600).",
    )
    org_name: str = Field(
        default="Satyapan fact desk",
        description="The organisation that publishes the fact sheets (ClaimReview author).",
    )
    org_url: str = Field(
        default="https://factcheck.example",
        description="The organisation's web address (ClaimReview author url).",
    )
    sheet_base_url: str = Field(
        default="https://factcheck.example/claims/",
        description="Where published fact checks live; a review's url is this plus the "
        "claim id (ClaimReview url).",
    )

    @field_validator(
        "feeds", "discovery_providers", "review_allowed_hosts", "reverify_statuses", mode="before"
    )
    @classmethod
    def _split_list(cls, value: Any) -> Any:
        """A comma-separated environment value (or a JSON list) becomes a list."""
        if not isinstance(value, str):
            return value
        if value.strip().startswith("["):
            return json.loads(value)
        return [part.strip() for part in value.split(",") if part.strip()]

    def resolved_database_url(self) -> str:
        """The database URL, a SQLite file's path made absolute: flows may run in another
        process and folder (the background server, a worker), and must write to the same
        file the command reads."""
        url = self.database_url or f"sqlite:///{self.home / 'satyapan.db'}"
        head, sep, rest = url.partition(":///")
        if head.startswith("sqlite") and sep and rest and not rest.startswith(("/", ":memory:")):
            path, query, args = rest.partition("?")
            return f"{head}:///{Path(path).resolve()}{query}{args}"
        return url
