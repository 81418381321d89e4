"""Serialising query results (pyoxigraph terms): SELECT/ASK as SPARQL JSON, XML, CSV and TSV, and
CONSTRUCT/DESCRIBE in the RDF format asked for.

Both backends produce pyoxigraph terms (the remote one parses the server's JSON with
``pyoxigraph.parse_query_results``), so row caps and time limits are applied in one place.

`serialize_solutions_natively` lets pyoxigraph write a SELECT result itself (in Rust, 2-3x
faster than building it here) while still keeping to the row cap: the sink it writes to counts
the row boundaries of the format as the bytes arrive and stops it once there may be more rows
than the cap. The caller then reads the result again and cuts it here.
"""

from __future__ import annotations

import csv
import io
import json
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, Literal
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox

from .base import negotiate

__all__ = ["result_kind", "serialize_boolean", "serialize_result", "serialize_solutions",
           "serialize_solutions_natively"]

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_XML_HEAD = '<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">'

_JSON_FRAGMENTS: dict[Any, str] = {}
_JSON_FRAGMENTS_MAX = 200_000

OxRow = Sequence[Any]
"""One solution: one pyoxigraph term (or None) per variable, in the variables' order."""


def _json_term(term: Any) -> dict[str, Any]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out: dict[str, Any] = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != _XSD_STRING:
            out["datatype"] = term.datatype.value
        return out
    if isinstance(term, ox.Triple):
        return {"type": "triple", "value": {"subject": _json_term(term.subject),
                                            "predicate": _json_term(term.predicate),
                                            "object": _json_term(term.object)}}
    raise TypeError(f"unexpected term {term!r}")


def _json_fragment(term: Any) -> str:
    """``json.dumps`` of the term's SPARQL JSON, memoised in a bounded table."""
    found = _JSON_FRAGMENTS.get(term)
    if found is None:
        if len(_JSON_FRAGMENTS) >= _JSON_FRAGMENTS_MAX:
            _JSON_FRAGMENTS.clear()
        found = _JSON_FRAGMENTS[term] = json.dumps(_json_term(term), ensure_ascii=False)
    return found


def _xml_term(term: Any) -> str:
    if isinstance(term, ox.NamedNode):
        return f"<uri>{escape(term.value)}</uri>"
    if isinstance(term, ox.BlankNode):
        return f"<bnode>{escape(term.value)}</bnode>"
    if isinstance(term, ox.Literal):
        if term.language:
            return f"<literal xml:lang={quoteattr(term.language)}>{escape(term.value)}</literal>"
        if term.datatype.value != _XSD_STRING:
            return f"<literal datatype={quoteattr(term.datatype.value)}>{escape(term.value)}</literal>"
        return f"<literal>{escape(term.value)}</literal>"
    if isinstance(term, ox.Triple):
        return (f"<triple><subject>{_xml_term(term.subject)}</subject><predicate>"
                f"{_xml_term(term.predicate)}</predicate><object>{_xml_term(term.object)}</object></triple>")
    raise TypeError(f"unexpected term {term!r}")


def _csv_value(term: Any) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.BlankNode):
        return "_:" + term.value
    if isinstance(term, ox.NamedNode | ox.Literal):
        return term.value
    return str(term)


def serialize_solutions(variables: Sequence[str], rows: Iterable[OxRow], media_type: str) -> bytes:
    """Serialise SELECT solutions in one of the four SPARQL results media types.

    >>> serialize_solutions(["s"], [[ox.Literal("a,b")]], "text/csv")
    b's\\r\\n"a,b"\\r\\n'
    """
    if media_type == "application/sparql-results+json":
        # Written as json.dumps would write it, from each term's JSON written once (terms repeat).
        names = [json.dumps(v, ensure_ascii=False) + ": " for v in variables]
        bindings = ", ".join("{" + ", ".join([name + _json_fragment(t) for name, t in zip(names, row, strict=True)
                                              if t is not None]) + "}" for row in rows)
        head = json.dumps({"vars": list(variables)}, ensure_ascii=False)
        return f'{{"head": {head}, "results": {{"bindings": [{bindings}]}}}}'.encode()
    if media_type == "application/sparql-results+xml":
        parts = [_XML_HEAD, "<head>"]
        parts.extend(f"<variable name={quoteattr(v)}/>" for v in variables)
        parts.append("</head><results>")
        for row in rows:
            parts.append("<result>")
            parts.extend(f"<binding name={quoteattr(v)}>{_xml_term(t)}</binding>"
                         for v, t in zip(variables, row, strict=True) if t is not None)
            parts.append("</result>")
        parts.append("</results></sparql>")
        return "".join(parts).encode("utf-8")
    if media_type == "text/csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(variables)
        for row in rows:
            writer.writerow([_csv_value(t) for t in row])
        return buffer.getvalue().encode("utf-8")
    if media_type == "text/tab-separated-values":
        lines = ["\t".join("?" + v for v in variables)]
        lines.extend("\t".join("" if t is None else str(t) for t in row) for row in rows)
        return ("\n".join(lines) + "\n").encode("utf-8")
    raise ValueError(f"not a SPARQL results media type: {media_type}")


