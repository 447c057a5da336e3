"""The ``attribution`` spaCy component: statements and their sources, stored on the Doc.

Add it to any English pipeline with a parser and NER, with ``attrib_paragraphs`` before the
parser (``attrib.load_pipeline`` does this, with the titles of ``pipeline.keep_titles_whole``,
and ``pipeline.keep_prefixed_words_whole``)::

    nlp.add_pipe("attribution")                 # config: see ``default_config`` below
    nlp.add_pipe("attrib_paragraphs", before="parser")
    doc = nlp(text)
    doc._.attribution             # the JSON-ready dict of attrib.Analysis.to_dict()
    doc.spans["attrib_content"]   # content pieces, labelled direct / indirect / mixed

Like spaCy's own rule-based components (SpanRuler, EntityRuler), its word lists are data: the
shipped lists by default, your own through ``initialize(lexicon_dir=...)``, and in both cases
written by ``nlp.to_disk`` and read back by ``spacy.load`` wherever the pipeline goes. Results
are plain data, so Docs survive ``to_bytes`` and ``nlp.pipe(n_process=...)``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import fields
from pathlib import Path
from typing import Any

import srsly
from spacy.language import Language
from spacy.scorer import Scorer
from spacy.tokens import Doc, Span, SpanGroup
from spacy.training import Example
from spacy.util import ensure_path, registry

from ..results import Analysis
from .extract import Settings, extract
from .lexicon import Lexicon, LexiconMatcher, default_lexicon
from .resolve import build_analysis

EXTENSION = "attribution"
SPAN_KEYS = {
    "content_key": "attrib_content",
    "cues_key": "attrib_cues",
    "sources_key": "attrib_sources",
    "unattributed_key": "attrib_unattributed",
}
"""The span groups the component writes, by config name, with their default keys."""
_LEXICON_FOLDER = "lexicons"

if not Doc.has_extension(EXTENSION):
    Doc.set_extension(EXTENSION, default=None)

Scorer_ = Callable[..., dict[str, Any]]


class AttributionComponent:
    """Finds statements and sources and stores them on the Doc."""

    def __init__(
        self,
        nlp: Language,
        name: str,
        *,
        span_keys: dict[str, str],
        settings: Settings,
        scorer: Scorer_ | None = None,
    ) -> None:
        self.name = name
        self.span_keys = span_keys
        self.settings = settings
        self.scorer = scorer
        self._make_doc = nlp.make_doc
        self._vocab = nlp.vocab
        self.model = (
            f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name', '')}-{nlp.meta.get('version', '')}"
        )
        self._lemmatizer = nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.pipe_names else None
        self._nouns: frozenset[str] | None = None
        self.set_lexicon(default_lexicon())

    def known_nouns(self) -> frozenset[str]:
        """The English nouns the pipeline's rule lemmatizer knows (its ``lemma_index``), read
        once it has loaded its tables; none without one, which leaves every capitalised common
        noun as the tagger read it."""
        if self._nouns is None:
            try:
                table = self._lemmatizer.lookups.get_table("lemma_index")  # type: ignore[union-attr]
                self._nouns = frozenset(table["noun"])
            except (AttributeError, KeyError):
                self._nouns = frozenset()
        return self._nouns

    def set_lexicon(self, lexicon: Lexicon) -> None:
        """Use these word lists (and match their phrases) from now on."""
        self.lexicon = lexicon
        self.matcher = LexiconMatcher(self._vocab, lexicon, self._make_doc)

    def __call__(self, doc: Doc) -> Doc:
        matches = self.matcher(doc, self.known_nouns())
        extraction = extract(doc, self.lexicon, matches, self.settings)
        analysis = build_analysis(doc, extraction, self.lexicon, matches, self.model, self.settings)
        doc._.set(EXTENSION, analysis.to_dict())
        _store_spans(doc, analysis, self.span_keys)
        return doc

    def initialize(
        self,
        get_examples: Callable[[], Iterable[Example]] | None = None,  # noqa: ARG002
        *,
        nlp: Language | None = None,  # noqa: ARG002
        lexicon_dir: str | Path | None = None,
    ) -> None:
        """Load the word lists from ``lexicon_dir`` (the shipped ones when None). spaCy passes
        ``get_examples`` and ``nlp`` to every component; this one learns nothing from them."""
        self.set_lexicon(Lexicon.load(Path(lexicon_dir)) if lexicon_dir else default_lexicon())

    def score(self, examples: Iterable[Example], **kwargs: Any) -> dict[str, Any]:
        """Precision, recall and F1 of every span group against the reference Docs."""
        scorer = self.scorer or score_spans
        return scorer(examples, spans_keys=list(self.span_keys.values()), **kwargs)

    # -- serialization: the word lists travel with the pipeline -----------------------------

    def to_bytes(self, *, exclude: Sequence[str] = ()) -> bytes:  # noqa: ARG002
        return srsly.msgpack_dumps({"lexicon": dict(self.lexicon.files)})  # type: ignore[no-any-return]

    def from_bytes(
        self,
        data: bytes,
        *,
        exclude: Sequence[str] = (),  # noqa: ARG002
    ) -> AttributionComponent:
        self.set_lexicon(Lexicon.from_files(srsly.msgpack_loads(data)["lexicon"]))
        return self

    def to_disk(self, path: str | Path, *, exclude: Sequence[str] = ()) -> None:  # noqa: ARG002
        folder = ensure_path(path) / _LEXICON_FOLDER
        folder.mkdir(parents=True, exist_ok=True)
        for name, text in self.lexicon.files.items():
            (folder / name).write_text(text, encoding="utf-8")

    def from_disk(
        self,
        path: str | Path,
        *,
        exclude: Sequence[str] = (),  # noqa: ARG002
    ) -> AttributionComponent:
        self.set_lexicon(Lexicon.load(ensure_path(path) / _LEXICON_FOLDER))
        return self


def _span(doc: Doc, start: int, end: int, label: str) -> Span | None:
    return doc.char_span(start, end, label=label, alignment_mode="expand")


def _store_spans(doc: Doc, analysis: Analysis, keys: dict[str, str]) -> None:
    """Mirror the analysis as span groups, for displaCy and other spaCy tools."""
    types = {s.id: s.type for s in analysis.sources}
    groups: dict[str, list[Span | None]] = {key: [] for key in SPAN_KEYS}
    for st in analysis.statements:
        groups["content_key"].extend(_span(doc, p.start, p.end, st.kind) for p in st.pieces)
        if st.cue:
            groups["cues_key"].append(_span(doc, st.cue.start, st.cue.end, "cue"))
        if st.source_span:
            label = types.get(st.source_id or "", "unnamed")
            groups["sources_key"].append(
                _span(doc, st.source_span.start, st.source_span.end, label)
            )
    groups["unattributed_key"] = [
        _span(doc, u.start, u.end, u.marker) for u in analysis.unattributed
    ]
    for setting, spans in groups.items():
        key = keys[setting]
        doc.spans[key] = SpanGroup(doc, name=key, spans=[s for s in spans if s is not None])


def score_spans(
    examples: Iterable[Example], *, spans_keys: Sequence[str], **kwargs: Any
) -> dict[str, Any]:
    """spaCy's span scores (``spans_KEY_p``, ``_r``, ``_f``, ``_per_type``) for every key."""
    examples = list(examples)
    scores: dict[str, Any] = {}
    for key in spans_keys:
        scores.update(
            Scorer.score_spans(
                examples,
                f"spans_{key}",
                getter=_span_group,
                has_annotation=lambda doc, key=key: key in doc.spans,  # type: ignore[misc]
                labeled=True,
                allow_overlap=True,
                **kwargs,
            )
        )
    return scores


