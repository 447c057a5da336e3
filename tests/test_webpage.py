"""HTML pages and URLs: main-text extraction, metadata, and fetching from a local server.

The pages under tests/data/pages are invented, imitating the structure of real news pages.
Every request goes to a server on 127.0.0.1 started here; connections anywhere else fail.
"""

from __future__ import annotations

import contextlib
import gzip
import json
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from attrib.inputs.articles import Article, read_article
from attrib.inputs.decoding import InputError
from attrib.inputs.fetch import USER_AGENT, fetch_resource, is_url
from attrib.inputs.webpage import Page, extract_page, looks_like_html
from attrib.results import InputInfo, PageMeta

from .conftest import Run, run_attrib

PAGES = Path(__file__).parent / "data" / "pages"
ARTICLE = (PAGES / "article.html").read_text(encoding="utf-8")
ARTICLE_META = PageMeta(
    title="Port authority shuts east quay after crane failure",
    author="Priya Oduya",
    date="2024-03-15",
    sitename="The Harbour Ledger",
    url="https://www.harbourledger.example/news/2024/03/15/east-quay-crane-failure",
    hostname="harbourledger.example",
)

_real_connect = socket.socket.connect


@pytest.fixture(autouse=True)
def offline(monkeypatch: pytest.MonkeyPatch) -> None:
    """No proxy, and no connection beyond the loopback interface."""
    for var in ("http_proxy", "https_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.delenv("ALL_PROXY", raising=False)

    def connect(self: socket.socket, address: Any) -> None:
        host = address[0] if isinstance(address, tuple) else address
        if host not in ("127.0.0.1", "::1", "localhost"):
            raise AssertionError(f"test tried to reach {address!r}")
        _real_connect(self, address)

    monkeypatch.setattr(socket.socket, "connect", connect)


# --- extraction ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def article() -> Page:
    return extract_page(ARTICLE, name="article.html")


def test_article_paragraphs_are_kept(article: Page) -> None:
    assert article.text.startswith("The Wexmoor Port Authority closed its east quay on Friday")
    assert '"It was inspected eight weeks ago and nothing was flagged," she said.' in article.text
    assert '"We will not reopen the east quay until the inspectors' in article.text
    assert "told The Harbour Ledger that vessels might be diverted" in article.text
    assert article.text.endswith(
        "The authority is expected to publish a preliminary report next week."
    )


def test_article_boilerplate_is_dropped(article: Page) -> None:
    for noise in (
        "Advertisement",
        "SeaCredit",
        "marine insurance",
        "We use cookies",
        "Accept all",
        "Subscribe",
        "Related stories",
        "record orders",
        "seagull_77",
        "rusting away",
        "morning briefing",
        "All rights reserved",
        "12 comments",
        "gtag",
    ):
        assert noise not in article.text, noise


def test_paragraphs_are_separated_by_blank_lines(article: Page) -> None:
    paragraphs = article.text.split("\n\n")
    assert len(paragraphs) == 9
    assert all(p and p == p.strip() and "\n" not in p for p in paragraphs)
    assert paragraphs[5] == "Delays expected to spread"  # a subheading is its own paragraph
    assert "\n\n\n" not in article.text


def test_headline_is_metadata_not_text(article: Page) -> None:
    assert article.meta.title == "Port authority shuts east quay after crane failure"
    assert article.meta.title not in article.text


def test_article_metadata(article: Page) -> None:
    assert article.meta == ARTICLE_META
    assert article.meta.to_dict() == {
        "title": "Port authority shuts east quay after crane failure",
        "author": "Priya Oduya",
        "date": "2024-03-15",
        "sitename": "The Harbour Ledger",
        "url": "https://www.harbourledger.example/news/2024/03/15/east-quay-crane-failure",
        "hostname": "harbourledger.example",
    }


@pytest.mark.parametrize(
    ("og_title", "site", "title"),
    [
        ("Lock gates to be replaced | DW | 10.06.2013", "", "Lock gates to be replaced"),
        ("Lock gates to be replaced | The Ledger", "The Ledger", "Lock gates to be replaced"),
        ("Lock gates | Part 2 of our series", "", "Lock gates | Part 2 of our series"),
    ],
)
def test_site_suffix_is_cut_from_the_title(og_title: str, site: str, title: str) -> None:
    head = f'<meta property="og:title" content="{og_title}">'
    if site:
        head += f'<meta property="og:site_name" content="{site}">'
    html = _bare_page().replace("<title>Lock gates</title>", head)
    assert extract_page(html, url="https://www.dw.com/en/a-1").meta.title == title


def test_canonical_url_wins_over_the_fetched_one() -> None:
    page = extract_page(ARTICLE, url="https://m.harbourledger.example/a/123?utm_source=x")
    assert (
        page.meta.url == "https://www.harbourledger.example/news/2024/03/15/east-quay-crane-failure"
    )


def test_given_url_is_used_when_the_page_names_none() -> None:
    page = extract_page(_bare_page(), url="https://news.example.org/story/7")
    assert page.meta.url == "https://news.example.org/story/7"
    assert page.meta.hostname == "news.example.org"
    assert page.meta.author is None and page.meta.sitename is None


def test_multi_paragraph_blockquote_is_split() -> None:
    quote = (
        "<blockquote><p>The first quoted paragraph says that the lock gates will be replaced "
        "before the spring tides arrive.</p><p>The second quoted paragraph adds that the work "
        "will be paid for from the harbour maintenance reserve.</p></blockquote>"
    )
    page = extract_page(_bare_page(extra=quote))
    assert "arrive.\n\nThe second quoted paragraph" in page.text


@pytest.mark.parametrize("name", ["login.html", "section-front.html"])
def test_non_article_pages_are_refused(name: str) -> None:
    html = (PAGES / name).read_text(encoding="utf-8")
    with pytest.raises(InputError, match=rf"^{name}: no article text found$"):
        extract_page(html, name=name)


@pytest.mark.parametrize("html", ["", "<html></html>", "<p>Hello.</p>", "\x00\x01<<<>>"])
def test_empty_or_broken_html_is_refused(html: str) -> None:
    with pytest.raises(InputError, match=r"^https://x\.example/: "):
        extract_page(html, url="https://x.example/")


# --- sniffing ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        ARTICLE,
        ARTICLE.encode("utf-8"),
        "\ufeff" + ARTICLE,
        b"\xef\xbb\xbf" + ARTICLE.encode("utf-8"),
        "\ufeff<!DOCTYPE html>".encode("utf-16"),
        "\n\n   <!-- saved from url=(0042)https://example.com/ -->\n<html><body>",
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0//EN">',
        "<HTML><HEAD><TITLE>Old page</TITLE></HEAD>",
        "<article><p>Just a fragment.</p></article>",
        "<p>A pasted paragraph.</p>",
        "  <body>",
    ],
)
def test_looks_like_html(data: str | bytes) -> None:
    assert looks_like_html(data)


