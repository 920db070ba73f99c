#!/usr/bin/env bash
# Issue #5 benchmark: read and check a 5 000-operation programming table with the platform's own
# reader (`guichet ami check`, release build), next to openpyxl reading the same file in
# read-only mode, in the same run. Targets: under 1 s, and at least 3× faster than openpyxl.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -c "import openpyxl" 2>/dev/null || python3 -m pip install -q openpyxl
swift build -c release --product guichet >/dev/null
bin="$(swift build -c release --show-bin-path)/guichet"
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
"$bin" ami check table.xlsx --department 974 >/dev/null 2>&1 || true  # warm-up (creates ./var)
python3 - "$bin" <<'PY'
import statistics, subprocess, sys, time, openpyxl
bin = sys.argv[1]
def run_guichet():
    t = time.perf_counter()
    out = subprocess.run([bin, "ami", "check", "table.xlsx", "--department", "974"], capture_output=True)
    assert out.returncode == 0, out.stderr
    return time.perf_counter() - t
def run_openpyxl():
    t = time.perf_counter()
    wb = openpyxl.load_workbook("table.xlsx", read_only=True)
    rows = sum(1 for _ in wb["Programmation"].iter_rows(values_only=True))
    assert rows == 5001
    return time.perf_counter() - t
g = [run_guichet() for _ in range(5)]
o = [run_openpyxl() for _ in range(5)]
gm, om = statistics.median(g), statistics.median(o)
print(f"guichet ami check (lecture + contrôle, processus complet) : médiane {gm*1000:.0f} ms".replace(".", ","))
print(f"openpyxl read_only (lecture seule)                       : médiane {om*1000:.0f} ms".replace(".", ","))
print(f"rapport openpyxl / guichet : {om/gm:.2f} (cible ≥ 3) ; cible < 1 s : {'ok' if gm < 1 else 'AU-DESSUS'}".replace(".", ","))
PY
