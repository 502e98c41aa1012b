"""``render``: write the outputs for a data map into a folder."""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from ..core.languages import LANGUAGES
from . import (
    EXIT_FINDINGS,
    EXIT_OK,
    add_data_argument,
    data_path,
    languages_of,
    load_data,
    load_data_with_positions,
    output_path,
    split_list,
)
from .progress import Progress

if TYPE_CHECKING:
    from ..checks.engine import CheckResult
    from ..checks.publication import Blocker
    from ..model import DataMap
    from ..outputs import Later, RenderOptions
    from ..outputs.dot_spares import DotSpares
    from ..source.loading import LoadedMap
    from . import Subparsers


def register(sub: Subparsers) -> None:
    parser = sub.add_parser(
        "render",
        help="render the notice, record and graph into a folder",
        description="Render every output (or those given with --only) into --out. Files are "
        "written atomically, and only after every renderer has succeeded. A notice whose legal "
        "grounds are still assumptions, or whose map fails 'check', opens with a 'not ready for "
        "publication' banner; --final refuses to render it at all. Exit 0 when written, 1 when "
        "--final is refused, 2 when the input or the options are invalid, 3 when the output "
        "cannot be written.",
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
        "--lang",
        metavar="LANGS",
        default=None,
        help="languages, comma-separated, among those the map publishes in "
        "(organisation.languages; default: all of them, nb,en when it declares none)",
    )
    parser.add_argument(
        "--only",
        metavar="OUTPUTS",
        default=None,
        help="outputs, comma-separated (default: all but the Word and PDF documents, 'docx' "
        "and 'pdf', which are made only when named here)",
    )
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument(
        "--draft",
        action="store_true",
        help="internal review copy: show assumptions still to be confirmed, highlighted",
    )
    mode.add_argument(
        "--final",
        action="store_true",
        help="the copy to publish: refuse (exit 1, nothing written, whatever --only asks for) "
        "while a legal basis, Art. 9 condition or transfer ground is still an assumption or "
        "the checker finds what makes 'check' fail, and list each of them as 'check' does",
    )
    parser.add_argument(
        "--config",
        metavar="PYPROJECT",
        help="checker settings (ignores, selections) for the publication gate: read "
        "[tool.harmonien_ropa] from this file instead of the nearest pyproject.toml, as 'check'",
    )
    parser.add_argument(
        "--previous",
        metavar="PATH",
        help="the previous version of the data map: adds what changed (changes.*) and the "
        "version history",
    )
    parser.add_argument(
        "--id-prefix",
        metavar="PREFIX",
        default="",
        help="put PREFIX before every id of the notice fragment (and every link to one), so "
        "that two fragments embedded in one page do not clash, e.g. --id-prefix hr-",
    )
    parser.add_argument(
        "--fragment-css",
        action="store_true",
        help="also write notice.fragment.css: the notice's stylesheet with every rule scoped "
        "to the fragment, to paste into a CMS (see docs/cms.md)",
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
    from ..core.collector import collector_paused

    # The cyclic collector stays paused for the whole command, not only while the map is
    # loaded, checked and rendered: the modules imported on the way (the model, the graph,
    # the templates' code) build long-lived objects, and collecting meanwhile only walks them
    # again (about 60 ms of a render of Harmonien, which leaves some 2,000 objects in cycles).
    # What lives on when it ends (those modules, the templates, caches) is kept out of the
    # young generations, whose first collection would walk it all only to find it alive
    # (about 20 ms, just before the command returns).
    with collector_paused(kept=True), contextlib.ExitStack() as cleanup:
        return _run(args, cleanup)


def _run(args: argparse.Namespace, cleanup: contextlib.ExitStack) -> int:
    import dataclasses

    from ..core.errors import HarmonienError, RenderError
    from ..outputs import RENDERERS, RenderOptions, output_names, renderer

    # Usage errors first, so that they are reported as such (exit 2) before the gate is asked.
    asked = split_list(args.only) if args.only else []
    names = output_names(asked or None)
    unknown = [name for name in names if name not in RENDERERS]
    if unknown:
        import difflib

        guess = difflib.get_close_matches(unknown[0], list(RENDERERS), n=1)
        hint = f" (did you mean '{guess[0]}'?)" if guess else ""
        raise RenderError(
            f"unknown output '{unknown[0]}'{hint}; choose from {', '.join(RENDERERS)}"
        )
    if "changes" in names and args.only and not args.previous:
        raise HarmonienError(
            "--only changes needs --previous PATH, the earlier version of the data map to "
            "compare with (e.g. --previous old/processing.yaml); without it there are no changes "
            "to write"
        )
    # An unknown language code or an id prefix that is not one is refused (RenderError) before
    # the map is read.
    RenderOptions(
        languages=tuple(split_list(args.lang)) if args.lang else RenderOptions().languages,
        id_prefix=args.id_prefix,
    )
    # Graphviz's processes start before the model and the reader are imported: they load
    # their libraries on another core meanwhile.
    spares = _dot_spares(names, cleanup)
    from ..outputs.staging import Scope, StagedOutput
    from ..source.loading import load

    blockers: tuple[Blocker, ...] | None = None
    checked: CheckResult | None = None
    if args.final:
        loaded = load_data_with_positions(args)
        datamap = loaded.datamap
        languages = languages_of(datamap, args.lang)
        blockers, checked = _blockers(loaded, args)
        del loaded  # the positions are needed for the blockers only
        if blockers:
            print(
                f"harmonien-ropa: render --final: not ready for publication; "
                f"{len(blockers)} blocker(s), nothing written:",
                file=sys.stderr,
            )
            for blocker in blockers:
                print(blocker.format(), file=sys.stderr)
            return EXIT_FINDINGS
    else:
        datamap = load_data(args)
        languages = languages_of(datamap, args.lang)
    base = RenderOptions(
        languages=languages,
        draft=args.draft,
        blockers=blockers,
        previous=load(args.previous) if args.previous else None,
        id_prefix=args.id_prefix,
        fragment_css=args.fragment_css,
        dot_spares=spares,
    )
    # The folder is locked from here on. Each file goes to the staging folder as soon as its
    # renderer hands it over or returns (so little output is in memory at a time), and all are
    # renamed into place only after every renderer has succeeded; files of these outputs and
    # languages that an earlier render wrote and this one no longer makes are removed.
    # Without --lang the render makes every language the map publishes in, so the files an
    # earlier render made in a language it no longer declares are stale too.
    scope = Scope(frozenset(names), frozenset(base.languages if args.lang else LANGUAGES))
    progress = Progress(len(names))
    # The pictures are drawn by Graphviz while the other outputs are made (``background``):
    # the renderers that start such work run first, and it is finished after the others.
    later: list[tuple[str, Later]] = []
    with StagedOutput(Path(args.out), scope=scope) as staged, _cancelling(later):
        staged.open()
        current = ""
        options = dataclasses.replace(
            base,
            deliver=lambda artifact: staged.stage([artifact], output=current),
            background=True,
        )
        said: dict[str, list[str]] = {}
        for current in sorted(names, key=lambda name: name not in DRAWN_IN_BACKGROUND):
            if checked is None and current not in DRAWN_IN_BACKGROUND:
                # Checked while the pictures are drawn; the notice needs the blockers.
                options, checked = _checked(datamap, args, options, names)
            progress.step(f"rendering {current}")
            result = renderer(current)(datamap, options)
            staged.stage(result.artifacts, output=current)
            later.extend((current, work) for work in result.later)
            said[current] = result.messages
            if args.verbose or current in asked:
                said[current] += result.details
            del result
        if checked is None:
            options, checked = _checked(datamap, args, options, names)
        for current, work in later:
            staged.stage(work.finish(), output=current)
        messages = [message for name in names for message in said[name]]
        progress.step("writing")
        written = staged.commit()
        progress.done()
        for message in [*messages, *staged.messages]:
            print(f"harmonien-ropa: {message}", file=sys.stderr)
    print(f"wrote {len(written)} file(s) to {args.out}")
    print(f"harmonien-ropa: {verdict(checked)}", file=sys.stderr)
    return EXIT_OK


#: Outputs whose renderer leaves work going on outside Python (Graphviz drawing the pictures),
#: run before the others so that it goes on while they are made.
DRAWN_IN_BACKGROUND = frozenset({"graph"})


def _dot_spares(names: list[str], cleanup: contextlib.ExitStack) -> DotSpares | None:
    """``dot`` processes for the graph's pictures, started now, while the map is read (see
    :mod:`harmonien_ropa.outputs.dot_spares`); stopped when the command ends."""
    if "graph" not in names:
        return None
    from ..outputs.dot_spares import BEFORE_THE_MAP, DotSpares, find_dot

    program = find_dot()
    if program is None:
        return None
    spares = cleanup.enter_context(DotSpares(program))
    spares.expect(BEFORE_THE_MAP)
    return spares


@contextlib.contextmanager
def _cancelling(later: list[tuple[str, Later]]) -> Iterator[None]:
    """On leaving, stop the work in ``later`` (nothing happens to work already finished)."""
    try:
        yield
    finally:
        for _, work in later:
            work.cancel()


def _checked(
    datamap: DataMap, args: argparse.Namespace, options: RenderOptions, names: list[str]
) -> tuple[RenderOptions, CheckResult]:
    """The checker's result on ``datamap``, and ``options`` with what keeps the notice from
    being published when an output shows the notice (the documents show it too)."""
    import dataclasses

    found, checked = _blockers_without_positions(datamap, args)
    if {"notice", "docx", "pdf"} & set(names):
        options = dataclasses.replace(options, blockers=found)
    return options, checked


def verdict(result: CheckResult) -> str:
    """The checker's verdict on the rendered map in one line, e.g. ``check: 3 errors, 45
    warnings (see 'harmonien-ropa check')``."""
    counts = result.counts()
    parts = [
        f"{counts[severity]} {severity}{'' if counts[severity] == 1 else 's'}"
        for severity in ("error", "warning")
        if counts[severity]
    ]
    if not parts:
        return "check: no errors or warnings"
    return f"check: {', '.join(parts)} (see 'harmonien-ropa check')"


def _blockers(
    loaded: LoadedMap, args: argparse.Namespace
) -> tuple[tuple[Blocker, ...], CheckResult]:
    """What keeps the notice from being published, with the configuration ``check`` uses, and
    the result of that one checker run."""
    from ..checks.engine import check, configuration
    from ..checks.publication import blockers_of

    config = configuration(
        loaded,
        Path(args.config) if args.config else None,
        report=lambda message: print(f"harmonien-ropa: {message}", file=sys.stderr),
    )
    result = check(loaded, config)
    return blockers_of(loaded, result), result


def _blockers_without_positions(
    datamap: DataMap, args: argparse.Namespace
) -> tuple[tuple[Blocker, ...], CheckResult]:
    """Like :func:`_blockers` for the banner, which needs only their number: the map was
    loaded without positions, and is read again for them only if its settings are wrong."""
    from ..core.errors import LoadError
    from ..source.loading import LoadedMap, load_with_positions
    from ..source.positions import Positions

    path, shown = data_path(args)
    try:
        return _blockers(LoadedMap(datamap, Positions(), shown), args)
    except LoadError:  # a bad selector in settings.check: report it at its line
        _blockers(load_with_positions(path, display_path=shown), args)
        raise
