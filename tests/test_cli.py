"""The command line, run as a user would run it: in-process through its entry point (exit
status, stdout and stderr), and as a real process where only one shows the behaviour."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from attrib.cli import app

from .conftest import EXAMPLE_PATH, run_attrib, run_attrib_process

runner = CliRunner()


attrib = run_attrib


@pytest.fixture(scope="module")
def example_json() -> dict:
    result = attrib("analyze", str(EXAMPLE_PATH), "--json")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.decode().splitlines()
    assert len(lines) == 1
    return json.loads(lines[0])


def test_json_output(example_json: dict) -> None:
    assert example_json["input"]["name"] == str(EXAMPLE_PATH)
    assert example_json["summary"]["statements_by_type"]["named"] == 0


def test_table_output_is_plain_when_piped() -> None:
    result = attrib("analyze", str(EXAMPLE_PATH))
    out = result.stdout.decode()
    assert result.returncode == 0
    assert "\x1b[" not in out
    assert "NBC News" in out and "outlet" in out
    assert "Every attributed statement rests on unnamed sources or other outlets." in out
    assert max(len(line) for line in out.splitlines()) <= 80


@pytest.mark.usefixtures("nlp")
def test_no_color_is_respected_under_a_terminal() -> None:
    result = runner.invoke(
        app, ["analyze", str(EXAMPLE_PATH)], env={"NO_COLOR": "1", "TERM": "xterm"}, color=True
    )
    assert result.exit_code == 0
    assert "\x1b[3" not in result.output


def test_stdin_dash() -> None:
    """The console entry point in a real process, reading a real pipe."""
    result = run_attrib_process("analyze", "-", "--json", stdin=b'"We won," the coach said.\n')
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["input"]["name"] == "-"
    assert doc["statements"][0]["kind"] == "direct"


def test_several_inputs_give_json_lines_and_a_bad_one_is_reported(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("The mayor said the road would reopen.", encoding="utf-8")
    result = attrib(
        "analyze", str(EXAMPLE_PATH), str(tmp_path / "missing.txt"), str(good), "--json"
    )
    assert result.returncode == 1
    docs = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert [d["input"]["name"] for d in docs] == [str(EXAMPLE_PATH), str(good)]
    err = result.stderr.decode().strip().splitlines()
    assert err == [f"attrib: {tmp_path / 'missing.txt'}: no such file"]


@pytest.mark.parametrize(
    ("content", "reason"),
    [(b"%PDF-1.7\n%\xe2\xe3\n", "looks binary"), (b"\x00\x01\x02\x03" * 50, "looks binary")],
)
def test_bad_input_is_one_line_and_exit_1(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    result = attrib("analyze", str(path))
    assert result.returncode == 1
    err = result.stderr.decode().strip()
    assert len(err.splitlines()) == 1 and reason in err
    assert "Traceback" not in err


def test_folder_without_text_files_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text("The mayor said so.", encoding="utf-8")
    result = attrib("analyze", str(tmp_path))
    assert result.returncode == 1
    assert result.stderr.decode().strip() == f"attrib: {tmp_path}: no files matching *.txt"
    (tmp_path / "page.html").write_text("<html></html>", encoding="utf-8")
    result = attrib("analyze", str(tmp_path))
    assert result.stderr.decode().strip() == (
        f"attrib: {tmp_path}: no files matching *.txt (it holds .html files: add --glob '*.html')"
    )


def test_empty_input_is_an_empty_analysis(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_text("  \n", encoding="utf-8")
    result = attrib("analyze", str(path), "--json")
    assert result.returncode == 0
    doc = json.loads(result.stdout)
    assert doc["statements"] == [] and doc["summary"]["statements"] == 0


def test_usage_error_exit_2() -> None:
    result = attrib("analyze", "--format", "xml", str(EXAMPLE_PATH))
    assert result.returncode == 2


def test_unknown_model_is_a_clear_error() -> None:
    result = attrib("analyze", str(EXAMPLE_PATH), "--model", "xx_no_such_model")
    assert result.returncode == 1
    err = result.stderr.decode().strip()
    assert len(err.splitlines()) == 1 and "xx_no_such_model" in err


def test_output_file_is_written_whole(tmp_path: Path) -> None:
    out = tmp_path / "result.jsonl"
    result = attrib("analyze", str(EXAMPLE_PATH), "--json", "-o", str(out))
    assert result.returncode == 0 and result.stdout == b""
    assert json.loads(out.read_text(encoding="utf-8"))["input"]["name"] == str(EXAMPLE_PATH)
    assert [p.name for p in tmp_path.iterdir()] == ["result.jsonl"]


def test_help_has_examples() -> None:
    result = runner.invoke(app, ["analyze", "--help"])
    assert result.exit_code == 0
    assert "attrib analyze article.txt" in result.output


def test_help_does_not_import_spacy() -> None:
    code = "import sys; from attrib.cli import app; assert 'spacy' not in sys.modules"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True).returncode == 0


def test_evaluate_on_small_gold() -> None:
    gold = Path(__file__).parent / "data" / "gold_small.jsonl"
    result = attrib("evaluate", str(gold), "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["articles"] == 3
    assert set(report) >= {"content", "source", "pair"}
    assert 0 < report["content"]["overlap"]["all"]["f1"] <= 100


def test_output_file_has_ordinary_permissions(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    old = os.umask(0o022)
    try:
        result = attrib("analyze", str(EXAMPLE_PATH), "--format", "html", "-o", str(out))
    finally:
        os.umask(old)
    assert result.returncode == 0, result.stderr
    assert out.stat().st_mode & 0o777 == 0o644
    html = out.read_text(encoding="utf-8")
    assert html.lower().startswith("<!doctype html>") and "NBC News" in html


def test_show_plain_when_piped() -> None:
    result = attrib("show", str(EXAMPLE_PATH))
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode()
    assert "\x1b[" not in out
    assert "[unnamed: senior Trump administration official, via NBC News, UNN]" in out
    assert "Every attributed statement rests on unnamed sources or other outlets." in out


def test_show_missing_file() -> None:
    result = attrib("show", "no-such-file.txt")
    assert result.returncode == 1
    assert result.stderr.decode().strip() == "attrib: no-such-file.txt: no such file"
