"""The JSON document: fields, types, offsets and round trip."""

from __future__ import annotations

import json

from attrib.model import KINDS, SCHEMA_VERSION, SOURCE_TYPES, Analysis
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
    assert doc["input"] == "peace-plan.txt"
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
