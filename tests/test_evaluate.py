"""Tests for attrib.evaluate: scoring rules from data/README.md, with exact counts."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from attrib.evaluate.gold import GoldArticle, GoldAttribution, read_gold
from attrib.evaluate.scoring import (
    GROUPS,
    LEVELS,
    MODES,
    PRF,
    Report,
    score_article,
    score_corpus,
)
from attrib.results import Analysis, Kind, Statement, TextSpan

GOLD_SMALL = Path(__file__).parent / "data" / "gold_small.jsonl"
TEXT = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ" * 4
# (content pieces, source span or None, kind)
Triple = tuple[tuple[tuple[int, int], ...], tuple[int, int] | None, Kind]


def sp(start: int, end: int, text: str = TEXT) -> TextSpan:
    return TextSpan.of(text, start, end)


def gold(
    *attrs: Triple,
    text: str = TEXT,
    article_id: str = "a",
) -> GoldArticle:
    """Gold article from (content pieces, source or None, kind) triples."""
    return GoldArticle(
        article_id,
        text,
        tuple(
            GoldAttribution(
                id=f"E{i}",
                pieces=tuple(sp(s, e, text) for s, e in pieces),
                source=sp(*src, text=text) if src else None,
                cue=None,
                kind=kind,
            )
            for i, (pieces, src, kind) in enumerate(attrs)
        ),
        {},
    )


def pred(
    *stmts: Triple,
    text: str = TEXT,
) -> Analysis:
    """Analysis from (content pieces, source span or None, kind) triples."""
    return Analysis(
        statements=tuple(
            Statement(
                id=f"s{i}",
                kind=kind,
                pieces=tuple(sp(s, e, text) for s, e in pieces),
                cue=None,
                source_span=sp(*src, text=text) if src else None,
                source_id=None,
            )
            for i, (pieces, src, kind) in enumerate(stmts)
        ),
        sources=(),
        unattributed=(),
    )


def as_prediction(article: GoldArticle) -> Analysis:
    return pred(
        *(
            (
                tuple((p.start, p.end) for p in a.pieces),
                (a.source.start, a.source.end) if a.source else None,
                a.kind,
            )
            for a in article.attributions
        ),
        text=article.text,
    )


def counts(prf: PRF) -> tuple[int, int, int, int]:
    return (prf.tp_p, prf.n_pred, prf.tp_r, prf.n_gold)


# --- read_gold -------------------------------------------------------------------


def test_read_gold_small_file() -> None:
    articles = list(read_gold(GOLD_SMALL))
    assert [a.id for a in articles] == ["invented-bridge", "invented-river", "invented-council"]
    assert sum(len(a.attributions) for a in articles) == 6
    split = articles[0].attributions[0]
    assert [(p.start, p.end) for p in split.pieces] == [(0, 36), (64, 91)]
    assert split.content == split.pieces[0]
    assert split.kind == "direct"
    assert articles[1].attributions[1].source is None
    assert articles[2].attributions[0].cue is None
    assert articles[0].meta["corpus"] == "attrib-test"


def _write_lines(tmp_path: Path, lines: list[str]) -> Path:
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_read_gold_rejects_malformed_line_with_number(tmp_path: Path) -> None:
    good = GOLD_SMALL.read_text(encoding="utf-8").splitlines()[0]
    path = _write_lines(tmp_path, [good, "", '{"id": "x", "text": '])
    with pytest.raises(ValueError, match=r"gold\.jsonl:3: invalid JSON"):
        list(read_gold(path))


def test_read_gold_rejects_span_text_mismatch(tmp_path: Path) -> None:
    lines = GOLD_SMALL.read_text(encoding="utf-8").splitlines()
    bad = json.loads(lines[1])
    bad["attributions"][0]["source"]["start"] += 1
    path = _write_lines(tmp_path, [lines[0], json.dumps(bad)])
    with pytest.raises(ValueError, match=r"gold\.jsonl:2: attribution E1 source: text\[14:27\]"):
        list(read_gold(path))


def test_read_gold_rejects_piece_mismatch_and_bad_kind(tmp_path: Path) -> None:
    lines = GOLD_SMALL.read_text(encoding="utf-8").splitlines()
    bad_piece = json.loads(lines[0])
    bad_piece["attributions"][0]["content"]["pieces"][1]["text"] = "nope"
    bad_kind = json.loads(lines[0])
    bad_kind["attributions"][1]["kind"] = "reported"
    with pytest.raises(ValueError, match=r":1: attribution E1 piece 1: text\[64:91\]"):
        list(read_gold(_write_lines(tmp_path, [json.dumps(bad_piece)])))
    with pytest.raises(ValueError, match=r":1: attribution E2: kind 'reported'"):
        list(read_gold(_write_lines(tmp_path, [json.dumps(bad_kind)])))


def test_read_gold_rejects_duplicate_article_id(tmp_path: Path) -> None:
    first = GOLD_SMALL.read_text(encoding="utf-8").splitlines()[0]
    with pytest.raises(ValueError, match=r":2: duplicate article id 'invented-bridge'"):
        list(read_gold(_write_lines(tmp_path, [first, first])))


# --- scoring ---------------------------------------------------------------------


def test_perfect_prediction_on_gold_file() -> None:
    articles = list(read_gold(GOLD_SMALL))
    report = score_corpus((a, as_prediction(a)) for a in articles)
    for level in LEVELS:
        for mode in MODES:
            prf = report.prf(level, mode)
            assert (prf.precision, prf.recall, prf.f1) == (1.0, 1.0, 1.0)
    assert counts(report.prf("content", "exact")) == (6, 6, 6, 6)
    assert counts(report.prf("source", "overlap")) == (5, 5, 5, 5)
    assert counts(report.prf("pair", "exact")) == (5, 5, 5, 5)
    assert counts(report.prf("content", "exact", "indirect")) == (3, 3, 3, 3)
    assert counts(report.prf("content", "exact", "direct")) == (2, 2, 2, 2)
    assert counts(report.prf("content", "exact", "mixed")) == (1, 1, 1, 1)
    assert report.to_dict()["content"]["exact"]["all"] == {
        "precision": 100.0,
        "recall": 100.0,
        "f1": 100.0,
        "tp_p": 6,
        "n_pred": 6,
        "tp_r": 6,
        "n_gold": 6,
    }


def test_shifted_boundary_is_overlap_not_exact() -> None:
    g = gold((((10, 30),), (0, 5), "indirect"))
    p = pred((((12, 30),), (0, 5), "indirect"))
    score = score_article(g, p)
    assert counts(score.prf("content", "exact")) == (0, 1, 0, 1)
    assert counts(score.prf("content", "overlap")) == (1, 1, 1, 1)
    assert counts(score.prf("source", "exact")) == (1, 1, 1, 1)
    assert counts(score.prf("pair", "exact")) == (0, 1, 0, 1)
    assert counts(score.prf("pair", "overlap")) == (1, 1, 1, 1)


def test_exact_uses_leftmost_piece_only() -> None:
    g = gold((((10, 20), (30, 40)), None, "direct"))
    same_left = score_article(g, pred((((10, 20),), None, "direct")))
    assert counts(same_left.prf("content", "exact")) == (1, 1, 1, 1)
    second_only = score_article(g, pred((((30, 40),), None, "direct")))
    assert counts(second_only.prf("content", "exact")) == (0, 1, 0, 1)
    assert counts(second_only.prf("content", "overlap")) == (1, 1, 1, 1)


def test_pair_needs_both_parts() -> None:
    g = gold((((10, 30),), (0, 5), "indirect"))
    wrong_source = score_article(g, pred((((10, 30),), (40, 45), "indirect")))
    assert counts(wrong_source.prf("content", "exact")) == (1, 1, 1, 1)
    assert counts(wrong_source.prf("source", "overlap")) == (0, 1, 0, 1)
    assert counts(wrong_source.prf("pair", "overlap")) == (0, 1, 0, 1)
    shifted_source = score_article(g, pred((((10, 30),), (1, 5), "indirect")))
    assert counts(shifted_source.prf("pair", "exact")) == (0, 1, 0, 1)
    assert counts(shifted_source.prf("pair", "overlap")) == (1, 1, 1, 1)


def test_matching_is_one_to_one() -> None:
    g = gold((((10, 30),), None, "indirect"))
    p = pred((((10, 20),), None, "indirect"), (((20, 30),), None, "indirect"))
    prf = score_article(g, p).prf("content", "overlap")
    assert counts(prf) == (1, 2, 1, 1)
    assert round(prf.precision, 3) == 0.5
    assert prf.recall == 1.0
    assert round(prf.f1, 4) == 0.6667


def test_greedy_takes_largest_overlap_first() -> None:
    # The prediction overlaps gold 1 by 5 and gold 2 by 8: greedy gives it to gold 2,
    # which leaves the second prediction (overlapping only gold 2) unmatched.
    g = gold((((0, 10),), None, "direct"), (((10, 20),), None, "indirect"))
    p = pred((((5, 18),), None, "mixed"), (((15, 20),), None, "mixed"))
    score = score_article(g, p)
    assert counts(score.prf("content", "overlap")) == (1, 2, 1, 2)
    assert counts(score.prf("content", "overlap", "direct")) == (0, 0, 0, 1)
    assert counts(score.prf("content", "overlap", "indirect")) == (0, 0, 1, 1)
    assert counts(score.prf("content", "overlap", "mixed")) == (1, 2, 0, 0)


def test_greedy_tie_prefers_closer_span_regardless_of_order() -> None:
    g = gold((((10, 20),), None, "direct"))
    loose: Triple = (((10, 40),), None, "indirect")
    tight: Triple = (((10, 20),), None, "direct")
    for stmts in ((loose, tight), (tight, loose)):
        score = score_article(g, pred(*stmts))
        assert counts(score.prf("content", "overlap", "direct")) == (1, 1, 1, 1)
        assert counts(score.prf("content", "overlap", "indirect")) == (0, 1, 0, 0)


def test_split_quote_overlap_counts_all_pieces() -> None:
    # Gold pieces 10-20 and 40-50; prediction 30-45 touches only the second piece.
    g = gold((((10, 20), (40, 50)), (0, 5), "direct"))
    score = score_article(g, pred((((30, 45),), (0, 5), "direct")))
    assert counts(score.prf("content", "overlap")) == (1, 1, 1, 1)
    assert counts(score.prf("content", "exact")) == (0, 1, 0, 1)
    assert counts(score.prf("pair", "overlap")) == (1, 1, 1, 1)
    # A prediction falling in the gap between the pieces does not overlap.
    gap = score_article(g, pred((((22, 38),), (0, 5), "direct")))
    assert counts(gap.prf("content", "overlap")) == (0, 1, 0, 1)


def test_identical_spans_count_once() -> None:
    g = gold(
        (((10, 20),), (0, 5), "direct"),
        (((10, 20),), (0, 5), "direct"),  # identical attribution
        (((30, 40),), (0, 5), "indirect"),  # same source span again
    )
    p = pred(
        (((10, 20),), (0, 5), "direct"),
        (((10, 20),), (0, 5), "direct"),
        (((10, 20),), (0, 5), "direct"),
    )
    score = score_article(g, p)
    assert counts(score.prf("content", "exact")) == (1, 1, 1, 2)
    assert counts(score.prf("source", "exact")) == (1, 1, 1, 1)
    assert counts(score.prf("pair", "exact")) == (1, 1, 1, 2)
    # The shared source span belongs to a direct and an indirect attribution.
    assert counts(score.prf("source", "exact", "direct")) == (1, 1, 1, 1)
    assert counts(score.prf("source", "exact", "indirect")) == (0, 0, 1, 1)


def test_same_leftmost_piece_different_tail_stays_distinct() -> None:
    g = gold((((10, 20), (30, 40)), None, "direct"))
    p = pred((((10, 20), (30, 40)), None, "direct"), (((10, 20),), None, "direct"))
    score = score_article(g, p)
    assert counts(score.prf("content", "exact")) == (1, 2, 1, 1)
    assert counts(score.prf("content", "overlap")) == (1, 2, 1, 1)


def test_null_source_counts_for_content_only() -> None:
    g = gold((((10, 20),), None, "indirect"), (((30, 40),), (0, 5), "indirect"))
    perfect = score_article(
        g, pred((((10, 20),), None, "indirect"), (((30, 40),), (0, 5), "indirect"))
    )
    assert counts(perfect.prf("content", "exact")) == (2, 2, 2, 2)
    assert counts(perfect.prf("source", "exact")) == (1, 1, 1, 1)
    assert counts(perfect.prf("pair", "exact")) == (1, 1, 1, 1)
    # Giving the unsourced content a source adds a predicted pair nobody annotated.
    extra = score_article(
        g, pred((((10, 20),), (50, 55), "indirect"), (((30, 40),), (0, 5), "indirect"))
    )
    assert counts(extra.prf("content", "exact")) == (2, 2, 2, 2)
    assert counts(extra.prf("source", "exact")) == (1, 2, 1, 1)
    assert counts(extra.prf("pair", "exact")) == (1, 2, 1, 1)
    assert counts(extra.prf("pair", "overlap")) == (1, 2, 1, 1)


def test_by_kind_uses_gold_kind_for_recall_and_predicted_kind_for_precision() -> None:
    g = gold((((10, 20),), (0, 5), "direct"), (((30, 40),), (0, 5), "mixed"))
    p = pred((((10, 20),), (0, 5), "indirect"), (((30, 40),), (0, 5), "mixed"))
    score = score_article(g, p)
    assert counts(score.prf("content", "exact")) == (2, 2, 2, 2)
    assert counts(score.prf("content", "exact", "direct")) == (0, 0, 1, 1)
    assert counts(score.prf("content", "exact", "indirect")) == (1, 1, 0, 0)
    assert counts(score.prf("content", "exact", "mixed")) == (1, 1, 1, 1)
    direct = score.prf("content", "exact", "direct")
    assert (direct.precision, direct.recall, direct.f1) == (0.0, 1.0, 0.0)
    assert counts(score.prf("pair", "overlap", "indirect")) == (1, 1, 0, 0)


def test_corpus_is_micro_averaged_and_to_dict() -> None:
    a = gold((((10, 20),), (0, 5), "direct"), article_id="a")
    b = gold(
        (((10, 20),), None, "indirect"),
        (((30, 40),), None, "indirect"),
        (((50, 60),), None, "indirect"),
        article_id="b",
    )
    report = score_corpus(
        [
            (a, pred((((10, 20),), (0, 5), "direct"))),
            (b, pred((((10, 20),), None, "indirect"), (((70, 80),), None, "indirect"))),
        ]
    )
    assert isinstance(report, Report)
    prf = report.prf("content", "exact")
    assert counts(prf) == (2, 3, 2, 4)  # per-article P would average 75, micro is 66.7
    out = report.to_dict()
    assert out["articles"] == 2
    assert out["content"]["exact"]["all"] == {
        "precision": 66.7,
        "recall": 50.0,
        "f1": 57.1,
        "tp_p": 2,
        "n_pred": 3,
        "tp_r": 2,
        "n_gold": 4,
    }
    assert out["source"]["overlap"]["indirect"]["n_gold"] == 0
    assert set(out) == {"articles", "content", "source", "pair"}
    assert set(out["pair"]) == {"exact", "overlap"}
    assert set(out["pair"]["exact"]) == set(GROUPS)
    assert [x.id for x in report.articles] == ["a", "b"]
    per = report.to_dict(per_article=True)["per_article"]
    assert per["b"]["content"]["overlap"]["all"]["n_pred"] == 2
    json.dumps(out)  # plain data


def test_empty_article_scores_zero_counts() -> None:
    score = score_article(gold(), pred())
    assert counts(score.prf("pair", "overlap")) == (0, 0, 0, 0)
    assert score.prf("pair", "overlap").f1 == 0.0


def test_prediction_offsets_must_match_gold_text() -> None:
    g = gold((((10, 20),), None, "direct"))
    bad = Analysis(
        statements=(Statement("s0", "direct", (TextSpan(10, 20, "x" * 10),), None, None, None),),
        sources=(),
        unattributed=(),
    )
    with pytest.raises(ValueError, match="statement s0 span 10:20"):
        score_article(g, bad)


spans = st.tuples(st.integers(0, 200), st.integers(1, 30)).map(lambda t: (t[0], t[0] + t[1]))
attributions = st.lists(
    st.tuples(
        st.lists(spans, min_size=1, max_size=3).map(lambda ps: tuple(sorted(set(ps)))),
        st.none() | spans,
        st.sampled_from(["direct", "indirect", "mixed"]),
    ),
    max_size=12,
)


@settings(max_examples=60, deadline=None)
@given(attributions, st.randoms())
def test_self_scoring_is_perfect_and_order_free(attrs: list[Triple], rnd: random.Random) -> None:
    g = gold(*attrs)
    shuffled = list(attrs)
    rnd.shuffle(shuffled)
    score = score_article(g, pred(*shuffled))
    for level in LEVELS:
        for mode in MODES:
            for group in GROUPS:
                prf = score.prf(level, mode, group)
                assert prf.tp_p == prf.n_pred == prf.tp_r == prf.n_gold
                assert prf.f1 == (1.0 if prf.n_gold else 0.0)
