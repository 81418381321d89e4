"""The HTTP API: SPARQL 1.1 Protocol endpoint, relationship queries, linked data, pages."""
