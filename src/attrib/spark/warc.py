"""Web pages out of WARC files (Common Crawl, CC-NEWS, a newsroom's own crawl), read with warcio.

A WARC file holds whole HTTP exchanges. attrib takes the successful (2xx) HTML responses, with
their target URL, the crawl date and the record id; everything else (requests, metadata,
redirects, images, robots.txt) is skipped, not reported. The payload is returned as fetched
(transfer and content encodings undone); decoding and extraction happen with the analysis, on
the executors.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from ..inputs.decoding import display_name
from ..inputs.fetch import HTML_TYPES
from ..inputs.webpage import MAX_PAGE_BYTES, too_large


@dataclass(frozen=True, slots=True)
class WarcPage:
    """One HTML response (its URL, bytes and what the WARC says of it), or why it is missing.

    ``url`` is the page's URL, or the WARC file's path when the file itself failed.
    """

    url: str
    html: bytes | None
    meta: str | None
    """JSON object: ``warc_date`` (the crawl time) and ``warc_record_id``."""
    error: str | None = None


def _is_page(record: Any) -> bool:
    if record.rec_type != "response" or record.http_headers is None:
        return False
    status = record.http_headers.get_statuscode() or ""
    media_type = (record.http_headers.get_header("Content-Type") or "").split(";")[0]
    return status.startswith("2") and media_type.strip().lower() in HTML_TYPES


def _page(record: Any) -> WarcPage:
    headers = record.rec_headers
    url = headers.get_header("WARC-Target-URI") or ""
    meta = {
        "warc_date": headers.get_header("WARC-Date"),
        "warc_record_id": headers.get_header("WARC-Record-ID"),
    }
    data = record.content_stream().read(MAX_PAGE_BYTES + 1)
    if len(data) > MAX_PAGE_BYTES:  # the CLI's limit for a fetched page
        return WarcPage(url, None, json.dumps(meta), str(too_large(url, MAX_PAGE_BYTES)))
    return WarcPage(url, data, json.dumps(meta))


def read_warc(path: str) -> Iterator[WarcPage]:
    """The HTML pages of a WARC file (gzipped or not), in file order.

    A file that cannot be opened or read ends with one page holding the error (after the pages
    read before the damage), a one-line message like the CLI's.
    """
    label = display_name(path)
    try:
        stream = open(path, "rb")  # noqa: SIM115 - closed below, after the last record
    except OSError as err:
        yield WarcPage(path, None, None, f"{label}: {_reason(err)}")
        return
    with stream:
        try:
            for record in ArchiveIterator(stream):
                if record.format != "warc":  # warcio also reads lines that pass for old ARC
                    raise ArchiveLoadFailed("ARC records or no archive at all")
                if _is_page(record):
                    yield _page(record)
        except ArchiveLoadFailed as err:
            reason = " ".join(str(err).split())[:80]
            yield WarcPage(path, None, None, f"{label}: not a WARC file ({reason})")
        except (OSError, EOFError, ValueError, zlib.error) as err:  # truncated or corrupt gzip
            yield WarcPage(path, None, None, f"{label}: damaged WARC file ({type(err).__name__})")


def _reason(err: OSError) -> str:
    """The CLI's words for a file that cannot be opened."""
    if isinstance(err, FileNotFoundError):
        return "no such file"
    if isinstance(err, IsADirectoryError):
        return "is a directory"
    if isinstance(err, PermissionError):
        return "permission denied"
    return f"cannot read ({(err.strerror or str(err)).lower()})"
