"""The reviewer web app: claims, their evidence and history; decide with a note; publish.

Server-rendered pages (Jinja2, autoescaped; one stylesheet and one small script, both served
by the app) and the same data as JSON under /api. Accounts and roles: viewers read,
reviewers decide, editors also publish fact sheets, assign claims and manage users. The
recorded reviewer is the logged-in user.

Safety: signed session cookies (HttpOnly, SameSite=Lax, Secure behind TLS), a CSRF token on
every form and on API writes (``X-CSRF-Token``), writes from another Origin refused, only
the allowed host names answered (no DNS rebinding), a strict Content-Security-Policy and the
usual security headers, login attempts limited. One error shape everywhere in the API:
``{"ok": false, "error": "...", "status": 404}``.
"""

from __future__ import annotations

import secrets
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode, urlsplit

from fastapi import Depends, FastAPI, Form, Query, Request
from fastapi import Path as PathParam
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, PackageLoader, select_autoescape
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from sqlalchemy.orm import Session
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.sessions import SessionMiddleware
from starlette.middleware.trustedhost import TrustedHostMiddleware

from claims.model import REVIEWER_STATUSES, Status
from db import models, repo
from db.engine import ensure_schema, make_engine, one_line, session_scope
from review import auth
from review.export import article_json, claim_json, run_json
from review.sheets import LABELS, RENDERERS, label
from satyapan.errors import InputError, NotFoundError, SatyapanError

MEDIA = {
    "json": "application/json",
    "md": "text/markdown; charset=utf-8",
    "csv": "text/csv; charset=utf-8",
    "html": "text/html; charset=utf-8",
    "claimreview": "application/ld+json",
}
FORMAT_NAMES = {
    "html": "HTML",
    "md": "Markdown",
    "csv": "CSV",
    "claimreview": "ClaimReview",
    "json": "JSON",
}
MAX_ID = 2**63 - 1
MAX_NOTE = 5000
DECISIONS = sorted(s.value for s in REVIEWER_STATUSES)
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    ),
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
}
ClaimId = Annotated[int, PathParam(ge=1, le=MAX_ID)]
ArticleId = Annotated[int, PathParam(ge=1, le=MAX_ID)]

