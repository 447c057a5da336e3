"""The frozen context every extraction pass reads, and the parse helpers the passes share.

A pass never changes the context: the Doc, its text, the word lists, the quotations found on the
raw text and the component's tuning settings. The helpers here answer the questions several
passes ask of the parse: is this token a cue, who is its subject, what span names the source.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import Literal, NamedTuple

from spacy.tokens import Doc, Span, Token

from ..lexicon import Lexicon, Matches
from ..quotes import QuoteIndex
from .candidates import Mention, Range

_TRIM = " \t\n\r,.;:-–—"
_CONNECTIVE_POS = frozenset({"ADV", "CCONJ", "SCONJ", "PUNCT", "SPACE", "INTJ"})
CLAUSES = frozenset({"ccomp", "xcomp", "parataxis"})

Trigger = Literal["according", "hedge", "verb", "noun"]


_DISTRIBUTIVE = frozenset({"each", "both", "all"})
_TRADES = ("ian", "ist")  # "physician", "economist"


@dataclass(frozen=True)
class Settings:
    """The tuning numbers of the rules; the ``attribution`` factory's config sets them."""

    max_cue_gap_tokens: int = 12
    """Tokens searched between a quotation and its cue ('"…," the minister said')."""
    cue_lookback_chars: int = 200
    """How far before a quotation its introducing cue may start ('She said: "…"')."""
    split_quote_window_chars: int = 80
    """How far from a cue the two halves of a split quotation may lie ('"A," she said, "B."')."""
    split_quote_gap_chars: int = 40
    """The longest stretch between a cue and the second half of a split quotation."""
    continuation_reach_chars: int = 1500
    """How far after a speaker's quotation a quote-only paragraph still continues it."""
    min_quote_words: int = 4
    """Words that make a quotation speech rather than a scare-quoted term..."""
    min_quote_clause_words: int = 2
    """...or this many when the quotation ends like a clause ('"We won."')."""
    max_label_chars: int = 40
    """The longest line label ('WALLACE:', 'Pence:') taken as a speaker."""
    max_label_words: int = 4
    """The most words in a line label."""
    min_label_content_words: int = 3
    """The fewest words after a line label for the line to be a statement."""
    max_post_chars: int = 1000
    """The longest embedded social post taken before its signature line ("— Name (@handle)")."""
    pronoun_reach: int = 4
    """Sentences back a pronoun ("she said") may look for the person it refers to."""
    description_reach: int = 3
    """Sentences back a description ("the billionaire said") may look for the person named;
    sentences forward a description in the lead may look for the name given after it."""
    lead_sentences: int = 3
    """Sentences at the start (a headline, the lead) whose description of a source may be named
    after it ("A former party chairman says ..." and then "..., said Jane Roe")."""
    authors_reach: int = 12
    """Sentences between a study left anonymous ("a study by a group of researchers") and the
    naming of its authors ("The authors of the report, which include ...")."""


@dataclass(frozen=True)
class Context:
    """What every pass reads; built once per Doc."""

    doc: Doc
    text: str  # doc.text, built once (spaCy rebuilds it on every access)
    lexicon: Lexicon
    matches: Matches
    quotes: QuoteIndex
    settings: Settings

    @cached_property
    def _sentence_starts(self) -> list[int]:
        """The first token of the sentence of every token (``Token.sent`` walks the sentence
        at each call)."""
        starts = [0] * len(self.doc)
        for sent in self.doc.sents:
            starts[sent.start : sent.end] = [sent.start] * (sent.end - sent.start)
        return starts

    def sentence_start(self, tok: Token) -> int:
        return self._sentence_starts[tok.i]

    @cached_property
    def triggers(self) -> dict[Trigger, tuple[Token, ...]]:
        """The tokens that set off each rule, found in one pass over the Doc."""
        found: dict[Trigger, list[Token]] = {}
        for tok in self.doc:
            kind = trigger(self, tok)
            if kind is not None:
                found.setdefault(kind, []).append(tok)
        return {kind: tuple(tokens) for kind, tokens in found.items()}


