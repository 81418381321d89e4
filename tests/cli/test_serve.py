"""`vnkg serve --workers N`: several server processes answer over one store, each read-only."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
from typer.testing import CliRunner

from vnkg.cli import app

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / "samples" / "corpus" / "seeds"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_two_worker_processes_serve_the_store(tmp_path: Path) -> None:
    store = tmp_path / "store"
    loaded = CliRunner().invoke(app, ["load", str(SEEDS), "--store", str(store), "--quiet"])
    assert loaded.exit_code == 0, loaded.output
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("VNKG_")}
    server = subprocess.Popen([sys.executable, "-m", "vnkg", "serve", "--store", str(store), "--port", str(port),
                               "--workers", "2"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline, answered = time.monotonic() + 60, None
        while time.monotonic() < deadline and answered is None:
            try:
                answered = httpx.get(f"http://127.0.0.1:{port}/officials", params={"q": "Nguyễn"}, timeout=5)
            except httpx.TransportError:
                assert server.poll() is None, server.stderr.read().decode() if server.stderr else ""
                time.sleep(0.2)
        assert answered is not None and answered.status_code == 200
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=10) as client:
            statuses = {client.get("/officials", params={"q": "Nguyễn"}).status_code for _ in range(20)}
        assert statuses == {200}
    finally:
        server.terminate()
        _, errors = server.communicate(timeout=30)
    assert b"Started parent process" in errors and errors.count(b"Started server process") == 2


def test_a_server_that_accepts_updates_runs_one_worker(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["serve", "--store", str(tmp_path / "s"), "--workers", "2"],
                                env={"VNKG_UPDATE_TOKEN": "secret"})
    assert result.exit_code == 2
    assert "--workers 1" in result.output
