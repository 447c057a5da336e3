"""Quotations and their speakers: every speech-like quotation found on the raw text becomes part
of a statement.

In order: contents that cut into a quotation are widened to hold it whole; a quotation not yet
in a statement is attached to the cue right after it ('"...," she said') or right before it
('She said: "..."'); a quotation split by its attribution ('"A," she said, "B."') becomes one
statement of two pieces; a quotation left over continues the last speaker.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from ..quotes import Quote
from .candidates import Candidate, Mention, fresh_uids, merge_ranges, with_content
from .context import (
    Context,
    cue_lemma,
    cue_range,
    cue_subject,
    mention,
    quoted,
    someone,
    tokens_between,
)
from .labels import LABEL_CUE


def link(ctx: Context, found: tuple[Candidate, ...]) -> tuple[Candidate, ...]:
    """The candidates with every speech-like quotation given to a statement; bare cues that got
    no quotation are dropped."""
    snapped, covered = _snap(ctx, list(found))
    cands = _Candidates(snapped, len(ctx.doc))
    speech = [q for q in ctx.quotes.quotes if q not in covered and _speech_like(ctx, q)]
    attached = {q for q in speech if _attach(ctx, cands, q)}
    cands = _Candidates(_join_split(ctx, with_content(cands.values())), len(ctx.doc))
    joined = {q for c in cands.values() for q in ctx.quotes.within(c.start, c.end)}
    left = [q for q in speech if q not in attached and q not in joined]
    _continuations(ctx, cands, _run_into_next(ctx, cands, left))
    return tuple(cands.values())


class _Candidates:
    """The candidates in the order found, looked up by uid and by cue verb in constant time."""

    def __init__(self, found: list[Candidate], floor: int) -> None:
        self.by_uid = {c.uid: c for c in found}
        self.by_cue = {c.cue_token: c.uid for c in found if c.cue_token is not None}
        self.uids = fresh_uids(found, floor)

    def values(self) -> list[Candidate]:
        return list(self.by_uid.values())

    def cued(self, tok: Token) -> Candidate | None:
        uid = self.by_cue.get(tok.i)
        return self.by_uid[uid] if uid is not None else None

    def put(self, cand: Candidate, *, last: bool = False) -> None:
        """Replace a candidate in place, or put it at the end (where new attributions go)."""
        if last:
            self.by_uid.pop(cand.uid, None)
        self.by_uid[cand.uid] = cand
        if cand.cue_token is not None:
            self.by_cue[cand.cue_token] = cand.uid


def _snap(ctx: Context, cands: list[Candidate]) -> tuple[list[Candidate], set[Quote]]:
    """Widen contents that cut into a quotation so they hold it whole."""
    covered: set[Quote] = set()
    out = []
    for cand in cands:
        if cand.cue_lemma == LABEL_CUE:  # a transcript turn opens a quote before its label
            covered.update(q for s, e in cand.pieces for q in ctx.quotes.within(s, e))
        elif cand.pieces:
            snapped = []
            for start, end in cand.pieces:
                for q in ctx.quotes.within(start, end):
                    covered.add(q)
                    start, end = min(start, q.start), max(end, q.end)
                snapped.append((start, end))
            cand = replace(cand, pieces=merge_ranges(snapped))
        out.append(cand)
    return out, covered


def _speech_like(ctx: Context, quote: Quote) -> bool:
    """A quotation of a few words, or a short one that ends like a clause ('"Never again,"
    she said'; with a verb when a full stop ends it), not a scare-quoted term or a nickname
    that closes a sentence ('he calls "Little Tom."')."""
    inner = ctx.text[quote.start + quote.width : quote.end - quote.width].strip()
    words = len(inner.split())
    settings = ctx.settings
    if words >= settings.min_quote_words:
        return True
    if inner[-1:] not in ".,?!" or words < settings.min_quote_clause_words:
        return False
    if inner[-1:] != ".":  # '"Never again," she said', '"Why not?"'
        return True
    span = ctx.doc.char_span(quote.start, quote.end, alignment_mode="expand")
    return span is not None and any(t.pos_ in ("VERB", "AUX") for t in span)  # not "Little Tom."


def _attach(ctx: Context, cands: _Candidates, quote: Quote) -> bool:
    """Attach a quote to the cue right after it ("..., she said") or right before it, else to
    the subject of the clause its colon closes ('Tran was more modest: "..."')."""
    verb = _cue_after(ctx, cands, quote)
    if verb is None:
        verb = _cue_before(ctx, cands, quote)
        if verb is not None and not _says(ctx, cands, verb, quote):
            return True  # a phrase's, no one's speech, nor a speaker's going on
    if verb is None:
        return _attach_to_subject(ctx, cands, quote) or _attach_to_aside(ctx, cands, quote)
    return _attach_to(ctx, cands, verb, quote)


_DASHES = ("--", "—", "–")
_ASIDE = frozenset({*_DASHES, "("})


def _attach_to_aside(ctx: Context, cands: _Candidates, quote: Quote) -> bool:
    """'..., including the former governor Jane Roe -- "It is wrong" -- and Tom Hale': a
    quotation set off by dashes or brackets right after a person's name is that person's."""
    end = _end_before(ctx, quote)
    mark = tokens_between(ctx, max(0, end - 2), end)
    if not mark or mark[-1].text not in _ASIDE or mark[-1].i == 0:
        return False
    name = ctx.doc[mark[-1].i - 1]
    if name.ent_type_ != "PERSON":
        return False
    after = ctx.text[quote.end : quote.end + 4].lstrip()
    if not after.startswith((*_DASHES, ")")):
        return False
    _put_speech(ctx, cands, quote, (mark[-1].idx, mark[-1].idx + len(mark[-1])), name)
    return True


def _put_speech(
    ctx: Context, cands: _Candidates, quote: Quote, cue: tuple[int, int], speaker: Token
) -> None:
    """A statement of its own for a quotation whose cue is a mark (a colon, a dash)."""
    piece = ((quote.start, quote.end),)
    cands.put(
        Candidate(next(cands.uids), piece, cue, mention(ctx, speaker), LABEL_CUE, cls="speech"),
        last=True,
    )


def _attach_to_subject(ctx: Context, cands: _Candidates, quote: Quote) -> bool:
    """'Quarterback Eli Tran was more modest: "The line gave me all day."': a quotation opened
    by the colon that ends a clause with no cue is the statement of that clause's subject,
    when the subject can speak (not "It was simple:")."""
    end = _end_before(ctx, quote)
    if ctx.text[end - 1 : end] != ":":
        return False
    mark = tokens_between(ctx, end - 1, end)
    if not mark or mark[0].text != ":" or mark[0].i == 0:
        return False
    clause = ctx.doc[mark[0].i - 1]  # the clause the colon closes, whatever the parser hung
    while clause.head.i < mark[0].i and clause.head.i != clause.i:  # it on (the quote's verb)
        clause = clause.head
    subj = next((c for c in clause.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.lower_ in _NO_SPEAKER or not someone(ctx, subj):
        return False
    if any(_is_cue(ctx, cands, t) for t in clause.subtree if t.i < mark[0].i):
        return False  # a cue of its own: found by the rules for cues
    _put_speech(ctx, cands, quote, (end - 1, end), subj)
    return True


_NO_SPEAKER = frozenset({"it", "this", "that", "there", "which", "what"})


def _end_before(ctx: Context, quote: Quote) -> int:
    """Where the text before a quotation ends, spaces aside (looking back a bounded stretch, so
    the work per quotation does not grow with the text)."""
    start = max(0, quote.start - ctx.settings.cue_lookback_chars)
    return start + len(ctx.text[start : quote.start].rstrip())


def _is_cue(ctx: Context, cands: _Candidates, tok: Token) -> bool:
    return tok.i in cands.by_cue or cue_lemma(ctx, tok) is not None


def _cue_after(ctx: Context, cands: _Candidates, quote: Quote) -> Token | None:
    end = _clause_end(ctx, quote.end)
    reach = _CLOSED_REACH if _closed(ctx, quote) else ctx.settings.max_cue_gap_tokens
    for tok in tokens_between(ctx, quote.end, end)[:reach]:
        if _is_cue(ctx, cands, tok):
            return tok
    return None


_CLOSED_REACH = 3
"""Tokens a cue may lie from a quotation that closed its sentence ('"We won." Smith said')."""


def _closed(ctx: Context, quote: Quote) -> bool:
    """A quotation ending in a full stop before a capital: its sentence is over, so what
    follows is a new one ('"Little Tom." On Monday, the governor pointed to ...') unless the cue
    comes at once."""
    text = ctx.text
    after = text[quote.end : quote.end + 40].lstrip()
    closing = text[quote.start : quote.end - quote.width].rstrip()  # the quote, not the text
    return closing.endswith(".") and after[:1].isupper()


def _clause_end(ctx: Context, offset: int) -> int:
    """Where the attribution after a quote ends: the next quote or sentence end."""
    text = ctx.text
    nxt = ctx.quotes.next_after(offset)
    limit = nxt.start if nxt else len(text)
    cuts = [pos for ch in ".!?\n" if (pos := text.find(ch, offset, limit)) >= 0]
    return min(cuts) if cuts else limit


def _cue_before(ctx: Context, cands: _Candidates, quote: Quote) -> Token | None:
    """ "She said:" or "She said," or "She told reporters" right before the quote."""
    text = ctx.text
    lead = text[max(0, quote.start - ctx.settings.cue_lookback_chars) : quote.start].rstrip()
    if not lead or (lead[-1] not in ":,;" and not lead[-1].isalpha()):
        return None
    tokens = tokens_between(ctx, quote.start - len(lead) + lead.rfind(".") + 1, quote.start)
    for tok in reversed(tokens[-ctx.settings.max_cue_gap_tokens :]):
        if quoted(ctx, tok):
            return None
        if _is_cue(ctx, cands, tok):
            return tok
    return None


def _says(ctx: Context, cands: _Candidates, tok: Token, quote: Quote) -> bool:
    """Whether the quotation after a cue is what it says: after a colon or comma, after a
    speech cue ('told reporters "..."'), or right after the cue ('Speaks "Directly ..."'); not
    a phrase's end after another cue ('identify as Indigenous due to their descent "..."')."""
    end = _end_before(ctx, quote)
    if ctx.text[end - 1 : end] in (":", ",", ";"):
        return True
    cand = cands.cued(tok)
    lemma = cue_lemma(ctx, tok)
    cls = cand.cls if cand is not None else ctx.lexicon.cue_class(lemma) if lemma else None
    next_to = tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].idx >= quote.start
    return next_to or (cls is not None and ctx.lexicon.is_statement(cls))


