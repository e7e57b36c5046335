#!/usr/bin/python3
# test-payroll-recalc.py — the payroll workbook's formulas, recalculated by LibreOffice, equal
# the app's numbers (payroll.csv), to the kopeck, also when exported under ru_RU.UTF-8.
#
# The workbook caches the app's own results in its formula cells, so a recalculation that did
# not happen would look right: the cached values are zeroed first, then LibreOffice (with a
# throw-away profile whose OOXMLRecalcMode is 0, "always recalculate") converts the file and
# openpyxl reads what it computed.
#
# Exit 77 (skipped) when soffice or openpyxl is missing.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import csv
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile

SKIP = 77


def kopecks(text):
    sign = -1 if text.startswith('-') else 1
    whole, _, frac = text.lstrip('-').partition('.')
    return sign * (int(whole) * 100 + int((frac + '00')[:2]))


def cell_kopecks(value):
    assert isinstance(value, (int, float)), 'not a number: %r' % (value,)
    return int(round(value * 100))


PROFILE_XCU = '''<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry"
           xmlns:xs="http://www.w3.org/2001/XMLSchema"
           xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
'''


def zero_cached_results(src, dst):
    """A copy of the workbook with every formula's cached value set to 0."""
    n = 0
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, 'w', zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename.startswith('xl/worksheets/') and item.filename.endswith('.xml'):
                text = data.decode('utf-8')
                text, k = re.subn(r'(<f>[^<]*</f>)<v>[^<]*</v>', r'\1<v>0</v>', text)
                n += k
                data = text.encode('utf-8')
            zout.writestr(item, data)
    return n


def run(cmd, env):
    p = subprocess.run(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if p.returncode != 0:
        sys.stderr.write('%s failed (%d): %s\n' % (' '.join(cmd), p.returncode, p.stderr))
        sys.exit(1)
    return p


def main():
    cli = os.environ.get('SD_CLI') or (sys.argv[1] if len(sys.argv) > 1 else None)
    soffice = shutil.which('soffice')
    try:
        import openpyxl
    except ImportError:
        print('# skip: no openpyxl')
        return SKIP
    if soffice is None:
        print('# skip: soffice is not installed')
        return SKIP
    if cli is None or not os.access(cli, os.X_OK):
        sys.stderr.write('salesdesk-cli not found (set SD_CLI)\n')
        return 1

    tmp = tempfile.mkdtemp(prefix='sd-payroll-recalc-')
    try:
        env = dict(os.environ)
        env['SALESDESK_TODAY'] = '2026-11-22'
        company = os.path.join(tmp, 'demo.salesdesk')
        run([cli, 'demo', company, '--managers', '12', '--years', '1', '--seed', '7'], env)

        cases = []
        for loc in ('C.UTF-8', 'ru_RU.UTF-8'):
            for month in ('2026-10', '2026-06'):
                tag = '%s-%s' % (loc.split('.')[0], month)
                lenv = dict(env, LANG=loc, LC_ALL=loc, LANGUAGE='')
                out_csv = os.path.join(tmp, tag + '.csv')
                out_xlsx = os.path.join(tmp, tag + '.xlsx')
                run([cli, 'payroll', company, '--month', month, '--output', out_csv], lenv)
                run([cli, 'payroll', company, '--month', month, '--output', out_xlsx], lenv)
                zeroed = os.path.join(tmp, 'zeroed-' + tag + '.xlsx')
                n = zero_cached_results(out_xlsx, zeroed)
                assert n > 0, 'no formulas in ' + out_xlsx
                cases.append((tag, out_csv, out_xlsx, zeroed))

        profile = os.path.join(tmp, 'profile')
        os.makedirs(os.path.join(profile, 'user'))
        with open(os.path.join(profile, 'user', 'registrymodifications.xcu'), 'w') as f:
            f.write(PROFILE_XCU)
        outdir = os.path.join(tmp, 'recalc')
        os.makedirs(outdir)
        start = time.monotonic()
        run([soffice, '-env:UserInstallation=file://' + profile, '--headless', '--norestore',
             '--convert-to', 'xlsx', '--outdir', outdir] + [c[3] for c in cases], env)
        print('# LibreOffice recalculated %d workbooks in %.1f s' % (len(cases),
                                                                    time.monotonic() - start))

        n_ok = 0
        for i, (tag, out_csv, out_xlsx, zeroed) in enumerate(cases, 1):
            with open(out_csv, encoding='utf-8') as f:
                rows = list(csv.reader(f))
            header, body = rows[0], rows[1:]
            assert header == ['manager', 'worked_days', 'working_days', 'salary', 'commission',
                              'kpi', 'overplan', 'cap_adjustment', 'total'], header
            assert body[-1][0] == 'TOTAL'
            slips, total = body[:-1], body[-1]

            book = openpyxl.load_workbook(os.path.join(outdir, os.path.basename(zeroed)),
                                          data_only=True)
            summary = book.worksheets[0]
            for r, slip in enumerate(slips, 2):
                assert summary.cell(r, 1).value == slip[0], (tag, r, summary.cell(r, 1).value)
                assert summary.cell(r, 3).value == int(slip[1])
                assert summary.cell(r, 4).value == int(slip[2])
                for c in range(6):
                    got = cell_kopecks(summary.cell(r, 5 + c).value)
                    assert got == kopecks(slip[3 + c]), (tag, slip[0], header[3 + c], got, slip[3 + c])
            r = len(slips) + 2
            assert summary.cell(r, 1).value == 'TOTAL'
            for c in range(6):
                got = cell_kopecks(summary.cell(r, 5 + c).value)
                assert got == kopecks(total[3 + c]), (tag, 'TOTAL', header[3 + c], got, total[3 + c])
            # One sheet per manager: the total line is a SUM formula.
            assert len(book.worksheets) == len(slips) + 1
            for k, slip in enumerate(slips):
                sheet = book.worksheets[k + 1]
                got = cell_kopecks(sheet['B8'].value)
                assert got == kopecks(slip[8]), (tag, slip[0], 'sheet total', got, slip[8])
            print('ok %d - %s: %d managers, total %s, formulas recalculated by LibreOffice equal payroll.csv'
                  % (i, tag, len(slips), total[8]))
            n_ok += 1
        print('1..%d' % n_ok)
        return 0
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == '__main__':
    sys.exit(main())
