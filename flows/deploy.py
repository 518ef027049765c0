"""Satyapan's deployments on a Prefect server: a process work pool and two deployments.

- ``verify-article/satyapan``: one article; ``reverify-open-claims`` submits one run of it
  per article, and any worker of the pool may take each;
- ``reverify-open-claims/satyapan``: on the cron schedule, with the re-verification policy,
  the fan-out bound and shared per-host limits from Satyapan's settings.

The code is deployed from where it is installed (a local source): every worker machine
runs the same Satyapan at the same path (see README, "Running in a newsroom").
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

from flows.runtime import configure

configure()

from prefect import Flow  # noqa: E402
from prefect.client.orchestration import get_client  # noqa: E402
from prefect.client.schemas.actions import WorkPoolCreate  # noqa: E402
from prefect.exceptions import ObjectAlreadyExists, ObjectNotFound  # noqa: E402
from prefect.schedules import Cron  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
DEPLOYMENT = "satyapan"
VERIFY_ENTRY = "flows/verify.py:verify_article"
REVERIFY_ENTRY = "flows/reverify.py:reverify_open_claims"


SILENT_RUNS = "satyapan: crash runs that stopped beating"


def ensure_dead_run_automation(seconds: int) -> str:
    """Create (or update) the automation that marks a flow run CRASHED when its heartbeats
    stop for ``seconds`` — its machine died with its worker, so no one else would — after
    which the re-verification submits the article again. Returns the automation's id."""
    from datetime import timedelta

    from prefect.automations import Automation
    from prefect.client.schemas.objects import StateType
    from prefect.events.actions import ChangeFlowRunState
    from prefect.events.schemas.automations import EventTrigger, Posture
    from prefect.events.schemas.events import ResourceSpecification

    automation = Automation(
        name=SILENT_RUNS,
        description="Heartbeats of a flow run stopped: its process or machine is gone.",
        trigger=EventTrigger(
            match=ResourceSpecification({"prefect.resource.id": ["prefect.flow-run.*"]}),
            # From the server's own record of the run starting (a run killed before its
            # first heartbeat reached the server is caught too), or its latest heartbeat.
            after={"prefect.flow-run.Running", "prefect.flow-run.heartbeat"},
            expect={
                "prefect.flow-run.heartbeat",
                "prefect.flow-run.Completed",
                "prefect.flow-run.Failed",
                "prefect.flow-run.Cancelled",
                "prefect.flow-run.Crashed",
            },
            for_each={"prefect.resource.id"},
            posture=Posture.Proactive,
            threshold=1,
            within=timedelta(seconds=seconds),
        ),
        actions=[
            ChangeFlowRunState(
                name="Crashed",
                state=StateType.CRASHED,
                message=f"no heartbeat for {seconds} s: its worker or machine is gone",
                force=False,
            )
        ],
    )
    existing: Any
    try:
        existing = Automation.read(name=SILENT_RUNS)
    except ValueError:
        existing = None
    if existing is not None:
        automation.id = existing.id
        automation.update()
        return str(existing.id)
    created: Any = automation.create()
    return str(created.id)


def serve_reverify(params: dict[str, Any], *, cron: str, timezone: str) -> None:
    """Serve reverify-open-claims on ``cron`` from this process until interrupted."""
    from flows.reverify import reverify_open_claims

    reverify_open_claims.serve(
        name="reverify-open-claims",
        schedule=Cron(cron, timezone=timezone),
        parameters=params,
    )


@dataclass(frozen=True)
class Deployed:
    pool: str
    verify: str  # "flow-name/deployment-name"
    reverify: str
    verify_id: str
    reverify_id: str


def ensure_pool(name: str) -> bool:
    """Create the process work pool ``name`` unless it exists; True when created."""
    with get_client(sync_client=True) as client:
        try:
            client.read_work_pool(name)
            return False
        except ObjectNotFound:
            pass
        try:
            client.create_work_pool(WorkPoolCreate(name=name, type="process"))
        except ObjectAlreadyExists:
            return False
        return True


def deploy(
    *,
    pool: str,
    verify_params: dict[str, Any],
    reverify_params: dict[str, Any],
    cron: str | None,
    timezone: str,
    dead_run_seconds: int,
    source: Path = ROOT,
) -> Deployed:
    """Register (or update) both deployments on ``pool``, and the automation that crashes
    runs whose heartbeats stopped; returns their names and ids."""
    ensure_pool(pool)
    ensure_dead_run_automation(dead_run_seconds)
    verify_flow = cast(Any, Flow.from_source(source=str(source), entrypoint=VERIFY_ENTRY))
    verify_id = verify_flow.deploy(
        name=DEPLOYMENT,
        work_pool_name=pool,
        parameters=verify_params,
        build=False,
        push=False,
        print_next_steps=False,
        description="Verify one article: claims, coverage, evidence, verdicts.",
    )
    verify_name = f"{verify_flow.name}/{DEPLOYMENT}"
    reverify_flow = cast(Any, Flow.from_source(source=str(source), entrypoint=REVERIFY_ENTRY))
    reverify_id = reverify_flow.deploy(
        name=DEPLOYMENT,
        work_pool_name=pool,
        parameters={**reverify_params, "deployment": verify_name},
        schedule=Cron(cron, timezone=timezone) if cron else None,
        build=False,
        push=False,
        print_next_steps=False,
        description="Re-verify open claims, one verify-article run per article.",
    )
    return Deployed(
        pool=pool,
        verify=verify_name,
        reverify=f"{reverify_flow.name}/{DEPLOYMENT}",
        verify_id=str(verify_id),
        reverify_id=str(reverify_id),
    )
