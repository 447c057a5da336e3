"""Any input gets an answer or a clear error: properties, odd texts, long texts, interrupts."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from attrib.analysis.chunking import RUN_CHARS, chunk_bounds
from attrib.analysis.pipeline import analyze_doc_stream
from attrib.results import Analysis

from .test_schema import spans_of

settings.register_profile("ci", max_examples=60, deadline=None)
settings.register_profile("deep", max_examples=2000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

NEWSY = st.sampled_from(
    [
        '"',
        "“",
        "”",
        "‘",
        "’",
        " said ",
        " according to ",
        ", citing ",
        "\n\n",
        ".",
        ",",
        "he",
        "Reuters",
    ]
)
TEXTS = st.lists(st.one_of(st.text(max_size=30), NEWSY), max_size=25).map("".join)


def check_spans(text: str, analysis: Analysis) -> None:
    for span in spans_of(analysis.to_dict()):
        assert 0 <= span["start"] <= span["end"] <= len(text)
        assert text[span["start"] : span["end"]] == span["text"]


@given(text=TEXTS)
@settings(suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
def test_any_text_gives_valid_spans_and_round_trips(analyze, text: str) -> None:
    analysis = analyze(text)
    check_spans(text, analysis)
    doc = json.loads(json.dumps(analysis.to_dict()))
    assert Analysis.from_dict(doc) == analysis


def test_unbalanced_quotes_still_find_statements(analyze) -> None:
    text = 'He said "we will win.\n\nThe mayor said the road would reopen. "Stray'
    analysis = analyze(text)
    check_spans(text, analysis)
    assert any(s.content.text == "the road would reopen" for s in analysis.statements)


def test_emoji_rtl_controls_and_no_punctuation(analyze) -> None:
    for text in [
        "🎉🎉 the minister said prices would fall 🎉",
        "قال الوزير إن الأسعار ستنخفض — the minister said prices would fall",
        "a\x07b\x1bc the mayor said the road would reopen",
        "no punctuation at all just words and words and more words " * 20,
    ]:
        check_spans(text, analyze(text))


def test_chunks_are_paragraph_aligned_and_cover_the_text() -> None:
    text = "\n\n".join(f"Paragraph {i} " + "word " * 30 for i in range(50))
    bounds = chunk_bounds(text, 1000)
    assert len(bounds) > 5
    assert all(end - start <= 1000 for start, end in bounds)
    assert all(text[start - 2 : start] == "\n\n" for start, _ in bounds[1:])
    assert " ".join(text[s:e] for s, e in bounds).split() == text.split()


def test_a_paragraph_longer_than_a_chunk_is_cut_at_a_space() -> None:
    text = "word " * 1000
    bounds = chunk_bounds(text, 300)
    assert all(e - s <= 300 for s, e in bounds)
    assert all(text[s - 1] == " " and text[s] != " " for s, _ in bounds[1:])
    assert " ".join(text[s:e] for s, e in bounds).split() == text.split()


def test_a_long_run_without_whitespace_is_cut_into_chunks_of_its_own() -> None:
    text = "The mayor said it rained. " + "“" * (2 * RUN_CHARS + 10) + " The end."
    bounds = chunk_bounds(text, 30_000)
    runs = [(s, e) for s, e in bounds if "“" in text[s:e]]
    assert all(e - s <= RUN_CHARS and set(text[s:e]) == {"“"} for s, e in runs)
    assert len(runs) == 3
    assert "".join(text[s:e] for s, e in bounds) == text


def test_chunked_analysis_equals_whole_analysis(nlp) -> None:
    paragraph = (
        '"We will win," the governor said. The minister warned that prices would rise. '
        "The plan allegedly failed."
    )
    text = "\n\n".join([paragraph] * 12)
    whole = next(analyze_doc_stream(nlp, [text]))
    chunked = next(analyze_doc_stream(nlp, [text], chunk_chars=400))
    check_spans(text, chunked)
    assert [(s.kind, s.content) for s in chunked.statements] == [
        (s.kind, s.content) for s in whole.statements
    ]
    assert len(chunked.unattributed) == len(whole.unattributed) == 12
    assert {(s.name, s.type) for s in chunked.sources} == {(s.name, s.type) for s in whole.sources}


def test_a_pronoun_opening_a_chunk_refers_back_across_the_boundary(nlp) -> None:
    text = (
        "Jane Miller, the city treasurer, said the budget was balanced this year.\n\n"
        "She added that reserves had grown.\n\n"
        "The unions said they would strike.\n\n"
        "They added that talks had failed.\n\n"
        "Later, Miller said taxes would fall next spring."
    )
    whole = next(analyze_doc_stream(nlp, [text]))
    chunked = next(analyze_doc_stream(nlp, [text], chunk_chars=80))
    assert len(chunked.statements) == len(whole.statements) == 5

    def speakers(a: Analysis) -> list[str]:
        return [src.name for st in a.statements if (src := a.source(st.source_id)) is not None]

    expected = ["Jane Miller"] * 2 + ["unions"] * 2 + ["Jane Miller"]
    assert speakers(chunked) == speakers(whole) == expected
    miller = chunked.source(chunked.statements[1].source_id)
    assert miller is not None and [m.text for m in miller.mentions][1:] == ["She", "Miller"]


def test_ctrl_c_leaves_no_partial_output_and_exits_130(tmp_path: Path) -> None:
    article = tmp_path / "long.txt"
    article.write_text("The minister said prices would rise.\n\n" * 20000, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    proc = subprocess.Popen(
        [sys.executable, "-m", "attrib", "analyze", str(article), "--json", "-o", str(out)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 60
    while len(list(tmp_path.iterdir())) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)  # until the run has begun writing its temporary file
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert b"Traceback" not in err
    assert list(tmp_path.iterdir()) == [article]
