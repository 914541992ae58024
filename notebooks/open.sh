#!/usr/bin/env bash
# Opens a notebook of this folder in Jupyter Notebook (after kernel/install.sh):
#   notebooks/open.sh 01-getting-started.ipynb
# Installs Jupyter Notebook first if it is missing and apt-get is there (Debian's
# jupyter-notebook; as root, or with sudo), saying so; elsewhere: python3 -m pip install notebook.
# Starts without a browser when there is no display (open the printed http://127.0.0.1 link),
# and with --allow-root when run as root.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
book="${1:-01-getting-started.ipynb}"
if [ -f "$here/$book" ]; then
  book="$here/$book"
elif [ -f "$book" ]; then
  book="$(cd "$(dirname "$book")" && pwd)/$(basename "$book")"
else
  echo "open.sh: no notebook '$book' in $here" >&2
  exit 2
fi

if ! jupyter notebook --version >/dev/null 2>&1; then
  if command -v apt-get >/dev/null 2>&1; then
    echo "open.sh: Jupyter Notebook is missing."
    "$here/../kernel/apt-install.sh" open.sh jupyter-notebook
  else
    echo "open.sh: Jupyter Notebook is missing: install it with 'python3 -m pip install notebook', then run this again." >&2
    exit 1
  fi
fi

flags=(--ip=127.0.0.1 "--notebook-dir=$here")
[ "$(id -u)" -eq 0 ] && flags+=(--allow-root)
if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ "$(uname -s)" != Darwin ]; then
  flags+=(--no-browser)
  echo "open.sh: no display: open the http://127.0.0.1:... link Jupyter prints below in a browser."
fi
exec jupyter notebook "${flags[@]}" "$book"
