"""attrib on Spark, in one local[2] session for the whole run: the CLI's results, row by row.

Under CI=true these tests must run: a missing PySpark or Java fails them instead of skipping.
"""

from __future__ import annotations

import gzip
import importlib.util
import io
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language
from typer.testing import CliRunner

from attrib.cli import app
from attrib.inputs.articles import Article, read_article
from attrib.inputs.decoding import MAX_BYTES, InputError
from attrib.outputs.table import corpus_table, group_label
from attrib.results import Analysis, InputInfo

from .conftest import EXAMPLE_PATH, ROOT, SHARED_DATA


def spark_missing() -> str | None:
    """Why Spark cannot run here, or None."""
    if importlib.util.find_spec("pyspark") is None:
        return "PySpark is not installed: pip install '.[test,spark]'"
    java_home = os.environ.get("JAVA_HOME")
    if shutil.which("java") is None and not (java_home and Path(java_home, "bin", "java").exists()):
        return "Spark needs Java 17, and there is no java on the PATH or in JAVA_HOME"
    return None


def require_spark() -> None:
    """Skip with the reason, or fail under CI, where these tests must run."""
    reason = spark_missing()
    if reason and os.environ.get("CI") == "true":
        pytest.fail(f"{reason} (CI runs the Spark tests)", pytrace=False)
    if reason:
        pytest.skip(reason, allow_module_level=True)


require_spark()
pytestmark = pytest.mark.spark  # .ci/run runs them apart: pytest -m "spark or cluster"

from pyspark.sql import DataFrame, SparkSession  # noqa: E402
from rich.console import Console  # noqa: E402

import attrib.spark  # noqa: E402
from attrib.spark import command, rows, worker  # noqa: E402

runner = CliRunner()
POLNEAR = SHARED_DATA / "polnear-dev.jsonl"
PAGES = SHARED_DATA / "pages"
REAL_PAGES = ("japantimes.co.jp.surgical.html", "pagesix.com.myers.html", "rutgers.edu.robot.html")
OWN_PAGES = ROOT / "tests" / "data" / "pages"
WIDTH = "100"  # the terminal width both tables are rendered at


def shared(path: Path) -> Path:
    if not path.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{path} is missing: CI lays ../shared beside the clone", pytrace=False)
        pytest.skip(f"{path} is missing (../shared beside the repository)")
    return path


def polnear(count: int) -> list[dict[str, Any]]:
    """PolNeAR dev texts from several outlets, with the outlet and date their id names."""
    with shared(POLNEAR).open(encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle if line.strip()]
    step = len(records) // count
    chosen = records[::step][:count]
    return [
        {
            "id": r["id"],
            "text": r["text"],
            "outlet": r["id"].split("_")[0],
            "date": r["id"].split("_")[1],
        }
        for r in chosen
    ]


def cli_documents(*args: str) -> dict[str, dict[str, Any]]:
    """``attrib analyze ... --json``, run in this process, by input name."""
    result = runner.invoke(app, ["analyze", *args, "--json"])
    assert result.exit_code == 0, result.output
    docs = [json.loads(line) for line in result.stdout.splitlines()]
    return {d["input"]["name"]: d for d in docs}


def cli_summary(documents: list[dict[str, Any]], by: str, tmp_path: Path) -> str:
    saved = tmp_path / f"saved-{by}.jsonl"
    saved.write_text("".join(json.dumps(d) + "\n" for d in documents), encoding="utf-8")
    result = runner.invoke(app, ["summarize", str(saved), "--by", by], env={"COLUMNS": WIDTH})
    assert result.exit_code == 0, result.output
    return result.stdout


def rendered(table: Any) -> str:
    out = io.StringIO()
    Console(file=out, width=int(WIDTH), highlight=False).print(table)
    return out.getvalue()


def spark_documents(found: DataFrame) -> dict[str, dict[str, Any]]:
    articles = found.where("row_kind = 'article' and error is null").select("document").collect()
    docs = [json.loads(row["document"]) for row in articles]
    return {d["input"]["name"]: d for d in docs}