# -- tokens and ranges --------------------------------------------------------------------------


def trim(text: str, start: int, end: int) -> Range:
    """Drop surrounding spaces and punctuation, but never a quotation mark."""
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return start, end


def without(text: str, pieces: tuple[Range, ...], start: int, end: int) -> tuple[Range, ...]:
    """The pieces with [start, end) and the punctuation around it cut out."""
    out: list[Range] = []
    for s, e in pieces:
        if e <= start or s >= end:
            out.append((s, e))
            continue
        if s < start:
            out.append((s, start))
        if end < e:
            out.append((end, e))
    trimmed = (trim(text, s, e) for s, e in out if e > s)
    return tuple((s, e) for s, e in trimmed if e > s)


def token_range(tokens: Iterable[Token]) -> Range | None:
    toks = list(tokens)
    if not toks:
        return None
    return toks[0].idx, toks[-1].idx + len(toks[-1])


def subtree_range(tok: Token) -> Range:
    left, right = tok.left_edge, tok.right_edge
    return left.idx, right.idx + len(right)


def runs(indices: Iterable[int]) -> Iterator[tuple[int, int]]:
    """Group sorted token indices into [first, last] runs."""
    run: list[int] = []
    for i in sorted(indices):
        if run and i != run[-1] + 1:
            yield run[0], run[-1]
            run = []
        run.append(i)
    if run:
        yield run[0], run[-1]


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


def ends_sentence(tok: Token) -> bool:
    """Nothing but punctuation and space follows the token in its sentence."""
    doc = tok.doc
    last = tok.sent.end - 1
    while last > tok.i and (doc[last].is_punct or doc[last].is_space):
        last -= 1
    return last == tok.i


def quoted(ctx: Context, tok: Token) -> bool:
    return ctx.quotes.containing(tok.idx) is not None


def quote_after_colon(ctx: Context, tok: Token) -> Range | None:
    """'issued a statement on Monday: "We will rebuild."', 'said of the building: "..."': the
    quotation that a colon after the cue, in its sentence, opens."""
    colon = next((t for t in tok.doc[tok.i + 1 : tok.sent.end] if t.text == ":"), None)
    if colon is None or any(t.pos_ in ("VERB", "AUX") for t in tok.doc[tok.i + 1 : colon.i]):
        return None  # none, or the colon of another clause
    quote = ctx.quotes.next_after(colon.idx)
    if quote is None or ctx.text[colon.idx + 1 : quote.start].strip():
        return None
    return quote.start, quote.end


def pieces_from_tokens(ctx: Context, indices: Iterable[int]) -> tuple[Range, ...]:
    """Contiguous, trimmed character ranges for a set of token indices."""
    out = []
    for first, last in runs(indices):
        span = ctx.doc[first : last + 1]
        if all(t.pos_ in _CONNECTIVE_POS for t in span):
            continue
        start, end = trim(ctx.text, *token_range(span))  # type: ignore[misc]
        if end > start:
            out.append((start, end))
    return tuple(out)


def tokens_between(ctx: Context, start: int, end: int) -> list[Token]:
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    return list(span) if span is not None else []


def previous_sentence(ctx: Context, sent: Span) -> tuple[Range, ...]:
    if sent.start == 0:
        return ()
    prev = ctx.doc[sent.start - 1].sent
    start, end = trim(ctx.text, prev.start_char, prev.end_char)
    return ((start, end),) if end > start else ()


# -- which rule a token triggers ---------------------------------------------------------------


