"""The Spark side: a DataFrame (or files) in, attrib's flat rows out, breakdowns in Spark SQL.

Nothing here analyzes text: the driver only plans. Articles are spread over the cluster by a
hash of their id, and the executors' Python workers (``worker``) read, analyze and build rows.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import partial
from pathlib import Path
from typing import cast

from pyspark.sql import Column, DataFrame, SparkSession
from pyspark.sql import functions as F
from pyspark.sql.types import BinaryType, DataType, StringType, StructField, StructType

from ..inputs.articles import DEFAULT_GLOBS, expand
from ..results import PAGE_FIELDS, SOURCE_TYPES, TYPES, Summary
from . import rows, worker

PARTITIONS_PER_CORE = 8
"""Tasks per core by default: small tasks, so the last one to finish leaves the other cores idle
for only a short while; a Python worker and its pipeline serve one task after the other."""

_KINDS = (
    ((".jsonl", ".ndjson"), "jsonl"),
    ((".warc", ".warc.gz"), "warc"),
    ((".parquet",), "parquet"),
)


def session(
    master: str | None = None,
    *,
    app_name: str = "attrib",
    quiet: bool = False,
    config: Mapping[str, str] | None = None,
) -> SparkSession:
    """A Spark session whose Python workers run this Python, so they find attrib and its model.

    ``master`` is e.g. ``local[2]`` or ``spark://host:7077``; None keeps what spark-submit or the
    Spark defaults say. ``PYSPARK_PYTHON``, when set, still names the workers' Python (PySpark
    reads it, and only it, when the session starts). ``quiet`` keeps Spark's log to errors.
    """
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder.appName(app_name)
    if master:
        builder = builder.master(master)
    settings = {"spark.ui.showConsoleProgress": "false"}
    if quiet:  # read when the driver's JVM starts: a session already running keeps its log
        log = Path(__file__).with_name("log4j2.properties")
        settings["spark.driver.extraJavaOptions"] = f"-Dlog4j2.configurationFile={log.as_uri()}"
    settings.update(config or {})
    for key, value in settings.items():
        builder = builder.config(key, value)
    return builder.getOrCreate()


def analyze(
    df: DataFrame,
    text: str = "text",
    id: str = "id",
    model: str | None = None,
    *,
    documents: bool = False,
    partitions: int | None = None,
) -> DataFrame:
    """attrib's flat rows (``attrib.spark.rows.FIELDS``) for every article of ``df``.

    ``text`` is a string column (analyzed as given, like ``--jsonl-in``) or a binary one (decoded
    like a file; HTML pages are reduced to their main text). The other columns are carried: into
    each row as they are, and into ``meta`` as JSON (null values left out). ``documents`` keeps
    each article's ``attrib analyze --json`` document in the ``document`` column.
    """
    frame, carried = _articles(df, text, id)
    return _rows(frame, carried, model, documents, partitions)


def analyze_paths(
    spark: SparkSession,
    inputs: Iterable[str],
    *,
    globs: Sequence[str] = (),
    model: str | None = None,
    documents: bool = False,
    partitions: int | None = None,
    on_error: Callable[[str], None] = lambda _: None,
) -> DataFrame:
    """The rows for files as ``attrib analyze`` names them, and more: ``.jsonl`` files are read
    as ``--jsonl-in``, ``.parquet`` files or folders (``id`` and ``text`` columns) as
    :func:`analyze` reads a DataFrame, ``.warc``/``.warc.gz`` files page by page; folders and
    globs give their files matching ``globs`` (default ``*.txt``), each read by its kind.

    Local (or shared) paths only, except Parquet, which Spark reads from anywhere. Names that
    give no file at all go to ``on_error``; ValueError when there is nothing to analyze.
    """
    found = _classify(inputs, globs, on_error)
    frames: list[DataFrame] = []
    carried: list[StructField] = []
    if found["file"]:
        files = [worker.record(p, {worker.PATH: p}) for p in found["file"]]
        frames.append(spark.createDataFrame(files, worker.ddl()))
    sources = [(kind, p) for kind in ("jsonl", "warc") for p in found[kind]]
    if sources:
        listed = spark.createDataFrame(sources, worker.SOURCE_DDL).repartition(len(sources))
        frames.append(listed.mapInPandas(worker.read_sources, worker.ddl()))
    if found["parquet"]:
        frame, carried = _articles(spark.read.parquet(*found["parquet"]), "text", "id")
        frames.append(frame)
    if not frames:
        raise ValueError("nothing to analyze")
    union = frames[0]
    for frame in frames[1:]:
        union = union.unionByName(frame, allowMissingColumns=True)
    return _rows(union, carried, model, documents, partitions)


def _classify(
    inputs: Iterable[str], globs: Sequence[str], on_error: Callable[[str], None]
) -> dict[str, list[str]]:
    """Paths by how they are read: ``file``, ``jsonl``, ``warc`` or ``parquet``."""
    found: dict[str, list[str]] = {"file": [], "jsonl": [], "warc": [], "parquet": []}
    for name in inputs:
        if name == "-":
            on_error("-: standard input cannot be spread over Spark; name files")
        elif _kind(name) == "parquet" and ("://" in name or Path(name).exists()):
            found["parquet"].append(name)  # a file or a dataset folder, Spark's to read
        else:
            for path in expand([name], globs or DEFAULT_GLOBS, on_error):
                found[_kind(path)].append(path)
    return found


def _kind(name: str) -> str:
    lower = name.lower()
    return next((kind for ends, kind in _KINDS if lower.endswith(ends)), "file")


def _articles(df: DataFrame, text: str, id: str) -> tuple[DataFrame, list[StructField]]:
    """``df`` in the workers' article shape, and the columns it carries along."""
    fields = {f.name: f for f in df.schema.fields}
    for role, name in (("text", text), ("id", id)):
        if name not in fields:
            raise ValueError(f"no {role} column {name!r} (columns: {', '.join(fields) or 'none'})")
    kind = fields[text].dataType
    if not isinstance(kind, StringType | BinaryType):
        raise ValueError(f"column {text!r} holds {kind.simpleString()}, not string or binary text")
    carried = [f for f in df.schema.fields if f.name not in (text, id)]
    clash = [f.name for f in carried if f.name in rows.NAMES or f.name.startswith("_attrib_")]
    if clash:
        raise ValueError(f"columns clash with attrib's own; rename them: {', '.join(clash)}")
    is_text = isinstance(kind, StringType)
    none = F.lit(None)
    frame = df.select(
        df[id].cast("string").alias(worker.ID),
        (df[text] if is_text else none.cast("string")).alias(worker.TEXT),
        (none.cast("binary") if is_text else df[text]).alias(worker.BYTES),
        none.cast("string").alias(worker.PATH),
        none.cast("string").alias(worker.URL),
        (F.to_json(F.struct(*(df[f.name] for f in carried))) if carried else none)
        .cast("string")
        .alias(worker.META),
        none.cast("string").alias(worker.ERROR),
        *(df[f.name] for f in carried),
    )
    return frame, carried


