#!/usr/bin/env bash
# Opens Partita's rendering test pages in headless Chromium, offline, and fails unless every
# chart was drawn by the bundled plotly.js with no script error and one plotly.js copy per
# page. The pages (written by CheckPagesTest during `mvn verify`) cover: outputs in document
# order, a page with an AMD loader, outputs inserted the way JupyterLab and classic Jupyter
# insert them, and a real `nbconvert --to html --template partita` export (the notebook itself
# carries no plotly.js). Then, with scripts off, every chart must show its static SVG, and so
# must the default-template export, which has no plotly.js and must ask no server for it.
# Needs the kernel installed (kernel/install.sh): the template comes with it.
# Screenshots: magics/target/render-check/shots/.
set -euo pipefail
cd "$(dirname "$0")/../.."
dir=magics/target/render-check
if [ ! -f "$dir/charts.ipynb" ]; then
  mvn -B -q -ntp -pl magics -am verify -Dtest=CheckPagesTest -Dsurefire.failIfNoSpecifiedTests=false
fi
if ! /usr/bin/python3 -c 'from nbconvert.exporters import HTMLExporter; HTMLExporter(template_name="partita")' >/dev/null 2>&1; then
  echo "check_render: nbconvert finds no template 'partita': run kernel/install.sh (or set JUPYTER_PATH to its --prefix DIR/share/jupyter)" >&2
  exit 2
fi
/usr/bin/python3 -m nbconvert --to html --template partita --log-level WARN --output charts-nbconvert "$dir/charts.ipynb"
/usr/bin/python3 -m nbconvert --to html --log-level WARN --output charts-nbconvert-default "$dir/charts.ipynb"
python3 notebooks/tools/check_html.py --min-charts 7 --out "$dir/shots" \
  "$dir/charts.html" "$dir/charts-amd.html" "$dir/charts-live.html" "$dir/charts-nbconvert.html"
python3 notebooks/tools/check_html.py --no-scripts --min-charts 7 --out "$dir/shots" "$dir/charts-nbconvert.html"
python3 notebooks/tools/check_html.py --expect-static --min-charts 7 --out "$dir/shots" "$dir/charts-nbconvert-default.html"
