"""A command line that starts with a command's name is parsed by that command's parser alone:
the same help, errors and arguments as with every command registered, without importing or
registering the others."""

from __future__ import annotations

import argparse
import contextlib
import io
import subprocess
import sys

import pytest

from harmonien_ropa.cli import COMMANDS, build_parser


def _outcome(parser: argparse.ArgumentParser, argv: list[str]) -> tuple[object, str, str]:
    """What parsing ``argv`` gives: the arguments (or the exit code) and what it printed."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            args = vars(parser.parse_args(argv))
            result: object = {key: value for key, value in args.items() if key != "run"}
            result = (result, args["run"].__module__)
        except SystemExit as exc:
            result = ("exit", exc.code)
    return result, out.getvalue(), err.getvalue()


@pytest.mark.parametrize("command", COMMANDS)
def test_one_commands_parser_parses_as_the_whole_one(
    command: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    for argv in ([command, "--help"], [command, "--no-such-option"], [command]):
        alone = _outcome(build_parser(command), argv)
        assert alone == _outcome(build_parser(), argv)
        assert alone[0] != ("exit", None) or alone[1]  # something was parsed or printed


def test_the_whole_parser_for_anything_else(monkeypatch: pytest.MonkeyPatch) -> None:
    """An option first, an unknown command or none: every command is registered."""
    monkeypatch.setenv("COLUMNS", "100")
    whole = _outcome(build_parser(), ["--help"])
    for first in (None, "--help", "-h", "rendr"):
        parser = build_parser(first)
        assert _outcome(parser, ["--help"]) == whole
    assert all(name in whole[1] for name in COMMANDS)


def test_version_first_prints_the_version_whatever_follows(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for argv in (["--version"], ["--version", "render"], ["--version", "--no-such-option"]):
        alone = _outcome(build_parser("--version"), argv)
        assert alone == _outcome(build_parser(), argv)
        assert alone[0] == ("exit", 0)
        assert alone[1].startswith("harmonien-ropa ")


def test_a_command_imports_no_other_commands_module() -> None:
    """Counted in a fresh process: ``build_parser("check")`` loads the command modules check
    needs (check and its settings), none of the other commands', and ``build_parser("--version")``
    none more."""
    child = (
        "import sys\n"
        "from harmonien_ropa.cli import build_parser\n"
        "build_parser('check')\n"
        "print(sorted(m for m in sys.modules if m.startswith('harmonien_ropa.cli.')))\n"
        "build_parser('--version')\n"
        "print(sorted(m for m in sys.modules if m.startswith('harmonien_ropa.cli.')))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", child], capture_output=True, text=True, timeout=120, check=True
    )
    assert (
        proc.stdout.splitlines()
        == ["['harmonien_ropa.cli.check', 'harmonien_ropa.cli.settings']"] * 2
    )
