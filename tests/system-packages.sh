#!/bin/sh
# System programs that some tests drive for real: headless Chromium (the review page) and LibreOffice
# Calc (CSV and XLSX opened as a spreadsheet user opens them). Installed with apt-get when missing and
# when this runs as root on a Debian-like system; elsewhere those tests say what is missing.
set -u
missing=""
command -v chromium >/dev/null 2>&1 || missing="$missing chromium"
command -v soffice >/dev/null 2>&1 || missing="$missing libreoffice-calc-nogui"
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing:$missing" >&2
  apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
else
  echo "not installed:$missing (the tests that drive them fail in CI and are skipped elsewhere)" >&2
fi
exit 0
