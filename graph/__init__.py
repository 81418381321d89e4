"""The store: one interface over an embedded Oxigraph store and any SPARQL 1.1 server."""
