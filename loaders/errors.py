"""Errors raised while reading and loading article facts; each says what is wrong and where."""

from __future__ import annotations


class LoadError(Exception):
    """An article that cannot be loaded; nothing of it is stored."""

    kind = "error"

    def __init__(self, source: str, message: str) -> None:
        super().__init__(f"{source}: {message}")
        self.source = source
        self.message = message

    def __reduce__(self) -> tuple[type[LoadError], tuple[str, str]]:
        """Picklable with both arguments (errors travel back from the loader's worker processes)."""
        return (self.__class__, (self.source, self.message))


class FactsSyntaxError(LoadError):
    """The file is not JSON (with line and column)."""

    kind = "syntax"


class FactsSchemaError(LoadError):
    """The document does not follow facts/1 (with the JSON pointer of the offending value)."""

    kind = "schema"


class DanglingReferenceError(LoadError):
    """An id used in the document (person, bloc, event) is not defined in it."""

    kind = "reference"


class UnknownProvinceError(LoadError):
    """A province name that the gazetteer does not know."""

    kind = "province"


class ShapeViolationError(LoadError):
    """The article's graph does not conform to the SHACL shapes."""

    kind = "shacl"
