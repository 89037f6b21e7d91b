#!/bin/sh
# Check for (and, as root on Debian, install) the system packages leafpress needs:
# Pango for WeasyPrint, libharfbuzz-subset0 for fast font subsetting, poppler-utils
# for the accessibility checks in the tests, chromium for the studio's browser tests.
set -eu
missing=""
have_lib() { ldconfig -p 2>/dev/null | grep -q "$1"; }
have_lib 'libpango-1.0.so.0' || missing="$missing libpango-1.0-0"
have_lib 'libpangoft2-1.0.so.0' || missing="$missing libpangoft2-1.0-0"
have_lib 'libharfbuzz-subset.so.0' || missing="$missing libharfbuzz-subset0"
command -v pdfinfo >/dev/null 2>&1 || missing="$missing poppler-utils"
# Debian's Chromium drives the studio's browser tests (never `playwright install`).
[ -x /usr/bin/chromium ] || missing="$missing chromium"
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing system packages:$missing"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
else
  echo "leafpress needs these Debian packages:$missing" >&2
  echo "Install them with: sudo apt-get install$missing" >&2
  exit 1
fi