def _attach_to(ctx: Context, cands: _Candidates, verb: Token, quote: Quote) -> bool:
    """Give the quote to the verb's candidate, made now if the verb had none. A candidate that
    had no content yet joins the list at its end, where newly found attributions go."""
    cand = cands.cued(verb)
    if cand is None:
        lemma, subj = cue_lemma(ctx, verb), cue_subject(ctx, verb)
        source = mention(ctx, subj) if subj is not None else _inverted_speaker(ctx, verb, quote)
        if lemma is None or source is None:
            return False
        cue = cue_range(ctx, verb)
        cls = ctx.lexicon.cue_class(lemma)
        cand = Candidate(next(cands.uids), (), cue, source, lemma, verb.i, cls=cls)
    pieces = merge_ranges([*cand.pieces, (quote.start, quote.end)])
    cands.put(replace(cand, pieces=pieces), last=not cand.pieces)
    return True


def _inverted_speaker(ctx: Context, verb: Token, quote: Quote) -> Mention | None:
    """'Said Ellis: "..."', 'Added one aide, "..."': a cue opening its sentence, then the
    speaker up to the colon or comma before the quotation (the parser, seeing no subject, hangs
    the words anywhere)."""
    end = _end_before(ctx, quote)
    if ctx.text[end - 1 : end] not in (":", ",") or not _opens_sentence(ctx, verb):
        return None
    words = tokens_between(ctx, verb.idx + len(verb), end - 1)
    if not 0 < len(words) <= ctx.settings.max_label_words or any(
        t.pos_ in ("VERB", "AUX", "PUNCT") or quoted(ctx, t) for t in words
    ):
        return None
    nouns = [t for t in words if t.pos_ in ("NOUN", "PROPN") and someone(ctx, t)]
    if not nouns:
        return None
    return Mention(words[0].idx, words[-1].idx + len(words[-1]), (nouns[-1],))


