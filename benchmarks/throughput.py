"""Speed and memory of attrib against bare spaCy, on PolNeAR-dev and one model.

Measures, in one run: words per second (bare spaCy vs attrib, 1 and 2
processes), peak memory when streaming the corpus 1x vs 10x (fresh
subprocesses), cold start of ``attrib analyze`` vs ``python -c`` loading the
same model, and attrib's time per word on a long document (~300k vs ~75k chars).

A *word* is a whitespace-separated token of the input text (``len(text.split())``).
The corpus is read in place (default ``../shared/data/polnear-dev.jsonl`` from the
repository root) and never copied.

    .venv/bin/python benchmarks/throughput.py            # full run, text report
    .venv/bin/python benchmarks/throughput.py --quick    # smoke run on a subset
    .venv/bin/python benchmarks/throughput.py --json     # machine-readable output
    .venv/bin/python benchmarks/throughput.py --profile 15   # where attrib's time goes
    .venv/bin/python benchmarks/throughput.py --sections memory,cold  # a subset
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import hashlib
import io
import itertools
import json
import os
import platform
import pstats
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = "../shared/data/polnear-dev.jsonl"  # relative to ROOT
EXAMPLE = "../shared/examples/peace-plan.txt"  # relative to ROOT: read in place, never copied

TARGET_SPEED = 0.90  # attrib words/s >= 0.90 x bare spaCy words/s
TARGET_SCALING = 1.4  # 2 workers >= 1.4 x one worker
TARGET_MEMORY = 1.2  # peak RSS streaming 10x corpus <= 1.2 x peak RSS for 1x corpus
TARGET_COLD = 1.2  # attrib analyze <= 1.2 x python -c loading the model and parsing
TARGET_LINEAR = 1.2  # tolerance taken here for "~1": time/word at 300k <= 1.2 x at 75k

SECTIONS = ("throughput", "long", "memory", "cold")
WARMUP_TEXTS = 5
QUICK_TEXTS = 12
COLD_RUNS = 5
MEMORY_TIMES = 10

Json = dict[str, Any]


def log(msg: str) -> None:
    """Progress on stderr, so stdout stays the report."""
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def words(texts: Iterable[str]) -> int:
    """Whitespace-separated tokens."""
    return sum(len(t.split()) for t in texts)


def read_corpus(path: Path, quick: bool) -> list[str]:
    """The ``text`` of every JSON line (the first few with ``quick``)."""
    with path.open(encoding="utf-8") as fh:
        texts = [json.loads(line)["text"] for line in fh if line.strip()]
    return texts[:QUICK_TEXTS] if quick else texts


def median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else float("nan")


# --- throughput ----------------------------------------------------------------------------


def time_bare(nlp: Any, texts: Sequence[str], batch_size: int, n_process: int) -> float:
    """Seconds for bare spaCy to parse ``texts`` (every Doc consumed)."""
    start = time.perf_counter()
    for doc in nlp.pipe(texts, batch_size=batch_size, n_process=n_process):
        len(doc)
    return time.perf_counter() - start


def time_attrib(nlp: Any, texts: Iterable[str], batch_size: int, n_process: int) -> float:
    """Seconds for attrib to produce an Analysis for every text."""
    from attrib.analysis.pipeline import analyze_doc_stream

    start = time.perf_counter()
    for _ in analyze_doc_stream(nlp, texts, batch_size=batch_size, n_process=n_process):
        pass
    return time.perf_counter() - start


def throughput(
    bare: Any, nlp: Any, texts: Sequence[str], batch_size: int, repeat: int
) -> dict[str, Json]:
    """Median seconds and words/s per configuration, bare and attrib runs interleaved."""
    n_words = words(texts)
    configs: list[tuple[str, Callable[..., float], Any, int]] = [
        ("bare_1", time_bare, bare, 1),
        ("attrib_1", time_attrib, nlp, 1),
        ("bare_2", time_bare, bare, 2),
        ("attrib_2", time_attrib, nlp, 2),
    ]
    runs: dict[str, list[float]] = {name: [] for name, *_ in configs}
    for rep in range(repeat):
        # Alternate the order (ABCD, DCBA, ...) so drift in machine load hits every config.
        for name, fn, pipe, n_proc in configs if rep % 2 == 0 else configs[::-1]:
            log(f"throughput {name} run {rep + 1}/{repeat}")
            runs[name].append(fn(pipe, texts, batch_size, n_proc))
    return {
        name: {
            "seconds": median(secs),
            "runs_seconds": [round(s, 3) for s in secs],
            "words_per_second": n_words / median(secs),
        }
        for name, secs in runs.items()
    }


# --- peak memory (fresh subprocesses) ------------------------------------------------------


def proc_status_kib(field: str) -> int:
    """A field of /proc/self/status in KiB (Linux; 0 elsewhere)."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            return next(int(ln.split()[1]) for ln in fh if ln.startswith(field + ":"))
    except (OSError, StopIteration):
        return 0


