"""Turn a user-named input (a path or ``-`` for stdin) into text, or fail with one clear line.

Everything downstream works on ``str``, and every character offset that attrib reports
refers to the text *as returned here*: decoded, with a leading byte-order mark removed and
with CRLF and lone CR line endings normalized to ``\\n``. Offsets therefore do not index the
raw bytes of the input file (they differ as soon as the file is not ASCII, has a BOM or uses
Windows line endings).

Decoding order: UTF-8/UTF-16 byte-order marks, then strict UTF-8, then UTF-8 with a few stray
Windows-1252 bytes (common in pasted or scraped text), then a legacy encoding.
charset-normalizer is unreliable on the short, mostly-ASCII inputs that dominate in practice
(it calls ``caf\\xe9`` UTF-16 or Farsi cp1006, and ``\\xa3100`` Shift-JIS), and attrib analyzes
English, so Windows-1252 is used when the non-ASCII bytes stand alone (accents, curly quotes,
dashes) or when charset-normalizer rates it about as plausible as its first choice; only
text written mostly in high bytes (Cyrillic, Greek, CJK, ...) gets charset-normalizer's pick.
Central European legacy text (cp1250) is therefore read as Windows-1252, a known limitation.
"""

from __future__ import annotations

import math
import os
import re
import stat
import sys
from typing import BinaryIO

MAX_BYTES: int = 50 * 1024 * 1024
"""Refuse larger inputs: the analyzer chunks long texts, but 50 MB is the documented limit."""

_STDIN_NAME = "<stdin>"
_READ_CHUNK = 1024 * 1024

_UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = ((b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))

# Signatures of formats people plausibly mistake for text (checked before any decoding).
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "PDF"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"PK\x03\x04", "ZIP archive or DOCX"),
    (b"PK\x05\x06", "ZIP archive or DOCX"),
    (b"\x1f\x8b", "gzip archive"),
)

# Unicode category Cc (C0, DEL and C1) minus the controls that legitimately occur in text
# files: tab, line feed, form feed and carriage return.
_CONTROL_RE = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
# More control characters than this share (and at least this many) means "not text": a few stray
# ones (a form feed, an ESC, a pasted C1 byte) are tolerated.
_MAX_CONTROL_SHARE = 0.1
_MIN_CONTROL_COUNT = 4

_HIGH_RUN_RE = re.compile(rb"[\x80-\xff]+")
# With fewer non-ASCII bytes than this there is too little evidence for a statistical guess.
_MIN_HIGH_BYTES = 16
# Above this share of non-ASCII bytes inside runs, the text is not Latin-script: measured
# share is 0.95-1.0 for Russian, Greek, Hebrew, Arabic, Chinese, Japanese and Korean samples,
# 0.0-0.6 for English, French, German and Czech ones.
_MAX_HIGH_RUN_SHARE = 0.75
# Encodings that agree with Windows-1252 on what they decode; charset-normalizer folds such
# equivalents into one match and lists them in ``could_be_from_charset``.
_WESTERN = frozenset({"ascii", "cp1252", "latin_1", "iso8859_15"})
# How much more "chaos" (charset-normalizer's 0..1 mess ratio) Windows-1252 may have than the
# detector's favourite and still be preferred for English text.
_WESTERN_CHAOS_MARGIN = 0.1
# Never guessed: UTF-16/32 without a BOM (such text contains NUL bytes, rejected as binary
# before charset-normalizer is consulted), UTF-7 and EBCDIC (not ASCII-compatible, yet
# charset-normalizer picks cp037 for some all-high-byte Windows-1252 snippets).
_NOT_GUESSED = [
    *("utf_16", "utf_16_le", "utf_16_be", "utf_32", "utf_32_le", "utf_32_be", "utf_7"),
    *("cp037", "cp273", "cp424", "cp500", "cp875", "cp1026", "cp1140"),
]

# Windows-1252 as browsers decode it (WHATWG Encoding Standard): the five bytes that the
# Python codec leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) map to the C1 code points,
# as in Latin-1, instead of failing.
_CP1252_HIGH = {
    byte: char
    for byte in range(0x80, 0xA0)
    if (char := bytes([byte]).decode("cp1252", errors="ignore"))
}

