"""Command-line interface: a thin layer that parses arguments and calls the library.

Each command is a module in this package with ``register(subparsers)`` and ``run(args) -> int``;
:data:`COMMANDS` lists them in the order ``--help`` shows. Heavy modules are imported inside
``run`` so that ``--help`` and ``--version`` stay fast.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import os
import sys
from collections.abc import Sequence
from types import ModuleType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..model import DataMap

    #: The object ``add_subparsers`` returns, which each command module registers with.
    Subparsers = argparse._SubParsersAction[argparse.ArgumentParser]

#: Command modules, in help order.
COMMANDS: tuple[str, ...] = (
    "render",
    "check",
    "schema",
    "locate",
    "impact",
    "diff",
    "import-fides",
)

#: Exit codes: 0 success, 1 findings at or above --fail-on, 2 invalid input or usage,
#: 3 output could not be written, 70 internal error.
EXIT_OK, EXIT_FINDINGS, EXIT_INVALID, EXIT_OUTPUT, EXIT_INTERNAL = 0, 1, 2, 3, 70


def version() -> str:
    """The installed package version."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as dist_version

    try:
        return dist_version("harmonien-ropa")
    except PackageNotFoundError:  # pragma: no cover - running from an uninstalled checkout
        return "0+unknown"


class _VersionAction(argparse.Action):
    def __call__(self, parser: argparse.ArgumentParser, *_: object, **__: object) -> None:
        print(f"harmonien-ropa {version()}")
        parser.exit()


def _modules() -> list[ModuleType]:
    return [importlib.import_module(f"{__name__}.{name.replace('-', '_')}") for name in COMMANDS]


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every command registered."""
    parser = argparse.ArgumentParser(
        prog="harmonien-ropa",
        description="Render a GDPR privacy notice, Article 30 record and data-flow graph from "
        "one YAML data map, and check the map for compliance gaps.",
        epilog="Exit codes: 0 ok, 1 findings, 2 invalid input or usage, 3 output not written.",
    )
    parser.add_argument(
        "--version", action=_VersionAction, nargs=0, help="print the version and exit"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for module in _modules():
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (never raises for expected errors)."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits with 2 on usage errors, 0 for --help
        return int(exc.code) if isinstance(exc.code, int) else EXIT_INVALID
    from ..errors import HarmonienError, LoadError, OutputError

    try:
        code: int = args.run(args)
        return code
    except LoadError as exc:
        for diagnostic in exc.diagnostics:
            print(diagnostic.format(), file=sys.stderr)
        return EXIT_INVALID
    except OutputError as exc:
        print(f"harmonien-ropa: error: {exc}", file=sys.stderr)
        return EXIT_OUTPUT
    except HarmonienError as exc:
        print(f"harmonien-ropa: error: {exc}", file=sys.stderr)
        return EXIT_INVALID
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        if os.environ.get("HARMONIEN_ROPA_DEBUG"):
            raise
        print(
            f"harmonien-ropa: internal error: {type(exc).__name__}: {exc}\n"
            "This is a bug; set HARMONIEN_ROPA_DEBUG=1 for details and please report it.",
            file=sys.stderr,
        )
        return EXIT_INTERNAL


#: ``--data -``: the data map comes from standard input (the only way it is ever read).
STDIN = "-"
#: The file name messages give for a data map read from standard input.
STDIN_NAME = "<stdin>"


def add_data_argument(parser: argparse.ArgumentParser) -> None:
    """The ``--data PATH`` option every command that reads a data map shares."""
    parser.add_argument(
        "--data",
        metavar="PATH",
        help="the YAML data map, or - to read it from standard input (default: "
        "data/processing.yaml here, else the packaged example)",
    )


def read_stdin() -> str:
    """The data map's text from standard input (``--data -``), through the same checks as a
    file; raises LoadError."""
    from ..errors import LoadError
    from ..yamlsource import YamlError, read_stream

    try:
        return read_stream(sys.stdin.buffer, STDIN_NAME)
    except YamlError as exc:
        raise LoadError(exc.diagnostics) from None


def load_data(args: argparse.Namespace) -> DataMap:
    """Load the data map named by ``--data`` (or the default); raises LoadError."""
    from ..loading import load, loads
    from ..resources import DEFAULT_DATA, default_data

    if args.data == STDIN:
        datamap = loads(read_stdin(), STDIN_NAME)
    elif args.data:
        datamap = load(args.data)
    else:
        path = default_data()
        datamap = load(path, display_path=str(DEFAULT_DATA) if path == DEFAULT_DATA else str(path))
    settle()
    return datamap


def settle() -> None:
    """Exempt what is loaded so far (the data map lives until the command ends) from the
    garbage collector's full passes, which would otherwise walk a large map again and again
    while the outputs are made (about a tenth of the render time at 10,000 activities)."""
    gc.freeze()


def split_list(value: str) -> list[str]:
    """Parse a comma-separated option value such as ``nb,en``."""
    return [part.strip() for part in value.split(",") if part.strip()]


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