@pytest.mark.parametrize(
    "data",
    [
        "",
        "The minister said on Tuesday that the <b>plan</b> would go ahead.",
        "WEXMOOR (Harbour Ledger) - The port authority closed its east quay.\n\n<html> later",
        b"\xef\xbb\xbfPlain text with a BOM.",
        "<3 a love letter",
        "<!-- a comment and then nothing -->",
        "%PDF-1.7\n<html>",
        "x" * 10000 + "<html>",
    ],
)
def test_plain_text_does_not_look_like_html(data: str | bytes) -> None:
    assert not looks_like_html(data)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("https://news.example.org/story", True),
        ("http://127.0.0.1:8080/a", True),
        ("HTTPS://EXAMPLE.COM/", True),
        ("ftp://example.com/a.html", False),
        ("file:///etc/passwd", False),
        ("https://", False),
        ("article.html", False),
        ("news.example.org/story", False),
        ("-", False),
    ],
)
def test_is_url(name: str, expected: bool) -> None:
    assert is_url(name) is expected


# --- fetching from a local server ----------------------------------------------------------

CP1252_PAGE = (
    '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'
    "<title>Caf\xe9 owners protest</title></head><body><article>"
    "<p>Caf\xe9 owners on the quay protested on Monday against the new parking charges, which "
    "they say have halved the number of visitors since January.</p>"
    "<p>\x93We were never consulted,\x94 said Ren\xe9e Dubois, who has run a caf\xe9 there "
    "for eleven years. \x93Now the council wants us to pay for its mistakes.\x94</p>"
    "</article></body></html>"
).encode("latin-1")


@dataclass
class Server:
    base: str
    user_agents: list[str] = field(default_factory=list)
    stop: threading.Event = field(default_factory=threading.Event)


