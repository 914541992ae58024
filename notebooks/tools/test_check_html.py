"""Shows that check_html.py fails pages it must fail (run: python3 -m unittest discover notebooks/tools).

Needs Debian's chromium. Each bad page breaks one rule; all are checked in one browser run.
"""
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

CHECKER = Path(__file__).with_name("check_html.py")
MARKER = "<script>/* bundled by Partita: loaded once per page */</script>"

PAGES = {
    "undrawn": '<div class="partita-chart" id="c1"><div class="partita-static"><svg></svg></div></div>',
    "script_error": "<script>throw new Error('boom')</script>",
    "console_error": "<script>console.error('bad', 42)</script>",
    "external": '<img src="http://127.0.0.1:9/x.png">',
    "two_copies": MARKER + MARKER,
    "no_charts": "<p>nothing</p>",
    "good": "<p>fine</p>",
}
# pages for --expect-static: a chart kept static passes, a page that loaded plotly fails
STATIC_PAGES = {
    "kept_static": PAGES["undrawn"],
    "loaded_plotly": PAGES["undrawn"] + "<script>window.Plotly = {version: '9.9.9'}</script>",
}


def page(body):
    return f"<!DOCTYPE html><html><head><meta charset='utf-8'></head><body>{body}</body></html>"


class CheckHtmlTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        root = Path(cls.tmp.name)
        files = []
        for name, body in PAGES.items():
            f = root / f"{name}.html"
            f.write_text(page(body), encoding="utf-8")
            files.append(str(f))
        cls.run_all = cls.check(files, "--timeout", "4")
        cls.run_static = cls.check([str(root / "undrawn.html"), str(root / "no_charts.html")],
                                   "--no-scripts", "--min-charts", "1", "--timeout", "4")
        for name, body in STATIC_PAGES.items():
            (root / f"{name}.html").write_text(page(body), encoding="utf-8")
        cls.run_expect_static = cls.check([str(root / f"{name}.html") for name in STATIC_PAGES],
                                          "--expect-static", "--min-charts", "1", "--timeout", "4")

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    @classmethod
    def check(cls, files, *options):
        out = Path(cls.tmp.name) / "shots"
        return subprocess.run([sys.executable, str(CHECKER), "--out", str(out), *options, *files],
                              capture_output=True, text=True, timeout=180)

    def report(self, run, name):
        """The verdict line of one page plus its problem lines."""
        lines = run.stdout.splitlines()
        for i, line in enumerate(lines):
            if f"/{name}.html:" in line:
                block = [line]
                for more in lines[i + 1:]:
                    if not more.startswith("  - "):
                        break
                    block.append(more)
                return "\n".join(block)
        self.fail(f"no report for {name} in:\n{run.stdout}\n{run.stderr}")

    def test_exit_status_and_summary(self):
        self.assertEqual(1, self.run_all.returncode, self.run_all.stdout + self.run_all.stderr)
        self.assertIn("check_html: 2 passed, 5 failed", self.run_all.stdout)
        self.assertTrue((Path(self.tmp.name) / "shots" / "good.png").stat().st_size > 0)

    def test_each_rule_fails_its_page(self):
        expectations = {
            "undrawn": "1 of 1 charts not drawn by plotly",
            "script_error": "script error: Error: boom",
            "console_error": "console.error: bad 42",
            "external": "requests outside the file system were blocked: http://127.0.0.1:9/x.png",
            "two_copies": "plotly.js is embedded 2 times",
        }
        for name, problem in expectations.items():
            with self.subTest(page=name):
                report = self.report(self.run_all, name)
                self.assertTrue(report.startswith("FAIL"), report)
                self.assertIn(problem, report)
        for name in ("good", "no_charts"):
            self.assertTrue(self.report(self.run_all, name).startswith("ok"))

    def test_scripts_off_checks_static_renditions(self):
        self.assertIn("1/1 charts static", self.report(self.run_static, "undrawn"))
        self.assertIn("0 charts found, expected at least 1", self.report(self.run_static, "no_charts"))

    def test_expect_static_fails_a_page_that_loaded_plotly(self):
        self.assertTrue(self.report(self.run_expect_static, "kept_static").startswith("ok"))
        report = self.report(self.run_expect_static, "loaded_plotly")
        self.assertTrue(report.startswith("FAIL"), report)
        self.assertIn("plotly.js 9.9.9 was loaded, but the page was expected to stay static", report)


if __name__ == "__main__":
    unittest.main()
