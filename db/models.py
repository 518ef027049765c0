"""SQLAlchemy models: articles, claims, coverage documents, evidence, runs and status history."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    event,
    false,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, Mapper, mapped_column, relationship
from sqlalchemy.types import TypeDecorator

from satyapan.errors import StorageError

# Named constraints let Alembic alter them later (SQLite batch mode needs names).
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """A timezone-aware UTC datetime on every backend (SQLite keeps no offset: store UTC)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(f"naive datetime {value!r}: pass a timezone-aware datetime")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {datetime: UTCDateTime(), dict[str, Any]: JSON, list[Any]: JSON}


class Article(Base):
    """One article to verify, stored once per distinct text."""

    __tablename__ = "articles"

    id: Mapped[int] = mapped_column(primary_key=True)
    source: Mapped[str] = mapped_column(Text)  # path, URL or "-" for stdin
    language: Mapped[str] = mapped_column(String(16))
    title: Mapped[str | None] = mapped_column(Text)
    published: Mapped[str | None] = mapped_column(String(64))  # ISO date or as written
    text: Mapped[str] = mapped_column(Text)
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)  # sha256 of text
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    claims: Mapped[list[Claim]] = relationship(
        back_populates="article", order_by="Claim.sentence_index, Claim.id"
    )


class Claim(Base):
    """A check-worthy claim of an article with its current and last automatic status."""

    __tablename__ = "claims"
    # text_hash (sha256 of text) stands in for text in the key: PostgreSQL b-tree entries
    # are capped near 2.7 KB, which a long Devanagari sentence can exceed.
    __table_args__ = (UniqueConstraint("article_id", "span_start", "span_end", "text_hash"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    text: Mapped[str] = mapped_column(Text)
    text_hash: Mapped[str] = mapped_column(String(64))
    sentence: Mapped[str] = mapped_column(Text)
    span_start: Mapped[int] = mapped_column(Integer)
    span_end: Mapped[int] = mapped_column(Integer)
    sentence_index: Mapped[int] = mapped_column(Integer)
    type: Mapped[str] = mapped_column(String(16))
    cls: Mapped[str] = mapped_column(String(32))
    checkworthiness: Mapped[float] = mapped_column(Float)
    key_facts: Mapped[dict[str, Any]] = mapped_column(default=dict)
    language: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(32), default="pending", index=True)
    pipeline_status: Mapped[str] = mapped_column(String(32), default="pending")
    confidence: Mapped[float | None] = mapped_column(Float)
    reason: Mapped[str | None] = mapped_column(Text)
    # The reviewer whose decision holds the status; pipeline runs never change it while set.
    held_by: Mapped[str | None] = mapped_column(String(200))
    # The reviewer an editor gave this claim to (None: anyone's).
    assigned_to: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)

    article: Mapped[Article] = relationship(back_populates="claims")
    evidence: Mapped[list[Evidence]] = relationship(
        back_populates="claim", order_by="Evidence.score.desc(), Evidence.id"
    )
    history: Mapped[list[StatusChange]] = relationship(
        back_populates="claim", order_by="StatusChange.id"
    )


class Document(Base):
    """One coverage page: how its last fetch went, and the last content read from it.

    A failed re-fetch records its outcome but keeps the content (text, hash, metadata,
    validators) of the last good one; ``changed_at`` is when that content's hash last
    changed (or first appeared), ``previous_hash`` the hash it had before.
    """

    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(primary_key=True)
    url: Mapped[str] = mapped_column(Text, unique=True)  # the address it was fetched from
    final_url: Mapped[str | None] = mapped_column(Text)
    outcome: Mapped[str] = mapped_column(String(32))
    error: Mapped[str | None] = mapped_column(Text)
    http_status: Mapped[int | None] = mapped_column(Integer)
    content_type: Mapped[str | None] = mapped_column(String(200))
    publisher: Mapped[str | None] = mapped_column(Text)
    language: Mapped[str | None] = mapped_column(String(16))
    title: Mapped[str | None] = mapped_column(Text)
    published: Mapped[str | None] = mapped_column(String(64))
    text: Mapped[str | None] = mapped_column(Text)
    content_hash: Mapped[str | None] = mapped_column(String(64), index=True)
    syndication_group: Mapped[str | None] = mapped_column(String(200), index=True)
    fetched_at: Mapped[datetime] = mapped_column(default=utcnow)  # last fetched or revalidated
    etag: Mapped[str | None] = mapped_column(Text)  # validators of the stored content,
    last_modified: Mapped[str | None] = mapped_column(Text)  # as the server sent them
    changed_at: Mapped[datetime | None] = mapped_column()
    previous_hash: Mapped[str | None] = mapped_column(String(64))
    # "ErrorClass: message" when reading, extracting or analysing the page raised (a fault,
    # not an HTTP outcome); None when its last reading went through.
    failed: Mapped[str | None] = mapped_column(Text)


