"""`vnkg load`, `validate`, `export`, `stats` and `remove`: the commands that fill and inspect the store."""

from __future__ import annotations

import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from vnkg.cli.app import QuietOption, StoreOption, app
from vnkg.settings import Settings

err_console = Console(stderr=True)


def settings_for(store: Path | None) -> Settings:
    """Settings from the environment, with --store taking precedence."""
    return Settings(store=store) if store is not None else Settings()


@contextmanager
def opened_store(store: Path | None, *, read_only: bool = False):  # type: ignore[no-untyped-def]
    from vnkg.graph.errors import StoreError
    from vnkg.graph.factory import open_store

    try:
        handle = open_store(settings_for(store), read_only=read_only)
    except StoreError as err:
        err_console.print(f"[red]error:[/red] {err}")
        raise typer.Exit(2) from None
    try:
        yield handle
    except StoreError as err:
        err_console.print(f"[red]error:[/red] {err}")
        raise typer.Exit(2) from None
    finally:
        handle.close()


@contextmanager
def progress_bar(total: int | None, label: str, quiet: bool):  # type: ignore[no-untyped-def]
    """A rich progress bar on stderr, or nothing with --quiet or when stderr is not a terminal."""
    if quiet:
        yield None
        return
    columns = (TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=err_console, transient=False) as progress:
        task = progress.add_task(label, total=total)
        yield lambda n: progress.advance(task, n)


def report_load(summary, quiet: bool) -> None:  # type: ignore[no-untyped-def]
    """Print every failure (what and where) and the summary; exit 1 when anything failed."""
    for failure in summary.failed:
        err_console.print(f"[red]{failure.kind}[/red] {failure}", highlight=False, soft_wrap=True)
    err_console.print(f"{summary}", highlight=False)
    if not summary.ok:
        raise typer.Exit(1)


PARALLEL_FROM = 200
"""Below this many files, starting worker processes (~1 s) costs more than it saves."""


@app.command()
def load(
    paths: Annotated[list[Path], typer.Argument(help="facts/1 files (*.facts.json) or folders of them.",
                                                exists=True)],
    store: StoreOption = None,
    no_validate: Annotated[bool, typer.Option("--no-validate", help="Skip SHACL validation.")] = False,
    workers: Annotated[int, typer.Option(
        "--workers", min=0,
        help="Processes preparing articles (check, map, validate); 0: one per CPU when loading "
             f"{PARALLEL_FROM} files or more, else 1.")] = 0,
    batch_size: Annotated[int | None, typer.Option(
        "--batch-size", min=1,
        help="Most articles written together, default 4096; a load starts at 256 and doubles. Each "
             "article is still all or nothing; a larger batch uses more memory and loses more work "
             "to an interruption, until the load is run again.")] = None,
    quiet: QuietOption = False,
) -> None:
    """Load article facts into the store, each article validated and stored on its own."""
    from vnkg.loaders.documents import find_facts_files
    from vnkg.loaders.overrides import Overrides
    from vnkg.loaders.pipeline import DEFAULT_BATCH, Loader
    from vnkg.loaders.workers import default_workers

    files = list(find_facts_files(paths))
    if workers == 0:
        workers = default_workers() if len(files) >= PARALLEL_FROM else 1
    settings = settings_for(store)
    with opened_store(store) as handle:
        overrides = Overrides.load(settings.overrides or settings.store / "overrides.toml")
        loader = Loader(handle, validate=not no_validate, overrides=overrides, workers=workers,
                        batch_size=batch_size or DEFAULT_BATCH)
        with progress_bar(len(files), "loading", quiet) as advance:
            summary = loader.load_paths(files, advance)
    report_load(summary, quiet)


@app.command()
def remove(
    article_ids: Annotated[list[str], typer.Argument(help="Ids of articles to remove (a-...).")],
    store: StoreOption = None,
) -> None:
    """Remove articles, and every fact that only they supported."""
    from vnkg.graph.layout import check_layout

    missing = 0
    with opened_store(store) as handle:
        check_layout(handle)
        for article_id in article_ids:
            if not handle.remove_article(article_id):
                err_console.print(f"not in the store: {article_id}")
                missing += 1
    if missing:
        raise typer.Exit(1)


@app.command()
def validate(
    store: StoreOption = None,
    quiet: QuietOption = False,
    engine: Annotated[str, typer.Option("--engine", help="fast (compiled shapes) or pyshacl (the reference).")]
    = "fast",
) -> None:
    """Check the whole store: SHACL article by article, then the cross-article checks.

    Exits 1 when it does not conform."""
    from vnkg.loaders.checks import validate_store

    if engine not in ("fast", "pyshacl"):
        err_console.print(f"[red]error:[/red] unknown engine {engine!r}; choose fast or pyshacl")
        raise typer.Exit(2)
    with opened_store(store, read_only=True) as handle, progress_bar(None, "validating", quiet) as advance:
        problems = validate_store(handle, progress=advance, engine=engine)  # type: ignore[arg-type]
    for problem in problems:
        typer.echo(problem)
    typer.echo(f"{len(problems)} problems" if problems else "the store conforms")
    if problems:
        raise typer.Exit(1)


@app.command()
def export(
    format: Annotated[str, typer.Option("--format", "-f", help="nquads, trig, turtle or jsonld.")] = "nquads",
    graph: Annotated[str | None, typer.Option("--graph", help="Only this named graph (an IRI).")] = None,
    output: Annotated[Path | None, typer.Option("-o", "--output", help="File to write (.gz compresses); "
                                                "default stdout.")] = None,
    store: StoreOption = None,
) -> None:
    """Write the dataset, or one named graph, as N-Quads, TriG, Turtle or JSON-LD."""
    import gzip

    from vnkg.graph.base import EXPORT_FORMATS

    if format not in EXPORT_FORMATS:
        err_console.print(f"[red]error:[/red] unknown format {format!r}; choose one of {', '.join(EXPORT_FORMATS)}")
        raise typer.Exit(2)
    with opened_store(store, read_only=True) as handle:
        if output is None:
            handle.export(sys.stdout.buffer, format, graph)  # type: ignore[arg-type]
            return
        tmp = output.with_name(output.name + ".part")
        opener = gzip.open if output.suffix == ".gz" else open
        with opener(tmp, "wb") as out:
            handle.export(out, format, graph)  # type: ignore[arg-type]
        tmp.replace(output)


@app.command()
def stats(
    store: StoreOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
) -> None:
    """Counts of people, posts, tenures, blocs, events, awards, articles and triples."""
    import json

    from vnkg.loaders.checks import store_stats

    with opened_store(store, read_only=True) as handle:
        figures = store_stats(handle)
    if as_json:
        typer.echo(json.dumps(figures, indent=1))
    else:
        for name, value in figures.items():
            typer.echo(f"{name:<14}{value:>12,}")
