"""The website scan: what a site really loads and stores, compared with the map.

* :mod:`.browse`: observing a site with a playwright browser it is given (:func:`observe`);
* :mod:`.observed`: the typed observation values;
* :mod:`.declared`: the one adapter that reads the map and the vendor catalogue;
* :mod:`.identify`: matching hosts and cookies against service signatures;
* :mod:`.compare`: the findings (``SCAN1xx``);
* :mod:`.report`: text, JSON and SARIF; :mod:`.suggest`: a draft cookie inventory.

The browser is optional (``pip install 'harmonien-ropa[scan]'``); nothing here imports
playwright until :func:`observe` runs.
"""

from __future__ import annotations

from ..checks.config import CheckConfig
from ..source.loading import LoadedMap
from . import declared as declared_module
from .browse import ScanError, observe
from .compare import compare, diagnostics
from .identify import identify
from .observed import Observation
from .report import ScanResult


def assess(loaded: LoadedMap, observation: Observation, config: CheckConfig) -> ScanResult:
    """Compare ``observation`` with the map in ``loaded``, with ``config``'s selection and
    ``fail_on``."""
    from ..checks.scan_rules import SCAN_RULES

    declared = declared_module.read(loaded.datamap)
    codes = tuple(code for code in SCAN_RULES if code in config.codes())
    findings = diagnostics(
        compare(observation, declared),
        loaded.path,
        lambda loc: loaded.positions.find(loc, key=True),
        codes,
    )
    return ScanResult(
        loaded.path,
        observation,
        identify(observation, declared.signatures),
        findings,
        config,
        codes,
    )


__all__ = ["Observation", "ScanError", "ScanResult", "assess", "compare", "observe"]
