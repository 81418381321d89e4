"""`vnkg extract` and `vnkg ingest`: article text -> facts/1 documents (-> the store)."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from vnkg.cli.app import QuietOption, StoreOption, app

err_console = Console(stderr=True)
TEXT_SUFFIXES = (".txt", ".html", ".htm", ".text")


class InputError(Exception):
    """An input the extractor cannot read, with the one-line reason."""


def read_input(path: str) -> bytes:
    """The bytes of a file, or of standard input for "-"."""
    try:
        data = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
    except OSError as err:
        raise InputError(err.strerror or str(err)) from None
    if data and _looks_binary(data):
        raise InputError("not text (binary data)")
    return data


def _looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    return controls > len(head) * 0.1


def extract_bytes(data: bytes, source: str | None = None) -> dict[str, Any]:
    """The facts/1 document of an article's bytes."""
    from vnkg.loaders.extract import extract_article
    from vnkg.loaders.extract.clean import decode

    doc = extract_article(decode(data), source=source)
    from vnkg.loaders.extract.article import article_id

    doc["article"]["id"] = article_id(data)
    return doc


def output_name(path: str) -> str:
    """DIR/<stem>.facts.json for an input path ("-" -> "stdin")."""
    if path == "-":
        return "stdin.facts.json"
    return f"{Path(path).stem}.facts.json"


def _fail(path: str, reason: str) -> None:
    err_console.print(f"error: {path}: {reason}", highlight=False, soft_wrap=True, markup=False)


@app.command()
def extract(
    files: Annotated[list[str], typer.Argument(help="Article text or HTML files; '-' reads standard input.")],
    out: Annotated[
        Path | None,
        typer.Option("--out", "-o", help="Write DIR/<stem>.facts.json for each input instead of printing."),
    ] = None,
    source: Annotated[str | None, typer.Option("--source", help="The article's URL or outlet.")] = None,
) -> None:
    """Read articles and write their facts (facts/1 JSON)."""
    if out is None and len(files) > 1:
        _fail(str(files[1]), "several inputs need --out DIR")
        raise typer.Exit(2)
    if out is not None:
        try:
            out.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            _fail(str(out), err.strerror or str(err))
            raise typer.Exit(2) from None
    failed = 0
    for path in files:
        try:
            doc = extract_bytes(read_input(path), source)
        except InputError as err:
            _fail(path, str(err))
            failed += 1
            continue
        except Exception as err:  # never a traceback: name the file and go on
            _fail(path, f"could not be read ({type(err).__name__})")
            failed += 1
            continue
        text = json.dumps(doc, ensure_ascii=False, indent=1)
        if out is None:
            sys.stdout.write(text + "\n")
            continue
        try:
            (out / output_name(path)).write_text(text + "\n", encoding="utf-8")
        except OSError as err:
            _fail(path, err.strerror or str(err))
            failed += 1
    if failed:
        raise typer.Exit(1)


def iter_text_files(paths: list[Path]) -> Iterator[Path]:
    """The article files named, and those inside the folders named."""
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES)
        else:
            yield path


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Article files or folders of them (.txt, .html).")],
    store: StoreOption = None,
    no_validate: Annotated[bool, typer.Option("--no-validate", help="Skip SHACL validation.")] = False,
    quiet: QuietOption = False,
) -> None:
    """Extract facts from articles and load them into the store in one go."""
    from vnkg.cli.commands_store import opened_store, progress_bar, report_load, settings_for
    from vnkg.loaders.errors import LoadError
    from vnkg.loaders.overrides import Overrides
    from vnkg.loaders.pipeline import load_documents

    files = list(iter_text_files(paths))

    def items() -> Iterator[tuple[str, Any]]:
        for path in files:
            try:
                yield str(path), extract_bytes(read_input(str(path)))
            except (InputError, OSError) as err:
                yield str(path), LoadError(str(path), f"not extracted: {err}")
            except Exception as err:
                yield str(path), LoadError(str(path), f"not extracted ({type(err).__name__})")

    settings = settings_for(store)
    with opened_store(store) as handle:
        overrides = Overrides.load(settings.overrides or settings.store / "overrides.toml")
        with progress_bar(len(files), "ingesting", quiet) as advance:
            summary = load_documents(handle, items(), validate=not no_validate, overrides=overrides,
                                     progress=advance)
    report_load(summary, quiet)
