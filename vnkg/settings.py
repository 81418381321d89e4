"""Typed settings (environment prefix ``VNKG_``), read when asked for, never at import time."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from pydantic import SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_BASE_IRI = "https://w3id.org/vnkg/id/"


def default_store_dir() -> Path:
    """Per-user data directory: $XDG_DATA_HOME/vnkg/store or ~/.local/share/vnkg/store."""
    root = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(root) / "vnkg" / "store"


class Settings(BaseSettings):
    """Everything vnkg can be configured with."""

    model_config = SettingsConfigDict(env_prefix="VNKG_", extra="ignore")

    store: Path = default_store_dir()
    """Directory of the embedded store."""
    base_iri: str = DEFAULT_BASE_IRI
    """Namespace data IRIs are minted in; must end with '/'."""
    sparql_query_url: str | None = None
    """An external SPARQL 1.1 server's query endpoint; when set, it is used instead of the embedded store."""
    sparql_update_url: str | None = None
    sparql_gsp_url: str | None = None
    """Graph Store Protocol endpoint, used for bulk writes where the server has one."""
    sparql_user: str | None = None
    sparql_password: SecretStr | None = None
    overrides: Path | None = None
    """Entity-resolution overrides (TOML); defaults to <store>/overrides.toml where it exists."""
    query_timeout: float = 10.0
    """Seconds a query may run in the API."""
    max_rows: int = 10_000
    """Rows a SPARQL query may return through the API."""
    response_cache_mb: int = 64
    """Megabytes of GET responses the API keeps per process while its store cannot change (a
    read-only store: see `vnkg.api.cache`); 0 turns the cache off."""
    memory_graphs_mb: int = 2048
    """Megabytes each API process may give a copy of the facts and reference graphs held in memory
    while its store cannot change (a read-only store: see `vnkg.api.memory_graphs`); the named
    queries that read only those graphs run there. 0 turns it off; graphs that do not fit are
    read from disk."""
    update_token: SecretStr | None = None
    """Bearer token that allows SPARQL updates through the API; updates are refused without one."""
    public_base_url: str | None = None
    """Where the API is served, when IRIs should dereference there rather than at base_iri."""

    @property
    def uses_external_server(self) -> bool:
        return self.sparql_query_url is not None


@lru_cache
def get_settings() -> Settings:
    return Settings()
