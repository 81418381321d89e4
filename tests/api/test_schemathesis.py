"""schemathesis against the OpenAPI document: generated requests to every JSON operation never get a
5xx and every answer matches its documented status codes and schema (embedded store and Oxigraph)."""

from __future__ import annotations

import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance, status_code_conformance
from vnkg.api.app import create_app
from vnkg.graph.base import GraphStore

from .conftest import api_settings

JSON_API = r"^/(sparql|queries|officials|blocs|provinces|conferences|awards|path)"


def test_api_never_fails(store: GraphStore) -> None:
    app = create_app(api_settings(), store)
    with TestClient(app):  # runs the lifespan; the store stays open (the fixture owns it)
        schema = schemathesis.openapi.from_asgi("/openapi.json", app).include(path_regex=JSON_API)
        operations = [result.ok() for result in schema.get_all_operations()]
        assert len(operations) > 20
        for operation in operations:

            @given(case=operation.as_strategy())
            @settings(max_examples=15, deadline=None, database=None, suppress_health_check=list(HealthCheck))
            def check(case: schemathesis.Case) -> None:
                response = case.call()
                case.validate_response(response, checks=[not_a_server_error, status_code_conformance,
                                                         response_schema_conformance])

            check()
