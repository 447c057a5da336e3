"""attrib: who is actually saying this? Source attribution for news text.

    >>> import attrib
    >>> analysis = attrib.analyze('"We are ready," the minister said.')
    >>> [s.kind for s in analysis.statements]
    ['direct']

The package imports spaCy only when a pipeline is needed, so ``attrib --help``
and code that only reads saved JSON stay fast.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING, Any

from .results import (
    SCHEMA_VERSION,
    Analysis,
    InputInfo,
    PageMeta,
    Source,
    Statement,
    Summary,
    TextSpan,
    Unattributed,
)
from .version import __version__

if TYPE_CHECKING:
    from spacy.language import Language

    from .inputs.articles import Article

__all__ = [
    "SCHEMA_VERSION",
    "Analysis",
    "InputInfo",
    "PageMeta",
    "Source",
    "Statement",
    "Summary",
    "TextSpan",
    "Unattributed",
    "__version__",
    "analyze",
    "load_pipeline",
    "read_article",
]


def load_pipeline(model: str | None = None) -> Language:
    """A spaCy pipeline with attrib's components; see ``attrib.pipeline.load_pipeline``."""
    from .analysis.pipeline import load_pipeline as _load

    return _load(model)


@cache
def _shared_pipeline(model: str | None) -> Language:
    return load_pipeline(model)


def analyze(
    text: str,
    *,
    model: str | None = None,
    nlp: Language | None = None,
    input: InputInfo | None = None,
    meta: Mapping[str, Any] | None = None,
) -> Analysis:
    """Analyze one text. The pipeline is loaded once per model and reused.

    ``input`` (from :func:`read_article`) labels the result and names the page's publisher,
    whose own reports are then told apart from outside outlets; ``meta`` is carried through.
    """
    from .analysis.pipeline import analyze_text
    from .analysis.publisher import mark_publisher

    analysis = analyze_text(nlp or _shared_pipeline(model), text)
    if input is None and meta is None:
        return analysis
    return mark_publisher(analysis.with_input(input or InputInfo(), meta))


def read_article(name: str) -> Article:
    """Read a text file, ``-``, a saved web page or an http(s) URL, ready for :func:`analyze`.

    A page is reduced to its main text; ``article.input`` tells where the text came from.
    Raises :class:`attrib.reading.InputError` with a one-line message when it cannot be read.
    """
    from .inputs.articles import read_article as _read

    return _read(name)
