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
from typing import TYPE_CHECKING, Annotated, TextIO, cast

import typer
from rich.console import Console

from .results import Analysis, Scope, Summary
from .version import __version__

if TYPE_CHECKING:
    from .analysis.component import AttributionComponent
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


class ScopeOption(StrEnum):
    statements = "statements"
    all = "all"


_SCOPE_HELP = (
    "What counts: statements (what sources said or documents say) or all attributions "
    "(beliefs, intentions, attitudes and questions too)."
)
ScopeArg = Annotated[ScopeOption, typer.Option("--scope", help=_SCOPE_HELP)]


class SummaryFormat(StrEnum):
    table = "table"
    html = "html"


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
    scope: Annotated[
        ScopeOption,
        typer.Option(
            "--scope",
            help=_SCOPE_HELP[:-1] + " in the table, CSV and HTML. The JSON is the same in "
            "both: it always keeps 'statements' and 'other_attributions' apart.",
        ),
    ] = ScopeOption.statements,
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
    ok = _analyze_all(articles, total, model, workers, fmt, output, include_text, scope.value)
    raise typer.Exit(EXIT_INPUT if failures or not ok else 0)


def _analyze_all(
    articles: Iterable[Article],
    total: int | None,
    model: str | None,
    workers: int,
    fmt: OutputFormat,
    output: Path | None,
    include_text: bool = False,
    scope: Scope = "statements",
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
    first: tuple[str, Analysis] | None = None  # a single input prints its full table, titled
    with _destination(output) as out, _progress(total) as advance:
        writer = csv.writer(out) if fmt is OutputFormat.csv else None
        if writer:
            writer.writerow(CSV_HEADER)
        for analysis in analyze_doc_stream(nlp, texts(), n_process=workers):
            article = pending.popleft()
            analysis = mark_publisher(analysis.with_input(article.input, article.meta))
            scoped = analysis.scoped(scope)  # JSON keeps statements and others apart anyway
            if fmt is OutputFormat.json:
                out.write(render_json(analysis, article.text if include_text else None) + "\n")
            elif writer:
                writer.writerows(csv_rows(scoped))
            elif fmt is OutputFormat.html:
                report.append((article.input.label, article.text, scoped))
            else:
                rows.append((article.input.label, 1, scoped.summary))
                first = first or (article.title, scoped)
            out.flush()
            advance()
        if fmt is OutputFormat.html:
            out.write(_html(report))
        if fmt is OutputFormat.table:
            console = Console(file=out, highlight=False, soft_wrap=False)
            if len(rows) == 1 and first is not None:
                print_table(console, first[1], title=first[0])
            elif rows:
                console.print(corpus_table(rows))
    return True


def _html(report: list[tuple[str, str, Analysis]]) -> str:
    from datetime import UTC, datetime

    from .outputs.html import render_html

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
    scope: ScopeArg = ScopeOption.statements,
    listing: Annotated[
        bool,
        typer.Option(
            "--list",
            help="List the statements instead, one a line: source, type, cue and the start "
            "of the content.",
        ),
    ] = False,
) -> None:
    """Print the article with each statement highlighted by the type of its source.

    Colours: named green, unnamed yellow, outlet cyan, unattributed magenta; a
    label after each statement names its source and relays. Plain text with
    bracketed labels when piped or under NO_COLOR. For long articles use a
    pager: attrib show article.txt | less (or FORCE_COLOR=1 ... | less -R).

    Examples:

      attrib show article.txt

      attrib show article.txt --list
    """
    from . import analyze
    from .analysis.pipeline import ModelError, load_pipeline
    from .inputs.articles import read_article
    from .inputs.decoding import InputError
    from .outputs.show import print_article, statement_list
    from .outputs.table import breakdown

    try:
        article = read_article(source)
        nlp = load_pipeline(model)
    except (InputError, ModelError) as err:
        _fail(str(err))
        raise typer.Exit(EXIT_INPUT) from None
    analysis = analyze(article.text, nlp=nlp, input=article.input).scoped(scope.value)
    console = Console(highlight=False)
    if article.title != article.name:  # a web page: name it with its title
        console.print(article.title, style="bold", markup=False)
        console.print()
    if listing:
        console.print(statement_list(analysis))
    else:
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
    scope: ScopeArg = ScopeOption.statements,
    fmt: Annotated[
        SummaryFormat,
        typer.Option(
            "--format",
            "-f",
            help="table, or html: a self-contained page charting the breakdown of each group "
            "as stacked bars, sortable by column.",
        ),
    ] = SummaryFormat.table,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to this file (atomically).")
    ] = None,
) -> None:
    """Rebuild the sourcing table from saved results, without running a model.

    --by date groups by month (YYYY-MM), so a chart shows the trend.

    Examples:

      attrib summarize results.jsonl

      attrib summarize results.jsonl --by outlet

      attrib summarize pages.jsonl --by sitename --format html -o chart.html

      attrib summarize pages.jsonl --by date --format html -o trend.html
    """
    from .outputs.table import corpus_table
    from .results import InputInfo, document_field

    groups: dict[str, list[Summary]] = {}
    labels: dict[str, str] = {}  # an input's short name, for --by input
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
                summary = (
                    Summary.from_dict(doc["summary"])
                    if scope is ScopeOption.statements
                    else Analysis.from_dict(doc).scoped("all").summary  # rebuilt from its arrays
                )
            except (ValueError, KeyError, TypeError):
                _fail(f"{results}:{number}: not an attrib result")
                raise typer.Exit(EXIT_INPUT) from None
            key = str(document_field(doc, by) or "(none)")
            key = key[:7] if by == "date" and key != "(none)" else key  # by month
            if by in (None, "input"):
                labels[key] = InputInfo.from_dict(doc.get("input"), doc.get("meta")).label
            groups.setdefault(key, []).append(summary)
    rows = [(labels.get(k, k), len(s), Summary.combine(s)) for k, s in sorted(groups.items())]
    label = "Month" if by == "date" else by.capitalize() if by else "Article"
    with _destination(output) as out:
        if fmt is SummaryFormat.html:
            out.write(_chart(rows, label, scope.value))
        else:
            Console(file=out, highlight=False, soft_wrap=False).print(corpus_table(rows, label))


