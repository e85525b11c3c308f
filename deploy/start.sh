#!/usr/bin/env bash
# Start lipp's production stack on a machine that already runs PostgreSQL (no Docker):
#   1. lipp's database (events and read models) and the Prefect server's own database, created if missing;
#   2. the Prefect server on its database, the `lipp` process work pool, the deployments of prefect.yaml
#      (schedules included) and a worker that runs their flows with lipp's settings;
#   3. the API under uvicorn.
#
#   LIPP_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/lipp deploy/start.sh
#
# Settings: LIPP_DATABASE_URL (required, postgresql://...), LIPP_API_HOST (127.0.0.1), LIPP_API_PORT (8000),
# LIPP_API_WORKERS (2), LIPP_PREFECT_PORT (4200), LIPP_RUN_DIR (./run: pid, log and Prefect home files).
# The Prefect server's database is lipp's name with `_prefect` on the same PostgreSQL server.
# Every process gets its own process group, so deploy/stop.sh stops each with what it started.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
: "${LIPP_DATABASE_URL:?set LIPP_DATABASE_URL to a postgresql:// URL}"
host="${LIPP_API_HOST:-127.0.0.1}"
port="${LIPP_API_PORT:-8000}"
workers="${LIPP_API_WORKERS:-2}"
prefect_port="${LIPP_PREFECT_PORT:-4200}"
run_dir="${LIPP_RUN_DIR:-$here/run}"
lipp="$here/.venv/bin/lipp"
python="$here/.venv/bin/python"
prefect="$here/.venv/bin/prefect"

[ -x "$lipp" ] || make -C "$here" install
mkdir -p "$run_dir"

running() { [ -f "$run_dir/$1.pid" ] && kill -0 "$(cat "$run_dir/$1.pid")" 2>/dev/null; }

wait_for() { # name url seconds
  local tries=$(($3 * 5))
  for _ in $(seq 1 "$tries"); do
    if "$python" -c "import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=1)" "$2" 2>/dev/null; then
      return 0
    fi
    if ! running "$1"; then
      echo "$1 exited while starting; see $run_dir/$1.log" >&2
      return 1
    fi
    sleep 0.2
  done
  echo "$1 did not answer at $2 within $3 s; see $run_dir/$1.log" >&2
  return 1
}

start() { # name command...: in the background, in a process group of its own
  local name="$1"
  shift
  if running "$name"; then
    echo "$name already running (pid $(cat "$run_dir/$name.pid"))"
    return 0
  fi
  setsid nohup "$@" >"$run_dir/$name.log" 2>&1 </dev/null &
  echo $! >"$run_dir/$name.pid"
}

"$python" -m lipp.deploy.database "$LIPP_DATABASE_URL"
prefect_database_url="$("$python" -m lipp.deploy.database "$LIPP_DATABASE_URL" --prefect)"

# Every table (events, read models, the e-mail outbox) is created once here, so API worker processes starting
# together never race to create them. The API starts first and is waited for last, overlapping Prefect's start.
"$lipp" store prepare >/dev/null
start api "$lipp" serve --host "$host" --port "$port" --workers "$workers"

# Prefect's settings for the server, the deployment step, the worker and the flow runs it starts.
export PREFECT_HOME="$run_dir/prefect"
export PREFECT_API_URL="http://127.0.0.1:$prefect_port/api"
export PREFECT_SERVER_ANALYTICS_ENABLED=false
export PREFECT_CLOUD_ENABLE_ORCHESTRATION_TELEMETRY=false
export DO_NOT_TRACK=1
mkdir -p "$PREFECT_HOME"

start prefect-server env "PREFECT_SERVER_DATABASE_CONNECTION_URL=$prefect_database_url" \
  "$prefect" server start --host 127.0.0.1 --port "$prefect_port" --no-ui
wait_for prefect-server "$PREFECT_API_URL/health" 120
echo "Prefect server on $PREFECT_API_URL (database ${prefect_database_url##*/}, log $run_dir/prefect-server.log)"

"$prefect" --no-prompt work-pool create lipp --type process --overwrite >/dev/null
start prefect-worker "$prefect" worker start --pool lipp --type process --name "lipp-$(hostname)"
(cd "$here" && "$python" -m lipp.deploy.flows "$here") >"$run_dir/deploy-flows.log" 2>&1 || {
  cat "$run_dir/deploy-flows.log" >&2
  exit 1
}
grep -E '^(deployed|not deployed):' "$run_dir/deploy-flows.log" || true
running prefect-worker || { echo "the Prefect worker exited; see $run_dir/prefect-worker.log" >&2; exit 1; }
echo "Prefect worker on pool 'lipp' (pid $(cat "$run_dir/prefect-worker.pid"), log $run_dir/prefect-worker.log)"

wait_for api "http://$host:$port/openapi.json" 60
echo "lipp API serving on http://$host:$port (pid $(cat "$run_dir/api.pid"), log $run_dir/api.log)"
