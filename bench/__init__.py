"""vnkg's benchmark: a generator of synthetic facts/1 documents and a runner that times ingest,
named queries, the REST API and the alternative stores (``python -m bench --help``)."""
