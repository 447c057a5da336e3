"""Signed text: words followed by the name of whoever wrote or said them.

Social posts embedded in a page: once a page is reduced to text, an embedded post is a
paragraph followed by its signature line, "— Dave Schukin (@schukin) July 3, 2019": the
paragraph is a statement of the account's owner, without the link that closes it.

Signed quotations: a quotation followed on its line by a dash and a name ('"We need a new
bridge." ― Jane Roe'), as collected reader responses, vox pops and epigraphs are written: the
quotation is that person's."""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Span

from .candidates import Candidate, Mention, fresh_uids
from .context import Context, trim

POST_CUE = "—"
"""The cue lemma of an embedded post: the dash of its signature."""

_SIGNATURE = re.compile(  # the date makes it a post's signature, not a byline "— X (@x) reports"
    r"^[ \t]*(?P<dash>[—–])[ \t]*(?P<name>[^\W\d_][^\n(@]{0,80}?)[ \t]*\(@\w{1,30}\)"
    r"[ \t]+[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2},[ \t]+\d{4}[ \t]*$",
    re.MULTILINE,
)
_SIGNED_QUOTE = re.compile(  # a dash, one to four capitalized words, then at most an age and
    # a place ("― Jane Roe, 45, Houston"), closing the line
    r"(?P<dash>[―—–]|--)[^\S\n]*(?P<name>[A-Z][\w.'’-]*(?:[^\S\n]+[A-Z][\w.'’-]*){0,3})"
    r"(?:,[^\S\n]*(?:\d{1,3}|[A-Z][\w.'’-]*(?:[^\S\n]+[A-Z][\w.'’-]*){0,3})){0,3}[^\S\n]*$",
    re.MULTILINE,
)
_CLOSING_QUOTES = "\"”’'"
_TRAILING_LINKS = re.compile(r"(?:\s*(?:pic\.twitter\.com/\S+|https?://\S+))+\s*$")


def find(ctx: Context, found: tuple[Candidate, ...]) -> tuple[Candidate, ...]:
    uids = fresh_uids(found, len(ctx.doc))
    return (*found, *_posts(ctx, uids), *_signed_quotes(ctx, uids))


def _signed_quotes(ctx: Context, uids: Iterator[int]) -> Iterator[Candidate]:
    """A quotation closed just before a dash and a person's name at the end of its line."""
    for match in _SIGNED_QUOTE.finditer(ctx.text):
        end = match.start()
        while end > 0 and ctx.text[end - 1] in " \t\u00a0":  # no copy of the text before it
            end -= 1
        if end == 0 or ctx.text[end - 1] not in _CLOSING_QUOTES:
            continue
        quote = ctx.quotes.containing(end - 1)
        name = ctx.doc.char_span(*match.span("name"), alignment_mode="contract")
        if quote is None or name is None or not len(name) or not _a_name(name):
            continue
        mention = Mention(name.start_char, name.end_char, (name.root,))
        yield Candidate(
            next(uids),
            ((quote.start, quote.end),),
            match.span("dash"),
            mention,
            POST_CUE,
            cls="speech",
        )


def _a_name(span: Span) -> bool:
    """Proper nouns only, with a final full stop at most: "Jane Roe", not "Reuters file"."""
    words = [t for t in span if not t.is_punct]
    return bool(words) and all(t.pos_ == "PROPN" or t.ent_type_ == "PERSON" for t in words)


def _posts(ctx: Context, uids: Iterator[int]) -> Iterator[Candidate]:
    for match in _SIGNATURE.finditer(ctx.text):
        content = _post_before(ctx.text, match.start(), ctx.settings.max_post_chars)
        name = ctx.doc.char_span(*match.span("name"), alignment_mode="contract")
        if content is None or name is None or not len(name):
            continue
        mention = Mention(name.start_char, name.end_char, (name.root,))
        cue = match.span("dash")
        yield Candidate(next(uids), (content,), cue, mention, POST_CUE, cls="speech")


def _post_before(text: str, signature: int, reach: int) -> tuple[int, int] | None:
    """The paragraph just before a signature line, without its closing links, when it starts
    within ``reach`` characters (the work stays linear however many signatures there are)."""
    floor = max(0, signature - reach - 2)
    end = floor + len(text[floor:signature].rstrip())
    start = text.rfind("\n\n", floor, end)
    if start < 0 and floor > 0:
        return None  # a longer paragraph is no post
    start += 1
    body = text[start:end]
    link = _TRAILING_LINKS.search(body)
    if link is not None:
        end = start + link.start()
    content = trim(text, start, end)
    return content if content[1] > content[0] else None
