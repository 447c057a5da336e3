"""Social posts embedded in a page. Once a page is reduced to text, an embedded post is a
paragraph followed by its signature line, "— Dave Schukin (@schukin) July 3, 2019": the
paragraph is a statement of the account's owner, without the link that closes it."""

from __future__ import annotations

import re

from .candidates import Candidate, Mention, fresh_uids
from .context import Context, trim

POST_CUE = "—"
"""The cue lemma of an embedded post: the dash of its signature."""

_SIGNATURE = re.compile(  # the date makes it a post's signature, not a byline "— X (@x) reports"
    r"^[ \t]*(?P<dash>[—–])[ \t]*(?P<name>[^\W\d_][^\n(@]{0,80}?)[ \t]*\(@\w{1,30}\)"
    r"[ \t]+[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2},[ \t]+\d{4}[ \t]*$",
    re.MULTILINE,
)
_TRAILING_LINKS = re.compile(r"(?:\s*(?:pic\.twitter\.com/\S+|https?://\S+))+\s*$")


def find(ctx: Context, found: tuple[Candidate, ...]) -> tuple[Candidate, ...]:
    uids = fresh_uids(found, len(ctx.doc))
    new = []
    for match in _SIGNATURE.finditer(ctx.text):
        content = _post_before(ctx.text, match.start(), ctx.settings.max_post_chars)
        name = ctx.doc.char_span(*match.span("name"), alignment_mode="contract")
        if content is None or name is None or not len(name):
            continue
        mention = Mention(name.start_char, name.end_char, (name.root,))
        cue = match.span("dash")
        new.append(Candidate(next(uids), (content,), cue, mention, POST_CUE, cls="speech"))
    return (*found, *new)


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
