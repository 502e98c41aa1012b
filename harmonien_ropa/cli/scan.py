"""``scan``: what a website really loads and stores before consent, compared with the map."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from . import (
    EXIT_FINDINGS,
    EXIT_OK,
    add_data_argument,
    load_data_with_positions,
)
from .settings import add_settings_arguments, settings_of

FORMATS = ("text", "json", "sarif")

if TYPE_CHECKING:
    from . import Subparsers


def _count(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if not 1 <= number <= 1000:
        raise argparse.ArgumentTypeError("must be between 1 and 1000")
    return number


def _seconds(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of seconds") from None
    if not 0 < number <= 600:
        raise argparse.ArgumentTypeError("must be more than 0 and at most 600 seconds")
    return number


#: ``--pages`` and ``--timeout`` when not given (the library's own defaults, which a test
#: keeps equal; not imported here so that ``--help`` stays light).
DEFAULT_PAGES, DEFAULT_TIMEOUT = 5, 15.0


def register(sub: Subparsers) -> None:
    parser = sub.add_parser(
        "scan",
        help="scan a website (cookies, storage, third-party requests) and compare it with the map",
        description="Open URL (http://, https:// or file://) and up to --pages same-site pages "
        "linked from it in headless Chromium without interacting (what loads is what loads "
        "before consent), record every cookie, storage key and third-party request, identify "
        "known services and compare with the data map. Needs the extra harmonien-ropa[scan] "
        "and Debian's chromium. Exit 0 when no finding is at or above --fail-on, 1 when one "
        "is, 2 for usage errors, a map that does not load, an unreachable URL or a non-HTML "
        "answer, 3 when --suggest cannot be written.",
    )
    parser.add_argument("url", metavar="URL", help="the page to start from")
    add_data_argument(parser)
    parser.add_argument(
        "--pages",
        type=_count,
        default=DEFAULT_PAGES,
        help=f"pages to visit, the start page included (default: {DEFAULT_PAGES})",
    )
    parser.add_argument(
        "--timeout",
        type=_seconds,
        default=DEFAULT_TIMEOUT,
        metavar="S",
        help=f"seconds each page may take to load (default: {DEFAULT_TIMEOUT:g})",
    )
    parser.add_argument(
        "--accept",
        metavar="SELECTOR",
        help="CSS selector of the consent banner's accept button: click it, then scan again",
    )
    parser.add_argument(
        "--offline",
        action="store_true",
        help="stop every request to another host (recorded, never sent): for a local copy",
    )
    parser.add_argument(
        "--format", choices=FORMATS, default="text", help="output format (default: text)"
    )
    parser.add_argument(
        "--suggest",
        metavar="FILE",
        help="write what was stored as a draft cookie inventory (YAML) to FILE, to review",
    )
    add_settings_arguments(parser, "findings")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..scan import assess, declared, observe
    from ..scan.chromium import launch
    from ..scan.report import REPORTERS
    from ..scan.suggest import snippet, write

    loaded = load_data_with_positions(args)
    config = settings_of(args, loaded)
    with launch() as browser:
        observation = observe(
            browser,
            args.url,
            pages=args.pages,
            timeout=args.timeout,
            accept=args.accept,
            offline=args.offline,
        )
    result = assess(loaded, observation, config)
    if args.suggest:
        write(Path(args.suggest), snippet(observation, declared.read(loaded.datamap)))
    sys.stdout.write(REPORTERS[args.format](result))
    return EXIT_FINDINGS if result.failed else EXIT_OK