def trigger(ctx: Context, tok: Token) -> Trigger | None:
    """The rule a token sets off, at most one: "according to", a hedge adverb, a cue verb or a
    cue noun, tried in that order."""
    if tok.lower_ == "according" and tok.i + 1 < len(ctx.doc):
        return "according"
    if tok.lower_ == "per" and tok.dep_ == "prep" and _cites(tok):
        return "according"
    if tok.lower_ in ctx.lexicon.hedge_adverbs and not quoted(ctx, tok):
        return "hedge"
    if cue_lemma(ctx, tok) is not None:
        return "verb"
    if tok.pos_ == "NOUN" and tok.lemma_.lower() in ctx.lexicon.cue_nouns:
        return "noun"
    return None


def _cites(prep: Token) -> bool:
    """ "per" naming a source ("per the tracker", "per a list compiled by ..."), not a rate
    ("per cent", "per person")."""
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    return (obj is not None and any(c.dep_ in ("det", "poss") for c in obj.children)) or (
        obj is not None and obj.pos_ == "PROPN"
    )


def triggered(ctx: Context, kind: Trigger) -> tuple[Token, ...]:
    """Every token, in text order, that sets off the rule ``kind``."""
    return ctx.triggers.get(kind, ())


# -- cues ---------------------------------------------------------------------------------------


_PREPOSITIONS = frozenset({"regarding", "concerning", "considering"})


def cue_lemma(ctx: Context, tok: Token) -> str | None:
    """The cue lemma if ``tok`` is a reporting verb, including mis-tagged "UNN reports"."""
    lemma = ctx.lexicon.cue_lemma(tok.lemma_.lower(), tok.lower_) or phrase_cue(ctx, tok)
    if lemma is None or quoted(ctx, tok) or tok.dep_ == "prep" or tok.lower_ in _PREPOSITIONS:
        return None  # "regarding", "concerning", even where the parser made them verbs
    if tok.pos_ == "VERB":
        return lemma
    return lemma if _mistagged_cue(ctx, tok) else None


def phrase_cue(ctx: Context, tok: Token) -> str | None:
    """A cue of a verb and a word of its own ("made clear that"), as cue_verbs.tsv lists it."""
    verb = tok.lemma_.lower()
    if verb not in ctx.lexicon.phrase_verbs:
        return None
    phrases = (f"{verb} {c.lower_}" for c in tok.children)
    return next((p for p in phrases if p in ctx.lexicon.cue_classes), None)


def _mistagged_cue(ctx: Context, tok: Token) -> bool:
    """ "..., UNN reports." where the tagger made "UNN reports" a compound noun: a plural
    noun that is a verb form, after a name or a word for a speaker or a text ("the paper
    states"), as the root or at the sentence end; or the base form after a plural speaker,
    with the that-clause the parser hung on it ("The new regulations state that ...")."""
    if not any(c.dep_ == "compound" and _speaker_word(ctx, c) for c in tok.lefts):
        return False
    if tok.lower_ in ctx.lexicon.cue_forms and ends_sentence(tok):  # "..., the data show."
        start = _phrase_start(tok)
        if start > tok.sent.start and tok.doc[start - 1].text == ",":
            return True
    if tok.tag_ == "NN":  # the that-clause hung on it as a relative or as a complement
        plural = any(c.dep_ == "compound" and c.tag_ == "NNS" for c in tok.lefts)
        complement = any(c.dep_ == "ccomp" for c in tok.children)
        return plural and (complement or bool(noun_clauses(tok)))
    if tok.tag_ != "NNS" or tok.lower_ not in ctx.lexicon.cue_forms:
        return False
    return tok.dep_ == "ROOT" or ends_sentence(tok)


def noun_clauses(tok: Token) -> list[Token]:
    """The that-clauses the parser hung on a cue it took for a noun, as relative clauses."""
    return [
        c
        for c in tok.children
        if c.dep_ in ("relcl", "acl")
        and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
    ]


def _speaker_word(ctx: Context, tok: Token) -> bool:
    """A name, or a noun for someone who speaks or a text ("..., the paper states.")."""
    lex = ctx.lexicon
    lemma = tok.lemma_.lower()
    return tok.pos_ == "PROPN" or any(
        lemma in words
        for words in (lex.document_nouns, lex.outlet_nouns, lex.person_nouns, lex.unnamed_person)
    )


