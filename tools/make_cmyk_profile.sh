#!/bin/sh
# Remake templates/print/fold/cmyk/fogra39-faq-publisher.icc, the print shop copies' PDF/X-4
# output intent, from the FOGRA39L characterization data (Zlib licence; see LICENSE.txt there).
# Needs Debian's argyll and icc-profiles-free packages. Low quality tables (-ql) keep the
# profile at 150 KB; its average error against the measurements is 0.5 dE.
set -eu
out="$(dirname "$0")/../templates/print/fold/cmyk"
work="$(mktemp -d)"
cp /usr/share/color/icc/FOGRA39L.ti3 "$work/"
cd "$work"
colprof -v -ql -kr -l300 -L95 -A "faq-publisher" -M "FOGRA39L characterization data" \
  -D "Coated FOGRA39 (faq-publisher, from FOGRA39L data)" \
  -C "Zlib licence: profile made with ArgyllCMS colprof from FOGRA39L.ti3 (icc-profiles-free, Kai-Uwe Behrmann, Zlib)" \
  -O fogra39-faq-publisher.icc FOGRA39L
cp fogra39-faq-publisher.icc "$out/"
rm -r "$work"