def _opens_sentence(ctx: Context, tok: Token) -> bool:
    """Whether ``tok`` is capitalised and only the text's start or a sentence's end (a full
    stop, a question or exclamation mark, a closing quotation mark) comes before it."""
    before = ctx.text[max(0, tok.idx - ctx.settings.cue_lookback_chars) : tok.idx].rstrip()
    return tok.is_title and (not before or before[-1] in '.!?"”’')


def _run_into_next(ctx: Context, cands: _Candidates, quotes: list[Quote]) -> list[Quote]:
    """Quotes left open at the end of their paragraph that the next paragraph's quotation goes
    on from ('"We are ready.¶"We learned a lot," he said.'): pieces of that quotation, whose cue
    comes in its last paragraph. Returns the quotes that are not."""
    opening = {c.pieces[0][0]: c.uid for c in cands.values() if c.pieces and c.source}
    left = []
    for quote in reversed(quotes):  # the paragraph before the cue's first, then the one before
        nxt = ctx.quotes.next_after(quote.end)
        uid = opening.get(nxt.start) if nxt is not None else None
        if nxt is None or uid is None or not _runs_on(ctx, quote, nxt):
            left.append(quote)
            continue
        cand = cands.by_uid[uid]
        cands.put(replace(cand, pieces=merge_ranges([(quote.start, quote.end), *cand.pieces])))
        opening[quote.start] = uid
    return left[::-1]


