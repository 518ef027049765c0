"""Accounts for the reviewer app: argon2 password hashes, the session-signing key, roles and
a limit on login attempts."""

from __future__ import annotations

import os
import secrets
import threading
import time
from collections import deque
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from satyapan.errors import InputError

_HASHER = PasswordHasher()  # argon2id with the library's current recommended parameters
MIN_PASSWORD = 10
# What each role may do, each including the ones before: read; decide; publish and manage.
RANK = {"viewer": 0, "reviewer": 1, "editor": 2}


def hash_password(password: str) -> str:
    if len(password) < MIN_PASSWORD:
        raise InputError(f"a password needs at least {MIN_PASSWORD} characters")
    return _HASHER.hash(password)


def check_password(stored: str, password: str) -> bool:
    try:
        return _HASHER.verify(stored, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


# A hash of nothing in particular: a login for a user who does not exist costs as much as
# one with a wrong password, so timing does not tell which names exist.
_DUMMY = _HASHER.hash(secrets.token_urlsafe(16))


def check_login(stored: str | None, password: str) -> bool:
    if stored is None:
        check_password(_DUMMY, password)
        return False
    return check_password(stored, password)


def may(role: str | None, needed: str) -> bool:
    return role is not None and RANK.get(role, -1) >= RANK[needed]


def secret_key(home: Path, configured: str | None = None) -> str:
    """The key that signs session cookies: the configured one, else one kept (0600) in
    ``home/secret_key``, made on first use."""
    if configured:
        return configured
    path = home / "secret_key"
    try:
        return path.read_text(encoding="ascii").strip()
    except FileNotFoundError:
        pass
    home.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(48)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as out:
        out.write(key)
    return key


class LoginLimiter:
    """At most ``attempts`` failed logins per ``window`` seconds from one address (or for
    one name); a success clears the count."""

    def __init__(self, attempts: int = 5, window: float = 300.0) -> None:
        self.attempts = attempts
        self.window = window
        self._failures: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def wait(self, *keys: str) -> float:
        """Seconds until another attempt is allowed (0: now)."""
        now = time.monotonic()
        with self._lock:
            longest = 0.0
            for key in keys:
                failures = self._failures.get(key)
                if not failures:
                    continue
                while failures and now - failures[0] > self.window:
                    failures.popleft()
                if len(failures) >= self.attempts:
                    longest = max(longest, self.window - (now - failures[0]))
            return longest

    def failed(self, *keys: str) -> None:
        now = time.monotonic()
        with self._lock:
            for key in keys:
                self._failures.setdefault(key, deque()).append(now)

    def succeeded(self, *keys: str) -> None:
        with self._lock:
            for key in keys:
                self._failures.pop(key, None)
