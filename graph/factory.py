"""Open the store the settings describe: a SPARQL server when ``sparql_query_url`` is set, else embedded."""

from __future__ import annotations

from vnkg.settings import Settings

from .base import GraphStore

__all__ = ["open_store"]


def open_store(settings: Settings, *, read_only: bool = False) -> GraphStore:
    """The `GraphStore` for ``settings``.

    With ``VNKG_SPARQL_QUERY_URL`` set, a `RemoteStore` on that server (updates go to
    ``VNKG_SPARQL_UPDATE_URL``, or the query URL when unset); otherwise the embedded store in
    ``VNKG_STORE``, opened read-only when asked (the API) or as the single writer.

    >>> import tempfile, pathlib
    >>> with tempfile.TemporaryDirectory() as d:
    ...     store = open_store(Settings(store=pathlib.Path(d) / "s"))
    ...     print(type(store).__name__, store.article_ids())
    ...     store.close()
    EmbeddedStore []
    """
    if settings.sparql_query_url:
        from .remote import RemoteStore

        return RemoteStore(
            settings.sparql_query_url,
            update_url=settings.sparql_update_url,
            gsp_url=settings.sparql_gsp_url,
            user=settings.sparql_user,
            password=settings.sparql_password.get_secret_value() if settings.sparql_password else None,
            base_iri=settings.base_iri,
            read_only=read_only,
            timeout=settings.query_timeout,
        )
    from .embedded import EmbeddedStore

    return EmbeddedStore(settings.store, base_iri=settings.base_iri, read_only=read_only)
