#!/bin/sh
# Check for (and, as root on Debian, install) the system packages leafpress needs:
# Pango for WeasyPrint, libharfbuzz-subset0 for fast font subsetting, poppler-utils
# for the accessibility checks in the tests; the Noto fonts for the writing systems
# leafpress prints besides the Latin script (docs/input-rules.md); for the checks of the
# web page and EPUB, Chromium (axe-core and Ace by DAISY run in it), Java (EPUBCheck) and
# npm (Ace); liblouis (tables and its Python module) for braille, espeak-ng and lame for
# audio.
set -eu
missing=""
have_lib() { ldconfig -p 2>/dev/null | grep -q "$1"; }
have_lib 'libpango-1.0.so.0' || missing="$missing libpango-1.0-0"
have_lib 'libpangoft2-1.0.so.0' || missing="$missing libpangoft2-1.0-0"
have_lib 'libharfbuzz-subset.so.0' || missing="$missing libharfbuzz-subset0"
command -v pdfinfo >/dev/null 2>&1 || missing="$missing poppler-utils"
command -v chromium >/dev/null 2>&1 || missing="$missing chromium"
command -v java >/dev/null 2>&1 || missing="$missing default-jre-headless"
command -v npm >/dev/null 2>&1 || missing="$missing npm"
have_font() { fc-list "$1" 2>/dev/null | grep -q .; }
have_font 'Noto Sans' && have_font 'Noto Sans Ethiopic' || missing="$missing fonts-noto-core"
have_font 'Noto Sans CJK SC' || missing="$missing fonts-noto-cjk"
[ -f /usr/share/liblouis/tables/en-ueb-g2.ctb ] || missing="$missing liblouis-data"
[ -f /usr/lib/python3/dist-packages/louis/__init__.py ] || missing="$missing python3-louis"
command -v espeak-ng >/dev/null 2>&1 || missing="$missing espeak-ng"
command -v lame >/dev/null 2>&1 || missing="$missing lame"
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing system packages:$missing"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
else
  echo "leafpress needs these Debian packages:$missing" >&2
  echo "Install them with: sudo apt-get install$missing" >&2
  exit 1
fi