# surrogateescape turns each byte that is not valid UTF-8 into U+DC80..U+DCFF.
_ESCAPED_RE = re.compile("[\udc80-\udcff]")
_NON_ASCII_RE = re.compile("[^\x00-\x7f\udc80-\udcff]")
_ESCAPED_TO_CP1252 = {
    0xDC00 + byte: bytes([byte]).decode("latin-1").translate(_CP1252_HIGH)
    for byte in range(0x80, 0x100)
}


class InputError(Exception):
    """An input that cannot be analyzed; str(err) is one short line: the input, then why."""


def decode_bytes(data: bytes, name: str) -> str:
    """Decode ``data`` (read from input ``name``) to newline-normalized text.

    Raises InputError for binary data, undecodable bytes or inputs over MAX_BYTES, so the
    caller never analyzes mojibake or garbage silently.
    """
    label = display_name(name)
    if len(data) > MAX_BYTES:
        raise InputError(
            f"{label}: too large ({size_label(len(data))}, limit {size_label(MAX_BYTES)})"
        )
    return checked_text(_decode(data, label), label)


def checked_text(text: str, label: str) -> str:
    """Decoded text, refused when it is mostly control characters, with line ends as ``\\n``."""
    if _too_many_controls(text):
        raise InputError(f"{label}: looks binary (control characters)")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_input(name: str) -> str:
    """Read and decode the input ``name``: a filesystem path, or ``-`` for standard input."""
    if name == "-":
        return decode_bytes(_read_stream(stdin_bytes()), _STDIN_NAME)
    return decode_bytes(_read_file(name), name)


def stdin_bytes() -> BinaryIO:
    """Standard input as bytes (``sys.stdin.buffer``, looked up when needed)."""
    stream: BinaryIO | None = getattr(sys.stdin, "buffer", None)
    if stream is None:
        raise InputError(f"{_STDIN_NAME}: standard input is not available")
    return stream


