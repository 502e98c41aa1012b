"""Fast start: ``--help`` and ``--version`` import no heavy dependency; the lazy API still works."""

from __future__ import annotations

import subprocess
import sys

import pytest

HEAVY = ("pydantic", "jinja2", "networkx", "graphviz", "yaml", "harmonien_ropa.model")


@pytest.mark.parametrize("option", ["--version", "--help"])
def test_help_and_version_import_nothing_heavy(option: str) -> None:
    code = (
        "import sys, contextlib, io\n"
        "from harmonien_ropa.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    assert main([{option!r}]) == 0\n"
        "print(' '.join(sorted(sys.modules)))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    loaded = set(done.stdout.split())
    assert "harmonien_ropa.cli" in loaded
    assert not [name for name in HEAVY if name in loaded]


def test_public_api_resolves_lazily_and_render_stays_the_function() -> None:
    code = (
        "import harmonien_ropa as hr, harmonien_ropa.outputs, sys\n"
        "from harmonien_ropa.outputs import RENDERERS\n"
        "assert callable(hr.render) and hr.render.__module__ == 'harmonien_ropa.outputs'\n"
        "assert hr.DataMap.__name__ == 'DataMap' and hr.load.__module__ == 'harmonien_ropa.source.loading'\n"
        "assert 'load' in dir(hr) and 'RENDERERS' not in dir(hr)\n"
        "try:\n    hr.nothing\nexcept AttributeError as e:\n    print(e)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert "has no attribute 'nothing'" in done.stdout


def test_importing_the_package_alone_is_light() -> None:
    code = "import sys, harmonien_ropa\nprint(' '.join(sorted(sys.modules)))\n"
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert not [name for name in HEAVY if name in done.stdout.split()]
