"""Hostile input (issue #17): what a hostile user, file or web server sends gets a bounded,
one-line answer, and attrib never damages what it was not asked to write.

Web servers here are raw sockets on 127.0.0.1 answering with exactly the bytes a hostile
server would send. Tests that need a real process (signals, pipes, worker processes) start
``python -m attrib`` in a session of its own, so a signal to its group reaches no test.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import os
import signal
import socket
import stat
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import attrib
from attrib.results import Analysis, Source, Statement, TextSpan

from .conftest import EXAMPLE_PATH, run_attrib

ARTICLE = "The minister said that prices would rise.\n"
STATEMENT = '{"id": "ok", "text": "The minister said that prices would rise."}\n'


def attrib_cli(*args: str, stdin: bytes | None = None, cwd: Path | None = None):  # type: ignore[no-untyped-def]
    return run_attrib(*args, stdin=stdin, cwd=cwd, env={"NO_COLOR": "1"})


def lines(data: bytes) -> list[str]:
    return data.decode().splitlines()


# --- -o writes into what it names, and only there --------------------------------------------


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_output_to_a_character_device_writes_into_it(tmp_path: Path, article: Path) -> None:
    null = tmp_path / "null"
    try:
        os.mknod(null, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # what /dev/null is
    except PermissionError:
        pytest.skip("creating a device node needs root")
    result = attrib_cli("analyze", str(article), "--json", "-o", str(null))
    assert result.returncode == 0, result.stderr
    assert stat.S_ISCHR(null.stat().st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "null"]


def test_output_to_a_fifo_writes_into_it(tmp_path: Path, article: Path) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # a reader waits, as `cat fifo` would
    try:
        result = attrib_cli("analyze", str(article), "--json", "-o", str(fifo))
        written = os.read(reader, 1 << 20)
    finally:
        os.close(reader)
    assert result.returncode == 0, result.stderr
    assert json.loads(written)["input"]["name"] == str(article)
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def test_output_through_a_symlink_writes_its_target(tmp_path: Path, article: Path) -> None:
    target = tmp_path / "results.jsonl"
    target.write_text("old\n", encoding="utf-8")
    link = tmp_path / "link.jsonl"
    link.symlink_to(target.name)
    result = attrib_cli("analyze", str(article), "--json", "-o", str(link))
    assert result.returncode == 0, result.stderr
    assert link.is_symlink() and os.readlink(link) == target.name
    assert json.loads(target.read_text(encoding="utf-8"))["input"]["name"] == str(article)


@pytest.mark.parametrize("how", ["same", "symlink", "jsonl", "folder"])
def test_output_that_is_an_input_is_refused(tmp_path: Path, article: Path, how: str) -> None:
    records = tmp_path / "in.jsonl"
    records.write_text(STATEMENT, encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(article)
    args, output = {
        "same": ([str(article)], article),
        "symlink": ([str(article)], link),
        "jsonl": (["--jsonl-in", str(records)], records),
        "folder": ([str(tmp_path)], article),
    }[how]
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    result = attrib_cli("analyze", *args, "--json", "-o", str(output))
    assert result.returncode == 2
    assert lines(result.stderr) == [f"attrib: {output}: is one of the inputs; name another output"]
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


@pytest.mark.parametrize(
    ("name", "why"),
    [("missing/out.jsonl", "no such directory"), ("folder", "is a directory")],
)
def test_output_that_cannot_be_written_fails_before_the_work(
    tmp_path: Path, article: Path, name: str, why: str
) -> None:
    (tmp_path / "folder").mkdir()
    output = tmp_path / name
    # an unknown model would fail the work: the output is checked first
    result = attrib_cli("analyze", str(article), "-o", str(output), "--model", "xx_none")
    assert result.returncode == 1
    assert lines(result.stderr) == [f"attrib: {output}: cannot write ({why})"]


# --- runs with worker processes end promptly ------------------------------------------------


def start(*args: str, cwd: Path | None = None) -> subprocess.Popen[bytes]:
    """attrib in a session of its own: a signal to its process group reaches it and its
    workers, as Ctrl-C in a terminal does, and nothing else."""
    return subprocess.Popen(
        [sys.executable, "-m", "attrib", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=cwd,
        start_new_session=True,
    )


def finish(proc: subprocess.Popen[bytes], seconds: float = 30) -> tuple[int, bytes]:
    """Exit status and stderr; a run still going after ``seconds`` hangs, and is killed."""
    try:
        _, err = proc.communicate(timeout=seconds)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        pytest.fail("attrib hung")
    return proc.returncode, err


def children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


@pytest.fixture
def corpus(tmp_path: Path) -> list[str]:
    """Enough articles that the JSON outgrows a pipe's buffer."""
    paragraph = "The minister said that prices would rise. Critics said it was too late.\n\n"
    names = []
    for i in range(120):
        path = tmp_path / f"{i:03}.txt"
        path.write_text(paragraph * 5, encoding="utf-8")
        names.append(str(path))
    return names


