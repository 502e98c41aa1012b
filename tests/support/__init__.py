"""Helpers shared by the test modules (browser, validator)."""
