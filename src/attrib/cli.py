"""The ``attrib`` command line: a thin layer over the library.

spaCy is imported only inside commands that need a model, so ``attrib --help``
answers at once. Exit status: 0 success, 1 an input, the output or the model could
not be used (the other inputs are still analyzed), 2 usage error, 130 interrupted,
141 the reader of the output went away, 143 terminated.
"""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import stat
import sys
import tempfile
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import closing, contextmanager, suppress
from dataclasses import dataclass
from enum import StrEnum
from itertools import chain
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Annotated, NoReturn, TextIO, cast

import typer
from rich.console import Console

from .inputs.decoding import display_name
from .results import Analysis, Scope, Summary
from .version import __version__

if TYPE_CHECKING:
    from spacy.language import Language

    from .analysis.component import AttributionComponent
    from .inputs.articles import Article

EXIT_INPUT = 1
EXIT_USAGE = 2

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
    """One line on stderr; nothing in it (a file name, a server's words) can steer the terminal."""
    from .outputs.table import terminal_safe

    _stderr().print(f"attrib: {terminal_safe(message).replace(chr(10), ' ')}", markup=False)


class _Stop(BaseException):
    """End the run now, with ``status`` and ``message``: raised by the signal handlers and on
    a closed output pipe. A BaseException that Typer does not catch, so it unwinds through
    every cleanup (temporary files, worker processes) up to :func:`main`."""

    def __init__(self, status: int, message: str = "") -> None:
        super().__init__(message)
        self.status = status
        self.message = message


_SIGNALS = {signal.SIGINT: "interrupted", signal.SIGTERM: "terminated"}


_REPEAT_SECONDS = 0.5
"""How often a stop is raised again until it ends the run."""


def _on_signal(signum: int, _frame: FrameType | None) -> None:
    """Stop the run. Python drops an exception raised where it ignores exceptions (a
    ``__del__``, a weakref callback), so the stop is raised again every half second (SIGALRM)
    until one unwinds the run: a signal that lands there would otherwise leave it running."""
    stop = _Stop(128 + signum, _SIGNALS[signal.Signals(signum)])

    def again(_signum: int, _frame: FrameType | None) -> None:
        if not isinstance(sys.exc_info()[1], _Stop):  # not while a stop unwinds the run
            raise _Stop(stop.status, stop.message)

    signal.signal(signal.SIGALRM, again)
    signal.setitimer(signal.ITIMER_REAL, _REPEAT_SECONDS, _REPEAT_SECONDS)
    raise stop


@contextmanager
def _signals_stop() -> Iterator[None]:
    """Ctrl-C and SIGTERM end the run cleanly (exit 130 and 143), as long as it runs."""
    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread may handle signals
        return
    previous = {sig: signal.signal(sig, _on_signal) for sig in _SIGNALS}
    alarm = signal.getsignal(signal.SIGALRM)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)  # no stop raised again once unwound
        signal.signal(signal.SIGALRM, alarm)
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def _drop_stdout() -> None:
    """After the reader of stdout went away, send what is still buffered nowhere, so exiting
    does not fail again trying to flush it."""
    with suppress(OSError, ValueError):  # no file descriptor: stdout is not a real stream
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


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


def _pipeline(model: str | None) -> Language:
    """The pipeline for ``model``, loaded once per process and shared with ``attrib.analyze``,
    so commands run in one process (tests, notebooks) never load a model twice."""
    from . import _shared_pipeline

    return _shared_pipeline(model)


@contextmanager
def _destination(output: Path | None, inputs: Iterable[str]) -> Iterator[TextIO]:
    """Where the run writes: stdout, or ``-o``'s file, checked before any work starts.

    A regular file (or the file a symbolic link names) is written whole or not at all: a
    temporary file next to it, renamed over it at the end. A character device or a FIFO
    (``/dev/null``, a named pipe) is written into as it is. An output that is one of the
    ``inputs`` is refused.
    """
    if output is None:
        try:
            yield sys.stdout
            sys.stdout.flush()
        except BrokenPipeError:
            raise _Stop(128 + signal.SIGPIPE) from None
        return
    target = Path(os.path.realpath(output))
    info = _stat(target, output)
    if info is not None and stat.S_ISDIR(info.st_mode):
        _output_error(output, "cannot write (is a directory)")
    if info is not None and any(_same_file(info, name) for name in inputs):
        _output_error(output, "is one of the inputs; name another output", EXIT_USAGE)
    if info is not None and (stat.S_ISCHR(info.st_mode) or stat.S_ISFIFO(info.st_mode)):
        try:
            handle = open(target, "w", encoding="utf-8")  # noqa: SIM115
        except OSError as err:
            _output_error(output, f"cannot write ({_reason(err)})")
        with handle:
            yield handle
        return
    if info is not None and not stat.S_ISREG(info.st_mode):
        _output_error(output, "cannot write (not a file, FIFO or character device)")
    if info is not None and not os.access(target, os.W_OK):
        _output_error(output, "cannot write (permission denied)")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    except OSError as err:
        _output_error(output, f"cannot write ({_reason(err)})")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            yield handle
        os.chmod(tmp, stat.S_IMODE(info.st_mode) if info else _new_file_mode())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _stat(target: Path, output: Path) -> os.stat_result | None:
    try:
        return os.stat(target)
    except FileNotFoundError:
        return None
    except OSError as err:
        _output_error(output, f"cannot write ({_reason(err)})")


