"""Each attribution construction, on sentences written for these tests."""

from __future__ import annotations

import pytest

from attrib.results import Analysis, Statement


def only(analysis: Analysis) -> Statement:
    assert len(analysis.statements) == 1, [s.to_dict() for s in analysis.statements]
    return analysis.statements[0]


def assert_statement(st: Statement, kind: str, content: str, cue: str, source: str) -> None:
    """Kind, content, cue and local source mention, compared at once for a readable diff."""
    cue_text = st.cue.text if st.cue else None
    source_text = st.source_span.text if st.source_span else None
    assert (st.kind, st.content.text, cue_text, source_text) == (kind, content, cue, source)


def source_name(analysis: Analysis, st: Statement) -> str:
    src = analysis.source(st.source_id)
    assert src is not None
    return src.name


@pytest.mark.parametrize(
    ("text", "content", "cue", "source"),
    [
        (
            '"We will not raise taxes," the governor said.',
            '"We will not raise taxes,"',
            "said",
            "the governor",
        ),
        (
            "“The bridge reopens in May,” said Tom Baker.",
            "“The bridge reopens in May,”",
            "said",
            "Tom Baker",
        ),
        (
            'The mayor said: "The bridge will reopen in May."',
            '"The bridge will reopen in May."',
            "said",
            "The mayor",
        ),
        (
            "The coach told us, “We are going to win this one.”",
            "“We are going to win this one.”",
            "told",
            "The coach",
        ),
    ],
)
def test_direct_quotes_with_cue_before_or_after(analyze, text, content, cue, source) -> None:
    assert_statement(only(analyze(text)), "direct", content, cue, source)


def test_split_quote_is_one_statement_with_two_pieces(analyze) -> None:
    st = only(analyze('"The talks failed," she said, "and nobody knows what comes next."'))
    assert st.kind == "direct"
    assert [p.text for p in st.pieces] == [
        '"The talks failed,"',
        '"and nobody knows what comes next."',
    ]
    assert st.source_span is not None and st.source_span.text == "she"


def test_single_curly_quotes(analyze) -> None:
    st = only(analyze("‘We have run out of money for the school,’ the principal said."))
    assert st.kind == "direct"
    assert st.content.text == "‘We have run out of money for the school,’"


def test_quote_spanning_sentences(analyze) -> None:
    st = only(analyze('"The data are clear. Emissions are rising fast," said Alan Reed.'))
    assert st.content.text == '"The data are clear. Emissions are rising fast,"'
    assert (
        source_name(analyze('"The data are clear. Emissions are rising fast," said Alan Reed.'), st)
        == "Alan Reed"
    )


def test_quote_only_paragraph_continues_previous_speaker(analyze) -> None:
    a = analyze(
        "“I am stepping down,” Jones said.\n\n“It was a hard decision. My family comes first.”"
    )
    first, second = a.statements
    assert second.kind == "direct"
    assert second.cue is None and second.source_span is None
    assert second.source_id == first.source_id
    assert source_name(a, second) == "Jones"


@pytest.mark.parametrize(
    ("text", "content", "cue", "source"),
    [
        (
            "Maria Lopez told reporters that the wards were full.",
            "that the wards were full",
            "told",
            "Maria Lopez",
        ),
        (
            "The minister warned that prices would rise.",
            "that prices would rise",
            "warned",
            "The minister",
        ),
        (
            "The company denied that it had broken the law.",
            "that it had broken the law",
            "denied",
            "The company",
        ),
        (
            "The economy is slowing, the central bank said.",
            "The economy is slowing",
            "said",
            "the central bank",
        ),
        (
            "The senator wrote in a post that the vote had been rigged.",
            "that the vote had been rigged",
            "wrote",
            "The senator",
        ),
        (
            "The Guardian reported that the ship had sunk.",
            "that the ship had sunk",
            "reported",
            "The Guardian",
        ),
    ],
)
def test_reported_speech(analyze, text, content, cue, source) -> None:
    assert_statement(only(analyze(text)), "indirect", content, cue, source)


def test_according_to(analyze) -> None:
    a = analyze("The economy is slowing, according to analysts at the bank.")
    st = only(a)
    assert st.cue is not None and st.cue.text == "according to"
    assert st.content.text == "The economy is slowing"
    assert st.source_span is not None and st.source_span.text == "analysts at the bank"
    src = a.source(st.source_id)
    assert src is not None and (src.type, src.entity) == ("unnamed", "group")


