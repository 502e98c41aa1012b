"""``python -m harmonien_ropa``."""

from .cli.program import program

program()
