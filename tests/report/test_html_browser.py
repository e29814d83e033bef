"""The HTML report in a real browser: headless Chromium, from ``file://``.

A harness page (written next to the reports in a temporary directory) shows
the shared fixture's report in two frames, 1280 and 400 CSS pixels wide,
and the ledger report (``html_pages.ledger_report``) in a third.  Frames
give true viewport widths (a headless window is at least 500 pixels wide).
When everything has loaded, a script in the harness measures the pages,
works their filters, and writes what it saw as JSON into the harness; Chromium's
``--dump-dom`` prints it.  Chromium runs with ``--enable-logging=stderr``,
which copies every console message (script errors, blocked loads, content
security policy violations) to stderr, so "no console message from a
report" is checked there.

The frames need ``--allow-file-access-from-files`` (so the harness may read
them); the reports themselves run under their own content security policy.
The tests skip, saying so, only when no Chromium binary is found: set
``FACTCHECK_CHROMIUM`` to its path, or install Debian's ``chromium``
(``.ci/run`` does).
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

import pytest

from factcheck.model import Report

from .conftest import build_report
from .html_pages import ledger_report, render

CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)

PROBE = """
function frame(id) { return document.getElementById(id).contentDocument; }
function shown(doc) {
  return Array.prototype.filter.call(doc.querySelectorAll(".finding"), function (item) {
    return item.getClientRects().length > 0;
  }).map(function (item) { return item.id; });
}
function box(element) {
  var r = element.getBoundingClientRect();
  return {left: r.left, top: r.top, right: r.right, bottom: r.bottom};
}
function passages(doc) {
  var rows = Array.prototype.filter.call(doc.querySelectorAll(".passages"), function (row) {
    return row.querySelectorAll(".passage").length >= 2;
  });
  return Array.prototype.map.call(rows[0].querySelectorAll(".passage"), box);
}
function fire(element, type) {
  element.dispatchEvent(new element.ownerDocument.defaultView.Event(type, {bubbles: true}));
}
function filters(doc) {
  var out = {all: shown(doc)};
  var warning = doc.querySelector("input[name=severity][value=warning]");
  warning.checked = false; fire(warning, "change");
  out.no_warning = shown(doc);
  out.status = doc.getElementById("filter-status").textContent;
  warning.checked = true; fire(warning, "change");
  var rule = doc.getElementById("rule-filter");
  rule.value = "names.misattribution"; fire(rule, "change");
  out.one_rule = shown(doc);
  rule.value = ""; fire(rule, "change");
  var search = doc.getElementById("search");
  search.value = "  CASTELLUM  "; fire(search, "input");
  out.search = shown(doc);
  search.value = "no such words anywhere"; fire(search, "input");
  out.nothing = shown(doc);
  out.stories_shown = doc.querySelectorAll(".story:not([hidden])").length;
  search.value = ""; fire(search, "input");
  out.restored = shown(doc);
  return out;
}
window.addEventListener("load", function () {
  var result = {};
  try {
    var wide = frame("wide"), narrow = frame("narrow"), ledger = frame("ledger");
    result.widths = [wide.defaultView.innerWidth, narrow.defaultView.innerWidth];
    result.form_shown = wide.getElementById("filters").getClientRects().length > 0;
    result.resources = [wide, narrow, ledger].map(function (doc) {
      return doc.defaultView.performance.getEntriesByType("resource").length;
    });
    result.wide_passages = passages(wide);
    result.narrow_passages = passages(narrow);
    result.narrow_scroll = narrow.documentElement.scrollWidth;
    result.filters = filters(wide);
    var chart = ledger.querySelector("svg.chart");
    result.chart = box(chart);
    result.outlier = box(ledger.querySelector("svg.chart .outlier polygon"));
    result.ledger_rule = (function () {
      var rule = ledger.getElementById("rule-filter");
      rule.value = "documents.near_copy"; fire(rule, "change");
      return {ledger_hidden: ledger.getElementById("quantity-1").hidden, shown: shown(ledger)};
    }());
  } catch (error) {
    result.error = String(error && error.stack || error);
  }
  document.getElementById("result").textContent = JSON.stringify(result);
});
"""


def chromium() -> str | None:
    named = os.environ.get("FACTCHECK_CHROMIUM")
    if named:
        return named
    return next((found for name in CANDIDATES if (found := shutil.which(name))), None)


HARNESS = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>harness</title></head><body>
<pre id="result">not run</pre>
<iframe id="wide" src="fixture.html" width="1280" height="900"></iframe>
<iframe id="narrow" src="fixture.html" width="400" height="900"></iframe>
<iframe id="ledger" src="ledger.html" width="1280" height="900"></iframe>
<script>{probe}</script>
</body></html>
"""


