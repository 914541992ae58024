#!/usr/bin/python3
"""Open html files in headless Chromium, offline, and check that their charts drew.

For each file: every Partita chart (div.partita-chart) must have been drawn by plotly.js
(.plot-container .main-svg inside it), the page must raise no script error (uncaught
exception, console.error, error log entry), request nothing outside the file system, and
carry plotly.js at most --max-plotly-copies times. A full-page screenshot is written to
--out for review either way. Exit status: 0 all good, 1 a check failed, 2 bad usage or no
browser.

A page may also be an http://127.0.0.1 or http://localhost address (a notebook on a local
Jupyter server): requests to that server count as local.

Uses only the Python standard library: it speaks the DevTools protocol to Debian's
chromium over --remote-debugging-pipe.

    python3 notebooks/tools/check_html.py --out target/screenshots page1.html page2.html
"""
import argparse
import base64
import fcntl
import json
import os
import select
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

# Closed-network friendly flags: no background fetches, no sandbox (we run as root in CI).
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-extensions", "--disable-default-apps", "--no-default-browser-check",
    "--hide-scrollbars", "--mute-audio", "--remote-debugging-pipe",
]
# The marker PlotlyBundle writes in front of the library: one per copy of plotly.js.
PLOTLY_MARKER = "bundled by Partita: loaded once per page"
LOCAL_SCHEMES = ("file:", "data:", "blob:", "about:")
MAX_SCREENSHOT_HEIGHT = 16000

# A chart is done when plotly drew it, or (scripts off) when its static SVG is in place: inline,
# or as a decoded image of a drawn size.
STATIC = ".partita-static svg, .partita-static img"
CHART_STATE = """(() => {
  const drawn = DRAWN;
  const charts = Array.from(document.querySelectorAll('.partita-chart'));
  const shown = el => el.tagName.toLowerCase() !== 'img' || (el.complete && el.naturalWidth > 100);
  const pending = charts.filter(c => !Array.from(c.querySelectorAll(drawn)).some(shown)).map(c => c.id);
  return {charts: charts.length, pending: pending,
          plotly: typeof window.Plotly === 'object' ? (window.Plotly.version || 'unknown') : null};
})()"""


# Copies of plotly.js in the page as loaded (the marker sits in each inline copy's comment).
COPIES = "Array.from(document.scripts).filter(s => s.textContent.includes(%s)).length" % json.dumps(PLOTLY_MARKER)


class Failure(Exception):
    pass


