#!/usr/bin/env bash
# Stop what deploy/start.sh started: the API, the Prefect worker (with any flow run it is running), then the
# Prefect server. Each was started in a process group of its own; TERM goes to the group, KILL after 15 s.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
run_dir="${LIPP_RUN_DIR:-$here/run}"

stop() { # name
  local pid_file="$run_dir/$1.pid"
  [ -f "$pid_file" ] || return 0
  local pid
  pid="$(cat "$pid_file")"
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 150); do
    kill -0 -- "-$pid" 2>/dev/null || break
    sleep 0.1
  done
  kill -KILL -- "-$pid" 2>/dev/null || true
  rm -f "$pid_file"
  echo "$1 stopped"
}

stop api
stop prefect-worker
stop prefect-server
