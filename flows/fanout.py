"""Bounded fan-out: submit one child run per job, at most N in flight, retry the crashed.

Plain scheduling, kept apart from Prefect so it can be read and tested on its own;
``flows.reverify`` hands it functions that submit ``verify-article`` deployment runs and
read their states from the Prefect server.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar

Job = TypeVar("Job")

# Final states of a child run, as Prefect names them.
COMPLETED = "COMPLETED"
CRASHED = "CRASHED"
FAILED = "FAILED"
FINAL = frozenset({"COMPLETED", "FAILED", "CRASHED", "CANCELLED"})


@dataclass
class Child(Generic[Job]):
    job: Job
    run_id: str
    attempt: int


@dataclass
class Outcome(Generic[Job]):
    """How one job ended: its last child run's id and state, and every run tried."""

    job: Job
    run_id: str
    state: str
    attempts: int
    runs: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.state == COMPLETED


def fan_out(
    jobs: Sequence[Job],
    *,
    submit: Callable[[Job, int], str],
    state_of: Callable[[str], str],
    max_in_flight: int,
    attempts: int = 2,
    poll_seconds: float = 1.0,
    on_crash: Callable[[Job, str], None] | None = None,
    interrupted: Callable[[str], bool] | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> list[Outcome[Job]]:
    """Run every job as a child run, in the order given, never more than ``max_in_flight``
    at once; wait for all of them. ``submit(job, attempt)`` starts one and returns its id;
    ``state_of(id)`` reads its state type. A run that CRASHED (its worker died) is
    reported to ``on_crash(job, run_id)`` and submitted again, up to ``attempts`` runs
    per job; so is a run that FAILED when ``interrupted(run_id)`` says its failure was not
    the job's (the API went away); any other FAILED or CANCELLED run is not (the job itself
    is at fault). Outcomes are in the order of ``jobs``."""
    bound = max(1, max_in_flight)
    waiting = list(range(len(jobs)))
    waiting.reverse()  # popped from the end: the first job first
    in_flight: list[tuple[int, Child[Job]]] = []
    tried: dict[int, list[str]] = {i: [] for i in range(len(jobs))}
    outcomes: dict[int, Outcome[Job]] = {}

    def start(index: int, attempt: int) -> None:
        run_id = submit(jobs[index], attempt)
        tried[index].append(run_id)
        in_flight.append((index, Child(jobs[index], run_id, attempt)))

    while waiting or in_flight:
        while waiting and len(in_flight) < bound:
            start(waiting.pop(), 1)
        still: list[tuple[int, Child[Job]]] = []
        retry: list[tuple[int, int]] = []
        for index, child in in_flight:
            state = state_of(child.run_id)
            if state not in FINAL:
                still.append((index, child))
                continue
            again = state == CRASHED or (
                state == FAILED and interrupted is not None and interrupted(child.run_id)
            )
            if state == CRASHED and on_crash is not None:
                on_crash(child.job, child.run_id)
            if again and child.attempt < attempts:
                retry.append((index, child.attempt + 1))
            else:
                outcomes[index] = Outcome(
                    child.job, child.run_id, state, child.attempt, list(tried[index])
                )
        in_flight = still
        for index, attempt in retry:
            start(index, attempt)
        if in_flight and not retry:
            sleep(poll_seconds)
    return [outcomes[i] for i in range(len(jobs))]
