#!/usr/bin/env bash
# Issue #5 benchmark: read and check a 5 000-operation programming table with the platform's own
# reader, next to openpyxl reading the same file in read-only mode, in the same run, measured
# two ways: in process (the file read and checked as an upload is; openpyxl already imported),
# and as whole processes (`guichet ami check` against `python3 -c "import openpyxl; …"`).
# Targets: at least 3× faster than openpyxl, and under 1 s.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -c "import openpyxl" 2>/dev/null || python3 -m pip install -q openpyxl
swift build -c release --product guichet >/dev/null
swift build -c release --product guichet-bench >/dev/null
bin="$(swift build -c release --show-bin-path)"
work=$(mktemp -d /tmp/guichet-ami-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
python3 - "$work/table.xlsx" <<'PY'
import datetime, sys, openpyxl
h = ["Référence opération", "Nom de l'opération", "Code INSEE commune", "Type d'opération", "Produit", "Nombre de logements",
     "T1", "T2", "T3", "T4", "T5 et plus", "Surface habitable (m²)", "Prix de revient TTC (€)", "Prêt sollicité (€)",
     "Date d'agrément", "Opération Action Cœur de Ville", "RTAA-DOM visée", "Étiquette DPE", "Observations"]
wb = openpyxl.Workbook(); ws = wb.active; ws.title = "Programmation"; ws.append(h)
for i in range(5000):
    ws.append([f"OP-{i:05d}", f"Opération {i}", "97411", "Construction neuve", "LLS", 20, 2, 4, 8, 4, 2, 1350.5,
               2500000 + i, 600000, datetime.date(2024, 1 + i % 12, 1 + i % 28), "Non", "Oui", "Sans objet", "RAS"])
wb.save(sys.argv[1])
PY
cd "$work"
echo "== En processus (données de référence et openpyxl déjà chargés) =="
swift_out=$("$bin/guichet-bench" --ami table.xlsx)
echo "$swift_out" | grep -v '^AMI_MEDIAN_MS='
swift_ms=$(echo "$swift_out" | sed -n 's/^AMI_MEDIAN_MS=//p')
python3 - "$bin/guichet" "$swift_ms" <<'PY'
import statistics, subprocess, sys, time, openpyxl
bin, swift_ms = sys.argv[1], float(sys.argv[2])
def fr(x): return f"{x:.0f}".replace(".", ",")
def openpyxl_in_process():
    t = time.perf_counter()
    wb = openpyxl.load_workbook("table.xlsx", read_only=True)
    rows = sum(1 for _ in wb["Programmation"].iter_rows(values_only=True))
    assert rows == 5001
    return time.perf_counter() - t
o = statistics.median([openpyxl_in_process() for _ in range(7)]) * 1000
print(f"openpyxl read_only (lecture seule)          médiane {fr(o)} ms")
print(f"rapport openpyxl / Guichet en processus : {o / swift_ms:.1f} (cible ≥ 3) ; Guichet < 1 s : {'ok' if swift_ms < 1000 else 'AU-DESSUS'}".replace(".", ","))
print("== Processus complets (démarrage compris) ==")
def run(cmd):
    t = time.perf_counter()
    out = subprocess.run(cmd, capture_output=True)
    assert out.returncode == 0, out.stderr
    return time.perf_counter() - t
run([bin, "ami", "check", "table.xlsx", "--department", "974"])  # warm-up
g = statistics.median([run([bin, "ami", "check", "table.xlsx", "--department", "974"]) for _ in range(7)]) * 1000
script = "import openpyxl\nwb = openpyxl.load_workbook('table.xlsx', read_only=True)\nprint(sum(1 for _ in wb['Programmation'].iter_rows(values_only=True)))"
p = statistics.median([run([sys.executable, "-c", script]) for _ in range(7)]) * 1000
print(f"guichet ami check (lecture + contrôle + JSON) médiane {fr(g)} ms")
print(f"python3 + openpyxl read_only (lecture seule)  médiane {fr(p)} ms")
print(f"rapport : {p / g:.1f} (cible ≥ 3) ; guichet < 1 s : {'ok' if g < 1000 else 'AU-DESSUS'}".replace(".", ","))
PY
