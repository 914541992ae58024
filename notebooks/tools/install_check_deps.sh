#!/usr/bin/env bash
# Installs the Debian packages the html checks need, if missing: chromium (headless browser),
# jupyter-nbconvert (html export), libjs-requirejs and libjs-mathjax (the local scripts that
# Debian's nbconvert templates link instead of a CDN). Needs root (CI runs as root).
set -euo pipefail
packages=(chromium jupyter-nbconvert python3-nbclient libjs-requirejs libjs-mathjax)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install_check_deps: all present (${packages[*]})"
  exit 0
fi
echo "install_check_deps: installing ${missing[*]}"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