def _chart(rows: list[tuple[str, int, Summary]], label: str, scope: str) -> str:
    from datetime import UTC, datetime

    from .outputs.html import render_chart

    return render_chart(rows, label, scope, datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"))


@app.command()
def evaluate(
    gold: Annotated[Path, typer.Argument(help="Gold JSON Lines file (format: see README).")],
    json_out: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
    scope: Annotated[
        ScopeOption,
        typer.Option(
            "--scope",
            help="statements (what sources said or documents say) or all attributions "
            "(beliefs, intentions and attitudes too, as PolNeAR annotates them).",
        ),
    ] = ScopeOption.statements,
    labels: Annotated[
        Path | None,
        typer.Option(
            "--labels",
            help="Labels kept apart from the gold texts: a TSV of article id, attribution id, "
            "class, source type, source entity.",
        ),
    ] = None,
    model: Annotated[
        str | None, typer.Option("--model", "-m", help="spaCy pipeline to use.")
    ] = None,
) -> None:
    """Score attrib against human-annotated attributions.

    Prints precision, recall and F1 for content, source and (source, content)
    pairs, under exact and overlap match, overall and by kind; then statements
    right (content and source) and, where the gold types its sources, typing
    accuracy, a confusion matrix and the error of each article's unnamed share.

    Examples:

      attrib evaluate ../shared/data/polnear-dev.jsonl --scope all

      attrib evaluate polnear-dev.jsonl --labels benchmarks/gold/polnear-dev-labels.tsv
    """
    from .analysis.pipeline import ModelError, analyze_doc_stream, load_pipeline
    from .evaluate.evaluation import evaluate_corpus
    from .evaluate.gold import read_gold, read_labels, with_labels
    from .evaluate.report import render_evaluation

    try:
        articles = list(read_gold(gold))
        if labels is not None:
            found = read_labels(labels)
            articles = [with_labels(a, found) for a in articles]
        nlp = load_pipeline(model)
    except (OSError, ValueError, ModelError) as err:
        _fail(str(err))
        raise typer.Exit(EXIT_INPUT) from None
    lexicon = cast("AttributionComponent", nlp.get_pipe("attribution")).lexicon
    statement_classes = {name for name, c in lexicon.classes.items() if c.statement}
    analyses = analyze_doc_stream(nlp, (a.text for a in articles))
    pairs = zip(articles, analyses, strict=True)
    result = evaluate_corpus(pairs, scope.value, statement_classes)
    if json_out:
        typer.echo(json.dumps(result.to_dict()))
    else:
        Console(highlight=False).print(render_evaluation(result, str(gold)))


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
