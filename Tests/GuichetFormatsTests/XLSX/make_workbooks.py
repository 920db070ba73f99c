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

# A programming table as a landlord would fill it (issue #5 contract), with problems.
headers = ["Référence opération", "Nom de l'opération", "Code INSEE commune", "Type d'opération", "Produit",
           "Nombre de logements", "T1", "T2", "T3", "T4", "T5 et plus", "Surface habitable (m²)", "Prix de revient TTC (€)",
           "Prêt sollicité (€)", "Date d'agrément", "Date de déclaration d'informations", "Date d'accord de prêt",
           "Date d'ordre de service", "Date d'autorisation de démolition", "Opération Action Cœur de Ville", "RTAA-DOM visée",
           "Brasseurs d'air", "Eau chaude renouvelable", "Éclairage LED parties communes", "Étiquette DPE", "Démarche bas-carbone",
           "Loyer moyen (€/m²)", "Observations", "Colonne en plus"]
t = openpyxl.Workbook()
p = t.active
p.title = "Programmation"
# Columns reordered: the reader goes by header.
order = headers[:]
order[0], order[1] = order[1], order[0]
p.append(order)
def row(values):
    return [values.get(h) for h in order]
p.append(row({"Référence opération": "OP-01", "Nom de l'opération": "Résidence Les Flamboyants", "Code INSEE commune": "97411",
              "Type d'opération": "Construction neuve", "Produit": "LLS", "Nombre de logements": 40, "T1": 5, "T2": 10, "T3": 15, "T4": 8, "T5 et plus": 2,
              "Prix de revient TTC (€)": 6500000, "Prêt sollicité (€)": "1 200 000,50", "Date d'agrément": datetime.date(2024, 3, 1),
              "Opération Action Cœur de Ville": "non", "RTAA-DOM visée": "OUI", "Étiquette DPE": "Sans objet"}))
p.append([])
p.append(row({"Référence opération": "OP-02", "Nom de l'opération": "Réhabilitation Bois-de-Nèfles", "Code INSEE commune": "97411",
              "Type d'opération": "Réhabilitation", "Produit": "LLS", "Nombre de logements": "douze",
              "Prix de revient TTC (€)": 900000, "Prêt sollicité (€)": 1000000, "Date d'ordre de service": "31/12/2027"}))
p.append(row({"Référence opération": "OP-03", "Nom de l'opération": "Démolition îlot", "Code INSEE commune": "97105",
              "Type d'opération": "Démolition", "Nombre de logements": 20, "Prix de revient TTC (€)": 300000, "Prêt sollicité (€)": 100000,
              "Date d'autorisation de démolition": "2028-06-30", "Opération Action Cœur de Ville": "peut-être"}))
p.append(row({"Référence opération": "OP-04", "Nom de l'opération": "Acquisition centre", "Code INSEE commune": "97411",
              "Type d'opération": "Acquisition", "Produit": "LI", "Nombre de logements": 8, "Prix de revient TTC (€)": 1500000,
              "Prêt sollicité (€)": 300000, "Date de déclaration d'informations": "2025-01-10", "Opération Action Cœur de Ville": "Oui"}))
t.create_sheet("Données pour formulaire")["A1"] = "Nombre d'opérations"
t["Données pour formulaire"]["B1"] = 3
t.create_sheet("Listes")
t.save(f"{out}/programmation.xlsx")