_NOT_SOMEONE = frozenset(
    {"", "DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"}
)


def someone(ctx: Context, noun: Token) -> bool:
    """A name, a pronoun, a word of the lists for people, bodies, media and texts, a noun of a
    person's trade ("physician", "economist"), or a number or body of them ("a number of tax
    experts", "a coalition of leaders"; not "the average intelligence of the members")."""
    if noun.pos_ in ("PROPN", "PRON") or noun.ent_type_ not in _NOT_SOMEONE:
        return True  # not "her years" (a date) or "10 percent"
    known = ctx.lexicon.speaker_nouns
    lemma = noun.lemma_.lower()
    if lemma.endswith(_TRADES) or lemma in known or noun.lower_ in known:
        return True
    if any(c.dep_ == "det" and c.lower_ not in ("a", "an") for c in noun.children):
        return False
    members = [p for c in noun.children if c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
    return any(someone(ctx, m) for m in members)


def obtained_by(ctx: Context, source: Token) -> Token | None:
    """Who got hold of a document that speaks, named in its mention: "Reuters" of "a copy of
    the letter, seen by Reuters" (a relay when it is a news outlet)."""
    for clause in source.subtree:
        if clause.dep_ == "acl" and clause.lemma_.lower() in ctx.lexicon.obtaining_verbs:
            agent = next((c for c in clause.children if c.dep_ == "agent"), None)
            if agent is not None:
                return next((c for c in agent.children if c.dep_ == "pobj"), None)
    return None


def trailing_report(ctx: Context, tok: Token) -> bool:
    """A media cue closing its sentence under another verb: ", Reuters reports." relays
    the rest of the sentence; not a passive ("she said no injuries were reported")."""
    if tok.dep_ == "ROOT" or not _closes_sentence(tok) or is_passive(tok):
        return False
    if not any(c.dep_ == "nsubj" for c in tok.children):
        return False  # "according to the paper published by Fa": no reporter of its own
    lemma = cue_lemma(ctx, tok)
    return lemma is not None and ctx.lexicon.cue_classes.get(lemma) == "report"


def spliced_cue(ctx: Context, tok: Token) -> bool:
    """A cue after a comma closing the sentence that the parser joined to the claim before it
    as a conjunct or took for its clause: "The Government will scrap the project, the minister
    told the Herald.", "..., the minister said on Thursday, according to Bernama.", "Rask has
    asked for a trade, a source close to the player said." """
    lemma = cue_lemma(ctx, tok)
    if lemma is None or tok.dep_ not in ("conj", "ccomp") or tok.i < tok.head.i:
        return False
    before = tok.doc[tok.left_edge.i - 1] if tok.left_edge.i else None
    joined = any(c.dep_ == "cc" and tok.head.i < c.i < tok.i for c in tok.head.children)
    hearer = lemma in ctx.lexicon.addressee_verbs
    return (
        before is not None
        and before.text == ","
        and not joined
        and any(c.dep_ == "nsubj" for c in tok.children)
        and _closes_sentence(tok, hearer)
    )


class Trailing(NamedTuple):
    """A trailing attribution: the comma before it, its speaker's head, and, when the parser
    took the speaker's words apart from the cue, their span."""

    comma: Token
    speaker: Token
    words: Span | None


def trailing_speaker(ctx: Context, verb: Token) -> Trailing | None:
    """ "Four people were killed when a bus overturned, police said.", "..., The Courier-Mail
    reported on Saturday.", "..., figures from the CSO show.": a cue closing a long sentence
    after a comma and its speaker, which the parser hung on a word of the claim (a time clause,
    a noun) or took for a noun."""
    noun = verb.pos_ == "NOUN"  # hung as a clause, ", UNN reports." is a relay (relays.fold)
    if noun and verb.dep_ in ("ccomp", "conj"):
        return None
    hung = verb.dep_ in ("advcl", "acl") or _subjectless_root(verb)
    if not noun and (not hung or verb.tag_ not in ("VBD", "VBZ", "VBP")):
        return None
    lemma = cue_lemma(ctx, verb)
    if lemma is None or not _closes_sentence(verb, lemma in ctx.lexicon.addressee_verbs):
        return None
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i]
    words: Span | None = None
    if subjects and not noun:  # the nearest: not "a bus" of "when a bus overturned"
        subj, first = subjects[-1], subjects[-1].left_edge.i
    else:
        found = _speaker_words(ctx, verb)
        if found is None:
            return None
        words, subj = found
        first = words.start
    comma = verb.doc[first - 1] if first > verb.sent.start + 2 else None
    return Trailing(comma, subj, words) if comma is not None and comma.text == "," else None


