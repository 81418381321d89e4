"""`vnkg query NAME --param k=v`: run a named query (queries/*.rq) against the store."""

from __future__ import annotations

import csv
import json
import sys
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from vnkg.cli.app import StoreOption, app

err_console = Console(stderr=True)


def _parse_params(params: list[str]) -> dict[str, str]:
    values: dict[str, str] = {}
    for item in params:
        key, sep, value = item.partition("=")
        if not sep or not key:
            err_console.print(f"[red]error:[/red] --param takes key=value, not {item!r}")
            raise typer.Exit(2)
        values[key.strip()] = value
    return values


@app.command("query")
def query_command(
    name: Annotated[str | None, typer.Argument(help="The named query (omit with --list).")] = None,
    param: Annotated[list[str] | None, typer.Option("--param", "-p", help="A parameter, key=value (repeatable).")
                     ] = None,
    output: Annotated[str, typer.Option("--format", "-f", help="json, csv or table.")] = "table",
    limit: Annotated[int | None, typer.Option("--limit", help="Rows per page (paginated queries).", min=1)] = None,
    offset: Annotated[int | None, typer.Option("--offset", help="Rows to skip (paginated queries).", min=0)] = None,
    list_queries: Annotated[bool, typer.Option("--list", help="List the named queries and their parameters.")] = False,
    store: StoreOption = None,
) -> None:
    """Run a named query with bound parameters and print the rows."""
    from vnkg.cli.commands_store import opened_store
    from vnkg.graph.errors import StoreError
    from vnkg.queries import QueryParameterError, get_query, load_queries

    if list_queries or name is None:
        for query in load_queries().values():
            params = ", ".join(f"{p.name}:{p.type}{'' if p.required else '?'}" for p in query.params)
            typer.echo(f"{query.name}({params})  {query.summary}")
        return
    if output not in ("json", "csv", "table"):
        err_console.print(f"[red]error:[/red] --format must be json, csv or table, not {output!r}")
        raise typer.Exit(2)
    try:
        query = get_query(name)
    except KeyError as e:
        err_console.print(f"[red]error:[/red] {e}; see vnkg query --list")
        raise typer.Exit(2) from None
    values = _parse_params(param or [])
    with opened_store(store, read_only=True) as handle:
        try:
            rows = query.run(handle, values, limit=limit, offset=offset)
        except QueryParameterError as e:
            err_console.print(f"[red]error:[/red] {e}")
            raise typer.Exit(2) from None
        except StoreError as e:
            err_console.print(f"[red]error:[/red] {e}")
            raise typer.Exit(1) from None
    variables = sorted({k for row in rows for k in row})
    plain = [{k: str(v) for k, v in row.items()} for row in rows]
    if output == "json":
        typer.echo(json.dumps(plain, ensure_ascii=False, indent=2))
    elif output == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(variables)
        for row in plain:
            writer.writerow([row.get(v, "") for v in variables])
    else:
        table = Table(*variables, title=f"{query.name}: {len(rows)} rows")
        for row in plain:
            table.add_row(*[row.get(v, "") for v in variables])
        Console().print(table)
