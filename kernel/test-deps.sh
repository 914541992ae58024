#!/usr/bin/env bash
# Installs what `mvn verify` needs beyond Java 17, Maven and npm, if it is missing, and says what
# it installs: a real Jupyter client to run the notebooks against the kernel (Debian's
# jupyter-nbconvert, python3-nbclient, jupyter-client, python3-ipykernel), Jupyter Notebook (a real
# server whose pages the charts are checked in), headless chromium to check what readers see, and
# libjs-requirejs / libjs-mathjax (the local copies Debian's
# nbconvert templates link instead of a CDN). Debian/Ubuntu only (apt-get; as root, or with sudo).
# Elsewhere it prints the equivalent steps: python3 -m pip install nbconvert nbclient jupyter_client
# ipykernel "notebook<7", and a Chromium at /usr/bin/chromium (or CHROMIUM=/path/to/chrome).
set -euo pipefail
packages=(jupyter-nbconvert python3-nbclient jupyter-client python3-ipykernel jupyter-notebook chromium libjs-requirejs libjs-mathjax)

if ! command -v apt-get >/dev/null 2>&1 || ! command -v dpkg-query >/dev/null 2>&1; then
  if python3 -c 'import nbconvert, nbclient, jupyter_client, ipykernel, notebook' >/dev/null 2>&1 \
      && { [ -x "${CHROMIUM:-/usr/bin/chromium}" ] || command -v chromium >/dev/null 2>&1; }; then
    echo "test-deps: Jupyter's nbconvert/nbclient and chromium are present."
    exit 0
  fi
  echo "test-deps: no apt-get here. Install: python3 -m pip install nbconvert nbclient jupyter_client ipykernel 'notebook<7'," \
       "and Chromium (set CHROMIUM=/path/to/chromium if it is not /usr/bin/chromium)." >&2
  exit 1
fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "test-deps: all present (${packages[*]})"
  exit 0
fi
"$(dirname "$0")/apt-install.sh" test-deps "${missing[@]}"
