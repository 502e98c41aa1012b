"""Jinja's code for every packaged template, one module per template, made by
:mod:`harmonien_ropa.outputs.precompiled` (``UPDATE_GOLDEN=1 pytest tests/test_precompiled.py``
makes them anew; do not edit). Their code runs as Jinja runs a template's code, with the
environment in its namespace, so they are loaded by :class:`~..precompiled.PrecompiledLoader`
and never imported by name."""