def current_rss_kib() -> int:
    return proc_status_kib("VmRSS")


def memory_child(args: argparse.Namespace) -> int:
    """In a fresh process: stream the corpus ``times`` times through attrib, print peak RSS."""
    from attrib import load_pipeline

    texts = read_corpus(resolve(args.corpus), args.quick)
    nlp = load_pipeline(args.model)
    time_attrib(nlp, texts[:WARMUP_TEXTS], args.batch_size, 1)
    baseline = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    stream: Iterator[str] = itertools.chain.from_iterable(itertools.repeat(texts, args.times))
    sampled = [current_rss_kib()]

    def sampling(source: Iterator[str]) -> Iterator[str]:
        for i, text in enumerate(source):
            if i % 8 == 0:
                sampled.append(current_rss_kib())
            yield text

    seconds = time_attrib(nlp, sampling(stream), args.batch_size, args.memory_n_process)
    sampled.append(current_rss_kib())
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    # Linux carries the parent's RSS high-water mark across fork+exec into ru_maxrss, so a
    # big benchmark parent inflates it; VmHWM belongs to this process image alone.
    hwm = proc_status_kib("VmHWM") or own
    result = {
        "times": args.times,
        "texts": len(texts) * args.times,
        "seconds": seconds,
        "baseline_kib": baseline,  # ru_maxrss after loading the model and warming up
        "self_peak_kib": own,
        # ru_maxrss of children is the largest single child, not their sum.
        "largest_child_peak_kib": children,
        "ru_maxrss_kib": own,
        "vm_hwm_kib": hwm,
        "peak_kib": hwm + children if args.memory_n_process > 1 else hwm,
        # Current RSS of this process sampled while streaming: growth the high-water mark
        # would hide when loading the model peaks higher than analysis.
        "stream_rss_start_kib": sampled[0],
        "stream_rss_max_kib": max(sampled),
    }
    print(json.dumps(result))
    return 0


def peak_memory(args: argparse.Namespace) -> Json:
    """Peak RSS for the corpus streamed 1x and 10x, each in its own subprocess."""
    out: Json = {"n_process": args.memory_n_process}
    for times in (1, MEMORY_TIMES):
        log(f"memory: corpus x{times} in a fresh process")
        cmd = [sys.executable, str(Path(__file__).resolve()), "--memory-child", str(times)]
        cmd += ["--corpus", args.corpus, "--model", args.model]
        cmd += ["--batch-size", str(args.batch_size), "--memory-n-process"]
        cmd += [str(args.memory_n_process), *(["--quick"] if args.quick else [])]
        proc = subprocess.run(cmd, capture_output=True, text=True, check=False, cwd=ROOT)
        if proc.returncode != 0:
            raise RuntimeError(f"memory child failed:\n{proc.stderr}")
        out[f"x{times}"] = json.loads(proc.stdout.strip().splitlines()[-1])
    out["ratio"] = out[f"x{MEMORY_TIMES}"]["peak_kib"] / out["x1"]["peak_kib"]
    out["sampled_ratio"] = (
        out[f"x{MEMORY_TIMES}"]["stream_rss_max_kib"] / out["x1"]["stream_rss_max_kib"]
    )
    return out