def _make_handler(server: Server) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:  # quiet
            pass

        def send(self, status: int, body: bytes, content_type: str | None, **headers: str) -> None:
            self.send_response(status)
            if content_type:
                self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", headers.pop("length", str(len(body))))
            for name, value in headers.items():
                self.send_header(name.replace("_", "-"), value)
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self) -> None:
            server.user_agents.append(self.headers.get("User-Agent", ""))
            route = getattr(self, "route_" + self.path.strip("/").replace("-", "_"), None)
            if route is None:
                self.send(404, b"<html><body>Not found</body></html>", "text/html")
            else:
                route()

        def route_article(self) -> None:
            self.send(200, ARTICLE.encode("utf-8"), "text/html; charset=utf-8")

        def route_old_link(self) -> None:
            self.send(301, b"", "text/html", Location="/article")

        def route_to_ftp(self) -> None:
            self.send(302, b"", "text/html", Location="ftp://127.0.0.1/file.html")

        def route_server_error(self) -> None:
            self.send(503, b"busy", "text/plain")

        def route_pdf(self) -> None:
            self.send(200, b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "application/pdf")

        def route_plain(self) -> None:
            body = "Quay reopens.\r\n\r\n“It is safe,” she said.\r\n".encode()
            self.send(200, body, "text/plain; charset=utf-8")

        def route_legacy(self) -> None:
            self.send(200, CP1252_PAGE, "text/html")

        def route_no_type(self) -> None:
            self.send(200, ARTICLE.encode("utf-8"), None)

        def route_gzip(self) -> None:
            body = gzip.compress(ARTICLE.encode("utf-8"))
            self.send(200, body, "text/html; charset=utf-8", Content_Encoding="gzip")

        def route_slow(self) -> None:
            server.stop.wait(5)
            with contextlib.suppress(OSError):  # the client gave up long ago
                self.send(200, ARTICLE.encode("utf-8"), "text/html")

        def route_drip(self) -> None:
            self.send(200, b"<html><body><p>", "text/html", length="100000")
            self._stream(b"x", 0.05)

        def route_huge(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Connection", "close")
            self.end_headers()
            self._stream(b"<p>" + b"filler text " * 5000 + b"</p>\n", 0)

        def route_huge_declared(self) -> None:
            self.send(200, b"<html>", "text/html", length=str(100 * 1024 * 1024))

        def _stream(self, chunk: bytes, pause: float) -> None:
            """Write until the client hangs up (or the tests end)."""
            try:
                while not server.stop.is_set():
                    self.wfile.write(chunk)
                    self.wfile.flush()
                    if pause:
                        time.sleep(pause)
            except OSError:
                pass
            self.close_connection = True

    return Handler


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), BaseHTTPRequestHandler)
    httpd.daemon_threads = True
    state = Server(base=f"http://127.0.0.1:{httpd.server_address[1]}")
    httpd.RequestHandlerClass = _make_handler(state)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        state.stop.set()
        httpd.shutdown()
        httpd.server_close()
        thread.join(5)


def test_fetch_html(server: Server) -> None:
    fetched = fetch_resource(f"{server.base}/article")
    assert fetched.text == ARTICLE and fetched.is_html
    assert server.user_agents[-1] == USER_AGENT
    assert USER_AGENT.startswith("attrib/")


def test_read_url_extracts_the_article(server: Server) -> None:
    article = read_article(f"{server.base}/article")
    assert article.text == extract_page(ARTICLE).text
    assert article.input.page is not None and article.input.page.sitename == "The Harbour Ledger"


def test_redirect_is_followed(server: Server) -> None:
    fetched = fetch_resource(f"{server.base}/old-link")
    assert fetched.url == f"{server.base}/article"
    assert fetched.text == ARTICLE and fetched.is_html


def test_redirect_to_another_scheme_is_refused(server: Server) -> None:
    with pytest.raises(
        InputError, match=r"/to-ftp: redirect refused \(to ftp://\S+: not http or https\)$"
    ):
        fetch_resource(f"{server.base}/to-ftp")


@pytest.mark.parametrize(("path", "status"), [("missing", 404), ("server-error", 503)])
def test_http_error_status(server: Server, path: str, status: int) -> None:
    url = f"{server.base}/{path}"
    with pytest.raises(InputError) as err:
        fetch_resource(url)
    assert str(err.value) == f"{url}: HTTP {status}"


