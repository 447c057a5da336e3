"""The ``attrib_paragraphs`` component: blank lines, line-ending sentences and a wire story's
dateline ("OTTAWA (AP) — ", "Patna, Jun 12 (PTI) ") end sentences, and no sentence runs past
``max_sentence_tokens``.

Run before the parser, which keeps boundaries already set. The small model otherwise merges
headlines and datelines into the next paragraph. The cap bounds the work per sentence of the
parser and of the attribution rules (a statement's content is a clause of its sentence), so a
text without full stops ("A said that B said that ...", a wall of quotation marks) costs time in
proportion to its length; real news sentences stay far below it (96 tokens at most on PolNeAR's
dev split and the 23 real test pages).
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np
import numpy.typing as npt
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

_BREAKS = frozenset({",", ";", ":", "—", "–", "-", ")"})
_SENTENCE_ENDS = frozenset({".", "!", "?", "…"})
_DATELINE = re.compile(  # "OTTAWA (AP) — ", "KYIV, Ukraine (Reuters) - " opening a line
    r"^[ \t]*[A-Z][A-Z.'-]+(?:[ \t]+[A-Z][A-Z.'-]+){0,3}"
    r"(?:,[ \t]+[A-Z][\w.]*(?:[ \t]+[A-Z][\w.]*){0,2})?"
    r"[ \t]*(?:\([^()\n]{1,30}\))?[ \t]*(?:—|–|--|-)[ \t]*(?=[A-Z\"“])",
    re.MULTILINE,
)
_DATED_DATELINE = re.compile(  # "Patna, Jun 12 (PTI) ", "New Delhi, Oct. 3 (IANS) - "
    r"^[ \t]*[A-Z][\w.'-]+(?:[ \t]+[A-Z][\w.'-]+){0,3},[ \t]+"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?[ \t]+\d{1,2}[ \t]*"
    r"\([A-Z][\w/& -]{0,20}\)[ \t]*(?:(?:—|–|--|-)[ \t]*)?(?=[A-Z\"“])",
    re.MULTILINE,
)
_NOT_START = np.iinfo(np.uint64).max
"""-1 in the unsigned array of ``Doc.to_array``: no sentence starts at this token."""


def _ends_sentence(line: str) -> bool:
    return line.rstrip()[-1:] in ".!?:\"”'’)"


class ParagraphBoundaries:
    """Sets sentence starts at paragraph and line ends, none right after a title, and caps
    sentence length."""

    def __init__(self, max_sentence_tokens: int, titles: frozenset[str]) -> None:
        self.max_sentence_tokens = max_sentence_tokens
        self.titles = titles

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text  # Doc.text is rebuilt on every access
        starts = doc.to_array([SENT_START])
        line_start = 0
        for tok in doc[1:]:
            prev = doc[tok.i - 1]
            if prev.text in self.titles:  # "said Const. Mia Lowe": the name goes on
                starts[tok.i] = _NOT_START
            if not prev.is_space or "\n" not in prev.text:
                continue
            blank = prev.text.count("\n") >= 2
            if not tok.is_space and (blank or _ends_sentence(text[line_start : prev.idx])):
                starts[tok.i] = 1
            line_start = prev.idx + prev.text.rfind("\n") + 1
        datelines = (*_DATELINE.finditer(text), *_DATED_DATELINE.finditer(text))
        for match in datelines:  # the story starts after its dateline
            after = doc.char_span(match.end(), match.end() + 1, alignment_mode="expand")
            if after is not None:
                starts[after.start] = 1
        self._cap(doc, starts)
        # One array write: setting Token.is_sent_start scans the whole Doc each time.
        doc.from_array([SENT_START], starts)  # type: ignore[arg-type]  # stub: float array
        return doc

    def _cap(self, doc: Doc, starts: npt.NDArray[Any]) -> None:
        """Start a sentence where a stretch with no full stop, question or exclamation mark
        passes the cap: after the last comma, dash or the like in its second half, else at the
        cap. Text with sentence ends is left to the parser."""
        cap = self.max_sentence_tokens
        last = 0
        for i in range(1, len(doc)):
            if starts[i] == 1 or doc[i - 1].text in _SENTENCE_ENDS:
                last = i
            elif i - last >= cap:
                cut = next(
                    (j + 1 for j in range(i - 1, last + cap // 2, -1) if doc[j].text in _BREAKS),
                    i,
                )
                starts[cut] = 1
                last = cut


@Language.factory(
    "attrib_paragraphs",
    default_config={"max_sentence_tokens": 200, "titles": []},
    assigns=["token.is_sent_start"],
)
def make_paragraph_boundaries(
    nlp: Language,  # noqa: ARG001
    name: str,  # noqa: ARG001
    max_sentence_tokens: int,
    titles: list[str],
) -> ParagraphBoundaries:
    """Factory for ``nlp.add_pipe("attrib_paragraphs", before="parser")``;
    ``max_sentence_tokens`` caps a sentence's length (see the module docstring); ``titles`` are
    tokens after which no sentence starts ("Const.", "Sgt.")."""
    return ParagraphBoundaries(max_sentence_tokens, frozenset(titles))
