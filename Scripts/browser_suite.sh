#!/usr/bin/env bash
# The browser suite (issue #11): starts `guichet serve --demo` on a free port with a throw-away
# data directory and the development mailbox, walks every journey in headless Chromium with
# selenium and axe-core (Tests/Browser/walk.py), and stops the server.
# usage: Scripts/browser_suite.sh GUICHET_BINARY OUTDIR [DATABASE_URL]
# OUTDIR receives report.md (every page with its axe result) and the screenshots of failures.
set -euo pipefail
bin="$(realpath "$1")"; out="$(realpath -m "$2")"; db="${3:-}"
mkdir -p "$out"
work=$(mktemp -d /tmp/guichet-browser.XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
env_db=()
if [ -n "$db" ]; then env_db=(DATABASE_URL="$db"); fi
# Uploads are scanned when the caller names a clamd (CI does: GUICHET_TEST_CLAMD).
if [ -n "${GUICHET_TEST_CLAMD:-}" ]; then env_db+=(GUICHET_CLAMD="$GUICHET_TEST_CLAMD"); fi
(cd "$work" && exec env GUICHET_DATA_DIR="$work/var" GUICHET_DEV_MAILBOX=true "${env_db[@]}" \
  "$bin" serve --demo --port "$port" >"$out/serve.log" 2>&1) &
serve_pid=$!
trap 'kill "$serve_pid" 2>/dev/null || true; wait "$serve_pid" 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 100); do
  if curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1; then break; fi
  sleep 0.2
done
curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null || { cat "$out/serve.log"; exit 1; }
python3 "$(dirname "$0")/../Tests/Browser/walk.py" "http://127.0.0.1:$port" "$out/serve.log" "$out"
