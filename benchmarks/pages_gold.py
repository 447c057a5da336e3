"""Gold statements for the real news pages in ``../shared/data/pages/``, kept without their text.

The pages are third-party text, so the repository keeps only labels and offsets: for each page a
file in ``benchmarks/gold/pages/`` lists every gold statement and no-comment event (see
``benchmarks/gold/ANNOTATION.md``) with each span as offsets plus a short hash of its text and of
its paragraph. ``build`` reads the pages again, extracts their text with attrib, finds every span
in it (by offset when the text is unchanged, else by paragraph, else by its hash anywhere) and
writes a gold JSON Lines file that ``attrib evaluate`` scores. Spans it cannot find are reported:
they mean the extraction lost article text.

Usage:
    python benchmarks/pages_gold.py texts DIR            # the extracted texts, to annotate
    python benchmarks/pages_gold.py anchor WORK.json...  # work files -> benchmarks/gold/pages/
    python benchmarks/pages_gold.py build [-o GOLD.jsonl] [--pages DIR]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import attrib

ROOT = Path(__file__).resolve().parents[1]
PAGES = ROOT.parent / "shared" / "data" / "pages"
LABELS = ROOT / "benchmarks" / "gold" / "pages"
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
_QUOTE_MARKS = "\"“”„«»‘’'"
TYPES = ("named", "unnamed", "outlet", "unresolved")
ENTITIES = ("person", "organization", "group", "document")


def digest(text: str) -> str:
    """A short hash of a span's text with its whitespace collapsed: identifies, never reveals."""
    return hashlib.sha1(" ".join(text.split()).encode("utf-8")).hexdigest()[:12]


def paragraphs(text: str) -> list[tuple[int, int]]:
    """[start, end) of each blank-line separated paragraph."""
    out, pos = [], 0
    for brk in _PARAGRAPH_BREAK.finditer(text):
        out.append((pos, brk.start()))
        pos = brk.end()
    out.append((pos, len(text)))
    return [(s, e) for s, e in out if text[s:e].strip()]


def page_text(path: Path) -> tuple[str, Mapping[str, Any]]:
    article = attrib.read_article(str(path))
    page = article.input.page
    return article.text, (page.to_dict() if page else {})


# -- anchor: work files with substrings -> offsets and hashes ---------------------------------


class AnchorError(ValueError):
    pass


def _occurrences(text: str, needle: str) -> list[int]:
    out, i = [], text.find(needle)
    while i >= 0:
        out.append(i)
        i = text.find(needle, i + 1)
    return out


def _locate_unique(text: str, needle: str, near: str | int | None, what: str) -> int:
    hits = _occurrences(text, needle)
    if not hits:
        raise AnchorError(f"{what}: {needle!r} is not in the text")
    if isinstance(near, int):
        if not 1 <= near <= len(hits):
            raise AnchorError(f"{what}: {needle!r} occurs {len(hits)} times, not {near}")
        return hits[near - 1]
    if near:
        around = _occurrences(text, near)
        if len(around) != 1:
            raise AnchorError(f"{what}: near text {near!r} occurs {len(around)} times")
        inside = near.find(needle)
        if inside < 0:
            raise AnchorError(f"{what}: near text does not contain {needle!r}")
        return around[0] + inside
    if len(hits) > 1:
        raise AnchorError(f"{what}: {needle!r} occurs {len(hits)} times; give 'near'")
    return hits[0]


def _locate_nearest(text: str, needle: str, lo: int, hi: int, near: str | None, what: str) -> int:
    """The occurrence of ``needle`` closest to [lo, hi), or the one inside ``near``."""
    if near:
        return _locate_unique(text, needle, near, what)
    hits = _occurrences(text, needle)
    if not hits:
        raise AnchorError(f"{what}: {needle!r} is not in the text")

    def distance(i: int) -> int:
        end = i + len(needle)
        return 0 if i < hi and end > lo else min(abs(i - hi), abs(lo - end))

    return min(hits, key=distance)


