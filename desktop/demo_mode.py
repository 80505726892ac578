"""`balcao --demo`: a throwaway central of its own (a child process with the demo data and the
arrivals simulator), signed in as atendente1 at counter 1 without the login dialog."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace

from desktop.app_services import build_services
from desktop.config import Settings
from desktop.domain.errors import BalcaoError
from desktop.services.embedded_central import EmbeddedCentral
from desktop.services.queue_service import QueueService
from desktop.views.app_resources import make_application
from desktop.views.session_flow import Session, run_app

DEMO_USER = "atendente1"
DEMO_PASSWORD = "balcao-demo"  # noqa: S105 - the published demo credential
DEMO_RECEPTION = "rececao"
DEMO_COUNTER_NUMBER = 1


@contextmanager
def embedded_central(*, simulator: bool = True) -> Iterator[EmbeddedCentral]:
    print("Starting the demo central service…", file=sys.stderr)
    with EmbeddedCentral(simulator=simulator) as central:
        yield central


def demo_counter_id(queue: QueueService, centre_id: int, number: int) -> int:
    centre = queue.load_centre(centre_id)
    for counter in centre.counters:
        if counter.number == number:
            return counter.id
    raise BalcaoError("counter.not_found", f"no counter number {number} in the demo centre")


def run_demo(settings: Settings) -> int:
    with embedded_central() as central:
        settings = replace(settings, server_url=central.url)
        app = make_application(settings)
        # The demo's cases live and die with its throwaway central.
        services = build_services(settings, remember=False, data_dir=central.folder)
        try:
            user = services.auth.login(DEMO_USER, DEMO_PASSWORD)
            assert user.centre_id is not None
            counter_id = demo_counter_id(services.queue, user.centre_id, DEMO_COUNTER_NUMBER)
            services.settings = replace(settings, counter_id=counter_id)
            session = Session(app, services, demo=True)
            if session.run(user) == "logout":
                return run_app(app, services, demo=True)
            return 0
        finally:
            services.close()