# --- cold start ----------------------------------------------------------------------------


def cold_start(model: str, explicit_model: bool) -> Json:
    """Median wall clock of ``attrib analyze EXAMPLE`` vs ``python -c`` load-and-parse."""
    script = Path(sys.executable).parent / "attrib"
    if not script.exists():
        return {"error": f"console script not found: {script}"}
    attrib_cmd = [str(script), "analyze", EXAMPLE, *(["--model", model] if explicit_model else [])]
    code = (
        f"import spacy; nlp = spacy.load({model!r}); "
        f"nlp(open({EXAMPLE!r}, encoding='utf-8').read())"
    )
    python_cmd = [sys.executable, "-c", code]
    env = {**os.environ, "NO_COLOR": "1"}
    runs: dict[str, list[float]] = {"attrib": [], "python": []}
    for i in range(COLD_RUNS):
        log(f"cold start run {i + 1}/{COLD_RUNS}")
        for name, cmd in (("attrib", attrib_cmd), ("python", python_cmd)):
            start = time.perf_counter()
            proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, check=False)
            runs[name].append(time.perf_counter() - start)
            if proc.returncode != 0:
                return {"error": f"{' '.join(cmd)} exited {proc.returncode}: {proc.stderr!r}"}
    attrib_s, python_s = median(runs["attrib"]), median(runs["python"])
    return {
        "attrib_command": " ".join(attrib_cmd),
        "python_command": f'python -c "{code}"',
        "attrib_seconds": attrib_s,
        "python_seconds": python_s,
        "attrib_runs": [round(s, 3) for s in runs["attrib"]],
        "python_runs": [round(s, 3) for s in runs["python"]],
        "ratio": attrib_s / python_s,
    }


# --- long document -------------------------------------------------------------------------


def long_text(texts: Sequence[str], chars: int) -> str:
    """Corpus texts joined by blank lines (cycling if needed), just under ``chars``."""
    parts: list[str] = []
    size = 0
    for text in itertools.cycle(texts):
        if size + len(text) + 2 > chars and parts:
            break
        parts.append(text)
        size += len(text) + 2
    return "\n\n".join(parts)


ATTRIB_PIPES = ("attrib_paragraphs", "attribution")


def staged(nlp: Any, text: str) -> dict[str, float]:
    """Seconds per pipeline component for ``text`` processed as one Doc."""
    from attrib.results import Analysis

    times: dict[str, float] = {}
    start = time.perf_counter()
    doc = nlp.make_doc(text)
    times["tokenizer"] = time.perf_counter() - start
    for name, proc in nlp.pipeline:
        start = time.perf_counter()
        doc = proc(doc)
        times[name] = time.perf_counter() - start
    start = time.perf_counter()
    Analysis.from_dict(doc._.attribution)
    times["from_dict"] = time.perf_counter() - start
    return times


