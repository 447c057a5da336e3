"""Bucket attrib's errors on a gold file by construction.

Usage: python benchmarks/error_analysis.py [GOLD.jsonl] [--examples N]

A *miss* is a gold attribution whose content no prediction overlaps; a *false
alarm* is a prediction whose content overlaps no gold content. Misses are
bucketed by cue (verb or noun lemma, punctuation, none), by source shape and by
kind; false alarms by cue lemma and kind. For contents and sources that overlap
but do not match exactly, the boundary difference is classified (leading
complementizer, trailing punctuation, appositive, ...). Corpus text is printed to
the terminal only, as short truncated examples.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Token

import attrib
from attrib.analysis.lexicon import default_lexicon
from attrib.evaluate.gold import GoldArticle, GoldAttribution, read_gold
from attrib.results import Analysis, Statement, TextSpan

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_GOLD = ROOT.parent / "shared" / "data" / "polnear-dev.jsonl"
PRONOUNS = frozenset(
    {"i", "me", "we", "us", "you", "he", "him", "she", "her", "it", "they", "them"}
    | {"this", "that", "these", "those", "who", "which"}
)
LEX = default_lexicon()
COMPLEMENTIZERS = frozenset({"that", "whether", "if"})
PUNCT = set(" \t\n,.;:!?-–—")
QUOTES = set('"“”„«»‘’')


@dataclass
class Buckets:
    counts: Counter[str]
    examples: dict[str, list[str]]

    @classmethod
    def new(cls) -> Buckets:
        return cls(Counter(), defaultdict(list))

    def add(self, key: str, example: str, keep: int) -> None:
        self.counts[key] += 1
        if len(self.examples[key]) < keep:
            self.examples[key].append(example)

    def show(self, title: str, top: int = 25) -> None:
        total = sum(self.counts.values())
        print(f"\n== {title} ({total})")
        for key, n in self.counts.most_common(top):
            print(f"  {n:5d}  {key}")
            for ex in self.examples[key]:
                print(f"           | {ex}")
        rest = len(self.counts) - top
        if rest > 0:
            print(f"  ... {rest} more buckets")


def short(text: str, width: int = 90) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 3] + "..."


def chars(spans: Iterable[TextSpan]) -> set[int]:
    out: set[int] = set()
    for s in spans:
        out.update(range(s.start, s.end))
    return out


def tokens_in(doc: Doc, span: TextSpan) -> list[Token]:
    sp = doc.char_span(span.start, span.end, alignment_mode="expand")
    return list(sp) if sp is not None else []


def cue_bucket(doc: Doc, cue: TextSpan | None) -> tuple[str, str]:
    """(class, lemma): class is verb, noun, punct, other or none."""
    if cue is None:
        return "none", "-"
    if all(ch in PUNCT for ch in cue.text):
        return "punct", cue.text.strip() or "space"
    toks = [t for t in tokens_in(doc, cue) if not t.is_punct]
    if not toks:
        return "other", cue.text.lower()
    lemma = " ".join(t.lemma_.lower() for t in toks)
    heads = [t for t in toks if t.pos_ in ("VERB", "NOUN", "AUX")]
    if len(toks) > 1 and lemma in ("according to",):
        return "prep", lemma
    if heads and heads[-1].pos_ == "NOUN":
        return "noun", lemma
    if heads:
        return "verb", lemma
    return "other", lemma


def source_shape(doc: Doc, src: TextSpan | None) -> str:
    if src is None:
        return "null"
    toks = tokens_in(doc, src)
    words = [t for t in toks if not t.is_punct]
    if len(words) == 1 and words[0].lower_ in PRONOUNS:
        return "pronoun"
    text = src.text
    if "," in text.strip(", "):
        return "appositive"
    if any(t.lower_ in ("and", "or") and t.dep_ == "cc" for t in toks):
        return "coordinated"
    if any(t.dep_ in ("relcl", "acl", "prep") for t in toks):
        return "postmodified"
    person = [t for t in words if t.ent_type_ == "PERSON"]
    if person and words[0].ent_type_ != "PERSON":
        return "title+name"
    if person:
        return "name"
    if any(t.ent_type_ in ("ORG", "GPE", "NORP") for t in words):
        return "organization"
    return "description"


def cue_place(doc: Doc, src: TextSpan | None, cue: TextSpan | None) -> str:
    """Is the source in the cue's sentence, and is the cue inside a relative clause?"""
    if src is None or cue is None:
        return "-"
    s, c = tokens_in(doc, src), tokens_in(doc, cue)
    if not s or not c:
        return "-"
    if s[0].sent.start != c[0].sent.start:
        return "other sentence"
    if any(t.dep_ == "relcl" for t in c):
        return "cue in relative clause"
    return "same sentence"


