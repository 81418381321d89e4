"""The graph tests use the shared store fixtures (tests/fixtures/stores.py): every test that takes
``store`` runs on the embedded store and on a real Oxigraph server."""