def test_closed_output_pipe_ends_a_multi_worker_run(corpus: list[str]) -> None:
    proc = start("analyze", *corpus, "--json", "--workers", "2")
    assert proc.stdout is not None
    first = proc.stdout.readline()  # `| head -1`
    proc.stdout.close()
    status, err = finish(proc)
    assert json.loads(first)["input"]["name"] == corpus[0]
    assert status == 141 and err == b""


def test_ctrl_c_to_the_group_ends_a_multi_worker_run(corpus: list[str]) -> None:
    proc = start("analyze", *corpus, "--json", "--workers", "2")
    assert proc.stdout is not None
    proc.stdout.readline()  # the workers are at work
    os.killpg(proc.pid, signal.SIGINT)
    status, err = finish(proc)
    assert status == 130
    assert err == b"attrib: interrupted\n"


def test_a_killed_worker_ends_the_run_with_one_line(corpus: list[str]) -> None:
    proc = start("analyze", *corpus, "--json", "--workers", "2")
    assert proc.stdout is not None
    proc.stdout.readline()
    workers = children(proc.pid)
    assert workers
    os.kill(workers[0], signal.SIGKILL)  # what the kernel does when memory runs out
    status, err = finish(proc)
    assert status == 1
    assert lines(err) == ["attrib: a worker process was killed (SIGKILL; out of memory?)"]


@pytest.mark.parametrize(
    ("signum", "status", "said"),
    [
        (signal.SIGTERM, 143, b"attrib: terminated\n"),
        (signal.SIGINT, 130, b"attrib: interrupted\n"),
    ],
)
def test_a_signal_leaves_no_temporary_file_and_says_so(
    tmp_path: Path, signum: int, status: int, said: bytes
) -> None:
    article = tmp_path / "long.txt"
    article.write_text("The minister said prices would rise.\n\n" * 20000, encoding="utf-8")
    proc = start("analyze", str(article), "--json", "-o", str(tmp_path / "out.jsonl"))
    deadline = time.monotonic() + 60
    while len(list(tmp_path.iterdir())) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)  # until the run has begun writing its temporary file
    proc.send_signal(signum)
    assert finish(proc) == (status, said)
    assert list(tmp_path.iterdir()) == [article]


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")  # the dropped one
def test_a_signal_that_lands_where_python_drops_exceptions_still_stops_the_run() -> None:
    """A signal handled inside a ``__del__`` raises a stop that Python ignores; it is raised
    again until one ends the run (this once left a run going after SIGTERM)."""
    from attrib.cli import _signals_stop, _Stop

    class Dropped:
        def __del__(self) -> None:
            os.kill(os.getpid(), signal.SIGTERM)
            time.sleep(0.05)  # the handler runs here, and its exception is dropped

    deadline = time.monotonic() + 5
    with pytest.raises(_Stop) as stopped, _signals_stop():
        Dropped()  # deleted at once
        while time.monotonic() < deadline:
            time.sleep(0.01)
    assert stopped.value.status == 143
    assert time.monotonic() < deadline
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


# --- web pages: bounded extraction ----------------------------------------------------------


def test_a_page_that_would_take_too_long_to_extract_is_stopped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # thousands of inline elements in one paragraph: extraction time grows with their square
    page = tmp_path / "page.html"
    page.write_text(
        "<!doctype html><html><body><article><p>" + "a<b>b</b>" * 12000 + "</p></article>",
        encoding="utf-8",
    )
    monkeypatch.setattr("attrib.inputs.webpage.EXTRACT_SECONDS", 0.5, raising=False)
    result = attrib_cli("analyze", str(page), str(EXAMPLE_PATH), "--json")
    assert result.returncode == 1
    assert lines(result.stderr) == [
        f"attrib: {page}: page too complex (extraction stopped after 0.5 s)"
    ]
    assert [json.loads(line)["input"]["name"] for line in lines(result.stdout)] == [
        str(EXAMPLE_PATH)
    ]


