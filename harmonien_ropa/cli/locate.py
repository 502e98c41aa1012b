"""``locate``: where a kind of person's data is held, for an access or erasure request."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from ..core.languages import LANGUAGES
from . import EXIT_OK, add_data_argument, languages_of, load_data, split_list

if TYPE_CHECKING:
    from ..model import DataMap
    from . import Subparsers


def register(sub: Subparsers) -> None:
    parser = sub.add_parser(
        "locate",
        help="where a data subject's data is held (for access and erasure requests)",
        description="List every system and outside party that holds data about a kind of "
        "person, which categories, under which activity, how long it is kept, and whether a "
        "legal obligation limits erasure.",
    )
    add_data_argument(parser)
    parser.add_argument("--subject", required=True, metavar="ID", help="data subject id")
    parser.add_argument(
        "--category",
        action="append",
        default=[],
        metavar="ID",
        help="only these data categories (repeat, or comma-separate)",
    )
    add_output_arguments(parser)
    parser.set_defaults(run=run)


def add_output_arguments(parser: argparse.ArgumentParser) -> None:
    """``--format`` and ``--lang``, shared with ``impact``."""
    parser.add_argument("--format", choices=("text", "json"), default="text", help="output format")
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        default=None,
        help="language of the text, one the map publishes in (organisation.languages; "
        "default: its first, nb when it declares none)",
    )


def output_language(datamap: DataMap, value: str | None) -> str:
    """The one language ``--lang`` names, or the map's default (its first) language."""
    return languages_of(datamap, value)[0]


def run(args: argparse.Namespace) -> int:
    from ..flows.queries import locate
    from ..flows.query_report import json_text, locate_text

    datamap = load_data(args)
    lang = output_language(datamap, args.lang)
    categories = [c for value in args.category for c in split_list(value)]
    result = locate(datamap, args.subject, categories, lang=lang)
    if args.format == "json":
        sys.stdout.write(json_text(result))
    else:
        sys.stdout.write(locate_text(result, datamap, lang))
    return EXIT_OK
