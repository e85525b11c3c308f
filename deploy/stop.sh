#!/usr/bin/env bash
# Stop what deploy/start.sh started: the API, the Prefect worker (with any flow run it is running), then the
# Prefect server. Each was started in a process group of its own. TERM goes to the group; after
# LIPP_STOP_GRACE_SECONDS (10) a second TERM (the worker takes it as "stop now"), and KILL 5 s later.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
run_dir="${LIPP_RUN_DIR:-$here/run}"
grace="${LIPP_STOP_GRACE_SECONDS:-10}"

gone_within() { # pid seconds
  for _ in $(seq 1 $(($2 * 10))); do
    kill -0 -- "-$1" 2>/dev/null || return 0
    sleep 0.1
  done
  return 1
}

stop() { # name
  local pid_file="$run_dir/$1.pid"
  [ -f "$pid_file" ] || return 0
  local pid
  pid="$(cat "$pid_file")"
  kill -TERM -- "-$pid" 2>/dev/null || true
  if ! gone_within "$pid" "$grace"; then
    kill -TERM -- "-$pid" 2>/dev/null || true
    gone_within "$pid" 5 || kill -KILL -- "-$pid" 2>/dev/null || true
  fi
  rm -f "$pid_file"
  echo "$1 stopped"
}

stop api
stop prefect-worker
stop prefect-server
