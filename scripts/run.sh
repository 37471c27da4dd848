#!/usr/bin/env bash
# The main job on the bundled examples: set up, ingest examples/articles into an embedded store, print the events.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
DB="${DB:-newsledger.duckdb}"
.venv/bin/newsledger ingest examples/articles --db "$DB"
.venv/bin/newsledger events --db "$DB"
