"""Find attributions in a parsed Doc: content, cue and the local source mention.

This is the rule layer over spaCy's dependency parse. It works in one linear
pass over the sentences, then links quotations (found on the raw text by
``quotes``) to the nearest cue. It knows nothing of coreference or source types;
``resolve`` turns the local mentions into sources.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from .lexicon import Lexicon
from .quotes import Quote, QuoteIndex, find_quotes

Range = tuple[int, int]  # character offsets [start, end)

_CLAUSES = frozenset({"ccomp", "xcomp", "parataxis"})
_TRIM = " \t\n\r,.;:-–—"
_DEMONSTRATIVES = frozenset({"this", "that", "it", "these", "those"})
_CONNECTIVE_POS = frozenset({"ADV", "CCONJ", "SCONJ", "PUNCT", "SPACE", "INTJ"})
_NESTABLE = frozenset({"cognition", "intention", "attitude"})
_MAX_ATTRIBUTION_GAP = 12  # tokens between a quote and a trailing "she said"

# "Name: content" opening a line: a headline ("Pence: Trump was mocking them") or a transcript
# turn ("WALLACE: Let's start ..."). The label is short and stops at the first colon.
_LABEL_RE = re.compile(r"^[ \t]*[\"“]?([^\W\d_][^\n:\"“”]{0,40}?)[ \t]*:[ \t]+(?=\S)", re.MULTILINE)
_LABEL_CUE = ":"
_MAX_LABEL_WORDS = 4
_MIN_LABEL_CONTENT_WORDS = 3
_SPEAKER_ENTS = frozenset({"PERSON", "ORG"})
# Entity types that make a line label a dateline, a time or a topic, never a speaker.
_NOT_SPEAKER_ENTS = frozenset(
    {"GPE", "LOC", "FAC", "DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "EVENT"}
)


@dataclass
class Mention:
    """A source mention: its full span (as scored) and the head tokens to resolve."""

    start: int
    end: int
    heads: list[Token]


@dataclass
class Candidate:
    """An attribution found in the text, before sources are resolved."""

    pieces: list[Range]
    cue: Range | None
    source: Mention | None
    cue_lemma: str = ""
    relays: list[Mention] = field(default_factory=list)
    continues: Candidate | None = None

    @property
    def start(self) -> int:
        return self.pieces[0][0]


@dataclass
class Hedge:
    """An agentless or hedged claim: the sentence and the words that hedge it."""

    start: int
    end: int
    marker: str


@dataclass
class Extraction:
    text: str  # doc.text, built once (spaCy rebuilds it on every access)
    candidates: list[Candidate]
    hedges: list[Hedge]


def extract(doc: Doc, lexicon: Lexicon) -> Extraction:
    """All attributions and hedges in ``doc``."""
    text = doc.text
    quotes = QuoteIndex(find_quotes(text))
    finder = _Finder(doc, text, lexicon, quotes)
    for sent in doc.sents:
        finder.sentence(sent)
    finder.speaker_labels()
    finder.link_quotes()
    finder.fold_relays()
    finder.drop_nested()
    cands = sorted((c for c in finder.candidates if c.pieces), key=lambda c: c.start)
    return Extraction(text, cands, finder.hedges)


def trim(text: str, start: int, end: int) -> Range:
    """Drop surrounding spaces and punctuation, but never a quotation mark."""
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return start, end


def _token_range(tokens: Iterable[Token]) -> Range | None:
    toks = list(tokens)
    if not toks:
        return None
    return toks[0].idx, toks[-1].idx + len(toks[-1])


def _subtree_range(tok: Token) -> Range:
    left, right = tok.left_edge, tok.right_edge
    return left.idx, right.idx + len(right)


def _runs(indices: Iterable[int]) -> Iterator[tuple[int, int]]:
    """Group sorted token indices into [first, last] runs."""
    run: list[int] = []
    for i in sorted(indices):
        if run and i != run[-1] + 1:
            yield run[0], run[-1]
            run = []
        run.append(i)
    if run:
        yield run[0], run[-1]


class _Finder:
    """One document's worth of rule application; holds the shared look-up state."""

    def __init__(self, doc: Doc, text: str, lexicon: Lexicon, quotes: QuoteIndex) -> None:
        self.doc = doc
        self.text = text
        self.lex = lexicon
        self.quotes = quotes
        self.candidates: list[Candidate] = []
        self.hedges: list[Hedge] = []
        self.by_cue: dict[int, Candidate] = {}

    # -- helpers -------------------------------------------------------------

    def quoted(self, tok: Token) -> bool:
        return self.quotes.containing(tok.idx) is not None

    def pieces_from_tokens(self, indices: Iterable[int]) -> list[Range]:
        """Contiguous, trimmed character ranges for a set of token indices."""
        out = []
        for first, last in _runs(indices):
            span = self.doc[first : last + 1]
            if all(t.pos_ in _CONNECTIVE_POS for t in span):
                continue
            start, end = trim(self.text, *_token_range(span))  # type: ignore[misc]
            if end > start:
                out.append((start, end))
        return out

    def mention(self, head: Token) -> Mention:
        """The span scored as source: the head's subtree without surrounding punctuation."""
        start, end = trim(self.text, *_subtree_range(head))
        set_off = _set_off_clause(head)
        if set_off is not None:
            end = trim(self.text, start, set_off.idx)[1]
        end = self.appositive_comma(start, end)
        heads = [head, *(c for c in head.conjuncts if c.i > head.i)]
        heads += [t for t in head.subtree if t not in heads and self.coordinated_source(t)]
        return Mention(start, end, sorted(heads, key=lambda t: t.i))

    def appositive_comma(self, start: int, end: int) -> int:
        """A source with an appositive keeps the comma that closes it: "Jo Ray, a nurse,"."""
        if "," not in self.text[start:end]:
            return end
        after = end
        while after < len(self.text) and self.text[after] == ".":
            after += 1
        return after + 1 if self.text[after : after + 1] == "," else end

    def coordinated_source(self, tok: Token) -> bool:
        """A conjunct deep in a mention that is itself a speaker: "a source close to
        the government and a European official" (the parser attaches the official
        to "government")."""
        if tok.dep_ != "conj" or not any(c.dep_ == "det" for c in tok.children):
            return False
        lemma = tok.lemma_.lower()
        return (
            tok.ent_type_ == "PERSON"
            or lemma in self.lex.unnamed_person
            or tok.lower_ in self.lex.unnamed_group
            or lemma in self.lex.person_nouns
        )

    def cue_range(self, verb: Token) -> Range:
        parts = [verb, *(c for c in verb.children if c.dep_ == "prt")]
        if not any(c.dep_ in (*_CLAUSES, "dobj") for c in verb.children):
            prep = self.topic_preposition(verb)
            if prep is not None and prep.i == parts[-1].i + 1:
                parts.append(prep)
        return _token_range(sorted(parts, key=lambda t: t.i))  # type: ignore[return-value]

    def is_cue_verb(self, tok: Token) -> str | None:
        """The cue lemma if ``tok`` is a reporting verb, including mis-tagged "UNN reports"."""
        lemma = self.lex.cue_lemma(tok.lemma_.lower(), tok.lower_)
        if lemma is None or self.quoted(tok):
            return None
        if tok.pos_ == "VERB":
            return lemma
        return lemma if self.mistagged_cue(tok) else None

    def mistagged_cue(self, tok: Token) -> bool:
        """ "..., UNN reports." where the tagger made "UNN reports" a compound noun: a plural
        noun that is a verb form, after a proper noun, as the root or at the sentence end."""
        if tok.tag_ != "NNS" or tok.lower_ not in self.lex.cue_forms:
            return False
        if not any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in tok.lefts):
            return False
        return tok.dep_ == "ROOT" or self.ends_sentence(tok)

    def ends_sentence(self, tok: Token) -> bool:
        last = tok.sent.end - 1
        while last > tok.i and (self.doc[last].is_punct or self.doc[last].is_space):
            last -= 1
        return last == tok.i

    def trailing_report(self, tok: Token) -> bool:
        """A media cue closing its sentence under another verb: ", Reuters reports." relays
        the rest of the sentence."""
        if tok.dep_ == "ROOT" or not self.ends_sentence(tok):
            return False
        lemma = self.is_cue_verb(tok)
        return lemma is not None and self.lex.cue_categories.get(lemma) == "publish"

    def subject(self, verb: Token) -> Token | None:
        """The speaker: active subject, passive agent, or the subject shared with a head verb."""
        for child in verb.children:
            if child.dep_ == "agent":
                return next((g for g in child.children if g.dep_ == "pobj"), None)
        if verb.tag_ == "NNS":  # "UNN reports" tagged as a compound noun
            compounds = [c for c in verb.lefts if c.dep_ == "compound"]
            return compounds[-1] if compounds else None
        if _is_passive(verb):
            return None
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is not None:
            return subj
        if verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN"):
            return verb.head
        if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head is not verb:
            return next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
        if verb.dep_ == "pcomp" and verb.head.dep_ == "prep":  # "... by saying that ..."
            return next((c for c in verb.head.head.children if c.dep_ == "nsubj"), None)
        return None

    # -- sentence rules --------------------------------------------------------

    def sentence(self, sent: Span) -> None:
        for tok in sent:
            if tok.lower_ == "according" and tok.i + 1 < len(self.doc):
                self.according(tok, sent)
            elif tok.lower_ in self.lex.hedge_adverbs and not self.quoted(tok):
                self.hedge(sent, tok.text)
            elif (lemma := self.is_cue_verb(tok)) is not None:
                self.verbal(tok, lemma, sent)
            elif tok.pos_ == "NOUN" and tok.lemma_.lower() in self.lex.cue_nouns:
                self.nominal_cue(tok)

    def hedge(self, sent: Span, marker: str) -> None:
        start, end = trim(self.text, sent.start_char, sent.end_char)
        self.hedges.append(Hedge(start, end, marker))

    def verbal(self, verb: Token, lemma: str, sent: Span) -> None:
        if lemma in ("cite", "quote") and verb.dep_ in ("advcl", "xcomp", "conj", "acl"):
            self.relay(verb)
            return
        subj = self.subject(verb)
        if subj is None:
            if _is_passive(verb) and lemma in self.lex.hedge_passives:
                self.agentless(verb, sent)
            return
        if not any(t.is_alpha for t in subj.subtree):  # a stray symbol, not a speaker
            return
        if subj.lower_ in ("it", "there") and _is_passive(verb):
            return
        if subj.lower_ == "you":  # outside quotes, the reader: "you might think that ..."
            return
        if self.anonymity_request(verb):
            return
        source = self.mention(subj)
        relays: list[Mention] = []
        if lemma in ("quote", "cite"):
            obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
            if obj is not None:
                relays, source = [source], self.mention(obj)
        pieces = self.verbal_content(verb, sent)
        cand = Candidate(pieces, self.cue_range(verb), source, lemma, relays)
        self.by_cue[verb.i] = cand
        if pieces:
            self.candidates.append(cand)

    def anonymity_request(self, verb: Token) -> bool:
        """ "who asked not to be named", "spoke on condition of anonymity": why a source is
        unnamed, not a claim of theirs (unless a clause follows: "said on condition of
        anonymity that ...")."""
        if any(c.dep_ == "ccomp" for c in verb.children):
            return False
        right = verb.right_edge
        phrase = self.text[verb.idx : right.idx + len(right)].lower()
        rest = phrase[len(verb) :].lstrip()
        return any(
            phrase.startswith(m) or rest.startswith(m)
            for m in self.lex.anonymity_modifiers
            if " " in m
        )

    def verbal_content(self, verb: Token, sent: Span) -> list[Range]:
        """The claim a reporting verb governs, from the parse."""
        if _is_passive(verb):
            target = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
            if target is not None and target.lower_ in _DEMONSTRATIVES:
                return self.previous_sentence(sent)
            if target is not None:
                return self.pieces_from_tokens(t.i for t in target.subtree)
        if self.trailing_report(verb):  # "..., UNN reports.": the rest of the sentence
            inside = {t.i for t in verb.subtree}
            return self.pieces_from_tokens(t.i for t in sent if t.i not in inside)
        clauses = [
            c
            for c in verb.children
            if c.dep_ in _CLAUSES and not (c.i > verb.i and self.trailing_report(c))
        ]
        if clauses:
            return self.pieces_from_tokens(t.i for c in clauses for t in c.subtree)
        nominal = self.nominal_content(verb)
        if nominal:
            return self.pieces_from_tokens(nominal)
        if verb.dep_ in ("parataxis", "advcl") and verb.head.i != verb.i:
            if verb.dep_ == "advcl" and not any(c.lower_ == "as" for c in verb.children):
                return []
            outside = {t.i for t in verb.subtree}
            indices = {t.i for t in verb.head.subtree} - outside
            return self.pieces_from_tokens(i for i in indices if sent.start <= i < sent.end)
        return []

    def nominal_content(self, verb: Token) -> list[int]:
        """What a cue verb is about when it takes no clause: its direct object with any
        predicate ("called the plan a disaster", "criticized the law as unfair"), or the
        object of a topic preposition ("spoke about the economy", "called for reform")."""
        lemma = self.lex.cue_lemma(verb.lemma_.lower(), verb.lower_)
        right = [c for c in verb.children if c.i > verb.i]
        obj = next((c for c in right if c.dep_ == "dobj"), None)
        if obj is not None and lemma not in self.lex.addressee_verbs:
            parts = [obj, *(c for c in right if c.dep_ == "oprd" or _is_as_phrase(c))]
            return [t.i for p in parts for t in p.subtree]
        if obj is not None:
            return []
        prep = self.topic_preposition(verb)
        if prep is None:
            return []
        return [t.i for c in prep.children if c.dep_ in ("pobj", "pcomp") for t in c.subtree]

    def topic_preposition(self, verb: Token) -> Token | None:
        """The preposition that introduces what a cue verb is about, or None."""
        for child in verb.children:
            if child.dep_ != "prep" or child.i < verb.i:
                continue
            if child.lower_ not in self.lex.topic_prepositions:
                continue
            objs = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            if objs and not any(o.ent_type_ in ("DATE", "TIME") for o in objs):
                return child
        return None

    def previous_sentence(self, sent: Span) -> list[Range]:
        if sent.start == 0:
            return []
        prev = self.doc[sent.start - 1].sent
        start, end = trim(self.text, prev.start_char, prev.end_char)
        return [(start, end)] if end > start else []

    def nominal_cue(self, noun: Token) -> None:
        """ "His claim that ...", "repeated the assertion that ...": a noun cue with a clause.

        The speaker is the noun's possessor, or the subject of a support verb ("made",
        "repeated"); without either the claim is not attributed here.
        """
        if self.quoted(noun):
            return
        clause = next(
            (c for c in noun.rights if c.dep_ in ("acl", "ccomp") and _has_complementizer(c)),
            None,
        )
        if clause is None:
            return
        speaker = next((c for c in noun.children if c.dep_ == "poss"), None)
        verb = noun.head
        if (
            speaker is None
            and noun.dep_ == "dobj"
            and verb.lemma_.lower() in self.lex.support_verbs
        ):
            speaker = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if speaker is None or not any(ch.isalpha() for ch in speaker.text):
            return
        pieces = self.pieces_from_tokens(t.i for t in clause.subtree)
        if pieces:
            cue = (noun.idx, noun.idx + len(noun))
            self.candidates.append(Candidate(pieces, cue, self.mention(speaker), "claim"))

    def agentless(self, verb: Token, sent: Span) -> None:
        """ "It is indicated that ...": a claim whose source the text withholds."""
        subj = next((c for c in verb.children if c.dep_ in ("nsubjpass", "expl")), None)
        if subj is not None and subj.lower_ == "it":
            aux = [c for c in verb.children if c.dep_ in ("auxpass", "aux")]
            marker = self.text[min([subj.idx, *(a.idx for a in aux)]) : verb.idx + len(verb)]
            self.hedge(sent, marker)
        elif subj is not None and any(c.dep_ == "xcomp" for c in verb.children):
            self.hedge(sent, f"{verb.text} to")

    def according(self, tok: Token, sent: Span) -> None:
        to = self.doc[tok.i + 1]
        if to.lower_ != "to" or self.quoted(tok):
            return
        obj = next((c for c in to.children if c.dep_ == "pobj"), None)
        if obj is None:
            return
        phrase = {t.i for t in tok.subtree} | {t.i for t in to.subtree}
        indices = {t.i for t in sent if t.i not in phrase}
        pieces = self.pieces_from_tokens(indices)
        if pieces:
            cue = (tok.idx, to.idx + len(to))
            self.candidates.append(Candidate(pieces, cue, self.mention(obj), "according"))

    def relay(self, verb: Token) -> None:
        """ ", citing X": X is the original source of the nearest earlier report."""
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        host = self.nearest_cue_before(verb)
        if obj is None or host is None or host.source is None:
            return
        host.relays.insert(0, host.source)
        host.source = self.mention(obj)

    def nearest_cue_before(self, tok: Token) -> Candidate | None:
        sent = tok.sent
        for i in range(tok.i - 1, sent.start - 1, -1):
            if i in self.by_cue:
                return self.by_cue[i]
        return None

    # -- line labels ------------------------------------------------------------

    def speaker_labels(self) -> None:
        """ "Name: content" at the start of a line gives the rest of the line to Name.

        All-capital labels ("WALLACE:", "MR. TRUMP:") are transcript turns only when the
        article has at least two of them, so a lone dateline ("NEW DELHI:") is not a speaker.
        """
        found: list[tuple[Span, Range, Range]] = []
        for match in _LABEL_RE.finditer(self.text):
            words = match.group(1).split()
            if len(words) > _MAX_LABEL_WORDS or words[0].lower() in self.lex.label_words:
                continue
            line_end = self.text.find("\n", match.end())
            content = trim(self.text, match.end(), len(self.text) if line_end < 0 else line_end)
            if len(self.text[content[0] : content[1]].split()) < _MIN_LABEL_CONTENT_WORDS:
                continue
            label = self.doc.char_span(*match.span(1), alignment_mode="contract")
            if label is not None and len(label):
                colon = self.text.index(":", match.end(1))
                found.append((label, (colon, colon + 1), content))
        transcript = sum(1 for label, _, _ in found if label.text.isupper()) >= 2
        names = self.entity_names() if found else {}
        for label, cue, content in found:
            head = self.label_speaker(label, transcript, names)
            if head is not None:
                mention = Mention(label.start_char, label.end_char, [head])
                self.candidates.append(Candidate([content], cue, mention, _LABEL_CUE))

    def label_speaker(
        self, label: Span, transcript: bool, names: dict[tuple[str, ...], Token]
    ) -> Token | None:
        """The token that names a label's speaker, or None when the label names nobody.

        A transcript speaker, a person or organization the tagger recognised, "Poll:", or a
        name the article spells out elsewhere ("Pence:" and later "Mike Pence": the tagger
        often misses a lone name before a colon, and title-case kickers such as
        "Stealth Over Health:" look like names but are never entities).
        """
        spelled_out = names.get(tuple(t.lower_ for t in label if not t.is_punct))
        if transcript and label.text.isupper():
            return spelled_out or label.root
        if any(t.ent_type_ in _NOT_SPEAKER_ENTS for t in label):
            return None
        if label.root.ent_type_ in _SPEAKER_ENTS:
            return label.root
        if len(label) == 1 and label.root.lemma_.lower() in self.lex.document_nouns:
            return label.root
        return spelled_out

    def entity_names(self) -> dict[tuple[str, ...], Token]:
        """Person and organization names in the article, each also by its last word, mapped
        to the entity's last token (its head for the resolver)."""
        names: dict[tuple[str, ...], Token] = {}
        for ent in self.doc.ents:  # O(n) a call: called once, and only when labels were found
            if ent.label_ in _SPEAKER_ENTS:
                last = ent[-1]
                names.setdefault(tuple(t.lower_ for t in ent), last)
                names.setdefault((last.lower_,), last)
        return names

    # -- quotations -------------------------------------------------------------

    def link_quotes(self) -> None:
        """Give every speech-like quotation a statement: snap, attach or continue."""
        covered = self.snap_to_quotes()
        for quote in self.quotes.quotes:
            if quote in covered or not self.speech_like(quote):
                continue
            cand = self.attach(quote) or self.continuation(quote)
            if cand is not None:
                covered.add(quote)
        self.join_split_quotes()

    def join_split_quotes(self) -> None:
        """'"A," she said, "B."' is one statement: take both quotes around the cue."""
        claimed = {
            q: c for c in self.candidates for q in self.quotes.within(c.start, c.pieces[-1][1])
        }
        for cand in self.candidates:
            if cand.cue is None:
                continue
            before = self.quotes.within(max(0, cand.cue[0] - 80), cand.cue[0])
            after = self.quotes.within(cand.cue[1], cand.cue[1] + 80)
            if not before or not after:
                continue
            first, second = before[-1], after[0]
            if any(claimed.get(q, cand) is not cand for q in (first, second)):
                continue
            if self.is_split(first, cand.cue, second):
                cand.pieces = _merge(
                    [*cand.pieces, (first.start, first.end), (second.start, second.end)]
                )
                claimed[first] = claimed[second] = cand

    def is_split(self, first: Quote, cue: Range, second: Quote) -> bool:
        """Only the attribution between the two quotes, and the first one breaks off mid-way."""
        gap1, gap2 = self.text[first.end : cue[0]], self.text[cue[1] : second.start]
        if "\n" in gap1 + gap2 or any(ch in gap1 for ch in ".!?") or len(gap2) > 40:
            return False
        if any(ch in gap2.rstrip()[:-1] for ch in ".!?"):
            return False
        last = first.end - first.width - 1
        broke_off = self.text[last : last + 1] in (",", "—", "–", "-")
        opening = second.start + second.width
        return broke_off or self.text[opening : opening + 1].islower()

    def snap_to_quotes(self) -> set[Quote]:
        """Widen contents that cut into a quotation so they hold it whole."""
        covered: set[Quote] = set()
        for cand in self.candidates:
            if cand.cue_lemma == _LABEL_CUE:  # a transcript turn opens a quote before its label
                covered.update(q for s, e in cand.pieces for q in self.quotes.within(s, e))
                continue
            snapped = []
            for start, end in cand.pieces:
                for q in self.quotes.within(start, end):
                    covered.add(q)
                    start, end = min(start, q.start), max(end, q.end)
                snapped.append((start, end))
            cand.pieces = _merge(snapped)
        return covered

    def speech_like(self, quote: Quote) -> bool:
        """A quotation of a few words or a full clause, not a scare-quoted term."""
        inner = self.text[quote.start + quote.width : quote.end - quote.width].strip()
        return len(inner.split()) >= 4 or (inner[-1:] in ".,?!" and len(inner.split()) >= 2)

    def tokens_between(self, start: int, end: int) -> list[Token]:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return list(span) if span is not None else []

    def attach(self, quote: Quote) -> Candidate | None:
        """Attach a quote to the cue right after it ("..., she said") or right before it."""
        after = self.cue_after(quote)
        if after is not None:
            return self.attach_to(after, quote)
        before = self.cue_before(quote)
        if before is not None:
            return self.attach_to(before, quote)
        return None

    def cue_after(self, quote: Quote) -> Token | None:
        end = self.clause_end(quote.end)
        for tok in self.tokens_between(quote.end, end)[:_MAX_ATTRIBUTION_GAP]:
            if tok.i in self.by_cue or self.is_cue_verb(tok):
                return tok
        return None

    def clause_end(self, offset: int) -> int:
        """Where the attribution after a quote ends: the next quote or sentence end."""
        nxt = self.quotes.next_after(offset)
        limit = nxt.start if nxt else len(self.text)
        cut = min((self.text.find(ch, offset, limit) for ch in ".!?\n"), key=_pos_or_inf)
        return limit if cut < 0 else cut

    def cue_before(self, quote: Quote) -> Token | None:
        """ "She said:" or "She said," or "She told reporters" right before the quote."""
        lead = self.text[max(0, quote.start - 200) : quote.start].rstrip()
        if not lead or (lead[-1] not in ":,;" and not lead[-1].isalpha()):
            return None
        tokens = self.tokens_between(quote.start - len(lead) + lead.rfind(".") + 1, quote.start)
        for tok in reversed(tokens[-_MAX_ATTRIBUTION_GAP:]):
            if self.quoted(tok):
                return None
            if tok.i in self.by_cue or self.is_cue_verb(tok):
                return tok
        return None

    def attach_to(self, verb: Token, quote: Quote) -> Candidate | None:
        cand = self.by_cue.get(verb.i)
        if cand is None:
            lemma = self.is_cue_verb(verb)
            subj = self.subject(verb)
            if lemma is None or subj is None:
                return None
            cand = Candidate([], self.cue_range(verb), self.mention(subj), lemma)
            self.by_cue[verb.i] = cand
        if cand not in self.candidates:
            self.candidates.append(cand)
        cand.pieces = _merge([*cand.pieces, (quote.start, quote.end)])
        return cand

    def continuation(self, quote: Quote) -> Candidate | None:
        """A quote with no cue that opens its paragraph continues the last direct speaker."""
        para_start = self.text.rfind("\n", 0, quote.start) + 1
        if self.text[para_start : quote.start].strip():
            return None
        earlier = [c for c in self.candidates if c.start < quote.start and c.source is not None]
        if not earlier:
            return None
        prev = max(earlier, key=lambda c: c.pieces[-1][1])
        if not self.quotes.within(prev.pieces[0][0], prev.pieces[-1][1]):
            return None
        if quote.start - prev.pieces[-1][1] > 1500:
            return None
        cand = Candidate([(quote.start, quote.end)], None, None, "", [], continues=prev)
        self.candidates.append(cand)
        return cand

    # -- nesting ----------------------------------------------------------------

    def drop_nested(self) -> None:
        """ "She said he wants to leave": a belief, intention or attitude reported inside
        another statement's content is part of that statement, not one of its own."""
        by_sentence: dict[int, list[Candidate]] = {}
        for cand in self.candidates:
            if cand.cue is not None:
                start = self.doc.char_span(*cand.cue, alignment_mode="expand")
                key = start.sent.start if start is not None else -1
                by_sentence.setdefault(key, []).append(cand)
        nested: set[int] = set()
        for group in by_sentence.values():
            for inner in group:
                if self.lex.cue_categories.get(inner.cue_lemma) not in _NESTABLE:
                    continue
                cue = inner.cue[0]  # type: ignore[index]
                for outer in group:
                    if outer is not inner and any(s <= cue < e for s, e in outer.pieces):
                        nested.add(id(inner))
                        break
        self.candidates = [c for c in self.candidates if id(c) not in nested]

    # -- chains -----------------------------------------------------------------

    def fold_relays(self) -> None:
        """ "..., UNN reports.": an outlet's report of a report becomes part of the chain."""
        folded = []
        for outer in self.candidates:
            if outer.cue_lemma != "report" or outer.source is None:
                continue
            inner = [
                c
                for c in self.candidates
                if c is not outer
                and c.cue is not None
                and c.source is not None
                and any(s <= c.cue[0] < e for s, e in outer.pieces)
            ]
            for cand in inner:
                cand.relays.append(outer.source)
            if inner:
                folded.append(outer)
        self.candidates = [c for c in self.candidates if c not in folded]


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


def _pos_or_inf(pos: int) -> float:
    return float("inf") if pos < 0 else pos


def _merge(ranges: list[Range]) -> list[Range]:
    out: list[Range] = []
    for start, end in sorted(ranges):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def _is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


def _is_as_phrase(tok: Token) -> bool:
    return tok.dep_ == "prep" and tok.lower_ == "as"


def _has_complementizer(clause: Token) -> bool:
    """The clause opens with "that" (as a marker, or mis-parsed as its object)."""
    return clause.left_edge.lower_ == "that" and clause.left_edge.i < clause.i
