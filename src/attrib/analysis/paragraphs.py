"""The ``attrib_paragraphs`` component: blank lines and line-ending sentences end sentences.

Run before the parser, which keeps boundaries already set. The small model otherwise merges
headlines and datelines into the next paragraph.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import cast

from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc


def _ends_sentence(line: str) -> bool:
    return line.rstrip()[-1:] in ".!?:\"”'’)"


@Language.component("attrib_paragraphs", assigns=["token.is_sent_start"])
def paragraph_boundaries(doc: Doc) -> Doc:
    """Start a sentence after every blank line, and after a line ending a sentence.

    Run before the parser, which keeps boundaries already set. The small model
    otherwise merges headlines and datelines into the next paragraph.
    """
    text = doc.text  # Doc.text is rebuilt on every access
    starts = doc.to_array([SENT_START])
    line_start = 0
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if not prev.is_space or "\n" not in prev.text:
            continue
        blank = prev.text.count("\n") >= 2
        if not tok.is_space and (blank or _ends_sentence(text[line_start : prev.idx])):
            starts[tok.i] = 1
        line_start = prev.idx + prev.text.rfind("\n") + 1
    # One array write: setting Token.is_sent_start scans the whole Doc each time.
    doc.from_array([SENT_START], starts)  # type: ignore[arg-type]  # stub: float array
    return doc


def make_paragraph_boundaries(nlp: Language, name: str) -> Callable[[Doc], Doc]:  # noqa: ARG001
    """Entry-point target: the function component itself (spaCy passes nlp and name)."""
    return cast(Callable[[Doc], Doc], paragraph_boundaries)  # Language.component erases the type
