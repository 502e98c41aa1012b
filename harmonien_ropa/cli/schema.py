"""``schema``: print the JSON Schema of the YAML data map (for editor completion)."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from . import EXIT_OK

if TYPE_CHECKING:
    from . import Subparsers


def register(sub: Subparsers) -> None:
    parser = sub.add_parser(
        "schema",
        help="print the JSON Schema of the data map",
        description="Print the JSON Schema of the YAML data map. Save it and point "
        "yaml-language-server at it for completion and validation in editors.",
    )
    parser.add_argument(
        "--record",
        action="store_true",
        help="print the JSON Schema of record.json (the rendered Article 30 record) instead",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..schema.json_schemas import datamap_schema_json, record_schema_json

    sys.stdout.write(record_schema_json() if args.record else datamap_schema_json())
    return EXIT_OK
