#!/usr/bin/env bash
# Server benchmarks, release build, figures printed (issues #2 and #4):
#  1. time from process start to /healthz answering, SQLite default (first start with
#     migrations, then warm starts), target < 1 s;
#  2. resident memory when idle, target < 150 MB;
#  3. HTTP load with wrk (2 connections per core) on POST /api/v1/renovation/simulations next
#     to the trivial route /livez of the same server; target: at least half its throughput.
# Usage: Scripts/bench_server.sh [seconds-per-load-run]   (installs wrk from Debian if absent)
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-10}
swift build -c release --product guichet >/dev/null
bin="$(swift build -c release --show-bin-path)/guichet"
work=$(mktemp -d /tmp/guichet-bench.XXXXXX)
port=18090
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

elapsed=0
# Starts the server and waits for /healthz; sets $pid and $elapsed (ms). Not to be called in $(…).
start_and_wait() {
  local t0 t1
  t0=$(date +%s%N)
  (cd "$work" && exec "$bin" serve --port "$port" >"$work/serve.log" 2>&1) &
  pid=$!
  until curl -fsS -o /dev/null "http://127.0.0.1:$port/healthz" 2>/dev/null; do
    kill -0 "$pid" 2>/dev/null || { cat "$work/serve.log"; exit 1; }
    sleep 0.005
  done
  t1=$(date +%s%N)
  elapsed=$(( (t1 - t0) / 1000000 ))
}
stop() { kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; pid=""; }

echo "== Démarrage jusqu'à /healthz (SQLite, build release)"
start_and_wait; stop
echo "premier démarrage (création et migration de la base) : ${elapsed} ms"
warm=()
for _ in 1 2 3 4 5; do start_and_wait; warm+=("$elapsed"); stop; done
sorted=$(printf '%s\n' "${warm[@]}" | sort -n | tr '\n' ' ')
median=$(printf '%s\n' "${warm[@]}" | sort -n | sed -n 3p)
echo "démarrages suivants : ${sorted}ms — médiane ${median} ms (cible < 1000 ms)"

echo "== Mémoire résidente au repos"
start_and_wait
sleep 3
rss_kb=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
echo "RSS au repos après démarrage : $(( rss_kb / 1024 )) Mo (cible < 150 Mo)"

echo "== Charge HTTP (wrk, $(nproc) cœurs, $(( 2 * $(nproc) )) connexions, ${duration} s par route)"
command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
cat >"$work/post.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = [[{"reference_date":"2024-06-15","applicant":{"kind":"owner_occupier","ownership":"full","joint_owners":1,"employment":"private_sector","household_size":3,"reference_tax_income":2500000},"dwelling":{"insee_code":"01053","postal_code":"01000","principal_residence":true},"works":{"insulation":true},"plan":{"amo_fee":120000,"companies":[{"siret":"73282932000074","name":"Isol'Est","rge":true,"main_works":1500000,"induced_works":100000}],"loan_only_works":3000000,"monthly_income":250000,"monthly_charges":50000,"loan":{"amount":3000000,"months":240,"deferral_months":12}}}]]
LUA
conns=$(( 2 * $(nproc) ))
curl -fsS -o /dev/null -X POST -H 'Content-Type: application/json' --data "$(sed -n 's/^wrk.body = \[\[\(.*\)\]\]$/\1/p' "$work/post.lua")" "http://127.0.0.1:$port/api/v1/renovation/simulations"
run() { wrk -t "$(nproc)" -c "$conns" -d "${duration}s" --latency "$@" | grep -E "Requests/sec|50%|90%|99%|Non-2xx" ; }
echo "-- GET /livez (route triviale)"
trivial=$(run "http://127.0.0.1:$port/livez"); echo "$trivial"
echo "-- POST /api/v1/renovation/simulations (éligibilité + plan + échéancier de 240 mois)"
sim=$(run -s "$work/post.lua" "http://127.0.0.1:$port/api/v1/renovation/simulations"); echo "$sim"
t=$(echo "$trivial" | awk '/Requests\/sec/ {print $2}'); s=$(echo "$sim" | awk '/Requests\/sec/ {print $2}')
python3 -c "t=float('$t'); s=float('$s'); print(f'rapport simulation / triviale : {s/t:.2f} (cible ≥ 0,50)'.replace('.', ','))"
stop
