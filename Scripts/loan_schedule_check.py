#!/usr/bin/env python3
"""Checks RENO-F8 (the loan schedule) against an independent computation.

For a grid of amounts, durations, deferrals and rates, runs `guichet simulate` (the real
contract path) and compares its schedule with one computed here: the instalment from
numpy-financial's `pmt`, each interest amount from exact decimal arithmetic, half-up rounding
to the cent, the last instalment absorbing the difference (RULES.md RENO-F8).

Usage: Scripts/loan_schedule_check.py PATH/TO/guichet   (run from a directory where the
binary may create ./var). Exit status 0 when every case matches, 1 otherwise.
"""
import json
import subprocess
import sys
from decimal import Decimal, ROUND_HALF_UP

import numpy_financial as npf

# Reference date -> rate in force (max(Livret A on 31 December of the year before, 1 %)).
RATES = {"2020-06-15": Decimal("0.0100"), "2023-06-15": Decimal("0.0200"),
         "2024-06-15": Decimal("0.0300"), "2026-06-15": Decimal("0.0170")}
AMOUNTS = [100_000, 1_234_567, 3_000_000]          # cents
TERMS = [(1, 0), (12, 0), (60, 6), (120, 12), (240, 0), (240, 36)]


def half_up(x: Decimal) -> int:
    return int(x.quantize(Decimal("1"), rounding=ROUND_HALF_UP))


def expected_schedule(amount: int, months: int, deferral: int, rate: Decimal):
    r = rate / 12
    n = months - deferral
    if rate == 0:
        instalment = half_up(Decimal(amount) / n)
    else:
        instalment = half_up(Decimal(repr(float(npf.pmt(float(r), n, -amount)))))
    lines, remaining = [], amount
    for month in range(1, months + 1):
        interest = half_up(Decimal(remaining) * r)
        if month <= deferral:
            lines.append((month, interest, interest, 0, remaining))
            continue
        principal = instalment - interest
        if month == months or principal > remaining:
            principal = remaining
        remaining -= principal
        lines.append((month, principal + interest, interest, principal, remaining))
    return instalment, lines


def run(binary: str, date: str, amount: int, months: int, deferral: int):
    request = {"reference_date": date, "applicant": {"kind": "owner_occupier"},
               "plan": {"companies": [{"siret": "73282932000074", "rge": True, "main_works": 1_000_000}],
                        "loan_only_works": 10_000_000,
                        "loan": {"amount": amount, "months": months, "deferral_months": deferral}}}
    out = subprocess.run([binary, "simulate"], input=json.dumps(request).encode(), capture_output=True, check=True)
    loan = json.loads(out.stdout)["financing"]["loan"]
    assert loan is not None, f"no loan for {request}"
    return loan


def main() -> int:
    binary = sys.argv[1]
    failures = cases = 0
    for date, rate in RATES.items():
        for amount in AMOUNTS:
            for months, deferral in TERMS:
                cases += 1
                loan = run(binary, date, amount, months, deferral)
                instalment, lines = expected_schedule(amount, months, deferral, rate)
                got = [(l["month"], l["instalment"], l["interest"], l["principal"], l["remaining"]) for l in loan["schedule"]]
                problems = []
                if Decimal(loan["annual_rate"]) != rate:
                    problems.append(f"rate {loan['annual_rate']} != {rate}")
                if loan["monthly_instalment"] != instalment:
                    problems.append(f"instalment {loan['monthly_instalment']} != {instalment}")
                if got != lines:
                    first = next(i for i, (a, b) in enumerate(zip(got, lines)) if a != b) if len(got) == len(lines) else "length"
                    problems.append(f"schedule differs (first at {first})")
                if sum(l[3] for l in got) != amount:
                    problems.append("principal does not add up to the loan")
                if problems:
                    failures += 1
                    print(f"FAIL {date} {amount} {months}/{deferral}: " + "; ".join(problems))
    print(f"loan schedule vs numpy-financial: {cases - failures} passed, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
