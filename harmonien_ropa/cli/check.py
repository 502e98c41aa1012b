"""``check``: validate a data map and report compliance findings as ``file:line:col: ...``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from . import (
    EXIT_FINDINGS,
    EXIT_INVALID,
    EXIT_OK,
    STDIN,
    STDIN_NAME,
    add_data_argument,
    read_stdin,
    settle,
    split_list,
)

FORMATS = ("text", "json", "sarif")


if TYPE_CHECKING:
    from . import Subparsers


def register(sub: Subparsers) -> None:
    parser = sub.add_parser(
        "check",
        help="check the data map for compliance gaps, with file, line and column",
        description="Load and validate the data map, then run the compliance rules. Settings "
        "come from [tool.harmonien_ropa] in the nearest pyproject.toml, then the YAML's "
        "settings.check block, then these options. Exit 0 when no finding is at or above "
        "--fail-on, 1 when one is, 2 when the input or the options are invalid.",
    )
    add_data_argument(parser)
    parser.add_argument(
        "--format", choices=FORMATS, default="text", help="output format (default: text)"
    )
    parser.add_argument(
        "--select",
        metavar="RULES",
        help="run only these rules: codes, prefixes (ROPA1), groups or rule names, comma-separated",
    )
    parser.add_argument("--ignore", metavar="RULES", help="skip these rules (same forms)")
    parser.add_argument(
        "--fail-on",
        choices=("error", "warning", "info", "never"),
        default=None,
        help="lowest severity that makes the exit code 1 (default: error)",
    )
    parser.add_argument(
        "--config",
        metavar="PYPROJECT",
        help="read [tool.harmonien_ropa] from this file instead of the nearest pyproject.toml",
    )
    parser.add_argument(
        "--coverage",
        action="store_true",
        help="print which Art. 30 and Art. 13/14 items each activity states, assumes or misses",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..checks import REPORTERS, check, combine
    from ..checks.config import cli_layer, find_pyproject, from_pyproject
    from ..checks.engine import settings_layer
    from ..loading import load_with_positions, loads_with_positions
    from ..resources import DEFAULT_DATA, default_data

    if args.data == STDIN:
        loaded = loads_with_positions(read_stdin(), STDIN_NAME)
    elif args.data:
        loaded = load_with_positions(args.data)
    else:
        path = default_data()
        shown = str(DEFAULT_DATA) if path == DEFAULT_DATA else str(path)
        loaded = load_with_positions(path, display_path=shown)
    settle()

    if args.coverage:
        from ..checks.coverage import coverage, coverage_json, coverage_text

        if args.format == "sarif":
            print("harmonien-ropa: error: --coverage prints text or json", file=sys.stderr)
            return EXIT_INVALID

        table = coverage(loaded.datamap)
        out = coverage_json(table) if args.format == "json" else coverage_text(table)
        sys.stdout.write(out)
        return EXIT_OK

    pyproject = Path(args.config) if args.config else find_pyproject(Path(loaded.path))
    layers = [from_pyproject(pyproject)] if pyproject is not None else []
    layers.append(settings_layer(loaded))
    layers.append(
        cli_layer(
            split_list(args.select) if args.select is not None else None,
            split_list(args.ignore) if args.ignore is not None else None,
            args.fail_on,
        )
    )
    result = check(loaded, combine(*layers))
    sys.stdout.write(REPORTERS[args.format](result))
    return EXIT_FINDINGS if result.failed else EXIT_OK
