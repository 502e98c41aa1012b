"""``review``: a workbook of the open assumptions for the people who know the answers, and
reading their answers back into the map."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from . import EXIT_OK, STDIN, add_data_argument, data_path, output_path

if TYPE_CHECKING:
    from . import Subparsers


def register(sub: Subparsers) -> None:
    parser = sub.add_parser(
        "review",
        help="write the open assumptions as a workbook to answer, or apply the answers",
        description="With --out DIR: write DIR/review.xlsx, one row per open assumption (where "
        "it is, what is assumed and why, the question, who should answer it, and an answer "
        "column with a drop-down list where the answer is one of the allowed values), all in "
        "one language. With --apply FILE: read the answers back, write the confirmed values "
        "into the map and remove their assumption lines (every other line of the file kept "
        "as it was). An answer that is not "
        "allowed, or a row whose value changed in the map since the export, is refused with "
        "its cell, and nothing is written. Exit 0 when done, 2 when the map, the workbook or "
        "an answer is invalid, 3 when a file cannot be written.",
    )
    add_data_argument(parser)
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument(
        "--out", metavar="DIR", type=output_path, help="folder to write review.xlsx into"
    )
    mode.add_argument(
        "--apply", metavar="FILE", type=output_path, help="a returned review.xlsx to apply"
    )
    parser.add_argument(
        "--lang",
        metavar="LANG",
        default=None,
        help="language of everything the workbook shows: nb, nn or en (default: the map's "
        "first language, organisation.languages)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..core.errors import HarmonienError
    from ..model.base import LANGUAGES

    if args.lang is not None and args.lang not in LANGUAGES:
        raise HarmonienError(f"unknown language '{args.lang}'; choose from {', '.join(LANGUAGES)}")
    if args.apply:
        return _apply(args)
    return _export(args)


def _export(args: argparse.Namespace) -> int:
    from ..core.errors import LoadError
    from ..outputs.staging import Artifact, write_artifacts
    from ..review import export
    from ..source.loading import loads_with_positions
    from ..source.yamlbase import YamlError
    from ..source.yamlsource import parse, read_text
    from . import read_stdin

    path, shown = data_path(args)
    try:
        text = read_stdin() if path == STDIN else read_text(Path(path), shown)
    except YamlError as error:
        raise LoadError(error.diagnostics) from None
    loaded = loads_with_positions(text, shown)
    data = parse(text, shown, positions=False).data
    lang = args.lang or loaded.datamap.languages[0]
    workbook = export(loaded, data, lang=lang, source=Path(shown).name)
    count = sum(1 for _ in loaded.datamap.assumptions())
    write_artifacts(Path(args.out), [Artifact("review.xlsx", workbook)])
    print(f"wrote {Path(args.out) / 'review.xlsx'}: {count} open assumption(s) to answer")
    return EXIT_OK


def _apply(args: argparse.Namespace) -> int:
    from ..core.errors import HarmonienError
    from ..review.apply import apply_answers, read_workbook
    from ..review.rows import dotted

    path, shown = data_path(args)
    if path == STDIN:
        raise HarmonienError(
            "review --apply writes the answers into the map, so --data must name its file, "
            "not standard input"
        )
    workbook = read_workbook(Path(args.apply))
    outcome = apply_answers(Path(path), shown, workbook, Path(args.apply).name)
    for change in outcome.changes:
        print(change.describe(shown))
    for cell, where, comment in outcome.comments:
        print(f"comment on {dotted(where)} ({cell}): {comment}")
    if outcome.changes:
        print(f"{shown}: {len(outcome.changes)} assumption(s) settled")
    else:
        print(f"{shown}: no answers to apply; the map is unchanged")
    return EXIT_OK