def long_document(nlp: Any, texts: Sequence[str], sizes: tuple[int, int], repeat: int) -> Json:
    """Time per word on a long and a 4x shorter document: stream (chunked) and one Doc."""
    out: Json = {}
    docs = {size: long_text(texts, size) for size in sizes}
    nlp.max_length = max(nlp.max_length, *(len(t) + 1 for t in docs.values()))
    for size in sorted(docs):  # the short one first: a huge Doc's leftovers must not slow it
        text = docs[size]
        n_words = words([text])
        stream_runs: list[float] = []
        stage_runs: list[dict[str, float]] = []
        for rep in range(repeat):
            log(f"long document {len(text):,} chars run {rep + 1}/{repeat}")
            gc.collect()
            stream_runs.append(time_attrib(nlp, [text], 16, 1))
            gc.collect()
            stage_runs.append(staged(nlp, text))
        stages = {k: median([r[k] for r in stage_runs]) for k in stage_runs[0]}
        one_doc = median([sum(r.values()) for r in stage_runs])
        attrib_only = sum(stages[k] for k in ATTRIB_PIPES) + stages["from_dict"]
        out[str(size)] = {
            "chars": len(text),
            "words": n_words,
            "stream_seconds": median(stream_runs),
            "stream_us_per_word": 1e6 * median(stream_runs) / n_words,
            "one_doc_seconds": one_doc,
            "one_doc_us_per_word": 1e6 * one_doc / n_words,
            "attrib_components_seconds": attrib_only,
            "attrib_components_us_per_word": 1e6 * attrib_only / n_words,
            "stages_seconds": stages,
        }
    big, small = out[str(sizes[0])], out[str(sizes[1])]
    for key in ("stream", "one_doc", "attrib_components"):
        out[f"{key}_ratio"] = big[f"{key}_us_per_word"] / small[f"{key}_us_per_word"]
    return out


# --- profile -------------------------------------------------------------------------------


def profile(nlp: Any, texts: Sequence[str], top: int) -> str:
    """Per-component time over the corpus, then cProfile of attrib's components."""
    from attrib.results import Analysis

    totals: dict[str, float] = {}
    for text in texts[:WARMUP_TEXTS]:
        nlp(text)
    for text in texts:
        for name, secs in staged(nlp, text).items():
            totals[name] = totals.get(name, 0.0) + secs
    total = sum(totals.values())
    lines = [f"Time per stage over {len(texts)} texts ({words(texts):,} words), one process:"]
    lines += [f"  {k:<18} {v:8.2f} s  {100 * v / total:5.1f} %" for k, v in totals.items()]
    lines.append(f"  {'total':<18} {total:8.2f} s")
    parsed = []
    with nlp.select_pipes(disable=["attribution"]):
        parsed = [nlp(t) for t in texts]
    paragraphs, component = nlp.get_pipe("attrib_paragraphs"), nlp.get_pipe("attribution")
    made = [nlp.make_doc(t) for t in texts]
    prof = cProfile.Profile()
    prof.enable()
    for doc in made:
        paragraphs(doc)
    for doc in parsed:
        Analysis.from_dict(component(doc)._.attribution)
    prof.disable()
    for sort in ("tottime", "cumulative"):
        buf = io.StringIO()
        pstats.Stats(prof, stream=buf).strip_dirs().sort_stats(sort).print_stats(top)
        lines += ["", f"cProfile of attrib_paragraphs + attribution + from_dict, by {sort}:"]
        lines += [ln for ln in buf.getvalue().splitlines() if ln.strip()][3:]
    return "\n".join(lines)


# --- report --------------------------------------------------------------------------------


