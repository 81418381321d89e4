#!/usr/bin/env bash
# The main job on the embedded store: install, read the bundled sample articles into the graph, serve it.
#   scripts/run.sh [--port 8000]
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-env.sh
export VNKG_STORE="${VNKG_STORE:-$PWD/var/store}"
.venv/bin/vnkg ingest samples/corpus
.venv/bin/vnkg stats
exec .venv/bin/vnkg serve --host 127.0.0.1 "$@"
