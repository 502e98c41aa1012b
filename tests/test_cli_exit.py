"""The ``harmonien-ropa`` program's exit: what a command leaves behind is given back to the
operating system, not walked by Python's last collection (see ``cli.program``)."""

from __future__ import annotations

import gc
import subprocess
import sys
import textwrap

import pytest

from harmonien_ropa.cli.program import program


def test_program_exits_with_the_command_code_and_its_objects_out_of_the_collector(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "argv", ["harmonien-ropa", "--version"])
    assert not gc.get_freeze_count()
    try:
        with pytest.raises(SystemExit) as exited:
            program()
        assert exited.value.code == 0
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
    assert "harmonien" in capsys.readouterr().out


def test_the_last_collection_does_not_walk_what_the_command_left() -> None:
    """An object in a reference cycle, alive when the command ends, is not finalized by the
    collection at the interpreter's exit (it would print ``collected``); the command's own
    output and exit code are as always."""
    script = textwrap.dedent(
        """
        import os, sys

        class Cycle:
            def __del__(self):
                os.write(2, b"collected\\n")

        left = Cycle()  # alive until the interpreter clears this module at exit
        left.me = left
        sys.argv = ["harmonien-ropa", "--version"]
        from harmonien_ropa.cli.program import program
        program()
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=False
    )
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout.startswith("harmonien-ropa ")
