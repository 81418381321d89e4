"""`vnkg dump --out DIR`: the dataset's dumps (N-Quads and TriG, gzipped) and its VoID description.

The server streams the same dumps from the store at ``/dumps/vnkg.nq.gz`` and
``/dumps/vnkg.trig.gz`` and computes the same description at ``/.well-known/void``; this command
writes them to files for publishing elsewhere (a mirror, a data repository).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from vnkg.cli.app import StoreOption, app
from vnkg.cli.commands_store import opened_store, settings_for


@app.command()
def dump(
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder to write vnkg.nq.gz, vnkg.trig.gz and void.ttl to.",
                                      file_okay=False)],
    base_url: Annotated[str | None, typer.Option(
        "--base-url", help="Where the server is reached, for the links in void.ttl "
                           "(default: $VNKG_PUBLIC_BASE_URL, else http://127.0.0.1:8000).")] = None,
    store: StoreOption = None,
) -> None:
    """Write the gzipped N-Quads and TriG dumps of every named graph, and the VoID/DCAT description."""
    from vnkg.api.routes.void import DUMPS, void_graph, write_dump

    public = (base_url or settings_for(store).public_base_url or "http://127.0.0.1:8000").rstrip("/")
    out.mkdir(parents=True, exist_ok=True)
    with opened_store(store, read_only=True) as handle:
        for file_name, (fmt, _, _) in DUMPS.items():
            write_dump(handle, fmt, out / file_name)
            typer.echo(f"wrote {out / file_name}")
        void_file = out / "void.ttl"
        tmp = void_file.with_name(void_file.name + ".part")
        void_graph(handle, public).serialize(tmp, format="turtle", encoding="utf-8")
        tmp.replace(void_file)
        typer.echo(f"wrote {void_file}")
