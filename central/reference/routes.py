from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends

from central.auth.actor import Actor
from central.auth.roles import ALL_ROLES, MANAGERS
from central.deps import Command, ReadSession, command, require
from central.reference import service
from central.reference.schemas import (
    CentreRead,
    CentreSummary,
    CounterRead,
    CounterServicesUpdate,
)

router = APIRouter(tags=["reference"])


@router.get("/centres", response_model=list[CentreSummary])
def list_centres(
    session: ReadSession, actor: Annotated[Actor, Depends(require(ALL_ROLES))]
) -> list[CentreSummary]:
    return [CentreSummary.model_validate(c) for c in service.list_centres(session, actor)]


@router.get(
    "/centres/{centre_id}",
    response_model=CentreRead,
    responses={404: {"description": "centre.not_found"}, 403: {"description": "auth.wrong_centre"}},
)
def get_centre(
    centre_id: int, session: ReadSession, actor: Annotated[Actor, Depends(require(ALL_ROLES))]
) -> CentreRead:
    return CentreRead.model_validate(service.get_centre(session, actor, centre_id))


@router.put(
    "/counters/{counter_id}/services",
    response_model=CounterRead,
    responses={404: {"description": "counter.not_found, service.not_found"}},
)
def set_counter_services(
    counter_id: int,
    body: CounterServicesUpdate,
    cmd: Annotated[Command, Depends(command(MANAGERS))],
) -> object:
    links = [(link.service_id, link.weight) for link in body.services]
    return cmd.run(
        body,
        lambda s, now: CounterRead.model_validate(
            service.set_counter_services(s, cmd.actor, counter_id, links, now)
        ),
    )
