"""``impact``: what a breach at, or the loss of, a vendor or system would touch."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from . import EXIT_OK, add_data_argument, load_data
from .locate import add_output_arguments, output_language

if TYPE_CHECKING:
    from . import Subparsers


def register(sub: Subparsers) -> None:
    parser = sub.add_parser(
        "impact",
        help="what a breach at, or the loss of, a party or system would affect",
        description="List the activities, data categories and data subjects affected if a "
        "party (with its sub-processors) or a system is breached or dropped, and whether "
        "special categories or transfers outside the EEA are involved (GDPR Art. 33/34).",
    )
    add_data_argument(parser)
    target = parser.add_mutually_exclusive_group(required=True)
    target.add_argument("--party", metavar="ID", help="party id, e.g. knowit-experience")
    target.add_argument("--system", metavar="ID", help="system id, e.g. superoffice")
    add_output_arguments(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..flows.queries import impact
    from ..flows.query_report import impact_text, json_text

    datamap = load_data(args)
    lang = output_language(datamap, args.lang)
    result = impact(datamap, party=args.party, system=args.system)
    if args.format == "json":
        sys.stdout.write(json_text(result))
    else:
        sys.stdout.write(impact_text(result, datamap, lang))
    return EXIT_OK
