"""attrib on Apache Spark: analyze a corpus of any size on a laptop or a cluster.

    >>> import attrib.spark
    >>> rows = attrib.spark.analyze(spark.read.parquet("articles.parquet"))   # id, text, ...
    >>> rows.where("row_kind = 'statement'").groupBy("source_type").count().show()
    >>> attrib.spark.summarize(rows, by="outlet").show()

``analyze`` returns one flat, typed DataFrame (``FIELDS``): a row per article (counts, or the
error that stopped it), per statement and per unattributed claim, told apart by ``row_kind``.
Installed with the ``spark`` extra (``pip install 'attrib[spark]'``); the core package never
imports PySpark.
"""

from __future__ import annotations

try:
    import pyspark  # noqa: F401
except ImportError as err:  # the extra is not installed
    raise ImportError("attrib.spark needs PySpark: pip install 'attrib[spark]'") from err

from .api import analyze, analyze_paths, breakdown, session, summarize
from .rows import FIELDS, ROW_KINDS

__all__ = ["FIELDS", "ROW_KINDS", "analyze", "analyze_paths", "breakdown", "session", "summarize"]
