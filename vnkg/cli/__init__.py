"""Command-line interface: `vnkg COMMAND --help` for each command."""

from __future__ import annotations

from vnkg.cli.app import app

# Each command module registers itself on `app` when imported.
from vnkg.cli import commands_store  # noqa: F401  isort: skip
from vnkg.cli import extract  # noqa: F401  isort: skip
from vnkg.cli import docs  # noqa: F401  isort: skip


def main() -> None:
    app()


__all__ = ["app", "main"]
from vnkg.cli import serve, query  # noqa: F401,E402  isort: skip
from vnkg.cli import dump  # noqa: F401,E402  isort: skip
