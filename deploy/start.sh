#!/usr/bin/env bash
# Start lipp's production stack on a machine that already runs PostgreSQL (no Docker):
# the database is created if missing, then the API is served by uvicorn in the background.
#
#   LIPP_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/lipp deploy/start.sh
#
# Settings: LIPP_DATABASE_URL (required, postgresql://...), LIPP_API_HOST (127.0.0.1), LIPP_API_PORT (8000),
# LIPP_API_WORKERS (2), LIPP_RUN_DIR (./run: pid and log files).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
: "${LIPP_DATABASE_URL:?set LIPP_DATABASE_URL to a postgresql:// URL}"
host="${LIPP_API_HOST:-127.0.0.1}"
port="${LIPP_API_PORT:-8000}"
workers="${LIPP_API_WORKERS:-2}"
run_dir="${LIPP_RUN_DIR:-$here/run}"
lipp="$here/.venv/bin/lipp"
python="$here/.venv/bin/python"

[ -x "$lipp" ] || make -C "$here" install
mkdir -p "$run_dir"
"$python" -m lipp.deploy_database "$LIPP_DATABASE_URL"

if [ -f "$run_dir/api.pid" ] && kill -0 "$(cat "$run_dir/api.pid")" 2>/dev/null; then
  echo "lipp API already running (pid $(cat "$run_dir/api.pid"))"
  exit 0
fi
nohup "$lipp" serve --host "$host" --port "$port" --workers "$workers" >"$run_dir/api.log" 2>&1 &
echo $! >"$run_dir/api.pid"

for _ in $(seq 1 100); do
  if "$python" -c "import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=1)" \
      "http://$host:$port/openapi.json" 2>/dev/null; then
    echo "lipp API serving on http://$host:$port (pid $(cat "$run_dir/api.pid"), log $run_dir/api.log)"
    exit 0
  fi
  sleep 0.2
done
echo "lipp API did not start; see $run_dir/api.log" >&2
exit 1
