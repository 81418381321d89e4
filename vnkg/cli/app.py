"""The `vnkg` Typer application and the options its commands share."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

app = typer.Typer(
    name="vnkg",
    help="vnkg: a linked-data knowledge graph of Vietnam's officials, emulation blocs, conferences and awards.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

StoreOption = Annotated[
    Path | None,
    typer.Option("--store", help="Directory of the embedded store (default: $VNKG_STORE or a per-user folder).",
                 envvar="VNKG_STORE", show_default=False),
]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar; only the summary and errors.")]
