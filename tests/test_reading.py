"""Tests for attrib.inputs.decoding: every way a user-named input becomes text or a one-line error."""

from __future__ import annotations

import io
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from attrib.inputs import decoding as reading
from attrib.inputs.decoding import InputError, decode_bytes, read_input


def write(tmp_path: Path, data: bytes, name: str = "in.txt") -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


def error_of(name: str) -> str:
    with pytest.raises(InputError) as info:
        read_input(name)
    message = str(info.value)
    assert "\n" not in message
    return message


def normalized(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


# --- filesystem errors -----------------------------------------------------------------


def test_missing_file(tmp_path: Path) -> None:
    name = str(tmp_path / "nope.txt")
    assert error_of(name) == f"{name}: no such file"


def test_missing_parent_is_a_missing_file(tmp_path: Path) -> None:
    parent = write(tmp_path, b"text")
    name = f"{parent}/child.txt"  # ENOTDIR, which users also know as "no such file"
    assert error_of(name) == f"{name}: no such file"


def test_directory(tmp_path: Path) -> None:
    assert error_of(str(tmp_path)) == f"{tmp_path}: is a directory"


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root can read any file"
)
def test_permission_denied(tmp_path: Path) -> None:
    name = write(tmp_path, b"secret")
    os.chmod(name, 0)
    try:
        assert error_of(name) == f"{name}: permission denied"
    finally:
        os.chmod(name, 0o600)


