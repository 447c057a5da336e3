"""Cue verbs: "X said (that) ...", "X told Y ...", "X called the plan a disaster", "..., X said".

Every reporting verb with a speaker gives a candidate: its content is the clause the verb
governs, else its object (with any predicate), else the object of a topic preposition ("spoke
about", "called for"). A verb without content ("she said" after a quote) is kept as a bare cue
for the quotation passes to attach a quote to.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from .candidates import Candidate, Mention, Range
from .context import (
    CITING,
    CLAUSES,
    Context,
    Trailing,
    cites_someone,
    cue_lemma,
    cue_range,
    cue_subject,
    inverted_object,
    is_passive,
    is_relay,
    mention,
    noun_clauses,
    obtained_by,
    phrase_cue,
    pieces_from_tokens,
    previous_sentence,
    quote_after_colon,
    quoted,
    someone,
    spliced_cue,
    topic_preposition,
    trailing_participle,
    trailing_report,
    trailing_speaker,
    triggered,
)

_DEMONSTRATIVES = frozenset({"this", "that", "it", "these", "those"})
_WRITER = frozenset({"i", "we", "me", "us"})  # "helps me understand"
_COMPLEMENTIZERS = frozenset({"that", "whether", "if"})
_Frame = str | None


def find(ctx: Context, found: tuple[Candidate, ...]) -> tuple[Candidate, ...]:
    """A candidate, or a bare cue, for every reporting verb with a speaker."""
    new = (_candidate(ctx, verb) for verb in triggered(ctx, "verb"))
    return (*found, *(c for c in new if c is not None))


def _candidate(ctx: Context, verb: Token) -> Candidate | None:
    lemma = cue_lemma(ctx, verb)
    if lemma is None or is_relay(ctx, lemma, verb):
        return None
    trailing = trailing_speaker(ctx, verb)
    subj = trailing.speaker if trailing is not None else cue_subject(ctx, verb)
    if subj is None or not any(t.text[:1].isalpha() for t in subj.subtree):  # "'s", a symbol
        return None
    if subj.lower_ in ("it", "there") and is_passive(verb):
        return None
    if subj.lower_ == "you":  # outside quotes, the reader: "you might think that ..."
        return None
    if subj.pos_ == "NOUN" and subj.lemma_.lower() in ctx.lexicon.time_nouns:
        return None  # "The first time she had seen him, she was beginning to realize ..."
    described = any(c.dep_ in ("amod", "acl", "relcl", "prep") for c in subj.children)
    if subj.lower_ in _DEMONSTRATIVES - {"it"} and subj.pos_ == "PRON" and not described:
        return None  # "This suggests"; not "Those familiar with the talks said"
    if _anonymity_request(ctx, verb) or not _agent_can_speak(ctx, subj):
        return None
    words = trailing.words if trailing is not None else None
    source = (
        mention(ctx, subj)
        if words is None
        else Mention(words.start_char, words.end_char, (subj,))  # parsed apart from the cue
    )
    relays: tuple[Mention, ...] = ()
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is not None and cites_someone(ctx, lemma, verb):  # "The paper quoted a source"
        relays, source = (source,), mention(ctx, obj)
    pieces, frame = _content(ctx, verb, lemma, verb.sent, trailing)
    cls = (
        "unasserted"
        if _unasserted(ctx, verb, subj)
        else "author"  # outside quotes, "I argue", "we found": the writer, not a source
        if subj.lower_ in _WRITER
        else ctx.lexicon.cue_class(lemma, frame)
    )
    cue = cue_range(ctx, verb)
    hearer = _addressee(ctx, verb, lemma, subj)
    addressee = mention(ctx, hearer) if hearer is not None else None
    body_cls = ctx.lexicon.cue_frames.get((lemma, "body")) if frame is None else None
    return Candidate(
        verb.i,
        pieces,
        cue,
        source,
        lemma,
        verb.i,
        relays,
        cls=cls,
        addressee=addressee,
        body_cls=body_cls,
    )


def _agent_can_speak(ctx: Context, subj: Token) -> bool:
    """A speaker in a prepositional phrase, a passive's "by" phrase or the noun a relative
    clause hangs on ("a move in a dispute that signaled ..."), is one when it names someone or a
    text ("was announced by the ministry", "by critics", "by a new study"), a cause when it is
    any other common noun ("predicted by the average intelligence of the members")."""
    clause = subj.head
    if subj.tag_ in ("WDT", "WP") and clause.dep_ == "relcl":  # "of brain cancer, which ..."
        subj = clause.head
        if subj.dep_ == "pobj" and someone(ctx, subj.head.head):
            return True  # "a story about her eating avocados which said": the story's
    return subj.dep_ != "pobj" or someone(ctx, subj)


def _addressee(ctx: Context, verb: Token, lemma: str, subj: Token) -> Token | None:
    """Whom the speaker addressed: the object of "told", "spoke to", "said on", "in an
    interview with" or "in comments to", or of a participle of speaking beside the cue
    ("Speaking to Sky News, the minister said"; "the minister, speaking on Sky News, said"); who
    got hold of a document that speaks ("a letter seen by Reuters says")."""
    beside = [c for c in verb.children if c.dep_ == "advcl"]
    beside += [c for c in subj.children if c.dep_ == "acl"]
    for child in verb.children:
        if child.dep_ in ("dobj", "dative") and lemma in ctx.lexicon.addressee_verbs:
            return child
        if child.dep_ == "prep" and child.lower_ in ("to", "on", "in"):
            whom = _spoken_to(child)
            if whom is not None:
                return whom
            if child.lower_ == "in":  # "In a letter seen by the Financial Times, X told"
                texts = (obtained_by(ctx, c) for c in child.children if c.dep_ == "pobj")
                seen = next((t for t in texts if t is not None), None)
                if seen is not None:
                    return seen
    obtained = obtained_by(ctx, subj)
    if obtained is not None:
        return obtained
    for participle in beside:
        if participle.tag_ == "VBG" and cue_lemma(ctx, participle) is not None:
            prep = next((c for c in participle.children if c.lower_ in ("to", "on")), None)
            whom = _spoken_to(prep) if prep is not None else None
            if whom is not None:
                return whom
    return None


def _spoken_to(prep: Token) -> Token | None:
    """The hearer a preposition gives: "to Reuters", "on CNN", "in an interview with the BBC",
    "in comments to The Associated Press"."""
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if obj is None or prep.lower_ != "in":
        return obj
    hearer = "with" if obj.lemma_.lower() == "interview" else "to"
    via = next((c for c in obj.children if c.lower_ == hearer and c.dep_ == "prep"), None)
    return next((c for c in via.children if c.dep_ == "pobj"), None) if via else None


def _unasserted(ctx: Context, verb: Token, subj: Token) -> bool:
    """Negated, hypothetical or questioned speech: "did not say that", "no one could say",
    "will announce", "if she said so", "denied saying that", "Did the minister say ...?", and
    a to-infinitive cue that tells of no speech ("failed to tell", "hard to say"), unless its
    head tells what was said ("went on to say")."""
    lex = ctx.lexicon
    if any(c.dep_ == "neg" and not quoted(ctx, c) for c in verb.children):  # '"Not at all," ...'
        return True
    if subj.left_edge.lower_ in lex.negative_subjects or _asked(verb, subj):
        return True
    marks = {c.lower_ for c in verb.children if c.dep_ in ("mark", "advmod")}
    if marks & lex.conditionals and "even" not in marks:  # "even if they hint that": they do
        return True
    if verb.tag_ == "VBG" and verb.dep_ in ("xcomp", "pcomp"):  # "denied saying", "stopped
        head = verb.head.head if verb.dep_ == "pcomp" else verb.head  # short of saying"
        held = head.lemma_.lower() in lex.withholding_heads
        if held and not any(c.dep_ == "neg" for c in head.children):  # "could not resist"
            return True
    if _has_to(verb) and verb.dep_ in ("xcomp", "acl", "relcl", "ccomp"):
        head = verb.head
        wished = any(c.dep_ == "aux" and c.lower_ in lex.modals for c in head.children)
        return head.lemma_.lower() not in lex.narrative_heads or wished  # "would like to say"
    modal = any(c.dep_ == "aux" and c.lower_ in lex.modals for c in verb.children)
    return modal and not any(c.lower_ in lex.retrospective for c in verb.children)


def _asked(verb: Token, subj: Token) -> bool:
    """A cue in a question: "Did the minister say ...?", "Who said ...?"."""
    inverted = any(c.dep_ == "aux" and c.i < subj.i for c in verb.children)
    if not (inverted or subj.tag_ in ("WP", "WDT")):
        return False
    end = verb.sent.end  # the sentence's last word (spaces aside) is its question mark
    last = next((t for t in reversed(verb.doc[verb.i : end]) if not t.is_space), verb)
    return last.text == "?" or (last.is_punct and verb.doc[last.i - 1].text == "?")


def _anonymity_request(ctx: Context, verb: Token) -> bool:
    """ "who asked not to be named", "spoke on condition of anonymity": why a source is
    unnamed, not a claim of theirs (unless a clause follows: "said on condition of
    anonymity that ...")."""
    if any(c.dep_ == "ccomp" for c in verb.children):
        return False
    end = verb.right_edge.i + 1
    if ctx.matches.anonymity_phrase(verb.i, end) or ctx.matches.anonymity_phrase(verb.i + 1, end):
        return True
    # "briefed reporters on the condition that they not be named"
    conditions = [t for t in verb.subtree if t.lower_ == "condition" and t.i > verb.i]
    return any(ctx.matches.anonymous(range(c.i, c.right_edge.i + 1)) for c in conditions)


def _content(
    ctx: Context, verb: Token, lemma: str, sent: Span, trailing: Trailing | None
) -> tuple[tuple[Range, ...], _Frame]:
    """The claim a reporting verb (of cue lemma ``lemma``) governs, from the parse, and the
    construction it is in (a ``to``-infinitive, or the preposition of "called for"), which may
    change the cue's class; ``trailing`` is the cue's trailing attribution, if it closes one."""
    target = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    told = lemma in ctx.lexicon.addressee_verbs and any(c.dep_ in CLAUSES for c in verb.children)
    if target is not None and not told:  # "He was told by police that ...": the clause
        if _text_made(ctx, verb, target):  # "The report was written by X": no claim
            return (), None
        if target.lower_ in _DEMONSTRATIVES:  # "That was confirmed by police."
            return previous_sentence(ctx, sent), None
        return pieces_from_tokens(ctx, (t.i for t in target.subtree)), None
    if inverted_object(verb) is not None:  # "..., reported the Daily Courier."
        inside = {t.i for t in verb.subtree}
        return pieces_from_tokens(ctx, (t.i for t in verb.head.subtree if t.i not in inside)), None
    if trailing_report(ctx, verb) or spliced_cue(ctx, verb):  # "..., UNN reports.": the rest
        inside = {t.i for t in verb.subtree}
        return pieces_from_tokens(ctx, (t.i for t in sent if t.i not in inside)), None
    if trailing is not None:  # "..., police said.", whatever the parser hung under the cue
        return pieces_from_tokens(ctx, range(sent.start, trailing.comma.i)), None
    aside = _interpolated(ctx, verb, sent)
    if aside is not None:  # "Building it, the engineers note, took years": all but the aside
        first, last = aside
        return pieces_from_tokens(ctx, (t.i for t in sent if not first <= t.i <= last)), None
    phrase = phrase_cue(ctx, verb)  # "made clear that": "clear" is the cue's, not the claim's
    word = next((c for c in verb.children if phrase and phrase.endswith(" " + c.lower_)), None)
    # ", Reuters reported." / ", reported Euro News." closing the sentence relays the claim;
    # the parser may hang the claim under it ("said" -> "reported" -> "would reopen")
    relays = [c for c in verb.children if c.dep_ in CLAUSES and c.i > verb.i and _relaying(ctx, c)]
    clauses = [c for c in verb.children if c.dep_ in CLAUSES and c not in relays and c != word]
    clauses += [g for r in relays for g in r.children if g.dep_ in CLAUSES and g.i < r.i]
    if any(c.dep_ == "ccomp" and c.i > verb.i for c in clauses):  # "That said, she said ...":
        clauses = [c for c in clauses if not (c.dep_ == "parataxis" and c.i < verb.i)]  # an aside
    if verb.pos_ == "NOUN":  # "The new regulations state that ...", read as a noun
        clauses += noun_clauses(verb)
    if word is not None:  # "made it clear that ...": the clause may hang under "clear"
        clauses += [c for c in word.children if c.dep_ in CLAUSES or _that_clause(c)]
    clauses = _after_semicolon(verb, clauses or _misattached_clauses(ctx, verb, lemma))
    if clauses:
        others = _other_speakers(ctx, clauses)
        words = (
            t.i for c in clauses for t in c.subtree if not _stray_mark(t, c) and t.i not in others
        )
        return pieces_from_tokens(ctx, words), _clause_frame(clauses)
    nominal, frame = _nominal_content(ctx, verb, lemma) if word is None else ([], None)
    introduced = quote_after_colon(ctx, verb) if frame is not None else None
    if introduced is not None:  # 'said of the building: "..."': the topic is no claim
        return (introduced,), None
    if nominal:
        return pieces_from_tokens(ctx, nominal), frame
    if verb.dep_ in ("parataxis", "advcl", "ccomp") and verb.head.i != verb.i:
        if verb.dep_ == "advcl" and not any(c.lower_ == "as" for c in verb.children):
            return (), None
        if verb.dep_ == "ccomp" and not _introduces(verb):
            return (), None
        outside = {t.i for t in verb.subtree}
        indices = {t.i for t in verb.head.subtree} - outside
        return pieces_from_tokens(ctx, (i for i in indices if sent.start <= i < sent.end)), None
    return (), None


def _text_made(ctx: Context, verb: Token, target: Token) -> bool:
    """ "The report was written by the Urban Institute": a passive of writing whose subject is
    the text written, which says who wrote it, not what anyone said."""
    text = target.lemma_.lower() in ctx.lexicon.texts
    return text and verb.lemma_.lower() in ("write", "author", "draft", "pen")


def _other_speakers(ctx: Context, clauses: list[Token]) -> set[int]:
    """Another statement the parser hung inside the claim: another speaker's set against it,
    "X argued that ..., while Y said ..." (Y's words are Y's statement, not part of X's), or the
    speaker's own next one, "X said A, arguing that B" (X's second statement), or another
    source's, "X said A, according to the FT" (the FT's)."""
    found: set[int] = set()
    for clause in clauses:
        for tok in clause.subtree:
            if tok.lower_ == "according" and tok.dep_ == "prep":  # ", according to the FT"
                found.update(t.i for t in tok.subtree)
            if tok.dep_ != "advcl" or not cue_lemma(ctx, tok):
                continue
            marks = {c.lower_ for c in tok.children if c.dep_ == "mark"}
            contrast = marks & {"while", "whereas"}
            if (contrast and any(c.dep_ == "nsubj" for c in tok.children)) or trailing_participle(
                tok
            ):
                found.update(t.i for t in tok.subtree)
    return found


def _interpolated(ctx: Context, verb: Token, sent: Span) -> tuple[int, int] | None:
    """The commas around a cue set into its claim, subject first ("Building the dam, the engineers
    note, requires planning"), whatever the parser made of the claim's two halves; not a
    question put before the cue ("Asked about the dam, the engineers said, ...")."""
    subj = next((c for c in verb.lefts if c.dep_ == "nsubj"), None)
    if subj is None or any(c.dep_ in ("dobj", "dative") for c in verb.children):
        return None
    questions = ctx.lexicon.question_verbs
    if any(c.dep_ == "advcl" and c.lemma_.lower() in questions for c in verb.lefts):
        return None
    before, after = subj.left_edge.i - 1, verb.i + 1
    doc = verb.doc
    if before <= sent.start or after >= sent.end - 1:
        return None
    if doc[before].text != "," or doc[after].text != ",":
        return None
    if doc[after + 1].tag_ in ("VBG", "VBN"):  # "..., X reported, citing Y": the cue's own
        return None
    return before, after


def _introduces(verb: Token) -> bool:
    """ "The CEO put it simply: renewables are not a factor": a cue clause ending in a colon
    before the clause the parser hung it under introduces that clause."""
    after = verb.right_edge.i + 1
    return verb.head.i > verb.i and after < len(verb.doc) and verb.doc[after].text == ":"


def _after_semicolon(verb: Token, clauses: list[Token]) -> list[Token]:
    """Without a clause the parser hung on the cue from before a semicolon or a colon when the
    cue has its own clause after it: "X calls it a mistake; he also notes that ..." and "This was
    another round of fireworks: Republicans said ..." claim only the last."""
    if not any(c.i > verb.i for c in clauses):
        return clauses
    doc = verb.doc
    return [
        c
        for c in clauses
        if c.i > verb.i or not any(t.text in (";", ":") for t in doc[c.right_edge.i + 1 : verb.i])
    ]


def _misattached_clauses(ctx: Context, verb: Token, lemma: str) -> list[Token]:
    """A "that"-clause the parser hung under an adverb, a preposition or the noun of one, the
    hearer of a verb of telling, or under a time clause or a relay that is no cue of its own:
    "has hinted before that ...", "said in a statement that ...", "told the BBC's Today
    programme that ...", "said after the recording became public that ...", "reported, citing
    the police, that ...", but not a purpose clause ("so that", "in order that")."""
    after = [c for c in verb.children if c.i > verb.i]
    candidates = [c for c in after if c.dep_ == "advcl"]
    preps = [p for p in after if p.dep_ == "prep"]
    candidates += [pc for p in preps for pc in p.children if pc.dep_ == "pcomp"]
    nouns = [noun for p in preps for noun in p.children if noun.dep_ == "pobj"]
    if lemma in ctx.lexicon.addressee_verbs:  # not "tells so many lies that"
        nouns += [c for c in after if c.dep_ == "dobj" and _hearer(ctx, c)]
    candidates += [
        c
        for noun in nouns
        for c in noun.children
        if (c.dep_ in ("acl", "ccomp", "relcl") or _misread_relative(c)) and c.i > noun.i
    ]
    candidates += [
        c
        for clause in after
        if clause.dep_ == "advcl" and _no_cue_of_its_own(ctx, clause)
        for c in clause.children
        if c.dep_ in ("advcl", "ccomp") and c.i > clause.i
    ]
    claims = [c for c in candidates if _that_clause(c) or _misread_relative(c)]
    # "reported last week, citing an executive, that the companies aimed ...": the parser lost
    # the clause and hung its words on a bare "that"
    claims += [c for c in after if c.dep_ == "dep" and c.lower_ == "that" and c.n_rights]
    return claims


def _no_cue_of_its_own(ctx: Context, clause: Token) -> bool:
    """A clause that says nothing itself: no cue ("said after the recording became public
    that"), or a relay's ("reported, citing the police, that")."""
    lemma = cue_lemma(ctx, clause)
    return lemma is None or is_relay(ctx, lemma, clause)


def _relaying(ctx: Context, clause: Token) -> bool:
    """A cue closing the sentence after a claim: ", Reuters reported.", ", reported Euro
    News.", ", a source said." """
    if trailing_report(ctx, clause) or spliced_cue(ctx, clause):
        return True
    lemma = cue_lemma(ctx, clause)
    report = lemma is not None and ctx.lexicon.cue_classes.get(lemma) == "report"
    return report and inverted_object(clause) is not None


def _hearer(ctx: Context, noun: Token) -> bool:
    """Someone told something: "reporters", "the BBC", "the BBC's Today programme"."""
    return someone(ctx, noun) or any(
        c.dep_ in ("poss", "compound") and c.pos_ == "PROPN" for c in noun.children
    )


def _misread_relative(clause: Token) -> bool:
    """A "that"-clause the parser read as a relative clause of the noun before it ("said in a
    release that the game was postponed"): "that" cannot be the object of a passive verb, nor
    of one that has an object already."""
    if clause.dep_ != "relcl":
        return False
    that = next((c for c in clause.children if c.lower_ == "that" and c.dep_ == "dobj"), None)
    objects = [c for c in clause.children if c.dep_ == "dobj" and c is not that]
    return that is not None and (is_passive(clause) or bool(objects))


def _stray_mark(tok: Token, clause: Token) -> bool:
    """A clause's marker that is no part of the claim: "before" in "hinted before that ..."."""
    return tok.dep_ == "mark" and tok.head.i == clause.i and tok.lower_ not in _COMPLEMENTIZERS


def _that_clause(clause: Token) -> bool:
    marks = {m.lower_ for m in clause.children if m.dep_ == "mark"}
    return "that" in marks and not marks & {"so", "such", "order", "now"}


def _clause_frame(clauses: list[Token]) -> _Frame:
    """ "to" for a to-infinitive or gerund ("vowed to resign", "suggested moving"),
    "subjunctive" for a clause in the subjunctive ("suggested she stay home"), else None."""
    if any(c.dep_ == "xcomp" and (_has_to(c) or c.tag_ == "VBG") for c in clauses):
        return "to"
    if any(c.dep_ == "ccomp" and _subjunctive(c) for c in clauses):
        return "subjunctive"
    return None


def _subjunctive(clause: Token) -> bool:
    """A finite clause whose verb is the bare form with a subject of its own and no auxiliary:
    "(that) she stay home", "that the law be changed" (taggers read the bare form after a
    singular subject as a plural present)."""
    subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or any(c.dep_ in ("aux", "auxpass") for c in clause.children):
        return False
    singular = subj.tag_ in ("NN", "NNP") or subj.lower_ in ("he", "she", "it")
    return clause.tag_ == "VB" or (clause.tag_ == "VBP" and singular)


def _has_to(clause: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)


def _nominal_content(ctx: Context, verb: Token, lemma: str) -> tuple[list[int], _Frame]:
    """What a cue verb is about when it takes no clause: its direct object with any
    predicate ("called the plan a disaster", "criticized the law as unfair"), or the
    object of a topic preposition ("spoke about the economy", "called for reform", "accused
    the mayor of lying"); the predicate alone after a relative ("which some call a storm")."""
    right = [c for c in verb.children if c.i > verb.i]
    obj = next((c for c in right if c.dep_ == "dobj"), None)
    hearer = lemma in ctx.lexicon.addressee_verbs and (
        lemma not in CITING or cites_someone(ctx, lemma, verb)
    )  # "told reporters", "cited officials"; not "cited her record"
    predicate = [c for c in right if c.dep_ == "oprd" or _is_as_phrase(c)]
    relative = any(c.dep_ == "dobj" and c.tag_ in ("WDT", "WP") for c in verb.lefts)
    if relative and predicate:  # "what critics call a power grab": the predicate is the claim
        return [t.i for p in predicate for t in p.subtree], None
    if obj is not None and obj.lower_.endswith(("self", "selves")):
        return [], None  # "found themselves in the thick of it": no claim
    if obj is not None and not hearer:
        # "described the decision as a betrayal", the parser hanging "as" on the object
        predicate += [
            c
            for c in obj.children
            if (_is_as_phrase(c) and c.doc[c.i - 1].lower_ != "such")  # not "such as ..."
            or (c.dep_ == "appos" and quoted(ctx, c))  # 'called the plans "a charter"'
        ]
        piece = obj.lemma_.lower() in ctx.lexicon.news_pieces and any(
            c.dep_ in ("acl", "relcl") for c in obj.children
        )  # "published an editorial blaming the state": the piece's claim
        frame = None if predicate else "piece" if piece else "object"  # "denied it"
        return [t.i for p in (obj, *predicate) for t in p.subtree], frame
    prep = topic_preposition(ctx, verb)  # after a hearer too: "accused the mayor of lying"
    if prep is None:
        return [], None
    objects = [t.i for c in prep.children if c.dep_ in ("pobj", "pcomp") for t in c.subtree]
    return objects, prep.lower_


def _is_as_phrase(tok: Token) -> bool:
    return tok.dep_ == "prep" and tok.lower_ == "as"
