#!/usr/bin/env bash
# Schemathesis against the served OpenAPI document (issue #9): every check, at least 300
# examples per operation, without a token, then with an AMO's and a landlord's bearer token
# (created through the web forms of the demonstration accounts, as a person would). Fails on
# any 5xx, any answer that breaks the document, or a server that stopped.
#   Scripts/schemathesis_check.sh BIN [DATABASE_URL]
set -euo pipefail
bin=$1
database_url=${2:-}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d /tmp/guichet-schemathesis.XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
base="http://127.0.0.1:$port"
(cd "$work" && exec env GUICHET_DATA_DIR="$work/var" ${database_url:+DATABASE_URL="$database_url"} \
  "$bin" serve --demo --port "$port" >"$work/serve.log" 2>&1) &
pid=$!
stop() { kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$work"; }
trap stop EXIT
for _ in $(seq 1 100); do curl -fsS "$base/healthz" >/dev/null 2>&1 && break; sleep 0.2; done
curl -fsS "$base/healthz" >/dev/null || { cat "$work/serve.log"; echo "server did not start"; exit 1; }
password() { grep -m1 "^  .* $1@demo.guichet.invalid " "$work/serve.log" | awk '{print $NF}'; }
amo=$(python3 "$here/api_token.py" "$base" amo@demo.guichet.invalid "$(password amo)")
landlord=$(python3 "$here/api_token.py" "$base" bailleur@demo.guichet.invalid "$(password bailleur)")
status=0
for who in anonyme amo bailleur; do
  case $who in
    anonyme) auth=() ;;
    amo) auth=(-H "Authorization: Bearer $amo") ;;
    bailleur) auth=(-H "Authorization: Bearer $landlord") ;;
  esac
  echo "-- schemathesis ($who)"
  # Run from the temporary folder: schemathesis keeps its cache where it runs.
  if ! (cd "$work" && PYTHONPATH="$here" SCHEMATHESIS_HOOKS=schemathesis_hooks schemathesis --config-file "$here/schemathesis.toml" run \
        "$base/api/v1/openapi.json" --checks all --max-examples 300 --seed 20261201 --no-color "${auth[@]}" >"$work/$who.log" 2>&1); then
    status=1
  fi
  # The failures in full (each with a curl command to reproduce it), then the summary.
  sed -n '/= FAILURES =/,/= SUMMARY =/p' "$work/$who.log" | head -n 200
  tail -n 25 "$work/$who.log"
  kill -0 "$pid" 2>/dev/null || { echo "the server stopped"; cat "$work/serve.log" | tail -n 30; exit 1; }
done
curl -fsS "$base/healthz" >/dev/null || { echo "the server no longer answers"; exit 1; }
exit $status
