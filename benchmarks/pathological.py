"""Time and memory on hostile texts: attrib against bare spaCy on the same text, same chunks.

Usage: python benchmarks/pathological.py [--only NAME ...] [--timeout SECONDS]

Each text is made here (no third-party text) and analyzed in a fresh process twice: by bare
spaCy (the same model, on the same chunks and batches attrib cuts long texts into) and by
attrib (``analyze_doc_stream``). Each line gives the wall time and the peak resident memory of
both, and attrib's time over spaCy's. The bound attrib keeps (README, "Limits"): at most 3x bare
spaCy's time plus a few seconds, under 2 GB.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections.abc import Callable

_WORKER = r"""
import json, resource, sys, time
mode, path = sys.argv[1], sys.argv[2]
text = open(path, encoding="utf-8").read()
if mode == "attrib":
    from attrib.analysis.pipeline import analyze_doc_stream, load_pipeline
    nlp = load_pipeline()
    start = time.perf_counter()
    analysis = next(analyze_doc_stream(nlp, [text]))
    found = len(analysis.statements) + len(analysis.others)
else:
    import spacy
    from attrib.analysis.chunking import CHUNK_CHARS, chunk_bounds
    from attrib.analysis.pipeline import default_model, text_batches
    nlp = spacy.load(default_model())
    start = time.perf_counter()
    bounds = chunk_bounds(text, CHUNK_CHARS) or [(0, len(text))]
    for batch in text_batches(iter([text[s:e] for s, e in bounds]), 16):
        for _ in nlp.pipe(batch, batch_size=len(batch)):
            pass
    found = 0
seconds = time.perf_counter() - start
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": seconds, "rss_mb": rss, "found": found}))
"""


def _nested_parentheses() -> str:
    return "The minister said that " + "(" * 50_000 + "x" + ")" * 50_000 + ".\n"


def _nested_speech() -> str:
    names = ("Anna", "Ben", "Carla", "Dev", "Eli", "Fay")
    parts, size, n = [], 0, 0
    while size < 24_000:
        part = f"{names[n % len(names)]} said that "
        parts.append(part)
        size += len(part)
        n += 1
    return "".join(parts) + "it rained.\n"


def _curly_quotes() -> str:
    return "“" * 200_000 + "\n"


def _transcript() -> str:
    turn = (
        '"We will not give up," said the mayor, who spoke for an hour. She added that the '
        "city would rebuild. Critics said the plan was late.\n\n"
    )
    return turn * (3_000_000 // len(turn))


def _one_paragraph() -> str:
    sentence = "The official said that the talks, which began in May, would go on. "
    return sentence * (1_000_000 // len(sentence)) + "\n"


TEXTS: dict[str, Callable[[], str]] = {
    "nested parentheses, 100 KB": _nested_parentheses,
    "'A said that B said that ...', 24 KB, no full stop": _nested_speech,
    "200,000 curly quotation marks": _curly_quotes,
    "a transcript, 3 MB": _transcript,
    "one paragraph of 1 MB": _one_paragraph,
}


def run(mode: str, path: str, timeout: float) -> dict[str, float] | None:
    try:
        done = subprocess.run(
            [sys.executable, "-c", _WORKER, mode, path],
            capture_output=True,
            text=True,
            timeout=timeout,
            check=True,
        )
    except subprocess.TimeoutExpired:
        return None
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", nargs="*", help="names (or parts of names) of texts to run")
    parser.add_argument("--timeout", type=float, default=1800.0)
    parser.add_argument("--dir", default="/tmp", help="where the texts are written")
    args = parser.parse_args()
    print("| text | bare spaCy | attrib | attrib / spaCy | attrib peak memory |")
    print("|---|---|---|---|---|")
    for name, make in TEXTS.items():
        if args.only and not any(part in name for part in args.only):
            continue
        path = f"{args.dir}/attrib-pathological-{abs(hash(name))}.txt"
        with open(path, "w", encoding="utf-8") as out:
            out.write(make())
        bare = run("spacy", path, args.timeout)
        ours = run("attrib", path, args.timeout)
        if bare is None or ours is None:
            print(f"| {name} | {_fmt(bare)} | {_fmt(ours)} | – | – |", flush=True)
            continue
        ratio = ours["seconds"] / bare["seconds"] if bare["seconds"] else float("inf")
        print(
            f"| {name} | {_fmt(bare)} | {_fmt(ours)} | {ratio:.2f} | {ours['rss_mb']:.0f} MB |",
            flush=True,
        )
    return 0


def _fmt(result: dict[str, float] | None) -> str:
    if result is None:
        return "timed out"
    return f"{result['seconds']:.1f} s, {result['rss_mb']:.0f} MB"


if __name__ == "__main__":
    sys.exit(main())
