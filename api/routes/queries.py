"""Named queries over HTTP: ``GET /queries`` lists them, ``GET /queries/{name}?param=...`` runs one.

Each ``queries/*.rq`` file becomes its own OpenAPI operation, with its declared parameters (type,
description, example) as query parameters; values are bound as RDF terms by `vnkg.queries`.
Rows come back as JSON (each value the IRI or the literal's text) or, with ``Accept: text/csv``,
as CSV.
"""

from __future__ import annotations

import csv
import inspect
import io
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response
from rdflib import Literal
from rdflib.term import Identifier
from vnkg.queries import PATH_KINDS, NamedQuery, load_queries

from ..deps import MAX_LIMIT, SettingsDep, StoreDep, run_query
from ..models import NamedQueryInfo, NamedQueryParamInfo, NamedQueryResult

__all__ = ["router", "term_value"]

router = APIRouter(prefix="/queries", tags=["named queries"])


def term_value(term: Identifier) -> Any:
    """A JSON value for an RDF term: the IRI, a number or boolean for typed literals, else the text."""
    if isinstance(term, Literal):
        value = term.toPython()
        if isinstance(value, bool | int | float):
            return value
        return str(term)
    return str(term)


def _info(query: NamedQuery) -> NamedQueryInfo:
    return NamedQueryInfo(
        name=query.name, summary=query.summary, paginated=query.paginate,
        params=[NamedQueryParamInfo(name=p.name, type=p.type, required=p.required, example=p.example,
                                    description=p.description) for p in query.params])


@router.get("", summary="List the named queries", response_model=list[NamedQueryInfo])
def list_queries() -> list[NamedQueryInfo]:
    return [_info(q) for q in load_queries().values()]


def _csv(rows: list[dict[str, Any]], variables: list[str]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(variables)
    for row in rows:
        writer.writerow(["" if row.get(v) is None else row[v] for v in variables])
    return buffer.getvalue().encode("utf-8")


def _make_endpoint(query: NamedQuery) -> Any:
    def endpoint(request: Request, store: StoreDep, settings: SettingsDep, **values: Any) -> Any:
        limit = values.pop("limit", None)
        offset = values.pop("offset", None)
        rows = run_query(store, settings, query.name, limit=limit, offset=offset, **values)
        plain = [{k: term_value(v) for k, v in row.items()} for row in rows]
        if "text/csv" in request.headers.get("accept", ""):
            variables = sorted({k for row in plain for k in row})
            return Response(_csv(plain, variables), media_type="text/csv")
        return NamedQueryResult(name=query.name, params={k: v for k, v in values.items() if v is not None},
                                count=len(plain), rows=plain)

    parameters = [
        inspect.Parameter("request", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=Request),
        inspect.Parameter("store", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=StoreDep),
        inspect.Parameter("settings", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=SettingsDep),
    ]
    for param in query.params:
        python_type = param.python_type
        extra: dict[str, Any] = {"description": param.description or None}
        if param.example is not None:
            extra["examples"] = [python_type(param.example) if python_type is int else param.example]
        if param.kind is not None:
            extra["pattern"] = r"^[a-z0-9-]+(/[a-z0-9-]+)*$" if param.kind in PATH_KINDS else r"^[a-z0-9-]+$"
            extra["max_length"] = 200
        elif python_type is str:
            extra["max_length"] = 200
        annotation = Annotated[python_type | None, Query(**extra)]  # type: ignore[valid-type]
        default = inspect.Parameter.empty if param.required else None
        if param.required:
            annotation = Annotated[python_type, Query(**extra)]  # type: ignore[valid-type]
        parameters.append(inspect.Parameter(param.name, inspect.Parameter.KEYWORD_ONLY, annotation=annotation,
                                            default=default))
    if query.paginate:
        parameters.append(inspect.Parameter("limit", inspect.Parameter.KEYWORD_ONLY,
                                            annotation=Annotated[int, Query(ge=1, le=MAX_LIMIT)], default=50))
        parameters.append(inspect.Parameter("offset", inspect.Parameter.KEYWORD_ONLY,
                                            annotation=Annotated[int, Query(ge=0, le=1_000_000)], default=0))
    endpoint.__signature__ = inspect.Signature(parameters)  # type: ignore[attr-defined]
    endpoint.__name__ = f"query_{query.name}"
    return endpoint


for _query in load_queries().values():
    router.add_api_route(
        f"/{_query.name}", _make_endpoint(_query), methods=["GET"], summary=_query.summary,
        response_model=NamedQueryResult, operation_id=f"query_{_query.name}",
        responses={200: {"content": {"application/json": {}, "text/csv": {}}},
                   404: {"description": "Not found."}, 422: {"description": "A parameter does not fit its type."}})

