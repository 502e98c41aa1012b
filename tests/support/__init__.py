"""Helpers shared by the test modules; conftest.py holds only fixtures."""