def test_according_to_that_the_parser_takes_for_the_root(analyze) -> None:
    """The parser can hang the whole sentence on "according"; the claim is still the rest."""
    text = (
        "Among the legislators who have backed a candidate, Klobuchar and Warren lead, "
        "followed by Biden, according to the county party."
    )
    st = only(analyze(text))
    assert st.cue is not None and st.cue.text == "according to"
    assert st.content.text.startswith("Among the legislators who have backed a candidate")


def test_as_outlet_reported(analyze) -> None:
    a = analyze("As Reuters reported on Monday, the factory closed.")
    st = only(a)
    assert st.content.text == "the factory closed"
    src = a.source(st.source_id)
    assert src is not None and src.type == "outlet"


def test_passive_by_agent(analyze) -> None:
    a = analyze("The merger was first reported by Bloomberg News.")
    st = only(a)
    assert st.cue is not None and st.cue.text == "reported"
    src = a.source(st.source_id)
    assert src is not None and (src.name, src.type) == ("Bloomberg News", "outlet")


def test_a_passive_hearer_is_no_claim(analyze) -> None:
    st = only(analyze("He was told by police that the road was closed."))
    assert st.content.text == "that the road was closed"


def test_mixed_reported_speech_with_quoted_fragment(analyze) -> None:
    st = only(analyze('The senator said the vote was "a disgrace to democracy."'))
    assert st.kind == "mixed"
    assert st.content.text == 'the vote was "a disgrace to democracy."'


def test_citing_builds_a_chain(analyze) -> None:
    a = analyze(
        "The dam will be closed. This was reported by the Financial Times, "
        "citing two people familiar with the deal."
    )
    st = only(a)
    assert st.content.text == "The dam will be closed"
    src = a.source(st.source_id)
    assert src is not None and (src.type, src.entity) == ("unnamed", "group")
    relays = [a.source(v) for v in st.via]
    assert [(r.name, r.type) for r in relays if r] == [("Financial Times", "outlet")]


def test_publication_quotes_source(analyze) -> None:
    a = analyze(
        "Politico said a senior aide had resigned. The deal is off - the publication quotes the aide."
    )
    last = a.statements[-1]
    assert last.cue is not None and last.cue.text == "quotes"
    assert last.content.text == "The deal is off"
    src = a.source(last.source_id)
    assert src is not None and src.type == "unnamed"
    assert [a.source(v).name for v in last.via] == ["Politico"]  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("text", "marker"),
    [
        ("The project was allegedly funded by offshore firms.", "allegedly"),
        ("The mine reportedly employs children.", "reportedly"),
        ("It was reported that the border would close.", "It was reported"),
        ("It is indicated that the talks will resume.", "It is indicated"),
    ],
)
def test_hedged_claims_are_unattributed_not_sourced(analyze, text, marker) -> None:
    a = analyze(text)
    assert a.statements == ()
    assert a.sources == ()
    assert [u.marker for u in a.unattributed] == [marker]
    assert a.unattributed[0].text == text.rstrip(".")


def test_pronoun_and_surname_resolve_to_full_name(analyze) -> None:
    a = analyze(
        "Jane Miller, the city's treasurer, said the budget was balanced. "
        "She added that reserves had grown. Later, Miller said taxes would fall."
    )
    ids = {st.source_id for st in a.statements}
    assert len(a.statements) == 3 and len(ids) == 1
    src = a.source(ids.pop())
    assert src is not None and (src.name, src.type, src.entity) == (
        "Jane Miller",
        "named",
        "person",
    )
    assert [m.text for m in src.mentions][1:] == ["She", "Miller"]


@pytest.mark.parametrize(
    ("text", "name", "source_type"),
    [
        (
            "Mayor Jane Doe said the bridge would reopen in May. "
            "The mayor added that repairs had cost less than expected.",
            "Jane Doe",
            "named",
        ),
        (
            "Acme chief executive Mary Lee said profits rose. "
            "The executive also said that jobs would be cut.",
            "Mary Lee",
            "named",
        ),
        (
            "The team's coach, John Smith, said the team was ready. "
            "The coach added that two players were injured.",
            "John Smith",
            "named",
        ),
        (
            # a spokesperson is the organization on the record (the sourcing conventions)
            "A spokesman for the ministry said the talks had failed. "
            "The spokesman added that a new round was planned.",
            "ministry",
            "named",
        ),
    ],
)
def test_role_noun_refers_back_to_the_person_it_introduced(
    analyze, text: str, name: str, source_type: str
) -> None:
    a = analyze(text)
    assert len(a.statements) == 2
    assert a.statements[0].source_id == a.statements[1].source_id
    src = a.source(a.statements[0].source_id)
    assert src is not None and (src.name, src.type) == (name, source_type)