def _subjectless_root(verb: Token) -> bool:
    """A cue heading its sentence after its claim but with no subject: the parser set the
    speaker beside a noun of the claim ("X is set to join Y on a four-year contract, a source
    close to the player said": "source" in apposition to "contract")."""
    return (
        verb.dep_ == "ROOT"
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
        and any(c.dep_ == "ccomp" and c.i < verb.i for c in verb.children)
    )


def _speaker_words(ctx: Context, verb: Token) -> tuple[Span, Token] | None:
    """The noun phrase right before a cue the parser took apart from it, and its head: its text
    ("figures from the CSO show"), else its own head ("a source close to the player said"),
    else its last noun ("The Courier-Mail reported")."""
    words = verb.doc[_phrase_start(verb) : verb.i]
    nouns = [t for t in words if t.pos_ in ("NOUN", "PROPN")]
    texts = [t for t in nouns if t.lemma_.lower() in ctx.lexicon.texts]
    head = words.root if words else None
    subj = texts[0] if texts else head if head in nouns else nouns[-1] if nouns else None
    return (words, subj) if subj is not None and someone(ctx, subj) else None


def _phrase_start(tok: Token) -> int:
    """Where the noun phrase right before ``tok`` starts: "The Courier-Mail", "new figures
    from the National Treatment Purchase Fund"."""
    start = tok.i
    while start > tok.sent.start and _in_name_phrase(tok.doc[start - 1]):
        start -= 1
    return start


def _in_name_phrase(tok: Token) -> bool:
    return (
        tok.pos_ in ("DET", "PROPN", "NOUN", "ADJ", "NUM", "PART")
        or tok.tag_ == "VBN"  # "figures released by the ONS"
        or tok.text in ("-", "–")
        or tok.lower_ in _PHRASE_PREPOSITIONS
    )


_PHRASE_PREPOSITIONS = frozenset({"from", "of", "at", "by", "for", "to", "with"})
"""Prepositions inside a speaker's phrase: "figures from the CSO", "a source close to the
player", "people familiar with the talks"."""


def _closes_sentence(tok: Token, hearer: bool = False) -> bool:
    """Only the cue's own words follow it in its sentence, and no claim or object of its own
    (but the one told, with ``hearer``): ", Dawn reported.", ", Dawn reported on Tuesday.",
    ", The Express Tribune reported, citing two officials." """
    objects = CLAUSES if hearer else (*CLAUSES, "dobj")
    if any(c.dep_ in objects and c.i > tok.i for c in tok.children):
        return False
    return ends_sentence(tok.right_edge)


def topic_preposition(ctx: Context, verb: Token) -> Token | None:
    """The preposition that introduces what a cue verb is about, or None."""
    for child in verb.children:
        if child.dep_ != "prep" or child.i < verb.i:
            continue
        if child.lower_ not in ctx.lexicon.topic_prepositions:
            continue
        objs = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
        if objs and not any(o.ent_type_ in ("DATE", "TIME") for o in objs):
            return child
    return None