@pytest.fixture(scope="module")
def browser_run() -> tuple[dict[str, Any], str]:
    """What the harness measured, and Chromium's console log lines (the reports are the shared fixture's)."""
    binary = chromium()
    if binary is None:
        pytest.skip(f"no Chromium found (tried {', '.join(CANDIDATES)}; set FACTCHECK_CHROMIUM to its path)")
    with tempfile.TemporaryDirectory(prefix="factcheck-html-") as work:
        folder = Path(work)
        (folder / "fixture.html").write_text(render(build_report()), encoding="utf-8")
        (folder / "ledger.html").write_text(render(ledger_report()), encoding="utf-8")
        (folder / "harness.html").write_text(HARNESS.format(probe=PROBE), encoding="utf-8")
        command = [
            binary,
            *FLAGS,
            f"--user-data-dir={folder / 'profile'}",
            "--window-size=1400,1000",
            "--allow-file-access-from-files",
            "--enable-logging=stderr",
            "--v=0",
            "--dump-dom",
            (folder / "harness.html").as_uri(),
        ]
        done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    match = re.search(r'<pre id="result">(.*?)</pre>', done.stdout, re.DOTALL)
    assert match, f"no result from Chromium (exit {done.returncode}): {done.stderr[-2000:]}"
    result = json.loads(html.unescape(match.group(1)))
    assert "error" not in result, result["error"]
    console = "\n".join(line for line in done.stderr.splitlines() if "CONSOLE" in line)
    return result, console


def finding_ids(report: Report) -> list[str]:
    return [f"finding-{n}" for n in range(1, len(report.findings) + 1)]


def test_no_console_message_and_nothing_loaded(browser_run: tuple[dict[str, Any], str]) -> None:
    result, console = browser_run
    assert console == ""
    assert result["resources"] == [0, 0, 0]
    assert result["widths"] == [1280, 400]


def test_shows_every_finding_and_the_filters(browser_run: tuple[dict[str, Any], str], report: Report) -> None:
    result, _console = browser_run
    assert result["form_shown"] is True
    assert result["filters"]["all"] == finding_ids(report)


def test_passages_side_by_side_when_wide_and_stacked_when_narrow(browser_run: tuple[dict[str, Any], str]) -> None:
    result, _console = browser_run
    first, second = result["wide_passages"]
    assert abs(first["top"] - second["top"]) < 1 and second["left"] >= first["right"]
    first, second = result["narrow_passages"]
    assert second["top"] >= first["bottom"] and abs(first["left"] - second["left"]) < 1
    assert first["right"] <= 400 and result["narrow_scroll"] <= 400  # no sideways scrolling


def test_filters_hide_what_they_should(browser_run: tuple[dict[str, Any], str], report: Report) -> None:
    result, _console = browser_run
    filters = result["filters"]
    ids = finding_ids(report)
    severities = [f.severity.label for f in report.findings]
    assert filters["no_warning"] == [i for i, s in zip(ids, severities, strict=True) if s != "warning"]
    assert filters["status"] == f"Showing 1 of {len(ids)} findings."
    rules = [f.rule for f in report.findings]
    assert filters["one_rule"] == [i for i, r in zip(ids, rules, strict=True) if r == "names.misattribution"]
    assert filters["search"] == ["finding-1"]  # "Castellum" is only in the wire's passage
    assert filters["nothing"] == [] and filters["stories_shown"] == 0
    assert filters["restored"] == ids


def test_chart_draws_and_a_filtered_out_ledger_hides(browser_run: tuple[dict[str, Any], str]) -> None:
    result, _console = browser_run
    chart, outlier = result["chart"], result["outlier"]
    assert chart["right"] - chart["left"] > 300 and chart["bottom"] - chart["top"] > 100
    assert chart["left"] <= outlier["left"] < outlier["right"] <= chart["right"]
    assert result["ledger_rule"] == {"ledger_hidden": True, "shown": ["finding-4"]}