@pytest.fixture(scope="module")
def spark() -> Iterator[SparkSession]:
    """The test run's one Spark session, on this machine's loopback only."""
    session = attrib.spark.session(
        "local[2]",
        quiet=True,
        config={
            "spark.ui.enabled": "false",
            "spark.driver.host": "127.0.0.1",
            "spark.driver.bindAddress": "127.0.0.1",
        },
    )
    yield session
    session.stop()


@dataclass(frozen=True)
class Corpus:
    folder: Path  # real web pages and the example text
    jsonl: Path  # PolNeAR texts as --jsonl-in records
    parquet: Path  # more PolNeAR texts, as a newsroom archive might keep them
    records: Path  # every JSON Lines and Parquet record, for the CLI


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    import pyarrow as pa
    import pyarrow.parquet as pq

    root = tmp_path_factory.mktemp("corpus")
    folder = root / "pages"
    folder.mkdir()
    for name in REAL_PAGES:
        shutil.copy(shared(PAGES / name), folder / name)
    shutil.copy(EXAMPLE_PATH, folder / EXAMPLE_PATH.name)
    records = polnear(6)
    jsonl, parquet, everything = root / "a.jsonl", root / "b.parquet", root / "all.jsonl"
    jsonl.write_text("".join(json.dumps(r) + "\n" for r in records[:3]), encoding="utf-8")
    pq.write_table(pa.Table.from_pylist(records[3:]), parquet)
    everything.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return Corpus(folder, jsonl, parquet, everything)


@pytest.fixture(scope="module")
def found(spark: SparkSession, corpus: Corpus) -> Iterator[DataFrame]:
    """attrib's rows for the corpus, from folder, JSON Lines and Parquet at once."""
    inputs = [str(corpus.folder), str(corpus.jsonl), str(corpus.parquet)]
    result = attrib.spark.analyze_paths(
        spark, inputs, globs=("*.html", "*.txt"), documents=True
    ).cache()
    yield result
    result.unpersist()


@pytest.fixture(scope="module")
def cli(corpus: Corpus) -> dict[str, dict[str, Any]]:
    folder = [str(corpus.folder), "--glob", "*.html", "--glob", "*.txt"]
    return cli_documents(*folder, "--jsonl-in", str(corpus.records))


def test_documents_equal_the_cli(found: DataFrame, cli: dict[str, dict[str, Any]]) -> None:
    docs = spark_documents(found)
    assert len(cli) == 3 + 1 + 6
    assert docs == cli  # statements, sources, page metadata, carried fields, summary: all


def test_statement_rows_flatten_the_documents(
    found: DataFrame, cli: dict[str, dict[str, Any]]
) -> None:
    def expected(doc: dict[str, Any]) -> Iterator[tuple[Any, ...]]:
        sources = {s["id"]: s for s in doc["sources"]}
        for i, st in enumerate(doc["statements"], 1):
            src = sources.get(st["source_id"]) or {}
            pieces = st["content"].get("pieces") or [st["content"]]
            yield (
                doc["input"]["name"],
                i,
                st["kind"],
                pieces[0]["start"],
                pieces[-1]["end"],
                " … ".join(p["text"] for p in pieces),
                (st["cue"] or {}).get("text"),
                (st["source_span"] or {}).get("text"),
                src.get("name"),
                src.get("type"),
                tuple(sources[v]["name"] for v in st["via"]),
            )

    columns = ["article_id", "index", "kind", "content_start", "content_end", "content_text"]
    columns += ["cue_text", "mention_text", "source_name", "source_type", "via"]
    statement_rows = found.where("row_kind = 'statement'").select(columns).collect()
    got = sorted((*r[:-1], tuple(r["via"])) for r in statement_rows)
    want = sorted(row for doc in cli.values() for row in expected(doc))
    assert got == want
    assert len(want) > 50


