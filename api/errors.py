"""The API's error hierarchy and the one handler that turns vnkg errors into plain HTTP answers.

Client mistakes are 4xx with a message that says what is wrong; the store's own failures are 5xx
with a fixed message (details go to the log, never to the client).
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from vnkg.graph.errors import (
    QuerySyntaxError,
    QueryTimeout,
    ReadOnlyStore,
    StoreError,
    StoreUnavailable,
    UnsupportedFormat,
)
from vnkg.queries import QueryParameterError, UnknownQuery

__all__ = ["ApiError", "BadParameter", "Forbidden", "NotAcceptable", "NotFound", "install_handlers"]

log = logging.getLogger("vnkg.api")


class ApiError(Exception):
    """An answer other than 200, with a message for people."""

    status = 400

    def __init__(self, message: str, *, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.headers = headers


class NotFound(ApiError):  # noqa: N818 (HTTP names read better)
    status = 404


class BadParameter(ApiError):  # noqa: N818
    status = 422


class Forbidden(ApiError):  # noqa: N818
    status = 403


class NotAcceptable(ApiError):  # noqa: N818
    status = 406


class UnsupportedMediaType(ApiError):  # noqa: N818
    status = 415


def _body(status: int, message: str, **extra: object) -> dict[str, object]:
    return {"status": status, "detail": message, **extra}


def error_response(exc: Exception) -> JSONResponse:
    """The JSON answer for any exception vnkg raises (also used outside the handlers)."""
    if isinstance(exc, ApiError):
        return JSONResponse(_body(exc.status, exc.message), status_code=exc.status, headers=exc.headers)
    if isinstance(exc, QueryParameterError):
        return JSONResponse(_body(422, str(exc), parameter=exc.param), status_code=422)
    if isinstance(exc, UnknownQuery):
        return JSONResponse(_body(404, str(exc)), status_code=404)
    if isinstance(exc, QuerySyntaxError):
        where = f" (line {exc.line}, column {exc.column})" if exc.line is not None else ""
        return JSONResponse(_body(400, f"SPARQL syntax error{where}: {exc.message}", line=exc.line,
                                  column=exc.column), status_code=400)
    if isinstance(exc, QueryTimeout):
        return JSONResponse(_body(503, f"{exc}; narrow the query or add a LIMIT"), status_code=503,
                            headers={"Retry-After": "10"})
    if isinstance(exc, UnsupportedFormat):
        return JSONResponse(_body(406, str(exc)), status_code=406)
    if isinstance(exc, ReadOnlyStore):
        return JSONResponse(_body(403, "this endpoint is read-only"), status_code=403)
    if isinstance(exc, StoreUnavailable):
        log.error("store unavailable: %s", exc)
        return JSONResponse(_body(503, "the store is not available; try again later"), status_code=503)
    log.error("store error: %s", exc, exc_info=exc)
    return JSONResponse(_body(500, "the store could not answer this request"), status_code=500)


def install_handlers(app: FastAPI) -> None:
    """Map vnkg's errors (and FastAPI's validation errors) to plain JSON answers."""

    async def on_error(request: Request, exc: Exception) -> JSONResponse:
        return error_response(exc)

    async def on_validation(request: Request, exc: RequestValidationError) -> JSONResponse:
        problems = []
        for error in exc.errors():
            where = ".".join(str(part) for part in error.get("loc", ()) if part not in ("query", "path", "body"))
            problems.append(f"{where}: {error.get('msg', 'invalid')}" if where else str(error.get("msg")))
        return JSONResponse(_body(422, "; ".join(problems) or "invalid request"), status_code=422)

    async def on_unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.error("unexpected error on %s %s", request.method, request.url.path, exc_info=exc)
        return JSONResponse(_body(500, "internal error"), status_code=500)

    for kind in (ApiError, QueryParameterError, UnknownQuery, StoreError):
        app.add_exception_handler(kind, on_error)
    app.add_exception_handler(RequestValidationError, on_validation)  # type: ignore[arg-type]
    app.add_exception_handler(Exception, on_unexpected)
