"""Remake docs/report.png, the README's picture of the HTML report on the example article.

Usage: python docs/screenshot.py [OUT.png] [--width PIXELS]

Renders the report on data/examples/peace-plan.txt and photographs the whole
page in headless Chromium through Playwright (the ``[test]`` extra), using
Debian's ``/usr/bin/chromium``; ``playwright install`` is never needed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import attrib
from attrib.outputs.html import render_html

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "data" / "examples" / "peace-plan.txt"
CHROMIUM = Path("/usr/bin/chromium")
TITLE = "Trump approves 28-point peace plan"
DATE = "2026-11-25"  # fixed, so the picture only changes when the report does


def screenshot(target: Path, width: int) -> None:
    """Write a full-page PNG of the report on the example article to ``target``."""
    from playwright.sync_api import sync_playwright

    text = EXAMPLE.read_text(encoding="utf-8")
    analysis = attrib.analyze(text)
    document = render_html([(TITLE, text, analysis)], analysis.model, DATE)
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
    parser.add_argument("out", nargs="?", type=Path, default=ROOT / "docs" / "report.png")
    parser.add_argument("--width", type=int, default=1280)
    args = parser.parse_args()
    if not CHROMIUM.exists():
        print(f"screenshot: {CHROMIUM} is missing (apt-get install chromium)", file=sys.stderr)
        return 1
    screenshot(args.out, args.width)
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