def test_permission_denied_when_open_refuses(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Same mapping as above, simulated so that it also runs as root."""
    name = write(tmp_path, b"secret")

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise PermissionError(13, "Permission denied", name)

    monkeypatch.setattr(reading, "open", refuse, raising=False)
    assert error_of(name) == f"{name}: permission denied"


def test_unprintable_name_stays_on_one_line(tmp_path: Path) -> None:
    name = str(tmp_path / "two\nlines.txt")
    message = error_of(name)
    assert message.endswith(": no such file")
    assert "\\n" in message


# --- binary detection ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01", "PNG image"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01", "JPEG image"),
        (b"GIF89a\x01\x00\x01\x00\x80\x00\x00", "GIF image"),
        (b"PK\x03\x04\x14\x00\x06\x00\x08\x00[Content_Types].xml", "ZIP archive or DOCX"),
        (b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03", "gzip archive"),
    ],
)
def test_known_binary_formats(tmp_path: Path, data: bytes, kind: str) -> None:
    name = write(tmp_path, data, "in.bin")
    assert error_of(name) == f"{name}: looks binary ({kind})"


def test_pdf_without_nul_bytes_is_still_binary(tmp_path: Path) -> None:
    # Many PDFs are pure 7-bit text up to their compressed streams: the magic number decides.
    name = write(tmp_path, b"%PDF-1.4\n1 0 obj << /Title (Minister said) >> endobj\n")
    assert error_of(name) == f"{name}: looks binary (PDF)"


def test_nul_bytes(tmp_path: Path) -> None:
    name = write(tmp_path, b"The minister said\x00\x00\x01 no.")
    assert error_of(name) == f"{name}: looks binary (NUL bytes)"


def test_many_control_characters(tmp_path: Path) -> None:
    name = write(tmp_path, b"\x01\x02\x03\x04\x05\x06 header \x07\x08\x0e\x0f\x10\x11")
    assert error_of(name) == f"{name}: looks binary (control characters)"


def test_a_few_stray_control_characters_are_fine() -> None:
    text = "He said \x1bno\x1b.\fThe ministry (\x7f) declined to comment on the report.\x0b"
    assert decode_bytes(text.encode(), "x") == text


def test_undecodable(tmp_path: Path) -> None:
    name = write(tmp_path, bytes(range(0x80, 0x100)) * 4)
    assert error_of(name) == (
        f"{name}: cannot decode text (not UTF-8, UTF-16 or a known single-byte encoding)"
    )


# --- Unicode encodings -----------------------------------------------------------------


def test_utf8_with_bom_is_stripped(tmp_path: Path) -> None:
    name = write(tmp_path, b"\xef\xbb\xbf" + "“Café”, she said.".encode())
    assert read_input(name) == "“Café”, she said."


def test_utf8_with_bom_but_invalid_body(tmp_path: Path) -> None:
    name = write(tmp_path, b"\xef\xbb\xbfcaf\xe9")
    assert error_of(name) == f"{name}: cannot decode text (invalid UTF-8 after a BOM)"


@pytest.mark.parametrize(("codec", "bom"), [("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff")])
def test_utf16_with_bom(tmp_path: Path, codec: str, bom: bytes) -> None:
    text = "The mayor said: “Ça va”. 😀\r\nשלום"
    name = write(tmp_path, bom + text.encode(codec))
    assert read_input(name) == normalized(text)


def test_utf16_with_bom_and_odd_length(tmp_path: Path) -> None:
    name = write(tmp_path, b"\xff\xfeh\x00i\x00!")
    assert error_of(name) == f"{name}: cannot decode text (invalid UTF-16 after a BOM)"


def test_emoji_and_right_to_left_text_round_trip(tmp_path: Path) -> None:
    text = (
        "“We won’t back down 💪🏽,” said Amira. "
        "قال الوزير إن الحكومة لن تتراجع. "
        "ראש הממשלה אמר כי הממשלה לא תיסוג. 👨‍👩‍👧 \u200fend"
    )
    assert read_input(write(tmp_path, text.encode())) == text


# --- legacy encodings ------------------------------------------------------------------


def test_cp1252_curly_quotes_and_accents(tmp_path: Path) -> None:
    text = (
        "He said \u201cno\u201d at the caf\u00e9 \u2014 \u20ac5 \u2013 na\u00efve r\u00e9sum\u00e9."
    )
    data = text.encode("cp1252")
    assert b"\x93" in data and b"\xe9" in data
    assert read_input(write(tmp_path, data)) == text


@pytest.mark.parametrize(
    ("data", "text"),
    [
        (b"caf\xe9", "café"),
        (b"\x93quoted\x94", "“quoted”"),
        (b"\xa3100", "£100"),
        (b"\x80 5", "€ 5"),
    ],
)
def test_short_cp1252_snippets(data: bytes, text: str) -> None:
    # charset-normalizer alone reads these as UTF-16, Cyrillic, Shift-JIS or cp437.
    assert decode_bytes(data, "x") == text


def test_latin1_text(tmp_path: Path) -> None:
    text = "Die Straße in Zürich, sagte der Bürgermeister, sei größer als «erwartet»."
    data = text.encode("latin-1")
    assert read_input(write(tmp_path, data)) == text


def test_cp1252_undefined_bytes_decode_like_latin1() -> None:
    # 0x81 is unassigned in Windows-1252; browsers (and we) map it to U+0081, not an error.
    assert decode_bytes(b"caf\xe9 \x81 \x93ok\x94", "x") == "café \x81 “ok”"


def test_mostly_utf8_with_a_stray_cp1252_byte() -> None:
    data = "He said “hello” at the café — naïve. ".encode() + b"A stray \x96 dash."
    expected = "He said “hello” at the café — naïve. A stray \u2013 dash."
    assert decode_bytes(data, "x") == expected


def test_non_latin_legacy_text_is_left_to_charset_normalizer() -> None:
    text = (
        "Президент заявил, что правительство не будет отступать, "
        "сообщили источники в Москве. Министр отказался от комментариев."
    )
    assert decode_bytes(text.encode("cp1251"), "x") == text


# --- line endings and trivial inputs ---------------------------------------------------


def test_crlf_is_normalized(tmp_path: Path) -> None:
    name = write(tmp_path, b"First line.\r\nSecond line.\r\n\r\nThird.")
    assert read_input(name) == "First line.\nSecond line.\n\nThird."


def test_lone_cr_is_normalized(tmp_path: Path) -> None:
    name = write(tmp_path, b"Old Mac line.\rNext line.\r\n\rEnd\r")
    assert read_input(name) == "Old Mac line.\nNext line.\n\nEnd\n"


def test_crlf_in_legacy_text_is_normalized() -> None:
    assert decode_bytes(b"caf\xe9\r\nbar\r", "x") == "café\nbar\n"


def test_empty_file(tmp_path: Path) -> None:
    assert read_input(write(tmp_path, b"")) == ""


def test_whitespace_only_file(tmp_path: Path) -> None:
    assert read_input(write(tmp_path, b"  \t\r\n \n")) == "  \t\n \n"


# --- stdin -----------------------------------------------------------------------------


@pytest.fixture
def stdin(monkeypatch: pytest.MonkeyPatch) -> Callable[[bytes], None]:
    """stdin(data): make ``data`` the bytes of standard input."""

    def feed(data: bytes) -> None:
        monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data)))

    return feed


def test_stdin(stdin: Callable[[bytes], None]) -> None:
    stdin("“Quoted,” said the spokesman.\r\n".encode())
    assert read_input("-") == "“Quoted,” said the spokesman.\n"


def test_stdin_legacy_encoding(stdin: Callable[[bytes], None]) -> None:
    stdin(b"\x93caf\xe9\x94")
    assert read_input("-") == "“café”"


def test_stdin_errors_name_stdin(stdin: Callable[[bytes], None]) -> None:
    stdin(b"%PDF-1.5\n")
    message = error_of("-")
    assert message == "<stdin>: looks binary (PDF)"


def test_stdin_defaults_to_sys_stdin_buffer(stdin: Callable[[bytes], None]) -> None:
    stdin(b"caf\xc3\xa9")
    assert read_input("-") == "café"


def test_no_stdin_is_an_input_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", None)
    assert error_of("-") == "<stdin>: standard input is not available"


# --- size limit ------------------------------------------------------------------------


def test_too_large_file_is_refused_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    name = write(tmp_path, b"x" * 3000)
    monkeypatch.setattr(reading, "MAX_BYTES", 2048)

    def must_not_open(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("read a file that stat already showed to be too large")

    monkeypatch.setattr(reading, "open", must_not_open, raising=False)
    assert error_of(name) == f"{name}: too large (3 KB, limit 2 KB)"


def test_file_at_the_limit_is_accepted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reading, "MAX_BYTES", 10)
    assert read_input(write(tmp_path, b"0123456789")) == "0123456789"


def test_too_large_stdin(monkeypatch: pytest.MonkeyPatch, stdin: Callable[[bytes], None]) -> None:
    monkeypatch.setattr(reading, "MAX_BYTES", 10)
    stdin(b"x" * 11)
    message = error_of("-")
    assert message == "<stdin>: too large (over the 10 bytes limit)"


def test_size_in_message_is_rounded_up() -> None:
    assert reading.size_label(50 * 1024 * 1024) == "50 MB"
    assert reading.size_label(50 * 1024 * 1024 + 1) == "50.1 MB"


# --- properties ------------------------------------------------------------------------

PRINTABLE_TEXT = st.text(
    alphabet=st.characters(exclude_categories=["Cc", "Cs"], include_characters="\n\r\t")
)


@settings(max_examples=200, deadline=None)
@given(PRINTABLE_TEXT)
def test_utf8_round_trips(text: str) -> None:
    assume(not text.startswith(("\ufeff", "%PDF-", "GIF87a", "GIF89a")))
    assert decode_bytes(text.encode("utf-8"), "x") == normalized(text)


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_any_utf8_text_round_trips_or_is_called_binary(text: str) -> None:
    try:
        decoded = decode_bytes(text.encode("utf-8"), "x")
    except InputError as err:
        assert str(err).startswith("x: looks binary (")
    else:
        assert decoded == normalized(text.removeprefix("\ufeff"))
