"""``check``: validate a data map and report problems as ``file:line:col: ...``."""

from __future__ import annotations

import argparse

from . import EXIT_OK, add_data_argument, load_data


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser(
        "check",
        help="validate the data map and report problems with file, line and column",
        description="Load and validate the data map. Exit 0 when valid, 2 when invalid.",
    )
    add_data_argument(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    datamap = load_data(args)
    print(
        f"valid: {len(datamap.activities)} activities, {len(datamap.systems)} systems, "
        f"{len(datamap.parties)} parties, {sum(1 for _ in datamap.assumptions())} open assumptions"
    )
    return EXIT_OK