def _span(text: str, start: int, end: int, paras: list[tuple[int, int]]) -> dict[str, Any]:
    p = next((n for n, (s, e) in enumerate(paras) if s <= start < e), -1)
    return {
        "start": start,
        "end": end,
        "p": p,
        "po": start - paras[p][0] if p >= 0 else start,
        "h": digest(text[start:end]),
        "n": len(" ".join(text[start:end].split())),
    }


def anchor_item(
    text: str, item: Mapping[str, Any], paras: list[tuple[int, int]], what: str, kind: str
) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if kind == "statement":
        pieces = list(item["content"])
        if not pieces:
            raise AnchorError(f"{what}: no content")
        first = _locate_unique(text, pieces[0], item.get("near"), what)
        spans = [(first, first + len(pieces[0]))]
        for piece in pieces[1:]:
            nxt = text.find(piece, spans[-1][1])
            if nxt < 0:
                raise AnchorError(f"{what}: piece {piece!r} not found after the one before")
            spans.append((nxt, nxt + len(piece)))
        out["content"] = [_span(text, s, e, paras) for s, e in spans]
        lo, hi = spans[0][0], spans[-1][1]
    else:
        cue = item.get("cue")
        if not cue:
            raise AnchorError(f"{what}: a no-comment event needs its cue")
        at = _locate_unique(text, cue, item.get("cue_near") or item.get("near"), what)
        lo, hi = at, at + len(cue)
    cue = item.get("cue")
    if cue:
        c = _locate_nearest(text, cue, lo, hi, item.get("cue_near"), f"{what} cue")
        out["cue"] = _span(text, c, c + len(cue), paras)
        lo, hi = min(lo, c), max(hi, c + len(cue))
    else:
        out["cue"] = None
    source = item.get("source")
    if source:
        anchor_lo, anchor_hi = (c, c + len(cue)) if cue else (lo, hi)
        s = _locate_nearest(
            text, source, anchor_lo, anchor_hi, item.get("source_near"), f"{what} source"
        )
        out["source"] = _span(text, s, s + len(source), paras)
    else:
        out["source"] = None
    if item.get("source_type") not in TYPES:
        raise AnchorError(f"{what}: source_type must be one of {', '.join(TYPES)}")
    if item.get("source_entity") not in ENTITIES:
        raise AnchorError(f"{what}: source_entity must be one of {', '.join(ENTITIES)}")
    out["source_name"] = str(item.get("source_name") or "")
    out["source_type"] = item["source_type"]
    out["source_entity"] = item["source_entity"]
    out["via"] = [{"name": str(v["name"]), "type": str(v["type"])} for v in item.get("via") or []]
    return out


def show(text: str, span: Mapping[str, Any] | None, width: int = 40) -> str:
    if span is None:
        return "-"
    s, e = span["start"], span["end"]
    left = text[max(0, s - width) : s].replace("\n", "⏎")
    right = text[e : e + width].replace("\n", "⏎")
    return f"…{left}[[{text[s:e]}]]{right}…"


