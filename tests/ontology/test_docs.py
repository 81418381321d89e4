"""The HTML reference documentation: generated from the ontology, by function and by `vnkg docs`."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

from rdflib.namespace import OWL, RDF
from typer.testing import CliRunner
from vnkg.ontology import ontology_graph
from vnkg.ontology.docs import render_html

from vnkg.cli import app
from vnkg.namespaces import VNKG


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.tags: list[str] = []
        self.external: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"] or "")
        if tag in ("script", "link") and (values.get("src") or values.get("href")):
            self.external.append(values.get("src") or values.get("href") or "")


def test_page_documents_every_class_and_property() -> None:
    html = render_html()
    collector = _Collector()
    collector.feed(html)
    graph = ontology_graph()
    for kind in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty):
        for term in graph.subjects(RDF.type, kind):
            if str(term).startswith(str(VNKG)):
                assert "vnkg-" + str(term).removeprefix(str(VNKG)) in collector.ids, term
    assert "svg" in collector.tags and "rect" in collector.tags
    assert collector.external == []  # no CDN, no script: the page stands alone
    for needle in ("P580", "P582", "P1365", "P1366", "Occupancy:holder", "graph/facts", "Tiếng Việt"):
        assert needle in html, needle


def test_docs_command_writes_the_page(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["docs", "--out", str(tmp_path / "site"), "--base-iri", "https://example.org/kg/"])
    assert result.exit_code == 0, result.output
    page = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert "https://example.org/kg/graph/facts" in page
    assert (tmp_path / "site" / "vnkg.ttl").stat().st_size > 1000
