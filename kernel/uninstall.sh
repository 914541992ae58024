#!/usr/bin/env bash
# Removes the "Java (Partita)" Jupyter kernel installed by kernel/install.sh.
#
#   kernel/uninstall.sh                 from the current user's Jupyter data dir
#   kernel/uninstall.sh --prefix DIR    from DIR/share/jupyter/kernels/partita
exec "$(dirname "$0")/install.sh" --uninstall "$@"