_TEMPLATES = Environment(
    loader=PackageLoader("review", "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    trim_blocks=True,
    lstrip_blocks=True,
)
_TEMPLATES.globals["label"] = label


class Decision(BaseModel):
    """The body of POST /api/claims/{id}/review."""

    model_config = ConfigDict(extra="forbid")
    status: str = Field(min_length=1, max_length=32)
    note: str = Field(min_length=1, max_length=MAX_NOTE)


class Denied(Exception):
    """Not logged in (401) or not allowed (403)."""

    def __init__(self, code: int, message: str) -> None:
        super().__init__(message)
        self.code = code


def create_app(
    database_url: str,
    *,
    secret_key: str,
    allowed_hosts: list[str] | None = None,
    secure_cookies: bool = False,
    publisher: dict[str, str] | None = None,
) -> FastAPI:
    """The app over one database (created or upgraded on start)."""
    engine = make_engine(database_url)
    ensure_schema(engine)
    app = FastAPI(
        title="Satyapan reviewer", docs_url=None, redoc_url=None, openapi_url="/api/openapi.json"
    )
    limiter = auth.LoginLimiter()
    org = publisher or {}
    hosts = allowed_hosts or ["127.0.0.1", "localhost"]

    @contextmanager
    def session(write: bool = False) -> Iterator[Session]:
        """Pages only read (no write lock: they load while a run writes); decisions write."""
        with session_scope(engine, write=write) as s:
            yield s

    # -- middleware (the last added runs first) -------------------------------------------

    @app.middleware("http")
    async def guard(request: Request, call_next: Callable[[Request], Any]) -> Response:
        # Writes only from our own pages: a form another site auto-submits carries its
        # own Origin (the CSRF token is checked as well, per route).
        if request.method not in ("GET", "HEAD", "OPTIONS") and not _same_origin(request):
            response: Response = _refuse(request, 403, "cross-origin request refused")
        else:
            response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        if request.url.path.startswith("/api/") or request.method != "GET":
            response.headers.setdefault("Cache-Control", "no-store")
        return response

    app.add_middleware(
        SessionMiddleware,
        secret_key=secret_key,
        session_cookie="satyapan_session",
        max_age=12 * 3600,
        same_site="lax",
        https_only=secure_cookies,
    )
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=hosts)
    app.mount("/static", StaticFiles(directory=Path(__file__).with_name("static")), name="static")

    # -- errors: one shape in the API, a page for people -----------------------------------

    @app.exception_handler(SatyapanError)
    async def satyapan_error(request: Request, exc: SatyapanError) -> Response:
        code = 404 if isinstance(exc, NotFoundError) else 400
        return _refuse(request, code, one_line(exc))

    @app.exception_handler(Denied)
    async def denied(request: Request, exc: Denied) -> Response:
        if exc.code == 401 and not _is_api(request):
            target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
            return RedirectResponse(f"/login?{urlencode({'next': target})}", status_code=303)
        return _refuse(request, exc.code, str(exc))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        return _refuse(request, 400 if _is_api(request) else 404, _validation_message(exc))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = {404: "not found", 405: "method not allowed"}.get(exc.status_code)
        return _refuse(request, exc.status_code, message or str(exc.detail))

    # -- who is asking ----------------------------------------------------------------------

    def current(request: Request, needed: str = "viewer") -> models.User:
        uid = request.session.get("uid")
        user = None
        if isinstance(uid, int):
            with session() as s:
                user = s.get(models.User, uid)
        if user is None or user.disabled:
            request.session.pop("uid", None)
            raise Denied(401, "log in first")
        if not auth.may(user.role, needed):
            raise Denied(403, f"a {needed} may do this; you are a {user.role}")
        return user

    def csrf_token(request: Request) -> str:
        token = request.session.get("csrf")
        if not isinstance(token, str):
            token = secrets.token_urlsafe(32)
            request.session["csrf"] = token
        return token

    def check_csrf(request: Request, given: str | None) -> None:
        expected = request.session.get("csrf")
        if (
            not given
            or not isinstance(expected, str)
            or not secrets.compare_digest(given, expected)
        ):
            raise Denied(403, "the form has expired or did not come from this app: reload it")

    def render(request: Request, name: str, title: str, **context: Any) -> HTMLResponse:
        flash = request.session.pop("flash", None)
        page = _TEMPLATES.get_template(name).render(
            title=title, csrf=csrf_token(request), flash=flash, **context
        )
        return HTMLResponse(page, status_code=context.get("status_code", 200))

    def _refuse(request: Request, code: int, message: str) -> Response:
        if _is_api(request):
            return JSONResponse({"ok": False, "error": message, "status": code}, code)
        page = _TEMPLATES.get_template("error.html").render(
            title="Something went wrong" if code >= 500 else _ERROR_TITLES.get(code, "Error"),
            message=message,
            csrf="",
            user=None,
        )
        return HTMLResponse(page, code)

    # -- logging in ---------------------------------------------------------------------

    def log_in(request: Request, name: str, password: str) -> tuple[models.User | None, float]:
        """The user, logged in to a new session; or None and the seconds to wait (0: the
        name or password was wrong)."""
        keys = (f"ip:{request.client.host if request.client else '?'}", f"name:{name}")
        wait = limiter.wait(*keys)
        if wait:
            return None, wait
        with session() as s:
            user = repo.user_named(s, name)
            ok = auth.check_login(user.password_hash if user else None, password)
        if not ok or user is None or user.disabled:
            limiter.failed(*keys)
            return None, 0.0
        limiter.succeeded(*keys)
        request.session.clear()  # a new session on login (no fixation)
        request.session["uid"] = user.id
        request.session["csrf"] = secrets.token_urlsafe(32)
        return user, 0.0

    @app.get("/login", response_class=HTMLResponse)
    def login_page(request: Request, next: str = "/") -> HTMLResponse:  # noqa: A002
        return render(request, "login.html", "Log in", user=None, next=_local(next))

    @app.post("/login")
    def login(
        request: Request,
        name: Annotated[str, Form(max_length=200)],
        password: Annotated[str, Form(max_length=1000)],
        csrf: Annotated[str, Form(max_length=200)] = "",
        next: Annotated[str, Form(max_length=2000)] = "/",  # noqa: A002
    ) -> Response:
        check_csrf(request, csrf)
        user, wait = log_in(request, name, password)
        if user is None:
            return render(
                request, "login.html", "Log in", user=None, next=_local(next),
                error=f"Too many failed logins: try again in {int(wait) + 1} s."
                if wait else "Wrong name or password.",
                status_code=429 if wait else 401,
            )  # fmt: skip
        return RedirectResponse(_local(next), status_code=303)

    @app.post("/logout")
    def logout(request: Request, csrf: Annotated[str, Form(max_length=200)] = "") -> Response:
        check_csrf(request, csrf)
        request.session.clear()
        return RedirectResponse("/login", status_code=303)

    # -- pages ----------------------------------------------------------------------------

    @app.get("/", response_class=HTMLResponse)
    def claims_page(
        request: Request,
        f: Annotated[_Filters, Depends(_filters)],
    ) -> HTMLResponse:
        user = current(request)
        with session() as s:
            rows = f.search(s)
            decided = repo.last_decision_at(s, [c.id for c in rows])
            arrived = repo.newest_evidence_at(s, [c.id for c in rows])
            articles = {a.id: a for a in repo.list_articles(s)}
            counts = Counter(c.status for c in repo.list_claims(s))
            reviewers = _reviewer_names(s)
        listed = [
            {
                "id": c.id,
                "text": c.text,
                "status": c.status,
                "confidence": c.confidence,
                "held_by": c.held_by,
                "assigned_to": c.assigned_to,
                "headline": _headline(articles[c.article_id]),
                "updated_at": c.updated_at.isoformat(),
                "new_evidence": c.id in decided
                and c.id in arrived
                and arrived[c.id] > decided[c.id],
            }
            for c in rows
        ]
        return render(
            request,
            "claims.html",
            "Needs review" if f.queue else "Claims",
            user=user,
            rows=listed,
            counts=sorted(counts.items(), key=lambda kv: _order(kv[0])),
            statuses=[s for s in LABELS if s in {st.value for st in Status}],
            articles=[{"id": a.id, "headline": _headline(a)} for a in articles.values()],
            reviewers=reviewers,
            f=f,
            filtered=f.any(),
            query=f.query(),
        )

    @app.get("/articles", response_class=HTMLResponse)
    def articles_page(request: Request) -> HTMLResponse:
        user = current(request)
        with session() as s:
            rows = []
            for a in repo.list_articles(s):
                counts = Counter(c.status for c in repo.list_claims(s, article_id=a.id))
                rows.append(
                    {
                        "id": a.id,
                        "headline": _headline(a),
                        "counts": sorted(counts.items(), key=lambda kv: _order(kv[0])),
                        "created_at": a.created_at.isoformat(),
                    }
                )
        return render(request, "articles.html", "Articles", user=user, rows=rows)

    @app.get("/articles/{article_id}", response_class=HTMLResponse)
    def article_page(request: Request, article_id: ArticleId) -> HTMLResponse:
        user = current(request)
        with session() as s:
            article = repo.get_article(s, article_id)
            claims = repo.list_claims(s, article_id=article_id)
            runs = [run_json(r) for r in repo.list_runs(s, article_id=article_id, limit=10)]
            headline = _headline(article)
            info = {
                "id": article.id,
                "source": article.source,
                "published": article.published,
                "headline": headline,
            }
            rows = [{"id": c.id, "text": c.text, "status": c.status} for c in claims]
        return render(
            request,
            "article.html",
            headline,
            user=user,
            article=info,
            claims=rows,
            runs=runs,
            may_publish=auth.may(user.role, "editor"),
            formats=[(f, FORMAT_NAMES[f]) for f in RENDERERS],
        )

    @app.get("/claims/{claim_id}", response_class=HTMLResponse)
    def claim_page(
        request: Request,
        claim_id: ClaimId,
        f: Annotated[_Filters, Depends(_filters)],
    ) -> HTMLResponse:
        user = current(request)
        with session() as s:
            claim = repo.get_claim(s, claim_id)
            data = claim_json(s, claim, history=True)
            row = repo.get_article(s, claim.article_id)
            info = {"id": row.id, "headline": _headline(row), "language": row.language}
            context = _context(row.text, claim.span_start, claim.span_end, claim.text)
            order = [c.id for c in f.search(s)]
            decided = repo.last_decision_at(s, [claim_id]).get(claim_id)
            arrived = repo.newest_evidence_at(s, [claim_id]).get(claim_id)
            reviewers = _reviewer_names(s)
        at = order.index(claim_id) if claim_id in order else -1
        return render(
            request,
            "claim.html",
            f"Claim {claim_id}",
            user=user,
            c=data,
            article=info,
            context=context,
            evidence=_grouped(data["evidence"]),
            new_evidence=bool(decided and arrived and arrived > decided),
            prev=order[at - 1] if at > 0 else None,
            next=order[at + 1] if 0 <= at < len(order) - 1 else None,
            query=f.query(),
            may_decide=auth.may(user.role, "reviewer"),
            may_assign=auth.may(user.role, "editor"),
            decisions=DECISIONS,
            reviewers=reviewers,
            max_note=MAX_NOTE,
        )

    @app.post("/claims/{claim_id}/review")
    def review_form(
        request: Request,
        claim_id: ClaimId,
        status: Annotated[str, Form(max_length=32)] = "",
        note: Annotated[str, Form(max_length=MAX_NOTE)] = "",
        csrf: Annotated[str, Form(max_length=200)] = "",
        back: Annotated[str, Form(max_length=2000)] = "",
    ) -> Response:
        check_csrf(request, csrf)
        user = current(request, "reviewer")
        _decide(session, claim_id, status, note, user.name)
        shown = "handed back to the pipeline" if status == "release" else label(status).lower()
        request.session["flash"] = f"Saved: claim {claim_id} is now {shown} (by {user.name})."
        query = back if back and "://" not in back and "\n" not in back else ""
        return RedirectResponse(
            f"/claims/{claim_id}" + (f"?{query}" if query else ""), status_code=303
        )

    @app.post("/claims/{claim_id}/assign")
    def assign_form(
        request: Request,
        claim_id: ClaimId,
        reviewer: Annotated[str, Form(max_length=200)] = "",
        csrf: Annotated[str, Form(max_length=200)] = "",
    ) -> Response:
        check_csrf(request, csrf)
        current(request, "editor")
        with session(write=True) as s:
            if reviewer and repo.user_named(s, reviewer) is None:
                raise InputError(f"no user named {reviewer!r}")
            repo.assign_claim(s, claim_id, reviewer or None)
        request.session["flash"] = (
            f"Claim {claim_id} assigned to {reviewer}." if reviewer else "Assignment removed."
        )
        return RedirectResponse(f"/claims/{claim_id}", status_code=303)

    @app.get("/articles/{article_id}/export.{fmt}")
    def export(request: Request, article_id: ArticleId, fmt: str) -> Response:
        current(request, "editor")
        if fmt not in RENDERERS:
            raise NotFoundError(f"no export format {fmt!r}; choose one of {', '.join(RENDERERS)}")
        with session() as s:
            data = article_json(s, article_id)
        renderer = RENDERERS[fmt]
        body = renderer(data, org) if fmt == "claimreview" else renderer(data)
        name = f"article-{article_id}-factsheet.{'json' if fmt == 'claimreview' else fmt}"
        return Response(
            body,
            media_type=MEDIA[fmt],
            headers={"Content-Disposition": f'attachment; filename="{name}"'},
        )

    @app.get("/users", response_class=HTMLResponse)
    def users_page(request: Request) -> HTMLResponse:
        user = current(request, "editor")
        with session() as s:
            users = [
                {
                    "name": u.name,
                    "role": u.role,
                    "disabled": u.disabled,
                    "created_at": u.created_at.isoformat(),
                }
                for u in repo.list_users(s)
            ]
        return render(
            request,
            "users.html",
            "Users",
            user=user,
            users=users,
            roles=repo.ROLES,
            min_password=auth.MIN_PASSWORD,
        )

    @app.post("/users")
    def add_user(
        request: Request,
        name: Annotated[str, Form(max_length=200)],
        role: Annotated[str, Form(max_length=16)],
        password: Annotated[str, Form(max_length=1000)],
        csrf: Annotated[str, Form(max_length=200)] = "",
    ) -> Response:
        check_csrf(request, csrf)
        current(request, "editor")
        digest = auth.hash_password(password)
        with session(write=True) as s:
            repo.add_user(s, name=name, role=role, password_hash=digest)
        request.session["flash"] = f"User {name} added as {role}."
        return RedirectResponse("/users", status_code=303)

    # -- API ------------------------------------------------------------------------------

    @app.post("/api/login")
    async def api_login(request: Request) -> Response:
        body = await _json_body(request)
        user, wait = log_in(request, str(body.get("name", "")), str(body.get("password", "")))
        if user is None:
            if wait:
                return _refuse(request, 429, "too many failed logins: wait a few minutes")
            return _refuse(request, 401, "wrong name or password")
        token = request.session["csrf"]
        return JSONResponse({"ok": True, "user": user.name, "role": user.role, "csrf": token})

    @app.get("/api/session")
    def api_session(request: Request) -> dict[str, Any]:
        user = current(request)
        return {"ok": True, "user": user.name, "role": user.role, "csrf": csrf_token(request)}

    @app.get("/api/claims")
    def api_claims(
        request: Request,
        status: Annotated[str | None, Query(max_length=32)] = None,
        article: Annotated[int | None, Query(ge=1, le=MAX_ID)] = None,
    ) -> dict[str, Any]:
        current(request)
        wanted = _status(status) if status else None
        with session() as s:
            rows = repo.list_claims(s, status=wanted, article_id=article)
            claims = [
                {
                    "id": c.id,
                    "article": c.article_id,
                    "status": c.status,
                    "pipeline_status": c.pipeline_status,
                    "confidence": c.confidence,
                    "reviewer": c.held_by,
                    "text": c.text,
                }
                for c in rows
            ]
        return {"ok": True, "claims": claims}

    @app.get("/api/claims/{claim_id}")
    def api_claim(request: Request, claim_id: ClaimId) -> dict[str, Any]:
        current(request)
        with session() as s:
            return {"ok": True, "claim": claim_json(s, repo.get_claim(s, claim_id), history=True)}

    @app.post("/api/claims/{claim_id}/review")
    async def api_review(request: Request, claim_id: ClaimId) -> dict[str, Any]:
        check_csrf(request, request.headers.get("x-csrf-token"))
        user = current(request, "reviewer")
        try:
            decision = Decision.model_validate(await _json_body(request))
        except ValidationError as exc:
            raise InputError(_validation_message(exc)) from None
        _decide(session, claim_id, decision.status, decision.note, user.name)
        with session() as s:
            return {"ok": True, "claim": claim_json(s, repo.get_claim(s, claim_id), history=True)}

    return app


