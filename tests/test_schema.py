"""The JSON document: fields, types, offsets and round trip."""

from __future__ import annotations

import json

from attrib.model import KINDS, SCHEMA_VERSION, SOURCE_TYPES, Analysis, InputInfo, PageMeta
from attrib.render import render_json

from .conftest import EXAMPLE


def spans_of(doc: dict) -> list[dict]:
    out = []
    for st in doc["statements"]:
        out.append(st["content"])
        out.extend(st["content"].get("pieces", []))
        out.extend(x for x in (st["cue"], st["source_span"]) if x is not None)
    for src in doc["sources"]:
        out.extend(src["mentions"])
    out.extend(doc["unattributed"])
    return out


def test_document_fields(example: Analysis) -> None:
    doc = json.loads(render_json(example.with_input("peace-plan.txt")))
    assert doc["schema_version"] == SCHEMA_VERSION
    assert doc["input"] == {
        "name": "peace-plan.txt",
        "format": "text",
        "offsets": "input_text",
        "page": None,
    }
    assert set(doc) >= {"statements", "sources", "unattributed", "summary", "model"}
    ids = {s["id"] for s in doc["sources"]}
    for st in doc["statements"]:
        assert set(st) >= {"id", "kind", "content", "cue", "source_span", "source_id", "via"}
        assert st["kind"] in KINDS
        assert st["source_id"] in ids
        assert set(st["via"]) <= ids
    for src in doc["sources"]:
        assert src["type"] in SOURCE_TYPES
        assert src["mentions"]
    assert doc["summary"]["statements"] == len(doc["statements"])


def test_every_span_matches_its_offsets(example: Analysis) -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    doc = example.to_dict()
    spans = spans_of(doc)
    assert len(spans) > 20
    for span in spans:
        assert text[span["start"] : span["end"]] == span["text"]


def test_round_trip(example: Analysis) -> None:
    doc = json.loads(render_json(example))
    assert Analysis.from_dict(doc) == example
    assert Analysis.from_dict(doc).to_dict() == doc


def test_split_content_lists_pieces_and_leftmost_first(analyze) -> None:
    doc = analyze('"One," he said, "two and three."').to_dict()
    content = doc["statements"][0]["content"]
    assert [p["text"] for p in content["pieces"]] == ['"One,"', '"two and three."']
    assert content["text"] == '"One,"'


def test_included_text_goes_with_the_input(analyze) -> None:
    text = '"We are ready," the minister said.'
    page = InputInfo("https://news.example/a", "html", PageMeta(title="Ready", sitename="News"))
    doc = json.loads(render_json(analyze(text).with_input(page), text))
    assert doc["input"]["text"] == text
    assert doc["input"]["offsets"] == "extracted_text"
    assert doc["input"]["page"]["title"] == "Ready"
    assert doc["input"]["page"]["author"] is None  # every page field is present
    assert "text" not in json.loads(render_json(analyze(text)))["input"]
    assert Analysis.from_dict(doc).input == page


def test_schema_1_documents_are_still_read() -> None:
    old = {
        "schema_version": "1.2",
        "input": "page.html",
        "meta": {"title": "Ready", "sitename": "News", "extracted": True, "batch": 7},
        "model": "m",
        "statements": [],
        "sources": [],
        "unattributed": [],
    }
    analysis = Analysis.from_dict(old)
    assert analysis.input == InputInfo(
        "page.html", "html", PageMeta(title="Ready", sitename="News")
    )
    assert analysis.meta == {"batch": 7}
    plain = Analysis.from_dict({**old, "meta": {"batch": 7}})
    assert plain.input == InputInfo("page.html") and plain.meta == {"batch": 7}
