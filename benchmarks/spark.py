"""attrib on Spark against the CLI: words/s of ``local[1]``, ``local[2]`` and ``attrib analyze
--workers 2`` on the same corpus, one run each, side by side; start-up apart.

The corpus is PolNeAR-dev (``../shared/data/polnear-dev.jsonl``, read in place) repeated to at
least 800 articles, with distinct ids, written to a temporary JSON Lines file that both sides
read. A *word* is a whitespace-separated token of the text (as in ``throughput.py``).

- CLI: ``attrib analyze --jsonl-in CORPUS --json -o FILE --workers 2``; its start-up is the
  same command on one article, and "once started" is the difference.
- Spark: a fresh process per master. Start-up is the session (the JVM) plus a warm-up job in
  which every Python worker loads the pipeline; "once started" is then
  ``attrib.spark.analyze(spark.read.json(CORPUS))`` written as Parquet. The resident memory of
  each Python worker is sampled during that job (first half against second half).

CPU seconds (user + system of every process of the run: the CLI's, or Spark's JVM, driver and
Python workers during the job) are reported too: on a shared, busy machine words per
CPU-second compare the two sides more steadily than words per second, and CPU over wall
seconds ("cores") tells how much of the machine a run actually got.

    .venv/bin/python benchmarks/spark.py           # text report
    .venv/bin/python benchmarks/spark.py --json    # machine-readable
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "data" / "polnear-dev.jsonl"
MIN_ARTICLES = 800
TARGET_VS_CLI = 0.8  # local[2] words/s >= 0.8 x attrib analyze --workers 2, once started
TARGET_SCALING = 1.6  # local[2] words/s >= 1.6 x local[1]
SAMPLE_SECONDS = 0.5

Json = dict[str, Any]


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def build_corpus(source: Path, articles: int) -> list[Json]:
    """The source records, repeated until there are ``articles``, each with its own id."""
    with source.open(encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle if line.strip()]
    rounds = -(-articles // len(records))
    return [{"id": f"{r['id']}#{k}", "text": r["text"]} for k in range(rounds) for r in records]


def write_jsonl(records: Sequence[Json], path: Path) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def words(records: Sequence[Json]) -> int:
    return sum(len(r["text"].split()) for r in records)


# --- the CLI ----------------------------------------------------------------------------------


def time_cli(corpus: Path, workers: int, scratch: Path) -> tuple[float, float]:
    """Wall and CPU seconds (user + system, every process) of ``attrib analyze --jsonl-in
    CORPUS --json --workers N`` writing to a file."""
    command = [str(Path(sys.executable).with_name("attrib")), "analyze", "--jsonl-in", str(corpus)]
    command += ["--json", "-o", str(scratch / "cli.jsonl"), "--workers", str(workers)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)


# --- Spark (in a child process per master) ----------------------------------------------------


def cpu_seconds(pids: set[int]) -> dict[int, float]:
    """User + system CPU seconds of each process so far (its reaped children included)."""
    tick = os.sysconf("SC_CLK_TCK")
    used: dict[int, float] = {}
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        used[pid] = sum(int(f) for f in fields[11:15]) / tick  # utime stime cutime cstime
    return used


def descendants(root: int) -> set[int]:
    """Process ids below ``root``, from /proc (Linux)."""
    parents: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(stat.parent.name)] = int(fields[1])
    found, frontier = set(), {root}
    while frontier:
        frontier = {pid for pid, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def python_workers(root: int) -> dict[int, int]:
    """Resident KiB of every PySpark Python process below ``root``."""
    sizes: dict[int, int] = {}
    for pid in descendants(root):
        try:
            command = Path(f"/proc/{pid}/cmdline").read_bytes()
            status = Path(f"/proc/{pid}/status").read_text()
        except OSError:
            continue
        if b"pyspark.daemon" in command:
            sizes[pid] = next(
                int(ln.split()[1]) for ln in status.splitlines() if ln.startswith("VmRSS:")
            )
    return sizes


class Sampler:
    """Resident memory of the Python workers, every SAMPLE_SECONDS, in a thread."""

    def __init__(self) -> None:
        self.samples: list[tuple[float, dict[int, int]]] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.samples.append((time.perf_counter(), python_workers(os.getpid())))
            self._stop.wait(SAMPLE_SECONDS)

    def __enter__(self) -> Sampler:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()


def per_worker(samples: list[tuple[float, dict[int, int]]], start: float, end: float) -> Json:
    """Each worker's peak resident MiB in the first and in the second half of the job."""
    middle = (start + end) / 2
    halves: dict[int, list[int]] = {}
    for moment, sizes in samples:
        for pid, kib in sizes.items():
            peaks = halves.setdefault(pid, [0, 0])
            index = 0 if moment < middle else 1
            peaks[index] = max(peaks[index], kib)
    big = {pid: p for pid, p in halves.items() if max(p) > 200 * 1024}  # the ones with a model
    return {
        str(pid): {"first_half_mib": p[0] / 1024, "second_half_mib": p[1] / 1024}
        for pid, p in sorted(big.items())
    }


