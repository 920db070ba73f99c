#!/usr/bin/env python3
"""Checks the AMI programming template written by Guichet with openpyxl, fills it as a landlord
would, and (when asked) round-trips it through LibreOffice.

usage: template_roundtrip.py TEMPLATE.xlsx OUTDIR [--libreoffice]
Writes OUTDIR/filled.xlsx (openpyxl) and, with --libreoffice, OUTDIR/lo/filled.xlsx (saved by
LibreOffice Calc, formulas recalculated) and OUTDIR/csv/template.csv. Exit 1 with a message on
the first failed check."""
import datetime
import os
import subprocess
import sys
import tempfile

import openpyxl

template, out = sys.argv[1], sys.argv[2]
use_lo = "--libreoffice" in sys.argv


def check(cond, message):
    if not cond:
        print("ÉCHEC: " + message, file=sys.stderr)
        sys.exit(1)


wb = openpyxl.load_workbook(template)
check(wb.sheetnames == ["Programmation", "Données pour formulaire", "Listes"], f"sheets {wb.sheetnames}")
p = wb["Programmation"]
headers = [c.value for c in p[1]]
check(headers[0] == "Référence opération" and "Observations" in headers, f"headers {headers}")
check(p["A1"].font.b, "header is bold")
check(p["A1"].fill.fgColor.rgb == "FF1F3A68", f"header fill {p['A1'].fill.fgColor.rgb}")
check(p.freeze_panes == "A2", f"frozen header row, got {p.freeze_panes}")
col = {h: openpyxl.utils.get_column_letter(i + 1) for i, h in enumerate(headers)}
check(p.column_dimensions[col["Nom de l'opération"]].width == 36, "column widths")
validations = {str(v.sqref): v for v in p.data_validations.dataValidation}
kind_col = col["Type d'opération"]
kind_range = f"{kind_col}2:{kind_col}20001"
check(kind_range in validations, f"list validation on {kind_range}: {list(validations)}")
check(validations[kind_range].type == "list" and validations[kind_range].formula1 == "Listes!$A$2:$A$8", "validation source")
lists = wb["Listes"]
check([lists.cell(row=r, column=1).value for r in range(2, 9)][0] == "Construction neuve", "list values")
s = wb["Données pour formulaire"]
formulas = {s.cell(row=r, column=1).value: s.cell(row=r, column=2).value for r in range(1, s.max_row + 1)}
check(str(formulas["Nombre de logements"]).startswith("=SUM(Programmation!"), f"formula {formulas['Nombre de logements']}")
check(s.cell(row=5, column=2).number_format in ("#,##0", "# ##0"), "integer format")

rows = [
    {"Référence opération": "OP-01", "Nom de l'opération": "Résidence Les Flamboyants", "Code INSEE commune": "97411",
     "Type d'opération": "Construction neuve", "Produit": "LLS", "Nombre de logements": 40,
     "Prix de revient TTC (€)": 6500000, "Prêt sollicité (€)": 1200000.5, "Date d'agrément": datetime.date(2024, 3, 1)},
    {"Référence opération": "OP-02", "Nom de l'opération": "Réhabilitation Bois-de-Nèfles", "Code INSEE commune": "97415",
     "Type d'opération": "Réhabilitation", "Produit": "LLS", "Nombre de logements": 12,
     "Prix de revient TTC (€)": 900000, "Prêt sollicité (€)": 300000, "Date d'ordre de service": datetime.date(2026, 6, 30)},
    {"Référence opération": "OP-03", "Nom de l'opération": "Démolition îlot", "Code INSEE commune": "97411",
     "Type d'opération": "Démolition", "Nombre de logements": 20, "Prix de revient TTC (€)": 300000,
     "Prêt sollicité (€)": 100000, "Date d'autorisation de démolition": datetime.date(2027, 1, 15)},
]
for r, values in enumerate(rows, start=2):
    for h, v in values.items():
        p[f"{col[h]}{r}"] = v
        if isinstance(v, datetime.date):
            p[f"{col[h]}{r}"].number_format = "DD/MM/YYYY"
os.makedirs(out, exist_ok=True)
filled = os.path.join(out, "filled.xlsx")
wb.save(filled)

if use_lo:
    profile = tempfile.mkdtemp(prefix="lo-profile-")
    base = ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--norestore"]
    for args, outdir in [(["--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76", template], "csv"), (["--convert-to", "xlsx:Calc MS Excel 2007 XML", filled], "lo")]:
        target = os.path.join(out, outdir)
        done = subprocess.run(base + args[:2] + ["--outdir", target, args[2]], capture_output=True, text=True, timeout=180)
        check(done.returncode == 0, f"LibreOffice {args[1]}: {done.returncode} {done.stderr}")
        name = os.path.splitext(os.path.basename(args[2]))[0] + (".csv" if outdir == "csv" else ".xlsx")
        check(os.path.exists(os.path.join(target, name)), f"LibreOffice wrote no {name}: {done.stdout} {done.stderr}")
    with open(os.path.join(out, "csv", "template.csv"), encoding="utf-8", errors="replace") as f:
        first = f.readline()
    check(first.startswith("Référence opération,"), f"LibreOffice CSV header: {first!r}")
print("ok")