class Browser:
    """A chromium process driven over the DevTools pipe (fd 3 in, fd 4 out, NUL-framed JSON)."""

    def __init__(self, executable):
        self.profile = tempfile.mkdtemp(prefix="partita-chromium-")
        to_browser_r, self.to_browser = os.pipe()
        self.from_browser, from_browser_w = os.pipe()

        def wire_pipes():
            # Lift both ends above fd 10 first so that placing them on 3 and 4 cannot clobber.
            r = fcntl.fcntl(to_browser_r, fcntl.F_DUPFD, 10)
            w = fcntl.fcntl(from_browser_w, fcntl.F_DUPFD, 10)
            os.dup2(r, 3)
            os.dup2(w, 4)

        self.log = open(os.path.join(self.profile, "chromium.log"), "wb")
        self.process = subprocess.Popen(
            [executable, *CHROMIUM_FLAGS, "--user-data-dir=" + self.profile, "about:blank"],
            stdin=subprocess.DEVNULL, stdout=self.log, stderr=self.log,
            preexec_fn=wire_pipes, close_fds=False)
        os.close(to_browser_r)
        os.close(from_browser_w)
        self.buffer = b""
        self.next_id = 0
        self.events = []
        self.on_event = None

    def send(self, method, params=None, session=None, wait=True, timeout=30):
        self.next_id += 1
        # events handled while waiting may send commands of their own: wait for this id
        my_id = self.next_id
        message = {"id": my_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self.to_browser, json.dumps(message).encode() + b"\0")
        if not wait:
            return None
        deadline = time.monotonic() + timeout
        while True:
            reply = self._read(deadline)
            if reply.get("id") == my_id and "method" not in reply:
                if "error" in reply:
                    raise Failure(f"{method}: {reply['error'].get('message')}")
                return reply.get("result", {})

    def pump(self, seconds):
        """Handle events for a while."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                self._read(deadline)
            except TimeoutError:
                return

    def _read(self, deadline):
        while b"\0" not in self.buffer:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError
            ready, _, _ = select.select([self.from_browser], [], [], left)
            if not ready:
                raise TimeoutError
            chunk = os.read(self.from_browser, 1 << 20)
            if not chunk:
                raise Failure("chromium closed the DevTools pipe (crashed?); see " + self.log.name)
            self.buffer += chunk
        raw, self.buffer = self.buffer.split(b"\0", 1)
        message = json.loads(raw)
        if "method" in message:
            self.events.append(message)
            if self.on_event:
                self.on_event(message)
        return message

    def close(self):
        try:
            self.send("Browser.close", wait=False)
            self.process.wait(timeout=10)
        except (OSError, subprocess.TimeoutExpired):
            self.process.kill()
            self.process.wait()
        for fd in (self.to_browser, self.from_browser):
            os.close(fd)
        self.log.close()
        shutil.rmtree(self.profile, ignore_errors=True)


def is_url(page):
    return str(page).startswith(("http://127.0.0.1:", "http://localhost:"))


def origin(url):
    parts = urllib.parse.urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}/"


def check_page(browser, page, out_dir, args):
    """Returns a list of problems (empty when the page passed) and a one-line summary."""
    problems = []
    external = []
    url = page if is_url(page) else Path(page).resolve().as_uri()
    local = LOCAL_SCHEMES + ((origin(url),) if is_url(page) else ())
    name = Path(urllib.parse.urlsplit(url).path).stem or "page"

    static = args.no_scripts or args.expect_static
    target = browser.send("Target.createTarget", {"url": "about:blank"})["targetId"]
    session = browser.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
    loaded = []

    def on_event(event):
        if event.get("sessionId") != session:
            return
        method, params = event["method"], event.get("params", {})
        if method == "Fetch.requestPaused":
            url = params["request"]["url"]
            if url.startswith(local):
                browser.send("Fetch.continueRequest", {"requestId": params["requestId"]}, session, wait=False)
            else:
                external.append(url)
                browser.send("Fetch.failRequest", {"requestId": params["requestId"], "errorReason": "BlockedByClient"},
                             session, wait=False)
        elif method == "Page.loadEventFired":
            loaded.append(True)
        elif method == "Runtime.exceptionThrown":
            details = params["exceptionDetails"]
            description = details.get("exception", {}).get("description") or details.get("text")
            problems.append(f"script error: {description}")
        elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            values = [a.get("value", a.get("description", "")) for a in params.get("args", [])]
            problems.append("console.error: " + " ".join(str(v) for v in values))
        elif method == "Log.entryAdded" and params["entry"]["level"] == "error":
            entry = params["entry"]
            if any(known in entry.get("text", "") + entry.get("url", "") for known in args.ignore_error):
                return
            if not (entry.get("source") == "network" and any(u in entry.get("text", "") + entry.get("url", "")
                                                               for u in external)):
                problems.append(f"browser log error ({entry.get('source')}): {entry.get('text')} {entry.get('url', '')}")

    browser.on_event = on_event
    try:
        for method in ("Page.enable", "Runtime.enable", "Log.enable"):
            browser.send(method, session=session)
        browser.send("Fetch.enable", {"patterns": [{"urlPattern": "*"}]}, session)
        if args.no_scripts:
            browser.send("Emulation.setScriptExecutionDisabled", {"value": True}, session)
        browser.send("Emulation.setDeviceMetricsOverride",
                     {"width": args.width, "height": 900, "deviceScaleFactor": 1, "mobile": False}, session)
        browser.send("Page.navigate", {"url": url}, session)
        deadline = time.monotonic() + args.timeout
        while not loaded and time.monotonic() < deadline:
            browser.pump(0.2)
        if not loaded:
            problems.append(f"page did not finish loading within {args.timeout}s")
        # Done when every chart has drawn, enough charts exist, and the count held still for one
        # poll (outputs inserted by script arrive after the load event).
        state, previous = {}, -1
        while time.monotonic() < deadline:
            expression = CHART_STATE.replace("DRAWN", json.dumps(
                STATIC if static else ".plot-container .main-svg"))
            state = browser.send("Runtime.evaluate", {"expression": expression, "returnByValue": True},
                                 session)["result"]["value"]
            if not state["pending"] and state["charts"] >= args.min_charts and state["charts"] == previous:
                break
            previous = state["charts"]
            browser.pump(0.25)
        browser.pump(0.5)  # late errors, e.g. from a plotly promise
        if args.expect_static:
            state = browser.send("Runtime.evaluate", {"expression": expression, "returnByValue": True},
                                 session)["result"]["value"]
            if state.get("plotly"):
                problems.append(f"plotly.js {state['plotly']} was loaded, but the page was expected to stay static")
        copies = browser.send("Runtime.evaluate", {"expression": COPIES, "returnByValue": True},
                              session)["result"]["value"]
        if copies > args.max_plotly_copies:
            problems.append(f"plotly.js is embedded {copies} times (at most {args.max_plotly_copies} allowed)")
        charts, pending = state.get("charts", 0), state.get("pending", [])
        if pending:
            problems.append(f"{len(pending)} of {charts} charts not drawn "
                            + ("(no static SVG)" if static else f"by plotly within {args.timeout}s") + ": "
                            + ", ".join(pending[:10]) + (" (window.Plotly undefined)" if not state.get("plotly") else ""))
        if charts < args.min_charts:
            problems.append(f"{charts} charts found, expected at least {args.min_charts}")
        if external and not args.allow_external:
            problems.append(f"{len(external)} requests outside the file system were blocked: "
                            + ", ".join(sorted(set(external))[:5]))
        shot = screenshot(browser, session, out_dir / (name + ("-static" if static else "") + ".png"), args.width)
        summary = (f"{charts - len(pending)}/{charts} charts {'static' if static else 'drawn'}, plotly.js {state.get('plotly')} embedded "
                   f"{copies}x, {len(external)} external requests, screenshot {shot}")
        return problems, summary
    finally:
        browser.on_event = None
        browser.send("Target.closeTarget", {"targetId": target})


def screenshot(browser, session, out, width):
    metrics = browser.send("Page.getLayoutMetrics", session=session)
    size = metrics.get("cssContentSize") or metrics["contentSize"]
    height = min(int(size["height"]) + 1, MAX_SCREENSHOT_HEIGHT)
    png = browser.send("Page.captureScreenshot", {
        "format": "png", "captureBeyondViewport": True,
        "clip": {"x": 0, "y": 0, "width": max(width, int(size["width"])), "height": height, "scale": 1}},
        session, timeout=60)["data"]
    tmp = out.with_suffix(".png.tmp")
    tmp.write_bytes(base64.b64decode(png))
    os.replace(tmp, out)
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="+", help="html files (or http://127.0.0.1:PORT/... pages) to open")
    parser.add_argument("--out", type=Path, default=Path("screenshots"), help="folder for the PNG screenshots")
    parser.add_argument("--timeout", type=float, default=60, help="seconds per page to load and draw")
    parser.add_argument("--min-charts", type=int, default=0, help="fail a page with fewer Partita charts")
    parser.add_argument("--max-plotly-copies", type=int, default=1, help="fail a page embedding plotly.js more often")
    parser.add_argument("--allow-external", action="store_true",
                        help="do not fail on requests outside the file system (they are blocked either way)")
    parser.add_argument("--no-scripts", action="store_true",
                        help="open with JavaScript off and check the static SVG of every chart instead")
    parser.add_argument("--expect-static", action="store_true",
                        help="scripts on, but every chart must keep its static SVG and plotly.js must not load "
                             "(an export without the library)")
    parser.add_argument("--ignore-error", action="append", default=[], metavar="TEXT",
                        help="ignore browser log errors containing TEXT (the front end's own, e.g. a missing "
                             "nbextension of the Jupyter server); repeatable")
    parser.add_argument("--width", type=int, default=1280, help="viewport width in css pixels")
    parser.add_argument("--chromium", default=os.environ.get("CHROMIUM", "/usr/bin/chromium"))
    args = parser.parse_args()

    missing = [str(f) for f in args.files if not is_url(f) and not Path(f).is_file()]
    if missing:
        print("check_html: no such file: " + ", ".join(missing), file=sys.stderr)
        return 2
    if not shutil.which(args.chromium):
        print(f"check_html: no chromium at {args.chromium}; install it with "
              "'apt-get install -y --no-install-recommends chromium' or pass --chromium", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    failed = 0
    browser = Browser(args.chromium)
    try:
        browser.send("Target.setDiscoverTargets", {"discover": False})
        for path in args.files:
            try:
                problems, summary = check_page(browser, path, args.out, args)
            except (Failure, TimeoutError) as e:
                problems, summary = [f"browser: {e or 'timed out'}"], "not checked"
            if problems:
                failed += 1
                print(f"FAIL {path}: {summary}")
                for problem in problems:
                    print(f"  - {problem}")
            else:
                print(f"ok   {path}: {summary}")
    finally:
        browser.close()
    print(f"check_html: {len(args.files) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
