"""Loaders: article text -> article facts (facts/1) -> RDF, validated by SHACL before storing."""