def serialize_boolean(value: bool, media_type: str) -> bytes:
    """Serialise an ASK answer as SPARQL JSON or XML.

    >>> serialize_boolean(True, "application/sparql-results+json")
    b'{"head": {}, "boolean": true}'
    """
    if media_type == "application/sparql-results+json":
        return json.dumps({"head": {}, "boolean": value}).encode("utf-8")
    if media_type == "application/sparql-results+xml":
        return f"{_XML_HEAD}<head/><boolean>{'true' if value else 'false'}</boolean></sparql>".encode()
    raise ValueError(f"ASK results cannot be served as {media_type}")


def result_kind(result: Any) -> Literal["solutions", "boolean", "graph"]:
    """What a pyoxigraph query result is, for `negotiate`.

    Negotiate before holding the result in a frame an error may leave through: pyoxigraph's results
    may only be dropped by the thread that made them, and a traceback carries its frames' locals to
    whichever thread handles the error.
    """
    if isinstance(result, ox.QuerySolutions):
        return "solutions"
    return "boolean" if isinstance(result, ox.QueryBoolean) else "graph"


def serialize_result(result: Any, accept: str, take: Callable[[Iterator[Any]], list[Any]],
                     prefixes: Callable[[ox.RdfFormat], dict[str, str] | None] | None = None) -> tuple[bytes, str]:
    """A query's result in the best media type ``accept`` allows, and that media type.

    ``result`` is a ``QueryBoolean``, ``QuerySolutions`` or an iterator of triples (or quads, whose
    triples are taken); ``take`` cuts the rows or triples (the row cap); ``prefixes`` gives the
    prefixes to write for an RDF format.

    >>> serialize_result(ox.Store().query("ASK {}"), "application/sparql-results+json", list)
    (b'{"head": {}, "boolean": true}', 'application/sparql-results+json')
    """
    if isinstance(result, ox.QueryBoolean):
        media = negotiate(accept, "boolean")
        return serialize_boolean(bool(result), media), media
    if isinstance(result, ox.QuerySolutions):
        media = negotiate(accept, "solutions")
        names = [v.value for v in result.variables]
        return serialize_solutions(names, take(list(s) for s in result), media), media
    media = negotiate(accept, "graph")
    fmt = ox.RdfFormat.from_media_type(media)
    triples = [t.triple if isinstance(t, ox.Quad) else t for t in take(iter(result))]
    return ox.serialize(triples, format=fmt, prefixes=prefixes(fmt) if prefixes else None) or b"", media


_NATIVE_FORMATS = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
# What separates two rows in pyoxigraph's output, and how many rows n separators can mean. A JSON
# row is an object and rows are written with no space between them ("},{"); a string value cannot
# hide a row there from the count (it may add one, which only makes the cap stricter). XML escapes
# "<" in text, so "</result><result>" is exact. CSV and TSV end the header and every row with a
# newline (a CSV literal may add more: stricter again; TSV escapes newlines in literals).
_ROW_SEPARATORS: dict[str, tuple[bytes, int]] = {
    "application/sparql-results+json": (b"},{", 1),
    "application/sparql-results+xml": (b"</result><result>", 1),
    "text/csv": (b"\n", -1),
    "text/tab-separated-values": (b"\n", -1),
}


class _StopWritingError(Exception):
    """Raised from the sink to stop pyoxigraph's serializer."""


class _CountingSink:
    """A binary file-like sink for pyoxigraph that keeps the bytes and counts row separators; it
    stops the writer when the rows may exceed ``max_rows`` or when ``cancel`` is set."""

    def __init__(self, separator: bytes, extra: int, max_rows: int | None, cancel: threading.Event) -> None:
        self.chunks: list[bytes] = []
        self._separator, self._extra, self._max_rows, self._cancel = separator, extra, max_rows, cancel
        self._tail = b""
        self._separators = 0

    def write(self, data: bytes) -> int:
        if self._cancel.is_set():
            raise _StopWritingError
        chunk = bytes(data)
        if self._max_rows is not None:
            # a separator may straddle two chunks: count over the previous chunk's tail too
            window = self._tail + chunk
            self._separators += window.count(self._separator) - self._tail.count(self._separator)
            self._tail = window[-(len(self._separator) - 1):] if len(self._separator) > 1 else b""
            if self._separators + self._extra > self._max_rows:
                raise _StopWritingError
        self.chunks.append(chunk)
        return len(chunk)

    def flush(self) -> None:
        pass


def serialize_solutions_natively(result: ox.QuerySolutions, media_type: str, max_rows: int | None,
                                 cancel: threading.Event) -> bytes | None:
    """The solutions as pyoxigraph writes them in ``media_type``; None when they may have more
    than ``max_rows`` rows or ``cancel`` was set (``result`` is then used up: read it again).

    >>> rows = ox.Store().query("SELECT ?x WHERE { VALUES ?x { 1 2 3 } }")
    >>> serialize_solutions_natively(rows, "text/csv", 3, threading.Event())
    b'x\\r\\n1\\r\\n2\\r\\n3\\r\\n'
    >>> rows = ox.Store().query("SELECT ?x WHERE { VALUES ?x { 1 2 3 } }")
    >>> serialize_solutions_natively(rows, "text/csv", 2, threading.Event()) is None
    True
    """
    separator, extra = _ROW_SEPARATORS[media_type]
    sink = _CountingSink(separator, extra, max_rows, cancel)
    try:
        result.serialize(sink, _NATIVE_FORMATS[media_type])
    except _StopWritingError:
        return None
    return b"".join(sink.chunks)
