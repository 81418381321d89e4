"""The store's exception hierarchy: every backend raises these, never its own library's errors."""

from __future__ import annotations

import re

__all__ = [
    "QuerySyntaxError",
    "QueryTimeout",
    "ReadOnlyStore",
    "StoreError",
    "StoreLocked",
    "StoreUnavailable",
    "UnsupportedFormat",
]

_POSITION = re.compile(r"(?:error at |line[: ]\s*)(\d+)[:,]\s*(?:column[: ]\s*)?(\d+)", re.IGNORECASE)


class StoreError(Exception):
    """Anything that went wrong in the store; the message is meant for people."""


class QuerySyntaxError(StoreError):
    """A SPARQL query or update that does not parse.

    ``line`` and ``column`` (1-based) are set when the backend reports where the error is.

    >>> e = QuerySyntaxError.from_message("error at 1:25: expected one of LATERAL")
    >>> (e.line, e.column)
    (1, 25)
    """

    def __init__(self, message: str, line: int | None = None, column: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column

    @classmethod
    def from_message(cls, message: str) -> QuerySyntaxError:
        """Build the error from a backend's message, picking up ``line:column`` where it gives one."""
        match = _POSITION.search(message)
        if match:
            return cls(message, int(match.group(1)), int(match.group(2)))
        return cls(message)


class QueryTimeout(StoreError):  # noqa: N818 (names from the design)
    """A query ran longer than it was allowed to."""


class StoreLocked(StoreError):  # noqa: N818 (names from the design)
    """Another process (or another handle in this one) is writing to the same store directory."""


class ReadOnlyStore(StoreError):  # noqa: N818 (names from the design)
    """A write was attempted through a store opened read-only."""


class StoreUnavailable(StoreError):  # noqa: N818 (names from the design)
    """The SPARQL server could not be reached or answered with a server error."""


class UnsupportedFormat(StoreError):  # noqa: N818 (names from the design)
    """A media type or export format the store cannot produce for this kind of result."""
