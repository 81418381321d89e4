#!/usr/bin/env bash
# Everything the tests need, installed and started by the project's own files, then the tests.
#   scripts/test.sh [pytest args]
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-env.sh test
# Headless Chromium for the browser tests (Debian's package; nothing downloaded by Playwright).
if ! command -v chromium >/dev/null 2>&1; then
  if command -v apt-get >/dev/null 2>&1; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
      || echo "warning: could not install chromium; browser tests will fail" >&2
  fi
fi
.venv/bin/ruff check .
.venv/bin/python -m pytest "$@"
