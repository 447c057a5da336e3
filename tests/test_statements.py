"""What counts as a statement, and what does not: the constructions of the annotation guide
(benchmarks/gold/ANNOTATION.md), each pinned with sentences written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from attrib.results import Analysis, Statement

Analyze = Callable[[str], Analysis]


def contents(a: Analysis) -> list[str]:
    return [" … ".join(p.text for p in st.pieces) for st in a.statements]


def speaker(a: Analysis, st: Statement) -> str | None:
    src = a.source(st.source_id)
    return src.name if src else None


@pytest.mark.parametrize(
    ("text", "cls"),
    [
        ("The senator believes that the bill will pass.", "belief"),
        ("The researchers found that the birds had moved north.", "belief"),
        ("The family learned that their son had been arrested.", "belief"),
        ("The company plans to open two new stores.", "intention"),
        ("The union called for higher wages.", "intention"),
        ("The council urged residents to stay indoors.", "intention"),
        ("The governor vowed to veto the bill.", "intention"),
        ("The mayor suggested that the council postpone the vote.", "intention"),
        ("The coach suggested moving the game to Sunday.", "intention"),
        ("She insisted that he leave.", "intention"),
        ("The senator criticized the new law.", "attitude"),
        ("The minister revealed her plans to her colleagues.", "attitude"),
        ("The group spoke about the risks of the dam.", "attitude"),
        ("Reporters asked whether the plant would close.", "question"),
        ("The minister did not say that taxes would rise.", "unasserted"),
        ("No one said that the plant would close.", "unasserted"),
        ("The mayor could say that the budget is balanced.", "unasserted"),
        ("The company will announce that it has a new owner.", "unasserted"),
        ("If the minister said that publicly, she would be fired.", "unasserted"),
        ("The premier stopped short of saying the election would be called.", "unasserted"),
        ("Did the minister say the tax would rise?", "unasserted"),
        ("Who said the season was over?", "unasserted"),
        ("Workers who fail to tell their bosses that they are sick face a fine.", "unasserted"),
        ("The mayor would like to say that the budget is balanced.", "unasserted"),
        ("I argue that the policy has failed.", "author"),
        ('Your column "about the voters on the deficit" helps me understand why.', "author"),
    ],
)
def test_attributions_that_are_not_statements(analyze: Analyze, text: str, cls: str) -> None:
    a = analyze(text)
    assert a.statements == ()
    assert [o.cls for o in a.others] == [cls]
    assert a.summary.statements == 0 and a.summary.others == 1


@pytest.mark.parametrize(
    ("text", "cls", "content"),
    [
        ("The minister said that taxes would rise.", "speech", "that taxes would rise"),
        ("Police denied that the officer had fired.", "speech", "that the officer had fired"),
        ("The governor called the decision a mistake.", "speech", "the decision a mistake"),
        (  # the quoted predicate, which the parser sets beside the object
            'The shadow minister called the plans "a developers\' charter".',
            "speech",
            'the plans "a developers\' charter"',
        ),
        ("The economy, as the minister put it, is a mess.", "speech", "The economy … is a mess"),
        (
            "Building the dam, the engineers note, requires careful planning.",
            "speech",
            "Building the dam … requires careful planning",
        ),
        (
            "The chief executive put it simply: the plant is not to blame.",
            "speech",
            "the plant is not to blame",
        ),
        (
            "The Daily Ledger reported that the mill would close.",
            "report",
            "that the mill would close",
        ),
        ("A new study shows that the lake is warming.", "document", "that the lake is warming"),
        (
            "The report found that the agency had ignored warnings.",
            "document",
            "that the agency had ignored warnings",
        ),
        ("He went on to say that the plan had failed.", "speech", "that the plan had failed"),
        ("The minister would only say that talks go on.", "speech", "that talks go on"),
        # a trailing cue the parser took for the clause of the verb before it
        (
            "Daniel Rask has asked for a trade, a source close to the player said Thursday.",
            "speech",
            "Daniel Rask has asked for a trade",
        ),
        # a habit of saying is saying
        ("Critics like to say that the plan has failed.", "speech", "that the plan has failed"),
        (
            "As she would later write, the war was already lost.",
            "speech",
            "the war was already lost",
        ),
        (
            "The duchess has hinted before that her health suffered.",
            "speech",
            "that her health suffered",
        ),
        ("The mayor admitted taking the money.", "speech", "taking the money"),
        ("The coach made clear that he would stay.", "speech", "that he would stay"),
        ("She made it clear that she would run again.", "speech", "that she would run again"),
        ("Post mortem tests showed high levels of the gas.", "document", "high levels of the gas"),
        (
            "The club said in a statement that its captain would miss two weeks.",
            "speech",
            "that its captain would miss two weeks",
        ),
        (
            "The mayor said on Monday after the meeting ended that the bridge would open.",
            "speech",
            "that the bridge would open",
        ),
        (
            "As Dana Kerr said of the old courthouse: \u201cThese halls were not built for "
            "people like me.\u201d",
            "speech",
            "\u201cThese halls were not built for people like me.\u201d",
        ),
        (
            "The club released a statement on Monday: \u201cWe are saddened by the news.\u201d",
            "speech",
            "\u201cWe are saddened by the news.\u201d",
        ),
        # a passive report closing the sentence is the claim's, not a relaying outlet's
        (
            "The company said three injuries were reported.",
            "speech",
            "three injuries were reported",
        ),
        # a negation inside the quotation is what was said, not a negated saying
        ('"Absolutely not," Mr Patel replied.', "speech", '"Absolutely not,"'),
        # what an outlet published, when the piece carries a claim
        (
            "The Wall Street Journal published an editorial blaming the state for the outages.",
            "report",
            "an editorial blaming the state for the outages",
        ),
        # a section label opening the line is no part of the claim
        ("READ MORE: Ford says the province will sue", "speech", "the province will sue"),
        # "that" read as the object of a relative clause it cannot be the object of
        (
            "The league said in a release that the game was postponed.",
            "speech",
            "that the game was postponed",
        ),
        # the tagger reads "state" after "documents" as a noun
        (
            "Court documents state that Halvorsen wired $2.3 million to Cyprus.",
            "document",
            "that Halvorsen wired $2.3 million to Cyprus",
        ),
        # held back, or hypothetical, only under the verb that holds it: these are said
        (
            "Even if officials say the plan works, voters disagree.",
            "speech",
            "the plan works",
        ),
        (
            "Critics could not resist pointing out that the plan had failed.",
            "speech",
            "that the plan had failed",
        ),
        (
            'Harry declined, saying "I am not comfortable with that."',
            "speech",
            '"I am not comfortable with that."',
        ),
        # the denial is said; what he denies saying is not
        (
            "Reyes denied saying that the governor was corrupt.",
            "speech",
            "saying that the governor was corrupt",
        ),
        # a clause before a colon is no part of the claim after the cue
        (
            "It was another round of fireworks: Republicans said the inquiry was botched.",
            "speech",
            "the inquiry was botched",
        ),
        # an aside before the cue is no part of the claim after it
        (
            "That said, the chief executive said profits would recover.",
            "speech",
            "profits would recover",
        ),
        # what news media have learned is their report
        ("NBC News has learned that the talks failed.", "report", "that the talks failed"),
        # a plural after a quantity is no subjunctive: only a verb of asking takes one
        (
            "A poll by Ipsos found that 58 per cent of Canadians support the plan.",
            "document",
            "that 58 per cent of Canadians support the plan",
        ),
        # the parser hangs the clause under the hearer or under "an interview"
        (
            "The minister told the BBC's Today programme that the strike was illegal.",
            "speech",
            "that the strike was illegal",
        ),
        (
            "Jane Roe told The Globe and Mail in an interview that she would run.",
            "speech",
            "that she would run",
        ),
    ],
)
def test_statements_and_their_class(analyze: Analyze, text: str, cls: str, content: str) -> None:
    a = analyze(text)
    assert contents(a) == [content]
    assert a.statements[0].cls == cls


def test_another_speaker_set_against_a_claim_is_not_part_of_it(analyze: Analyze) -> None:
    a = analyze(
        "The prosecutor argued that the defendant had planned the robbery, while the defence "
        "lawyer said his client was coerced."
    )
    assert contents(a) == ["that the defendant had planned the robbery", "his client was coerced"]


def test_a_clause_before_a_semicolon_is_not_the_next_cues_claim(analyze: Analyze) -> None:
    a = analyze("Dana Kerr calls it a mistake; she also notes that the budget was cut twice.")
    assert contents(a) == ["it a mistake", "that the budget was cut twice"]


def test_a_quotation_is_speech_whatever_its_cue(analyze: Analyze) -> None:
    a = analyze('"We will never give up this fight," the senator vowed.')
    assert [(st.kind, st.cls) for st in a.statements] == [("direct", "speech")]


def test_scope_all_counts_every_attribution(analyze: Analyze) -> None:
    a = analyze("The senator said the bill would pass. She believes it will help farmers.")
    assert [st.cls for st in a.statements] == ["speech"]
    everything = a.scoped("all")
    assert [st.cls for st in everything.statements] == ["speech", "belief"]
    assert everything.summary.statements == 2


@pytest.mark.parametrize(
    ("text", "cue", "source"),
    [
        (
            "A spokesperson for the airline declined to comment.",
            "declined to comment",
            "spokesperson for the airline",
        ),
        ("The company did not respond to a request for comment.", "did not respond", "company"),
        ("Smith could not be reached for comment on Tuesday.", "could not be reached", "Smith"),
        (
            "Police would not say whether anyone had been arrested.",
            "would not say whether",
            "police",
        ),
        (
            "The ministry was not immediately available for comment.",
            "was not immediately available for comment",
            "ministry",
        ),
        (
            "The mayor's office declined to say how much the repairs would cost.",
            "declined to say",
            "mayor's office",
        ),
    ],
)
def test_no_comment_events(analyze: Analyze, text: str, cue: str, source: str) -> None:
    a = analyze(text)
    assert a.statements == ()
    assert [e.cue.text for e in a.no_comment] == [cue]
    src = a.source(a.no_comment[0].source_id)
    assert src is not None and src.name.lower() == source.lower()
    assert a.summary.no_comment == 1 and a.summary.declined == 1


def test_no_comment_beside_a_statement(analyze: Analyze) -> None:
    a = analyze(
        "The firm declined to comment on the lawsuit. Its lawyer, Ann Ruiz, said the claims were false."
    )
    assert contents(a) == ["the claims were false"]
    assert [e.cue.text for e in a.no_comment] == ["declined to comment"]


def test_the_question_put_is_not_the_answer(analyze: Analyze) -> None:
    a = analyze("Asked whether the plan was dead, the minister said it was not.")
    assert contents(a) == ["it was not"]
    assert [o.cls for o in a.others] == ["question"]


def test_a_quoted_answer_after_the_question_is_the_statement(analyze: Analyze) -> None:
    a = analyze('Asked about the budget, Dana Kerr said, "We are not going into that."')
    assert contents(a) == ['"We are not going into that."']


@pytest.mark.parametrize("name", ["O'Brien", "D\u2019Angelo", "Brind'Amour"])
def test_a_name_with_an_apostrophe_speaks(analyze: Analyze, name: str) -> None:
    a = analyze(f"{name} added that the team was proud of the win.")
    assert len(a.statements) == 1
    source = a.source(a.statements[0].source_id)
    assert source is not None and (source.name, source.type) == (name, "named")


@pytest.mark.parametrize(
    "text",
    [
        "These messages add a sense of urgency to the campaign.",
        "The drop offers a chance for buyers.",
        "That said, the results were mixed.",
        "This suggests that the tool was made by hand.",
        "It was for these reasons that the variety was declared extinct by the 1970s.",
        "The lawmaker, who is supporting the report, left early.",
        "But this result was mostly explained statistically by the measure of perceptiveness.",
        "She put it in the drawer.",
        "The launch went according to plan.",
        # a relative clause on a cause, not a speaker ("a story ..., which said" is one)
        "My father died of brain cancer, which confirmed what I always knew.",
        "As noted above, the figures exclude Quebec.",  # the writer's cross-reference
        # a quotation ending a phrase after a cue of no speech is no one's statement
        'Millions identify as Indigenous due to their descent "from the first peoples."',
        "According to tradition, the mayor cuts the ribbon.",
        # a list of what someone does, its subject left out: "Keeps" is the verb, no speaker
        "Imagine that she:\n\nKeeps saying she opposed the war, when there are clips of her.",
    ],
)
def test_non_speech_readings_of_cue_words(analyze: Analyze, text: str) -> None:
    assert analyze(text).statements == ()


@pytest.mark.parametrize(
    "text",
    [
        "EARNINGS: Profit rose sharply in the third quarter of the year.\n\nANALYST'S VIEWPOINT: The stock looks cheap at these levels.",
        "Background: Schools are experimenting with many new security tools.",
        "Header Image: A crowd gathers outside the court on a rainy morning.",
        # a dateline the tagger took for a name, a place where the text names it again
        "Juba: At least nine people were hurt when a bus left the road on Monday.\n\nThe bus was "
        "travelling from Juba to the coast at the time.",
    ],
)
def test_section_labels_are_not_speakers(analyze: Analyze, text: str) -> None:
    assert analyze(text).statements == ()


def test_an_outlet_label_is_a_speaker(analyze: Analyze) -> None:
    a = analyze(
        "The Economist: Why did you coin a new term for it?\n\nMr Kent: Because the old one was worn out."
    )
    assert [(speaker(a, st), a.source(st.source_id).type) for st in a.statements] == [  # type: ignore[union-attr]
        ("The Economist", "outlet"),
        ("Kent", "named"),
    ]


def test_a_label_with_an_honorific_is_the_person_named_in_full(analyze: Analyze) -> None:
    """The tagger may miss "Mr Malone" before a colon; the article spells out "Thomas Malone"."""
    a = analyze(
        "Thomas Malone wrote a book about groups.\n\nMr Malone: Markets are one of the five "
        "types of decision-making superminds I describe in the book. And there is a precise "
        "sense in which markets give the most freedom."
    )
    assert [speaker(a, st) for st in a.statements] == ["Thomas Malone"]


def test_a_quotation_signed_with_a_dash_and_a_name_is_that_persons(analyze: Analyze) -> None:
    a = analyze(
        "What readers told us about the new bridge.\n\n"
        "\u201cThe bridge will cut my commute in half.\u201d \u2015 Maria Lopez\n"
        "\u201cIt is too expensive for a town this size.\u201d\u2014 Tom Becker\u00a0\n"
        "\u201cWe need more buses.\u201d \u2015 Ann Cole, 45, Springfield\n\n"
        "\u201cIt is about time.\u201d \u2015 Raul Ortiz\n"
        "The bridge opens next year \u2014 Town Council"
    )
    signed = [(speaker(a, st), st.content.text) for st in a.statements]
    assert signed == [
        ("Maria Lopez", "\u201cThe bridge will cut my commute in half.\u201d"),
        ("Tom Becker", "\u201cIt is too expensive for a town this size.\u201d"),
        ("Ann Cole", "\u201cWe need more buses.\u201d"),  # with an age and a place
        ("Raul Ortiz", "\u201cIt is about time.\u201d"),
    ]


def test_an_embedded_post_is_its_authors_statement(analyze: Analyze) -> None:
    a = analyze(
        "The ferry left at noon.\n\n"
        "Proud to see the new ferry sail today. A great day for the island. "
        "pic.twitter.com/AbCdEf123\n\n"
        "— Jane Roe (@janeroe) May 4, 2024\n\n"
        "The ferry returns on Friday."
    )
    assert [(speaker(a, st), st.content.text) for st in a.statements] == [
        ("Jane Roe", "Proud to see the new ferry sail today. A great day for the island"),
    ]


def test_a_byline_with_a_handle_is_no_post(analyze: Analyze) -> None:
    a = analyze("The ferry left at noon and returns on Friday.\n\n— Jane Roe (@janeroe) reported.")
    assert a.statements == ()


def test_a_nickname_that_closes_a_sentence_is_no_statement(analyze: Analyze) -> None:
    a = analyze(
        'The governor mocks the rival he calls "Little Tom." On Monday, the governor pointed '
        "to the rival's record."
    )
    assert a.statements == ()


@pytest.mark.parametrize(
    "text", ['"We won." Jane Smith said.', '"Never again," she said.', '"Why not?" he asked.']
)
def test_short_quotations_that_are_speech(analyze: Analyze, text: str) -> None:
    assert [st.kind for st in analyze(text).scoped("all").statements] == ["direct"]


def test_a_quotation_over_several_paragraphs_is_one_statement(analyze: Analyze) -> None:
    a = analyze(
        'The coach said: "We played badly tonight.\n\n'
        '"The defence was slow all game.\n\n'
        '"We will fix it in training."\n\n'
        '"It will take two years," the mayor said.\n\n'
        '"We start in May."'
    )
    assert [(speaker(a, st), len(st.pieces)) for st in a.statements] == [
        ("coach", 3),
        ("mayor", 1),
        ("mayor", 1),
    ]


def test_a_quotation_over_several_paragraphs_may_close_with_its_cue(analyze: Analyze) -> None:
    a = analyze(
        "Fire chief Dan Roy said crews were ready.\n\n"
        '"We have crews on standby around the clock.\n\n'
        '"We learned a lot last year," he said.\n\n'
        '"Stray mark at the start of a paragraph of narrative.\n\n'
        "“We are not tired,” Roy added."
    )
    assert {speaker(a, st) for st in a.statements} == {"Dan Roy"}
    # the open paragraph runs into the one its cue closes; a straight mark left open does not
    # run into a curly one
    assert [[p.text[:8] for p in st.pieces] for st in a.statements] == [
        ["crews we"],
        ['"We have', '"We lear'],
        ['"Stray m'],
        ["“We are "],
    ]


def test_a_quotation_after_a_colon_is_the_subjects(analyze: Analyze) -> None:
    a = analyze(
        '"He was brilliant," coach Rita Vance said. Quarterback Eli Tran was more modest: '
        '"The line gave me all day."'
    )
    assert [(speaker(a, st), st.content.text) for st in a.statements] == [
        ("Rita Vance", '"He was brilliant,"'),
        ("Eli Tran", '"The line gave me all day."'),
    ]
    assert analyze('It was simple: "Stay home."').statements == ()


def test_a_quotation_set_off_after_a_name_is_that_persons(analyze: Analyze) -> None:
    a = analyze(
        "A group of leading Democrats has made the same point, including the former senator "
        "Jane Roe -- ''It is wrong to hide the returns from voters'' -- and Tom Hale. Leading "
        'Democrats have made the same point, among them Ann Li ("It is wrong to hide the returns") '
        "and Tom Hale."
    )
    assert [(speaker(a, st), st.cue.text if st.cue else None) for st in a.statements] == [
        ("Jane Roe", "--"),
        ("Ann Li", "("),
    ]


def test_a_quote_goes_on_after_its_attribution(analyze: Analyze) -> None:
    a = analyze('"It is misleading," Marcus said. "I think they were overly cautious."')
    assert len(a.statements) == 1
    assert [p.text for p in a.statements[0].pieces] == [
        '"It is misleading,"',
        '"I think they were overly cautious."',
    ]


def test_the_speaker_goes_on_until_the_paragraph_ends(analyze: Analyze) -> None:
    a = analyze(
        'Dr Ruth Ames studies bees. "They are vanishing," she said. She paused. "Nobody listens."\n\n'
        'The mayor disagreed. "We have a plan," he said.'
    )
    assert [speaker(a, st) for st in a.statements] == ["Ruth Ames", "mayor"]
    assert a.statements[0].pieces[-1].text == '"Nobody listens."'


def test_a_quote_after_reported_speech_is_the_same_speaker(analyze: Analyze) -> None:
    a = analyze('The engineer said the test had failed. "We have to start over."')
    assert [speaker(a, st) for st in a.statements] == ["engineer", "engineer"]


@pytest.mark.parametrize(
    ("text", "content", "source"),
    [
        (
            "Speaking from a stage in Seattle, chief executive Satya Nadella said that the company would invest more.",
            "that the company would invest more",
            "Satya Nadella",
        ),
        (
            "Jane Ruiz chairs the board. In an interview with the BBC on Sunday, she said the talks had failed.",
            "the talks had failed",
            "Jane Ruiz",
        ),
    ],
)
def test_a_fronted_phrase_does_not_hide_the_cue(
    analyze: Analyze, text: str, content: str, source: str
) -> None:
    a = analyze(text)
    assert contents(a) == [content]
    assert speaker(a, a.statements[0]) == source


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("The plan was announced by the ministry on Monday.", "the ministry"),
        ("The study was criticized by fellow physicians.", "fellow physicians"),
        ("The plan was praised by a number of tax experts.", "a number of tax experts"),
    ],
)
def test_a_passive_agent_who_can_speak(analyze: Analyze, text: str, source: str) -> None:
    a = analyze(text).scoped("all")
    spans = [st.source_span.text for st in a.statements if st.source_span is not None]
    assert spans == [source]


def test_per_names_a_source(analyze: Analyze) -> None:
    a = analyze("Warren leads in New Hampshire, per a tally by the Concord Monitor.")
    assert contents(a) == ["Warren leads in New Hampshire"]
    assert a.statements[0].cue is not None and a.statements[0].cue.text == "per"
    assert analyze("Prices rose 5 per cent last year.").statements == ()


def test_accusing_someone_of_something_is_saying_it(analyze: Analyze) -> None:
    a = analyze('The opposition leader accused the government of "hiding the truth" about debt.')
    (st,) = a.statements
    assert (st.cls, st.cue.text if st.cue else None) == ("speech", "accused")
    assert " ".join(p.text for p in st.pieces) == '"hiding the truth" about debt'
    # the hearer of a verb of telling is no claim; what it is told about is no statement
    assert analyze("The mayor told reporters about the plan.").statements == ()


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The senator cited her years in the army.", "her years in the army"),
        ("The firm shut the plant, citing a threat to public health.", "a threat to public health"),
    ],
)
def test_citing_what_is_no_one_is_saying_it(analyze: Analyze, text: str, content: str) -> None:
    (st,) = analyze(text).statements
    assert (st.cls, st.content.text, st.via) == ("speech", content, ())


def test_a_speaking_participle_after_the_claim_is_the_speakers_next_statement(
    analyze: Analyze,
) -> None:
    a = analyze(
        "Analysts said exports had slowed sharply, citing the strength of the currency. "
        "Smith said the plant closed, costing 300 jobs."
    )
    assert [
        (st.cue.text if st.cue else None, st.content.text, speaker(a, st)) for st in a.statements
    ] == [
        ("said", "exports had slowed sharply", "Analysts"),
        ("citing", "the strength of the currency", "Analysts"),
        ("said", "the plant closed, costing 300 jobs", "Smith"),
    ]


@pytest.mark.parametrize(
    ("text", "cls"),
    [
        ("The appeals court found that the law was unconstitutional.", "speech"),
        ("The commission concluded that the airline had broken the rules.", "speech"),
        # a person's finding is a belief; finding oneself somewhere is no finding
        ("The researchers found that the birds had moved north.", "belief"),
        ("The agency found itself in the middle of the dispute.", None),
    ],
)
def test_a_bodys_finding_is_its_statement(analyze: Analyze, text: str, cls: str | None) -> None:
    a = analyze(text)
    assert [st.cls for st in (*a.statements, *a.others)] == ([cls] if cls else [])


def test_a_word_with_a_hyphenated_prefix_is_one_word(analyze: Analyze) -> None:
    (st,) = analyze("The league said in a statement that it would co-operate fully.").statements
    assert st.content.text == "that it would co-operate fully"


def test_regarding_is_a_preposition_even_where_parsed_as_a_verb(analyze: Analyze) -> None:
    text = 'Your column (Page B1, Jan. 15) regarding "the confusion about the results" helps.'
    assert analyze(text).statements == ()


@pytest.mark.parametrize(
    ("text", "content", "source"),
    [
        ("The bill is what critics call a power grab.", "a power grab", "critics"),
        ("The storm, which some are calling a hurricane, cut power.", "a hurricane", "some"),
    ],
)
def test_what_someone_calls_it_is_their_claim(
    analyze: Analyze, text: str, content: str, source: str
) -> None:
    (st,) = analyze(text).statements
    assert (st.content.text, speaker(analyze(text), st), st.cls) == (content, source, "speech")


@pytest.mark.parametrize(
    ("text", "content", "cue"),
    [
        # the parser joins the closing cue to the claim as a conjunct
        (
            "The Government will scrap the planned Auckland light rail project, Transport "
            "Minister Chris Ngata told the New Zealand Herald.",
            "The Government will scrap the planned Auckland light rail project",
            "told",
        ),
        (
            'The union described the decision as "a betrayal".',
            'the decision as "a betrayal"',
            "described",
        ),
        (
            "The High Court observed that a speedy trial is part of the right to life.",
            "that a speedy trial is part of the right to life",
            "observed",
        ),
    ],
)
def test_more_ways_of_saying(analyze: Analyze, text: str, content: str, cue: str) -> None:
    (st,) = analyze(text).statements
    assert (st.content.text, st.cue.text if st.cue else None, st.cls) == (content, cue, "speech")


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # made to speak: it was said
        (
            "The palace has been forced to deny that the prince is about to step down.",
            "that the prince is about to step down",
        ),
        # the British lobby's "briefed that"
        (
            "Allies of the prime minister briefed that the chancellor had lost the confidence "
            "of the cabinet.",
            "that the chancellor had lost the confidence of the cabinet",
        ),
    ],
)
def test_speech_reported_by_its_circumstances(analyze: Analyze, text: str, content: str) -> None:
    assert contents(analyze(text)) == [content]


def test_the_condition_of_anonymity_is_no_claim(analyze: Analyze) -> None:
    a = analyze(
        "The officials, who briefed reporters on the condition that they not be named, said the "
        "rules had been agreed with Japan."
    )
    assert contents(a) == ["the rules had been agreed with Japan"]
