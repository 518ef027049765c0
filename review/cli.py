"""The satyapan command: each command opens the database, calls one function, prints."""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from claims.model import Status
from satyapan.errors import InputError, SatyapanError
from satyapan.settings import Settings

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

MAX_ID = 2**63 - 1  # the largest id SQLite and PostgreSQL store
app = typer.Typer(
    name="satyapan",
    help="Satyapan (सत्यापन): check a news article's factual claims against other coverage.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
claims_app = typer.Typer(help="List, inspect, extract and review claims.", no_args_is_help=True)
db_app = typer.Typer(help="Database maintenance.", no_args_is_help=True)
sources_app = typer.Typer(help="Find coverage for an article's claims.", no_args_is_help=True)
runs_app = typer.Typer(
    help="Verification runs: when, what they found, what failed.", no_args_is_help=True
)
app.add_typer(claims_app, name="claims")
app.add_typer(db_app, name="db")
app.add_typer(sources_app, name="sources")
app.add_typer(runs_app, name="runs")
server_app = typer.Typer(
    help="Satyapan's background Prefect server (started on first use).", no_args_is_help=True
)
app.add_typer(server_app, name="server")

REPO_ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = REPO_ROOT / "examples"


class Output(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


DbOption = Annotated[
    str | None,
    typer.Option("--db", help="Database URL (default: SATYAPAN_DATABASE_URL or a SQLite file)."),
]
OutputOption = Annotated[Output, typer.Option("--format", "-f", help="Output format.")]


def console() -> Console:
    return Console(soft_wrap=False, highlight=False, markup=False, width=_width())


def _width() -> int | None:
    """COLUMNS when set (tests, scripts), else the terminal's own width (rich finds it)."""
    import os

    value = os.environ.get("COLUMNS", "")
    return int(value) if value.isdigit() else None


def fail(message: str, code: int = 1) -> typer.Exit:
    typer.echo(f"Error: {message}", err=True)
    return typer.Exit(code)


def settings(db: str | None = None) -> Settings:
    try:
        s = Settings()
    except Exception as exc:  # pydantic's ValidationError: a bad SATYAPAN_* value
        raise InputError(f"bad setting: {str(exc).splitlines()[0]}") from None
    if db:
        s = s.model_copy(update={"database_url": db})
    return s


@contextmanager
def session(db: str | None, *, write: bool = True) -> Iterator[Session]:
    from db.engine import ensure_schema, make_engine, session_scope

    engine = make_engine(settings(db).resolved_database_url())
    ensure_schema(engine)
    with session_scope(engine, write=write) as s:
        yield s


def parse_status(value: str | None) -> Status | None:
    if value is None:
        return None
    try:
        return Status(value)
    except ValueError:
        choices = ", ".join(s.value for s in Status)
        raise InputError(f"unknown status {value!r}; choose one of: {choices}") from None


# -- verify ------------------------------------------------------------------------------


@app.command()
def verify(
    article: Annotated[str, typer.Argument(help="Article: a file path, an http(s) URL, or - .")],
    urls: Annotated[
        Path | None, typer.Option("--urls", help="File of coverage URLs, one per line.")
    ] = None,
    corpus: Annotated[
        Path | None, typer.Option("--corpus", help="Folder of saved coverage pages (.html).")
    ] = None,
    date: Annotated[
        str | None,
        typer.Option("--date", help="Event date YYYY-MM-DD: coverage far from it is not counted."),
    ] = None,
    discover: Annotated[
        bool,
        typer.Option("--discover", help="Also search for coverage (SATYAPAN_DISCOVERY_PROVIDERS)."),
    ] = False,
    db: DbOption = None,
) -> None:
    """Extract an article's claims, read coverage, and decide each claim's status."""
    summary = run_verify(
        article, urls=urls, corpus=corpus, db=db, event_date=date, discover=discover
    )
    out = console()
    failed = int(summary.get("pages_failed", 0))
    out.print(
        f"Article {summary['article_id']}: {summary['claims']} claims, "
        f"{summary['documents_ok']} of {summary['documents']} coverage pages read, "
        f"{summary['evidence']} evidence."
    )
    if failed:
        typer.echo(
            f"{summary['documents_ok']} pages read, {failed} failed: see "
            f"`satyapan runs show {summary['run_id']}`",
            err=True,
        )
    print_claims(out, article_claims(db, summary["article_id"]))


def article_claims(db: str | None, article_id: int) -> list[dict[str, Any]]:
    """An article's claims as listing rows: read by the background process when a run went
    there (this process then needs no database driver), else here."""
    cfg = settings(db)
    if _in_background(cfg):
        from flows import background

        try:
            return background.claims_of_article(
                cfg.home / "prefect", cfg.resolved_database_url(), article_id
            )
        except SatyapanError:  # stopped since the run (`satyapan server stop`): read it here
            pass
    from db import repo

    with session(db, write=False) as s:
        return repo.claim_rows(repo.list_claims(s, article_id=article_id))


def run_verify(
    article: str,
    *,
    urls: Path | None,
    corpus: Path | None,
    db: str | None,
    event_date: str | None = None,
    discover: bool = False,
) -> dict[str, Any]:
    from sources.inputs import corpus_files, read_article, read_url_list
    from sources.options import FetchOptions

    cfg = settings(db)
    if event_date is not None:
        event_date = parse_event_date(event_date)
    fetch_options = FetchOptions.from_settings(cfg)
    source, text, title = read_article(article, fetch_options=fetch_options)
    url_list = read_url_list(urls) if urls else None
    if corpus:
        corpus_files(corpus)  # a missing or empty folder fails here, before any run starts
    if not url_list and not corpus and not discover:
        typer.echo(
            "No coverage given (--urls, --corpus or --discover): claims will stay unverified.",
            err=True,
        )
    database_url = cfg.resolved_database_url()
    if not _in_background(cfg):  # (the background process does it before the run)
        with session(db):
            pass  # create or upgrade the schema before Prefect starts
    return _run_flow(
        cfg,
        text=text,
        source=source,
        title=title,
        database_url=database_url,
        urls=url_list,
        corpus=str(corpus.resolve()) if corpus else None,  # the flow may run elsewhere
        event_date=event_date,
        **_flow_settings(cfg, discover),
    )


def parse_event_date(value: str) -> str:
    from datetime import date

    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise InputError(f"--date must be YYYY-MM-DD, not {value!r}") from None


def _fetch_params(options: Any) -> dict[str, Any]:
    from dataclasses import asdict

    params = asdict(options)
    params.pop("content_types", None)
    return params


def _in_background(cfg: Settings) -> bool:
    """Flows run in Satyapan's background process (``flows.background``) unless
    PREFECT_API_URL names a server or SATYAPAN_PREFECT_SERVER=temporary."""
    import os

    return not os.environ.get("PREFECT_API_URL") and cfg.prefect_server == "background"


def run_flow(cfg: Settings, flow: str, params: dict[str, Any], *, steps: int = 0) -> Any:
    """Run ``flow`` (``verify-article`` or ``reverify-open-claims``) with ``params`` as a
    Prefect flow run, showing fetch progress when ``steps`` > 1, in the background process
    (started on first use) or in this one."""
    from rich.progress import Progress

    with Progress(transient=True, console=Console(stderr=True), disable=steps < 2) as bar:
        task_id = bar.add_task("Fetching coverage", total=steps)
        if _in_background(cfg):
            from flows import background

            home = cfg.home / "prefect"
            background.retire_stale(home)  # started from other code: a fresh one is
            with background.in_use(home):  # held from before the start: never stopped under us
                background.ensure(home, idle=cfg.server_idle_minutes * 60)
                return background.submit(home, flow, params, progress=lambda: bar.advance(task_id))
        from flows.runtime import runs_here

        with runs_here():
            import flows.verify as verify_flow
            from flows.reverify import reverify_open_claims

            token = verify_flow.FETCH_PROGRESS.set(lambda _result: bar.advance(task_id))
            try:
                if flow == "verify-article":
                    return verify_flow.verify_article(**params)
                return reverify_open_claims(**params)
            finally:
                verify_flow.FETCH_PROGRESS.reset(token)


def _run_flow(cfg: Settings, **params: Any) -> dict[str, Any]:
    result: dict[str, Any] = run_flow(
        cfg, "verify-article", params, steps=len(params.get("urls") or [])
    )
    return result


# -- claims ------------------------------------------------------------------------------


def print_claims(out: Console, records: list[dict[str, Any]], fmt: Output = Output.table) -> None:
    """Claims as ``db.repo.claim_rows`` gives them, in ``fmt``."""
    if fmt is Output.json:
        typer.echo(json.dumps(records, ensure_ascii=False, indent=2))
        return
    if fmt is Output.csv:
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=list(records[0]) if records else ["id"])
        writer.writeheader()
        writer.writerows(records)
        typer.echo(buf.getvalue(), nl=False)
        return
    table = Table(show_lines=False)
    for col, kw in (
        ("id", {"justify": "right", "no_wrap": True, "min_width": 3}),
        ("article", {"justify": "right", "no_wrap": True, "min_width": 7}),
        ("status", {"no_wrap": True, "min_width": 13}),
        ("conf", {"justify": "right", "no_wrap": True, "min_width": 4}),
        ("type", {"no_wrap": True, "min_width": 9}),
        ("claim", {"overflow": "ellipsis", "no_wrap": True, "max_width": max(20, out.width - 56)}),
    ):
        table.add_column(col, **kw)
    for r in records:
        conf = f"{r['confidence']:.2f}" if r["confidence"] is not None else "-"
        table.add_row(str(r["id"]), str(r["article"]), r["status"], conf, r["type"], r["text"])
    out.print(table)


@claims_app.command("list")
def claims_list(
    status: Annotated[str | None, typer.Option(help="Only claims with this status.")] = None,
    article: Annotated[
        int | None, typer.Option(help="Only claims of this article id.", min=1, max=MAX_ID)
    ] = None,
    fmt: OutputOption = Output.table,
    db: DbOption = None,
) -> None:
    """List stored claims with their status."""
    wanted = parse_status(status)
    from db import repo

    with session(db, write=False) as s:
        rows = repo.list_claims(s, status=wanted, article_id=article)
        print_claims(console(), repo.claim_rows(rows), fmt)


@claims_app.command("show")
def claims_show(
    claim_id: Annotated[int, typer.Argument(help="Claim id.", min=1, max=MAX_ID)],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    db: DbOption = None,
) -> None:
    """Show one claim: its status and reason, status history and evidence."""
    from db import repo
    from review.export import claim_json

    with session(db, write=False) as s:
        data = claim_json(s, repo.get_claim(s, claim_id), history=True)
    if as_json:
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    out = console()
    out.print(f"Claim {data['id']} [{data['type']}, {data['class']}]")
    out.print(f"  {data['text']}")
    out.print(f"Status: {data['status']} (confidence {data['confidence']:.2f})")
    if data["reason"]:
        out.print(f"Reason: {data['reason']}")
    out.print("History:")
    for h in data["history"]:
        note = f" — {h['note']}" if h["note"] else ""
        out.print(f"  {h['at'][:19]}  {h['from'] or '-'} -> {h['to']}  by {h['by']}{note}")
    out.print(f"Evidence ({len(data['evidence'])}):")
    for e in data["evidence"]:
        out.print(f"  [{e['stance']}] {e['score']:.1f}  {e['url']}  ({e['publisher'] or '?'})")
        out.print(f"      “{e['quote']}”", overflow="fold")
        if e["conflicting_facts"]:
            out.print(f"      differs: {'; '.join(e['conflicting_facts'])}")


# -- runs --------------------------------------------------------------------------------


@runs_app.command("list")
def runs_list(
    article: Annotated[
        int | None, typer.Option(help="Only runs of this article id.", min=1, max=MAX_ID)
    ] = None,
    limit: Annotated[int, typer.Option(help="How many, newest first.", min=1, max=10_000)] = 20,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    db: DbOption = None,
) -> None:
    """List verification runs, newest first (a run whose process died shows interrupted)."""
    from db import repo
    from review.export import run_json

    with session(db, write=False) as s:
        records = [run_json(r) for r in repo.list_runs(s, article_id=article, limit=limit)]
    if as_json:
        typer.echo(json.dumps(records, ensure_ascii=False, indent=2))
        return
    table = Table(box=None, pad_edge=False)
    for name in ("run", "article", "started (UTC)", "took", "outcome", "claims", "pages", "failed"):
        table.add_column(name)
    for r in records:
        took = "-"
        if r["finished_at"]:
            from datetime import datetime

            seconds = (
                datetime.fromisoformat(r["finished_at"]) - datetime.fromisoformat(r["started_at"])
            ).total_seconds()
            took = f"{seconds:.1f} s"
        pages = f"{r['pages_read']}/{r['pages']}" if r["pages"] is not None else "-"
        table.add_row(
            str(r["id"]),
            str(r["article"]),
            r["started_at"][:19].replace("T", " "),
            took,
            r["outcome"],
            "-" if r["claims"] is None else str(r["claims"]),
            pages,
            str(r["pages_failed"]),
        )
    console().print(table)


@runs_app.command("show")
def runs_show(
    run_id: Annotated[int, typer.Argument(help="Run id.", min=1, max=MAX_ID)],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    db: DbOption = None,
) -> None:
    """Show one run: its times, flow run, counts, and every page that failed and why."""
    from db import repo
    from review.export import run_json

    with session(db, write=False) as s:
        r = run_json(repo.get_run(s, run_id))
    if as_json:
        typer.echo(json.dumps(r, ensure_ascii=False, indent=2))
        return
    out = console()
    out.print(f"Run {r['id']} of article {r['article']}: {r['outcome']}")
    out.print(f"  started  {r['started_at']}")
    out.print(f"  finished {r['finished_at'] or '-'}")
    out.print(f"  flow run {r['flow_run_id'] or '-'}")
    if r["error"]:
        out.print(f"  error    {r['error']}")
    if r["pages"] is not None:
        out.print(
            f"  {r['claims']} claims; {r['pages_read']} of {r['pages']} pages read, "
            f"{r['pages_failed']} failed; {r['status_changes']} status changes"
        )
    if r["statuses"]:
        out.print("  statuses: " + ", ".join(f"{k} {v}" for k, v in r["statuses"].items()))
    for warning in r["discovery_warnings"]:
        out.print(f"  discovery: {warning}", overflow="fold")
    if r["failed_pages"]:
        out.print(f"Failed pages ({r['pages_failed']}):")
        for page in r["failed_pages"]:
            out.print(f"  {page['url']}", overflow="fold")
            out.print(f"      {page['error']}", overflow="fold")


@claims_app.command("review")
def claims_review(
    claim_id: Annotated[int, typer.Argument(help="Claim id.", min=1, max=MAX_ID)],
    status: Annotated[str, typer.Option(help="Your decision: verified, false, needs_evidence, …")],
    note: Annotated[str, typer.Option(help="Why (required).")],
    by: Annotated[str, typer.Option("--by", help="Reviewer name.")] = "reviewer",
    db: DbOption = None,
) -> None:
    """Confirm or override a claim's status, with a note. Later runs keep your decision."""
    decision = parse_status(status)
    assert decision is not None
    from db import repo

    with session(db) as s:
        change = repo.review_claim(s, claim_id, decision, note=note, reviewer=by)
        typer.echo(f"Claim {claim_id}: {change.old_status} -> {change.new_status} by {by}")


@claims_app.command("extract")
def claims_extract(
    file: Annotated[str, typer.Argument(help="Article file, URL, or - for stdin.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    include_all: Annotated[
        bool, typer.Option("--all", help="Every clause, not only check-worthy ones.")
    ] = False,
) -> None:
    """Print an article's claims with their key facts, without touching the database."""
    from claims.extract import extract_claims
    from flows.steps import glossary_for
    from review.claimjson import claim_to_json
    from satyapan.apertium import morphology
    from sources.inputs import read_article

    cfg = settings()
    gloss = glossary_for(str(cfg.glossary) if cfg.glossary else None)
    _, text, _ = read_article(file)
    found = extract_claims(text, include_all=include_all, glossary=gloss, morphology=morphology())
    if as_json:
        typer.echo(
            json.dumps({"claims": [claim_to_json(c) for c in found]}, ensure_ascii=False, indent=2)
        )
        return
    out = console()
    for c in found:
        data = claim_to_json(c)
        facts = data["key_facts"]
        out.print(
            f"[{c.span[0]}:{c.span[1]}] {c.type.value} {c.cls.value} "
            f"{c.checkworthiness:.2f}  {c.text}",
            overflow="fold",
        )
        parts = []
        if facts["numbers"]:
            parts.append(
                "numbers "
                + ", ".join(
                    f"{n['value']:g}" + (f" {n['counts']}" if n["counts"] else "")
                    for n in facts["numbers"]
                )
            )
        if facts["entities"]:
            parts.append(
                "entities "
                + ", ".join(
                    f"({e['latin']})" if e["kind"] == "context" else e["latin"]
                    for e in facts["entities"]
                )
            )
        if facts["predicates"]:
            parts.append("predicates " + ", ".join(facts["predicates"]))
        if facts["dates"]:
            parts.append("dates " + ", ".join(d["value"] for d in facts["dates"]))
        if parts:
            out.print("    " + "; ".join(parts), overflow="fold")
        if data["parts"]:
            roles = ", ".join(f"{k}={v}" for k, v in data["parts"].items() if k != "quote")
            out.print(f"    roles {roles}", overflow="fold")


# -- sources -----------------------------------------------------------------------------


@sources_app.command("discover")
def sources_discover(
    article: Annotated[str, typer.Argument(help="Article: a file path, an http(s) URL, or - .")],
    event_date: Annotated[
        str | None,
        typer.Option("--date", help="Event date YYYY-MM-DD (default: the date the claims give)."),
    ] = None,
    provider: Annotated[
        list[str] | None,
        typer.Option(
            "--provider",
            help="news_rss, gdelt, feeds, urls or corpus; repeat for more "
            "(default: SATYAPAN_DISCOVERY_PROVIDERS).",
        ),
    ] = None,
    urls: Annotated[
        Path | None, typer.Option("--urls", help="File of coverage URLs, one per line.")
    ] = None,
    corpus: Annotated[
        Path | None, typer.Option("--corpus", help="Folder of saved coverage pages.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """List candidate coverage URLs for an article's claims, without fetching them."""
    from dataclasses import asdict
    from datetime import date

    from claims.extract import extract_claims
    from claims.text import detect_language
    from flows.steps import glossary_for
    from satyapan.apertium import morphology
    from sources.discover import DateWindow, discover, providers_from_settings
    from sources.inputs import read_article
    from sources.options import FetchOptions
    from sources.queries import guess_event_date

    cfg = settings()
    day = None
    if event_date is not None:
        try:
            day = date.fromisoformat(event_date)
        except ValueError:
            raise InputError(f"--date must be YYYY-MM-DD, not {event_date!r}") from None
    providers = providers_from_settings(cfg, provider or None, url_list=urls, corpus=corpus)
    gloss = glossary_for(str(cfg.glossary) if cfg.glossary else None)
    _, text, _ = read_article(article, fetch_options=FetchOptions.from_settings(cfg))
    found = extract_claims(text, glossary=gloss, morphology=morphology())
    day = day or guess_event_date(found)
    window = DateWindow.around(day, cfg.window_days_before, cfg.window_days_after) if day else None
    result = discover(
        found,
        language=detect_language(text),
        providers=providers,
        window=window,
        max_queries=cfg.discovery_max_queries,
        glossary=gloss,
    )
    if as_json:
        data = {
            "queries": [asdict(q) for q in result.queries],
            "window": [window.start.isoformat(), window.end.isoformat()] if window else None,
            "candidates": [asdict(c) for c in result.candidates],
            "warnings": list(result.warnings),
        }
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    typer.echo(f"Queries ({len(result.queries)}):")
    for q in result.queries:
        covers = f"{len(q.claims)} claim" + ("s" if len(q.claims) != 1 else "")
        typer.echo(f"  [{q.language}] {q.text}  ({covers})")
    if window:
        typer.echo(f"Window: {window.start} to {window.end}")
    typer.echo(f"Candidates ({len(result.candidates)}):")
    for c in result.candidates:
        typer.echo(f"  {c.title or '(no title)'}  ({c.published or 'undated'}, {c.source})")
        typer.echo(f"    {c.url}")
    for warning in result.warnings:
        typer.echo(f"Warning: {warning}", err=True)


# -- export, demo, db --------------------------------------------------------------------


class ExportFormat(StrEnum):
    json = "json"
    md = "md"
    csv = "csv"
    html = "html"
    claimreview = "claimreview"


@app.command()
def export(
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f")] = ExportFormat.json,
    article: Annotated[
        int | None, typer.Option(help="Article id (default: latest).", min=1, max=MAX_ID)
    ] = None,
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Write to FILE.")] = None,
    db: DbOption = None,
) -> None:
    """Export an article's verified-fact sheet: JSON, Markdown, CSV, HTML or schema.org
    ClaimReview JSON-LD."""
    from review.export import article_json
    from review.sheets import RENDERERS

    with session(db, write=False) as s:
        data = article_json(s, article)
    text = RENDERERS[fmt.value](data)
    if output:
        try:
            output.write_text(text, encoding="utf-8")
        except OSError as exc:
            raise InputError(f"cannot write {output}: {exc.strerror}") from None
        typer.echo(f"Wrote {output}", err=True)
    else:
        typer.echo(text, nl=False)


@app.command()
def demo(db: DbOption = None) -> None:
    """Verify the bundled Hindi seed article against the bundled offline coverage."""
    try:
        spec = json.loads((EXAMPLES / "demo.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raise InputError(f"the demo files are missing under {EXAMPLES}") from None
    article = EXAMPLES / spec["article"]
    corpus = EXAMPLES / spec["corpus"]
    if not article.exists() or not corpus.is_dir():
        raise InputError(f"the demo files are missing under {EXAMPLES}")
    summary = run_verify(
        str(article), urls=None, corpus=corpus, db=db, event_date=spec.get("event_date")
    )
    out = console()
    out.print(
        f"Verified {article.name}: {summary['claims']} claims against "
        f"{summary['documents_ok']} coverage pages."
    )
    print_claims(out, article_claims(db, summary["article_id"]))
    from db.engine import mask_url

    cfg = settings(db)
    out.print(f"Database: {mask_url(cfg.resolved_database_url())}")
    if _in_background(cfg):
        from flows import background

        url = background.running_url(cfg.home / "prefect")
        if url:
            out.print(
                f"Prefect UI: {url.removesuffix('/api')}  (Satyapan's background server: it "
                f"stops after {cfg.server_idle_minutes:g} min unused; `satyapan server stop`)"
            )
    out.print("Next: satyapan claims show ID   |   satyapan export --format json")


def _flow_settings(cfg: Settings, discover: bool) -> dict[str, Any]:
    from sources.options import FetchOptions

    discovery = None
    if discover:  # (the pipeline's modules stay out of a command that only hands a run over)
        from flows.steps import discovery_params

        discovery = discovery_params(cfg)

    return {
        "fetch": _fetch_params(FetchOptions.from_settings(cfg)),
        # absolute: the flow may run in another folder (see resolved_database_url)
        "glossary": str(cfg.glossary.resolve()) if cfg.glossary else None,
        "match": {
            "min_relevance": cfg.match_min_relevance,
            "term_similarity": cfg.match_term_similarity,
        },
        "window_days": (cfg.window_days_before, cfg.window_days_after),
        "discovery": discovery,
        "webhook": cfg.webhook_url,
    }


StatusesOption = Annotated[
    list[str] | None,
    typer.Option("--status", help="Re-verify claims with this status (repeatable)."),
]


@app.command()
def reverify(
    status: StatusesOption = None,
    discover: Annotated[
        bool, typer.Option("--discover", help="Also search for new coverage.")
    ] = False,
    limit: Annotated[int, typer.Option(help="At most this many articles.")] = 50,
    db: DbOption = None,
) -> None:
    """Verify again every article with open claims (pending, unverified, single_source,
    disputed), against the pages that gave evidence before and, with --discover, new ones."""
    wanted = [parse_status(s) for s in status or []]
    statuses = [s.value for s in wanted if s is not None] or None
    cfg = settings(db)
    with session(db):
        pass
    summaries = run_flow(
        cfg,
        "reverify-open-claims",
        {
            "database_url": cfg.resolved_database_url(),
            "statuses": statuses,
            "limit": limit,
            **_flow_settings(cfg, discover),
        },
    )
    for s in summaries:
        statuses_text = ", ".join(f"{k} {v}" for k, v in s["statuses"].items())
        typer.echo(f"Article {s['article_id']}: {statuses_text}")
    typer.echo(f"Re-verified {len(summaries)} article{'s' if len(summaries) != 1 else ''}.")


def _require_server(what: str) -> None:
    from flows.runtime import api_configured

    if not api_configured():
        raise InputError(
            f"{what} need a Prefect server: run `prefect server start` in another terminal "
            "and set PREFECT_API_URL=http://127.0.0.1:4200/api"
        )


def _reverify_params(cfg: Settings, discover: bool) -> dict[str, Any]:
    return {
        "database_url": cfg.resolved_database_url(),
        "statuses": list(cfg.reverify_statuses),
        "every_hours": cfg.reverify_every_hours,
        "max_backoff": cfg.reverify_max_backoff,
        **_flow_settings(cfg, discover),
    }


@app.command()
def serve(
    cron: Annotated[
        str | None,
        typer.Option(help="When to re-verify, as a cron line (default: SATYAPAN_REVERIFY_CRON)."),
    ] = None,
    timezone: Annotated[
        str | None, typer.Option(help="Time zone of the cron line (SATYAPAN_REVERIFY_TIMEZONE).")
    ] = None,
    discover: Annotated[
        bool, typer.Option("--discover", help="Also search for new coverage each time.")
    ] = False,
    db: DbOption = None,
) -> None:
    """Serve the reverify-open-claims flow on a schedule in this one process (needs a
    Prefect server; for several workers, see `satyapan deploy`)."""
    _require_server("schedules")
    cfg = settings(db)
    with session(db):
        pass
    from flows.deploy import serve_reverify

    cron = cron or cfg.reverify_cron
    timezone = timezone or cfg.reverify_timezone
    typer.echo(f"Serving reverify-open-claims on '{cron}' ({timezone}); Ctrl-C stops.")
    serve_reverify(_reverify_params(cfg, discover), cron=cron, timezone=timezone)


@server_app.command("status")
def server_status(db: DbOption = None) -> None:
    """Whether the background Prefect server runs, where, and since when."""
    from flows import background

    cfg = settings(db)
    data = background.state(cfg.home / "prefect")
    url = background.running_url(cfg.home / "prefect")
    if data is None or url is None:
        typer.echo("Not running (the next verify or reverify starts it).")
        raise typer.Exit(3)
    import time as _time

    up = int(_time.time() - float(data.get("started", _time.time())))
    typer.echo(
        f"Running at {url.removesuffix('/api')} (UI and API), pid {data['server_pid']}, "
        f"up {up // 60} min, stops after {cfg.server_idle_minutes:g} min unused."
    )


@server_app.command("start")
def server_start(db: DbOption = None) -> None:
    """Start the background Prefect server now (commands start it when they need it)."""
    from flows import background

    cfg = settings(db)
    background.retire_stale(cfg.home / "prefect")
    url = background.ensure(cfg.home / "prefect", idle=cfg.server_idle_minutes * 60)
    typer.echo(f"Running at {url.removesuffix('/api')} (UI and API).")


@server_app.command("stop")
def server_stop(db: DbOption = None) -> None:
    """Stop the background Prefect server (its runs stay in SATYAPAN_HOME/prefect)."""
    from flows import background

    cfg = settings(db)
    if background.stop_server(cfg.home / "prefect"):
        typer.echo("Stopped.")
    else:
        typer.echo("Not running.")


@app.command()
def deploy(
    cron: Annotated[
        str | None,
        typer.Option(help="When to re-verify, as a cron line (default: SATYAPAN_REVERIFY_CRON)."),
    ] = None,
    no_schedule: Annotated[
        bool, typer.Option("--no-schedule", help="Deploy without the cron schedule.")
    ] = False,
    discover: Annotated[
        bool, typer.Option("--discover", help="Also search for new coverage each time.")
    ] = False,
    db: DbOption = None,
) -> None:
    """Register verify-article and reverify-open-claims as deployments on the process work
    pool (SATYAPAN_WORK_POOL), for `prefect worker start --pool` on any machine."""
    _require_server("deployments")
    cfg = settings(db)
    with session(db):
        pass
    from flows.deploy import deploy as register

    flow_settings = {**_flow_settings(cfg, discover), "shared_limits": True}
    deployed = register(
        pool=cfg.work_pool,
        verify_params={"database_url": cfg.resolved_database_url(), **flow_settings},
        reverify_params={
            **_reverify_params(cfg, discover),
            **flow_settings,
            "max_in_flight": cfg.reverify_max_in_flight,
            "attempts": cfg.reverify_attempts,
        },
        cron=None if no_schedule else (cron or cfg.reverify_cron),
        timezone=cfg.reverify_timezone,
        dead_run_seconds=cfg.dead_run_seconds,
    )
    from db.engine import mask_url

    typer.echo(f"Deployed {deployed.verify} and {deployed.reverify} on pool '{deployed.pool}'.")
    if not no_schedule:
        typer.echo(f"Schedule: '{cron or cfg.reverify_cron}' ({cfg.reverify_timezone}).")
    typer.echo(f"Database: {mask_url(cfg.resolved_database_url())}")
    typer.echo(f"Start workers: prefect worker start --pool {deployed.pool}")


@app.command("review")
def review_app(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.", min=1, max=65535)] = 8765,
    db: DbOption = None,
) -> None:
    """Run the reviewer web app: claims, evidence and history; decide; publish sheets."""
    import uvicorn

    cfg = settings(db)
    app_ = build_app(cfg)
    with session(db, write=False) as s:
        from db import repo

        if not repo.list_users(s):
            typer.echo(
                "No accounts yet: add one with `satyapan users add NAME --role editor`.", err=True
            )
    typer.echo(f"Reviewer app on http://{host}:{port}/  (Ctrl-C stops)")
    uvicorn.run(app_, host=host, port=port, log_level="warning", proxy_headers=False)


def build_app(cfg: Settings) -> Any:
    """The reviewer app as these settings describe it."""
    from review.auth import secret_key
    from review.webapp import create_app

    hosts = list(cfg.review_allowed_hosts)
    return create_app(
        cfg.resolved_database_url(),
        secret_key=secret_key(cfg.home, cfg.secret_key),
        allowed_hosts=hosts,
        secure_cookies=cfg.review_secure_cookies,
        publisher={"name": cfg.org_name, "url": cfg.org_url, "base": cfg.sheet_base_url},
    )


# -- users --------------------------------------------------------------------------------

users_app = typer.Typer(
    help="Reviewer accounts: viewers read, reviewers decide, editors publish.", no_args_is_help=True
)
app.add_typer(users_app, name="users")


class Role(StrEnum):
    viewer = "viewer"
    reviewer = "reviewer"
    editor = "editor"


@users_app.command("add")
def users_add(
    name: Annotated[str, typer.Argument(help="Login name (no spaces).")],
    role: Annotated[
        Role, typer.Option("--role", help="viewer, reviewer or editor.")
    ] = Role.reviewer,
    password_stdin: Annotated[
        bool, typer.Option("--password-stdin", help="Read the password from stdin.")
    ] = False,
    db: DbOption = None,
) -> None:
    """Add an account; the password is asked for (or read from stdin) and stored hashed."""
    from db import repo
    from review.auth import hash_password

    if password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = typer.prompt("Password", hide_input=True, confirmation_prompt=True)
    digest = hash_password(password)
    with session(db) as s:
        user = repo.add_user(s, name=name, role=role.value, password_hash=digest)
        typer.echo(f"User {user.name} added as {user.role}.")


@users_app.command("list")
def users_list(db: DbOption = None) -> None:
    """List accounts and their roles."""
    from db import repo

    with session(db, write=False) as s:
        for u in repo.list_users(s):
            typer.echo(f"{u.name}\t{u.role}{'  (disabled)' if u.disabled else ''}")


@users_app.command("disable")
def users_disable(
    name: Annotated[str, typer.Argument(help="Login name.")], db: DbOption = None
) -> None:
    """Disable an account: it can no longer log in; its decisions stay."""
    from db import repo

    with session(db) as s:
        user = repo.user_named(s, name)
        if user is None:
            raise InputError(f"no user named {name!r}")
        user.disabled = True
        typer.echo(f"User {name} disabled.")


@app.command("eval")
def eval_command(
    folder: Annotated[Path, typer.Argument(help="Labelled corpus: case folders with labels.json.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Score matching and verdicts against a labelled corpus (no database, no network)."""
    from review.evaluate import evaluate

    report = evaluate(folder)
    if as_json:
        typer.echo(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
    else:
        typer.echo("\n".join(report.lines()))


@db_app.command("upgrade")
def db_upgrade(db: DbOption = None) -> None:
    """Create or upgrade the database schema to the current version."""
    from db.engine import mask_url
    from db.migrate import upgrade

    url = settings(db).resolved_database_url()
    upgrade(url)
    typer.echo(f"Database at {mask_url(url)} is up to date.")


def main(argv: list[str] | None = None) -> None:
    """Entry point: library errors become one line on stderr and a non-zero exit."""
    import logging
    import os

    level = os.environ.get("SATYAPAN_LOG_LEVEL", "ERROR").upper()
    logging.getLogger("sources").setLevel(level if level in logging._nameToLevel else "ERROR")
    try:
        code = app(args=argv, standalone_mode=False)  # a typer.Exit(n) comes back as n
    except SatyapanError as exc:
        raise SystemExit(_report(str(exc), 1)) from None
    except typer.Exit as exc:
        raise SystemExit(exc.exit_code) from None
    except typer.Abort:
        raise SystemExit(_report("aborted", 130)) from None
    except KeyboardInterrupt:
        raise SystemExit(_report("interrupted", 130)) from None
    except Exception as exc:  # usage errors, and anything no one foresaw: never a traceback
        if isinstance(exc, _usage_errors()):
            message = exc.format_message()  # type: ignore[attr-defined]
            code = int(getattr(exc, "exit_code", 2))
            if not message:  # a group called without a command: its help was shown
                raise SystemExit(code) from None
            raise SystemExit(_report(message, code)) from None
        if os.environ.get("SATYAPAN_DEBUG"):
            raise
        raise SystemExit(
            _report(f"unexpected {type(exc).__name__}: {exc} (SATYAPAN_DEBUG=1 shows where)", 1)
        ) from None
    if isinstance(code, int) and code:
        raise SystemExit(code)


def _usage_errors() -> tuple[type[Exception], ...]:
    """click's exception base and typer's own copy of it (typer >= 0.2x raises those)."""
    import click

    kinds: list[type[Exception]] = [click.ClickException]
    try:
        from typer._click.exceptions import ClickException as TyperClickException
    except ImportError:  # an older typer uses click's own
        pass
    else:
        kinds.append(TyperClickException)
    return tuple(kinds)


def _report(message: str, code: int) -> int:
    print(f"Error: {message.splitlines()[0] if message else 'failed'}", file=sys.stderr)
    return code


if __name__ == "__main__":
    main()
