#!/usr/bin/env bash
# Stop what deploy/start.sh started.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
run_dir="${LIPP_RUN_DIR:-$here/run}"
if [ -f "$run_dir/api.pid" ]; then
  pid="$(cat "$run_dir/api.pid")"
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  rm -f "$run_dir/api.pid"
  echo "lipp API stopped"
fi
