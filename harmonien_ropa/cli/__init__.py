"""Command-line interface: a thin layer that parses arguments and calls the library.

Each command is a module in this package with ``register(subparsers)`` and ``run(args) -> int``;
:data:`COMMANDS` lists them in the order ``--help`` shows. Heavy modules are imported inside
``run`` so that ``--help`` and ``--version`` stay fast; a command line naming its command first
imports that command's module alone (:func:`build_parser`).
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import io
import os
import signal
import sys
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from types import ModuleType
from typing import TYPE_CHECKING, TextIO, cast

if TYPE_CHECKING:
    from ..model import DataMap
    from ..source.loading import LoadedMap

    #: The object ``add_subparsers`` returns, which each command module registers with.
    Subparsers = argparse._SubParsersAction[argparse.ArgumentParser]

#: Command modules, in help order.
COMMANDS: tuple[str, ...] = (
    "render",
    "check",
    "scan",
    "schema",
    "locate",
    "impact",
    "diff",
    "import-fides",
    "catalogue",
    "init",
    "migrate",
    "review",
)

#: Exit codes: 0 success, 1 findings at or above --fail-on (or ``render --final`` refused),
#: 2 invalid input or usage, 3 output could not be written (a file, the output folder, or
#: standard output), 130 interrupted (Ctrl-C, SIGINT), and 70 only as the last resort for an
#: internal error (a bug: no known input reaches it).
EXIT_OK, EXIT_FINDINGS, EXIT_INVALID, EXIT_OUTPUT, EXIT_INTERNAL = 0, 1, 2, 3, 70
EXIT_INTERRUPTED = 130

#: Every exit code the program uses, with its meaning (the README, the command-line page of
#: the documentation and ``--help`` list the same).
EXIT_CODES: dict[int, str] = {
    EXIT_OK: "success (check: no finding at or above --fail-on)",
    EXIT_FINDINGS: "check, scan: findings at or above --fail-on; diff: changes at or above "
    "--fail-on; render --final: the notice is not ready for publication (each blocker listed)",
    EXIT_INVALID: "invalid input or usage: a data map, a setting or an option, reported as "
    "file:line:col with a fix where it has a place; scan: a site that cannot be scanned "
    "(unreachable, not HTML, a redirect loop) or no browser installed",
    EXIT_OUTPUT: "an output could not be written: a file, the output folder (also while another "
    "render holds it) or standard output (e.g. a full disk); the previous outputs are left as "
    "they were",
    EXIT_INTERRUPTED: "interrupted (Ctrl-C, SIGINT)",
    EXIT_INTERNAL: "internal error: a bug in harmonien-ropa, which no known input reaches; "
    "please report it (HARMONIEN_ROPA_DEBUG=1 shows the traceback)",
}

#: Set when SIGINT arrives while :func:`main` runs. Ctrl-C reaches a child process (``dot``,
#: ``git``) too, whose death may surface as an ordinary error before the interrupt itself: the
#: run still ends with 130, quietly.
_INTERRUPTED = threading.Event()


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


def _modules(commands: Sequence[str] = COMMANDS) -> list[ModuleType]:
    return [importlib.import_module(f"{__name__}.{name.replace('-', '_')}") for name in commands]


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser for a command line starting with ``command``: that command alone if it names
    one (the top-level options come before it), none for ``--version`` (printed before anything
    else is read), else every command, for help and errors that list them all."""
    parser = argparse.ArgumentParser(
        prog="harmonien-ropa",
        description="Render a GDPR privacy notice, Article 30 record and data-flow graph from "
        "one YAML data map, and check the map for compliance gaps.",
        epilog="Exit codes: 0 ok, 1 findings (or render --final refused), 2 invalid input or "
        "usage, 3 output not written (a file, the output folder, standard output), "
        "130 interrupted; 70 means an internal error (a bug, please report it).",
    )
    parser.add_argument(
        "--version", action=_VersionAction, nargs=0, help="print the version and exit"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    reached = (command,) if command in COMMANDS else () if command == "--version" else COMMANDS
    for module in _modules(reached):
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (never raises for expected errors)."""
    with _noting_interrupts(), _guarded_stdout() as stdout:
        try:
            code = _main(argv)
        except KeyboardInterrupt:
            code = EXIT_INTERRUPTED
        if _INTERRUPTED.is_set():
            code = EXIT_INTERRUPTED
        if stdout.failed is None:
            with contextlib.suppress(_StdoutError):
                stdout.flush()
    if code == EXIT_INTERRUPTED:
        print("harmonien-ropa: interrupted", file=sys.stderr)
    elif stdout.failed is not None:
        print(
            f"harmonien-ropa: error: cannot write to standard output: {stdout.failed}",
            file=sys.stderr,
        )
        return EXIT_OUTPUT
    return code


@contextmanager
def _noting_interrupts() -> Iterator[None]:
    """While the block runs, SIGINT sets :data:`_INTERRUPTED` and raises KeyboardInterrupt
    as usual (only where Python's own handler is in place, in the main thread)."""
    _INTERRUPTED.clear()
    main_thread = threading.current_thread() is threading.main_thread()
    if not main_thread or signal.getsignal(signal.SIGINT) is not signal.default_int_handler:
        yield
        return

    def handler(signum: int, frame: object) -> None:
        _INTERRUPTED.set()
        raise KeyboardInterrupt

    signal.signal(signal.SIGINT, handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, signal.default_int_handler)


def interrupted() -> bool:
    """True once SIGINT has arrived in this run (a command may stop early)."""
    return _INTERRUPTED.is_set()


def _main(argv: Sequence[str] | None) -> int:
    words = sys.argv[1:] if argv is None else list(argv)
    parser = build_parser(words[0] if words else None)
    try:
        args = parser.parse_args(words)
    except SystemExit as exc:  # argparse exits with 2 on usage errors, 0 for --help
        return int(exc.code) if isinstance(exc.code, int) else EXIT_INVALID
    except _StdoutError:
        return EXIT_OUTPUT
    from ..core.collector import collector_paused, exemptions_ended

    with collector_paused():  # what imports build lives as long as the command: nothing to collect
        from ..core.errors import HarmonienError, LoadError, OutputError

    try:
        with exemptions_ended():
            code: int = args.run(args)
        return code
    except _StdoutError:
        return EXIT_OUTPUT
    except Exception as exc:
        if _INTERRUPTED.is_set():  # a child stopped by the same Ctrl-C: not the real cause
            return EXIT_INTERRUPTED
        if isinstance(exc, LoadError):
            for diagnostic in exc.diagnostics:
                print(diagnostic.format(), file=sys.stderr)
            return EXIT_INVALID
        if isinstance(exc, OutputError):
            print(f"harmonien-ropa: error: {exc}", file=sys.stderr)
            return EXIT_OUTPUT
        if isinstance(exc, HarmonienError):
            print(f"harmonien-ropa: error: {exc}", file=sys.stderr)
            return EXIT_INVALID
        if os.environ.get("HARMONIEN_ROPA_DEBUG"):
            raise
        print(
            f"harmonien-ropa: internal error: {type(exc).__name__}: {exc}\n"
            "This is a bug; set HARMONIEN_ROPA_DEBUG=1 for details and please report it.",
            file=sys.stderr,
        )
        return EXIT_INTERNAL


class _StdoutError(Exception):
    """Standard output could not be written (full disk, closed pipe, I/O error)."""


class _GuardedStdout(io.TextIOBase):
    """Standard output as the commands see it: a failing write or flush raises
    :class:`_StdoutError` (remembered in ``failed``) instead of an ``OSError`` that would look
    like an internal error, so a full disk is reported in one line with exit code 3."""

    def __init__(self, stream: TextIO) -> None:
        super().__init__()
        self.stream = stream
        self.failed: str | None = None

    def _fail(self, exc: OSError) -> _StdoutError:
        self.failed = self.failed or (exc.strerror or str(exc))
        _discard_pending(self.stream)
        return _StdoutError(self.failed)

    def write(self, text: str) -> int:
        if self.failed is not None:
            raise _StdoutError(self.failed)
        try:
            return self.stream.write(text)
        except OSError as exc:
            raise self._fail(exc) from None

    def flush(self) -> None:
        if self.failed is not None:
            raise _StdoutError(self.failed)
        try:
            self.stream.flush()
        except OSError as exc:
            raise self._fail(exc) from None

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return self.stream.encoding

    def isatty(self) -> bool:
        return self.stream.isatty()

    def fileno(self) -> int:
        return self.stream.fileno()

    def writable(self) -> bool:
        return True


def _discard_pending(stream: TextIO) -> None:
    """Point the file descriptor behind ``stream`` at the null device, so that the bytes still
    buffered for it are dropped quietly at exit instead of failing a second time."""
    try:
        fd = stream.fileno()
    except (AttributeError, OSError, ValueError):  # not a real file (e.g. a test's capture)
        return
    null = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(null, fd)
    finally:
        os.close(null)


@contextlib.contextmanager
def _guarded_stdout() -> Iterator[_GuardedStdout]:
    real = sys.stdout
    guarded = _GuardedStdout(real)
    sys.stdout = cast(TextIO, guarded)
    try:
        yield guarded
    finally:
        if sys.stdout is cast(TextIO, guarded):
            sys.stdout = real


def output_path(value: str) -> str:
    """An argparse type for output paths: an empty value is a usage error, not the current
    folder (which ``Path('')`` would silently become)."""
    if not value.strip():
        raise argparse.ArgumentTypeError("must not be empty; name a folder or file")
    return value


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
    from ..core.errors import LoadError
    from ..source.yamlbase import YamlError
    from ..source.yamlsource import read_stream

    try:
        return read_stream(sys.stdin.buffer, STDIN_NAME)
    except YamlError as exc:
        raise LoadError(exc.diagnostics) from None


def data_path(args: argparse.Namespace) -> tuple[str, str]:
    """The data map named by ``--data`` (or the default), and the path to show in messages
    (:data:`STDIN` for standard input)."""
    from ..source.resources import DEFAULT_DATA, default_data

    if args.data:
        return args.data, STDIN_NAME if args.data == STDIN else args.data
    path = default_data()
    return str(path), str(DEFAULT_DATA) if path == DEFAULT_DATA else str(path)


def load_data(args: argparse.Namespace) -> DataMap:
    """Load the data map named by ``--data`` (or the default, or standard input for ``-``);
    raises LoadError."""
    from ..source.loading import load, loads

    path, shown = data_path(args)
    _note_bundled(args)
    datamap = loads(read_stdin(), shown) if path == STDIN else load(path, display_path=shown)
    settle()
    return datamap


def _note_bundled(args: argparse.Namespace) -> None:
    """Say on standard error when the bundled example stands in for a data map not given."""
    from ..source.resources import DEFAULT_DATA, default_data

    if not args.data and default_data() != DEFAULT_DATA:
        print(
            f"harmonien-ropa: no --data given and no {DEFAULT_DATA.as_posix()} in this folder: "
            "using the bundled example (Musikkselskapet Harmonien); start your own with "
            f"'harmonien-ropa init {DEFAULT_DATA.as_posix()}'",
            file=sys.stderr,
        )


def languages_of(datamap: DataMap, value: str | None) -> tuple[str, ...]:
    """The languages ``--lang`` names (comma-separated), or all the map publishes in when it is
    not given; a language the map does not publish in is a usage error (exit 2)."""
    from ..core.errors import HarmonienError
    from ..core.languages import LanguageError, choose

    try:
        return choose(datamap.languages, None if value is None else split_list(value))
    except LanguageError as exc:
        raise HarmonienError(f"--lang: {exc}") from None


def load_data_with_positions(args: argparse.Namespace) -> LoadedMap:
    """Like :func:`load_data`, with the line and column of every value (for findings)."""
    from ..source.loading import load_with_positions, loads_with_positions

    path, shown = data_path(args)
    _note_bundled(args)
    if path == STDIN:
        loaded = loads_with_positions(read_stdin(), shown)
    else:
        loaded = load_with_positions(path, display_path=shown)
    settle()
    return loaded


def settle() -> None:
    """Exempt the loaded map from the garbage collector's full passes for the rest of the
    command (:func:`~harmonien_ropa.core.collector.exempt_loaded`)."""
    from ..core.collector import exempt_loaded

    exempt_loaded()


def split_list(value: str) -> list[str]:
    """Parse a comma-separated option value such as ``nb,en``; a value named twice counts once."""
    return list(dict.fromkeys(part.strip() for part in value.split(",") if part.strip()))


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
