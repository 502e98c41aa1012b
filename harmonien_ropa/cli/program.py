"""The ``harmonien-ropa`` program (its console script and ``python -m harmonien_ropa``).

:func:`program` runs :func:`~harmonien_ropa.cli.main` on the process's own arguments and exits
with its code. Python's finalization ends with a collection that walks every object the command
left behind (about 70 ms after a render of Harmonien, more after a large map) only to free
memory the process is about to give back; they are put out of its reach first (``gc.freeze``)
and left to the operating system. Nothing the command writes waits for that collection: files
are closed and committed, and standard output flushed, before ``main`` returns, and Python still
flushes the standard streams, runs ``atexit`` and waits for threads at exit. ``main`` itself,
which the tests and other callers run in their own process, leaves the collector as it was.
"""

from __future__ import annotations

import gc
import sys
from typing import NoReturn

from . import main


def program() -> NoReturn:
    """Run the command line of this process, then exit with its code (see the module)."""
    code = main()
    gc.freeze()
    sys.exit(code)
