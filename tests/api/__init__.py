"""Tests of the HTTP API, the named queries and `vnkg serve` / `vnkg query`."""
