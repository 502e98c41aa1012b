"""``migrate``: rewrite a data map to the current format version, keeping comments and layout."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from . import EXIT_OK, output_path

if TYPE_CHECKING:
    from . import Subparsers


def register(sub: Subparsers) -> None:
    parser = sub.add_parser(
        "migrate",
        help="rewrite a data map to the current format version (schema_version 2)",
        description="Load the data map through the usual checks (an invalid map is reported "
        "and nothing is written), then rewrite it to the current format version, keeping its "
        "comments, key order and layout. The file is replaced in place, all at once, unless "
        "--out names another file. A map already at the current version is left as it is.",
    )
    parser.add_argument("path", metavar="PATH", help="the YAML data map to migrate")
    parser.add_argument(
        "--out",
        metavar="FILE",
        type=output_path,
        help="write the migrated map here instead of replacing PATH",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..core.errors import LoadError
    from ..core.versions import CURRENT
    from ..outputs.staging import Artifact, write_artifacts
    from ..source.migration import migrate_text
    from ..source.yamlbase import YamlError
    from ..source.yamlsource import read_text

    source = Path(args.path)
    try:
        text = read_text(source, args.path)
    except YamlError as exc:
        raise LoadError(exc.diagnostics) from None
    migration = migrate_text(text, args.path)
    target = Path(args.out) if args.out else source
    if not migration.steps and target == source:
        print(f"{source}: already at schema_version {CURRENT}; nothing to do", file=sys.stderr)
        return EXIT_OK
    write_artifacts(target.parent, [Artifact(target.name, migration.text.encode("utf-8"))])
    done = "; ".join(migration.steps) or f"already at schema_version {CURRENT}, copied"
    print(f"wrote {target}: {done}", file=sys.stderr)
    return EXIT_OK
