#!/usr/bin/env python3
"""Writes the workbooks the XLSX reader tests read (files written by another program)."""
import datetime
import sys

import openpyxl
from openpyxl.utils.datetime import CALENDAR_MAC_1904

out = sys.argv[1]

wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Programmation"
ws.append(["Référence opération", "Nombre de logements", "Prix de revient TTC (€)", "Date d'agrément", "Oui/Non", "Texte date"])
ws.append(["OP-01", 40, 4200000.5, datetime.date(2024, 3, 15), True, "15/03/2024"])
ws.append([])
ws.append(["OP-02", "12", "1 234 567,89", datetime.date(1900, 2, 28), False, "2024-03-15"])
ws["H10"] = "éloigné & <spécial>"
ws.merge_cells("A20:C20")
ws["A20"] = "fusion"
second = wb.create_sheet("Listes")
second["A1"] = "LLS"
wb.save(f"{out}/openpyxl.xlsx")

mac = openpyxl.Workbook()
mac.epoch = CALENDAR_MAC_1904
mac.active.title = "Feuille"
mac.active["A1"] = datetime.date(2024, 9, 30)
mac.save(f"{out}/mac1904.xlsx")
