"""What runs in Spark's Python workers: read inputs, analyze articles, build the flat rows.

Both stages are ``mapInPandas`` functions over Arrow batches. The analysis keeps the CLI's
path: article text -> ``analyze_doc_stream`` (long texts chunked) -> ``mark_publisher``. The
spaCy pipeline is loaded once per Python worker process (Spark reuses its workers across
tasks), and a task's articles stream through one ``nlp.pipe`` across its batches. An article
that cannot be read or analyzed becomes an error row with the CLI's one-line message, and the
task goes on.

Articles reach the analysis in one internal shape (``ARTICLE_COLUMNS``): an id, and the text
as given, the bytes of a file or page to decode, or a local path to read as ``attrib analyze``
would; plus carried fields as JSON and a reading error, if any.
"""

from __future__ import annotations

import json
from collections import deque
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from ..analysis.pipeline import analyze_doc_stream, load_pipeline
from ..analysis.publisher import mark_publisher
from ..inputs.articles import Article, read_article, read_jsonl
from ..inputs.decoding import MAX_BYTES, InputError, decode_bytes, display_name
from ..inputs.webpage import MAX_PAGE_BYTES, extract_page, looks_like_html, too_large
from ..outputs.jsonl import render_json
from ..results import Analysis, InputInfo
from . import rows
from .warc import read_warc

if TYPE_CHECKING:
    import pandas as pd
    from spacy.language import Language

ID, TEXT, BYTES, PATH, URL, META, ERROR = (
    f"_attrib_{name}" for name in ("id", "text", "bytes", "path", "url", "meta", "error")
)
ARTICLE_COLUMNS: tuple[tuple[str, str], ...] = (
    (ID, "string"),
    (TEXT, "string"),  # analyzed as given, like a --jsonl-in record's text
    (BYTES, "binary"),  # decoded like a file; a web page (HTML, or any bytes with a URL) extracted
    (PATH, "string"),  # a local file, read by the CLI's own reader
    (URL, "string"),  # where BYTES were fetched from (a WARC record)
    (META, "string"),  # carried fields, a JSON object
    (ERROR, "string"),  # the article failed before analysis
)
ARTICLE_NAMES = tuple(name for name, _ in ARTICLE_COLUMNS)
SOURCE_DDL = "kind string, path string"
"""Stage one's input: a JSON Lines or WARC file to read (``kind`` is ``jsonl`` or ``warc``)."""

FLUSH_ARTICLES = 64
"""Articles per output batch: rows reach Spark as they are ready, in bounded memory."""


def ddl(columns: Sequence[tuple[str, str]] = ARTICLE_COLUMNS) -> str:
    return ", ".join(f"`{name}` {kind}" for name, kind in columns)


@cache
def pipeline(model: str) -> Language:
    """The pipeline, loaded at the first task a Python worker runs and kept for the others."""
    return load_pipeline(model)


# --- stage one: files that hold many articles -----------------------------------------------


def read_sources(batches: Iterable[pd.DataFrame]) -> Iterator[pd.DataFrame]:
    """Articles (``ARTICLE_COLUMNS``) from JSON Lines and WARC files, a file at a time."""
    import pandas as pd

    buffer: list[tuple[Any, ...]] = []
    for batch in batches:
        for kind, path in zip(batch["kind"], batch["path"], strict=True):
            for record in _jsonl_records(path) if kind == "jsonl" else _warc_records(path):
                buffer.append(record)
                if len(buffer) >= FLUSH_ARTICLES:
                    yield pd.DataFrame(buffer, columns=ARTICLE_NAMES, dtype=object)
                    buffer = []
    if buffer:
        yield pd.DataFrame(buffer, columns=ARTICLE_NAMES, dtype=object)


def record(name: str | None, values: Mapping[str, Any]) -> tuple[Any, ...]:
    """An article row in ``ARTICLE_COLUMNS`` order; absent columns are null."""
    return (name, *(values.get(column) for column in ARTICLE_NAMES[1:]))


def _jsonl_records(path: str) -> Iterator[tuple[Any, ...]]:
    """The CLI's ``--jsonl-in`` reader: same ids, meta and errors."""
    errors: list[str] = []
    for article in read_jsonl(path, errors.append):
        yield from (record(path, {ERROR: e}) for e in errors)
        errors.clear()
        meta = json.dumps(article.meta, ensure_ascii=False)
        yield record(article.name, {TEXT: article.text, META: meta})
    yield from (record(path, {ERROR: e}) for e in errors)


def _warc_records(path: str) -> Iterator[tuple[Any, ...]]:
    for page in read_warc(path):
        values = {BYTES: page.html, URL: page.url, META: page.meta, ERROR: page.error}
        yield record(page.url, values)


# --- stage two: analysis ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Job:
    """An article on its way through the pipeline, and the input row it came from."""

    batch: pd.DataFrame
    position: int
    info: InputInfo
    meta: str
    article: Article | None
    error: str | None = None


def prepare(record: Mapping[str, Any], meta: dict[str, Any]) -> Article:
    """The article an input row stands for; InputError (the CLI's message) when it fails."""
    name = record[ID]
    if record[ERROR] is not None:
        raise InputError(record[ERROR])
    if record[PATH] is not None:
        return read_article(record[PATH])
    if record[BYTES] is not None:
        return _from_bytes(_label(name), bytes(record[BYTES]), record[URL], meta)
    text = record[TEXT]
    if text is None:
        raise InputError(f"{_label(name)}: no text")
    _check_size(text, _label(name))
    return Article(InputInfo(name), text, meta)