def anchor(work: Path, pages: Path, verbose: bool) -> int:
    data = json.loads(work.read_text(encoding="utf-8"))
    name = data["file"]
    text, _ = page_text(pages / name)
    paras = paragraphs(text)
    errors = 0
    out: dict[str, Any] = {
        "file": name,
        "text_sha": digest(text),
        "paragraphs": {},
        "statements": [],
        "no_comment": [],
    }
    for key, kind, prefix in (("statements", "statement", "E"), ("no_comment", "event", "N")):
        for n, item in enumerate(data.get(key, []), 1):
            what = f"{name} {key}[{n}]"
            try:
                anchored = anchor_item(text, item, paras, what, kind)
            except (AnchorError, KeyError, TypeError) as err:
                print(f"error: {err}", file=sys.stderr)
                errors += 1
                continue
            anchored = {"id": f"{prefix}{n}", **anchored}
            out[key].append(anchored)
            if verbose:
                spans = anchored.get("content") or []
                print(
                    f"{prefix}{n} {anchored['source_type']}/{anchored['source_entity']} "
                    f"{anchored['source_name']!r}"
                )
                for piece in spans:
                    print("   content:", show(text, piece))
                print("   cue:    ", show(text, anchored["cue"]))
                print("   source: ", show(text, anchored["source"]))
    used = {
        sp["p"]
        for key in ("statements", "no_comment")
        for item in out[key]
        for sp in [*item.get("content", []), item["cue"], item["source"]]
        if sp is not None
    }
    out["paragraphs"] = {str(p): digest(text[slice(*paras[p])]) for p in sorted(used) if p >= 0}
    if errors:
        print(f"{name}: {errors} error(s); nothing written", file=sys.stderr)
        return 1
    LABELS.mkdir(parents=True, exist_ok=True)
    target = LABELS / (name.removesuffix(".html") + ".json")
    target.write_text(json.dumps(out, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(
        f"{name}: {len(out['statements'])} statements, {len(out['no_comment'])} no-comment "
        f"-> {target.relative_to(ROOT)}"
    )
    return 0


# -- build: offsets and hashes + the live pages -> gold JSON Lines ----------------------------


class _Locator:
    """Finds an anchored span in the page text as attrib extracts it today."""

    def __init__(self, text: str, labels: Mapping[str, Any]) -> None:
        self.text = text
        self.same = digest(text) == labels["text_sha"]
        live = paragraphs(text)
        by_hash: dict[str, list[int]] = {}
        for s, e in live:
            by_hash.setdefault(digest(text[s:e]), []).append(s)
        self.para_start = {
            int(p): by_hash[h][0] for p, h in labels["paragraphs"].items() if h in by_hash
        }
        self._norm: tuple[str, list[int]] | None = None

    def normalized(self) -> tuple[str, list[int]]:
        """The text with whitespace runs collapsed, and where each character came from."""
        if self._norm is None:
            chars: list[str] = []
            where: list[int] = []
            for i, ch in enumerate(self.text):
                if ch.isspace():
                    if chars and chars[-1] == " ":
                        continue
                    ch = " "
                chars.append(ch)
                where.append(i)
            self._norm = ("".join(chars), where)
        return self._norm

    def find(self, span: Mapping[str, Any] | None) -> tuple[int, int] | bool | None:
        """(start, end) in the live text; None for no span; False when it is lost."""
        if span is None:
            return None
        length = span["end"] - span["start"]
        tries = []
        if self.same:
            tries.append(span["start"])
        if span["p"] in self.para_start:
            tries.append(self.para_start[span["p"]] + span["po"])
        for start in tries:
            if digest(self.text[start : start + length]) == span["h"]:
                return start, start + length
        norm, where = self.normalized()
        n = span["n"]
        for i in range(len(norm) - n + 1):
            if digest(norm[i : i + n]) == span["h"]:
                start = where[i]
                end = where[i + n - 1] + 1
                return start, end
        return False


def _kind(pieces: list[str]) -> str:
    def quoted(p: str) -> bool:
        return p[:1] in _QUOTE_MARKS and p.rstrip(",.;:")[-1:] in _QUOTE_MARKS

    if all(quoted(p) for p in pieces):
        return "direct"
    return (
        "mixed"
        if any(ch in _QUOTE_MARKS.replace("’", "").replace("'", "") for p in pieces for ch in p)
        else "indirect"
    )


def _as_span(text: str, where: tuple[int, int]) -> dict[str, Any]:
    return {"start": where[0], "end": where[1], "text": text[where[0] : where[1]]}


def build_page(path: Path, labels: Mapping[str, Any]) -> tuple[dict[str, Any], list[str]]:
    text, page = page_text(path)
    loc = _Locator(text, labels)
    lost: list[str] = []
    attributions = []
    for item in labels["statements"]:
        pieces = [loc.find(sp) for sp in item["content"]]
        cue, source = loc.find(item["cue"]), loc.find(item["source"])
        if any(p is False for p in pieces) or cue is False or source is False:
            lost.append(item["id"])
            continue
        spans = [_as_span(text, p) for p in pieces if isinstance(p, tuple)]
        content = dict(spans[0])
        if len(spans) > 1:
            content["pieces"] = spans
        attributions.append(
            {
                "id": item["id"],
                "source": _as_span(text, source) if isinstance(source, tuple) else None,
                "cue": _as_span(text, cue) if isinstance(cue, tuple) else None,
                "content": content,
                "kind": _kind([s["text"] for s in spans]),
                "source_name": item["source_name"],
                "source_type": item["source_type"],
                "source_entity": item["source_entity"],
                "via": item["via"],
            }
        )
    events = []
    for item in labels["no_comment"]:
        cue, source = loc.find(item["cue"]), loc.find(item["source"])
        if cue is False or source is False or not isinstance(cue, tuple):
            lost.append(item["id"])
            continue
        events.append(
            {
                "id": item["id"],
                "cue": _as_span(text, cue),
                "source": _as_span(text, source) if isinstance(source, tuple) else None,
                "source_name": item["source_name"],
                "source_type": item["source_type"],
                "source_entity": item["source_entity"],
            }
        )
    meta = {"corpus": "attrib-pages", **{k: page.get(k) for k in ("sitename", "hostname")}}
    record = {
        "id": labels["file"],
        "text": text,
        "attributions": attributions,
        "no_comment": events,
        "meta": meta,
    }
    return record, lost


def label_files(labels: Path = LABELS) -> Iterator[Path]:
    return iter(sorted(labels.glob("*.json")))


def build(pages: Path, output: Path | None) -> int:
    if not pages.is_dir():
        print(f"{pages}: not found (the pages are read from ../shared)", file=sys.stderr)
        return 1
    lines = []
    total_lost = 0
    for path in label_files():
        labels = json.loads(path.read_text(encoding="utf-8"))
        record, lost = build_page(pages / labels["file"], labels)
        if lost:
            total_lost += len(lost)
            print(
                f"{labels['file']}: {len(lost)} span(s) not found in the extracted text: "
                f"{', '.join(lost)}",
                file=sys.stderr,
            )
        lines.append(json.dumps(record, ensure_ascii=False))
    text = "\n".join(lines) + "\n"
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8")
    print(f"{len(lines)} pages, {total_lost} lost item(s)", file=sys.stderr)
    return 0


def texts(pages: Path, out: Path) -> int:
    out.mkdir(parents=True, exist_ok=True)
    for path in sorted(pages.glob("*.html")):
        text, _ = page_text(path)
        (out / (path.name.removesuffix(".html") + ".txt")).write_text(text, encoding="utf-8")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    t = sub.add_parser("texts", help="write the extracted texts, to annotate")
    t.add_argument("out", type=Path)
    a = sub.add_parser("anchor", help="work files (substrings) -> offset-only label files")
    a.add_argument("work", type=Path, nargs="+")
    a.add_argument("-q", "--quiet", action="store_true")
    b = sub.add_parser("build", help="rebuild the gold JSON Lines from the pages")
    b.add_argument("-o", "--output", type=Path)
    for p in (t, a, b):
        p.add_argument("--pages", type=Path, default=PAGES)
    args = parser.parse_args(argv)
    if args.command == "texts":
        return texts(args.pages, args.out)
    if args.command == "anchor":
        return max(anchor(w, args.pages, not args.quiet) for w in args.work)
    return build(args.pages, args.output)


if __name__ == "__main__":
    sys.exit(main())
