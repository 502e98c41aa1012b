"""``catalogue``: list the vendor catalogue that parties and systems can refer to."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

from . import EXIT_OK

if TYPE_CHECKING:
    from . import Subparsers


def register(sub: Subparsers) -> None:
    parser = sub.add_parser(
        "catalogue",
        help="list the vendor catalogue ('catalogue: <id>' in a party or system)",
        description="List the services of the vendor catalogue shipped with harmonien-ropa: "
        "legal entity and country, usual role, DPF status, the data importer outside the EEA "
        "where a source names one (null when not known), links, the hosts and cookies of their "
        "web tags, and the public source each entry was taken from with the date it was "
        "checked. A party or system of the data map that names an entry ('catalogue: <id>') "
        "takes from it the keys it leaves out.",
    )
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text (one line per entry) or json (a list of objects); default: text",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..source.catalogue import catalogue

    entries = list(catalogue().values())
    if args.format == "json":
        data = [entry.summary() for entry in entries]
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return EXIT_OK
    width = max(len(entry.id) for entry in entries)
    for entry in entries:
        who = entry.legal_entity or entry.name
        where = entry.country or "country not confirmed"
        role = f", {entry.role.value}" if entry.role else ""
        dpf = ", DPF" if entry.dpf_certified else ""
        importer = ""
        if entry.importer is not None:
            known = {True: ", DPF", False: ", not DPF", None: ""}[entry.importer.dpf_certified]
            importer = f"; data to {entry.importer.legal_entity} ({entry.importer.country}{known})"
        sys.stdout.write(
            f"{entry.id:<{width}}  {entry.name}: {who} ({where}{role}{dpf}){importer}; "
            f"checked {entry.checked.isoformat()}, {entry.source}\n"
        )
    return EXIT_OK