def _continuations(ctx: Context, cands: _Candidates, quotes: list[Quote]) -> None:
    """Quotes with no cue continue the last speaker before them (in text order, keeping the
    speaker with the furthest-reaching content as the last one, so the work is linear)."""
    speakers = sorted((c for c in cands.values() if c.source is not None), key=lambda c: c.start)
    nxt = 0
    last: Candidate | None = None
    for quote in quotes:
        while nxt < len(speakers) and speakers[nxt].start < quote.start:
            cand = cands.by_uid[speakers[nxt].uid]
            if last is None or cand.end > last.end:
                last = cand
            nxt += 1
        if last is not None:
            last = _continuation(ctx, cands, quote, cands.by_uid[last.uid])


def _continuation(ctx: Context, cands: _Candidates, quote: Quote, prev: Candidate) -> Candidate:
    """A quote with no cue continues ``prev``, the last speaker. In its own paragraph, until
    another speaker, it is one more piece of that speaker's quotation ('"It's misleading,"
    Marcus said. "I think they were too cautious."'), or a statement of its own after reported
    speech; a quote opening a paragraph is a statement of the last speaker of a quotation.
    Returns the speaker as it now is."""
    text = ctx.text
    para_start = text.rfind("\n", 0, quote.start) + 1
    quoted = ctx.quotes.within(prev.start, prev.end)
    if text[para_start : quote.start].strip():  # inside a paragraph: its last speaker
        if prev.end < para_start or prev.end > quote.start:
            return prev
        one_quotation = bool(quoted)
    elif not quoted or quote.start - prev.end > ctx.settings.continuation_reach_chars:
        return prev
    else:
        one_quotation = _runs_on(ctx, quoted[-1], quote)
    if one_quotation:
        prev = replace(prev, pieces=merge_ranges([*prev.pieces, (quote.start, quote.end)]))
        cands.put(prev)
        return prev
    piece = ((quote.start, quote.end),)
    cands.put(Candidate(next(cands.uids), piece, None, None, continues=prev.uid), last=True)
    return prev


def _runs_on(ctx: Context, last: Quote, quote: Quote) -> bool:
    """One quotation over several paragraphs: the speaker's ``last`` quote was left open at the
    end of the paragraph just before, and this paragraph opens a quote (news style leaves every
    paragraph of a long quotation but the last unclosed)."""
    text = ctx.text
    same_marks = text[last.start] == text[quote.start]  # not a stray '"' before a '“'
    return not last.closed and same_marks and not text[last.end : quote.start].strip()


def _join_split(ctx: Context, cands: list[Candidate]) -> list[Candidate]:
    """'"A," she said, "B."' is one statement: take both quotes around the cue."""
    window = ctx.settings.split_quote_window_chars
    claimed = {q: c.uid for c in cands for q in ctx.quotes.within(c.start, c.end)}
    out = []
    for cand in cands:
        if cand.cue is not None:
            before = ctx.quotes.within(max(0, cand.cue[0] - window), cand.cue[0])
            after = ctx.quotes.within(cand.cue[1], cand.cue[1] + window)
            if before and after:
                first, second = before[-1], after[0]
                free = all(claimed.get(q, cand.uid) == cand.uid for q in (first, second))
                if free and _is_split(ctx, first, cand.cue, second):
                    pieces = [*cand.pieces, (first.start, first.end), (second.start, second.end)]
                    cand = replace(cand, pieces=merge_ranges(pieces))
                    claimed[first] = claimed[second] = cand.uid
        out.append(cand)
    return out


def _is_split(ctx: Context, first: Quote, cue: tuple[int, int], second: Quote) -> bool:
    """Only the attribution between the two quotes, and the first one breaks off mid-way."""
    text = ctx.text
    gap1, gap2 = text[first.end : cue[0]], text[cue[1] : second.start]
    if "\n" in gap1 + gap2 or any(ch in gap1 for ch in ".!?"):
        return False
    if len(gap2) > ctx.settings.split_quote_gap_chars:
        return False
    if any(ch in gap2.rstrip()[:-1] for ch in ".!?"):
        return False
    last = first.end - first.width - 1
    broke_off = text[last : last + 1] in (",", "—", "–", "-")
    opening = second.start + second.width
    return broke_off or text[opening : opening + 1].islower()
