#!/usr/bin/python3
"""The same floor as bench-report's bare writer, in Python XlsxWriter (Debian's
python3-xlsxwriter): as many numbers, strings and formulas with cached results.

  bare-xlsx.py N_NUMBERS N_STRINGS N_FORMULAS [OUT.xlsx]
"""
import sys

import xlsxwriter

n_numbers, n_strings, n_formulas = (int(x) for x in sys.argv[1:4])
out = sys.argv[4] if len(sys.argv) > 4 else "/tmp/bare-python.xlsx"
total = n_numbers + n_strings + n_formulas
per_sheet = total // 6 + 1
book = xlsxwriter.Workbook(out)
money = book.add_format({"num_format": "#,##0\\ [$₽-419]"})
sheet = None
for i in range(total):
    if i % per_sheet == 0:
        sheet = book.add_worksheet("S%d" % (i // per_sheet + 1))
    row, col = divmod(i % per_sheet, 12)
    if i < n_numbers:
        sheet.write_number(row, col, 1234567.89 + i, money)
    elif i < n_numbers + n_strings:
        sheet.write_string(row, col, "Иванов Пётр Сергеевич")
    else:
        sheet.write_formula(row, col, "=SUM(A1:A12)", money, 42.0)
book.close()
