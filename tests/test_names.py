"""Names that fit and tell apart: display names of sources, short names of inputs, and the
corpus table within 80 columns."""

from __future__ import annotations

import io

import pytest
from rich.console import Console

from attrib.outputs.table import corpus_table, fit
from attrib.results import InputInfo, PageMeta, Source, Summary, TextSpan, display_names


def source(sid: str, name: str, kind: str) -> Source:
    return Source(sid, name, kind, "person", (TextSpan(0, 1, "x"),))  # type: ignore[arg-type]


def test_sources_sharing_a_name_are_told_apart() -> None:
    names = display_names(
        [
            source("s1", "man", "named"),
            source("s2", "man", "unnamed"),
            source("s3", "unnamed senior official", "unnamed"),
            source("s4", "Official", "named"),
            source("s5", "official", "named"),
            source("s6", "Jane Miller", "named"),
        ]
    )
    assert names == {
        "s1": "man (named)",
        "s2": "man (unnamed)",
        "s3": "senior official",
        "s4": "Official (1)",
        "s5": "official (2)",
        "s6": "Jane Miller",
    }
    assert len(set(names.values())) == len(names)


@pytest.mark.parametrize(
    ("info", "label"),
    [
        (InputInfo("/data/news/abc13.com-Copperfield.html"), "abc13.com-Copperfield.html"),
        (InputInfo("https://example.org/news/story/"), "story"),
        (InputInfo("C:\\news\\a.txt"), "a.txt"),
        (InputInfo("-"), "-"),
        (
            InputInfo("/x/p.html", "html", PageMeta(title="Council closes the baths")),
            "Council closes the baths",
        ),
    ],
)
def test_an_input_is_labelled_by_title_else_base_name(info: InputInfo, label: str) -> None:
    assert info.label == label


def test_long_names_are_cut_in_the_middle_and_the_table_fits_80_columns() -> None:
    long = "abc13.com-Copperfield-neighbors-say-the-new-road-is-a-danger.html"
    assert fit(long).startswith("abc13.com-Copper") and fit(long).endswith("a-danger.html")
    assert len(fit(long)) == 32 and fit("short.txt") == "short.txt"
    assert len(fit("東京" * 30)) <= 16  # wide characters take two cells each
    by_type = {"named": 1, "unnamed": 1, "outlet": 0, "unresolved": 0}
    row = Summary(2, by_type, by_type, 0, 0)
    buffer = io.StringIO()
    Console(file=buffer, width=80).print(corpus_table([(long, 1, row), ("b.txt", 1, row)]))
    lines = buffer.getvalue().splitlines()
    assert max(len(line) for line in lines) <= 80
    assert any(fit(long) in line for line in lines)  # one line: never wrapped mid-word
