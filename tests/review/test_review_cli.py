"""The satyapan CLI: exact output, exact one-line errors, exports others can script against."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from claims.extract import extract_claims
from review.cli import app
from satyapan.apertium import morphology
from tests.conftest import EXAMPLES
from tests.support.cli import run

SEED = EXAMPLES / "sco-qingdao-2025.hi.txt"
CORPUS = EXAMPLES / "coverage"


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("SATYAPAN_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("COLUMNS", "200")
    return f"sqlite:///{tmp_path / 'cli.db'}"


N_CLAIMS = len(extract_claims(SEED.read_text(encoding="utf-8"), morphology=morphology()))


@pytest.fixture
def verified(db: str, capsys: pytest.CaptureFixture[str], prefect_harness: None) -> str:
    code, out, err = run(capsys, "verify", str(SEED), "--corpus", str(CORPUS), "--db", db)
    assert code == 0, err
    assert out.startswith(f"Article 1: {N_CLAIMS} claims, 12 of 12 coverage pages read,")
    return db


def claim_id(capsys: pytest.CaptureFixture[str], db: str, needle: str) -> str:
    """The id of the stored claim whose text contains ``needle``."""
    _, out, _ = run(capsys, "claims", "list", "-f", "json", "--db", db)
    return str(next(c["id"] for c in json.loads(out) if needle in c["text"]))


def test_every_command_has_help() -> None:
    import typer.main

    group = typer.main.get_command(app)
    names = []

    def walk(cmd: object, prefix: str) -> None:
        for name, sub in getattr(cmd, "commands", {}).items():
            assert sub.help, f"{prefix}{name} has no help text"
            names.append(prefix + name)
            walk(sub, f"{prefix}{name} ")

    walk(group, "")
    assert {
        "verify",
        "claims list",
        "claims show",
        "claims extract",
        "claims review",
        "export",
        "demo",
        "db upgrade",
    } <= set(names)


def test_claims_list_csv_is_exact(verified: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "claims", "list", "--format", "csv", "--db", verified)
    assert code == 0, err
    rows = list(csv.DictReader(io.StringIO(out)))
    assert out.splitlines()[0] == "id,article,status,confidence,type,text"
    assert [r["id"] for r in rows] == [str(i) for i in range(1, N_CLAIMS + 1)]
    by_text = {r["text"]: r["status"] for r in rows}
    pahalgam = next(t for t in by_text if "26 लोगों" in t)
    assert by_text[pahalgam] == "disputed"


def test_claims_list_filters_by_status(verified: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys, "claims", "list", "--status", "disputed", "-f", "json", "--db", verified
    )
    assert code == 0
    statuses = {c["status"] for c in json.loads(out)}
    assert statuses == {"disputed"}


def test_claims_show_prints_history_and_evidence(
    verified: str, capsys: pytest.CaptureFixture[str]
) -> None:
    cid = claim_id(capsys, verified, "26 लोगों")
    _, as_json, _ = run(capsys, "claims", "show", cid, "--json", "--db", verified)
    stored = json.loads(as_json)
    code, out, _ = run(capsys, "claims", "show", cid, "--db", verified)
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == f"Claim {cid} [quantity, checkworthy_factual]"
    assert lines[1] == f"  {stored['text']}"
    assert lines[2] == f"Status: disputed (confidence {stored['confidence']:.2f})"
    assert lines[3] == f"Reason: {stored['reason']}"
    assert "report 26 people; 1 reports 28 people" in lines[3]
    assert "- -> pending  by pipeline" in out
    assert "pending -> disputed  by pipeline" in out
    assert "[contradicts]" in out and "[supports]" in out


def test_export_json_contract(verified: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "export", "--format", "json", "--db", verified)
    assert code == 0
    data = json.loads(out)
    assert set(data) >= {"article", "claims"}
    text = SEED.read_text(encoding="utf-8")
    assert len(data["claims"]) == N_CLAIMS
    for claim in data["claims"]:
        start, end = claim["span"]
        assert text[start:end] == claim["text"]
        assert claim["text"] in claim["sentence"]
        assert 0 <= claim["confidence"] <= 1
        assert claim["type"] in {"quantity", "event", "quote", "statement"}
        assert claim["status"] in {"corroborated", "single_source", "disputed", "unverified"}
        for ev in claim["evidence"]:
            assert set(ev) >= {
                "url",
                "publisher",
                "language",
                "published",
                "score",
                "quote",
                "stance",
            }
            assert ev["stance"] in {"supports", "contradicts"}
            assert 0 <= ev["score"] <= 100
            assert ev["url"].startswith("https://")


def test_export_to_file(verified: str, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "sheet.json"
    code, out, err = run(capsys, "export", "-o", str(target), "--db", verified)
    assert (code, out, err) == (0, "", f"Wrote {target}\n")
    assert json.loads(target.read_text(encoding="utf-8"))["article"]["id"] == 1


def test_reviewer_decision_survives_rerun(
    verified: str, capsys: pytest.CaptureFixture[str]
) -> None:
    cid = claim_id(capsys, verified, "26 लोगों")
    code, out, _ = run(
        capsys,
        "claims",
        "review",
        cid,
        "--status",
        "verified",
        "--note",
        "Official toll is 26",
        "--by",
        "asha",
        "--db",
        verified,
    )
    assert (code, out) == (0, f"Claim {cid}: disputed -> verified by asha\n")
    code, _, _ = run(capsys, "verify", str(SEED), "--corpus", str(CORPUS), "--db", verified)
    assert code == 0
    code, out, _ = run(capsys, "claims", "show", cid, "--json", "--db", verified)
    data = json.loads(out)
    assert data["status"] == "verified" and data["pipeline_status"] == "disputed"


@pytest.mark.parametrize(
    ("args", "stdin", "message"),
    [
        (
            ["verify", "/no/such/article.txt"],
            None,
            "Error: article file /no/such/article.txt not found",
        ),
        (["verify", "-"], b"   \n", "Error: article is empty"),
        (["verify", "-"], b"\xff\xfe\xfa bad", "Error: ARTICLE is not UTF-8 text"),
        (
            ["claims", "list", "--status", "bogus"],
            None,
            "Error: unknown status 'bogus'; choose one of: pending, corroborated, single_source, "
            "disputed, unverified, verified, false, needs_evidence",
        ),
        (["claims", "show", "999"], None, "Error: claim 999 not found"),
        (["export"], None, "Error: no articles stored yet: run `satyapan verify ARTICLE` first"),
        (
            ["verify", str(SEED), "--corpus", "/no/such/folder"],
            None,
            "Error: corpus folder /no/such/folder not found",
        ),
    ],
)
def test_bad_input_is_one_line(
    db: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    args: list[str],
    stdin: bytes | None,
    message: str,
) -> None:
    if stdin is not None:
        monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(stdin)))
    code, out, err = run(capsys, *args, "--db", db)
    assert code == 1
    assert err.strip().splitlines() == [message]


def test_url_that_does_not_answer(
    db: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import socket

    with socket.socket() as sock:  # a port that was free a moment ago: nothing listens
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    monkeypatch.setenv("SATYAPAN_ALLOW_PRIVATE_HOSTS", "true")
    monkeypatch.setenv("SATYAPAN_FETCH_RETRIES", "0")
    code, _, err = run(capsys, "verify", f"http://127.0.0.1:{port}/story", "--db", db)
    assert code == 1
    assert err.startswith(f"Error: could not fetch http://127.0.0.1:{port}/story: ")
    assert len(err.strip().splitlines()) == 1


def test_claims_extract_json_touches_no_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SATYAPAN_HOME", str(tmp_path / "home"))
    code, out, _ = run(capsys, "claims", "extract", str(SEED), "--json")
    assert code == 0
    claims = json.loads(out)["claims"]
    texts = " ".join(c["text"] for c in claims)
    for fact in ("26 लोगों", "चार विकल्प", "मधुबनी पेंटिंग"):
        assert fact in texts
    for c in claims:
        assert set(c) >= {
            "text",
            "sentence",
            "span",
            "type",
            "class",
            "checkworthiness",
            "key_facts",
        }
        assert set(c["key_facts"]) == {"numbers", "entities", "predicates", "dates"}
    assert not (tmp_path / "home").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["export", "--format", "xml"], "Error: Invalid value for '--format' / '-f': "),
        (["export", "--bogus"], "Error: No such option: --bogus"),
        (["claims", "list", "--article", "abc"], "Error: Invalid value for '--article': "),
        (["claims", "show", "99999999999999999999"], "Error: Invalid value for 'claim_id': "),
        (["frobnicate"], "Error: No such command 'frobnicate'."),
    ],
)
def test_bad_options_give_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    code, out, err = run(capsys, *args)
    assert code == 2
    assert err.count("\n") == 1 and err.startswith(message), err
    assert "Traceback" not in out + err


def test_a_locked_database_is_one_line_within_seconds_and_readers_still_read(
    verified: str, capsys: pytest.CaptureFixture[str]
) -> None:
    import sqlite3
    import time

    path = verified.removeprefix("sqlite:///")
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another process is writing
    try:
        code, out, err = run(capsys, "claims", "list", "-f", "json", "--db", verified)
        assert code == 0 and json.loads(out), err  # reading takes no write lock
        code, out, err = run(capsys, "runs", "list", "--db", verified)
        assert code == 0, err
        claim = claim_id(capsys, verified, "26 लोगों")
        started = time.monotonic()
        code, out, err = run(
            capsys, "claims", "review", claim, "--status", "verified", "--note", "n",
            "--db", verified,
        )  # fmt: skip
        waited = time.monotonic() - started
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert code == 1
    assert err == (
        f"Error: database {verified} is locked by another process (waited 5 s); "
        "try again when it has finished\n"
    )
    assert waited < 15
    # Nothing was lost: the claim is as it was, and the review goes through now.
    code, out, err = run(
        capsys, "claims", "review", claim, "--status", "verified", "--note", "n", "--db", verified
    )
    assert code == 0, err


def test_a_database_server_that_is_not_there_is_one_line(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    import time

    started = time.monotonic()
    code, out, err = run(
        capsys, "claims", "list", "--db", "postgresql://postgres@127.0.0.1:1/nowhere"
    )
    assert code == 1 and time.monotonic() - started < 10
    assert err.startswith(
        "Error: cannot connect to database postgresql+psycopg://postgres@127.0.0.1:1/nowhere: "
    )
    assert err.count("\n") == 1


def _leaves(command: object, path: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], object]]:
    children = getattr(command, "commands", None)
    if not children:
        return [(path, command)]
    return [leaf for name, sub in children.items() for leaf in _leaves(sub, (*path, name))]


def _bad_invocations() -> list[list[str]]:
    """For every command: an unknown option, every value-taking option left without its
    value, every number or choice option given a word, every id argument a word and -5."""
    from enum import Enum

    import typer.main

    out: list[list[str]] = []
    for path, command in _leaves(typer.main.get_command(app)):
        out.append([*path, "--no-such-option"])
        for param in getattr(command, "params", []):
            kind = param.type_descriptor.annotation
            typed = kind in (int, float) or (isinstance(kind, type) and issubclass(kind, Enum))
            if param.param_type_name == "option" and not param.is_flag:
                name = next(n for n in param.opts if n.startswith("-"))
                out.append([*path, name])  # the value is missing
                if typed:
                    out.append([*path, name, "not-a-value"])
            elif param.param_type_name == "argument" and kind is int:
                out.append([*path, "abc"])
                out.append([*path, "-5"])
    return out


BAD = _bad_invocations()


def test_the_walk_covers_every_command() -> None:
    commands = {tuple(args[:2]) for args in BAD}
    assert len(BAD) > 60
    assert {("verify", "--no-such-option"), ("runs", "show"), ("claims", "review")} <= commands


@pytest.mark.parametrize("args", BAD, ids=lambda a: " ".join(a))
def test_every_command_with_a_bad_option_or_value_is_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], args: list[str]
) -> None:
    code, out, err = run(capsys, *args)
    assert code == 2, (code, out, err)
    assert err.count("\n") == 1 and err.startswith("Error: "), err
    assert "Traceback" not in out + err


def test_users_are_added_hashed_listed_and_disabled(
    db: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import io as _io

    from db.engine import make_engine, session_scope
    from db.models import User

    monkeypatch.setattr("sys.stdin", _io.StringIO("a long enough password\n"))
    code, out, err = run(
        capsys, "users", "add", "asha", "--role", "editor", "--password-stdin", "--db", db
    )
    assert code == 0 and out == "User asha added as editor.\n", err
    with session_scope(make_engine(db)) as s:
        stored = s.query(User).one().password_hash
    assert stored.startswith("$argon2id$") and "a long enough password" not in stored
    monkeypatch.setattr("sys.stdin", _io.StringIO("short\n"))
    code, out, err = run(capsys, "users", "add", "bob", "--password-stdin", "--db", db)
    assert code == 1 and err == "Error: a password needs at least 10 characters\n"
    monkeypatch.setattr("sys.stdin", _io.StringIO("a long enough password\n"))
    code, out, err = run(capsys, "users", "add", "asha", "--password-stdin", "--db", db)
    assert code == 1 and err == "Error: user 'asha' exists already\n"
    code, out, err = run(capsys, "users", "list", "--db", db)
    assert out == "asha\teditor\n"
    code, out, err = run(capsys, "users", "disable", "asha", "--db", db)
    assert code == 0 and run(capsys, "users", "list", "--db", db)[1] == "asha\teditor  (disabled)\n"


def test_claims_review_refuses_the_pipelines_statuses(
    verified: str, capsys: pytest.CaptureFixture[str]
) -> None:
    claim = claim_id(capsys, verified, "26 लोगों")
    code, out, err = run(
        capsys, "claims", "review", claim, "--status", "corroborated", "--note", "n",
        "--db", verified,
    )  # fmt: skip
    assert code == 1
    assert err.startswith("Error: 'corroborated' is the pipeline's status, not a reviewer's")


@pytest.mark.parametrize("command", [["serve"], ["deploy"], ["deploy", "--no-schedule"]])
def test_schedules_and_deployments_without_a_server_say_so_in_one_line(
    command: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from prefect.settings import PREFECT_API_URL, temporary_settings

    db = f"sqlite:///{tmp_path / 'x.db'}"
    with temporary_settings({PREFECT_API_URL: None}):  # whatever harness another test opened
        code, out, err = run(capsys, *command, "--db", db)
    assert code == 1
    assert err.startswith("Error: ") and "need a Prefect server" in err
    assert len(err.strip().splitlines()) == 1
