"""Real pages, clean text: boilerplate lines, related links, the standfirst, the publisher's name
and the author field (invented pages, and the 23 real ones in ../shared/data/pages/)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from attrib.inputs.decoding import InputError
from attrib.inputs.webpage import extract_page

from .conftest import SHARED_DATA

BODY = [
    "The Wexmoor council voted on Tuesday to close the old swimming baths at the end of the "
    "summer, after an inspection found cracks in the main pool.",
    '"We had no choice once the engineers had reported," the council leader, Mara Quist, said '
    "at the meeting, which ran for more than three hours.",
    "Residents who use the baths every morning said they would petition the council to "
    "reconsider, and a public meeting has been called for next week.",
    "The nearest other pool is in Harrowby, a forty-minute bus ride away for most of the "
    "town's swimmers, according to the council's own figures.",
]
NOISE = [
    "- A SIMPLE GUIDE: How councils decide what to close",
    "Our Standards: The Thomson Reuters Trust Principles.",
    "© 2026 The Wexmoor Gazette",
    "Read more: Harrowby pool reopens after a year of repairs",
    "By Tom Arlen, March 3, 2026 9:15 am",
    "By Tom Arlen tom.arlen@gazette.example",
    "The main pool in 2019. (Credit: Jo Penn / Wexmoor Gazette)",
    "Swimmers at the baths. Photo: Jo Penn/Gazette",
    "Sign up for our newsletter: the council, every Friday. Sign up here.",
]


def page(
    paragraphs: list[str],
    head: str = "",
    before: str = "",
    links: str = "",
    body_start: str = "",
) -> str:
    """An article page; ``before`` goes above the article body, ``links`` after it."""
    inner = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Council closes the old baths</title>{head}</head>
<body>{body_start}<main><article><h1>Council closes the old baths</h1>{before}
<div class="body">{inner}</div>{links}</article></main></body></html>"""


def test_boilerplate_lines_are_dropped_and_article_paragraphs_kept() -> None:
    mixed = [BODY[0], *NOISE[:5], BODY[1], *NOISE[5:], BODY[2], BODY[3]]
    text = extract_page(page(mixed), name="p.html").text
    assert text.split("\n\n") == BODY


def test_a_link_alone_as_a_paragraph_is_a_related_story() -> None:
    related = '<p>Read: <a href="/pools">Why small towns are losing their swimming pools</a></p>'
    own = '<p><a href="/harrowby">Harrowby pool reopens after a year of repairs</a></p>'
    html = page(BODY).replace("</p>\n<p>Residents", f"</p>{related}{own}\n<p>Residents")
    text = extract_page(html, name="p.html").text
    assert "swimming pools" not in text and "Harrowby pool reopens" not in text
    assert text.split("\n\n") == BODY


def test_footnote_marks_are_dropped_and_other_superscripts_kept() -> None:
    """A footnote mark would join the sentence's last word ("Quist.1"); a unit keeps its
    power."""
    marked = [
        BODY[0].replace("pool.", 'pool.<a href="#fn-1"><sup>1</sup></a>'),
        BODY[1].replace("Quist,", "Quist,<sup>[2]</sup>"),
        "The pool holds 600 m<sup>3</sup> of water, the same as the one in Harrowby.",
    ]
    text = extract_page(page([*marked, *BODY[2:]]), name="p.html").text
    assert text.split("\n\n")[:2] == BODY[:2]
    assert "600 m3 of water" in text


def test_the_standfirst_shown_above_the_article_is_kept() -> None:
    dek = "Swimmers have until the end of August before the doors close for good."
    head = f'<meta name="description" content="{dek}">'
    before = f'<header class="top"><p class="dek">{dek}</p></header>'
    html = page(BODY, head=head).replace("<main>", f"<main>{before}")
    text = extract_page(html, name="p.html").text
    assert text.split("\n\n")[0] == dek
    assert text.count(dek) == 1


def test_a_description_not_shown_on_the_page_is_not_article_text() -> None:
    head = '<meta name="description" content="Everything about the baths, in one place.">'
    text = extract_page(page(BODY, head=head), name="p.html").text
    assert "Everything about the baths" not in text


