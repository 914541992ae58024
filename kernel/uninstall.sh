#!/usr/bin/env bash
# Removes the "Java (Partita)" Jupyter kernel installed by kernel/install.sh.
#
#   kernel/uninstall.sh                 from the current user's Jupyter data dir
#   kernel/uninstall.sh --prefix DIR    from DIR/share/jupyter/kernels/partita
set -euo pipefail

mode=user
prefix=""
while [ $# -gt 0 ]; do
  case "$1" in
    --user) mode=user ;;
    --prefix) [ $# -ge 2 ] || { echo "uninstall.sh: --prefix needs a directory" >&2; exit 2; }
              mode=prefix; prefix="$2"; shift ;;
    --prefix=*) mode=prefix; prefix="${1#--prefix=}" ;;
    -h|--help) sed -n '2,5p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "uninstall.sh: unknown option '$1'" >&2; exit 2 ;;
  esac
  shift
done

if [ "$mode" = prefix ]; then
  dest="$prefix/share/jupyter/kernels/partita"
else
  data_dir="${JUPYTER_DATA_DIR:-}"
  if [ -z "$data_dir" ] && command -v jupyter >/dev/null 2>&1; then data_dir="$(jupyter --data-dir 2>/dev/null || true)"; fi
  if [ -z "$data_dir" ]; then
    case "$(uname -s)" in
      Darwin) data_dir="$HOME/Library/Jupyter" ;;
      *) data_dir="${XDG_DATA_HOME:-$HOME/.local/share}/jupyter" ;;
    esac
  fi
  dest="$data_dir/kernels/partita"
fi

if [ -f "$dest/kernel.json" ]; then
  rm -rf "$dest"
  echo "Removed the Jupyter kernel 'partita' from $dest"
else
  echo "No Jupyter kernel 'partita' in $dest; nothing to remove."
fi
