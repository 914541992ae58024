#!/usr/bin/python3
"""Execute Partita's notebooks headless against the installed kernel, the way a user runs them.

For every notebook (default: the project's own, listed in notebooks/tools/notebooks.txt):
- run it top to bottom on a fresh kernel (Debian's nbclient), twice;
- fail on any error output, except in cells tagged `raises-exception` (the workshop's
  exercise and check cells, which error until the learner fills them in);
- in a solutions notebook, every check cell must answer "correct";
- determinism: both runs must give the same text/plain outputs (timings such as "195 ms"
  masked; %train and %refit cells, whose tables carry fit times, skipped: their numbers reach
  the %compare and %importance cells that follow, which are compared);
- save the executed notebook (at most 1 MB: no output carries plotly.js) and its nbconvert
  HTML export with the kernel's template `partita` (plotly.js inlined once) under --out.
Then headless Chromium (check_html.py) opens every HTML export offline: every chart must have
drawn, no script error, plotly.js at most once per page; a screenshot per notebook is written.

    /usr/bin/python3 notebooks/tools/run_notebooks.py --jupyter-path DIR [--out target/notebooks] [nb.ipynb ...]

--jupyter-path is where the kernelspec `partita` and the nbconvert template `partita` are
installed (kernel/install.sh --prefix DIR puts them in DIR/share/jupyter). Exit status 0 when everything passed, 1 otherwise.
"""
import argparse
import copy
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbconvert import HTMLExporter

HERE = Path(__file__).resolve().parent
NOTEBOOKS = HERE.parent
TIMING = re.compile(r"\d+(\.\d+)?\s?ms\b")
UNSTABLE_CELLS = ("%train", "%%train", "%refit")


def text(value):
    return "".join(value) if isinstance(value, list) else value


def execute(nb, kernel_name):
    run = copy.deepcopy(nb)
    NotebookClient(run, timeout=900, kernel_name=kernel_name, allow_errors=True,
                   resources={"metadata": {"path": str(NOTEBOOKS)}}).execute()
    return run


def problems(name, nb):
    """Error outputs outside raises-exception cells, and unanswered checks in solutions."""
    found = []
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        tags = cell.metadata.get("tags", [])
        for out in cell.outputs:
            if out.output_type == "error" and "raises-exception" not in tags:
                found.append(f"{name} cell {i}: {out.ename}: {text(out.evalue)[:300]} (source: {text(cell.source)[:80]!r})")
        if "solutions" in name and text(cell.source).startswith("Check.that"):
            shown = " ".join(text(o.get("data", {}).get("text/html", "")) + text(o.get("data", {}).get("text/plain", ""))
                             for o in cell.outputs)
            if "correct." not in shown:
                found.append(f"{name} cell {i}: the check did not answer correct ({shown[:200]!r})")
    return found


def plain_outputs(nb):
    """Comparable text of every cell whose output should not change between runs."""
    values = []
    for cell in nb.cells:
        if cell.cell_type != "code" or text(cell.source).lstrip().startswith(UNSTABLE_CELLS):
            continue
        for out in cell.outputs:
            data = out.get("data", {})
            shown = text(data.get("text/plain", "")) or text(out.get("text", ""))
            values.append(TIMING.sub("<t> ms", shown))
    return values


# A saved notebook stays small: charts fetch plotly.js from the Jupyter server, no output carries it.
MAX_NOTEBOOK_BYTES = 1_000_000


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="*", type=Path)
    parser.add_argument("--jupyter-path", required=True, help="directory holding kernels/partita")
    parser.add_argument("--kernel", default="partita")
    parser.add_argument("--out", type=Path, default=Path("target/notebooks"))
    args = parser.parse_args()
    os.environ["JUPYTER_PATH"] = args.jupyter_path
    # the project's own notebooks, listed in notebooks.txt: a user's notebooks saved next to them are not tests
    listed = [line.strip() for line in (Path(__file__).parent / "notebooks.txt").read_text().splitlines()
              if line.strip() and not line.startswith("#")]
    books = args.notebooks or [NOTEBOOKS / name for name in listed]
    args.out.mkdir(parents=True, exist_ok=True)
    failures, exports, chartless = [], [], []
    for path in books:
        name = path.name
        nb = nbformat.read(path, as_version=4)
        start = time.time()
        first = execute(nb, args.kernel)
        second = execute(nb, args.kernel)
        seconds = (time.time() - start) / 2
        found = problems(name, first)
        a, b = plain_outputs(first), plain_outputs(second)
        if a != b:
            diff = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
            found.append(f"{name}: two runs differ at output {diff}: {a[diff][:200]!r} vs {b[diff][:200]!r}"
                         if diff < min(len(a), len(b)) else f"{name}: two runs gave {len(a)} and {len(b)} outputs")
        nbformat.write(first, args.out / name)
        size = (args.out / name).stat().st_size
        if size > MAX_NOTEBOOK_BYTES:
            found.append(f"{name}: the executed notebook weighs {size:,} bytes (at most {MAX_NOTEBOOK_BYTES:,})")
        html, _ = HTMLExporter(template_name="partita").from_notebook_node(first)
        export = args.out / (path.stem + ".html")
        export.write_text(html, encoding="utf-8")
        # the workshop's charts come from the learner's answers: its exercise cells are empty
        has_exercises = any("exercise" in c.metadata.get("tags", []) for c in nb.cells)
        (chartless if has_exercises else exports).append(export)
        print(f"run_notebooks: {name}: {len(first.cells)} cells, {seconds:.1f} s per run, "
              f"{'ok' if not found else str(len(found)) + ' problem(s)'}", flush=True)
        failures += found
    for pages, min_charts in ((exports, 1), (chartless, 0)):
        if not pages:
            continue
        check = subprocess.run([sys.executable, str(HERE / "check_html.py"), "--min-charts", str(min_charts),
                                "--out", str(args.out / "screenshots"), *map(str, pages)])
        if check.returncode != 0:
            failures.append(f"check_html failed (exit {check.returncode}) on the HTML exports")
    for f in failures:
        print("FAIL " + f)
    print(f"run_notebooks: {len(books)} notebooks, {len(failures)} problem(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