def cue_range(ctx: Context, verb: Token) -> Range:
    """The cue's words: the verb, its particle, and a topic preposition right after it."""
    parts = [verb, *(c for c in verb.children if c.dep_ == "prt")]
    if not any(c.dep_ in (*CLAUSES, "dobj") for c in verb.children):
        prep = topic_preposition(ctx, verb)
        if prep is not None and prep.i == parts[-1].i + 1:
            parts.append(prep)
    return token_range(sorted(parts, key=lambda t: t.i))  # type: ignore[return-value]


def trailing_participle(verb: Token) -> bool:
    """ ", arguing that ...", ", citing costs": a participle set off after a clause."""
    first = verb.left_edge.i
    return (
        verb.dep_ == "advcl"
        and verb.tag_ == "VBG"
        and first > 0
        and verb.doc[first - 1].text == ","
    )


def subject(verb: Token) -> Token | None:
    """The speaker: active subject, passive agent, or the subject shared with a head verb."""
    for child in verb.children:
        if child.dep_ == "agent":  # "by the minister", not "by the 1970s"
            agent = next((g for g in child.children if g.dep_ == "pobj"), None)
            return None if agent is None or agent.ent_type_ in ("DATE", "TIME") else agent
    if verb.pos_ == "NOUN":  # "UNN reports", "the regulations state" tagged as a compound noun
        compounds = [c for c in verb.lefts if c.dep_ == "compound"]
        return compounds[-1] if compounds else None
    if is_passive(verb):
        return None
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if len(subjects) > 1:  # a piece of a quotation the parser misread, or a misparse
        after = [s for s in subjects if s.i > verb.i]  # '"... Real trouble," said Kerr'
        if after:
            return after[0]
        first, last = subjects[0], subjects[-1]
        coordinated = any(c.dep_ == "conj" for c in first.children)  # "he and his co-authors"
        before = verb.doc[last.left_edge.i - 1] if last.left_edge.i else None
        named_in_first = (  # "the journal Nature": a name set beside a noun of the first
            before is not None
            and before.is_alpha
            and before.pos_ == "NOUN"
            and before.i != first.i
            and before in first.subtree
        )
        return first if coordinated or named_in_first else last  # '"My view, ...," Kerr said'
    if subjects:
        return None if _misread_aspect(subjects[0], verb) else _distributed(subjects[0])
    if verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head
    inverted = inverted_object(verb)
    if inverted is not None:
        return inverted
    as_clause = verb.dep_ == "advcl" and any(
        c.lower_ == "as" and c.dep_ == "mark" for c in verb.children
    )
    if trailing_participle(verb) and verb.head.dep_ == "ccomp":
        return subject(verb.head.head)  # "X said A failed, citing costs": X cites, not A
    if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.i != verb.i and not as_clause:
        # not "As noted above, the figures exclude ...": the writer's, not the figures'
        # the subject of a passive head controls a to-infinitive under it ("was forced to deny")
        own = ("nsubj", "nsubjpass") if verb.dep_ == "xcomp" else ("nsubj",)
        shared = next((c for c in verb.head.children if c.dep_ in own), None)
        return _distributed(shared) if shared is not None else None
    if verb.dep_ == "pcomp" and verb.head.dep_ == "prep":  # "... by saying that ..."
        return next((c for c in verb.head.head.children if c.dep_ == "nsubj"), None)
    return _inverted_subject(verb) or _fronted_appositive(verb)


def _fronted_appositive(verb: Token) -> Token | None:
    """ "Speaking at a conference in Tallinn, Oskari Vehmas, founder of Kinetra, said ...": the
    parser set the speaker beside the last noun of the phrase opening the sentence, leaving the
    cue no subject; the first name set off by a comma in that phrase, not a place's ("At a rally
    in Dayton, Ohio, Jane Roe said"), is the speaker."""
    if verb.dep_ != "ROOT" or verb.i == 0 or verb.doc[verb.i - 1].text != ",":
        return None
    for opener in (c for c in verb.children if c.dep_ in ("advcl", "prep") and c.i < verb.i):
        for tok in opener.subtree:
            start = tok.left_edge.i
            place = tok.ent_type_ in ("GPE", "LOC", "FAC", "DATE", "TIME")  # "Dayton, Ohio,"
            beside = tok.dep_ in ("appos", "conj") and start > 0 and tok.doc[start - 1].text == ","
            if beside and tok.pos_ == "PROPN" and not place:
                return tok
    return None


