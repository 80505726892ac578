"""Composition root of the desktop application (`balcao`): parse the command line, load the
settings, build the services, and run the mode asked for.

    balcao [--server URL] [--counter ID] [--language pt_PT|en]
    balcao --demo        a demo central of its own; signed in as atendente1 at counter 1
    balcao --self-test   call → start → finish against a demo central, then exit (0 = passed)

The parts live in modules of their own: `views/app_resources.py` (the QApplication, style,
translations), `app_services.py` (the services), `views/session_flow.py` (sign in, windows, lock,
logout), `demo_mode.py` and `self_test.py`. Nothing here is global: `main()` builds everything
and passes it in.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys

from PySide6.QtWidgets import QApplication

from desktop.app_services import build_services
from desktop.config import configure_logging, load_settings
from desktop.demo_mode import run_demo
from desktop.domain.errors import BalcaoError
from desktop.self_test import self_test
from desktop.views.app_resources import make_application
from desktop.views.messages import error_text
from desktop.views.session_flow import run_app

log = logging.getLogger("desktop.app")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="balcao", description="Balcão counter workspace")
    parser.add_argument("--server", help="address of the central service")
    parser.add_argument("--counter", type=int, help="id of this computer's counter")
    parser.add_argument("--language", choices=("pt_PT", "en"), help="language of the screens")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument(
        "--demo", action="store_true", help="run a demo central and sign in as atendente1"
    )
    mode.add_argument(
        "--self-test",
        action="store_true",
        help="serve one citizen against a demo central and exit (0 = passed)",
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.self_test and sys.platform.startswith("linux"):
        if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    overrides = {"server_url": args.server, "counter_id": args.counter, "language": args.language}
    settings = load_settings(overrides)
    configure_logging(settings)
    log.info(
        "balcao starting (%s)", "self-test" if args.self_test else "demo" if args.demo else "app"
    )
    try:
        if args.self_test:
            return self_test(settings)
        if args.demo:
            return run_demo(settings)
        app = make_application(settings)
        services = build_services(settings)
        try:
            return run_app(app, services)
        finally:
            services.close()
    except BalcaoError as exc:
        print(error_text(exc) if QApplication.instance() else exc.message, file=sys.stderr)
        log.error("balcao stopped: %s", exc.code)
        return 2


if __name__ == "__main__":
    sys.exit(main())