def spark_child(master: str, corpus: Path, warmup: Path, scratch: Path) -> Json:
    """In a fresh process: start a session, warm every worker up, then time the corpus."""
    start = time.perf_counter()
    import attrib.spark

    spark = attrib.spark.session(
        master,
        quiet=True,
        config={
            "spark.ui.enabled": "false",
            "spark.driver.host": "127.0.0.1",
            "spark.driver.bindAddress": "127.0.0.1",
        },
    )
    session = time.perf_counter() - start
    attrib.spark.analyze(spark.read.json(str(warmup))).write.format("noop").mode("overwrite").save()
    started = time.perf_counter() - start
    articles = spark.read.json(str(corpus)).cache()
    articles.count()
    with Sampler() as sampler:
        cpu_before = cpu_seconds({os.getpid(), *descendants(os.getpid())})
        begin = time.perf_counter()
        attrib.spark.analyze(articles).write.parquet(str(scratch / f"spark-{master}"))
        end = time.perf_counter()
        cpu_after = cpu_seconds({os.getpid(), *descendants(os.getpid())})
    spark.stop()
    cpu = sum(used - cpu_before.get(pid, 0.0) for pid, used in cpu_after.items())
    return {
        "master": master,
        "session_seconds": session,
        "startup_seconds": started,
        "seconds": end - begin,
        "cpu_seconds": cpu,
        "workers": per_worker(sampler.samples, begin, end),
    }