class Run(Base):
    """One verification run of one article."""

    __tablename__ = "runs"

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    flow_run_id: Mapped[str | None] = mapped_column(String(64))
    started_at: Mapped[datetime] = mapped_column(default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column()
    outcome: Mapped[str] = mapped_column(String(16), default="running")
    counts: Mapped[dict[str, Any]] = mapped_column(default=dict)
    error: Mapped[str | None] = mapped_column(Text)
    # The process running it: a "running" Run whose process is gone was interrupted.
    host: Mapped[str | None] = mapped_column(String(255))
    pid: Mapped[int | None] = mapped_column(Integer)

    article: Mapped[Article] = relationship()


class Evidence(Base):
    """The best sentence of one document for one claim, with its score and stance."""

    __tablename__ = "evidence"
    __table_args__ = (UniqueConstraint("claim_id", "document_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"))
    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), index=True
    )
    quote: Mapped[str] = mapped_column(Text)
    quote_start: Mapped[int] = mapped_column(Integer)
    quote_end: Mapped[int] = mapped_column(Integer)
    highlight_start: Mapped[int] = mapped_column(Integer)
    highlight_end: Mapped[int] = mapped_column(Integer)
    score: Mapped[float] = mapped_column(Float)  # 0..100
    stance: Mapped[str] = mapped_column(String(16))  # supports | contradicts
    matched_facts: Mapped[list[Any]] = mapped_column(default=list)
    conflicting_facts: Mapped[list[Any]] = mapped_column(default=list)
    # The document's content hash when this was matched: the quote is from that version.
    document_hash: Mapped[str | None] = mapped_column(String(64))
    run_id: Mapped[int | None] = mapped_column(
        ForeignKey("runs.id", ondelete="SET NULL"), index=True
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)

    claim: Mapped[Claim] = relationship(back_populates="evidence")
    document: Mapped[Document] = relationship()


class User(Base):
    """A person who uses the reviewer app: viewers read, reviewers decide, editors also
    publish fact sheets and manage users."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    role: Mapped[str] = mapped_column(String(16))
    password_hash: Mapped[str] = mapped_column(Text)  # argon2id, from argon2-cffi
    disabled: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class StatusChange(Base):
    """Append-only history: who moved a claim from which status to which, and why."""

    __tablename__ = "status_changes"

    id: Mapped[int] = mapped_column(primary_key=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), index=True)
    old_status: Mapped[str | None] = mapped_column(String(32))
    new_status: Mapped[str] = mapped_column(String(32))
    # False when a pipeline result was recorded but a reviewer's decision kept the status.
    applied: Mapped[bool] = mapped_column(Boolean, default=True)
    actor: Mapped[str] = mapped_column(String(200))  # "pipeline" or the reviewer's name
    kind: Mapped[str] = mapped_column(String(16))  # pipeline | reviewer
    note: Mapped[str | None] = mapped_column(Text)
    run_id: Mapped[int | None] = mapped_column(
        ForeignKey("runs.id", ondelete="SET NULL"), index=True
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    claim: Mapped[Claim] = relationship(back_populates="history")


@event.listens_for(StatusChange, "before_update")
@event.listens_for(StatusChange, "before_delete")
def _refuse_history_edit(mapper: Mapper[Any], connection: Any, target: StatusChange) -> None:
    raise StorageError(f"status change {target.id} is history: it cannot be changed or deleted")