_ERROR_TITLES = {400: "That did not work", 401: "Log in", 403: "Not allowed", 404: "Not found"}


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def _same_origin(request: Request) -> bool:
    """No Origin (a non-browser client, or a same-origin GET) or our own."""
    origin = request.headers.get("origin")
    if origin is None:
        return True
    host = request.headers.get("host", "")
    parts = urlsplit(origin)
    return parts.scheme in ("http", "https") and parts.netloc == host


def _local(target: str) -> str:
    """Only a path of this app (no //evil.example): where to go after logging in."""
    if not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    return target


def _validation_message(exc: RequestValidationError | ValidationError) -> str:
    errors = exc.errors()
    if not errors:
        return "invalid request"
    first = errors[0]
    where = ".".join(str(p) for p in first.get("loc", ()) if p not in ("body", "query", "path"))
    return f"{where}: {first.get('msg', 'invalid')}" if where else str(first.get("msg"))


async def _json_body(request: Request) -> dict[str, Any]:
    if len(await request.body()) > 64_000:
        raise InputError("request body too large")
    try:
        body = await request.json()
    except ValueError:
        raise InputError("the body must be a JSON object") from None
    if not isinstance(body, dict):
        raise InputError("the body must be a JSON object")
    return body


def _status(value: str) -> Status:
    try:
        return Status(value)
    except ValueError:
        raise InputError(f"unknown status {value!r}") from None