def _label(name: str | None) -> str:
    return "<no id>" if name is None else display_name(name)


def _from_bytes(name: str, data: bytes, url: str | None, meta: dict[str, Any]) -> Article:
    """Decode as a file is decoded; a web page (HTML, or anything fetched from a URL) is
    reduced to its main text, with the CLI's size limit for pages."""
    text = decode_bytes(data, name)
    if url is None and not looks_like_html(text):
        return Article(InputInfo(name), text, meta)
    if len(text) > MAX_PAGE_BYTES:
        raise too_large(name, MAX_PAGE_BYTES)
    page = extract_page(text, url=url, name=name)
    return Article(InputInfo(name, "html", page.meta), page.text, meta)


def _check_size(text: str, name: str) -> None:
    """A text over the CLI's input limit fails as an oversized file does, with its message."""
    if len(text) * 4 > MAX_BYTES and len(data := text.encode("utf-8")) > MAX_BYTES:
        decode_bytes(data, name)  # raises InputError "<name>: too large (…, limit 50 MB)"


def _jobs(batches: Iterable[pd.DataFrame]) -> Iterator[_Job]:
    for batch in batches:
        records = batch[list(ARTICLE_NAMES)].to_dict("records")
        for position, record in enumerate(records):
            info = InputInfo(record[ID])
            fields = json.loads(record[META]) if record[META] else {}
            meta = json.dumps(fields, ensure_ascii=False)
            try:
                article = prepare(record, fields)
            except Exception as err:  # InputError, or a bug in reading: never the whole task
                message = str(err) if isinstance(err, InputError) else _internal(info, err)
                yield _Job(batch, position, info, meta, None, message)
                continue
            yield _Job(batch, position, article.input, meta, article)


def _analyzed(nlp: Language, jobs: Iterator[_Job]) -> Iterator[tuple[_Job, Analysis | str]]:
    """Every job with its analysis, or its error message; one stream through ``nlp.pipe``.

    When the pipeline fails on a batch, its articles are retried one at a time, so only the
    article that fails alone becomes an error, and the stream goes on.
    """
    failed: deque[_Job] = deque()
    pending: deque[_Job] = deque()

    def texts() -> Iterator[str]:
        for job in jobs:
            if job.article is None:
                failed.append(job)
                continue
            pending.append(job)
            yield job.article.text

    while True:
        try:
            for analysis in analyze_doc_stream(nlp, texts()):
                yield from ((job, job.error or "") for job in _drain(failed))
                yield pending.popleft(), analysis
            break
        except Exception:  # a pipeline failure: find the article that causes it
            retry = list(_drain(pending))
            if not retry:
                raise
            yield from ((job, _alone(nlp, job)) for job in retry)
    yield from ((job, job.error or "") for job in _drain(failed))


def _drain(queue: deque[_Job]) -> Iterator[_Job]:
    while queue:
        yield queue.popleft()


def _alone(nlp: Language, job: _Job) -> Analysis | str:
    assert job.article is not None
    try:
        return next(analyze_doc_stream(nlp, [job.article.text]))
    except Exception as err:
        return _internal(job.info, err)


def _internal(info: InputInfo, err: Exception) -> str:
    """One line, as the CLI words a bug: the article, then the exception."""
    reason = " ".join(f"{type(err).__name__}: {err}".split())
    return f"{_label(info.name)}: internal error: {reason}"


def analyze_batches(
    batches: Iterable[pd.DataFrame], *, model: str, documents: bool, carried: Sequence[str]
) -> Iterator[pd.DataFrame]:
    """Stage two: the flat rows (``rows.FIELDS``, then the ``carried`` input columns)."""
    nlp = pipeline(model)
    chunk: list[tuple[_Job, list[rows.Row]]] = []
    for job, result in _analyzed(nlp, _jobs(batches)):
        chunk.append((job, _rows(job, result, documents)))
        if len(chunk) >= FLUSH_ARTICLES:
            yield _frame(chunk, carried)
            chunk = []
    if chunk:
        yield _frame(chunk, carried)


def _rows(job: _Job, result: Analysis | str, documents: bool) -> list[rows.Row]:
    if isinstance(result, str):
        return [rows.error_row(job.info, job.meta, result)]
    assert job.article is not None
    analysis = mark_publisher(result.with_input(job.article.input, job.article.meta))
    return rows.analysis_rows(analysis, job.meta, render_json(analysis) if documents else None)


def _frame(chunk: list[tuple[_Job, list[rows.Row]]], carried: Sequence[str]) -> pd.DataFrame:
    """One output batch; carried columns keep the input's values (and pandas types)."""
    import pandas as pd

    frame = pd.DataFrame(
        [row for _, article_rows in chunk for row in article_rows], columns=rows.NAMES, dtype=object
    )
    if not carried:
        return frame
    copies = [job.batch[list(carried)].iloc[[job.position] * len(r)] for job, r in chunk]
    return pd.concat([frame, pd.concat(copies).reset_index(drop=True)], axis=1)
