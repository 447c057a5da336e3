"""The ``attrib`` command line: a thin layer over the library.

spaCy is imported only inside commands that need a model, so ``attrib --help``
answers at once. Exit status: 0 success, 1 an input or model could not be
used (the others are still analyzed), 2 usage error, 130 interrupted.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated, TextIO

import typer
from rich.console import Console

from . import __version__

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
        os.replace(tmp, output)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@app.command()
def analyze(
    inputs: Annotated[
        list[str], typer.Argument(help="Text files to analyze; '-' reads standard input.")
    ],
    json_out: Annotated[bool, typer.Option("--json", help="Shorthand for --format json.")] = False,
    fmt: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="table (default) or json (JSON Lines).")
    ] = OutputFormat.table,
    model: Annotated[
        str | None,
        typer.Option("--model", "-m", help="spaCy pipeline to use (default: en_core_web_sm)."),
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to this file (atomically).")
    ] = None,
) -> None:
    """Find statements and their sources, and print a sourcing breakdown.

    Examples:

      attrib analyze article.txt

      attrib analyze a.txt b.txt --json > results.jsonl

      curl -s https://example.org/a.txt | attrib analyze - --json | jq .summary
    """
    from .reading import InputError, read_input

    as_json = json_out or fmt is OutputFormat.json
    failed = False
    texts: list[tuple[str, str]] = []
    for name in inputs:
        try:
            texts.append((name, read_input(name)))
        except InputError as err:
            _fail(str(err))
            failed = True
    if texts:
        failed |= not _analyze_all(texts, model, as_json, output)
    raise typer.Exit(EXIT_INPUT if failed else 0)


def _analyze_all(
    texts: list[tuple[str, str]], model: str | None, as_json: bool, output: Path | None
) -> bool:
    """Analyze and print; False when the model could not be loaded."""
    from .pipeline import ModelError, analyze_doc_stream, load_pipeline
    from .render import print_table, render_json

    try:
        nlp = load_pipeline(model)
    except ModelError as err:
        _fail(str(err))
        return False
    analyses = analyze_doc_stream(nlp, (text for _, text in texts))
    with _destination(output) as out:
        console = Console(file=out, highlight=False, soft_wrap=False)
        for (name, _), analysis in zip(texts, analyses, strict=True):
            analysis = analysis.with_input(name)
            if as_json:
                out.write(render_json(analysis) + "\n")
                out.flush()
            else:
                print_table(console, analysis, title=name)
    return True


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
    import json

    from .evaluate import read_gold, score_corpus
    from .pipeline import ModelError, analyze_doc_stream, load_pipeline
    from .render import render_report

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