def _same_file(info: os.stat_result, name: str) -> bool:
    try:
        return os.path.samestat(info, os.stat(name))
    except (OSError, ValueError):
        return False  # '-', a URL, a name that does not exist


def _new_file_mode() -> int:
    """What a new file gets from the shell (0666 less the umask), not mkstemp's 0600."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _output_error(output: Path, why: str, status: int = EXIT_INPUT) -> NoReturn:
    _fail(f"{display_name(str(output))}: {why}")
    raise typer.Exit(status)


def _reason(err: OSError) -> str:
    if isinstance(err, FileNotFoundError | NotADirectoryError):
        return "no such directory"
    return (err.strerror or type(err).__name__).lower()


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
    raw_csv: Annotated[
        bool,
        typer.Option(
            "--raw-csv",
            help="Write CSV cells as found, even those a spreadsheet would run as a formula "
            "(by default a cell starting with = + - @, tab or CR gets a ' in front).",
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
    writing = _Writing(fmt, include_text, raw_csv, scope.value)
    with _destination(output, [*paths, *([jsonl_in] if jsonl_in else [])]) as out:
        _analyze_all(articles, total, model, workers, writing, out, fail)
    raise typer.Exit(EXIT_INPUT if failures else 0)


@dataclass(frozen=True)
class _Writing:
    """How analyses are written."""

    fmt: OutputFormat
    include_text: bool
    raw_csv: bool
    scope: Scope

    def record(self, article: Article, analysis: Analysis) -> str:
        """One article's JSON line or CSV rows, whole, so a failure never leaves half of one
        (the table and the HTML report are written at the end). The JSON document is the same
        in both scopes: it keeps statements and other attributions apart."""
        from .outputs.jsonl import render_json
        from .outputs.spreadsheet import csv_rows

        if self.fmt is OutputFormat.json:
            return render_json(analysis, article.text if self.include_text else None) + "\n"
        if self.fmt is OutputFormat.csv:
            return _csv(csv_rows(analysis.scoped(self.scope), raw=self.raw_csv))
        return ""


def _csv(rows: Iterable[Iterable[str]]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    return buffer.getvalue()


def _analyze_all(
    articles: Iterable[Article],
    total: int | None,
    model: str | None,
    workers: int,
    writing: _Writing,
    out: TextIO,
    fail: Callable[[str], None],
) -> None:
    """Analyze and write as each article is ready; every article gets its own answer.

    A model that cannot be loaded, or a worker process that dies, ends the run (exit 1).
    """
    from .analysis.pipeline import ModelError, analyze_doc_stream
    from .analysis.publisher import mark_publisher
    from .outputs.spreadsheet import CSV_HEADER
    from .outputs.table import corpus_table, print_table
    from .processes import WorkerError

    try:
        nlp = _pipeline(model)
    except ModelError as err:
        _fail(str(err))
        raise typer.Exit(EXIT_INPUT) from None
    pending: deque[Article] = deque()

    def texts() -> Iterator[str]:
        for article in articles:
            pending.append(article)
            yield article.text

    fmt = writing.fmt
    rows: list[tuple[str, int, Summary]] = []
    report: list[tuple[str, str, Analysis]] = []  # --format html is one document: kept whole
    first: tuple[str, Analysis] | None = None  # a single input prints its full table, titled
    if fmt is OutputFormat.csv:
        out.write(_csv([CSV_HEADER]))
    stream = analyze_doc_stream(nlp, texts(), n_process=workers)
    with closing(stream), _progress(total) as advance:
        try:
            for analysis in stream:
                article = pending.popleft()
                try:
                    analysis = mark_publisher(analysis.with_input(article.input, article.meta))
                    record = writing.record(article, analysis)
                except Exception as err:  # a bug on one article must not cost the others
                    if os.environ.get("ATTRIB_DEBUG"):
                        raise
                    fail(f"{display_name(article.name)}: internal error: {type(err).__name__}")
                    continue
                out.write(record)
                scoped = analysis.scoped(writing.scope)
                if fmt is OutputFormat.html:
                    report.append((article.input.label, article.text, scoped))
                elif fmt is OutputFormat.table:
                    rows.append((article.input.label, 1, scoped.summary))
                    first = first or (article.title, scoped)
                out.flush()
                advance()
        except WorkerError as err:
            _fail(str(err))
            raise typer.Exit(EXIT_INPUT) from None
    if fmt is OutputFormat.html:
        out.write(_html(report))
    if fmt is OutputFormat.table:
        console = Console(file=out, highlight=False, soft_wrap=False)
        if len(rows) == 1 and first is not None:
            print_table(console, first[1], title=first[0])
        elif rows:
            console.print(corpus_table(rows))


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
    from .analysis.pipeline import ModelError
    from .inputs.articles import read_article
    from .inputs.decoding import InputError
    from .outputs.show import print_article, statement_list
    from .outputs.table import breakdown, terminal_safe

    try:
        article = read_article(source)
        nlp = _pipeline(model)
    except (InputError, ModelError) as err:
        _fail(str(err))
        raise typer.Exit(EXIT_INPUT) from None
    text = terminal_safe(article.text)  # one for one: offsets still hold
    analysis = analyze(text, nlp=nlp, input=article.input).scoped(scope.value)
    console = Console(highlight=False)
    if article.title != article.name:  # a web page: name it with its title
        console.print(terminal_safe(article.title), style="bold", markup=False)
        console.print()
    if listing:
        console.print(statement_list(analysis))
    else:
        print_article(console, text, analysis)
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
    from .inputs.jsonlines import read_json_lines
    from .outputs.table import corpus_table, group_label
    from .results import InputInfo, document_field, summarizable

    def stop(message: str) -> NoReturn:
        _fail(message)
        raise typer.Exit(EXIT_INPUT)

    groups: dict[str, list[Summary]] = {}
    labels: dict[str, str] = {}  # an input's short name, for --by input
    for where, data in read_json_lines(results, stop):
        try:
            doc = summarizable(data)
            summary = (
                Summary.from_dict(doc["summary"])
                if scope is ScopeOption.statements
                else Analysis.from_dict(data).scoped("all").summary  # rebuilt from its arrays
            )
        except (ValueError, KeyError, TypeError) as err:
            stop(f"{where}: not an attrib result ({err})")
        key = str(document_field(doc, by) or "(none)")
        key = key[:7] if by == "date" and key != "(none)" else key  # by month
        if by in (None, "input"):
            labels[key] = InputInfo.from_dict(doc.get("input"), doc.get("meta")).label
        groups.setdefault(key, []).append(summary)
    rows = [(labels.get(k, k), len(s), Summary.combine(s)) for k, s in sorted(groups.items())]
    label = group_label(by)
    with _destination(output, [results]) as out:
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
    from .analysis.pipeline import ModelError, analyze_doc_stream
    from .evaluate.evaluation import evaluate_corpus
    from .evaluate.gold import read_gold, read_labels, with_labels
    from .evaluate.report import render_evaluation

    try:
        articles = list(read_gold(gold))
        if labels is not None:
            found = read_labels(labels)
            articles = [with_labels(a, found) for a in articles]
        nlp = _pipeline(model)
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


def main(argv: list[str] | None = None) -> None:
    """Console-script entry point (``argv`` defaults to the command line): Ctrl-C, SIGTERM and a
    closed output pipe end the run at once with their exit status, and any bug is one line,
    never a traceback."""
    try:
        with _signals_stop():
            app(args=argv, prog_name="attrib", standalone_mode=True)
    except _Stop as stop:
        if stop.message:
            _fail(stop.message)
        else:
            _drop_stdout()
        sys.exit(stop.status)
    except KeyboardInterrupt:  # before the handlers were in place
        _fail("interrupted")
        sys.exit(128 + signal.SIGINT)
    except Exception as err:  # a bug: still one line, with the traceback on request
        if os.environ.get("ATTRIB_DEBUG"):
            raise
        _fail(f"internal error: {type(err).__name__}: {err} (set ATTRIB_DEBUG=1 for details)")
        sys.exit(EXIT_INPUT)
