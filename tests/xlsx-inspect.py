#!/usr/bin/python3
"""Reads a workbook the way an owner's spreadsheet would and prints what the tests check, as
JSON on stdout:

  xlsx-inspect.py BOOK.xlsx [--recalc] [--poison SHEET_NUMBER:CELL]

{"sheets": [...], "properties": {...},
 "sheet": {NAME: {"freeze": "B5", "autofilter": "A4:K16", "charts": 2, "landscape": true,
                  "paper": 9, "fit_width": 1, "print_rows": "$1:$4"}},
 "cells": {"NAME!B5": {"value": formula or value, "cached": value Excel shows without
                        recalculating, "type": "n|s|f|…", "format": "…"}},
 "recalc": {"NAME!B5": value after LibreOffice recalculated every formula}}

--recalc converts the book with LibreOffice headless in a throw-away profile whose settings
force recalculation on load (LibreOffice 7.4 never recalculates an xlsx by default), then
reads the formula cells' values back. Exit status 77 (skip) when openpyxl or, with --recalc,
soffice is missing.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile

try:
    import openpyxl
except ImportError:
    print("python3-openpyxl is not installed", file=sys.stderr)
    sys.exit(77)

RECALC_XCU = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry"
           xmlns:xs="http://www.w3.org/2001/XMLSchema"
           xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load">
  <prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop>
</item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load">
  <prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop>
</item>
</oor:items>
"""


def plain(value):
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    return str(value)


def recalculate(path):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        print("LibreOffice (soffice) is not installed", file=sys.stderr)
        sys.exit(77)
    work = tempfile.mkdtemp(prefix="sd-recalc-")
    try:
        user = os.path.join(work, "profile", "user")
        os.makedirs(user)
        with open(os.path.join(user, "registrymodifications.xcu"), "w") as f:
            f.write(RECALC_XCU)
        out = os.path.join(work, "out")
        os.makedirs(out)
        env = dict(os.environ)
        env.pop("LD_PRELOAD", None)
        env.pop("ASAN_OPTIONS", None)
        subprocess.run([soffice, "-env:UserInstallation=file://" + os.path.join(work, "profile"),
                        "--headless", "--norestore", "--convert-to", "xlsx", "--outdir", out,
                        path], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       env=env, timeout=180)
        converted = os.path.join(out, os.path.basename(path))
        book = openpyxl.load_workbook(converted, data_only=True)
        return {ws.title: ws for ws in book.worksheets}
    finally:
        shutil.rmtree(work, ignore_errors=True)


def poison(path, sheet_index, coord, work):
    """A copy of the book whose cached result of one formula cell is 999: a recalculation
    that really happens must not give it back."""
    out = os.path.join(work, os.path.basename(path))
    member = "xl/worksheets/sheet%d.xml" % sheet_index
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == member:
                text = data.decode("utf-8")
                text, n = re.subn(r'(<c r="%s"[^>]*><f>[^<]*</f><v>)[^<]*' % coord, r"\g<1>999",
                                  text)
                if n != 1:
                    sys.exit("no formula cell %s in sheet %d" % (coord, sheet_index))
                data = text.encode("utf-8")
            dst.writestr(item, data)
    return out


def main():
    path = sys.argv[1]
    want_recalc = "--recalc" in sys.argv[2:]
    if "--poison" in sys.argv[2:]:
        index, coord = sys.argv[sys.argv.index("--poison") + 1].split(":")
        path = poison(path, int(index), coord, tempfile.mkdtemp(prefix="sd-poison-"))
    book = openpyxl.load_workbook(path)
    cached = openpyxl.load_workbook(path, data_only=True)
    props = book.properties
    result = {
        "sheets": book.sheetnames,
        "properties": {"title": props.title, "subject": props.subject,
                       "creator": props.creator},
        "sheet": {},
        "cells": {},
    }
    for ws in book.worksheets:
        cws = cached[ws.title]
        setup = ws.page_setup
        result["sheet"][ws.title] = {
            "freeze": ws.freeze_panes,
            "autofilter": ws.auto_filter.ref,
            "charts": len(ws._charts),
            "landscape": setup.orientation == "landscape",
            "paper": int(setup.paperSize) if setup.paperSize is not None else None,
            "fit_width": ws.sheet_properties.pageSetUpPr.fitToPage
            if ws.sheet_properties.pageSetUpPr is not None else None,
            "print_rows": ws.print_title_rows,
            "widths": {k: v.width for k, v in ws.column_dimensions.items() if v.width},
        }
        for row in ws.iter_rows():
            for c in row:
                if c.value is None:
                    continue
                result["cells"]["%s!%s" % (ws.title, c.coordinate)] = {
                    "value": plain(c.value),
                    "cached": plain(cws[c.coordinate].value),
                    "type": c.data_type,
                    "format": c.number_format,
                }
    if want_recalc:
        sheets = recalculate(path)
        recalc = {}
        for key, info in result["cells"].items():
            if info["type"] != "f":
                continue
            name, coord = key.rsplit("!", 1)
            recalc[key] = plain(sheets[name][coord].value)
        result["recalc"] = recalc
    json.dump(result, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
