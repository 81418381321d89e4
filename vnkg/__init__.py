"""vnkg: a linked-data knowledge graph of Vietnam's officials, provinces, emulation blocs,
conferences, posts and awards, built from Vietnamese news articles."""

__version__ = "0.1.0"