def boundary(text: str, gold: TextSpan, pred: TextSpan) -> list[str]:
    """Why an overlapping span is not an exact match, side by side."""
    reasons = []
    for side, g, p in (("left", gold.start, pred.start), ("right", gold.end, pred.end)):
        if g == p:
            continue
        lo, hi = min(g, p), max(g, p)
        extra = text[lo:hi]
        longer = "pred" if (p < g if side == "left" else p > g) else "gold"
        words = extra.strip().lower().split()
        if all(ch in PUNCT for ch in extra):
            kind = f"punct {extra.strip() or 'space'!r}"
        elif all(ch in PUNCT | QUOTES for ch in extra):
            kind = "quote mark"
        elif words and words[0].strip(",") in COMPLEMENTIZERS and len(words) == 1:
            kind = "complementizer"
        elif extra.strip().startswith(",") or extra.strip().endswith(","):
            kind = f"clause ({min(len(words), 5)}+ words)" if len(words) > 4 else "comma phrase"
        else:
            kind = f"{min(len(words), 5)}{'+' if len(words) >= 5 else ''} words"
        reasons.append(f"{side}: {longer} longer by {kind}")
    return reasons


def first_overlap(
    target: set[int], candidates: list[tuple[set[int], Statement]]
) -> Statement | None:
    best, size = None, 0
    for cs, st in candidates:
        n = len(cs & target)
        if n > size:
            best, size = st, n
    return best


def analyze_article(nlp: Language, art: GoldArticle, b: dict[str, Buckets], keep: int) -> None:
    doc = nlp(art.text)
    analysis = Analysis.from_dict(doc._.attribution).scoped("all")  # PolNeAR counts every kind
    text = art.text
    preds = [(chars(st.pieces), st) for st in analysis.statements]
    golds = [(chars(g.pieces), g) for g in art.attributions]
    gold_chars: set[int] = set().union(*(g for g, _ in golds)) if golds else set()
    for gc, g in golds:
        match = first_overlap(gc, preds)
        ex = f"[{g.cue.text if g.cue else '-'}] {short(g.content.text, 70)}"
        if match is None:
            record_miss(doc, g, b, ex, keep)
        else:
            record_boundaries(text, g, match, b, keep)
    for pc, st in preds:
        if pc & gold_chars:
            continue
        cue = st.cue.text.lower() if st.cue else "(continuation)"
        ex = f"[{cue}] {short(st.content.text, 70)}"
        b["fa_cue"].add(cue, ex, keep)
        b["fa_kind"].add(st.kind, ex, keep)


def record_miss(doc: Doc, g: GoldAttribution, b: dict[str, Buckets], ex: str, keep: int) -> None:
    cls, lemma = cue_bucket(doc, g.cue)
    b["miss_cue_class"].add(cls, ex, keep)
    b["miss_cue"].add(f"{cls}: {lemma}", ex, keep)
    b["miss_source"].add(source_shape(doc, g.source), ex, keep)
    b["miss_kind"].add(g.kind, ex, keep)
    b["miss_place"].add(cue_place(doc, g.source, g.cue), ex, keep)
    b["miss_relation"].add(relation(doc, g), ex, keep)
    head = cue_head(doc, g.cue)
    if head is not None:
        known = LEX.cue_lemma(head.lemma_.lower(), head.lower_) is not None
        b["miss_head"].add(
            f"{head.pos_.lower()}: {head.lemma_.lower()}{' (known)' if known else ''}", ex, keep
        )
    starts_that = g.content.text.lower().startswith(("that ", "whether "))
    b["miss_shape"].add("starts with complementizer" if starts_that else "other", ex, keep)


