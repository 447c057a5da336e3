"""No-comment events: "declined to comment", "did not respond to a request for comment", "could
not be reached", "would not say whether ...".

They are facts a reader weighs, not statements (and, inside quotation marks, words of the
quote, not events the writer reports): each becomes a :class:`Refusal` with the source
that declined, and any attribution whose cue lies inside its words is dropped (a "declined"
intention, a negated "respond"). The phrases are spaCy Matcher patterns in
``no_comment.jsonl``.
"""

from __future__ import annotations

from spacy.tokens import Token

from .candidates import Candidate, Refusal
from .context import Context, mention, quoted, subject


def find(
    ctx: Context, found: tuple[Candidate, ...]
) -> tuple[tuple[Candidate, ...], tuple[Refusal, ...]]:
    """The candidates without those inside a no-comment phrase, and the no-comment events."""
    refusals = []
    inside: list[tuple[int, int]] = []
    for start, end in ctx.matches.no_comment:
        span = ctx.doc[start:end]
        if quoted(ctx, span.root):  # '"She has not answered basic questions," he said'
            continue
        speaker = _speaker(span.root)
        source = mention(ctx, speaker) if speaker is not None else None
        refusals.append(Refusal((span.start_char, span.end_char), source))
        inside.append((span.start_char, span.end_char))
    kept = tuple(c for c in found if c.cue is None or not any(s <= c.cue[0] < e for s, e in inside))
    return kept, tuple(refusals)


def _speaker(root: Token) -> Token | None:
    """Who declined: the subject of the phrase's verb, active or passive ("could not be
    reached")."""
    passive = next((c for c in root.children if c.dep_ == "nsubjpass"), None)
    return passive if passive is not None else subject(root)
