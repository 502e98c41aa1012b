"""Where the test data is: the repository, Harmonien's map and the fixture maps."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
HARMONIEN_YAML = ROOT / "data" / "processing.yaml"
FIXTURES = ROOT / "tests" / "fixtures"
SMALL_YAML = FIXTURES / "small.yaml"