@pytest.mark.parametrize(
    "path",
    [
        "slow",  # no byte within the socket timeout
        "drip",  # each byte well within the socket timeout, the whole download not
    ],
)
def test_slow_responses_time_out(server: Server, path: str) -> None:
    url = f"{server.base}/{path}"
    started = time.monotonic()
    with pytest.raises(InputError) as err:
        fetch_resource(url, timeout=0.5)
    assert str(err.value) == f"{url}: timed out after 0.5 s"
    assert time.monotonic() - started < 3


def test_endless_response_stops_at_max_bytes(server: Server) -> None:
    url = f"{server.base}/huge"
    with pytest.raises(InputError) as err:
        fetch_resource(url, max_bytes=64 * 1024)
    assert str(err.value) == f"{url}: larger than 64 KB"


def test_declared_size_over_the_limit_is_refused_unread(server: Server) -> None:
    url = f"{server.base}/huge-declared"
    with pytest.raises(InputError) as err:
        fetch_resource(url)
    assert str(err.value) == f"{url}: larger than 10 MB"


def test_non_html_content_type_is_refused(server: Server) -> None:
    url = f"{server.base}/pdf"
    with pytest.raises(InputError) as err:
        fetch_resource(url)
    assert str(err.value) == f"{url}: not an HTML page (application/pdf)"


def test_plain_text_is_returned_as_text_not_extracted(server: Server) -> None:
    url = f"{server.base}/plain"
    fetched = fetch_resource(url)
    assert not fetched.is_html and fetched.content_type == "text/plain"
    assert fetched.text == "Quay reopens.\n\n“It is safe,” she said.\n"
    article = read_article(url)
    assert article.text == fetched.text and article.input.format == "text"
    assert article.input.page == PageMeta(url=url, hostname="127.0.0.1")
    assert article == Article(
        InputInfo(url, "text", PageMeta(url=url, hostname="127.0.0.1")), fetched.text
    )


def test_charset_from_meta_tag(server: Server) -> None:
    article = read_article(f"{server.base}/legacy")
    assert "“We were never consulted,” said Renée Dubois" in article.text
    assert article.input.page is not None and article.input.page.title == "Café owners protest"


def test_missing_content_type_is_sniffed(server: Server) -> None:
    fetched = fetch_resource(f"{server.base}/no-type")
    assert fetched.is_html and fetched.text == ARTICLE


def test_gzip_body_is_inflated(server: Server) -> None:
    assert fetch_resource(f"{server.base}/gzip").text == ARTICLE


def test_connection_refused() -> None:
    with socket.socket() as probe:  # a port that was free a moment ago: nobody listens there
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/article"
    with pytest.raises(InputError) as err:
        fetch_resource(url)
    assert str(err.value) == f"{url}: cannot connect (connection refused)"


@pytest.mark.parametrize("url", ["ftp://127.0.0.1/a", "article.html", "http://127.0.0.1:99999/"])
def test_bad_urls_are_input_errors(url: str) -> None:
    with pytest.raises(InputError, match=r"^\S+: (not an http\(s\) URL|invalid URL)"):
        fetch_resource(url)


def _bare_page(extra: str = "") -> str:
    """A page with prose but no metadata beyond a title."""
    return (
        "<html><head><title>Lock gates</title></head><body><div>"
        "<p>The harbour board voted on Tuesday to replace the lock gates at the inner basin, "
        "ending a dispute that has lasted most of the year.</p>"
        "<p>Board members said the old gates had been patched so often that repairs now cost "
        "more than a replacement would.</p>"
        f"{extra}</div></body></html>"
    )


# --- the CLI on pages and URLs ---------------------------------------------------------------


def _cli(*args: str) -> Run:
    return run_attrib("analyze", *args, "--json", "--include-text")


