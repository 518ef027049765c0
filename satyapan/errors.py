"""The error tree: every failure a user can cause or meet has a typed error with context."""

from __future__ import annotations


class SatyapanError(Exception):
    """Base of every error Satyapan raises on purpose; its message is one line for users."""


class InputError(SatyapanError):
    """The user's input cannot be used (missing file, empty article, undecodable bytes)."""


class SourceError(SatyapanError):
    """Something went wrong getting or reading coverage."""


class FetchError(SourceError):
    """A URL could not be fetched."""

    def __init__(self, message: str, *, url: str, status_code: int | None = None) -> None:
        super().__init__(message)
        self.url = url
        self.status_code = status_code


class ExtractError(SourceError):
    """A fetched page yielded no usable text."""

    def __init__(self, message: str, *, url: str) -> None:
        super().__init__(message)
        self.url = url


class StorageError(SatyapanError):
    """The database could not be used (bad URL, unreachable server, unknown record)."""


class NotFoundError(StorageError):
    """A record asked for by id does not exist."""