def _decide(session: Any, claim_id: int, status: str, note: str, reviewer: str) -> None:
    """A reviewer's decision, or "release" to hand the claim back to the pipeline."""
    if not status:
        raise InputError("choose a decision")
    with session(write=True) as s:
        if status == "release":
            repo.release_claim(s, claim_id, note=note, reviewer=reviewer)
        else:
            repo.review_claim(s, claim_id, _status(status), note=note, reviewer=reviewer)


def _order(status: str) -> int:
    keys = list(LABELS)
    return keys.index(status) if status in keys else len(keys)


def _headline(article: models.Article) -> str:
    """An article's headline: its title, else its first line, never a file path."""
    if article.title and article.title.strip():
        return article.title.strip()
    first = next((line.strip() for line in article.text.splitlines() if line.strip()), "")
    return (first[:90] + "…") if len(first) > 90 else first or f"Article {article.id}"


def _context(text: str, start: int, end: int, claim: str) -> dict[str, str]:
    """The claim in its place: up to ~300 characters of the article around it."""
    if not (0 <= start < end <= len(text)) or claim not in text[start:end]:
        at = text.find(claim)
        start, end = (at, at + len(claim)) if at >= 0 else (0, 0)
    if end <= start:
        return {"before": "", "claim": claim, "after": ""}
    inner = text.find(claim, start, end)
    if inner >= 0:
        start, end = inner, inner + len(claim)
    lo, hi = max(0, start - 300), min(len(text), end + 300)
    return {
        "before": ("…" if lo else "") + text[lo:start],
        "claim": text[start:end],
        "after": text[end:hi] + ("…" if hi < len(text) else ""),
    }