@pytest.mark.parametrize(
    ("head", "url", "sitename"),
    [
        (  # JSON-LD publisher
            '<script type="application/ld+json">{"@type": "NewsArticle", "publisher": '
            '{"@type": "Organization", "name": "Wexmoor Gazette"}}</script>',
            "https://gazette.example/a",
            "Wexmoor Gazette",
        ),
        (  # a publisher meta tag with its host in brackets
            '<meta name="publisher" content="Deutsche Welle (www.dw.com)">',
            "https://www.dw.com/en/a",
            "Deutsche Welle",
        ),
        ("", "https://www.dw.com/en/a", "DW"),  # the host, from outlet_domains.tsv
        ("", "https://news.bbc.co.uk/2/hi/a.stm", "BBC"),  # a subdomain of a listed one
        ("", "https://www.kansas.com/news/a", "Wichita Eagle"),  # outlets_us_local.tsv
        ("", "https://unlisted.example/a", None),
    ],
)
def test_publisher_falls_back_on_other_metadata_then_the_host(
    head: str, url: str, sitename: str | None
) -> None:
    assert extract_page(page(BODY, head=head), url=url).meta.sitename == sitename


@pytest.mark.parametrize(
    ("author", "site", "expected"),
    [
        ("CBS News February", "CBS News", None),
        ("Rob Picheta; CNN", "CNN", "Rob Picheta"),
        ("No Author", "", None),
        ("Mara Quist", "CNN", "Mara Quist"),
    ],
)
def test_an_author_field_that_names_no_author_is_dropped(
    author: str, site: str, expected: str | None
) -> None:
    head = f'<meta name="author" content="{author}">'
    if site:
        head += f'<meta property="og:site_name" content="{site}">'
    assert extract_page(page(BODY, head=head), name="p.html").meta.author == expected


def test_a_headline_no_other_field_agrees_with_gives_way_to_og_title() -> None:
    head = (
        '<meta property="og:title" content="Council closes the old baths">'
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "escenic"}'
        "</script>"
    )
    html = page(BODY, head=head).replace("<title>Council closes the old baths</title>", "")
    assert extract_page(html, name="p.html").meta.title == "Council closes the old baths"


def test_site_suffix_after_a_dash_is_cut_and_the_repeated_headline_dropped() -> None:
    html = page(["Council closes the old baths", *BODY]).replace(
        "<title>Council closes the old baths</title>",
        "<title>Council closes the old baths - Wexmoor Gazette</title>"
        '<meta property="og:site_name" content="Wexmoor Gazette">',
    )
    found = extract_page(html, name="p.html")
    assert found.meta.title == "Council closes the old baths"
    assert found.text.split("\n\n") == BODY


def test_a_page_built_by_javascript_says_so() -> None:
    html = (
        '<!doctype html><html><head><title>App</title><script src="/app.js"></script></head>'
        '<body><div id="root"></div><noscript>You need to enable JavaScript to run this app.'
        "</noscript></body></html>"
    )
    with pytest.raises(InputError, match=r"^app\.html: no article text in the HTML: .*JavaScript"):
        extract_page(html, name="app.html")


PAGES = SHARED_DATA / "pages"
RULES = Path(__file__).resolve().parents[1] / "data" / "lexicons" / "page_boilerplate.tsv"


@pytest.mark.skipif(not PAGES.is_dir(), reason="the real pages are in ../shared/data/pages")
def test_real_pages_have_a_publisher_and_no_boilerplate_line() -> None:
    rules = [
        re.compile(line.split("\t", 1)[1])
        for line in RULES.read_text(encoding="utf-8").splitlines()
        if line.startswith("line\t")
    ]
    pages = sorted(PAGES.glob("*.html"))
    assert len(pages) == 23
    for path in pages:
        found = extract_page(path.read_text(encoding="utf-8", errors="replace"), name=path.name)
        assert found.meta.sitename, path.name
        lines = [line for p in found.text.split("\n\n") for line in p.splitlines()]
        assert not [line for line in lines if any(r.search(line) for r in rules)], path.name
        assert json.dumps(found.meta.to_dict())  # plain data