# --- JSON Lines: bounded lines, strict records ----------------------------------------------


@pytest.mark.parametrize("command", ["summarize", "jsonl", "evaluate"])
def test_a_line_without_end_is_refused(command: str) -> None:
    args = {
        "summarize": ["summarize", "/dev/zero"],
        "jsonl": ["analyze", "--jsonl-in", "/dev/zero", "--json"],
        "evaluate": ["evaluate", "/dev/zero"],
    }[command]
    result = attrib_cli(*args)
    assert result.returncode == 1
    assert lines(result.stderr) == ["attrib: /dev/zero:1: line longer than 50 MB"]


def test_a_record_with_a_lone_surrogate_is_one_error_and_the_run_goes_on(
    tmp_path: Path, article: Path
) -> None:
    records = tmp_path / "in.jsonl"
    records.write_text(
        STATEMENT + '{"id": "bad", "text": "A lone \\ud800 here."}\n' + STATEMENT, encoding="utf-8"
    )
    odd = tmp_path / os.fsdecode(b"caf\xe9.txt")  # a name that is not UTF-8
    odd.write_text(ARTICLE, encoding="utf-8")
    result = attrib_cli("analyze", str(article), str(odd), "--jsonl-in", str(records), "--json")
    assert result.returncode == 1
    docs = [json.loads(line) for line in lines(result.stdout)]
    assert [d["input"]["name"] for d in docs] == [
        str(article),
        str(tmp_path / "caf\ufffd.txt"),
        "ok",
        "ok",
    ]
    assert lines(result.stderr) == [f"attrib: {records}:2: invalid Unicode (a lone surrogate)"]


# --- CSV: no formulas -----------------------------------------------------------------------

FORMULAS = ["=1+2", "+1", "-1", "@SUM(A1)", "\tx", "\rx"]


def _formula_analysis(cell: str) -> Analysis:
    content = TextSpan(0, 3, "abc")
    statement = Statement("s1", "indirect", (content,), None, None, "src1")
    source = Source("src1", cell, "named", "person", (TextSpan(4, 5, "d"),))
    return Analysis((statement,), (source,), ()).with_input(cell)


@pytest.mark.parametrize("cell", FORMULAS)
def test_csv_cells_are_never_formulas(tmp_path: Path, cell: str) -> None:
    records = tmp_path / "in.jsonl"
    records.write_text(
        json.dumps({"id": cell, "text": "The report said: " + cell + " was the code."}) + "\n",
        encoding="utf-8",
    )
    result = attrib_cli("analyze", "--jsonl-in", str(records), "--format", "csv")
    assert result.returncode == 0, result.stderr
    rows = list(csv.reader(io.StringIO(result.stdout.decode(), newline="")))[1:]
    assert rows and all(row[0] == "'" + cell for row in rows)
    assert all(not value.startswith(tuple("=+-@\t\r")) for row in rows for value in row)
    raw = attrib_cli("analyze", "--jsonl-in", str(records), "--format", "csv", "--raw-csv")
    assert list(csv.reader(io.StringIO(raw.stdout.decode(), newline="")))[1][0] == cell


def test_csv_rows_neutralise_every_cell() -> None:
    from attrib.outputs.spreadsheet import CSV_HEADER, csv_rows

    article, source = CSV_HEADER.index("article"), CSV_HEADER.index("source")
    for cell in FORMULAS:
        (row,) = csv_rows(_formula_analysis(cell))
        assert row[article] == row[source] == "'" + cell


# --- terminals get no control sequences -----------------------------------------------------

ESCAPES = "\x1b]0;owned\x07\x1b[2J\x9b31m"


def test_tables_strip_control_sequences(tmp_path: Path) -> None:
    for names in (["one"], ["one", "two"]):  # an article's table, and the corpus table
        records = tmp_path / "in.jsonl"
        records.write_text(
            "".join(
                json.dumps(
                    {"id": ESCAPES + name, "text": "The minister said that prices would rise."}
                )
                + "\n"
                for name in names
            ),
            encoding="utf-8",
        )
        result = attrib_cli("analyze", "--jsonl-in", str(records))
        assert result.returncode == 0, result.stderr
        out = result.stdout.decode()
        assert all(name in out for name in names)
        assert ("minister" in out) is (len(names) == 1)  # the sources of the one article
        assert not any(ch in out for ch in "\x1b\x07\x9b")