def _read_stream(stream: BinaryIO) -> bytes:
    """Read at most MAX_BYTES + 1 bytes so an endless pipe cannot exhaust memory."""
    limit = MAX_BYTES
    chunks: list[bytes] = []
    total = 0
    try:
        while total <= limit:
            chunk = stream.read(min(_READ_CHUNK, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
    except OSError as err:
        raise InputError(f"{_STDIN_NAME}: cannot read ({_reason(err)})") from err
    if total > limit:
        raise InputError(f"{_STDIN_NAME}: too large (over the {size_label(limit)} limit)")
    return b"".join(chunks)


def _read_file(name: str) -> bytes:
    """Read a file, checking its size with stat first so huge files are refused unread."""
    label = display_name(name)
    limit = MAX_BYTES
    try:
        info = os.stat(name)
        if stat.S_ISDIR(info.st_mode):
            raise InputError(f"{label}: is a directory")
        if stat.S_ISREG(info.st_mode) and info.st_size > limit:
            raise InputError(
                f"{label}: too large ({size_label(info.st_size)}, limit {size_label(limit)})"
            )
        # Bounded read: FIFOs, devices and growing files report no (or a stale) size.
        with open(name, "rb") as handle:
            data = handle.read(limit + 1)
    except OSError as err:
        raise os_error(label, err) from err
    if len(data) > limit:
        raise InputError(f"{label}: too large (over the {size_label(limit)} limit)")
    return data


def os_error(label: str, err: OSError) -> InputError:
    """The one-line error for a file that cannot be opened or read."""
    if isinstance(err, FileNotFoundError | NotADirectoryError):
        return InputError(f"{label}: no such file")
    if isinstance(err, IsADirectoryError):
        return InputError(f"{label}: is a directory")
    if isinstance(err, PermissionError):
        return InputError(f"{label}: permission denied")
    return InputError(f"{label}: cannot read ({_reason(err)})")


def _decode(data: bytes, label: str) -> str:
    """Decode without newline normalization; BOMs and magic numbers are checked first."""
    if data.startswith(_UTF8_BOM):
        try:
            return data[len(_UTF8_BOM) :].decode("utf-8")
        except UnicodeDecodeError as err:
            raise InputError(f"{label}: cannot decode text (invalid UTF-8 after a BOM)") from err
    for bom, codec in _UTF16_BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(codec)
            except UnicodeDecodeError as err:
                raise InputError(
                    f"{label}: cannot decode text (invalid UTF-16 after a BOM)"
                ) from err
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise InputError(f"{label}: looks binary ({kind})")
    if b"\x00" in data:
        raise InputError(f"{label}: looks binary (NUL bytes)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    return _decode_legacy(data, label)


def _decode_legacy(data: bytes, label: str) -> str:
    """Pick a non-UTF encoding: Windows-1252 for Latin-script text, else charset-normalizer's."""
    mixed = _decode_mostly_utf8(data)
    if mixed is not None:
        return mixed
    if _looks_latin(data):
        return _decode_cp1252(data)
    # Imported lazily: it is only needed for the rare non-UTF-8, non-Latin input.
    import charset_normalizer

    matches = list(charset_normalizer.from_bytes(data, cp_exclusion=_NOT_GUESSED))
    if not matches:
        raise InputError(
            f"{label}: cannot decode text (not UTF-8, UTF-16 or a known single-byte encoding)"
        )
    best = matches[0]
    western = [m.chaos for m in matches if _WESTERN.intersection(m.could_be_from_charset)]
    if western and min(western) <= best.chaos + _WESTERN_CHAOS_MARGIN:
        return _decode_cp1252(data)
    try:
        return data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError) as err:
        # charset-normalizer samples large inputs; the full text may still fail.
        raise InputError(
            f"{label}: cannot decode text (not UTF-8, UTF-16 or a known single-byte encoding)"
        ) from err


def _decode_mostly_utf8(data: bytes) -> str | None:
    """Decode UTF-8 with a few stray Windows-1252 bytes (pasted or concatenated text), if it is.

    Returns None unless valid multi-byte characters outnumber the invalid bytes more than
    twice over, which chance byte pairs in genuine Windows-1252 text practically never do.
    """
    text = data.decode("utf-8", errors="surrogateescape")
    invalid = len(_ESCAPED_RE.findall(text))
    valid = len(_NON_ASCII_RE.findall(text))
    if valid <= 2 * invalid:
        return None
    return text.translate(_ESCAPED_TO_CP1252)


def _looks_latin(data: bytes) -> bool:
    """True when non-ASCII bytes are few or mostly stand alone, as accents and quotes do.

    Cyrillic, Greek, Hebrew, Arabic and CJK legacy encodings write whole words in high
    bytes, so nearly all of them sit in runs; charset-normalizer can tell those apart.
    Latin-script text keeps them isolated, and there its guesses are unreliable.
    """
    runs = _HIGH_RUN_RE.findall(data)
    total = sum(len(run) for run in runs)
    if total < _MIN_HIGH_BYTES:
        return True
    in_runs = sum(len(run) for run in runs if len(run) > 1)
    return in_runs <= _MAX_HIGH_RUN_SHARE * total


def _decode_cp1252(data: bytes) -> str:
    """Windows-1252 as browsers decode it; never fails.

    Identical to Latin-1 except for 0x80-0x9F, where Latin-1 has invisible C1 controls and
    Windows-1252 has the curly quotes, dashes and euro sign that news text actually uses.
    """
    return data.decode("latin-1").translate(_CP1252_HIGH)


def _too_many_controls(text: str) -> bool:
    """True when control characters are frequent enough that this is not prose."""
    count = len(_CONTROL_RE.findall(text))
    return count >= _MIN_CONTROL_COUNT and count > _MAX_CONTROL_SHARE * len(text)


def size_label(n: int) -> str:
    """Human-readable size, rounded up so an oversized input never prints as the limit
    (and exact for a limit in whole KB or MB)."""
    for unit, scale in (("MB", 1024 * 1024), ("KB", 1024)):
        if n >= scale:
            return f"{math.ceil(n * 10 / scale) / 10:g} {unit}"
    return f"{n} bytes"


SURROGATE_RE = re.compile("[\ud800-\udfff]")
"""A lone surrogate: not a character, and not encodable as UTF-8."""


def unicode_name(name: str) -> str:
    """``name`` as valid Unicode, for output: the bytes of a file name that are not UTF-8 (which
    Python keeps as lone surrogates) become U+FFFD."""
    return SURROGATE_RE.sub("\ufffd", name)


def display_name(name: str) -> str:
    """Keep the error on one line even for names with control or undecodable characters."""
    return name if name.isprintable() else repr(name)


def _reason(err: OSError) -> str:
    return (err.strerror or str(err)).lower()
