"""`vnkg docs`: write the HTML reference documentation of the ontology."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from vnkg.cli.app import app


@app.command("docs")
def docs(
    out: Annotated[Path, typer.Option("--out", help="Folder to write index.html and vnkg.ttl into.")],
    base_iri: Annotated[str, typer.Option("--base-iri", help="Base IRI of the data, shown in the examples.")]
    = "https://w3id.org/vnkg/id/",
) -> None:
    """Write the ontology's reference documentation (classes, properties, diagram, mappings) as HTML."""
    from vnkg.ontology.docs import write_docs

    page = write_docs(out, base_iri)
    typer.echo(f"wrote {page}")
