"""Where a data map is read from: regular files only, standard input only with ``--data -``.

A named pipe, a device or a socket given as a data map, a previous map or a manifest in an
``import-fides`` folder is refused at once (exit 2, with the place and a fix); opening one must
never wait for a writer. Each case runs under a hang guard that fails the test instead of letting
it wait forever; no time is measured.
"""

from __future__ import annotations

import io
import os
import socket
from pathlib import Path

import pytest
from support.paths import SMALL_YAML
from support.work import hang_guard

from harmonien_ropa.cli import main

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")


def _fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


def _refused(capsys: pytest.CaptureFixture[str], argv: list[str], place: Path, kind: str) -> None:
    with hang_guard(30, "the input blocked"):
        assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"{place}: error ROPA008 this is {kind}, not a regular file\n"), err
    assert "--data -" in err
    assert "Traceback" not in err


def test_a_named_pipe_as_data_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fifo = _fifo(tmp_path / "map.yaml")
    for command in (["check"], ["render", "--out", str(tmp_path / "out")], ["impact"]):
        argv = [*command, "--data", str(fifo)]
        if command == ["impact"]:
            argv += ["--party", "mailhost"]
        _refused(capsys, argv, fifo, "a named pipe (FIFO)")
    assert not (tmp_path / "out").exists()


def test_a_named_pipe_as_the_previous_map_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fifo = _fifo(tmp_path / "previous.yaml")
    out = tmp_path / "out"
    argv = ["render", "--data", str(SMALL_YAML), "--previous", str(fifo), "--out", str(out)]
    _refused(capsys, argv, fifo, "a named pipe (FIFO)")
    assert not out.exists()


def test_a_named_pipe_in_an_import_folder_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / ".fides"
    folder.mkdir()
    fifo = _fifo(folder / "system.yml")
    _refused(capsys, ["import-fides", str(folder)], fifo, "a named pipe (FIFO)")


def test_devices_and_sockets_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _refused(capsys, ["check", "--data", "/dev/zero"], Path("/dev/zero"), "a device")
    with socket.socket(socket.AF_UNIX) as server:
        place = tmp_path / "s.yaml"
        server.bind(str(place))
        with hang_guard(30, "the input blocked"):
            assert main(["check", "--data", str(place)]) == 2
        err = capsys.readouterr().err
        # Opening a socket fails before it can be looked at; it is refused all the same.
        assert err.startswith(f"{place}: error ROPA008 "), err


class _Stdin:
    """Standard input as the CLI sees it: ``sys.stdin.buffer``, counting what is read."""

    def __init__(self, data: bytes) -> None:
        self.buffer = io.BytesIO(data)


@pytest.mark.parametrize("command", [["check"], ["render", "--only", "model"]])
def test_data_dash_reads_standard_input(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    command: list[str],
) -> None:
    monkeypatch.setattr("sys.stdin", _Stdin(SMALL_YAML.read_bytes()))
    out = tmp_path / "from-stdin"
    extra = ["--out", str(out)] if command[0] == "render" else []
    from_stdin = main([*command, "--data", "-", *extra])
    stdin_report = capsys.readouterr().out
    reference = tmp_path / "from-file"
    extra = ["--out", str(reference)] if command[0] == "render" else []
    assert main([*command, "--data", str(SMALL_YAML), *extra]) == from_stdin
    file_report = capsys.readouterr().out
    assert from_stdin in (0, 1)
    if command[0] == "render":
        assert (out / "model.json").read_bytes() == (reference / "model.json").read_bytes()
    else:
        assert stdin_report.replace("<stdin>", str(SMALL_YAML)) == file_report


def test_standard_input_goes_through_the_file_checks(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", _Stdin(b"organisation:\n  name: Caf\xe9\n"))
    assert main(["check", "--data", "-"]) == 2
    assert capsys.readouterr().err.startswith(
        "<stdin>:2:12: error ROPA008 file is not valid UTF-8 (byte 0xe9; Latin-1 or Windows-1252?)"
    )
    monkeypatch.setenv("HARMONIEN_ROPA_MAX_BYTES", "1000")
    stdin = _Stdin(b"a: " + b"x" * 5_000_000 + b"\n")
    monkeypatch.setattr("sys.stdin", stdin)
    assert main(["check", "--data", "-"]) == 2
    assert capsys.readouterr().err.startswith(
        "<stdin>: error ROPA008 file is larger than the limit of 1,000 bytes"
    )
    assert stdin.buffer.tell() == 1001  # read no further than the limit needs
