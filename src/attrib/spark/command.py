"""``attrib spark``: files in, Parquet or JSON Lines out, for those who do not write Spark code.

The output is written whole or not at all: Spark writes a hidden folder beside the target, which
is renamed into place at the end (a URL such as ``hdfs://`` is written in place by Spark's own
committer). Input errors are printed as the CLI prints them, one line each, after the run.
"""

from __future__ import annotations

import os
import shutil
import sys
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as F

from . import api, rows

EXIT_OK, EXIT_INPUT, EXIT_USAGE = 0, 1, 2


@dataclass(frozen=True)
class Job:
    """What ``attrib spark`` was asked to do."""

    inputs: Sequence[str]
    output: str
    format: str = "parquet"  # or "jsonl"
    master: str | None = None
    workers: int | None = None
    globs: Sequence[str] = ()
    model: str | None = None
    by: str | None = None


def master_url(job: Job) -> str | None:
    """``--master`` as given, else ``--workers`` local cores, else what Spark is configured with
    (spark-submit's ``--master``, ``spark.master`` in spark-defaults.conf, or all local cores)."""
    if job.master:
        return job.master
    return f"local[{job.workers}]" if job.workers else None


def run(job: Job, say: Callable[[str], None], out: TextIO = sys.stdout) -> int:
    """Start Spark, then :func:`execute`; the exit status of ``attrib spark``. ``say`` prints a
    line on stderr (errors, and the closing count), ``out`` gets the ``--by`` table."""
    from pyspark.errors import PySparkException, PySparkRuntimeError

    from ..analysis.pipeline import ModelError, load_pipeline

    if _refused(job, say):
        return EXIT_USAGE
    try:  # here, not in every task: a clear error before any Spark work starts
        load_pipeline(job.model)
    except ModelError as err:
        say(str(err))
        return EXIT_INPUT
    config = {"spark.cores.max": str(job.workers)} if job.master and job.workers else {}
    try:
        spark = api.session(master_url(job), quiet=True, config=config)
    except PySparkRuntimeError as err:
        say(f"cannot start Spark ({err.getErrorClass()}): is Java 17 installed and on the PATH?")
        return EXIT_INPUT
    spark.sparkContext.setLogLevel("ERROR")
    try:
        return execute(spark, job, say, out)
    except PySparkException as err:  # a failed job: its last words, not a page of Java and Python
        lines = [line.strip() for line in str(err).splitlines() if line.strip()]
        say(f"the Spark job failed: {lines[-1] if lines else type(err).__name__}")
        return EXIT_INPUT
    finally:
        spark.sparkContext.setLogLevel("OFF")  # what a stopping cluster logs is no news to users
        spark.stop()


def execute(spark: SparkSession, job: Job, say: Callable[[str], None], out: TextIO) -> int:
    """Analyze the inputs, write the output, report errors (and the breakdown) in a session."""
    if _refused(job, say):
        return EXIT_USAGE
    failures: list[str] = []

    def failed(message: str) -> None:
        failures.append(message)
        say(message)

    try:
        found = api.analyze_paths(
            spark,
            job.inputs,
            globs=job.globs,
            model=job.model,
            documents=job.format == "jsonl",
            on_error=failed,
        )
    except ValueError as err:
        say(str(err))
        return EXIT_INPUT
    with _written(job.output) as place:
        articles = _write(found, place, job.format)
        _report(articles, failed, say, job.output)
        if job.by is not None:
            _print_breakdown(articles, job.by, out)
        articles.unpersist()
    return EXIT_INPUT if failures else EXIT_OK


def _local(output: str) -> Path | None:
    """The output as a local path, or None for a URL Spark writes itself (``hdfs://…``)."""
    return None if "://" in output else Path(output)


def _refused(job: Job, say: Callable[[str], None]) -> bool:
    target = _local(job.output)
    if target is not None and target.exists():
        say(f"{job.output}: already exists; name a new output folder")
        return True
    return False


@contextmanager
def _written(output: str) -> Iterator[str]:
    """Where Spark writes: a hidden sibling renamed to ``output`` at the end, or a URL as is."""
    target = _local(output)
    if target is None:
        yield output
        return
    place = target.resolve().parent / f".{target.name}.{uuid.uuid4().hex[:8]}.tmp"
    try:
        yield str(place)
        os.replace(place, target)
    finally:
        shutil.rmtree(place, ignore_errors=True)


def _write(found: DataFrame, place: str, fmt: str) -> DataFrame:
    """Write the rows (Parquet, a folder per row kind) or the documents (JSON Lines); return
    the article rows, to report errors and breakdowns from without analyzing again."""
    article = F.col("row_kind") == rows.ARTICLE
    if fmt == "jsonl":
        articles = found.where(article).persist()
        articles.where(F.col("document").isNotNull()).select("document").write.text(place)
        return articles
    found.write.partitionBy("row_kind").parquet(place)
    return found.sparkSession.read.parquet(place).where(article).persist()


def _report(
    articles: DataFrame, failed: Callable[[str], None], say: Callable[[str], None], output: str
) -> None:
    """Every failed article's error, one line each, then how many articles were analyzed."""
    errors = articles.where(F.col("error").isNotNull()).select("error").orderBy("error")
    count = 0
    for row in errors.toLocalIterator():
        failed(row["error"])
        count += 1
    total = articles.count()
    say(f"{total - count} of {total} articles analyzed; wrote {output}")


def _print_breakdown(articles: DataFrame, by: str, out: TextIO) -> None:
    """The table ``attrib summarize --by`` prints, from the same figures."""
    from rich.console import Console

    from ..outputs.table import corpus_table, group_label

    table = corpus_table(api.breakdown(api.summarize(articles, by)), label=group_label(by))
    Console(file=out, highlight=False).print(table)
