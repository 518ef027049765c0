"""Repository behaviour on both backends: idempotent saves, evidence, statuses, history."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import Engine, func, select

from claims.model import (
    Claim,
    ClaimType,
    DateFact,
    Entity,
    EvidenceMatch,
    KeyFacts,
    NumberFact,
    Stance,
    Status,
    Verdict,
)
from db import repo
from db.engine import session_scope
from db.models import Document, Evidence, StatusChange
from satyapan.errors import InputError, NotFoundError

MakeClaim = Callable[..., Claim]
ARTICLE = "राजनाथ सिंह ने किंगदाओ में एससीओ बैठक में भाग लिया। उन्होंने दस्तावेज़ पर हस्ताक्षर नहीं किए।"


def _article(engine: Engine) -> int:
    with session_scope(engine) as s:
        return repo.save_article(s, source="seed.hi.txt", text=ARTICLE, language="hi").id


def _claims(engine: Engine, make_claim: MakeClaim, n: int = 2) -> tuple[int, list[int]]:
    article_id = _article(engine)
    with session_scope(engine) as s:
        rows = repo.save_claims(s, article_id, [make_claim(i) for i in range(n)])
        return article_id, [r.id for r in rows]


def _match(key: str, score: float, stance: Stance = Stance.SUPPORTS) -> EvidenceMatch:
    return EvidenceMatch(
        claim_index=0,
        doc_key=key,
        quote="Rajnath Singh refused to sign the joint statement.",
        quote_span=(10, 60),
        highlight=(0, 13),
        score=score,
        stance=stance,
        matched_facts=("rajnath singh", "refuse"),
        conflicting_facts=() if stance is Stance.SUPPORTS else ("26",),
    )


def _documents(engine: Engine, *urls: str) -> list[int]:
    with session_scope(engine) as s:
        return [
            repo.save_document(s, url=u, outcome="ok", text=f"text of {u}", publisher=u).id
            for u in urls
        ]


# -- articles -----------------------------------------------------------------------------


def test_save_article_is_idempotent_on_its_text(fresh_engine: Engine) -> None:
    with session_scope(fresh_engine) as s:
        first = repo.save_article(s, source="a.txt", text=ARTICLE, language="hi")
    with session_scope(fresh_engine) as s:
        again = repo.save_article(
            s, source="b.txt", text=ARTICLE, language="hi", title="SCO", published=date(2025, 6, 26)
        )
        other = repo.save_article(s, source="c.txt", text=ARTICLE + " ", language="hi")
    assert again.id == first.id != other.id
    assert again.content_hash == repo.sha256(ARTICLE)
    assert (again.source, again.title, again.published) == ("a.txt", "SCO", "2025-06-26")
    with session_scope(fresh_engine) as s:
        assert [a.id for a in repo.list_articles(s)] == [first.id, other.id]


def test_an_empty_article_is_refused(fresh_engine: Engine) -> None:
    with pytest.raises(InputError, match="empty"), session_scope(fresh_engine) as s:
        repo.save_article(s, source="-", text=" \n ", language="hi")


# -- claims -------------------------------------------------------------------------------


def test_save_claims_twice_keeps_ids_and_one_status_change_each(
    fresh_engine: Engine, make_claim: MakeClaim
) -> None:
    article_id, ids = _claims(fresh_engine, make_claim, 3)
    changed = make_claim(1, type=ClaimType.QUANTITY, key_facts=KeyFacts(predicates=("meet",)))
    with session_scope(fresh_engine) as s:
        # A re-run in another order gives the same rows back, in the order asked.
        again = repo.save_claims(s, article_id, [make_claim(2), changed, make_claim(0)])
        assert [r.id for r in again] == [ids[2], ids[1], ids[0]]
    with session_scope(fresh_engine) as s:
        refreshed = repo.get_claim(s, ids[1])
        assert refreshed.type == "quantity"
        assert refreshed.key_facts["predicates"] == ["meet"]
        for claim_id in ids:
            history = repo.history_for(s, claim_id)
            assert [(h.old_status, h.new_status, h.actor, h.kind) for h in history] == [
                (None, "pending", "pipeline", "pipeline")
            ]
        assert [c.id for c in repo.list_claims(s, article_id=article_id)] == ids


def test_save_claims_keeps_the_status_a_verdict_gave(
    fresh_engine: Engine, make_claim: MakeClaim
) -> None:
    article_id, (claim_id, _) = _claims(fresh_engine, make_claim)
    with session_scope(fresh_engine) as s:
        repo.apply_verdict(s, claim_id, Verdict(Status.CORROBORATED, 0.9, "two"), run_id=None)
        repo.save_claims(s, article_id, [make_claim(0)])
    with session_scope(fresh_engine) as s:
        assert repo.get_claim(s, claim_id).status == "corroborated"


def test_duplicate_claims_in_one_batch_become_one_row(
    fresh_engine: Engine, make_claim: MakeClaim
) -> None:
    article_id = _article(fresh_engine)
    with session_scope(fresh_engine) as s:
        rows = repo.save_claims(s, article_id, [make_claim(0), make_claim(0)])
        assert rows[0] is rows[1]
        assert s.scalar(select(func.count()).select_from(StatusChange)) == 1


def test_key_facts_survive_the_database(fresh_engine: Engine, make_claim: MakeClaim) -> None:
    claim = make_claim(0)
    article_id = _article(fresh_engine)
    with session_scope(fresh_engine) as s:
        claim_id = repo.save_claims(s, article_id, [claim])[0].id
    with session_scope(fresh_engine) as s:
        stored = repo.get_claim(s, claim_id)
        assert repo.key_facts_from_json(stored.key_facts) == claim.key_facts
        assert (stored.span_start, stored.span_end) == claim.span
        assert (stored.type, stored.cls, stored.status) == ("event", claim.cls.value, "pending")


texts = st.text(max_size=20)
key_facts = st.builds(
    KeyFacts,
    numbers=st.lists(
        st.builds(
            NumberFact,
            value=st.floats(allow_nan=False, allow_infinity=False),
            text=texts,
            counts=st.none() | texts,
            start=st.integers(0, 500),
            end=st.integers(0, 500),
        ),
        max_size=3,
    ).map(tuple),
    entities=st.lists(st.builds(Entity, text=texts, latin=texts, kind=texts), max_size=3).map(
        tuple
    ),
    predicates=st.lists(texts, max_size=3).map(tuple),
    dates=st.lists(st.builds(DateFact, text=texts, value=texts, kind=texts), max_size=3).map(tuple),
)


@given(key_facts)
def test_key_facts_json_round_trips(facts: KeyFacts) -> None:
    data = json.loads(json.dumps(repo.key_facts_to_json(facts)))
    assert repo.key_facts_from_json(data) == facts


def test_key_facts_from_partial_json_uses_defaults() -> None:
    facts = repo.key_facts_from_json({"numbers": [{"value": 3, "text": "तीन"}]})
    assert facts == KeyFacts(numbers=(NumberFact(value=3.0, text="तीन"),))
    assert repo.key_facts_from_json(None) == KeyFacts()


# -- documents and evidence ---------------------------------------------------------------


def test_save_document_upserts_by_url(fresh_engine: Engine) -> None:
    with session_scope(fresh_engine) as s:
        first = repo.save_document(s, url="http://x/1", outcome="timeout", error="read timed out")
    with session_scope(fresh_engine) as s:
        again = repo.save_document(
            s,
            url="http://x/1",
            outcome="ok",
            text="खबर",
            http_status=200,
            published=date(2025, 6, 26),
        )
    assert again.id == first.id
    assert (again.outcome, again.error, again.http_status) == ("ok", None, 200)
    assert again.content_hash == repo.sha256("खबर")
    assert again.published == "2025-06-26"
    with pytest.raises(ValueError, match="outcome"), session_scope(fresh_engine) as s:
        repo.save_document(s, url="http://x/2", outcome="fine")


def test_save_documents_stores_many_pages_as_save_document_does_one_by_one(
    fresh_engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    with session_scope(fresh_engine) as s:
        down = repo.save_document(s, url="http://x/1", outcome="timeout", error="timed out")
        old = repo.save_document(s, url="http://x/2", outcome="ok", text="पुरानी खबर")
        down_id, old_id = down.id, old.id
    pages: list[dict[str, Any]] = [
        {"url": "http://x/1", "outcome": "ok", "text": "खबर", "http_status": 200},
        {"url": "http://x/2", "outcome": "timeout", "error": "timed out"},  # content stays
        {"url": "http://x/3", "outcome": "ok", "text": "news", "published": date(2025, 6, 26)},
        {"url": "http://x/4", "outcome": "http_error", "http_status": 500},
        {"url": "http://x/3", "outcome": "ok", "text": "news, updated"},  # the same URL again
    ]
    with session_scope(fresh_engine) as s:
        rows = repo.save_documents(s, pages)
        s.flush()
        got = {url: (r.id, r.outcome, r.text, r.previous_hash) for url, r in rows.items()}
    assert got["http://x/1"] == (down_id, "ok", "खबर", None)
    assert got["http://x/2"] == (old_id, "timeout", "पुरानी खबर", None)
    assert got["http://x/3"][1:] == ("ok", "news, updated", repo.sha256("news"))
    assert got["http://x/4"][1:3] == ("http_error", None)
    with session_scope(fresh_engine) as s:
        assert s.scalar(select(func.count()).select_from(Document)) == 4
        # Saving the same pages again changes nothing and adds nothing.
        repo.save_documents(s, pages)
    with session_scope(fresh_engine) as s:
        assert s.scalar(select(func.count()).select_from(Document)) == 4
    # A page another process inserted between the lookup and the insert: each new page is
    # then saved on its own, and nothing is lost or doubled.
    monkeypatch.setattr(repo, "_stored_documents", lambda s, urls: {})
    later = [
        {"url": "http://x/4", "outcome": "ok", "text": "back up"},
        {"url": "http://x/5", "outcome": "ok", "text": "new"},
    ]
    with session_scope(fresh_engine) as s:
        rows = repo.save_documents(s, later)
        s.flush()
        assert {u: r.text for u, r in rows.items()} == {
            "http://x/4": "back up",
            "http://x/5": "new",
        }
    with session_scope(fresh_engine) as s:
        assert s.scalar(select(func.count()).select_from(Document)) == 5
    with pytest.raises(ValueError, match="outcome"), session_scope(fresh_engine) as s:
        repo.save_documents(
            s, [{"url": "http://x/6", "outcome": "ok"}, {"url": "x", "outcome": "?"}]
        )
    with session_scope(fresh_engine) as s:  # a bad page fails the call before anything is written
        assert s.scalar(select(Document).where(Document.url == "http://x/6")) is None


def test_replace_evidence_upserts_and_drops_what_is_gone(
    fresh_engine: Engine, make_claim: MakeClaim
) -> None:
    article_id, (claim_id, _) = _claims(fresh_engine, make_claim)
    a, b, c = _documents(fresh_engine, "http://a/1", "http://b/1", "http://c/1")
    with session_scope(fresh_engine) as s:
        run1 = repo.start_run(s, article_id=article_id, flow_run_id="f1").id
        first = repo.replace_evidence(
            s, claim_id, [(a, _match("a", 70)), (b, _match("b", 90))], run_id=run1
        )
        first_ids = {e.document_id: e.id for e in first}
    with session_scope(fresh_engine) as s:
        run2 = repo.start_run(s, article_id=article_id, flow_run_id="f2").id
        items = [
            (b, _match("b", 40, Stance.CONTRADICTS)),
            (c, _match("c", 80)),
            (c, _match("c", 60)),
        ]
        second = repo.replace_evidence(s, claim_id, items, run_id=run2)
        assert [e.document_id for e in second] == [b, c]
    with session_scope(fresh_engine) as s:
        rows = repo.evidence_for(s, claim_id)
        assert [(e.document.url, e.score, e.stance) for e in rows] == [
            ("http://c/1", 80.0, "supports"),
            ("http://b/1", 40.0, "contradicts"),
        ]
        assert rows[1].id == first_ids[b]  # updated in place, not duplicated
        assert rows[1].conflicting_facts == ["26"]
        assert {e.run_id for e in rows} == {run2}
        assert s.scalar(select(func.count()).select_from(Evidence)) == 2
    with session_scope(fresh_engine) as s:
        # The relationship gives the same order as evidence_for.
        assert [e.id for e in repo.get_claim(s, claim_id).evidence] == [e.id for e in rows]
        # Running the same again changes nothing.
        repo.replace_evidence(s, claim_id, items, run_id=run2)
        again = repo.evidence_for(s, claim_id)
        assert [(e.id, e.updated_at) for e in again] == [(e.id, e.updated_at) for e in rows]
        repo.replace_evidence(s, claim_id, [], run_id=run2)
        assert repo.evidence_for(s, claim_id) == []


def test_evidence_score_must_be_on_the_0_to_100_scale(
    fresh_engine: Engine, make_claim: MakeClaim
) -> None:
    _, (claim_id, _) = _claims(fresh_engine, make_claim)
    (a,) = _documents(fresh_engine, "http://a/1")
    with pytest.raises(ValueError, match="0..100"), session_scope(fresh_engine) as s:
        repo.replace_evidence(s, claim_id, [(a, _match("a", 900))], run_id=None)


# -- statuses -----------------------------------------------------------------------------


def test_apply_verdict_records_a_change_only_when_the_status_changes(
    fresh_engine: Engine, make_claim: MakeClaim
) -> None:
    article_id, (claim_id, _) = _claims(fresh_engine, make_claim)
    with session_scope(fresh_engine) as s:
        run_id = repo.start_run(s, article_id=article_id, flow_run_id=None).id
        change = repo.apply_verdict(
            s, claim_id, Verdict(Status.SINGLE_SOURCE, 0.6, "one publisher"), run_id=run_id
        )
        assert change is not None
        assert (change.old_status, change.new_status, change.applied) == (
            "pending",
            "single_source",
            True,
        )
        assert change.note == "one publisher" and change.run_id == run_id
        quiet = repo.apply_verdict(
            s, claim_id, Verdict(Status.SINGLE_SOURCE, 0.65, "one publisher, again"), run_id=run_id
        )
        assert quiet is None
        repo.apply_verdict(s, claim_id, Verdict(Status.CORROBORATED, 0.9, "two"), run_id=run_id)
    with session_scope(fresh_engine) as s:
        claim = repo.get_claim(s, claim_id)
        assert (claim.status, claim.pipeline_status, claim.confidence, claim.reason) == (
            "corroborated",
            "corroborated",
            0.9,
            "two",
        )
        assert [h.new_status for h in repo.history_for(s, claim_id)] == [
            "pending",
            "single_source",
            "corroborated",
        ]


def test_the_pipeline_cannot_set_a_reviewer_status(
    fresh_engine: Engine, make_claim: MakeClaim
) -> None:
    _, (claim_id, _) = _claims(fresh_engine, make_claim)
    with pytest.raises(ValueError, match="reviewer"), session_scope(fresh_engine) as s:
        repo.apply_verdict(s, claim_id, Verdict(Status.VERIFIED, 1.0, "?"), run_id=None)
    with pytest.raises(ValueError, match="confidence"), session_scope(fresh_engine) as s:
        repo.apply_verdict(s, claim_id, Verdict(Status.DISPUTED, 1.5, "?"), run_id=None)


@pytest.mark.parametrize("decision", [Status.VERIFIED, Status.FALSE, Status.NEEDS_EVIDENCE])
def test_a_reviewer_decision_survives_pipeline_runs(
    fresh_engine: Engine, make_claim: MakeClaim, decision: Status
) -> None:
    _, (claim_id, _) = _claims(fresh_engine, make_claim)
    with session_scope(fresh_engine) as s:
        repo.apply_verdict(s, claim_id, Verdict(Status.UNVERIFIED, 0.2, "nothing"), run_id=None)
        review = repo.review_claim(s, claim_id, decision, note="PIB release", reviewer="asha")
        assert (review.old_status, review.new_status, review.kind, review.actor) == (
            "unverified",
            decision.value,
            "reviewer",
            "asha",
        )
    with session_scope(fresh_engine) as s:
        kept = repo.apply_verdict(
            s, claim_id, Verdict(Status.CORROBORATED, 0.9, "two publishers"), run_id=None
        )
        assert kept is not None and kept.applied is False
        assert (kept.old_status, kept.new_status, kept.kind) == (
            "unverified",
            "corroborated",
            "pipeline",
        )
        assert f"reviewer decision '{decision.value}' by asha kept" in (kept.note or "")
        again = repo.apply_verdict(
            s, claim_id, Verdict(Status.CORROBORATED, 0.95, "three"), run_id=None
        )
        assert again is None
    with session_scope(fresh_engine) as s:
        claim = repo.get_claim(s, claim_id)
        assert (claim.status, claim.pipeline_status, claim.held_by) == (
            decision.value,
            "corroborated",
            "asha",
        )
        assert len(repo.history_for(s, claim_id)) == 4
        release = repo.release_claim(s, claim_id, note="back to automatic", reviewer="ravi")
        assert (release.old_status, release.new_status) == (decision.value, "corroborated")
    with session_scope(fresh_engine) as s:
        claim = repo.get_claim(s, claim_id)
        assert (claim.status, claim.held_by) == ("corroborated", None)
        change = repo.apply_verdict(
            s, claim_id, Verdict(Status.DISPUTED, 0.7, "26≠25"), run_id=None
        )
        assert change is not None and change.applied and claim.status == "disputed"


@pytest.mark.parametrize("note", ["", "   "])
def test_a_review_needs_a_note(fresh_engine: Engine, make_claim: MakeClaim, note: str) -> None:
    _, (claim_id, _) = _claims(fresh_engine, make_claim)
    with pytest.raises(InputError, match="note"), session_scope(fresh_engine) as s:
        repo.review_claim(s, claim_id, Status.VERIFIED, note=note, reviewer="asha")
    with pytest.raises(InputError, match="name"), session_scope(fresh_engine) as s:
        repo.review_claim(s, claim_id, Status.VERIFIED, note="ok", reviewer=" ")
    with pytest.raises(InputError, match="unknown status 'true'"), session_scope(fresh_engine) as s:
        repo.review_claim(s, claim_id, "true", note="ok", reviewer="asha")
    with pytest.raises(InputError, match="not held"), session_scope(fresh_engine) as s:
        repo.release_claim(s, claim_id, note="ok", reviewer="asha")
    with session_scope(fresh_engine) as s:
        assert repo.get_claim(s, claim_id).status == "pending"
        assert len(repo.history_for(s, claim_id)) == 1


def test_missing_records_raise_not_found(fresh_engine: Engine) -> None:
    with session_scope(fresh_engine) as s:
        with pytest.raises(NotFoundError) as caught:
            repo.get_claim(s, 42)
        assert str(caught.value) == "claim 42 not found"
        verdict = Verdict(Status.DISPUTED, 0.5, "x")
        calls: list[Callable[[], object]] = [
            lambda: repo.get_article(s, 7),
            lambda: repo.get_document(s, 7),
            lambda: repo.get_run(s, 7),
            lambda: repo.evidence_for(s, 7),
            lambda: repo.history_for(s, 7),
            lambda: repo.apply_verdict(s, 7, verdict, run_id=None),
            lambda: repo.review_claim(s, 7, Status.FALSE, note="n", reviewer="r"),
            lambda: repo.replace_evidence(s, 7, [], run_id=None),
            lambda: repo.save_claims(s, 7, []),
            lambda: repo.start_run(s, article_id=7, flow_run_id=None),
            lambda: repo.finish_run(s, 7, outcome="ok", counts={}),
        ]
        for call in calls:
            with pytest.raises(NotFoundError, match="7 not found"):
                call()


def test_list_claims_filters_and_orders(fresh_engine: Engine, make_claim: MakeClaim) -> None:
    article_id = _article(fresh_engine)
    with session_scope(fresh_engine) as s:
        other = repo.save_article(s, source="b", text="दूसरा लेख।", language="hi").id
        later = repo.save_claims(s, other, [make_claim(0)])[0].id
        ids = [r.id for r in repo.save_claims(s, article_id, [make_claim(2), make_claim(1)])]
        repo.apply_verdict(s, ids[0], Verdict(Status.DISPUTED, 0.7, "25 vs 26"), run_id=None)
    with session_scope(fresh_engine) as s:
        assert [c.id for c in repo.list_claims(s)] == [ids[1], ids[0], later]
        assert [c.id for c in repo.list_claims(s, status="disputed")] == [ids[0]]
        assert [c.id for c in repo.list_claims(s, status=Status.PENDING, article_id=other)] == [
            later
        ]
        with pytest.raises(InputError, match="unknown status"):
            repo.list_claims(s, status="dubious")


def test_runs_start_and_finish(fresh_engine: Engine) -> None:
    article_id = _article(fresh_engine)
    with session_scope(fresh_engine) as s:
        run = repo.start_run(s, article_id=article_id, flow_run_id="abc-123")
        assert (run.outcome, run.finished_at, run.counts) == ("running", None, {})
        run_id = run.id
    with session_scope(fresh_engine) as s:
        done = repo.finish_run(s, run_id, outcome="failed", counts={"claims": 3}, error="boom")
        assert done.finished_at is not None and done.finished_at >= done.started_at
    with session_scope(fresh_engine) as s:
        run = repo.get_run(s, run_id)
        assert (run.outcome, run.counts, run.error) == ("failed", {"claims": 3}, "boom")
        with pytest.raises(ValueError, match="'ok', 'failed' or 'interrupted'"):
            repo.finish_run(s, run_id, outcome="done", counts={})


@pytest.mark.parametrize(
    "status",
    [Status.CORROBORATED, Status.DISPUTED, Status.SINGLE_SOURCE, Status.PENDING, Status.UNVERIFIED],
)
def test_a_reviewer_cannot_give_the_pipelines_statuses(
    fresh_engine: Engine, make_claim: MakeClaim, status: Status
) -> None:
    _, (claim_id, _) = _claims(fresh_engine, make_claim)
    with pytest.raises(InputError, match="pipeline's status"), session_scope(fresh_engine) as s:
        repo.review_claim(s, claim_id, status, note="n", reviewer="asha")
    with session_scope(fresh_engine) as s:
        assert repo.get_claim(s, claim_id).held_by is None


def test_a_run_finishes_interrupted_and_is_found_by_its_flow_run(fresh_engine: Engine) -> None:
    article_id = _article(fresh_engine)
    with session_scope(fresh_engine) as s:
        run = repo.start_run(s, article_id=article_id, flow_run_id="flow-1")
        repo.finish_run(s, run.id, outcome="interrupted", counts={}, error="API gone")
    with session_scope(fresh_engine) as s:
        (found,) = repo.runs_of_flow_run(s, "flow-1")
        assert (found.id, found.outcome, found.error) == (run.id, "interrupted", "API gone")
        assert repo.runs_of_flow_run(s, "flow-2") == []
        other = repo.start_run(s, article_id=article_id, flow_run_id="flow-2")
        (left,) = repo.interrupt_flow_run(s, "flow-2", "flow run flow-2 crashed")
        assert (left.id, left.outcome) == (other.id, "interrupted")
        assert left.error == "interrupted: flow run flow-2 crashed"