def _rows(
    frame: DataFrame,
    carried: list[StructField],
    model: str | None,
    documents: bool,
    partitions: int | None,
) -> DataFrame:
    from ..analysis.pipeline import default_model

    spark = frame.sparkSession
    count = partitions or PARTITIONS_PER_CORE * spark.sparkContext.defaultParallelism
    schema = cast(StructType, DataType.fromDDL(rows.ddl()))
    analyze_batches = partial(
        worker.analyze_batches,
        model=model or default_model(),
        documents=documents,
        carried=[f.name for f in carried],
    )
    return frame.repartition(count, worker.ID).mapInPandas(
        analyze_batches, StructType([*schema.fields, *carried])
    )


# --- breakdowns -----------------------------------------------------------------------------

_COUNTS = (
    "statements",
    *(f"statements_{t}" for t in TYPES),
    *(f"sources_{t}" for t in SOURCE_TYPES),
    "relayed",
    "unattributed",
    "own_reporting",
    "documents",
    "no_comment",
    "declined",
    "others",
)


def summarize(rows_df: DataFrame, by: str | Column | None = "input") -> DataFrame:
    """Per group of articles, the figures of ``attrib summarize --by``: articles, statement and
    source counts by type, shares of attributed statements (null when none), relayed,
    unattributed and own reporting; sorted by ``group`` and shown by ``label`` (an input's page
    title or file name, as ``attrib summarize`` shows it).

    ``by`` is ``input`` (one group per article), a page field (``sitename``, ``date``, …: the
    page's value, else the carried field's), a carried field or any column, as
    ``attrib summarize`` groups; articles that failed are left out, as the CLI never wrote them.
    """
    articles = rows_df.where((F.col("row_kind") == rows.ARTICLE) & F.col("error").isNull())
    key = _group(rows_df, by).cast("string")
    key = F.coalesce(F.substring(key, 1, 7) if by == "date" else key, F.lit("(none)"))  # months
    counts = [F.sum(c).cast("long").alias(c) for c in _COUNTS]
    if by in (None, "input"):  # shown as attrib summarize shows it: a title, else a file name
        base = F.regexp_extract(F.col("article_id"), r"([^/\\]+)[/\\]*$", 1)
        name = F.when(base == "", F.col("article_id")).otherwise(base)
        label = F.first(F.coalesce(F.col("page_title"), name), ignorenulls=True)
    else:
        label = F.first(key)
    grouped = articles.groupBy(key.alias("group")).agg(
        F.count("*").alias("articles"), *counts, label.alias("label")
    )
    attributed = sum((F.col(f"statements_{t}") for t in SOURCE_TYPES), F.lit(0))
    shares = [
        F.when(attributed > 0, F.col(f"statements_{t}") / attributed).alias(f"share_{t}")
        for t in SOURCE_TYPES
    ]
    return grouped.select("*", *shares).orderBy("group")


def _group(rows_df: DataFrame, by: str | Column | None) -> Column:
    """The grouping value, looked up as ``attrib.results.document_field`` does: a page field's
    value, else the carried field as the JSON document has it (``meta``); a column of the
    frame that was never carried (added after the analysis) is taken as it is."""
    if isinstance(by, Column):
        return by
    if by in (None, "input"):
        return F.col("article_id")
    name = str(by)
    if name in rows.NAMES:
        return rows_df[name]
    carried = F.get_json_object(F.col("meta"), "$['" + name.replace("'", "") + "']")
    if name in rows_df.columns:
        carried = F.coalesce(carried, rows_df[name].cast("string"))
    if name in PAGE_FIELDS:
        return F.coalesce(F.col(f"page_{name}"), carried)
    return carried


def breakdown(summary: DataFrame) -> list[tuple[str, int, Summary]]:
    """The rows of :func:`summarize` as ``attrib.outputs.table.corpus_table`` takes them, each
    group shown by its ``label``."""
    return [
        (
            row["label"],
            row["articles"],
            Summary(
                statements=row["statements"],
                statements_by_type={t: row[f"statements_{t}"] for t in TYPES},
                sources_by_type={t: row[f"sources_{t}"] for t in SOURCE_TYPES},
                relayed=row["relayed"],
                unattributed=row["unattributed"],
                own_reporting=row["own_reporting"],
                documents=row["documents"],
                no_comment=row["no_comment"],
                declined=row["declined"],
                others=row["others"],
            ),
        )
        for row in summary.collect()
    ]