def _span_group(doc: Doc, attr: str) -> Iterable[Span]:
    """The span group a score attribute names ("spans_attrib_content")."""
    group: Iterable[Span] = doc.spans.get(attr.removeprefix("spans_"), [])
    return group


def make_spans_scorer() -> Scorer_:
    """The registered scorer ``attrib.spans_scorer.v1``: :func:`score_spans`."""
    return score_spans


registry.scorers.register("attrib.spans_scorer.v1", func=make_spans_scorer)


_SETTINGS = {f.name: f.default for f in fields(Settings)}


@Language.factory(
    "attribution",
    default_config={
        **SPAN_KEYS,
        **_SETTINGS,
        "scorer": {"@scorers": "attrib.spans_scorer.v1"},
    },
    requires=["token.dep", "token.lemma", "token.pos", "token.tag", "doc.ents", "doc.sents"],
    assigns=[f"doc._.{EXTENSION}", "doc.spans"],
    default_score_weights={f"spans_{SPAN_KEYS['content_key']}_f": 1.0},
)
def make_attribution(
    nlp: Language,
    name: str,
    content_key: str,
    cues_key: str,
    sources_key: str,
    unattributed_key: str,
    max_cue_gap_tokens: int,
    cue_lookback_chars: int,
    split_quote_window_chars: int,
    split_quote_gap_chars: int,
    continuation_reach_chars: int,
    min_quote_words: int,
    min_quote_clause_words: int,
    max_label_chars: int,
    max_label_words: int,
    min_label_content_words: int,
    max_post_chars: int,
    pronoun_reach: int,
    description_reach: int,
    lead_sentences: int,
    authors_reach: int,
    scorer: Scorer_ | None,
) -> AttributionComponent:
    """Factory for ``nlp.add_pipe("attribution", config={...})``.

    ``*_key`` name the span groups written (``doc.spans[...]``); the other settings bound the
    rules, each documented on :class:`attrib.analysis.extract.Settings`. Word lists are set by
    ``initialize(lexicon_dir=...)`` and saved with the pipeline.
    """
    settings = Settings(
        max_cue_gap_tokens=max_cue_gap_tokens,
        cue_lookback_chars=cue_lookback_chars,
        split_quote_window_chars=split_quote_window_chars,
        split_quote_gap_chars=split_quote_gap_chars,
        continuation_reach_chars=continuation_reach_chars,
        min_quote_words=min_quote_words,
        min_quote_clause_words=min_quote_clause_words,
        max_label_chars=max_label_chars,
        max_label_words=max_label_words,
        min_label_content_words=min_label_content_words,
        max_post_chars=max_post_chars,
        pronoun_reach=pronoun_reach,
        description_reach=description_reach,
        lead_sentences=lead_sentences,
        authors_reach=authors_reach,
    )
    span_keys = {
        "content_key": content_key,
        "cues_key": cues_key,
        "sources_key": sources_key,
        "unattributed_key": unattributed_key,
    }
    return AttributionComponent(nlp, name, span_keys=span_keys, settings=settings, scorer=scorer)