def test_qualified_role_noun_is_someone_else(analyze) -> None:
    a = analyze(
        "Mayor Jane Doe said the bridge would reopen. "
        "The mayor of the next town said the bridge was unsafe."
    )
    assert len({st.source_id for st in a.statements}) == 2


def test_definite_description_refers_back_to_unnamed_source(analyze) -> None:
    a = analyze(
        "A diplomat familiar with the talks said the ceasefire would hold. "
        "The source added that monitors would arrive next week."
    )
    first, second = a.statements
    assert first.source_id == second.source_id
    src = a.source(first.source_id)
    assert src is not None and src.type == "unnamed"


def test_coordinated_sources(analyze) -> None:
    a = analyze(
        "According to a lawyer close to the family and a police officer familiar with the case, "
        "the suspect was released."
    )
    st = only(a)
    assert st.source_id is not None and len(st.co_source_ids) == 1
    names = [a.source(i).name for i in (st.source_id, *st.co_source_ids)]  # type: ignore[union-attr]
    assert names == ["lawyer close to the family", "police officer familiar with the case"]


def test_institutions_are_named_organizations(analyze) -> None:
    a = analyze("Police said the suspect fled on foot. The ministry said it would appeal.")
    types = {(s.name, s.type, s.entity) for s in a.sources}
    assert ("Police", "named", "organization") in types
    assert ("ministry", "named", "organization") in types


def test_paragraph_breaks_and_headlines_split_sentences(analyze) -> None:
    a = analyze("Storm hits coast\n\nThe storm destroyed homes, officials said.")
    st = only(a)
    assert st.content.text == "The storm destroyed homes"


def test_text_without_attribution_is_empty(analyze) -> None:
    a = analyze("The river rose overnight and flooded the valley.")
    assert (a.statements, a.sources, a.unattributed) == ((), (), ())


def test_doubled_apostrophes_are_quotation_marks(analyze) -> None:
    st = only(analyze("''We are out of options,'' the mayor said."))
    assert st.kind == "direct"
    assert st.content.text == "''We are out of options,''"
    assert st.source_span is not None and st.source_span.text == "the mayor"


def test_source_with_appositive_keeps_its_closing_comma(analyze) -> None:
    st = only(analyze("Ann Ortiz, a lawyer for the union, said that the strike would end."))
    assert st.source_span is not None
    assert st.source_span.text == "Ann Ortiz, a lawyer for the union,"
    assert st.content.text == "that the strike would end"


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        (
            "The mayor defended the budget, arguing that the cuts were necessary.",
            "arguing",
            "that the cuts were necessary",
        ),
        (
            "The coach answered critics by saying that the team was improving.",
            "saying",
            "that the team was improving",
        ),
    ],
)
def test_participle_cue_takes_the_main_clause_subject(analyze, text, cue, content) -> None:
    a = analyze(text)
    st = next(s for s in a.statements if s.cue is not None and s.cue.text == cue)
    assert st.content.text == content
    assert st.source_span is not None and st.source_span.text.split()[-1] in ("mayor", "coach")


@pytest.mark.parametrize(
    ("text", "cue", "content", "source"),
    [
        (
            "The senator criticized the new law as a giveaway.",
            "criticized",
            "the new law as a giveaway",
            "The senator",
        ),
        (
            "The governor called the decision a mistake.",
            "called",
            "the decision a mistake",
            "The governor",
        ),
        ("The union called for higher wages.", "called for", "higher wages", "The union"),
        (
            "The group spoke about the risks of the dam.",
            "spoke about",
            "the risks of the dam",
            "The group",
        ),
        (
            "The company plans to open two new stores.",
            "plans",
            "to open two new stores",
            "The company",
        ),
    ],
)
def test_object_and_intention_contents(analyze, text, cue, content, source) -> None:
    st = only(analyze(text).scoped("all"))
    assert st.kind == "indirect"
    assert st.cue is not None and st.cue.text == cue
    assert st.content.text == content
    assert st.source_span is not None and st.source_span.text == source


def test_addressee_object_is_not_content(analyze) -> None:
    assert analyze("The minister told reporters.").statements == ()


