"""The vnkg OWL ontology, its SHACL shapes and SPARQL quality checks, as package data."""
