"""The JSON document: fields, types, offsets and round trip."""

from __future__ import annotations

import json
import re

import jsonschema
import jsonschema.protocols

from attrib.outputs.jsonl import render_json
from attrib.results import (
    KINDS,
    SCHEMA_VERSION,
    SOURCE_TYPES,
    Analysis,
    InputInfo,
    PageMeta,
    json_schema,
)

from .conftest import ROOT, read_example, run_attrib


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
    text = read_example()
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


def _strict(schema: object) -> object:
    """The schema with no undocumented field allowed anywhere, so the tests catch one."""
    if isinstance(schema, dict):
        out = {k: _strict(v) for k, v in schema.items()}
        if "properties" in schema and "additionalProperties" not in schema:
            out["additionalProperties"] = False
        return out
    if isinstance(schema, list):
        return [_strict(v) for v in schema]
    return schema


def _validator() -> jsonschema.protocols.Validator:
    schema = _strict(json_schema())
    validator = jsonschema.Draft202012Validator
    validator.check_schema(schema)
    return validator(schema)


def test_schema_describes_this_version() -> None:
    schema = json_schema()
    assert re.fullmatch(schema["properties"]["schema_version"]["pattern"], SCHEMA_VERSION)
    assert set(schema["required"]) == set(Analysis((), (), ()).to_dict())


def test_documents_validate_against_the_schema(analyze, example: Analysis) -> None:
    text = (
        '"One," he said, "two and three." A source close to the talks and an aide said the deal '
        "was off, NBC News reported, citing an official. The plan allegedly collapses."
    )
    page = InputInfo("https://x.example/a", "html", PageMeta(title="T", hostname="x.example"))
    docs = [
        json.loads(render_json(example.with_input("peace-plan.txt"))),
        json.loads(render_json(analyze(text).with_input(page, {"batch": 1}), text)),
        json.loads(render_json(Analysis((), (), ()))),
    ]
    validator = _validator()
    for doc in docs:
        errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(doc)]
        assert errors == []
    assert any(st["content"].get("pieces") for st in docs[1]["statements"])
    assert any(st["via"] for st in docs[1]["statements"]) and docs[1]["unattributed"]


def test_schema_rejects_a_broken_document(example: Analysis) -> None:
    doc = example.to_dict()
    doc["statements"][0]["kind"] = "hearsay"
    del doc["sources"][0]["mentions"]
    assert len(list(_validator().iter_errors(doc))) == 2


def test_cli_prints_the_schema() -> None:
    result = run_attrib("schema")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == json_schema()


def test_readme_example_is_what_attrib_writes(analyze) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## JSON output") :]
    match = re.search(r"```json\n(.*?)```", section, re.DOTALL)
    assert match is not None
    text = '"The talks failed," Jane Miller said, "and nobody knows what comes next."'
    assert text in section[: match.start()]  # the README names the text it shows
    shown, written = json.loads(match.group(1)), analyze(text).with_input("-").to_dict()
    shown.pop("model"), written.pop("model")  # the label of whichever model is installed
    assert shown == written