def cue_head(doc: Doc, cue: TextSpan | None) -> Token | None:
    """The cue's main word: its last verb, else its last noun."""
    if cue is None:
        return None
    toks = [t for t in tokens_in(doc, cue) if not t.is_punct]
    verbs = [t for t in toks if t.pos_ == "VERB"]
    nouns = [t for t in toks if t.pos_ in ("NOUN", "PROPN")]
    return (verbs or nouns or toks or [None])[-1]


def relation(doc: Doc, g: GoldAttribution) -> str:
    """How the content's root attaches to the cue's head word."""
    head = cue_head(doc, g.cue)
    toks = tokens_in(doc, g.content)
    if head is None or not toks:
        return "no cue" if head is None else "-"
    inside = {t.i for t in toks}
    roots = [t for t in toks if t.head.i not in inside or t.head.i == t.i]
    root = roots[0]
    if head.i in inside:
        return "cue inside content"
    if root.head.i == head.i:
        return f"{head.pos_.lower()} -{root.dep_}-> content"
    if head.head.i in inside:
        return f"content -{head.dep_}-> cue"
    if root.sent.start != head.sent.start:
        return "other sentence"
    return "indirect path"


def record_boundaries(
    text: str, g: GoldAttribution, st: Statement, b: dict[str, Buckets], keep: int
) -> None:
    if (g.content.start, g.content.end) != (st.content.start, st.content.end):
        ex = f"gold {short(g.content.text, 40)!r} / pred {short(st.content.text, 40)!r}"
        for reason in boundary(text, g.content, st.content):
            b["content_boundary"].add(f"{g.kind}: {reason}", ex, keep)
    if g.source is None:
        return
    if st.source_span is None:
        b["source_boundary"].add("pred has no source span", short(g.source.text, 40), keep)
        return
    gs, ps = g.source, st.source_span
    if not (gs.start < ps.end and ps.start < gs.end):
        b["source_boundary"].add("different source", f"{gs.text!r} / {ps.text!r}", keep)
    elif (gs.start, gs.end) != (ps.start, ps.end):
        for reason in boundary(text, gs, ps):
            b["source_boundary"].add(reason, f"{short(gs.text, 40)!r} / {ps.text!r}", keep)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="?", default=str(DEFAULT_GOLD))
    parser.add_argument("--examples", type=int, default=2)
    parser.add_argument("--top", type=int, default=25)
    args = parser.parse_args(argv)
    nlp = attrib.load_pipeline()
    names = [
        "miss_cue_class",
        "miss_cue",
        "miss_source",
        "miss_place",
        "miss_kind",
        "miss_shape",
        "miss_relation",
        "miss_head",
        "fa_cue",
        "fa_kind",
        "content_boundary",
        "source_boundary",
    ]
    b = {n: Buckets.new() for n in names}
    for art in read_gold(args.gold):
        analyze_article(nlp, art, b, args.examples)
    titles = {
        "miss_cue_class": "misses by cue class",
        "miss_cue": "misses by cue",
        "miss_source": "misses by gold source shape",
        "miss_place": "misses by where the source is",
        "miss_kind": "misses by kind",
        "miss_shape": "misses by content start",
        "miss_relation": "misses by attachment of content to cue",
        "miss_head": "misses by cue head word (known = in cue_verbs.tsv)",
        "fa_cue": "false alarms by cue",
        "fa_kind": "false alarms by kind",
        "content_boundary": "overlapping but not exact: content boundary",
        "source_boundary": "overlapping content, source not exact",
    }
    for n in names:
        b[n].show(titles[n], args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
