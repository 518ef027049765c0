"""The reviewer web app: claims, their evidence and history; confirm or override with a note.

Pages for people (HTML, no scripts) and the same as JSON under /api for tools. One error
shape everywhere in the API: {"ok": false, "error": "...", "status": 404}. Each request
opens its own session; nothing is cached between requests.
"""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from fastapi import FastAPI, Form, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from sqlalchemy.orm import Session

from claims.model import REVIEWER_STATUSES, Status
from db import repo
from db.engine import ensure_schema, make_engine, session_scope
from review.export import article_json, claim_json, run_json
from review.sheets import RENDERERS, label
from satyapan.errors import InputError, NotFoundError, SatyapanError

MEDIA = {
    "json": "application/json",
    "md": "text/markdown; charset=utf-8",
    "csv": "text/csv; charset=utf-8",
    "html": "text/html; charset=utf-8",
    "claimreview": "application/ld+json",
}
STYLE = (
    "body{font-family:sans-serif;max-width:60rem;margin:1.5rem auto;line-height:1.5}"
    "table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;"
    "padding:.3rem;text-align:left;vertical-align:top}mark{background:#fff3a8}"
    ".supports{color:#176b2c}.contradicts{color:#a11}textarea{width:100%}"
)


def create_app(database_url: str) -> FastAPI:
    """The app over one database (created or upgraded on start)."""
    engine = make_engine(database_url)
    ensure_schema(engine)
    app = FastAPI(title="Satyapan reviewer", docs_url="/api/docs", openapi_url="/api/openapi.json")

    @contextmanager
    def session(write: bool = False) -> Iterator[Session]:
        """Pages only read (no write lock: they load while a run writes); decisions write."""
        with session_scope(engine, write=write) as s:
            yield s

    @app.exception_handler(SatyapanError)
    async def satyapan_error(request: Request, exc: SatyapanError) -> Response:
        code = 404 if isinstance(exc, NotFoundError) else 400
        message = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        if request.url.path.startswith("/api/"):
            return JSONResponse({"ok": False, "error": message, "status": code}, code)
        return HTMLResponse(_page("Error", f"<p>{html.escape(message)}</p>"), code)

    # -- pages -----------------------------------------------------------------------

    @app.get("/", response_class=HTMLResponse)
    def index() -> str:
        with session() as s:
            rows = []
            for a in repo.list_articles(s):
                counts = Counter(c.status for c in repo.list_claims(s, article_id=a.id))
                summary = ", ".join(f"{n} {st}" for st, n in sorted(counts.items()))
                rows.append(
                    f'<tr><td><a href="/articles/{a.id}">{a.id}</a></td>'
                    f"<td>{html.escape(a.title or a.source)}</td>"
                    f"<td>{html.escape(summary)}</td></tr>"
                )
        return _page(
            "Articles",
            "<table><tr><th>id</th><th>article</th><th>claims</th></tr>"
            + "".join(rows)
            + "</table>",
        )

    @app.get("/articles/{article_id}", response_class=HTMLResponse)
    def article_page(article_id: int) -> str:
        with session() as s:
            data = article_json(s, article_id)
            runs = [run_json(r) for r in repo.list_runs(s, article_id=article_id, limit=10)]
        rows = "".join(
            f'<tr><td><a href="/claims/{c["id"]}">{c["id"]}</a></td>'
            f"<td>{html.escape(c['status'])}</td><td>{c['confidence']:.2f}</td>"
            f"<td>{html.escape(c['text'])}</td></tr>"
            for c in data["claims"]
        )
        links = " · ".join(
            f'<a href="/articles/{article_id}/export.{fmt}">{fmt}</a>' for fmt in RENDERERS
        )
        title = data["article"].get("title") or data["article"]["source"]
        return _page(
            f"Article {article_id}: {title}",
            f"<p>Export: {links}</p><table><tr><th>id</th><th>status</th><th>conf</th>"
            f"<th>claim</th></tr>{rows}</table>{_runs_html(runs)}",
        )

    @app.get("/claims/{claim_id}", response_class=HTMLResponse)
    def claim_page(claim_id: int) -> str:
        with session() as s:
            claim = repo.get_claim(s, claim_id)
            data = claim_json(s, claim, history=True)
            article_id = claim.article_id
        return _page(f"Claim {claim_id}", _claim_html(data, article_id))

    @app.post("/claims/{claim_id}/review")
    def review_form(
        claim_id: int,
        status: str = Form(...),
        note: str = Form(""),
        reviewer: str = Form("reviewer"),
    ) -> Response:
        _review(session, claim_id, status, note, reviewer)
        return RedirectResponse(f"/claims/{claim_id}", status_code=303)

    @app.get("/articles/{article_id}/export.{fmt}")
    def export(article_id: int, fmt: str) -> Response:
        if fmt not in RENDERERS:
            raise NotFoundError(f"no export format {fmt!r}; choose one of {', '.join(RENDERERS)}")
        with session() as s:
            data = article_json(s, article_id)
        return Response(RENDERERS[fmt](data), media_type=MEDIA[fmt])

    # -- API ---------------------------------------------------------------------------

    @app.get("/api/claims")
    def api_claims(status: str | None = None, article: int | None = None) -> dict[str, Any]:
        wanted = _status(status) if status else None
        with session() as s:
            rows = repo.list_claims(s, status=wanted, article_id=article)
            claims = [
                {
                    "id": c.id,
                    "article": c.article_id,
                    "status": c.status,
                    "confidence": c.confidence,
                    "text": c.text,
                }
                for c in rows
            ]
        return {"ok": True, "claims": claims}

    @app.get("/api/claims/{claim_id}")
    def api_claim(claim_id: int) -> dict[str, Any]:
        with session() as s:
            return {"ok": True, "claim": claim_json(s, repo.get_claim(s, claim_id), history=True)}

    @app.post("/api/claims/{claim_id}/review")
    def api_review(claim_id: int, body: dict[str, Any]) -> dict[str, Any]:
        _review(
            session,
            claim_id,
            str(body.get("status", "")),
            str(body.get("note", "")),
            str(body.get("reviewer", "reviewer")),
        )
        with session() as s:
            return {"ok": True, "claim": claim_json(s, repo.get_claim(s, claim_id), history=True)}

    return app