def test_html_file_and_url_give_the_statements_of_the_clean_text(
    server: Server, tmp_path: Path
) -> None:
    page = PAGES / "article.html"
    result = _cli(str(page), f"{server.base}/article")
    assert result.returncode == 0, result.stderr
    from_file, from_url = (json.loads(line) for line in result.stdout.decode().splitlines())
    assert from_file["input"]["name"] == str(page)
    assert from_file["input"]["format"] == "html"
    assert from_file["input"]["offsets"] == "extracted_text"
    assert from_file["input"]["page"] == ARTICLE_META.to_dict()
    assert from_url["input"]["page"] == from_file["input"]["page"]  # the canonical URL wins
    clean = tmp_path / "clean.txt"
    clean.write_text(from_file["input"]["text"], encoding="utf-8")
    from_text = json.loads(_cli(str(clean)).stdout)
    assert from_text["input"]["format"] == "text"
    assert from_text["input"]["offsets"] == "input_text"
    assert from_text["input"]["page"] is None
    assert len(from_text["statements"]) >= 4

    def unmarked(doc: dict) -> list[dict]:  # the page names its publisher, the text cannot
        return [{**src, "publisher": False} for src in doc["sources"]]

    for doc in (from_file, from_url):
        text = doc["input"]["text"]
        assert text == from_text["input"]["text"]
        assert doc["statements"] == from_text["statements"]
        assert unmarked(doc) == unmarked(from_text)
        assert [s["name"] for s in doc["sources"] if s["publisher"]] == ["Harbour Ledger"]
        for st in doc["statements"]:
            assert text[st["content"]["start"] : st["content"]["end"]] == st["content"]["text"]


def test_table_header_names_the_page_title() -> None:
    result = run_attrib("analyze", "article.html", cwd=PAGES)
    assert result.returncode == 0, result.stderr
    header = result.stdout.decode().splitlines()[0]
    assert "article.html — Port authority shuts east quay after crane failure" in header


def test_a_page_citing_its_own_outlet_is_own_reporting(tmp_path: Path) -> None:
    page = tmp_path / "story"  # no extension: recognised by content
    page.write_text(
        '<!doctype html><html><head><meta property="og:site_name" content="UNN">'
        "<title>Ports</title></head><body><article>"
        "<p>The northern port will close for repairs next week, UNN reports, and ships are "
        "already being sent to the southern terminal instead.</p>"
        "<p>Reuters said the talks between the port authority and the dockers had failed on "
        "Monday evening after nine hours.</p></article></body></html>",
        encoding="utf-8",
    )
    result = _cli(str(page))
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["input"]["page"]["sitename"] == "UNN"
    assert {s["name"]: s["publisher"] for s in doc["sources"]} == {"UNN": True, "Reuters": False}
    assert doc["summary"]["own_reporting"] == 1
    assert doc["summary"]["statements_by_type"]["outlet"] == 1


def test_a_url_serving_plain_text_is_analyzed_as_it_is(server: Server) -> None:
    result = _cli(f"{server.base}/plain")
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["input"]["format"] == "text"
    assert doc["input"]["offsets"] == "input_text"
    assert doc["input"]["page"]["hostname"] == "127.0.0.1"


def test_a_url_in_capitals_is_a_url_everywhere(server: Server) -> None:
    url = server.base.replace("http://", "HTTP://") + "/plain"
    result = _cli(url)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["input"]["page"]["hostname"] == "127.0.0.1"


def test_url_errors_are_one_line_and_others_still_run(server: Server) -> None:
    result = _cli(f"{server.base}/missing", str(PAGES / "article.html"))
    assert result.returncode == 1
    assert result.stderr.decode().strip() == f"attrib: {server.base}/missing: HTTP 404"
    assert len(result.stdout.decode().splitlines()) == 1


def test_python_api_reads_and_labels_a_page(nlp, server: Server) -> None:
    import attrib

    article = attrib.read_article(f"{server.base}/article")
    assert article.input.format == "html" and article.input.page is not None
    analysis = attrib.analyze(article.text, nlp=nlp, input=article.input)
    assert analysis.input == article.input
    assert analysis.statements == attrib.analyze(article.text, nlp=nlp).statements
    for st in analysis.statements:
        assert article.text[st.content.start : st.content.end] == st.content.text


def test_show_heads_a_page_with_its_title() -> None:
    result = run_attrib("show", "article.html", cwd=PAGES)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.decode().splitlines()
    assert lines[0] == "article.html — Port authority shuts east quay after crane failure"
    assert "⟦" in result.stdout.decode()  # the article follows, statements marked


def test_saved_page_over_the_size_limit_is_refused_fast(tmp_path: Path) -> None:
    page = tmp_path / "huge.html"
    paragraph = "<p>The council said the bridge would reopen in May after the repairs.</p>\n"
    page.write_text(
        "<!doctype html><html><body>" + paragraph * (11 * 1024 * 1024 // len(paragraph)),
        encoding="utf-8",
    )
    result = _cli(str(page), str(PAGES / "article.html"))
    assert result.returncode == 1
    assert result.stderr.decode().strip() == f"attrib: {page}: larger than 10 MB"
    assert len(result.stdout.decode().splitlines()) == 1  # the other page is still analyzed
