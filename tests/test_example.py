"""The canonical example article must come out as the issue describes."""

from __future__ import annotations

from attrib.results import Analysis

PERSONS = ("Trump", "Witkoff", "Vance", "Rubio", "Kushner", "Dmitriev", "Zelenskyy")
PLACES = ("Ukraine", "Russia", "Kherson", "Zaporizhzhia")


def by_name(example: Analysis) -> dict[str, tuple[str, str, list[str]]]:
    return {s.name: (s.type, s.entity, [m.text for m in s.mentions]) for s in example.sources}


def test_no_named_person_or_place_is_a_source(example: Analysis) -> None:
    assert not [s for s in example.sources if s.type == "named"]
    for src in example.sources:
        assert src.name.split()[-1] not in PERSONS + PLACES, src


def test_outlets_with_their_anaphora(example: Analysis) -> None:
    sources = by_name(example)
    assert sources["NBC News"] == ("outlet", "organization", ["NBC News", "the publication"])
    assert sources["UNN"][0] == "outlet"
    assert sources["Axios"] == ("outlet", "organization", ["Axios", "The same publication"])


def test_unnamed_sources(example: Analysis) -> None:
    sources = by_name(example)
    official = sources["unnamed senior Trump administration official"]
    assert official[:2] == ("unnamed", "person")
    assert official[2] == [
        "an unnamed senior Trump administration official",
        "the source",
        "the interlocutor",
        "the official",
    ]
    assert sources["three American officials"][:2] == ("unnamed", "group")
    assert sources["source close to the Ukrainian government"][:2] == ("unnamed", "person")
    assert sources["European official familiar with the matter"][:2] == ("unnamed", "person")


def test_first_claim_is_relayed_by_nbc_and_unn(example: Analysis) -> None:
    first = example.statements[0]
    assert first.content.text.startswith("US President Donald Trump has approved a 28-point")
    source = example.source(first.source_id)
    assert source is not None and source.type == "unnamed"
    assert [example.source(v).name for v in first.via] == ["NBC News", "UNN"]  # type: ignore[union-attr]


def test_mixed_statement_from_the_same_publication(example: Analysis) -> None:
    mixed = [s for s in example.statements if s.kind == "mixed"]
    assert len(mixed) == 1
    assert '"unacceptable"' in mixed[0].content.text
    assert example.source(mixed[0].source_id).name == "Axios"  # type: ignore[union-attr]


def test_hedges_are_unattributed(example: Analysis) -> None:
    markers = [u.marker for u in example.unattributed]
    assert markers == ["It is indicated", "allegedly"]


def test_breakdown_rests_entirely_on_unnamed_sources_and_outlets(example: Analysis) -> None:
    summary = example.summary
    assert summary.statements_by_type["named"] == 0
    assert summary.statements_by_type["unnamed"] == 5
    assert summary.statements_by_type["outlet"] == 2
    assert summary.share("named") == 0.0
    assert summary.unattributed == 2