def machine(model: str, nlp: Any) -> Json:
    from spacy.about import __version__ as spacy_version

    meta = nlp.meta
    return {
        "nproc": os.cpu_count(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "spacy": spacy_version,
        "model": model,
        "model_meta": f"{meta.get('lang')}_{meta.get('name')} {meta.get('version')}",
        "loadavg_start": [round(x, 2) for x in os.getloadavg()],
    }


def targets(res: Json) -> list[Json]:
    """Every target, its measured value and whether it is met."""
    rows: list[Json] = []

    def row(name: str, value: float, op: str, target: float) -> None:
        met = value >= target if op == ">=" else value <= target
        rows.append({"name": name, "value": value, "target": f"{op} {target}", "met": met})

    if "ratios" in res:
        ratios = res["ratios"]
        row("attrib / bare words/s, 1 process", ratios["attrib_vs_bare_1"], ">=", TARGET_SPEED)
        row("attrib / bare words/s, 2 processes", ratios["attrib_vs_bare_2"], ">=", TARGET_SPEED)
        row("attrib 2 workers / 1 worker", ratios["attrib_speedup_2_over_1"], ">=", TARGET_SCALING)
    if "ratio" in res.get("memory", {}):
        row("peak RSS 10x corpus / 1x corpus", res["memory"]["ratio"], "<=", TARGET_MEMORY)
    if "ratio" in res.get("cold_start", {}):
        row("cold start attrib / python -c", res["cold_start"]["ratio"], "<=", TARGET_COLD)
    if "long_document" in res:
        ld = res["long_document"]
        row("long doc time/word 4x size, stream", ld["stream_ratio"], "<=", TARGET_LINEAR)
        row("long doc time/word 4x size, one Doc", ld["one_doc_ratio"], "<=", TARGET_LINEAR)
        row("long doc attrib components only", ld["attrib_components_ratio"], "<=", TARGET_LINEAR)
    return rows


def render(res: Json) -> str:
    """The plain-text report."""
    m, c, code = res["machine"], res["corpus"], res["code"]
    out = [
        f"attrib throughput benchmark — {res['date']}",
        f"machine: {m['nproc']} CPUs, Python {m['python']}, spaCy {m['spacy']}, "
        f"model {m['model']} ({m['model_meta']}), load avg at start {m['loadavg_start']}, "
        f"at end {m.get('loadavg_end')}",
        f"corpus: {c['path']} — {c['texts']} texts, {c['words']:,} words "
        f"(whitespace-separated tokens), {c['chars']:,} chars{' [QUICK subset]' * c['quick']}",
        f"settings: batch_size {res['settings']['batch_size']}, median of "
        f"{res['settings']['repeat']} runs, bare and attrib interleaved",
        f"code: src/attrib sha256 {code['start']} at start, {code['end']} at end"
        + ("" if code["start"] == code["end"] else "  (CHANGED DURING THE RUN)"),
    ]
    if "throughput" in res:
        out += render_throughput(res["throughput"], res["ratios"])
    out += render_rest(res)
    return "\n".join(out)


def render_throughput(tp: Json, r: Json) -> list[str]:
    out = ["", "Throughput                       words/s   median s   runs (s)"]
    labels = {
        "bare_1": "bare spaCy, n_process=1",
        "attrib_1": "attrib,     n_process=1",
        "bare_2": "bare spaCy, n_process=2",
        "attrib_2": "attrib,     n_process=2",
    }
    for key, label in labels.items():
        t = tp[key]
        runs = " ".join(f"{s:.2f}" for s in t["runs_seconds"])
        out.append(f"  {label:<28} {t['words_per_second']:9,.0f}  {t['seconds']:9.2f}   {runs}")
    out += [
        f"  attrib / bare, 1 process        {r['attrib_vs_bare_1']:6.3f}   "
        f"(target >= {TARGET_SPEED})",
        f"  attrib / bare, 2 processes      {r['attrib_vs_bare_2']:6.3f}   "
        f"(target >= {TARGET_SPEED})",
        f"  attrib speed-up 2 over 1        {r['attrib_speedup_2_over_1']:6.3f}   "
        f"(target >= {TARGET_SCALING})",
        f"  bare spaCy speed-up 2 over 1    {r['bare_speedup_2_over_1']:6.3f}   (reference)",
    ]
    return out


def render_rest(res: Json) -> list[str]:
    out: list[str] = []
    mem = res.get("memory", {})
    if "ratio" in mem:
        x1, x10 = mem["x1"], mem[f"x{MEMORY_TIMES}"]
        out += [
            "",
            f"Peak memory (attrib, n_process={mem['n_process']}, each run in a fresh process; "
            "peak = VmHWM)",
            f"  corpus x1  ({x1['texts']:>4} texts)  peak RSS {x1['peak_kib'] / 1024:7.1f} MiB"
            f"   (RSS before streaming {x1['stream_rss_start_kib'] / 1024:.1f} MiB, "
            f"{x1['seconds']:.1f} s)",
            f"  corpus x10 ({x10['texts']:>4} texts)  peak RSS {x10['peak_kib'] / 1024:7.1f} MiB"
            f"   (RSS before streaming {x10['stream_rss_start_kib'] / 1024:.1f} MiB, "
            f"{x10['seconds']:.1f} s)",
            f"  ratio x10 / x1                  {mem['ratio']:6.3f}   (target <= {TARGET_MEMORY})",
            f"  current RSS sampled while streaming: max {x1['stream_rss_max_kib'] / 1024:.1f} MiB"
            f" (x1), {x10['stream_rss_max_kib'] / 1024:.1f} MiB (x10), ratio "
            f"{mem['sampled_ratio']:.3f}",
        ]
    cold = res.get("cold_start", {})
    if cold:
        out += ["", f"Cold start (median of {COLD_RUNS}, wall clock)"]
        if "error" in cold:
            out.append(f"  not measured: {cold['error']}")
        else:
            out += [
                f"  {cold['attrib_command']:<48} {cold['attrib_seconds']:6.3f} s   "
                f"runs {cold['attrib_runs']}",
                f"  {'python -c: spacy.load + nlp(text)':<48} {cold['python_seconds']:6.3f} s   "
                f"runs {cold['python_runs']}",
                f"  ratio                           {cold['ratio']:6.3f}   "
                f"(target <= {TARGET_COLD})",
            ]
    ld = res.get("long_document")
    if ld:
        sizes = [d for d in ld.values() if isinstance(d, dict)]
        out += [
            "",
            "Long document (corpus texts joined by blank lines), time per word, "
            f"median of {res['settings']['long_repeat']}",
        ]
        out.append(
            "  size                        words   stream us/w   one Doc us/w   attrib comps us/w"
        )
        for d in sizes:
            stream, one, comps = (
                d[f"{k}_us_per_word"] for k in ("stream", "one_doc", "attrib_components")
            )
            out.append(
                f"  {d['chars']:>9,} chars    {d['words']:>10,}   {stream:11.1f}"
                f"   {one:12.1f}   {comps:17.1f}"
            )
        out += [
            f"  ratio long / short              stream {ld['stream_ratio']:.3f}, "
            f"one Doc {ld['one_doc_ratio']:.3f}, "
            f"attrib components {ld['attrib_components_ratio']:.3f}",
            f"  (~1 if linear; <= {TARGET_LINEAR} taken as linear)",
            "  stream = analyze_doc_stream (paragraph-aligned chunks of CHUNK_CHARS);",
            "  one Doc = every component on",
            "  the whole text (max_length raised); attrib comps = attrib_paragraphs + attribution",
            "  + Analysis.from_dict within the one-Doc run.",
        ]
        for d in sizes:
            stages = ", ".join(f"{k} {v:.2f}" for k, v in d["stages_seconds"].items())
            out.append(f"  stages at {d['chars']:,} chars (s): {stages}")
    out += ["", "Targets"]
    for t in res["targets"]:
        out.append(
            f"  [{'MET' if t['met'] else 'NOT MET':>7}] {t['name']:<44} {t['value']:7.3f}"
            f"  target {t['target']}"
        )
    return out


# --- main ----------------------------------------------------------------------------------


def fingerprint() -> str:
    """Short sha256 of attrib's sources, to tell which code a run measured."""
    digest = hashlib.sha256()
    for path in sorted((ROOT / "src" / "attrib").rglob("*.py")):
        digest.update(str(path.relative_to(ROOT)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:12]


def resolve(corpus: str) -> Path:
    path = Path(corpus)
    return path if path.is_absolute() else ROOT / path


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--corpus", default=DEFAULT_CORPUS, help="JSONL with a 'text' per line")
    p.add_argument("--model", default=None, help="spaCy pipeline (default: attrib's default)")
    p.add_argument("--repeat", type=int, default=3, help="runs per measurement (median)")
    p.add_argument("--batch-size", type=int, default=16, help="nlp.pipe batch size for both")
    p.add_argument(
        "--long-repeat",
        type=int,
        default=1,
        help="runs per long-document size (median; default 1)",
    )
    p.add_argument("--quick", action="store_true", help=f"first {QUICK_TEXTS} texts only")
    p.add_argument("--json", action="store_true", help="print JSON instead of the report")
    p.add_argument("--memory-n-process", type=int, default=1, help="workers for memory runs")
    p.add_argument("--profile", type=int, metavar="N", help="only profile; print top N functions")
    p.add_argument(
        "--sections",
        default=",".join(SECTIONS),
        help=f"comma-separated subset of {','.join(SECTIONS)} (default: all)",
    )
    p.add_argument("--memory-child", type=int, dest="times", help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if min(args.repeat, args.long_repeat, args.batch_size, args.memory_n_process) < 1:
        p.error("--repeat, --long-repeat, --batch-size and --memory-n-process must be positive")
    args.sections = [x.strip() for x in args.sections.split(",") if x.strip()]
    if not args.sections or set(args.sections) - set(SECTIONS):
        p.error(f"--sections takes a comma-separated subset of {','.join(SECTIONS)}")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    path = resolve(args.corpus)
    if not path.is_file():
        print(
            f"throughput: corpus not found: {path}\n"
            "  PolNeAR-dev is read from ../shared/data/ next to the repository; "
            "pass another JSONL with --corpus.",
            file=sys.stderr,
        )
        return 2
    explicit_model = args.model is not None
    if not explicit_model:
        from attrib.analysis.pipeline import default_model

        args.model = default_model()
    if args.times is not None:
        return memory_child(args)

    import spacy

    from attrib import load_pipeline

    texts = read_corpus(path, args.quick)
    log(f"loading {args.model} (bare and attrib)")
    bare, nlp = spacy.load(args.model), load_pipeline(args.model)
    if args.profile is not None:
        print(profile(nlp, texts, args.profile))
        return 0

    res: Json = {
        "date": time.strftime("%Y-%m-%d"),
        "code": {"start": fingerprint()},
        "machine": machine(args.model, bare),
        "corpus": {
            "path": args.corpus,
            "texts": len(texts),
            "words": words(texts),
            "chars": sum(map(len, texts)),
            "quick": args.quick,
        },
        "settings": {
            "batch_size": args.batch_size,
            "repeat": args.repeat,
            "long_repeat": args.long_repeat,
        },
    }
    log("warming up")
    time_bare(bare, texts[:WARMUP_TEXTS], args.batch_size, 1)
    time_attrib(nlp, texts[:WARMUP_TEXTS], args.batch_size, 1)
    if "throughput" in args.sections:
        tp = res["throughput"] = throughput(bare, nlp, texts, args.batch_size, args.repeat)
        wps = {k: v["words_per_second"] for k, v in tp.items()}
        res["ratios"] = {
            "attrib_vs_bare_1": wps["attrib_1"] / wps["bare_1"],
            "attrib_vs_bare_2": wps["attrib_2"] / wps["bare_2"],
            "attrib_speedup_2_over_1": wps["attrib_2"] / wps["attrib_1"],
            "bare_speedup_2_over_1": wps["bare_2"] / wps["bare_1"],
        }
    if "long" in args.sections:
        sizes = (60_000, 15_000) if args.quick else (300_000, 75_000)
        res["long_document"] = long_document(nlp, texts, sizes, args.long_repeat)
    del bare, nlp
    if "memory" in args.sections:
        res["memory"] = peak_memory(args)
    if "cold" in args.sections:
        res["cold_start"] = cold_start(args.model, explicit_model)
    res["code"]["end"] = fingerprint()
    if res["code"]["end"] != res["code"]["start"]:
        log("warning: src/attrib changed during the run; figures mix two versions")
    res["machine"]["loadavg_end"] = [round(x, 2) for x in os.getloadavg()]
    res["targets"] = targets(res)
    print(json.dumps(res, indent=2) if args.json else render(res))
    return 0


if __name__ == "__main__":
    sys.exit(main())