def cue_subject(ctx: Context, verb: Token) -> Token | None:
    """The speaker of a cue, but not a pronoun inside a quotation the cue is outside of: the
    parser's misreading ('-- "That makes me smart" -- and asserting, ...'), nor a subject of the
    claim the parser joined the cue to."""
    found = subject(verb)
    misread = found is not None and found.pos_ in ("PRON", "DET") and quoted(ctx, found)
    if misread and not quoted(ctx, verb):
        return None
    if _conjoined_in_claim(ctx, verb, found):
        return cue_subject(ctx, verb.head.head)
    return found


def _conjoined_in_claim(ctx: Context, verb: Token, found: Token | None) -> bool:
    """ "Banda said the number of cases had begun to slow but warned that ...": the parser
    joined the second cue to the claim's verb, whose subject can say nothing; it is the first
    cue's speaker's."""
    return (
        verb.dep_ == "conj"
        and verb.head.dep_ == "ccomp"
        and found is not None
        and found.pos_ == "NOUN"
        and not someone(ctx, found)
        and cue_lemma(ctx, verb.head) is None  # "have recognized ... and argued": one speaker
        and cue_lemma(ctx, verb.head.head) is not None
    )


_ASPECTUAL = frozenset({"keep", "continue", "start", "begin", "stop", "quit"})


def _misread_aspect(subj: Token, verb: Token) -> bool:
    """ "Keeps saying she opposed the war." (a list of what someone does, the subject left
    out): the parser took the verb opening the sentence for a plural noun and its subject."""
    return (
        subj.tag_ == "NNS"
        and subj.is_sent_start is True
        and subj.lemma_.lower() in _ASPECTUAL
        and verb.tag_ == "VBG"
        and verb.i == subj.i + 1
    )


def _distributed(subject: Token) -> Token:
    """ "Jane and Tom met, each saying ...": "each", "both" or "all" alone stands for the subject
    of the clause it hangs on."""
    verb = subject.head
    if subject.lower_ not in _DISTRIBUTIVE or any(c.dep_ == "prep" for c in subject.children):
        return subject
    if verb.dep_ in ("advcl", "conj") and verb.head.i != verb.i:
        return next((c for c in verb.head.children if c.dep_ == "nsubj"), subject)
    return subject


def inverted_object(verb: Token) -> Token | None:
    """ "The army has withdrawn, reported the Daily Courier.": a cue after a comma that closes
    its sentence with a name, which the parser made the cue's object and the clause before it
    the cue's head."""
    if verb.dep_ not in ("conj", "parataxis", "advcl", "ccomp") or verb.head.i > verb.i:
        return None
    if verb.tag_ not in ("VBD", "VBZ", "VBP"):  # not ", echoing Mr. Roe."
        return None
    if verb.i == 0 or verb.doc[verb.i - 1].text != ",":
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    if obj is None or obj.pos_ != "PROPN" or not ends_sentence(obj.right_edge):
        return None
    return obj


def _inverted_subject(verb: Token) -> Token | None:
    """ "The army has withdrawn, reported Euro News": a name after a verb whose clause comes
    before it, which the parser took for its object."""
    if not any(c.dep_ == "ccomp" and c.i < verb.i for c in verb.children):
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    return obj if obj is not None and obj.pos_ == "PROPN" else None


CITING = frozenset({"cite", "quote"})
"""Verbs whose object is the source cited ("citing officials"), when it names someone."""


