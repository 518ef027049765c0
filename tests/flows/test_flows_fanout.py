"""The fan-out's scheduling: order, the bound on runs in flight, crashed runs tried again."""

from __future__ import annotations

from flows.fanout import fan_out


class Pool:
    """Child runs that finish after a given number of polls, in a state chosen per run."""

    def __init__(self, plan: dict[tuple[str, int], str], polls: int = 2) -> None:
        self.plan = plan  # (job, attempt) -> final state; COMPLETED when not listed
        self.polls = polls
        self.left: dict[str, int] = {}
        self.final: dict[str, str] = {}
        self.submitted: list[tuple[str, int]] = []
        self.peak = 0
        self.crashes: list[str] = []

    def submit(self, job: str, attempt: int) -> str:
        run_id = f"{job}#{attempt}"
        self.submitted.append((job, attempt))
        self.left[run_id] = self.polls
        self.final[run_id] = self.plan.get((job, attempt), "COMPLETED")
        self.peak = max(self.peak, sum(1 for n in self.left.values() if n > 0))
        return run_id

    def state_of(self, run_id: str) -> str:
        self.left[run_id] -= 1
        return "RUNNING" if self.left[run_id] > 0 else self.final[run_id]


def _run(
    pool: Pool, jobs: list[str], bound: int, attempts: int = 2, interrupted: set[str] | None = None
) -> list:
    return fan_out(
        jobs,
        submit=pool.submit,
        state_of=pool.state_of,
        max_in_flight=bound,
        attempts=attempts,
        on_crash=lambda job, run_id: pool.crashes.append(run_id),
        interrupted=lambda run_id: run_id in (interrupted or set()),
        sleep=lambda _s: None,
    )


def test_runs_start_in_the_given_order_never_more_than_the_bound() -> None:
    pool = Pool({})
    jobs = [f"a{i}" for i in range(10)]
    outcomes = _run(pool, jobs, bound=3)
    assert [job for job, _ in pool.submitted] == jobs
    assert pool.peak == 3
    assert [o.job for o in outcomes] == jobs and all(o.ok for o in outcomes)


def test_a_crashed_run_is_reported_and_tried_again_once() -> None:
    pool = Pool({("b", 1): "CRASHED"})
    outcomes = _run(pool, ["a", "b", "c"], bound=2)
    assert ("b", 2) in pool.submitted
    assert pool.crashes == ["b#1"]
    b = outcomes[1]
    assert (b.ok, b.attempts, b.runs) == (True, 2, ["b#1", "b#2"])


def test_attempts_run_out_and_a_failed_run_is_not_retried() -> None:
    pool = Pool({("a", 1): "CRASHED", ("a", 2): "CRASHED", ("b", 1): "FAILED"})
    outcomes = _run(pool, ["a", "b"], bound=4, attempts=2)
    assert [(o.state, o.attempts) for o in outcomes] == [("CRASHED", 2), ("FAILED", 1)]
    assert pool.crashes == ["a#1", "a#2"]
    assert pool.submitted.count(("b", 1)) == 1 and ("b", 2) not in pool.submitted


def test_no_jobs_no_runs() -> None:
    pool = Pool({})
    assert _run(pool, [], bound=2) == []
    assert pool.submitted == []


def test_a_run_failed_by_an_interruption_is_tried_again_a_failed_article_is_not() -> None:
    pool = Pool({("a", 1): "FAILED", ("b", 1): "FAILED"})
    outcomes = _run(pool, ["a", "b"], bound=2, interrupted={"a#1"})
    assert [(o.state, o.attempts) for o in outcomes] == [("COMPLETED", 2), ("FAILED", 1)]
    assert pool.crashes == []  # only CRASHED runs are reported as crashes
