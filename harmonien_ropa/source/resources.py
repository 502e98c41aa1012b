"""Files that travel with the package: templates and Harmonien's default data map.

In a wheel they live inside the package (``harmonien_ropa/templates``, ``harmonien_ropa/data``);
in a source checkout they are the top-level ``templates/`` and ``data/`` folders.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

_PACKAGE = Path(str(files("harmonien_ropa")))
_CHECKOUT = _PACKAGE.parent

#: The data map used when none is given, relative to the working directory.
DEFAULT_DATA = Path("data") / "processing.yaml"


def templates_dir() -> Path:
    """Folder holding the Jinja2 templates and string tables."""
    packaged = _PACKAGE / "templates"
    return packaged if packaged.is_dir() else _CHECKOUT / "templates"


def packaged_data() -> Path:
    """Harmonien's data map as shipped with the package (or in the checkout)."""
    packaged = _PACKAGE / "data" / "processing.yaml"
    return packaged if packaged.is_file() else _CHECKOUT / DEFAULT_DATA


def default_data() -> Path:
    """``data/processing.yaml`` in the working directory if present, else the packaged copy."""
    return DEFAULT_DATA if DEFAULT_DATA.is_file() else packaged_data()
