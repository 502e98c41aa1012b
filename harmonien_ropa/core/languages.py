"""The languages of the data map's texts, in a module of its own so the CLI can name them
without importing the model (``--help`` stays fast)."""

from __future__ import annotations

#: Languages every human-readable text can carry, in the order outputs list them.
LANGUAGES: tuple[str, ...] = ("nb", "en")