def test_other_attributions_and_no_comment_events_are_rows_of_their_own(nlp: Language) -> None:
    from attrib.analysis.pipeline import analyze_text

    text = (
        "The mayor believes the plan will work. Officials said the road was closed. "
        "A spokesman for the firm declined to comment."
    )
    analysis = analyze_text(nlp, text)
    built = rows.analysis_rows(analysis, None)
    by_kind = {kind: [r for r in built if r["row_kind"] == kind] for kind in rows.ROW_KINDS}
    assert [(r["class"], r["source_name"]) for r in by_kind["statement"]] == [
        (st.cls, analysis.source(st.source_id).name)  # type: ignore[union-attr]
        for st in analysis.statements
    ]
    assert [(r["statement_id"], r["class"], r["cue_text"]) for r in by_kind["other"]] == [
        (st.id, st.cls, st.cue.text if st.cue else None) for st in analysis.others
    ]
    assert [r["cue_text"] for r in by_kind["no_comment"]] == ["declined to comment"]
    (article,) = by_kind["article"]
    assert (article["others"], article["no_comment"], article["declined"]) == (
        len(analysis.others),
        1,
        1,
    )
    assert analysis.others and all(set(r) == set(rows.NAMES) for r in built)


def test_unattributed_and_article_rows(found: DataFrame, cli: dict[str, dict[str, Any]]) -> None:
    hedges = found.where("row_kind = 'unattributed'").select("article_id", "marker").collect()
    want = sorted((name, u["marker"]) for name, d in cli.items() for u in d["unattributed"])
    assert sorted((r["article_id"], r["marker"]) for r in hedges) == want
    articles = {r["article_id"]: r for r in found.where("row_kind = 'article'").collect()}
    for name, doc in cli.items():
        summary = doc["summary"]
        row = articles[name]
        assert row["statements"] == summary["statements"]
        assert row["statements_unnamed"] == summary["statements_by_type"]["unnamed"]
        assert row["sources_outlet"] == summary["sources_by_type"]["outlet"]
        assert json.loads(row["meta"]) == doc["meta"]
        assert row["page_sitename"] == (doc["input"]["page"] or {}).get("sitename")


@pytest.mark.parametrize("by", ["input", "outlet", "sitename", "date"])
def test_summarize_gives_the_cli_table(
    found: DataFrame, cli: dict[str, dict[str, Any]], by: str, tmp_path: Path
) -> None:
    table = corpus_table(
        attrib.spark.breakdown(attrib.spark.summarize(found, by)), label=group_label(by)
    )
    assert rendered(table) == cli_summary(list(cli.values()), by, tmp_path)


def test_dataframe_columns_are_carried_typed_and_as_meta(spark: SparkSession) -> None:
    df = spark.createDataFrame(
        [
            ("d1", '"We will win," Jane Miller said.', "Daily", date(2024, 1, 2), 3),
            ("d2", "The plan allegedly failed.", "Weekly", date(2024, 1, 3), None),
        ],
        "id string, text string, outlet string, published date, n long",
    )
    found = attrib.spark.analyze(df).cache()
    articles = {r["article_id"]: r for r in found.where("row_kind = 'article'").collect()}
    assert articles["d1"]["published"] == date(2024, 1, 2)
    assert json.loads(articles["d1"]["meta"]) == {
        "outlet": "Daily",
        "published": "2024-01-02",
        "n": 3,
    }
    assert json.loads(articles["d2"]["meta"]) == {"outlet": "Weekly", "published": "2024-01-03"}
    statement = found.where("row_kind = 'statement'").collect()
    assert [(r["article_id"], r["source_name"], r["outlet"]) for r in statement] == [
        ("d1", "Jane Miller", "Daily")
    ]
    by_day = attrib.spark.summarize(found, "published").collect()
    assert [(r["group"], r["articles"], r["statements"], r["unattributed"]) for r in by_day] == [
        ("2024-01-02", 1, 1, 0),
        ("2024-01-03", 1, 0, 1),
    ]
    found.unpersist()


def test_input_columns_are_checked(spark: SparkSession) -> None:
    df = spark.createDataFrame([("a", "x", "direct")], "id string, body string, kind string")
    with pytest.raises(ValueError, match="no text column 'text'"):
        attrib.spark.analyze(df)
    with pytest.raises(ValueError, match="rename them: kind"):
        attrib.spark.analyze(df, text="body")


