"""Fixtures shared by all test folders."""

pytest_plugins = ["tests.fixtures.oxigraph", "tests.fixtures.stores"]