def test_intention_inside_reported_speech_is_not_a_second_statement(analyze) -> None:
    st = only(analyze("The mayor said she wants to run again."))
    assert st.cue is not None and st.cue.text == "said"
    assert st.content.text == "she wants to run again"


def test_relative_pronoun_source_resolves_to_its_noun(analyze) -> None:
    a = analyze("The decision angered a local farmer, who said that the new fees were unfair.")
    st = only(a)
    assert st.source_span is not None and st.source_span.text == "who"
    src = a.source(st.source_id)
    assert src is not None and src.name == "local farmer"


def test_trailing_outlet_relay_after_a_citing_chain(analyze) -> None:
    a = analyze(
        "The ferry service will resume in April, the Kyiv Independent reported, "
        "citing a port official, Reuters reports."
    )
    st = only(a)
    assert st.content.text == "The ferry service will resume in April"
    assert a.source(st.source_id).name == "port official"  # type: ignore[union-attr]
    assert [a.source(v).name for v in st.via] == ["Kyiv Independent", "Reuters"]  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("text", "content", "cue", "source"),
    [
        (
            "The senator made the argument that taxes must fall.",
            "that taxes must fall",
            "argument",
            "The senator",
        ),
        (
            "Voters doubted her promise that the clinic would stay open.",
            "that the clinic would stay open",
            "promise",
            "her",
        ),
    ],
)
def test_noun_cues_with_a_that_clause(analyze, text, content, cue, source) -> None:
    statements = analyze(text).statements
    noun_cued = [s for s in statements if s.cue and s.cue.text == cue]
    assert len(noun_cued) == 1
    assert_statement(noun_cued[0], "indirect", content, cue, source)


def test_noun_cue_without_speaker_is_not_attributed(analyze) -> None:
    a = analyze("She rejected the suggestion that she would resign.")
    assert not [s for s in a.statements if s.cue and s.cue.text == "suggestion"]


def test_headline_label_gives_the_line_to_the_named_speaker(analyze) -> None:
    analysis = analyze(
        "Pence: The Guest Will Not Be at Tuesday’s Debate.\n\n"
        "Mike Pence said on Sunday that the invitation had been a joke."
    )
    first = analysis.statements[0]
    assert_statement(first, "indirect", "The Guest Will Not Be at Tuesday’s Debate", ":", "Pence")
    assert source_name(analysis, first) == "Mike Pence"  # the surname of a later full name
    assert analysis.source(analysis.statements[1].source_id) == analysis.source(first.source_id)


def test_transcript_turns_are_statements_of_their_speakers(analyze) -> None:
    analysis = analyze(
        "Partial transcript as follows:\n\n"
        '"WALLACE: Let’s start with the debate tomorrow night and the seats in the front row.\n\n'
        '"PENCE: Well, look, we are ready for it, and so is Donald Trump.\n\n'
        '"WALLACE: Will the guest actually be there?'
    )
    turns = [(source_name(analysis, st), st.content.text) for st in analysis.statements]
    assert turns == [
        ("WALLACE", "Let’s start with the debate tomorrow night and the seats in the front row"),
        ("PENCE", "Well, look, we are ready for it, and so is Donald Trump"),
        ("WALLACE", "Will the guest actually be there?"),
    ]
    assert all(st.cue is not None and st.cue.text == ":" for st in analysis.statements)


@pytest.mark.parametrize(
    "text",
    [
        "NEW DELHI: Heavy rain flooded the city's roads and schools on Monday morning.",
        "Update: This story was changed to add details of the council vote on Tuesday.",
        "Stealth Over Health: Clinton Was Headed to the Hospital but Turned Around.",
        "Two questions: Why would the council do that? And will the mayor be there?",
        "Note: the figures below are estimates from last year's survey of residents.",
    ],
)
def test_line_labels_that_name_no_speaker_give_no_statement(analyze, text: str) -> None:
    assert analyze(text).statements == ()


def test_the_reader_is_not_a_source(analyze) -> None:
    text = (
        "Hardly the thrill-seeking type, you could assume I would be out of place here. "
        '"You know the wine is good," the grower said.'
    )
    analysis = analyze(text)
    assert [st.source_span.text for st in analysis.statements if st.source_span] == ["the grower"]
    assert len(analysis.statements) == 1


@pytest.mark.parametrize(
    ("text", "source_type"),
    [
        ("The coach said the team was ready.", "named"),  # one identifiable office-holder
        ("The sheriff said the road would stay closed.", "named"),
        ("A coach said the team was ready.", "unnamed"),
        ("The official said the road would stay closed.", "unnamed"),  # hides who speaks
    ],
)
def test_definite_office_holder_is_named_and_anonymity_heads_are_not(
    analyze, text: str, source_type: str
) -> None:
    a = analyze(text)
    assert [s.type for s in a.sources] == [source_type]