def run_child(master: str, corpus: Path, warmup: Path, scratch: Path) -> Json:
    command = [sys.executable, str(Path(__file__).resolve()), "--spark-child", master]
    command += ["--corpus-file", str(corpus), "--warmup-file", str(warmup)]
    command += ["--scratch", str(scratch)]
    proc = subprocess.run(command, capture_output=True, text=True, check=False, cwd=ROOT)
    if proc.returncode != 0:
        raise RuntimeError(f"spark child failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


# --- report -----------------------------------------------------------------------------------


def measure(args: argparse.Namespace) -> Json:
    records = build_corpus(args.corpus, args.articles)
    n_words = words(records)
    with tempfile.TemporaryDirectory(prefix="attrib-spark-bench-") as tmp:
        scratch = Path(tmp)
        corpus = write_jsonl(records, scratch / "corpus.jsonl")
        one = write_jsonl(records[:1], scratch / "one.jsonl")
        warmup = write_jsonl(records[:16], scratch / "warmup.jsonl")
        log("attrib analyze --workers 2, one article (start-up)")
        cli_start, cli_start_cpu = time_cli(one, 2, scratch)
        log(f"attrib analyze --workers 2, {len(records)} articles")
        cli_total, cli_total_cpu = time_cli(corpus, 2, scratch)
        runs: dict[str, Json] = {}
        for master in ("local[1]", "local[2]"):
            log(f"attrib.spark on {master}")
            runs[master] = run_child(master, corpus, warmup, scratch)
    cli = {
        "startup_seconds": cli_start,
        "total_seconds": cli_total,
        "seconds": cli_total - cli_start,
        "cpu_seconds": cli_total_cpu - cli_start_cpu,
    }
    for run in (cli, *runs.values()):
        run["words_per_second"] = n_words / run["seconds"]
        run["words_per_cpu_second"] = n_words / run["cpu_seconds"]
    return {
        "date": time.strftime("%Y-%m-%d"),
        "machine": {
            "nproc": os.cpu_count(),
            "python": platform.python_version(),
            "loadavg_end": [round(x, 2) for x in os.getloadavg()],
        },
        "corpus": {"source": str(args.corpus), "articles": len(records), "words": n_words},
        "cli_workers_2": cli,
        "spark": runs,
        "ratios": {
            "local2_vs_cli": runs["local[2]"]["words_per_second"] / cli["words_per_second"],
            "local2_vs_local1": runs["local[2]"]["words_per_second"]
            / runs["local[1]"]["words_per_second"],
        },
    }


def render(res: Json) -> str:
    cli, spark, ratios = res["cli_workers_2"], res["spark"], res["ratios"]
    corpus = res["corpus"]
    lines = [
        f"Corpus: {corpus['articles']} articles, {corpus['words']:,} words "
        f"({corpus['source']}, repeated); {res['machine']['nproc']} cores, "
        f"load average at the end {res['machine']['loadavg_end']}",
        "",
        "                              words/s   once started   words/CPU-s   cores   start-up",
        f"  attrib analyze --workers 2 {cli['words_per_second']:8,.0f}   "
        f"{cli['seconds']:9.1f} s   {cli['words_per_cpu_second']:11,.0f}   "
        f"{cli['cpu_seconds'] / cli['seconds']:5.2f}   "
        f"{cli['startup_seconds']:5.1f} s (one article)",
    ]
    for master, run in spark.items():
        lines.append(
            f"  attrib.spark {master:<13} {run['words_per_second']:8,.0f}   "
            f"{run['seconds']:9.1f} s   {run['words_per_cpu_second']:11,.0f}   "
            f"{run['cpu_seconds'] / run['seconds']:5.2f}   "
            f"{run['startup_seconds']:5.1f} s (session {run['session_seconds']:.1f} s + warm-up)"
        )
    lines += [
        "",
        f"  local[2] / CLI --workers 2   {ratios['local2_vs_cli']:.2f}   "
        f"(target >= {TARGET_VS_CLI})",
        f"  local[2] / local[1]          {ratios['local2_vs_local1']:.2f}   "
        f"(target >= {TARGET_SCALING})",
        "",
        "  Python workers, peak resident MiB, first half / second half of the corpus job:",
    ]
    for master, run in spark.items():
        for pid, halves in run["workers"].items():
            lines.append(
                f"    {master}  pid {pid}: {halves['first_half_mib']:6.0f} / "
                f"{halves['second_half_mib']:6.0f}"
            )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="JSONL with 'text'")
    parser.add_argument("--articles", type=int, default=MIN_ARTICLES, help="at least this many")
    parser.add_argument("--json", action="store_true", help="print JSON instead of the report")
    parser.add_argument("--spark-child", help=argparse.SUPPRESS)
    parser.add_argument("--corpus-file", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--warmup-file", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--scratch", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.spark_child:
        print(
            json.dumps(
                spark_child(args.spark_child, args.corpus_file, args.warmup_file, args.scratch)
            )
        )
        return 0
    if not args.corpus.is_file():
        print(f"spark benchmark: corpus not found: {args.corpus}", file=sys.stderr)
        return 2
    res = measure(args)
    print(json.dumps(res, indent=2) if args.json else render(res))
    return 0


if __name__ == "__main__":
    sys.exit(main())
