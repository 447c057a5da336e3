"""The ``attrib`` command line: a thin layer over the library.

spaCy is imported only inside commands that need a model, so ``attrib --help``
answers at once. Exit status: 0 success, 1 an input or model could not be
used (the others are still analyzed), 2 usage error, 130 interrupted.
"""

from __future__ import annotations

import csv
import json
import os
import sys
import tempfile
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TextIO

import typer
from rich.console import Console

from .results import Analysis, Summary
from .version import __version__

if TYPE_CHECKING:
    from .inputs.articles import Article

EXIT_INPUT = 1
EXIT_INTERRUPTED = 130

app = typer.Typer(
    name="attrib",
    pretty_exceptions_enable=False,
    help="Who is actually saying this? Source attribution for news articles.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class OutputFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    html = "html"


def _stderr() -> Console:
    return Console(stderr=True, highlight=False, soft_wrap=True)


def _fail(message: str) -> None:
    _stderr().print(f"attrib: {message}", markup=False)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"attrib {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    """Who is actually saying this? Source attribution for news articles."""


@contextmanager
def _destination(output: Path | None) -> Iterator[TextIO]:
    """stdout, or a file written whole or not at all (temporary file, then rename)."""
    if output is None:
        yield sys.stdout
        sys.stdout.flush()
        return
    directory = output.resolve().parent
    fd, tmp = tempfile.mkstemp(prefix=f".{output.name}.", dir=directory)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            yield handle
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp's 0600 is not what a user expects of -o
        os.replace(tmp, output)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@app.command()
def analyze(
    inputs: Annotated[
        list[str] | None,
        typer.Argument(
            help="Text files, saved web pages, http(s) URLs, folders (searched recursively "
            "for *.txt) or globs; '-' reads stdin.",
            show_default=False,
        ),
    ] = None,
    json_out: Annotated[bool, typer.Option("--json", help="Shorthand for --format json.")] = False,
    fmt: Annotated[
        OutputFormat,
        typer.Option(
            "--format",
            "-f",
            help="table, json (JSON Lines), csv (a row a statement) or html (a report).",
        ),
    ] = OutputFormat.table,
    jsonl_in: Annotated[
        str | None,
        typer.Option(
            "--jsonl-in",
            help="Read articles from JSON Lines ({'id', 'text', ...}; '-' for stdin). "
            "Other fields are carried into the output under 'meta'.",
        ),
    ] = None,
    globs: Annotated[
        list[str] | None,
        typer.Option(
            "--glob", help="File pattern to take from folders (repeatable; default *.txt)."
        ),
    ] = None,
    model: Annotated[
        str | None,
        typer.Option("--model", "-m", help="spaCy pipeline to use (default: en_core_web_sm)."),
    ] = None,
    workers: Annotated[
        int, typer.Option("--workers", "-w", min=1, help="Processes for parsing (spaCy n_process).")
    ] = 1,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to this file (atomically).")
    ] = None,
    include_text: Annotated[
        bool,
        typer.Option(
            "--include-text",
            help="Put the analyzed text in the JSON as input.text (for a web page, the "
            "extracted text; offsets refer to it).",
        ),
    ] = False,
) -> None:
    """Find statements and their sources, and print a sourcing breakdown.

    One input prints its sources and breakdown; several print one row per
    article and a total. JSON and CSV are written as each article is ready.

    Examples:

      attrib analyze article.txt

      attrib analyze https://example.org/news/story.html saved-page.html

      attrib analyze corpus/ --json > results.jsonl

      attrib analyze corpus/ --format csv -o statements.csv --workers 2

      attrib analyze article.txt --format html -o report.html

      cat articles.jsonl | attrib analyze --jsonl-in - --json | jq .summary
    """
    from .inputs.articles import DEFAULT_GLOBS, expand, read_files, read_jsonl

    if not inputs and jsonl_in is None:
        raise typer.BadParameter("name at least one input, '-' for stdin, or --jsonl-in")
    fmt = OutputFormat.json if json_out else fmt
    failures: list[str] = []

    def fail(message: str) -> None:
        failures.append(message)
        _fail(message)

    paths = list(expand(inputs or [], globs or DEFAULT_GLOBS, fail))
    articles = read_files(paths, fail)
    if jsonl_in is not None:
        articles = chain(articles, read_jsonl(jsonl_in, fail))
    total = len(paths) if jsonl_in is None else None
    ok = _analyze_all(articles, total, model, workers, fmt, output, include_text)
    raise typer.Exit(EXIT_INPUT if failures or not ok else 0)


def _analyze_all(
    articles: Iterable[Article],
    total: int | None,
    model: str | None,
    workers: int,
    fmt: OutputFormat,
    output: Path | None,
    include_text: bool = False,
) -> bool:
    """Analyze and write as each article is ready; False when the model could not be loaded."""
    from .analysis.pipeline import ModelError, analyze_doc_stream, load_pipeline
    from .analysis.publisher import mark_publisher
    from .outputs.jsonl import render_json
    from .outputs.spreadsheet import CSV_HEADER, csv_rows
    from .outputs.table import corpus_table, print_table

    try:
        nlp = load_pipeline(model)
    except ModelError as err:
        _fail(str(err))
        return False
    pending: deque[Article] = deque()

    def texts() -> Iterator[str]:
        for article in articles:
            pending.append(article)
            yield article.text

    rows: list[tuple[str, int, Summary]] = []
    report: list[tuple[str, str, Analysis]] = []  # --format html is one document: kept whole
    first: Analysis | None = None  # the only one kept: a single input prints its full table
    with _destination(output) as out, _progress(total) as advance:
        writer = csv.writer(out) if fmt is OutputFormat.csv else None
        if writer:
            writer.writerow(CSV_HEADER)
        for analysis in analyze_doc_stream(nlp, texts(), n_process=workers):
            article = pending.popleft()
            analysis = mark_publisher(analysis.with_input(article.input, article.meta))
            if fmt is OutputFormat.json:
                out.write(render_json(analysis, article.text if include_text else None) + "\n")
            elif writer:
                writer.writerows(csv_rows(analysis))
            elif fmt is OutputFormat.html:
                report.append((article.title, article.text, analysis))
            else:
                rows.append((article.title, 1, analysis.summary))
                first = first or analysis
            out.flush()
            advance()
        if fmt is OutputFormat.html:
            out.write(_html(report))
        if fmt is OutputFormat.table:
            console = Console(file=out, highlight=False, soft_wrap=False)
            if len(rows) == 1 and first is not None:
                print_table(console, first, title=rows[0][0])
            elif rows:
                console.print(corpus_table(rows))
    return True


def _html(report: list[tuple[str, str, Analysis]]) -> str:
    from datetime import UTC, datetime

    from .outputs.html_report import render_html

    model = report[0][2].model if report else ""  # the component's own label of the pipeline
    return render_html(report, model, datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"))


@contextmanager
def _progress(total: int | None) -> Iterator[Callable[[], None]]:
    """A progress bar on stderr for runs of several articles, only when stderr is a terminal."""
    if not sys.stderr.isatty() or (total is not None and total < 2):
        yield lambda: None
        return
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TimeRemainingColumn,
    )

    with Progress(
        "[progress.description]{task.description}",
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        transient=True,
    ) as bar:
        task = bar.add_task("analyzing", total=total)
        yield lambda: bar.advance(task)


@app.command()
def show(
    source: Annotated[
        str, typer.Argument(help="A text file, web page file or URL; '-' reads stdin.")
    ],
    model: Annotated[
        str | None, typer.Option("--model", "-m", help="spaCy pipeline to use.")
    ] = None,
) -> None:
    """Print the article with each statement highlighted by the type of its source.

    Colours: named green, unnamed yellow, outlet cyan, unattributed magenta; a
    label after each statement names its source and relays. Plain text with
    bracketed labels when piped or under NO_COLOR. For long articles use a
    pager: attrib show article.txt | less (or FORCE_COLOR=1 ... | less -R).

    Example:

      attrib show article.txt
    """
    from . import analyze
    from .analysis.pipeline import ModelError, load_pipeline
    from .inputs.articles import read_article
    from .inputs.decoding import InputError
    from .outputs.show import print_article
    from .outputs.table import breakdown

    try:
        article = read_article(source)
        nlp = load_pipeline(model)
    except (InputError, ModelError) as err:
        _fail(str(err))
        raise typer.Exit(EXIT_INPUT) from None
    analysis = analyze(article.text, nlp=nlp, input=article.input)
    console = Console(highlight=False)
    if article.title != article.name:  # a web page: name it with its title
        console.print(article.title, style="bold", markup=False)
        console.print()
    print_article(console, article.text, analysis)
    console.print()
    console.print(breakdown(analysis))


@app.command()
def summarize(
    results: Annotated[
        str, typer.Argument(help="JSON Lines written by 'attrib analyze --json'; '-' for stdin.")
    ],
    by: Annotated[
        str | None,
        typer.Option(
            "--by",
            help="Group by 'input', a page field (sitename, date, author, hostname) "
            "or a field carried from --jsonl-in (e.g. outlet).",
        ),
    ] = None,
) -> None:
    """Rebuild the sourcing table from saved results, without running a model.

    Examples:

      attrib summarize results.jsonl

      attrib summarize results.jsonl --by outlet

      attrib summarize pages.jsonl --by sitename
    """
    from .outputs.table import corpus_table
    from .results import document_field

    groups: dict[str, list[Summary]] = {}
    try:
        handle = sys.stdin if results == "-" else open(results, encoding="utf-8")  # noqa: SIM115
    except OSError as err:
        _fail(f"{results}: {(err.strerror or str(err)).lower()}")
        raise typer.Exit(EXIT_INPUT) from None
    with handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                doc = json.loads(line)
                summary = Summary.from_dict(doc["summary"])
            except (ValueError, KeyError, TypeError):
                _fail(f"{results}:{number}: not an attrib result")
                raise typer.Exit(EXIT_INPUT) from None
            key = document_field(doc, by)
            groups.setdefault(str(key if key is not None else "(none)"), []).append(summary)
    rows = [(name, len(s), Summary.combine(s)) for name, s in sorted(groups.items())]
    Console(highlight=False).print(corpus_table(rows, label=by.capitalize() if by else "Article"))


@app.command()
def evaluate(
    gold: Annotated[Path, typer.Argument(help="Gold JSON Lines file (format: see README).")],
    json_out: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
    model: Annotated[
        str | None, typer.Option("--model", "-m", help="spaCy pipeline to use.")
    ] = None,
) -> None:
    """Score attrib against human-annotated attributions.

    Prints precision, recall and F1 for content, source and (source, content)
    pairs, under exact and overlap match, overall and by kind.

    Example:

      attrib evaluate ../shared/data/polnear-dev.jsonl
    """
    from .analysis.pipeline import ModelError, analyze_doc_stream, load_pipeline
    from .evaluate.gold import read_gold
    from .evaluate.report import render_report
    from .evaluate.scoring import score_corpus

    try:
        articles = list(read_gold(gold))
        nlp = load_pipeline(model)
    except (OSError, ValueError, ModelError) as err:
        _fail(str(err))
        raise typer.Exit(EXIT_INPUT) from None
    analyses = analyze_doc_stream(nlp, (a.text for a in articles))
    report = score_corpus(zip(articles, analyses, strict=True))
    if json_out:
        typer.echo(json.dumps(report.to_dict()))
    else:
        Console(highlight=False).print(render_report(report, str(gold)))


class SparkFormat(StrEnum):
    parquet = "parquet"
    jsonl = "jsonl"


@app.command()
def spark(
    inputs: Annotated[
        list[str],
        typer.Argument(
            help="Text files, saved web pages, folders, globs, .jsonl, .parquet and "
            ".warc(.gz) files.",
            show_default=False,
        ),
    ],
    output: Annotated[
        str, typer.Option("--output", "-o", help="A new folder to write.", show_default=False)
    ],
    fmt: Annotated[
        SparkFormat,
        typer.Option(
            "--format", "-f", help="parquet (a folder per row kind) or jsonl (--json documents)."
        ),
    ] = SparkFormat.parquet,
    master: Annotated[
        str | None,
        typer.Option("--master", help="Spark master URL (default: local[N], this machine)."),
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers", "-w", min=1, help="Cores to use (default: all; with --master, at most)."
        ),
    ] = None,
    globs: Annotated[
        list[str] | None,
        typer.Option("--glob", help="File pattern to take from folders (repeatable; *.txt)."),
    ] = None,
    model: Annotated[
        str | None, typer.Option("--model", "-m", help="spaCy pipeline to use.")
    ] = None,
    by: Annotated[
        str | None,
        typer.Option("--by", help="Then print the breakdown 'attrib summarize --by' prints."),
    ] = None,
) -> None:
    """Analyze a corpus of any size with Apache Spark, here or on a cluster.

    Needs the spark extra (pip install 'attrib[spark]') and Java 17. Writes
    Parquet rows (article, statement and unattributed rows, a folder each) or
    the JSON Lines documents of 'analyze --json'. WARC files give their HTML
    responses. Errors are printed one a line at the end.

    Examples:

      attrib spark corpus/ -o results.parquet

      attrib spark crawl/*.warc.gz -o news --by sitename

      attrib spark articles.jsonl -o results --format jsonl --master spark://host:7077
    """
    try:
        from .spark.command import Job, run
    except ImportError as err:
        _fail(str(err))
        raise typer.Exit(EXIT_INPUT) from None
    job = Job(inputs, output, fmt.value, master, workers, globs or (), model=model, by=by)
    raise typer.Exit(run(job, _fail))


@app.command()
def schema() -> None:
    """Print the JSON Schema of the documents 'analyze --json' writes.

    Example:

      attrib schema > attrib-analysis.schema.json
    """
    from .results import json_schema

    typer.echo(json.dumps(json_schema(), indent=2, ensure_ascii=False))


def main() -> None:
    """Console-script entry point: maps Ctrl-C to exit status 130 without a traceback."""
    try:
        app(standalone_mode=True)
    except KeyboardInterrupt:
        _fail("interrupted")
        sys.exit(EXIT_INTERRUPTED)
    except Exception as err:  # a bug: still one line, with the traceback on request
        if os.environ.get("ATTRIB_DEBUG"):
            raise
        _fail(f"internal error: {type(err).__name__}: {err} (set ATTRIB_DEBUG=1 for details)")
        sys.exit(EXIT_INPUT)
