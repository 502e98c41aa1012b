"""The package's tree shows its architecture: modules sit in a layer's subpackage, no two
modules of different layers share a name, and a long module says why at its top."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "harmonien_ropa"
#: Lines a module may have before it must state, on its first line, why it is not split.
LONG = 400
#: Folders whose modules are named after something outside the tree: a command (``cli/render.py``
#: is ``harmonien-ropa render``) or the topic of a group of rules (``checks/rules/transfers.py``).
NAMED_FROM_OUTSIDE = ("cli", "rules")


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def test_only_the_package_entry_points_sit_at_the_top() -> None:
    top = {path.name for path in PACKAGE.glob("*.py")}
    assert top == {"__init__.py", "__main__.py"}


def test_no_two_modules_share_a_name_across_layers() -> None:
    names = Counter(
        path.stem
        for path in _modules()
        if path.stem != "__init__" and path.parent.name not in NAMED_FROM_OUTSIDE
    )
    names.update(
        path.name for path in PACKAGE.rglob("*") if path.is_dir() and any(path.glob("*.py"))
    )
    assert sorted(name for name, count in names.items() if count > 1) == []


def test_a_long_module_states_why_at_its_top() -> None:
    unexplained = [
        str(path.relative_to(PACKAGE))
        for path in _modules()
        if len(lines := path.read_text(encoding="utf-8").splitlines()) > LONG
        and not lines[0].startswith("# Longer than 400 lines: ")
    ]
    assert unexplained == []