@pytest.mark.parametrize(
    "text",
    [
        "A logistics manager at one of the carriers, who asked not to be named because she "
        "was not authorised to speak publicly, told reporters that ships might be diverted.",
        "A diplomat, who declined to be identified, said that the deal was off.",
    ],
)
def test_an_anonymity_request_is_not_a_statement(analyze, text: str) -> None:
    a = analyze(text)
    st = only(a)
    assert st.cue is not None and st.cue.text in ("told", "said")
    src = a.source(st.source_id)
    assert src is not None and src.type == "unnamed"
    assert "named" not in src.name and "identified" not in src.name  # the name stops at "who"
    assert st.source_span is not None and "who" in st.source_span.text  # the mention keeps it


def test_said_on_condition_of_anonymity_that_is_a_statement(analyze) -> None:
    st = only(analyze("The official said on condition of anonymity that the talks had failed."))
    assert_statement(st, "indirect", "that the talks had failed", "said", "The official")


def test_participial_phrase_after_the_source_is_not_part_of_it(analyze) -> None:
    st = only(analyze("Trump, speaking to a veterans group in Virginia, said the system failed."))
    assert_statement(st, "indirect", "the system failed", "said", "Trump")


def test_a_closing_mark_that_opens_a_paragraph_opens_its_quote(analyze) -> None:
    a = analyze(
        "”The plan confirms where he stands. He said it over and over.” ― Vera Cruz\n"
        "“I liked it a lot.” ― Tom Ames"
    )
    assert [(st.content.text, source_name(a, st)) for st in a.statements] == [
        ("”The plan confirms where he stands. He said it over and over.”", "Vera Cruz"),
        ("“I liked it a lot.”", "Tom Ames"),
    ]


@pytest.mark.parametrize(
    ("text", "cue", "source"),
    [
        (
            "Experts disagree. Said Ellis: “I am not sure she is interested in reform.”",
            "Said",
            "Ellis",
        ),
        (
            "The vote was close.\n\nSaid Senator Mary Hart: “We lost, and we know why.”",
            "Said",
            "Mary Hart",
        ),
        ("The plan failed. Added one aide: “It was doomed from the start.”", "Added", "aide"),
    ],
)
def test_a_cue_opening_its_sentence_is_followed_by_its_speaker(analyze, text, cue, source) -> None:
    a = analyze(text)
    st = a.statements[-1]
    quote = text[text.index("“") :]
    assert (st.content.text, st.cue.text if st.cue else None, source_name(a, st)) == (
        quote,
        cue,
        source,
    )


@pytest.mark.parametrize(
    ("text", "content", "source"),
    [
        # the parser hangs the cue on a time clause of the claim
        (
            "Three people were hurt when a lorry overturned on the motorway on Friday night, "
            "police said.",
            "Three people were hurt when a lorry overturned on the motorway on Friday night",
            "police",
        ),
        (
            "Troops have rescued 23 kidnapped students of a technical college in Kogi State, "
            "Premium Herald reported on Sunday, quoting a statement by the army spokesman.",
            "Troops have rescued 23 kidnapped students of a technical college in Kogi State",
            "statement by the army spokesman",
        ),
        # or takes the cue for a noun
        (
            "Rents in Dublin rose by 6.1 per cent in the year to June, figures from the "
            "Residential Tenancies Board show.",
            "Rents in Dublin rose by 6.1 per cent in the year to June",
            "figures from the Residential Tenancies Board",
        ),
        ("Waiting lists have fallen, the data show.", "Waiting lists have fallen", "data"),
        # or sets the speaker beside a noun of the claim, leaving the cue no subject
        (
            "Defender Luca Ferrante will join Corvo Milano on a four-year contract, a source "
            "close to the player said.",
            "Defender Luca Ferrante will join Corvo Milano on a four-year contract",
            "source close to the player",
        ),
        (
            "Unemployment rose in March, figures released by Statistics Norway show.",
            "Unemployment rose in March",
            "figures",
        ),
    ],
)
def test_a_cue_closing_a_long_sentence_after_a_comma(analyze, text, content, source) -> None:
    a = analyze(text)
    st = only(a)
    assert (st.content.text, source_name(a, st)) == (content, source)
