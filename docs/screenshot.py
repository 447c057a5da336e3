"""Remake the README's pictures: docs/report.png, the HTML report on the example article, and
docs/chart.png, the corpus chart (``attrib summarize --format html``) on invented figures.

Usage: python docs/screenshot.py [OUT.png] [--width PIXELS] [--chart]

Renders the page and photographs the whole of it in headless Chromium through Playwright (the
``[test]`` extra), using Debian's ``/usr/bin/chromium``; ``playwright install`` is never needed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import attrib
from attrib.outputs.html import render_chart, render_html
from attrib.results import Summary

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT.parent / "shared" / "examples" / "peace-plan.txt"  # read in place
CHROMIUM = Path("/usr/bin/chromium")
TITLE = "Trump approves 28-point peace plan"
DATE = "2026-11-25"  # fixed, so the picture only changes when the report does


# Invented outlets and figures (named, unnamed, outlet statements; articles), for the chart.
OUTLETS = [
    ("Coastline Weekly", 12, (70, 12, 4)),
    ("Daily Meridian", 31, (96, 71, 9)),
    ("Northfield Courier", 18, (88, 20, 14)),
    ("The Harbour Ledger", 25, (121, 33, 6)),
    ("Wexmoor Gazette", 9, (14, 29, 3)),
]


def report_page() -> str:
    text = EXAMPLE.read_text(encoding="utf-8")
    analysis = attrib.analyze(text)
    return render_html([(TITLE, text, analysis)], analysis.model, DATE)


def chart_page() -> str:
    rows = []
    for name, articles, (named, unnamed, outlet) in OUTLETS:
        by_type = {"named": named, "unnamed": unnamed, "outlet": outlet, "unresolved": 0}
        rows.append((name, articles, Summary(named + unnamed + outlet, by_type, by_type, 0, 0)))
    return render_chart(rows, "Outlet", "statements", DATE)


def screenshot(target: Path, width: int, document: str) -> None:
    """Write a full-page PNG of the document to ``target``."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM))
        try:
            page = browser.new_page(viewport={"width": width, "height": 900})
            page.set_content(document, wait_until="load")
            page.screenshot(path=str(target), full_page=True)
        finally:
            browser.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", type=Path)
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--chart", action="store_true", help="the corpus chart, not the report")
    args = parser.parse_args()
    out = args.out or ROOT / "docs" / ("chart.png" if args.chart else "report.png")
    if not CHROMIUM.exists():
        print(f"screenshot: {CHROMIUM} is missing (apt-get install chromium)", file=sys.stderr)
        return 1
    screenshot(out, args.width, chart_page() if args.chart else report_page())
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
