"""The spaCy components: ``attribution`` (the extractor) and ``attrib_paragraphs``.

Add them to any English pipeline with a parser and NER::

    nlp.add_pipe("attrib_paragraphs", before="parser")
    nlp.add_pipe("attribution")
    doc = nlp(text)
    doc._.attribution          # the JSON-ready dict of attrib.Analysis.to_dict()
    doc.spans["attrib_content"]  # content pieces, labelled direct / indirect / mixed

Results are stored as plain data so Docs survive ``nlp.pipe(n_process=...)``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import cast

from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span, SpanGroup

from ..results import Analysis
from .extract import extract
from .lexicon import Lexicon, default_lexicon
from .resolve import build_analysis

EXTENSION = "attribution"
SPAN_KEYS = ("attrib_content", "attrib_cues", "attrib_sources", "attrib_unattributed")

if not Doc.has_extension(EXTENSION):
    Doc.set_extension(EXTENSION, default=None)


class AttributionComponent:
    """Finds statements and sources and stores them on the Doc."""

    def __init__(self, nlp: Language, name: str, lexicon: Lexicon) -> None:
        self.name = name
        self.lexicon = lexicon
        self.model = (
            f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name', '')}-{nlp.meta.get('version', '')}"
        )

    def __call__(self, doc: Doc) -> Doc:
        analysis = build_analysis(doc, extract(doc, self.lexicon), self.lexicon, self.model)
        doc._.set(EXTENSION, analysis.to_dict())
        _store_spans(doc, analysis)
        return doc


def _span(doc: Doc, start: int, end: int, label: str) -> Span | None:
    return doc.char_span(start, end, label=label, alignment_mode="expand")


def _store_spans(doc: Doc, analysis: Analysis) -> None:
    """Mirror the analysis as span groups, for displaCy and other spaCy tools."""
    types = {s.id: s.type for s in analysis.sources}
    groups: dict[str, list[Span | None]] = {key: [] for key in SPAN_KEYS}
    for st in analysis.statements:
        groups["attrib_content"].extend(_span(doc, p.start, p.end, st.kind) for p in st.pieces)
        if st.cue:
            groups["attrib_cues"].append(_span(doc, st.cue.start, st.cue.end, "cue"))
        if st.source_span:
            label = types.get(st.source_id or "", "unnamed")
            groups["attrib_sources"].append(
                _span(doc, st.source_span.start, st.source_span.end, label)
            )
    groups["attrib_unattributed"] = [
        _span(doc, u.start, u.end, u.marker) for u in analysis.unattributed
    ]
    for key, spans in groups.items():
        doc.spans[key] = SpanGroup(doc, name=key, spans=[s for s in spans if s is not None])


@Language.factory(
    "attribution",
    default_config={"lexicon_dir": None},
    requires=["token.dep", "token.lemma", "token.pos", "doc.ents"],
    assigns=[f"doc._.{EXTENSION}"],
)
def make_attribution(nlp: Language, name: str, lexicon_dir: str | None) -> AttributionComponent:
    """Factory for ``nlp.add_pipe("attribution", config={"lexicon_dir": ...})``."""
    lexicon = Lexicon.load(Path(lexicon_dir)) if lexicon_dir else default_lexicon()
    return AttributionComponent(nlp, name, lexicon)


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
