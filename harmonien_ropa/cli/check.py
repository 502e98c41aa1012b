"""``check``: validate a data map and report compliance findings as ``file:line:col: ...``."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from . import (
    EXIT_FINDINGS,
    EXIT_INVALID,
    EXIT_OK,
    add_data_argument,
    interrupted,
    load_data_with_positions,
)
from .settings import add_settings_arguments, settings_of

FORMATS = ("text", "json", "sarif")


if TYPE_CHECKING:
    from . import Subparsers


def register(sub: Subparsers) -> None:
    parser = sub.add_parser(
        "check",
        help="check the data map for compliance gaps, with file, line and column",
        description="Load and validate the data map (or each of several: --data or FILE), then "
        "run the compliance rules. Settings come from [tool.harmonien_ropa] in the nearest "
        "pyproject.toml between the data file's folder and the repository root (the folder "
        "holding .git; outside a repository only the data file's own folder), then the YAML's "
        "settings.check block, then these options; the settings file used is named on standard "
        "error. Exit 0 when no finding is at or above --fail-on, 1 when one is, 2 when an "
        "input or the options are invalid (the highest over several files).",
    )
    add_data_argument(parser)
    parser.add_argument(
        "files",
        nargs="*",
        metavar="FILE",
        help="more data maps to check, each on its own (as a pre-commit hook passes them)",
    )
    parser.add_argument(
        "--format", choices=FORMATS, default="text", help="output format (default: text)"
    )
    add_settings_arguments(parser, "rules")
    parser.add_argument(
        "--today",
        metavar="YYYY-MM-DD",
        help="the date that rules about dates (overdue reviews, catalogue entries checked long "
        "ago) count from (default: HARMONIEN_ROPA_TODAY if set, else the system clock)",
    )
    parser.add_argument(
        "--coverage",
        action="store_true",
        help="print which Art. 30 and Art. 13/14 items each activity states, assumes or misses",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    paths: list[str] = ([args.data] if args.data else []) + list(args.files)
    if len(paths) > 1 and (args.format != "text" or args.coverage):
        print(
            f"harmonien-ropa: error: --format {args.format}"
            f"{' --coverage' if args.coverage else ''} reads one data map; "
            f"{len(paths)} were given, check them one at a time",
            file=sys.stderr,
        )
        return EXIT_INVALID
    if len(paths) <= 1:
        return _check_one(args, paths[0] if paths else None)
    from ..core.errors import HarmonienError

    worst = EXIT_OK
    for path in dict.fromkeys(paths):
        try:
            code = _check_one(args, path)
        except HarmonienError as exc:
            if interrupted():
                raise
            code = _report(exc)
        worst = max(worst, code)
    return worst


def _report(exc: Exception) -> int:
    """Print a load or settings error of one of several files; the exit code it gives."""
    from ..core.errors import LoadError

    if isinstance(exc, LoadError):
        for diagnostic in exc.diagnostics:
            print(diagnostic.format(), file=sys.stderr)
    else:
        print(f"harmonien-ropa: error: {exc}", file=sys.stderr)
    return EXIT_INVALID


def _check_one(args: argparse.Namespace, data: str | None) -> int:
    from ..checks import REPORTERS, check
    from ..checks.config import today_for_check

    loaded = load_data_with_positions(argparse.Namespace(data=data))

    if args.coverage:
        from ..checks.coverage import coverage, coverage_json, coverage_text

        if args.format == "sarif":
            print("harmonien-ropa: error: --coverage prints text or json", file=sys.stderr)
            return EXIT_INVALID

        table = coverage(loaded.datamap)
        out = coverage_json(table) if args.format == "json" else coverage_text(table)
        sys.stdout.write(out)
        return EXIT_OK

    result = check(loaded, settings_of(args, loaded, today_for_check(args.today)))
    sys.stdout.write(REPORTERS[args.format](result))
    return EXIT_FINDINGS if result.failed else EXIT_OK
