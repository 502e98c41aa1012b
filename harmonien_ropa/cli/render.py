"""``render``: write the outputs for a data map into a folder."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from . import EXIT_OK, add_data_argument, load_data, split_list

if TYPE_CHECKING:
    from . import Subparsers


def register(sub: Subparsers) -> None:
    parser = sub.add_parser(
        "render",
        help="render the notice, record and graph into a folder",
        description="Render every output (or those given with --only) into --out. Files are "
        "written atomically, and only after every renderer has succeeded.",
    )
    add_data_argument(parser)
    parser.add_argument(
        "--out", metavar="DIR", default="build", help="output folder (default: build)"
    )
    parser.add_argument(
        "--lang", metavar="LANGS", default=None, help="languages, comma-separated (default: nb,en)"
    )
    parser.add_argument(
        "--only", metavar="OUTPUTS", default=None, help="outputs, comma-separated (default: all)"
    )
    parser.add_argument(
        "--draft",
        action="store_true",
        help="internal review copy: show assumptions still to be confirmed, highlighted",
    )
    parser.add_argument(
        "--previous",
        metavar="PATH",
        help="the previous version of the data map: adds what changed (changes.*) and the "
        "version history",
    )
    parser.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        help="also show each output's detailed messages (e.g. terms an export left out or "
        "replaced); an output named in --only always shows them",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..loading import load
    from ..output import StagedOutput
    from ..render import RenderOptions, render_each

    datamap = load_data(args)
    only = split_list(args.only) if args.only else None
    messages: list[str] = []
    # Each file goes to a temporary file as soon as its renderer hands it over or returns (so
    # little output is in memory at a time), and all are renamed into place only after every
    # renderer has succeeded.
    with StagedOutput(Path(args.out)) as staged:
        options = RenderOptions(
            languages=tuple(split_list(args.lang)) if args.lang else RenderOptions().languages,
            draft=args.draft,
            previous=load(args.previous) if args.previous else None,
            deliver=lambda artifact: staged.stage([artifact]),
        )
        for name, result in render_each(datamap, only, options):
            staged.stage(result.artifacts)
            messages.extend(result.messages)
            if args.verbose or (only is not None and name in only):
                messages.extend(result.details)
            del result
        for message in messages:
            print(f"harmonien-ropa: {message}", file=sys.stderr)
        written = staged.commit()
    print(f"wrote {len(written)} file(s) to {args.out}")
    return EXIT_OK