def test_show_strips_control_sequences(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(
        f"The minister{ESCAPES} said that prices would rise{ESCAPES}. The central bank has not "
        "commented on the figures yet, and the markets stayed calm on Monday morning.\n",
        encoding="utf-8",
    )
    result = attrib_cli("show", str(path))
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode()
    assert "prices would rise" in out
    assert not any(ch in out for ch in "\x1b\x07\x9b")


# --- hostile web servers ---------------------------------------------------------------------

Route = Callable[[socket.socket], None]


class RawServer:
    """A loopback server answering each path with the raw bytes of its route."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.stop = threading.Event()
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.base = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while not self.stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            threading.Thread(target=self._answer, args=(conn,), daemon=True).start()

    def _answer(self, conn: socket.socket) -> None:
        with conn:
            request = b""
            while b"\r\n\r\n" not in request:
                chunk = conn.recv(4096)
                if not chunk:
                    return
                request += chunk
            path = request.split(b" ")[1].decode()
            route = self.routes.get(path)
            try:
                if route is None:
                    conn.sendall(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n")
                else:
                    route(conn)
            except OSError:
                pass  # the client gave up

    def close(self) -> None:
        self.stop.set()
        self.sock.close()


def respond(body: bytes, *headers: str, status: str = "200 OK") -> Route:
    def route(conn: socket.socket) -> None:
        head = [f"HTTP/1.1 {status}", "Connection: close", *headers]
        if not any(h.lower().startswith("content-length") for h in headers):
            head.append(f"Content-Length: {len(body)}")
        conn.sendall(("\r\n".join(head) + "\r\n\r\n").encode("latin-1") + body)

    return route


def redirect(location: str) -> Route:
    return respond(b"", f"Location: {location}", status="302 Found")


PLAIN = "Quay reopens.\n\nThe harbour master said that the quay was safe again.\n"


@pytest.fixture
def server() -> Iterator[RawServer]:
    raw = RawServer()

    def drip_headers(conn: socket.socket) -> None:
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n")
        while not raw.stop.is_set():  # each byte well within any socket timeout
            conn.sendall(b"X")
            time.sleep(0.05)

    gzipped = gzip.compress(PLAIN.encode() * 50)
    raw.routes.update(
        {
            "/plain": respond(PLAIN.encode(), "Content-Type: text/plain; charset=utf-8"),
            "/drip-headers": drip_headers,
            "/short": respond(
                PLAIN.encode(), "Content-Type: text/plain", f"Content-Length: {len(PLAIN) * 2}"
            ),
            "/cut-gzip": respond(
                gzipped[: len(gzipped) // 2], "Content-Type: text/plain", "Content-Encoding: gzip"
            ),
            "/to-ftp": redirect("ftp://127.0.0.1/file.txt"),
            "/to-file": redirect("file:///etc/passwd"),
            "/loop-a": redirect("/loop-b"),
            "/loop-b": redirect("/loop-a"),
            **{f"/hop{i}": redirect(f"/hop{i + 1}") for i in range(30)},
            "/utf16": respond(
                PLAIN.encode("utf-16-le"), "Content-Type: text/plain; charset=utf-16le"
            ),
            "/bad-status": lambda conn: conn.sendall(
                f"HTTP/1.1 {ESCAPES}200\r\n\r\n".encode("latin-1")
            ),
        }
    )
    try:
        yield raw
    finally:
        raw.close()


def test_headers_dripped_forever_time_out(
    server: RawServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("attrib.inputs.fetch.DEFAULT_TIMEOUT", 1.0)
    url = f"{server.base}/drip-headers"
    outcome: list[str] = []

    def fetch() -> None:
        try:
            attrib.read_article(url)
            outcome.append("read")
        except Exception as err:
            outcome.append(str(err))

    thread = threading.Thread(target=fetch, daemon=True)
    thread.start()
    thread.join(30)
    assert outcome == [f"{url}: timed out after 1 s"]


@pytest.mark.parametrize(
    ("path", "why"),
    [
        ("/short", "response cut short ({n} of {n2} bytes)"),
        ("/cut-gzip", "response cut short (incomplete gzip data)"),
        ("/to-ftp", "redirect refused (to ftp://127.0.0.1/file.txt: not http or https)"),
        ("/to-file", "redirect refused (to file:///etc/passwd: not http or https)"),
        ("/loop-a", "redirect refused (a loop back to {base}/loop-a)"),
        ("/hop0", "redirect refused (more than 10 redirects)"),
    ],
)
def test_a_bad_response_says_why(server: RawServer, path: str, why: str) -> None:
    url = server.base + path
    result = attrib_cli("analyze", url)
    assert result.returncode == 1
    n = len(PLAIN.encode())
    assert lines(result.stderr) == [f"attrib: {url}: {why.format(base=server.base, n=n, n2=2 * n)}"]


def test_a_labelled_utf16_body_is_read(server: RawServer) -> None:
    result = attrib_cli("analyze", f"{server.base}/utf16", "--json", "--include-text")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["input"]["text"] == PLAIN


def test_a_status_line_with_escapes_prints_none(server: RawServer) -> None:
    result = attrib_cli("analyze", f"{server.base}/bad-status")
    assert result.returncode == 1
    err = result.stderr.decode()
    assert err.startswith(f"attrib: {server.base}/bad-status: ") and len(lines(result.stderr)) == 1
    assert not any(ch in err for ch in "\x1b\x07\x9b")


def test_credentials_in_a_url_are_refused_unsent(server: RawServer) -> None:
    url = server.base.replace("http://", "http://reader:secret@") + "/plain"
    result = attrib_cli("analyze", url)
    assert result.returncode == 1
    shown = server.base.replace("http://", "http://reader:***@") + "/plain"
    assert lines(result.stderr) == [
        f"attrib: {shown}: user names and passwords in URLs are not supported"
    ]


# --- files: each analyzed once --------------------------------------------------------------


def test_a_symlink_loop_never_analyzes_a_file_twice(tmp_path: Path) -> None:
    folder = tmp_path / "dir"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "sub" / "loop").symlink_to("..")
    (folder / "b.txt").symlink_to("sub/a.txt")
    for args in ([f"{folder}/**/*.txt"], [str(folder)], [f"{folder}/sub/a.txt"] * 2):
        result = attrib_cli("analyze", *args, "--json")
        assert result.returncode == 0, result.stderr
        assert len(lines(result.stdout)) == 1


# --- summarize: saved results are validated -------------------------------------------------


def _saved(summary: dict[str, object]) -> str:
    doc = Analysis((), (), ()).with_input("x").to_dict()
    doc["summary"].update(summary)
    return json.dumps(doc)


RELAYED = _saved({"relayed": 12345})


@pytest.mark.parametrize(
    ("line", "why"),
    [
        (
            _saved({"statements": -1}),
            "not an attrib result (summary.statements: -1 is less than the minimum of 0)",
        ),
        (
            _saved(
                {"statements_by_type": {"named": "2", "unnamed": 0, "outlet": 0, "unresolved": 0}}
            ),
            "not an attrib result (summary.statements_by_type.named: '2' is not of type 'integer')",
        ),
        (
            json.dumps({**json.loads(RELAYED), "meta": [1]}),
            "not an attrib result (meta: [1] is not of type 'object')",
        ),
        (RELAYED.replace("12345", "1e999"), "invalid JSON (1e999 is out of range)"),
        (RELAYED.replace("12345", "Infinity"), "invalid JSON (Infinity is not a JSON number)"),
        (RELAYED.replace("12345", "NaN"), "invalid JSON (NaN is not a JSON number)"),
    ],
)
def test_summarize_names_the_wrong_record(tmp_path: Path, line: str, why: str) -> None:
    saved = tmp_path / "results.jsonl"
    saved.write_text(_saved({}) + "\n" + line + "\n", encoding="utf-8")
    result = attrib_cli("summarize", str(saved))
    assert result.returncode == 1
    assert lines(result.stderr) == [f"attrib: {saved}:2: {why}"]


def test_summarize_reads_a_file_with_a_byte_order_mark(tmp_path: Path) -> None:
    saved = tmp_path / "results.jsonl"
    saved.write_bytes(b"\xef\xbb\xbf" + _saved({}).encode() + b"\n")
    result = attrib_cli("summarize", str(saved))
    assert result.returncode == 0, result.stderr
    assert ["x", "0", "-", "-", "-", "0"] in [line.split() for line in lines(result.stdout)]
