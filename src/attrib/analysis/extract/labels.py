""" "Name: content" opening a line: a headline ("Pence: Trump was mocking them") or a transcript
turn ("WALLACE: Let's start ...") gives the rest of the line to Name.

An all-capital label ("WALLACE:", "MR. TRUMP:") is a speaker when the article spells out the
name, the tagger knows it for a person, or it is a transcript's turn: a short label in an
article where some label comes again. So a dateline ("NEW DELHI:") or a section ("EARNINGS:",
"ANALYST'S VIEWPOINT:") is not a speaker; the words in ``label_words.txt`` ("Update:",
"Exclusive:") never are.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from functools import cache

from spacy.tokens import Span, Token

from .candidates import Candidate, Mention, Range, fresh_uids
from .context import Context, trim, without

LABEL_CUE = ":"
"""The cue lemma of a line label: its colon."""

_SPEAKER_ENTS = frozenset({"PERSON", "ORG"})
# Entity types that make a line label a dateline, a time or a topic, never a speaker.
_NOT_SPEAKER_ENTS = frozenset(
    {"GPE", "LOC", "FAC", "DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "EVENT"}
)


@cache
def _label_re(max_chars: int) -> re.Pattern[str]:
    """A short label at the start of a line, up to its first colon, then the content."""
    return re.compile(
        rf"^[ \t]*[\"“]?([^\W\d_][^\n:\"“”]{{0,{max_chars}}}?)[ \t]*:[ \t]+(?=\S)", re.MULTILINE
    )


def find(ctx: Context, found: tuple[Candidate, ...]) -> tuple[Candidate, ...]:
    labels = _labels(ctx)
    capitals = Counter(label.text for label, _, _ in labels if label.text.isupper())
    transcript = any(n >= 2 for n in capitals.values())  # a speaker's turn comes again
    names = _entity_names(ctx) if labels else {}
    places = _places(ctx) if labels else frozenset()
    uids = fresh_uids(found, len(ctx.doc))
    new = []
    for label, cue, content in labels:
        head = _speaker(ctx, label, transcript, names, places)
        if head is not None:
            mention = Mention(label.start_char, label.end_char, (head,))
            new.append(Candidate(next(uids), (content,), cue, mention, LABEL_CUE, cls="speech"))
    return (*found, *new)


def strip(ctx: Context, found: tuple[Candidate, ...]) -> tuple[Candidate, ...]:
    """The candidates without the section labels that open lines ("READ MORE: Ford says the
    province will sue" claims "the province will sue"); one left with no claim is dropped."""
    text = ctx.text
    spans = [
        (m.start(1), m.end())
        for m in _label_re(ctx.settings.max_label_chars).finditer(text)
        if m.group(1).split()[0].lower() in ctx.lexicon.label_words
    ]
    if not spans:
        return found
    out = []
    for cand in found:
        pieces = cand.pieces
        for start, end in spans:
            if any(s < end and start < e for s, e in pieces):
                pieces = without(text, pieces, start, end)
        if pieces or not cand.pieces:
            out.append(replace(cand, pieces=pieces) if pieces != cand.pieces else cand)
    return tuple(out)


def _labels(ctx: Context) -> list[tuple[Span, Range, Range]]:
    """Every line label with its colon and the rest of its line."""
    text, settings = ctx.text, ctx.settings
    found = []
    for match in _label_re(settings.max_label_chars).finditer(text):
        words = match.group(1).split()
        if len(words) > settings.max_label_words or words[0].lower() in ctx.lexicon.label_words:
            continue
        line_end = text.find("\n", match.end())
        content = trim(text, match.end(), len(text) if line_end < 0 else line_end)
        if len(text[content[0] : content[1]].split()) < settings.min_label_content_words:
            continue
        label = ctx.doc.char_span(*match.span(1), alignment_mode="contract")
        if label is not None and len(label):
            colon = text.index(":", match.end(1))
            found.append((label, (colon, colon + 1), content))
    return found


def _speaker(
    ctx: Context,
    label: Span,
    transcript: bool,
    names: dict[tuple[str, ...], Token],
    places: frozenset[str],
) -> Token | None:
    """The token that names a label's speaker, or None when the label names nobody.

    A transcript speaker, a person or organization the tagger recognised, "Poll:", or a
    name the article spells out elsewhere ("Pence:" and later "Mike Pence": the tagger
    often misses a lone name before a colon, and title-case kickers such as
    "Stealth Over Health:" look like names but are never entities).
    """
    honorifics = ctx.lexicon.honorifics  # "Mr Malone:" after "Thomas Malone"
    words = [t.lower_ for t in label if not t.is_punct]
    bare = [w for w in words if w.rstrip(".") not in honorifics]
    spelled_out = names.get(tuple(words)) or (names.get(tuple(bare)) if bare else None)
    if ctx.matches.outlet(list(label), label.root) is not None:  # "The Economist: ..."
        return label.root
    if label.text.isupper():
        # "WALLACE:", "MR. TRUMP:", "MODERATOR:" but not a section such as "EARNINGS:"
        known = label.root.lemma_.lower() in ctx.lexicon.person_nouns
        known = known or label.root.ent_type_ == "PERSON"
        turn = transcript and len(label) <= 3 and not any(t.tag_ == "POS" for t in label)
        return spelled_out or (label.root if known or turn else None)
    if any(t.ent_type_ in _NOT_SPEAKER_ENTS for t in label) or label.text in places:
        return None  # a dateline: "Lima:", a place wherever else the text names it
    if label.root.ent_type_ in _SPEAKER_ENTS:
        return label.root
    if len(label) == 1 and label.root.lemma_.lower() in ctx.lexicon.document_nouns:
        return label.root
    return spelled_out


def _places(ctx: Context) -> frozenset[str]:
    """The names the tagger reads as places somewhere in the text (not always in a dateline);
    once a text, as ``_entity_names``."""
    return frozenset(e.text for e in ctx.doc.ents if e.label_ in ("GPE", "LOC"))


def _entity_names(ctx: Context) -> dict[tuple[str, ...], Token]:
    """Person and organization names in the article, each also by its last word, mapped
    to the entity's last token (its head for the resolver)."""
    names: dict[tuple[str, ...], Token] = {}
    for ent in ctx.doc.ents:  # O(n) a call: called once, and only when labels were found
        if ent.label_ in _SPEAKER_ENTS:
            last = ent[-1]
            names.setdefault(tuple(t.lower_ for t in ent), last)
            names.setdefault((last.lower_,), last)
    return names
