"""``import-fides``: turn Fides manifests into a data map, with assumptions marked."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from . import EXIT_OK, output_path

if TYPE_CHECKING:
    from . import Subparsers


def register(sub: Subparsers) -> None:
    parser = sub.add_parser(
        "import-fides",
        help="convert Fides manifests (systems, datasets, organisation) into a data map",
        description="Read one or more Fides manifest files and write a data map in our YAML. "
        "What Fides does not hold (organisation number, purposes in words, transfer countries, "
        "...) is filled in and listed under 'assumptions:' on its entry, for you to confirm.",
    )
    parser.add_argument(
        "paths", metavar="PATH", nargs="+", help="Fides manifest files, or folders of them"
    )
    parser.add_argument(
        "--out",
        metavar="FILE",
        type=output_path,
        help="write the data map here (default: standard output)",
    )
    parser.add_argument(
        "--date",
        metavar="YYYY-MM-DD",
        type=dt.date.fromisoformat,
        help="effective date of the new notice and record (default: today)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..interop.fides_import import import_fides_yaml
    from ..outputs.staging import Artifact, write_artifacts

    date = args.date or dt.date.today()
    content = import_fides_yaml(args.paths, effective_date=date)
    if not args.out:
        sys.stdout.write(content.decode("utf-8"))
        return EXIT_OK
    target = Path(args.out)
    write_artifacts(target.parent, [Artifact(target.name, content)])
    print(f"wrote {target}; check every line under 'assumptions:'", file=sys.stderr)
    return EXIT_OK
