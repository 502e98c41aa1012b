"""The checker's settings on the command line, shared by ``check`` and ``scan``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from . import split_list

if TYPE_CHECKING:
    import datetime as dt

    from ..checks.config import CheckConfig
    from ..source.loading import LoadedMap


def add_settings_arguments(parser: argparse.ArgumentParser, what: str) -> None:
    """The checker's settings options ``check`` and ``scan`` share: ``--select``, ``--ignore``,
    ``--fail-on`` and ``--config`` (``what`` names what they choose, e.g. "rules")."""
    parser.add_argument(
        "--select",
        metavar="RULES",
        help=f"only these {what}: codes, prefixes (ROPA1), groups or rule names, comma-separated",
    )
    parser.add_argument("--ignore", metavar="RULES", help=f"leave out these {what} (same forms)")
    parser.add_argument(
        "--fail-on",
        choices=("error", "warning", "info", "never"),
        default=None,
        help="lowest severity that makes the exit code 1 (default: error)",
    )
    parser.add_argument(
        "--config",
        metavar="PYPROJECT",
        help="read [tool.harmonien_ropa] from this file instead of the nearest pyproject.toml "
        "in the repository",
    )


def settings_of(
    args: argparse.Namespace, loaded: LoadedMap, today: dt.date | None = None
) -> CheckConfig:
    """The checker's settings for ``loaded``: the settings file, the map's own block, then the
    options of :func:`add_settings_arguments` (and ``today``); the file used is named on
    standard error."""
    from ..checks.config import cli_layer
    from ..checks.engine import configuration

    layer = cli_layer(
        split_list(args.select) if args.select is not None else None,
        split_list(args.ignore) if args.ignore is not None else None,
        args.fail_on,
        today,
    )
    return configuration(
        loaded,
        Path(args.config) if args.config else None,
        layer,
        report=lambda message: print(f"harmonien-ropa: {message}", file=sys.stderr),
    )
