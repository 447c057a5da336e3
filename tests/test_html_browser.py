"""The HTML report in a real browser: headless Chromium through Playwright.

Uses the system Chromium (``apt-get install chromium``) and the ``playwright``
Python package; ``playwright install`` is never needed. Skipped, saying why, when
either is missing — except under ``CI=true``, where a missing browser fails every
test here instead, so CI cannot pass without running them.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from attrib.outputs.html import render_html
from attrib.results import Analysis

from .conftest import read_example

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
HOSTILE = (
    'The mayor said: "<script>window.__pwned = 1</script> is not a plan."\n\n'
    'An aide said that </mark><img src=x onerror="window.__pwned = 2"> was a test.\n\n'
    'The vote was allegedly <svg onload="window.__pwned = 3"></svg> rigged.\n'
)


def _playwright_missing() -> str | None:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed (pip install playwright)"
    if not CHROMIUM.exists():
        return f"{CHROMIUM} is missing (apt-get install chromium)"
    return None


def launch(playwright: Any) -> Browser:
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)


class Report:
    """A report opened from a file:// URL, with every request and error recorded."""

    def __init__(self, browser: Browser, document: str, path: Path, width: int = 1280) -> None:
        path.write_text(document, encoding="utf-8")
        self.url = path.resolve().as_uri()
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.page: Page = browser.new_page(viewport={"width": width, "height": 900})
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.route("**/*", self._route)
        self.page.goto(self.url)

    def _route(self, route: Any) -> None:
        self.requests.append(route.request.url)
        if route.request.url == self.url:
            route.continue_()
        else:
            route.abort()

    def close(self) -> None:
        self.page.close()


def require_browser(missing: str | None, env: Mapping[str, str]) -> None:
    """Skip when the browser is missing, but fail under CI=true: CI must run these tests."""
    if missing is None:
        return
    if env.get("CI", "").lower() == "true":
        pytest.fail(f"CI=true and {missing}: the browser tests must run in CI", pytrace=False)
    pytest.skip(missing)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    require_browser(_playwright_missing(), os.environ)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def example(analyze) -> tuple[str, Analysis]:
    text = read_example()
    return text, analyze(text)


@pytest.fixture
def report(browser: Browser, example: tuple[str, Analysis], tmp_path: Path) -> Iterator[Report]:
    text, analysis = example
    opened = Report(
        browser, render_html([("Peace plan", text, analysis)], "sm", "today"), tmp_path / "r.html"
    )
    yield opened
    opened.close()


def test_loads_without_errors_or_requests(report: Report) -> None:
    report.page.wait_for_load_state("load")
    assert report.errors == []
    assert report.requests == [report.url]
    assert report.page.title().startswith("Peace plan")


def test_highlights_are_the_json_content_pieces(
    report: Report, example: tuple[str, Analysis]
) -> None:
    _, analysis = example
    found = report.page.evaluate(
        """() => {
          const out = {};
          document.querySelectorAll(".text mark[data-piece]").forEach(m => {
            const id = m.dataset.piece;
            out[id] = (out[id] || "") + m.textContent;
          });
          return out;
        }"""
    )
    expected = {}
    for st in analysis.to_dict()["statements"]:
        pieces = st["content"].get("pieces") or [st["content"]]
        for n, piece in enumerate(pieces):
            expected[f"a1-{st['id']}-p{n}"] = piece["text"]
    assert found == expected


def _active(page: Page) -> list[str]:
    return page.eval_on_selector_all(
        ".text mark.active", "ms => [...new Set(ms.map(m => m.dataset.statement))].sort()"
    )


def test_selecting_a_source_highlights_exactly_its_statements(
    report: Report, example: tuple[str, Analysis]
) -> None:
    _, analysis = example
    page = report.page
    assert _active(page) == []
    for src in analysis.sources:
        button = page.locator(f'button.src[data-source="a1-{src.id}"]')
        button.click()
        expected = sorted(
            f"a1-{st.id}"
            for st in analysis.statements
            if src.id in (st.source_id, *st.co_source_ids, *st.via)
        )
        assert expected, src.name  # relay-only outlets (NBC News, UNN) highlight what they relay
        assert _active(page) == expected, src.name
        assert button.get_attribute("aria-pressed") == "true"
        button.click()
        assert _active(page) == []
        assert button.get_attribute("aria-pressed") == "false"
    said = next(
        s for s in analysis.sources if any(st.source_id == s.id for st in analysis.statements)
    )
    button = page.locator(f'button.src[data-source="a1-{said.id}"]')
    button.focus()
    page.keyboard.press("Enter")
    assert _active(page)
    page.keyboard.press("Space")
    assert _active(page) == []
    assert report.errors == []


