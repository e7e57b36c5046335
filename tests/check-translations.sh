#!/bin/sh
# Every translatable string of the sources is in po/ru.po, translated, with matching format
# directives, and every source file with translatable strings is listed in po/POTFILES.in.
#   check-translations.sh SOURCE_ROOT
set -eu
top=${1:-.}
command -v xgettext >/dev/null 2>&1 || { echo "gettext is not installed"; exit 77; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$top"

missing=0
for f in $(find app ui -name '*.c' -o -name '*.ui' | sort); do
  if grep -q '_("\|N_("\|ngettext (\|C_("\|translatable="yes"' "$f"; then
    if ! grep -qx "$f" po/POTFILES.in; then
      echo "not in po/POTFILES.in: $f"
      missing=1
    fi
  fi
done

xgettext --from-code=UTF-8 --add-comments=Translators --keyword=_ --keyword=N_ \
  --keyword=C_:1c,2 --keyword=NC_:1c,2 --keyword=g_dngettext:2,3 --keyword=ngettext:1,2 \
  --keyword=g_dpgettext2:2c,3 -D . -f po/POTFILES.in -o "$work/sd.pot"
msgmerge -q --no-fuzzy-matching po/ru.po "$work/sd.pot" -o "$work/ru.po"
msgfmt -c -o /dev/null "$work/ru.po"
untranslated=$(msgattrib --untranslated --no-obsolete "$work/ru.po" | grep -c '^msgid ' || true)
fuzzy=$(msgattrib --only-fuzzy --no-obsolete "$work/ru.po" | grep -c '^msgid ' || true)
# msgattrib prints the header entry too when there is anything else to print.
if [ "$untranslated" -gt 0 ]; then
  echo "untranslated in po/ru.po: $((untranslated - 1))"
  msgattrib --untranslated --no-obsolete "$work/ru.po" | grep '^msgid "..*' | head -20
  missing=1
fi
if [ "$fuzzy" -gt 0 ]; then
  echo "fuzzy in po/ru.po: $((fuzzy - 1))"
  missing=1
fi
exit $missing
