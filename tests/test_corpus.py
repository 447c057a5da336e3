"""Corpus use: folders, globs, JSON Lines in and out, CSV, the corpus table and summarize."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from attrib.inputs.articles import expand, read_jsonl
from attrib.results import Analysis, InputInfo, PageMeta

from .conftest import read_example, run_attrib, run_attrib_process

ARTICLES = {
    "a.txt": "The mayor said the road would reopen. Critics said it was too late.",
    "sub/b.txt": '"We are ready," the coach said.',
    "sub/deeper/c.txt": "The ministry denied that it had lost the files.",
}


def attrib(*args: str, stdin: bytes | None = None, cwd: Path | None = None):  # type: ignore[no-untyped-def]
    return run_attrib(*args, stdin=stdin, cwd=cwd, env={"NO_COLOR": "1"})


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    for name, text in ARTICLES.items():
        path = tmp_path / "corpus" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (tmp_path / "corpus" / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    (tmp_path / "corpus" / "readme.md").write_text("The editor said hello.", encoding="utf-8")
    return tmp_path / "corpus"


def test_expand_folders_globs_and_patterns(corpus: Path) -> None:
    found = list(expand([str(corpus)]))
    assert found == sorted(str(p) for p in corpus.rglob("*.txt"))
    assert list(expand([str(corpus / "sub" / "*.txt")])) == [str(corpus / "sub" / "b.txt")]
    with_md = list(expand([str(corpus)], ("*.txt", "*.md")))
    assert str(corpus / "readme.md") in with_md
    errors: list[str] = []
    assert list(expand([str(corpus / "none-*.txt")], on_error=errors.append)) == []
    assert errors == [f"{corpus / 'none-*.txt'}: no files match this pattern"]


def test_folder_with_junk_reports_every_real_article(corpus: Path) -> None:
    result = attrib("analyze", str(corpus), "--json")
    assert result.returncode == 1
    docs = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert [Path(d["input"]["name"]).relative_to(corpus).as_posix() for d in docs] == sorted(
        ARTICLES
    )
    assert (
        result.stderr.decode().strip()
        == f"attrib: {corpus / 'photo.txt'}: looks binary (PNG image)"
    )


def test_corpus_results_equal_single_file_results(corpus: Path) -> None:
    together = attrib("analyze", str(corpus), "--json").stdout.decode().splitlines()
    for line in together:
        doc = json.loads(line)
        alone = attrib("analyze", doc["input"]["name"], "--json").stdout.decode()
        assert json.loads(alone) == doc


def test_jsonl_input_carries_fields_and_keeps_order() -> None:
    records = [
        {
            "id": "n1",
            "text": "The minister said prices would rise.",
            "outlet": "Daily",
            "date": "2026-01-02",
        },
        {"id": "n2", "text": "No one said anything here at all"},
        {"id": "n3", "text": "Police said the suspect fled.", "outlet": "Weekly"},
    ]
    stdin = ("\n".join(json.dumps(r) for r in records) + "\n").encode()
    result = attrib("analyze", "--jsonl-in", "-", "--json", stdin=stdin)
    assert result.returncode == 0, result.stderr
    docs = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert [d["input"]["name"] for d in docs] == ["n1", "n2", "n3"]
    assert docs[0]["meta"] == {"outlet": "Daily", "date": "2026-01-02"}
    assert docs[1]["meta"] == {}


def test_jsonl_bad_lines_are_reported_and_skipped(tmp_path: Path) -> None:
    errors: list[str] = []
    path = tmp_path / "in.jsonl"
    path.write_bytes(b'{"id": "a", "text": "x"}\nnot json\n{"id": "b"}\n\n{"text": "y"}\n')
    articles = list(read_jsonl(str(path), errors.append))
    assert [(a.name, a.text) for a in articles] == [("a", "x"), (f"{path}:5", "y")]
    assert errors == [
        f"{path}:2: invalid JSON (Expecting value, column 1)",
        f"{path}:3: not a JSON object with a string 'text'",
    ]


def test_csv_has_one_row_per_statement(corpus: Path) -> None:
    result = attrib(
        "analyze", str(corpus / "a.txt"), str(corpus / "sub" / "b.txt"), "--format", "csv"
    )
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout.decode())))
    assert [(Path(r["article"]).name, r["kind"], r["source"], r["cue"]) for r in rows] == [
        ("a.txt", "indirect", "mayor", "said"),
        ("a.txt", "indirect", "Critics", "said"),
        ("b.txt", "direct", "coach", "said"),
    ]
    assert rows[2]["content"] == '"We are ready,"'


def test_several_inputs_print_a_row_each_and_a_total(corpus: Path) -> None:
    (corpus / "peace-plan.txt").write_text(read_example(), encoding="utf-8")
    result = attrib("analyze", "a.txt", "sub/b.txt", "peace-plan.txt", cwd=corpus)
    assert result.returncode == 0, result.stderr
    rows = [line.split() for line in result.stdout.decode().splitlines() if line.strip()]
    assert ["a.txt", "2", "50%", "50%", "0%", "0"] in rows  # "the mayor" named, "Critics" not
    assert ["b.txt", "1", "100%", "0%", "0%", "0"] in rows  # "the coach": an office-holder
    assert ["peace-plan.txt", "7", "0%", "71%", "29%", "2"] in rows
    assert ["Total", "(3)", "10", "20%", "60%", "20%", "2"] in rows


def test_summarize_groups_saved_results(tmp_path: Path) -> None:
    docs = []
    for ident, outlet, named, unnamed in [
        ("x", "Daily", 2, 0),
        ("y", "Daily", 0, 2),
        ("z", "Weekly", 1, 1),
    ]:
        analysis = Analysis((), (), ()).with_input(ident, {"outlet": outlet}).to_dict()
        analysis["summary"]["statements"] = named + unnamed
        analysis["summary"]["statements_by_type"] = {
            "named": named,
            "unnamed": unnamed,
            "outlet": 0,
            "unresolved": 0,
        }
        docs.append(json.dumps(analysis))
    saved = tmp_path / "results.jsonl"
    saved.write_text("\n".join(docs) + "\n", encoding="utf-8")
    result = attrib("summarize", str(saved), "--by", "outlet")
    assert result.returncode == 0, result.stderr
    lines = [line.split() for line in result.stdout.decode().splitlines() if line.strip()]
    assert ["Daily", "4", "50%", "50%", "0%", "0"] in lines
    assert ["Weekly", "2", "50%", "50%", "0%", "0"] in lines
    assert ["Total", "(3)", "6", "50%", "50%", "0%", "0"] in lines


def test_summarize_groups_by_page_fields_in_new_and_old_documents(tmp_path: Path) -> None:
    page = InputInfo("https://unn.example/a", "html", PageMeta(sitename="UNN"))
    docs = [
        Analysis((), (), ()).with_input(page).to_dict(),
        Analysis((), (), ()).with_input("n1", {"sitename": "UNN"}).to_dict(),  # a JSONL field
        Analysis((), (), ()).with_input("n2", {"sitename": "Axios"}).to_dict(),
        {  # schema 1.2 kept page metadata in 'meta'
            "schema_version": "1.2",
            "input": "old.html",
            "meta": {"sitename": "Axios", "title": "T", "extracted": True},
            "summary": Analysis((), (), ()).summary.to_dict(),
        },
    ]
    saved = tmp_path / "results.jsonl"
    saved.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    result = attrib("summarize", str(saved), "--by", "sitename")
    assert result.returncode == 0, result.stderr
    lines = [line.split()[:2] for line in result.stdout.decode().splitlines() if line.strip()]
    assert ["UNN", "0"] in lines and ["Axios", "0"] in lines
    assert ["Total", "(4)"] in lines
    assert "(none)" not in result.stdout.decode()


def test_summarize_rejects_other_json(tmp_path: Path) -> None:
    saved = tmp_path / "other.jsonl"
    saved.write_text('{"hello": 1}\n', encoding="utf-8")
    result = attrib("summarize", str(saved))
    assert result.returncode == 1
    assert result.stderr.decode().strip() == (
        f"attrib: {saved}:1: not an attrib result ('schema_version' is a required property)"
    )


def test_json_streams_in_input_order_with_two_workers(corpus: Path) -> None:
    files = []
    for copy in range(3):  # nine files: a file named twice is analyzed once
        for name in sorted(ARTICLES):
            path = corpus / f"copy{copy}" / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(ARTICLES[name], encoding="utf-8")
            files.append(str(path))
    result = run_attrib_process("analyze", *files, "--json", "--workers", "2")
    assert result.returncode == 0, result.stderr
    assert [
        json.loads(line)["input"]["name"] for line in result.stdout.decode().splitlines()
    ] == files
