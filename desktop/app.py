"""Composition root of the desktop application (`balcao`).

The counter window is built in issue 3; until then this entry point says so plainly instead of
pretending, and points to the central service's demo.
"""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    print(
        "The Balcão counter window is not built yet. "
        "Run `balcao-central demo` for the central service with demo data.",
        file=sys.stderr,
    )
    return 2


if __name__ == "__main__":
    sys.exit(main())
