#!/bin/sh
# Let the venv import liblouis's Python module (Debian's python3-louis) and nothing else
# from the system: a folder inside the venv holds one symlink, to the louis package, and
# a .pth file in the venv's site-packages adds that folder to sys.path.
# louis is a pure-Python ctypes wrapper round liblouis.so.20, so it works with any
# Python 3 the venv has (checked: Debian's 3.11.2 module under pyenv's 3.11.7).
# Usage: sh scripts/link-louis.sh VENV
set -eu
venv="$1"
louis="${LOUIS_DIR:-/usr/lib/python3/dist-packages/louis}"
if [ ! -f "$louis/__init__.py" ]; then
  echo "python3-louis is missing: $louis/__init__.py not found (run 'make system-deps')" >&2
  exit 1
fi
folder="$(cd "$venv" && pwd)/system-modules"
mkdir -p "$folder"
ln -sfn "$louis" "$folder/louis"
site="$("$venv/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')"
echo "$folder" > "$site/leafpress-system-modules.pth"