def test_bad_articles_become_the_cli_error_and_the_rest_goes_on(
    spark: SparkSession, tmp_path: Path
) -> None:
    contents = {
        "ok.txt": b'"The talks failed," Jane Miller said.',
        "scan.txt": b"%PDF-1.7 a scanned page",
        "utf16.txt": b"\xff\xfe\x00\xd8",  # a lone surrogate after a UTF-16 BOM
        "login.html": (OWN_PAGES / "login.html").read_bytes(),
        "empty.txt": b"",
    }
    for name, data in contents.items():
        (tmp_path / name).write_bytes(data)
    named = [(str(tmp_path / name), data) for name, data in contents.items()]
    df = spark.createDataFrame([*named], "id string, text binary")
    found = attrib.spark.analyze(df).where("row_kind = 'article'")
    errors = {r["article_id"]: r["error"] for r in found.collect()}

    def cli_error(path: str) -> str | None:
        try:
            read_article(path)
        except InputError as err:
            return str(err)
        return None

    assert errors == {path: cli_error(path) for path, _ in named}
    assert sum(e is not None for e in errors.values()) == 3
    empty = found.where(f"article_id = '{tmp_path / 'empty.txt'}'").first()
    assert empty is not None and empty["statements"] == 0  # empty text: an empty analysis
    missing = spark.createDataFrame([("gone", None)], "id string, text string")
    assert attrib.spark.analyze(missing).first()["error"] == "gone: no text"  # type: ignore[index]


def test_a_text_over_the_limit_fails_as_a_file_does(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * (MAX_BYTES + 1))
    with pytest.raises(InputError) as from_file:
        read_article(str(big))
    record = worker.record(str(big), {worker.TEXT: "a" * (MAX_BYTES + 1)})
    with pytest.raises(InputError) as from_text:
        worker.prepare(dict(zip(worker.ARTICLE_NAMES, record, strict=True)), {})
    assert str(from_text.value) == str(from_file.value)


class _Exploding:
    """A pipeline that fails on any batch holding the word BOOM, as a bug might."""

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp

    def pipe(self, stream: Iterator[Any], **kwargs: Any) -> Iterator[Any]:
        batch = list(stream)
        if any("BOOM" in text for text in batch):
            raise RuntimeError("boom\nsecond line")
        return self.nlp.pipe(batch, **kwargs)


def test_a_pipeline_failure_costs_only_its_article(nlp: Language) -> None:
    texts = ['"We will win," Jane Miller said.', "BOOM", '"Prices will rise," Tom Lee said.']
    infos = [InputInfo(f"t{i}") for i in range(len(texts))]
    jobs = [
        worker._Job(None, i, info, "{}", Article(info, text))  # type: ignore[arg-type]
        for i, (info, text) in enumerate(zip(infos, texts, strict=True))
    ]
    results = {
        job.info.name: result
        for job, result in worker._analyzed(_Exploding(nlp), iter(jobs))  # type: ignore[arg-type]
    }
    assert results["t1"] == "t1: internal error: RuntimeError: boom second line"
    for name, speaker in (("t0", "Jane Miller"), ("t2", "Tom Lee")):
        analysis = results[name]
        assert isinstance(analysis, Analysis)
        assert [analysis.source(s.source_id).name for s in analysis.statements] == [speaker]  # type: ignore[union-attr]