def _grouped(evidence: list[dict[str, Any]]) -> list[tuple[str, list[dict[str, Any]]]]:
    """Evidence by stance, each syndicated story once with its copies folded under it."""
    out: list[tuple[str, list[dict[str, Any]]]] = []
    for stance in ("supports", "contradicts"):
        groups: dict[str, dict[str, Any]] = {}
        for e in sorted(evidence, key=lambda e: -e["score"]):
            if e["stance"] != stance:
                continue
            key = e.get("syndication_group") or e["url"]
            if key in groups:
                groups[key]["copies"].append(e)
            else:
                lo, hi = e.get("highlight") or (0, 0)
                if not 0 <= lo <= hi <= len(e["quote"]):
                    e = {**e, "highlight": [0, 0]}
                groups[key] = {"lead": e, "copies": []}
        if groups:
            out.append((stance, list(groups.values())))
    return out


def _reviewer_names(s: Session) -> list[str]:
    return sorted(u.name for u in repo.list_users(s) if auth.may(u.role, "reviewer"))


class _Filters:
    """The claim list's filters, read from the query string (bad values: ignored)."""

    def __init__(
        self,
        status: str,
        article: int | None,
        reviewer: str,
        since: str,
        until: str,
        q: str,
        queue: bool,
    ) -> None:
        self.status, self.article, self.reviewer = status, article, reviewer
        self.since, self.until, self.q, self.queue = since, until, q, queue

    @classmethod
    def read(
        cls, status: str, article: str, reviewer: str, since: str, until: str, q: str, queue: str
    ) -> _Filters:
        known = {s.value for s in Status}
        return cls(
            status if status in known else "",
            int(article) if article.isdigit() and 0 < int(article) <= MAX_ID else None,
            reviewer.strip(),
            since if _day(since) else "",
            until if _day(until) else "",
            q.strip(),
            queue == "1",
        )

    def any(self) -> bool:
        return bool(self.status or self.article or self.reviewer or self.since or self.until
                    or self.q)  # fmt: skip

    def query(self) -> str:
        pairs = {
            "status": self.status,
            "article": str(self.article or ""),
            "reviewer": self.reviewer,
            "since": self.since,
            "until": self.until,
            "q": self.q,
            "queue": "1" if self.queue else "",
        }
        return urlencode({k: v for k, v in pairs.items() if v})

    def search(self, s: Session) -> list[models.Claim]:
        since, until = _day(self.since), _day(self.until)
        return repo.search_claims(
            s,
            status=self.status or None,
            article_id=self.article,
            reviewer=self.reviewer or None,
            since=datetime.combine(since, datetime.min.time(), UTC) if since else None,
            until=datetime.combine(until, datetime.min.time(), UTC) + timedelta(days=1)
            if until
            else None,
            text=self.q or None,
            queue=self.queue,
        )


def _filters(
    status: Annotated[str, Query(max_length=32)] = "",
    article: Annotated[str, Query(max_length=20)] = "",
    reviewer: Annotated[str, Query(max_length=200)] = "",
    since: Annotated[str, Query(max_length=10)] = "",
    until: Annotated[str, Query(max_length=10)] = "",
    q: Annotated[str, Query(max_length=200)] = "",
    queue: Annotated[str, Query(max_length=1)] = "",
) -> _Filters:
    """The claim list's filters from the query string (the list and a claim's pager)."""
    return _Filters.read(status, article, reviewer, since, until, q, queue)


def _day(value: str) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None
