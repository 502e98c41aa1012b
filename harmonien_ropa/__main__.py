"""``python -m harmonien_ropa``."""

import sys

from .cli import main

sys.exit(main())