def _warc(path: Path, pages: list[tuple[str, str, bytes, dict[str, str]]]) -> None:
    """A gzipped WARC of HTTP exchanges: (url, status, body, headers) each."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "test"}))
        for url, status, body, headers in pages:
            request = StatusAndHeaders(f"GET {url} HTTP/1.1", [], is_http_request=True)
            writer.write_record(writer.create_warc_record(url, "request", http_headers=request))
            http = StatusAndHeaders(status, list(headers.items()), protocol="HTTP/1.1")
            record = writer.create_warc_record(
                url, "response", payload=io.BytesIO(body), http_headers=http
            )
            writer.write_record(record)


def test_warc_pages_are_extracted_and_analyzed_as_the_cli_does(
    spark: SparkSession, tmp_path: Path
) -> None:
    real = shared(PAGES / REAL_PAGES[0])
    real_url = cli_documents(str(real))[str(real)]["input"]["page"]["url"]
    html = {"content-type": "text/html; charset=utf-8"}
    own = "https://www.harbourledger.example/news/harbour-plan"
    crawl = tmp_path / "crawl.warc.gz"
    _warc(
        crawl,
        [
            (real_url, "200 OK", real.read_bytes(), html),
            (
                own,
                "200 OK",
                gzip.compress((OWN_PAGES / "article.html").read_bytes()),
                {**html, "content-encoding": "gzip"},
            ),
            (f"{own}/login", "200 OK", (OWN_PAGES / "login.html").read_bytes(), html),
            (f"{own}/logo.png", "200 OK", b"\x89PNG\r\n\x1a\n", {"content-type": "image/png"}),
            (f"{own}/old", "301 Moved Permanently", b"<html></html>", html),
        ],
    )
    broken = tmp_path / "broken.warc"
    broken.write_bytes(b"this is no WARC file\n" * 10)
    said: list[str] = []
    job = command.Job([str(crawl), str(broken)], str(tmp_path / "out"), by="sitename")
    out = io.StringIO()
    assert command.execute(spark, job, said.append, out) == 1
    assert said[0].startswith(f"{broken}: not a WARC file (")  # errors come sorted
    assert said[1] == f"{own}/login: no article text found"
    assert said[-1] == f"2 of 4 articles analyzed; wrote {tmp_path / 'out'}"

    written = spark.read.parquet(str(tmp_path / "out"))
    articles = {r["article_id"]: r for r in written.where("row_kind = 'article'").collect()}
    assert set(articles) == {real_url, own, f"{own}/login", str(broken)}
    meta = json.loads(articles[own]["meta"])
    assert meta["warc_date"] and meta["warc_record_id"].startswith("<urn:uuid:")
    cli = cli_documents(str(real), str(OWN_PAGES / "article.html"))
    for url, path in ((real_url, real), (own, OWN_PAGES / "article.html")):
        mine = found_statements(written, url)
        theirs = cli[str(path)]
        assert mine == [(s["kind"], s["content"]["text"]) for s in theirs["statements"]]
        assert articles[url]["statements"] == theirs["summary"]["statements"]
        assert articles[url]["input_format"] == "html"
    assert (
        articles[own]["own_reporting"]
        == cli[str(OWN_PAGES / "article.html")]["summary"]["own_reporting"]
    )
    assert "Harbour Ledger" in out.getvalue()


def found_statements(written: DataFrame, article: str) -> list[tuple[str, str]]:
    statement_rows = written.where(f"row_kind = 'statement' and article_id = '{article}'").orderBy(
        "index"
    )
    return [(r["kind"], r["content_pieces"][0]["text"]) for r in statement_rows.collect()]


def test_command_refuses_an_existing_output(spark: SparkSession, tmp_path: Path) -> None:
    said: list[str] = []
    job = command.Job([str(EXAMPLE_PATH)], str(tmp_path))
    assert command.execute(spark, job, said.append, io.StringIO()) == 2
    assert said == [f"{tmp_path}: already exists; name a new output folder"]


def test_rows_schema_is_documented_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for field in rows.FIELDS:
        assert f"| `{field.name}` | `{field.type}` | {field.doc} |" in readme


def test_core_and_help_never_import_pyspark() -> None:
    code = "import sys, attrib; from attrib.cli import app; assert 'pyspark' not in sys.modules"
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def test_without_the_extra_attrib_spark_says_how_to_install_it(tmp_path: Path) -> None:
    code = (
        "import sys; sys.modules['pyspark'] = None; from attrib.cli import main; "
        f"sys.argv = ['attrib', 'spark', 'x.txt', '-o', {str(tmp_path / 'out')!r}]; main()"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 1
    assert result.stderr == "attrib: attrib.spark needs PySpark: pip install 'attrib[spark]'\n"
