"""attrib: who is actually saying this? Source attribution for news text.

    >>> import attrib
    >>> analysis = attrib.analyze('"We are ready," the minister said.')
    >>> [s.kind for s in analysis.statements]
    ['direct']

The package imports spaCy only when a pipeline is needed, so ``attrib --help``
and code that only reads saved JSON stay fast.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from .model import SCHEMA_VERSION, Analysis, Source, Statement, Summary, TextSpan, Unattributed

if TYPE_CHECKING:
    from spacy.language import Language

__version__ = "0.1.0"
__all__ = [
    "SCHEMA_VERSION",
    "Analysis",
    "Source",
    "Statement",
    "Summary",
    "TextSpan",
    "Unattributed",
    "analyze",
    "load_pipeline",
]


def load_pipeline(model: str | None = None) -> Language:
    """A spaCy pipeline with attrib's components; see ``attrib.pipeline.load_pipeline``."""
    from .pipeline import load_pipeline as _load

    return _load(model)


@cache
def _shared_pipeline(model: str | None) -> Language:
    return load_pipeline(model)


def analyze(text: str, *, model: str | None = None, nlp: Language | None = None) -> Analysis:
    """Analyze one text. The pipeline is loaded once per model and reused."""
    from .pipeline import analyze_text

    return analyze_text(nlp or _shared_pipeline(model), text)