def test_tooltip_on_focus_and_hover(report: Report, example: tuple[str, Analysis]) -> None:
    _, analysis = example
    page = report.page
    tip = page.locator("#tip")
    assert tip.is_hidden()
    focused = None
    for _ in range(len(analysis.sources) + 5):  # past the source buttons, to the text
        page.keyboard.press("Tab")
        focused = page.evaluate("() => document.activeElement.dataset.statement")
        if focused:
            break
    assert focused == f"a1-{analysis.statements[0].id}"
    assert tip.is_visible()
    assert "relayed by NBC News → UNN" in tip.inner_text()
    page.keyboard.press("Escape")
    assert tip.is_hidden()
    page.hover(".text .hedge >> nth=0")
    assert tip.is_visible()
    assert "Unattributed" in tip.inner_text()
    described = page.evaluate(
        """() => {
          const m = document.querySelector('mark[tabindex="0"]');
          return document.getElementById(m.getAttribute("aria-describedby")).textContent;
        }"""
    )
    assert "senior Trump administration official" in described


def test_hostile_article_executes_nothing(browser: Browser, analyze, tmp_path: Path) -> None:
    analysis = analyze(HOSTILE)
    document = render_html([("<script>window.__pwned = 4</script>", HOSTILE, analysis)], "m", "d")
    report = Report(browser, document, tmp_path / "hostile.html")
    try:
        page = report.page
        page.wait_for_load_state("load")
        for mark in page.locator("mark[tabindex='0']").all():
            mark.hover()
            mark.focus()
        for button in page.locator("button.src").all():
            button.click()
        assert page.evaluate("() => window.__pwned") is None
        assert page.locator("script").count() == 1
        assert page.locator(".text img, .text svg, .text script").count() == 0
        assert "<script>window.__pwned = 1</script>" in page.locator(".text").inner_text()
        assert report.requests == [report.url]
        assert report.errors == []
    finally:
        report.close()


def test_narrow_screen_has_no_horizontal_scroll(
    browser: Browser, example: tuple[str, Analysis], tmp_path: Path
) -> None:
    text, analysis = example
    document = render_html([("Peace plan", text, analysis), ("Again", text, analysis)], "m", "d")
    report = Report(browser, document, tmp_path / "narrow.html", width=360)
    try:
        overflow = report.page.evaluate(
            "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0
    finally:
        report.close()


def test_a_missing_browser_skips_but_fails_under_ci() -> None:
    require_browser(None, {"CI": "true"})
    with pytest.raises(pytest.skip.Exception, match="chromium is missing"):
        require_browser("/usr/bin/chromium is missing", {})
    with pytest.raises(pytest.fail.Exception, match="CI=true and /usr/bin/chromium is missing"):
        require_browser("/usr/bin/chromium is missing", {"CI": "true"})


def test_corpus_table_fits_a_laptop_screen_with_long_names(
    browser: Browser, example: tuple[str, Analysis], tmp_path: Path
) -> None:
    text, analysis = example
    long = "/home/reporter/archive/2026/" + "abc13.com-Copperfield-neighbors-say" * 3 + ".html"
    items = [(long, text, analysis.with_input(long)), ("Again", text, analysis)]
    report = Report(browser, render_html(items, "m", "d"), tmp_path / "corpus.html", width=1280)
    try:
        fits = report.page.evaluate(
            """() => {
              const wrap = document.querySelector('.table-wrap');
              const box = wrap.getBoundingClientRect();
              const cells = [...document.querySelectorAll('.corpus thead th')];
              return wrap.scrollWidth <= wrap.clientWidth
                && cells.length === 6
                && cells.every(c => c.getBoundingClientRect().right <= box.right + 0.5);
            }"""
        )
        assert fits
        heading = report.page.inner_text("#a2-title")
        assert heading == "Again"
    finally:
        report.close()


def test_corpus_chart_sorts_and_makes_no_requests(browser: Browser, tmp_path: Path) -> None:
    from attrib.outputs.html import render_chart
    from attrib.results import Summary

    def summary(named: int, unnamed: int) -> Summary:
        by_type = {"named": named, "unnamed": unnamed, "outlet": 0, "unresolved": 0}
        return Summary(named + unnamed, by_type, by_type, 0, 0)

    rows = [("Alpha", 1, summary(3, 1)), ("Beta", 1, summary(1, 3)), ("Gamma", 1, summary(2, 2))]
    chart = Report(browser, render_chart(rows, "Outlet", "statements", "d"), tmp_path / "c.html")
    try:
        page = chart.page

        def order() -> list[str]:
            return page.locator("#groups tbody th").all_inner_texts()

        assert order() == ["Alpha", "Beta", "Gamma"]
        header = page.locator("thead th", has=page.locator("button[data-key=unnamed]"))
        page.click("button[data-key=unnamed]")
        assert order() == ["Alpha", "Gamma", "Beta"]
        assert header.get_attribute("aria-sort") == "ascending"
        page.keyboard.press("Enter")  # the focused heading button sorts again, the other way
        assert order() == ["Beta", "Gamma", "Alpha"]
        assert header.get_attribute("aria-sort") == "descending"
        overflow = page.evaluate(
            "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0
        assert chart.requests == [chart.url] and chart.errors == []
    finally:
        chart.close()
