"""``python -m harmonien_ropa``."""

from .cli import program

program()
