"""``diff``: the changes in substance between two versions of a data map, in the languages the
map publishes in."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

from . import EXIT_FINDINGS, EXIT_OK, languages_of

_LEVELS = ("notify", "record", "editorial")


if TYPE_CHECKING:
    from . import Subparsers


def register(sub: Subparsers) -> None:
    parser = sub.add_parser(
        "diff",
        help="list what changed between two versions of the data map, and who must be told",
        description="Compare two versions of the data map and print the changes in substance "
        "(purposes, recipients, transfers, legal bases, retention, categories, the "
        "organisation's identity, assumptions added or confirmed, and every other value "
        "of the map), each marked "
        "'notify data subjects', 'update the record only' or 'editorial'. Give OLD and NEW, "
        "or --git REV to compare the map at a git revision with the current file.",
    )
    parser.add_argument("old", metavar="OLD", nargs="?", help="the earlier data map")
    parser.add_argument("new", metavar="NEW", nargs="?", help="the later data map")
    parser.add_argument(
        "--git",
        metavar="REV",
        help="take the earlier version from git revision REV (of NEW, --data, or the default map)",
    )
    parser.add_argument("--data", metavar="PATH", help="the current data map (with --git)")
    parser.add_argument(
        "--lang",
        metavar="LANGS",
        default=None,
        help="languages, comma-separated, among those the (new) map publishes in "
        "(organisation.languages; default: all of them, nb,en when it declares none)",
    )
    parser.add_argument(
        "--format", choices=("text", "markdown", "json"), default="text", help="output format"
    )
    parser.add_argument(
        "--fail-on",
        choices=_LEVELS,
        default=None,
        help="exit 1 when there is a change at this level or a more demanding one",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..changes.changelog import LEVELS, compare
    from ..core.errors import HarmonienError
    from ..source.loading import load, loads
    from ..source.resources import default_data

    if args.git:
        if args.old and args.new:
            raise HarmonienError("with --git give at most one file (the current map)")
        current = args.data or args.old or args.new or str(default_data())
        from ..source.gitrev import read_at_revision

        shown = f"{args.git}:{current}"
        old = loads(read_at_revision(current, args.git, shown), shown)
        new = load(current)
    else:
        if not (args.old and args.new):
            raise HarmonienError("give two files (diff OLD NEW) or a revision (diff --git REV)")
        old, new = load(args.old), load(args.new)
    changelog = compare(old, new)
    languages = languages_of(new, args.lang)
    if args.format == "json":
        sys.stdout.write(json.dumps(changelog.to_dict(), ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write("\n".join(changelog.render(lang, args.format) for lang in languages))
    if args.fail_on:
        limit = LEVELS[: LEVELS.index(args.fail_on) + 1]
        if any(changelog.at(level) for level in limit):
            return EXIT_FINDINGS
    return EXIT_OK
