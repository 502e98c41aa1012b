"""``render``: write the outputs for a data map into a folder."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from . import EXIT_OK, add_data_argument, load_data, output_path, split_list

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
        "--out",
        metavar="DIR",
        type=output_path,
        default="build",
        help="output folder (default: build)",
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
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    import dataclasses

    from ..errors import HarmonienError, RenderError
    from ..loading import load
    from ..output import Scope, StagedOutput
    from ..render import RENDERERS, RenderOptions, output_names, renderer

    names = output_names(split_list(args.only) if args.only else None)
    unknown = [name for name in names if name not in RENDERERS]
    if unknown:
        raise RenderError(f"unknown output '{unknown[0]}'; choose from {', '.join(RENDERERS)}")
    if "changes" in names and args.only and not args.previous:
        raise HarmonienError(
            "--only changes needs --previous PATH, the earlier version of the data map to "
            "compare with (e.g. --previous old/processing.yaml); without it there are no changes "
            "to write"
        )
    datamap = load_data(args)
    base = RenderOptions(
        languages=tuple(split_list(args.lang)) if args.lang else RenderOptions().languages,
        draft=args.draft,
        previous=load(args.previous) if args.previous else None,
    )
    messages: list[str] = []
    # The folder is locked from here on. Each file goes to the staging folder as soon as its
    # renderer hands it over or returns (so little output is in memory at a time), and all are
    # renamed into place only after every renderer has succeeded; files of these outputs and
    # languages that an earlier render wrote and this one no longer makes are removed.
    scope = Scope(frozenset(names), frozenset(base.languages))
    with StagedOutput(Path(args.out), scope=scope) as staged:
        staged.open()
        current = ""
        options = dataclasses.replace(
            base, deliver=lambda artifact: staged.stage([artifact], output=current)
        )
        for current in names:
            result = renderer(current)(datamap, options)
            staged.stage(result.artifacts, output=current)
            messages.extend(result.messages)
            del result
        written = staged.commit()
        for message in [*messages, *staged.messages]:
            print(f"harmonien-ropa: {message}", file=sys.stderr)
    print(f"wrote {len(written)} file(s) to {args.out}")
    return EXIT_OK
