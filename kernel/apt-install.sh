#!/usr/bin/env bash
# Installs the given Debian packages with apt-get (as root, or through sudo), saying what it
# installs: kernel/apt-install.sh WHO PACKAGE...  (WHO prefixes the messages). Used by
# kernel/test-deps.sh and notebooks/open.sh.
set -euo pipefail
who="$1"
shift
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "$who: installing $* needs root: run it as root." >&2; exit 1; }
  sudo="sudo"
fi
echo "$who: installing Debian packages $*"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$@" >/dev/null
echo "$who: installed $*"