def _runs_html(runs: list[dict[str, Any]]) -> str:
    """The article's latest runs: when, how they ended, and every page that failed."""
    if not runs:
        return ""
    items = []
    for r in runs:
        failed = "".join(
            f"<li>{html.escape(p['url'])}: {html.escape(p['error'])}</li>"
            for p in r["failed_pages"]
        )
        pages = f"{r['pages_read']} of {r['pages']} pages read" if r["pages"] is not None else ""
        items.append(
            f"<li>Run {r['id']}, {html.escape(r['started_at'][:19])} UTC: "
            f"{html.escape(r['outcome'])}"
            f"{'; ' + pages if pages else ''}"
            f"{'; ' + str(r['pages_failed']) + ' failed' if r['pages_failed'] else ''}"
            f"{'<ul>' + failed + '</ul>' if failed else ''}</li>"
        )
    return f"<h2>Runs</h2><ul>{''.join(items)}</ul>"


def _status(value: str) -> Status:
    try:
        return Status(value)
    except ValueError:
        raise InputError(f"unknown status {value!r}") from None


def _review(session: Any, claim_id: int, status: str, note: str, reviewer: str) -> None:
    """A reviewer's decision, or "release" to hand the claim back to the pipeline."""
    with session(write=True) as s:
        if status == "release":
            repo.release_claim(s, claim_id, note=note, reviewer=reviewer)
        else:
            repo.review_claim(s, claim_id, _status(status), note=note, reviewer=reviewer)


def _page(title: str, body: str) -> str:
    return (
        '<!doctype html><html><head><meta charset="utf-8">'
        f"<title>{html.escape(title)} · Satyapan</title><style>{STYLE}</style></head><body>"
        f'<p><a href="/">Satyapan</a></p><h1>{html.escape(title)}</h1>{body}</body></html>'
    )


def _marked(quote: str, span: list[int] | None) -> str:
    start, end = span or (0, 0)
    if not 0 <= start < end <= len(quote):
        return html.escape(quote)
    return (
        html.escape(quote[:start])
        + f"<mark>{html.escape(quote[start:end])}</mark>"
        + html.escape(quote[end:])
    )


def _evidence_html(e: dict[str, Any]) -> str:
    published = f" · {html.escape(e['published'])}" if e.get("published") else ""
    differs = "; ".join(e["conflicting_facts"])
    differs = f" · differs: {html.escape(differs)}" if differs else ""
    return (
        f'<li class="{html.escape(e["stance"])}"><b>{html.escape(e["stance"])}</b> '
        f'{e["score"]:.0f} · <a href="{html.escape(e["url"])}">'
        f"{html.escape(e.get('publisher') or e['url'])}</a>{published}{differs}"
        f"<br>“{_marked(e['quote'], e.get('highlight'))}”</li>"
    )


def _claim_html(data: dict[str, Any], article_id: int) -> str:
    evidence = "".join(_evidence_html(e) for e in data["evidence"]) or "<li>none</li>"
    history = "".join(
        f"<tr><td>{html.escape(h['at'][:19])}</td><td>{html.escape(h['from'] or '-')} → "
        f"{html.escape(h['to'])}</td><td>{html.escape(h['by'])}</td>"
        f"<td>{html.escape(h['note'] or '')}</td></tr>"
        for h in data["history"]
    )
    options = (
        "".join(
            f'<option value="{s.value}">{html.escape(label(s.value))}</option>'
            for s in sorted(REVIEWER_STATUSES, key=lambda s: s.value)
        )
        + '<option value="release">Hand back to the pipeline</option>'
    )
    return (
        f'<p><a href="/articles/{article_id}">article {article_id}</a> · '
        f"{html.escape(data['type'])} · {html.escape(data['class'])}</p>"
        f"<blockquote>{html.escape(data['text'])}</blockquote>"
        f"<p>Status <b>{html.escape(data['status'])}</b> (pipeline: "
        f"{html.escape(data['pipeline_status'] or '-')}, confidence {data['confidence']:.2f})"
        f"<br>{html.escape(data['reason'] or '')}</p>"
        f"<h2>Evidence</h2><ul>{evidence}</ul>"
        f"<h2>History</h2><table>{history}</table>"
        f'<h2>Your decision</h2><form method="post" action="/claims/{data["id"]}/review">'
        f'<select name="status">{options}</select> '
        f'<input name="reviewer" placeholder="your name" required> '
        f'<textarea name="note" rows="3" placeholder="why (required)" required></textarea>'
        f"<button>Save</button></form>"
    )