def cites_someone(ctx: Context, lemma: str, verb: Token) -> bool:
    """ "cited officials", "quoting the minister": the object is a source; "cited her record",
    "citing a threat to public health": the object is what is said."""
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    return lemma in CITING and (obj is None or (someone(ctx, obj) and not _an_act(ctx, obj)))


def _an_act(ctx: Context, noun: Token) -> bool:
    """ "the release of political prisoners": a document noun that names an act on its object."""
    acts = ctx.lexicon.document_acts
    return noun.lemma_.lower() in acts and any(c.lower_ == "of" for c in noun.children)


def is_relay(ctx: Context, lemma: str, verb: Token) -> bool:
    """ ", citing X" or ", quoting X": a participle naming the source of the report before it;
    "according to Politico, which cited X": a relative clause on the reporter."""
    if not cites_someone(ctx, lemma, verb):
        return False
    relative = verb.dep_ == "relcl" and any(
        c.dep_ == "nsubj" and c.tag_ in ("WDT", "WP") for c in verb.children
    )
    return relative or verb.dep_ in ("advcl", "xcomp", "conj", "acl")


# -- source mentions ----------------------------------------------------------------------------


def mention(ctx: Context, head: Token) -> Mention:
    """The span scored as source: the head's subtree without surrounding punctuation."""
    start, end = trim(ctx.text, *subtree_range(head))
    set_off = _set_off_clause(head)
    if set_off is not None:
        end = trim(ctx.text, start, set_off.idx)[1]
    end = _appositive_comma(ctx.text, start, end)
    named = _name_after_titles(head)
    heads = [named] if named is not None else [head, *(c for c in head.conjuncts if c.i > head.i)]
    heads += [t for t in head.subtree if t not in heads and _coordinated_source(ctx, t)]
    return Mention(start, end, tuple(sorted(heads, key=lambda t: t.i)))


def _name_after_titles(head: Token) -> Token | None:
    """The person's name after titles that are no speakers of their own: "Company founder and
    CEO Mark Lee" (a singular noun with no article, coordinated with the name), "Epidemiologist
    Dr. Ian Bloom" (a title the tagger read as a verb)."""
    if head.tag_ == "NN" and not any(c.dep_ in ("det", "poss") for c in head.children):
        names = [c for c in head.conjuncts if c.i > head.i]
        if len(names) == 1 and names[0].ent_type_ == "PERSON":
            return names[0]
    if head.pos_ == "VERB":
        return next((c for c in head.children if c.ent_type_ == "PERSON"), None)
    return None


def _appositive_comma(text: str, start: int, end: int) -> int:
    """A source with an appositive keeps the comma that closes it: "Jo Ray, a nurse,"."""
    if "," not in text[start:end]:
        return end
    after = end
    while after < len(text) and text[after] == ".":
        after += 1
    return after + 1 if text[after : after + 1] == "," else end


def _coordinated_source(ctx: Context, tok: Token) -> bool:
    """A conjunct deep in a mention that is itself a speaker: "a source close to
    the government and a European official" (the parser attaches the official
    to "government")."""
    if tok.dep_ != "conj" or not any(c.dep_ == "det" for c in tok.children):
        return False
    lemma = tok.lemma_.lower()
    lex = ctx.lexicon
    return (
        tok.ent_type_ == "PERSON"
        or lemma in lex.unnamed_person
        or tok.lower_ in lex.unnamed_group
        or lemma in lex.person_nouns
    )


def _set_off_clause(head: Token) -> Token | None:
    """The comma or dash before a participial phrase set off after the source: "Trump,
    speaking to veterans, said" has the source "Trump", as news corpora annotate it. Relative
    clauses ("Jo Ray, who runs the clinic,") stay in the mention, as they do there."""
    for tok in head.subtree:
        participle = tok.dep_ in ("acl", "advcl") and tok.tag_ in ("VBG", "VBN")
        if tok.i > head.i and participle and tok.left_edge.i > 0:
            before = tok.doc[tok.left_edge.i - 1]
            if before.text in (",", "—", "–", "--", "―"):
                return before
    return None
