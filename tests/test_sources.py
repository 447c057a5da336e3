"""Sources typed by evidence, resolved across the text, and chained: the conventions of the
README ("Sources") pinned with sentences written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from attrib.results import Analysis, Source

Analyze = Callable[[str], Analysis]


def sources(a: Analysis) -> list[tuple[str, str, str]]:
    """(name, type, entity) of the source of every statement, in order."""
    out = []
    for st in a.statements:
        src = a.source(st.source_id)
        assert src is not None, st
        out.append((src.name, src.type, src.entity))
    return out


def chain(a: Analysis) -> list[list[str]]:
    """Every statement's source followed by its relays, nearest the source first."""
    out = []
    for st in a.statements:
        names = [a.source(sid) for sid in (st.source_id, *st.via)]
        out.append([s.name for s in names if isinstance(s, Source)])
    return out


@pytest.mark.parametrize(
    ("text", "name", "entity"),
    [
        ("Carolina coach Rod Brind'Amour said the team was tired.", "Rod Brind'Amour", "person"),
        ("Supt Peters said the road would stay closed.", "Peters", "person"),
        # a wire story's dateline is no part of the sentence after it
        (
            "OTTAWA (AP) — Conservative Leader Pierre Poilievre said Wednesday his party "
            "would force an early election.",
            "Pierre Poilievre",
            "person",
        ),
        (
            "KYIV, Ukraine (Reuters) - Mayor Vitali Klitschko said the city was calm.",
            "Vitali Klitschko",
            "person",
        ),
        # with a date and an agency, and no dash
        (
            "Patna, Jun 12 (PTI) Union Minister Rajesh Kumar Verma said the centres would open.",
            "Rajesh Kumar Verma",
            "person",
        ),
        # a title with a full stop ends no sentence
        ('"We are ready," said Det. Sgt. Paul Rourke.', "Paul Rourke", "person"),
        ('"We are ready," said Const. Mia Lowe of the OPP.', "Mia Lowe", "person"),
        ("Dr Okafor said the ward would reopen.", "Okafor", "person"),
        ("Company founder and CEO Mark Lee said growth was strong.", "Mark Lee", "person"),
        ("Epidemiologist Dr. Ian Bloom said the virus was spreading.", "Ian Bloom", "person"),
        ("The chief executive said margins would improve.", "chief executive", "person"),
        ("Senator from Texas says he will not back the bill.", "Senator", "person"),  # headline
        ("Goldman Sachs said in a statement that profits rose.", "Goldman Sachs", "organization"),
        (
            "A spokesperson for Acme Corp. said the recall was voluntary.",
            "Acme Corp.",
            "organization",
        ),
        ("Pagliano's lawyer said his client would not testify.", "Pagliano", "organization"),
        # researchers of a named body speak for its research
        (
            "Scientists at the University of Oxford said the vaccine works.",
            "Scientists at the University of Oxford",
            "group",
        ),
        ("NOAA researchers said the drought would continue.", "NOAA researchers", "group"),
        ("Analysts at JPMorgan said the shares were cheap.", "Analysts at JPMorgan", "group"),
        (
            "A Department of Health spokesperson said the rules would stay.",
            "Department of Health",
            "organization",
        ),
        (
            "A report by the United Nations found that hunger had doubled.",
            "report by the United Nations",
            "document",
        ),
        # the parser takes "WHO" for a relative pronoun
        ("A report by the WHO found that hunger had doubled.", "report by the WHO", "document"),
        (
            "A document on the Acme campaign's website states that the plan covers all parents.",
            "document on the Acme campaign's website",
            "document",
        ),
        ("The EU's statement said the deal was off.", "EU's statement", "document"),
        # a party by its name, with "the" ("Senate Republicans" are some of them)
        (
            "The Liberal Democrats said the plan had no new money.",
            "Liberal Democrats",
            "organization",
        ),
        # an issuer described, with its name set beside it
        (
            "Security forces used live ammunition, a report by the rights group Justice Watch "
            "said on Wednesday.",
            "report by the rights group",
            "document",
        ),
        # a party's spokesperson; a company's document with the company named before
        ("A Labour spokeswoman said the plan was costed.", "Labour", "organization"),
        (
            "Sable Corp. paid its chief $40 million, according to the company's annual filing.",
            "company's annual filing",
            "document",
        ),
        (
            "The CBO released a report on Monday. The report says the deficit will grow.",
            "report",
            "document",
        ),
        # with no article, too: "Video shows" after "Police released video"
        (
            "Tulsa police released video of the shooting. Video shows that he had his hands up.",
            "video",
            "document",
        ),
        ("Smith's wife said he was innocent.", "Smith's wife", "person"),
        ("His daughter said the trial had been unfair.", "His daughter", "person"),
        ("One of his lawyers, Jane Roe, said the appeal was filed.", "Jane Roe", "person"),
        (
            "Groups such as the ACLU said the law was unconstitutional.",
            "Groups such as the ACLU",
            "group",
        ),
        (
            "Several Republicans, including Mitt Romney, said the returns should be released.",
            "Several Republicans, including Mitt Romney",
            "group",
        ),
        # all the members of a named body speak as the body ("members of it" are some)
        (
            "The members of the Security Council said they would act.",
            "members of the Security Council",
            "group",
        ),
        ("The agency said the rules had changed.", "agency", "organization"),
        (
            "The regional health directorate said the road had been closed.",
            "regional health directorate",
            "organization",
        ),
        ("The family said in a statement that he was kind.", "family", "group"),
        (
            "According to a speech Mrs. Clinton delivered in July, taxes rose.",
            "speech",
            "document",
        ),
        ("The report, which the CBO released Monday, says the deficit grew.", "report", "document"),
        ("A report that Acme Corp. filed on Monday shows that sales fell.", "report", "document"),
        ("A paper by Jane Roe shows that the bees are declining.", "paper by Jane Roe", "document"),
        # what is taken from a document is the document's issuer's
        (
            "A chart from the IMF's latest outlook shows that growth will slow.",
            "chart from the IMF's latest outlook",
            "document",
        ),
        (
            "A graph in a report by Oxfam shows that inequality rose.",
            "graph in a report by Oxfam",
            "document",
        ),
        (
            "A slide from a presentation that Jane Roe circulated shows that exports grew.",
            "slide from a presentation that Jane Roe circulated",
            "document",
        ),
        # the participle hangs on the nearer noun; the recording is what the city released
        (
            "A recording of the meeting, released by the city, shows that the mayor shouted.",
            "recording",
            "document",
        ),
        (
            "The lawsuit, filed by the state of Texas, says the company misled consumers.",
            "lawsuit",
            "document",
        ),
        # research that appeared in a journal is its authors', not the journal's
        (
            "A 2014 study that appeared in the British Medical Journal found that half of the "
            "advice was wrong.",
            "2014 study",
            "document",
        ),
        # a law is on the record, and part of a document is its issuer's
        ("The new regulations state that bars must close at ten.", "new regulations", "document"),
        # a capitalised title set before the name it is given
        (
            "Norway's Foreign Minister, Clara Whitby, said the talks would resume.",
            "Clara Whitby",
            "person",
        ),
        (
            "The Kano State Police Public Relations Officer, Musa Danjuma, confirmed the arrest, "
            "saying the officer had been detained.",
            "Musa Danjuma",
            "person",
        ),
        # research published in a journal named beside its noun: its authors'
        (
            "Fish can go three years without food, according to a study published in the "
            "journal Proceedings of the Royal Society B.",
            "study",
            "document",
        ),
        (
            "A study published in the journal Nature found that bees are declining.",
            "study",
            "document",
        ),
        # the voice of a document speaks as the document
        (
            "“You pay your taxes, so why didn’t he pay his?” a narrator in the Clinton ad asks.",
            "Clinton ad",
            "document",
        ),
        (
            "Details of the legislation revealed that venues must close.",
            "Details of the legislation",
            "document",
        ),
    ],
)
def test_named(analyze: Analyze, text: str, name: str, entity: str) -> None:
    assert sources(analyze(text)) == [(name, "named", entity)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a body's staff or members speaking together, and those who speak for a person the
        # text describes, are on the record
        (
            "Analysts at Castlegate Securities said the warning was larger than expected.",
            ("Analysts at Castlegate Securities", "named", "group"),
        ),
        (
            "Observers from the European Democracy Mission said the vote was marred.",
            ("Observers from the European Democracy Mission", "named", "group"),
        ),
        (
            "The Whitcombe Museum will return the figures. The museum's trustees said there "
            "was no basis for keeping them.",
            ("museum's trustees", "named", "group"),
        ),
        (
            "A representative for the Grammy-nominated singer said the pair remain friends.",
            ("representative for the Grammy-nominated singer", "named", "person"),
        ),
        ("Riverton's transportation bureau said the firm owed the city money.", None),
        ("Administrators from Keswick Partners said they were exploring a sale.", None),
        # a document by the body the text is about, or by a name the tagger took for a noun
        ("The unit made a loss last year, according to a company filing.", None),
        ("The squad will leave on Monday, according to a PCB press release.", None),
        ("A letter from the joint venture warned that work could stop.", None),
        # a headline's bare role noun after its claim is the person named next
        (
            "Bakery hit by break-in, owner says it is the third this year\n\nA man was charged "
            "on Sunday. Bakery owner Marco Ferraro said he was tired.",
            ("Marco Ferraro", "named", "person"),
        ),
        (
            "Research by the Harwood Institute think tank found that one in five homes lost money.",
            ("Research by the Harwood Institute think tank", "named", "document"),
        ),
        # a headline's bare description is the body named next
        (
            "Drug slows decline in trial, company says\n\nBiotech firm Corvanta Therapeutics "
            "said on Monday its drug slowed decline. The study enrolled 412 patients, the "
            "company said.",
            ("Corvanta Therapeutics", "named", "organization"),
        ),
    ],
)
def test_on_the_record_though_no_person_is_named(
    analyze: Analyze, text: str, expected: tuple[str, str, str] | None
) -> None:
    found = sources(analyze(text))
    if expected is None:  # the type is what matters
        assert [t for _, t, _ in found] == ["named"]
    else:
        assert found == [expected] * len(found)


def test_another_part_of_the_same_document_is_its_issuers_but_not_another_poll(
    analyze: Analyze,
) -> None:
    a = analyze(
        "A slide from a presentation that Jane Roe and her aides carry with them as they "
        "travel shows what the car would cost under a tariff. Another slide shows that most "
        "avocados in the United States are grown in Mexico. A new poll by Pew Research shows "
        "that the senator leads by four points. Another poll shows that the race is tied."
    )
    assert [t for _, t, _ in sources(a)] == ["named", "named", "named", "unnamed"]


def test_a_cue_joined_to_the_claim_is_the_first_speakers(analyze: Analyze) -> None:
    a = analyze(
        "Health Minister Chikondi Banda said the number of new cases had begun to slow but "
        "warned that the rainy season could bring a second wave."
    )
    assert [name for name, _, _ in sources(a)] == ["Chikondi Banda", "Chikondi Banda"]


def test_a_document_of_the_same_kind_refers_back(analyze: Analyze) -> None:
    a = analyze(
        "The Office for National Statistics published figures on Wednesday. The data showed "
        "that unemployment rose."
    )
    assert sources(a) == [("figures", "named", "document")]


def test_a_documents_voice_is_the_document_named_before(analyze: Analyze) -> None:
    a = analyze(
        "The Clinton campaign released an ad on Monday. “If he thinks that makes him smart,” the "
        "ad’s narrator says, “what does he think of you?”"
    )
    assert sources(a) == [("ad", "named", "document")]


def test_the_statement_a_speaker_spoke_in_is_theirs(analyze: Analyze) -> None:
    a = analyze(
        "Acme Corp. said in a statement that sales fell. The statement added that costs rose."
    )
    assert sources(a)[1] == ("statement", "named", "document")


def test_a_spokesperson_for_a_named_person_is_on_the_record(analyze: Analyze) -> None:
    assert sources(analyze("A spokeswoman for Hillary Clinton said the email was private.")) == [
        ("spokeswoman for Hillary Clinton", "named", "person")
    ]


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        ("Officials said the bridge was unsafe.", "group"),
        ("A senior official said the plan was ready.", "person"),
        ("A source close to the minister said the plan was ready.", "person"),
        ("People familiar with the matter said the deal was close.", "group"),
        ("A person who asked not to be named said the deal was close.", "person"),
        ("Critics say the plan will fail.", "group"),
        ("Analysts said the shares were cheap.", "group"),
        ("Residents said the water was brown.", "group"),
        ("Some members of the Security Council said the vote was rushed.", "group"),
        ("Scientists said the vaccine works.", "group"),
        ("Researchers at a university in Texas said the vaccine works.", "group"),
        ("An analyst at JPMorgan said the shares were cheap.", "person"),  # one, not its research
        ("Tory MPs said the plan was rushed.", "group"),
        ("Several Labour MPs said the plan was rushed.", "group"),
        ("New data showed that prices rose.", "document"),
        ("Court documents show that the firm knew.", "document"),
        ("Records show the company paid no tax.", "document"),  # capitalised first: no name
        ("A lawyer familiar with the case said the deal was off.", "person"),
        ("A cousin said he was kind.", "person"),
        ("A memo obtained by the committee shows the plan was dropped.", "document"),
        ("Half of his advice is wrong, according to a British medical journal.", "document"),
        ("A chief executive said margins were thin.", "person"),
        ("A Labour MP said the reshuffle was a mess.", "person"),
        ("One Democratic congressman said the caucus was in revolt.", "person"),
        # one of a party or people, not named
        ("A Democrat said the bill was bad.", "person"),
        ("Senate Republicans said the bill was dead.", "group"),
        ("A senior Conservative said the target had been quietly abandoned.", "person"),
        ("A Labour MP, who did not want to be named, said the plan was a mess.", "person"),
        ("An official who wished not to be named said the plan was dead.", "person"),
        ("The report that Smith criticized says the deficit grew.", "document"),
        ("Comments from residents suggest the plan is unpopular.", "document"),
        # people, not numbers
        ("Senior Labour figures concede that the plans are not costed.", "group"),
        ("A chart in the report shows that prices rose.", "document"),
        # "those" with words of its own is people, anonymous ("this suggests" is no one)
        ("Those familiar with the talks said the deal was close.", "group"),
        ("Those who know him say he is tired.", "group"),
        ("An average of recent polls shows the race is tied.", "document"),
        ("The narrator of a new video says the town is dying.", "document"),
        # a document with a person set beside it is the document, not the person
        (
            "According to the charge sheet, Ali Swale, 52, committed the offence at the port.",
            "document",
        ),
    ],
)
def test_unnamed_only_on_evidence_of_anonymity(analyze: Analyze, text: str, entity: str) -> None:
    ((_, source_type, found),) = sources(analyze(text))
    assert (source_type, found) == ("unnamed", entity)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The Daily Courier reported that the mill would close.", "Daily Courier"),
        ("The Tribune-Herald reported that the bridge was closed.", "Tribune-Herald"),
        ("The newspaper Kommersant reported that talks had stalled.", "Kommersant"),
        ("The broadcaster RTL reported that the deal was done.", "RTL"),
        # a paper named by a demonym the tagger takes for a place
        ("The council voted. The Coloradoan reported that two cities would follow.", "Coloradoan"),
        # a UK scoop: the cue read as a noun takes the article
        ("The prime minister will resign next week, the Guardian understands.", "the Guardian"),
        # a name after a noun of news media, even one the tagger took for a person's
        ("Spies saw a risk, the German magazine Der Blick reported.", "Blick"),
        ("60 Minutes reported that the company had hidden losses.", "60 Minutes"),
        ("AnandTech reported that the drives would ship next year.", "AnandTech"),
        ("Local media reported that the mayor had resigned.", "Local media"),
        ("State media said the leader was ill.", "State media"),
        ("According to news reports, the deal was done.", "news reports"),
        ("According to Politico, the deal was off.", "Politico"),
        ("The news agency reported that the talks had failed.", "news agency"),
        # a programme named beside its noun, and a name that starts as broadcasters' do
        ("The mayor will resign, the radio programme Drivetime reported.", "Drivetime"),
        ("In a report on Tuesday, Radio Kestrel said 300 families had fled.", "Radio Kestrel"),
        ("According to the Iberica Press agency, the club will sell.", "Iberica Press agency"),
        ("City will bid for the striker, according to reports in Spain.", "reports"),
        ("The Times Union reported that the mayor had resigned.", "Times Union"),
        ("According to the Argus Leader, the mayor resigned.", "Argus Leader"),  # a local paper
        # a listed outlet the tagger took for a person
        ("The Herald Sun says the coach will be sacked.", "Herald Sun"),
        ("According to Sportsnet, the team will recall a defenceman.", "Sportsnet"),
        ("The Bay of Plenty Times said the mayor would not run again.", "Bay of Plenty Times"),
        ("The Times of India reported that the talks had failed.", "The Times of India"),
        ("The Northland Age reported that the mayor had resigned.", "Northland Age"),
        ("The Baltimore Banner reported that the mayor had vetoed the bill.", "Baltimore Banner"),
        ("WRAL reported that three people were injured.", "WRAL"),
        # a paper whose name the tagger reads as a nationality, in the subject of a publishing cue
        ("The Australian reported that the bill would pass.", "Australian"),
    ],
)
def test_outlets_listed_or_not(analyze: Analyze, text: str, name: str) -> None:
    assert sources(analyze(text)) == [(name, "outlet", "organization")]


def test_a_word_for_a_newspaper_is_the_outlet_named_before(analyze: Analyze) -> None:
    a = analyze(
        "The Millbrook Sentinel obtained the emails. The newspaper reported that the mayor knew."
    )
    assert sources(a) == [("Millbrook Sentinel", "outlet", "organization")]


def test_an_outlets_finding_is_its_report(analyze: Analyze) -> None:
    a = analyze("ProPublica found that the hospital had billed patients twice.")
    assert sources(a) == [("ProPublica", "outlet", "organization")]
    assert a.statements[0].cls == "report"


def test_an_outlet_noun_with_a_possessor_of_its_own_is_another_outlet(analyze: Analyze) -> None:
    a = analyze(
        "The Daily Courier reported that rents rose. The newspaper said fees rose. "
        "According to the university's student newspaper, fees rose."
    )
    assert [name for name, _, _ in sources(a)] == [
        "Daily Courier",
        "Daily Courier",
        "university's student newspaper",
    ]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("A Reuters survey found that turnout fell.", "Reuters survey"),
        ("A separate story reported that the deal was off.", "separate story"),
        ("The editorial argued that taxes must rise.", "editorial"),
        ("A report in Le Monde said the plan was dead.", "report in Le Monde"),
        (
            "An investigation by the Toronto Star found that the agency ignored warnings.",
            "investigation by the Toronto Star",
        ),
    ],
)
def test_what_an_outlet_publishes_is_the_outlets(analyze: Analyze, text: str, name: str) -> None:
    assert sources(analyze(text)) == [(name, "outlet", "document")]


def test_an_acronym_that_reports_is_an_outlet_not_a_person(analyze: Analyze) -> None:
    a = analyze("KNV reported on Monday that the port had reopened.")
    assert sources(a) == [("KNV", "outlet", "organization")]


def test_they_is_the_nearest_group_spoken_or_not(analyze: Analyze) -> None:
    a = analyze(
        "Officials said the plan was ready. Critics of the plan see trouble ahead. "
        "The cost is too high, they say."
    )
    assert sources(a)[-1] == ("Critics of the plan", "unnamed", "group")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Farmers marched on the capital on Monday. They say prices are too low.",
            ("Farmers", "unnamed", "group"),
        ),
        (
            "Opponents will ask the court to strike the rules down.\n\nTwelve states led by "
            "Ohio are challenging the rules.\n\nThey argue that the agency overstepped.",
            ("Twelve states led by Ohio", "named", "group"),
        ),
    ],
)
def test_they_is_the_group_that_is_subject_before(
    analyze: Analyze, text: str, expected: tuple[str, str, str]
) -> None:
    assert sources(analyze(text)) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Environment Agency issued 40 flood warnings. "
            "Those officials said rivers would peak on Saturday.",
            ("Environment Agency", "named", "organization"),
        ),
        (
            "Three officials spoke to reporters on Monday. These officials said the plan was dead.",
            ("Three officials", "unnamed", "group"),
        ),
        # pointing back with nothing to point at: not guessed into a fresh anonymous group
        ("These critics say the plan is flawed.", ("critics", "unresolved", "group")),
    ],
)
def test_these_or_those_points_back_as_they_does(
    analyze: Analyze, text: str, expected: tuple[str, str, str]
) -> None:
    assert sources(analyze(text)) == [expected]


def test_they_may_be_an_organization_the_subject_before(analyze: Analyze) -> None:
    a = analyze(
        "The Environment Agency issued 40 flood warnings. They said rivers would peak on Saturday."
    )
    assert sources(a) == [("Environment Agency", "named", "organization")]


def test_it_is_the_nearest_body_or_document_spoken_or_not(analyze: Analyze) -> None:
    a = analyze(
        "Acme said the seller was to blame. The appeals court did not agree with Acme. "
        "It noted that the goods were stored in an Acme warehouse."
    )
    assert sources(a)[-1] == ("appeals court", "named", "organization")


def test_a_pronoun_with_no_antecedent_is_unresolved(analyze: Analyze) -> None:
    a = analyze("He said the vote was rigged.")
    assert sources(a) == [("He", "unresolved", "person")]
    assert a.summary.statements_by_type["unresolved"] == 1 and a.summary.attributed == 0


def test_a_noun_of_time_is_no_speaker(analyze: Analyze) -> None:
    # the parser makes "time" the subject of "beginning to claim"
    a = analyze(
        "The first time she had met him, at a fair in May, she was just beginning to claim "
        "that many voters felt the same."
    )
    assert all(s.name != "first time" for s in a.sources)


def test_a_description_of_someone_the_text_never_named_is_unresolved(analyze: Analyze) -> None:
    a = analyze("The left-hander said he was happy. The official said the plan was dead.")
    # a description settles no one, but "official" is a mark of anonymity
    assert sources(a) == [
        ("left-hander", "unresolved", "person"),
        ("official", "unnamed", "person"),
    ]


def test_the_paper_is_the_study_named_before_not_a_newspaper(analyze: Analyze) -> None:
    a = analyze(
        "A paper by Jane Roe and colleagues shows that bees are declining. "
        "The paper says that pesticides are to blame. The Daily Ledger reported that rents rose. "
        "The paper says that taxes rose too."
    )
    assert [t for _, t, _ in sources(a)] == ["named", "named", "outlet", "outlet"]
    assert sources(a)[1] == ("paper by Jane Roe and colleagues", "named", "document")


def test_a_definite_document_with_nothing_to_refer_to_is_unresolved(analyze: Analyze) -> None:
    a = analyze("The report says the river is rising. A new study says it will rain.")
    assert sources(a) == [
        ("report", "unresolved", "document"),
        ("new study", "unnamed", "document"),
    ]


def test_a_speaker_after_the_verb_wins_over_a_misparsed_quotation(analyze: Analyze) -> None:
    a = analyze('"The plan is in trouble. Real trouble," said Dana Kerr, a council member.')
    assert sources(a) == [("Dana Kerr", "named", "person")]


def test_a_name_the_tagger_labelled_otherwise_later_is_the_same_person(analyze: Analyze) -> None:
    a = analyze(
        "Raquel Montoya-Lewis was sworn in on Monday. At a press conference, Montoya-Lewis said "
        "the court must change. A reporter asked Montoya-Lewis, \u201cWhat comes first?\u201d\n\n"
        "\u201cWe must listen to people first,\u201d she replied."
    )
    names = [name for name, _, _ in sources(a)]
    assert names == ["Raquel Montoya-Lewis", "reporter", "Raquel Montoya-Lewis"]


def test_he_shows_that_a_name_tagged_an_organization_is_a_person(analyze: Analyze) -> None:
    # en_core_web_sm labels this "Stiglitz" ORG; "he" settles it
    a = analyze("Stiglitz argues the rules failed; he adds that the fund should change course.")
    assert sources(a) == [("Stiglitz", "named", "person")] * 2


def test_she_shows_that_a_subject_tagged_an_organization_is_a_person(analyze: Analyze) -> None:
    # en_core_web_sm labels "Eleanor Thwaite" ORG; she has not spoken before "she"
    a = analyze(
        "Eleanor Thwaite spent 22 years as a nurse before running for office. On Monday she "
        "said she would stand down."
    )
    assert sources(a) == [("Eleanor Thwaite", "named", "person")]


def test_a_pronoun_after_a_spokesperson_is_the_spokespersons_body(analyze: Analyze) -> None:
    a = analyze(
        "Two patients died, a hospital spokeswoman said on Sunday. Eleven others were treated "
        "and released, she said. A spokesman for Acme said the plant would close. She said it "
        "was sad."
    )
    assert sources(a) == [
        ("hospital", "named", "organization"),
        ("hospital", "named", "organization"),
        ("Acme", "named", "organization"),
        ("hospital", "named", "organization"),  # the spokeswoman, not the spokesman
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Dana Kerr ran the council for years.\n\n"
            "\u201cMy view, that was a mistake,\u201d the former chairwoman said on Monday.",
            "Dana Kerr",
        ),
        (
            "Dana Kerr and Tom Hale met voters on Monday, each touting a record of service and "
            "saying the other lacks experience.",
            "Dana Kerr",
        ),
        (
            "At a press briefing, a reporter asked Dana Kerr, \u201cWhat went wrong?\u201d\n\n"
            "\u201cWe moved too slowly on the budget,\u201d she replied.",
            "Dana Kerr",
        ),
        # the parser set the speaker beside the last noun of the opening phrase
        (
            "Speaking at the Lumen developer conference in Tallinn, Oskari Vehmas, founder of "
            "the robotics firm Kinetra, said humanoid robots would work in warehouses soon.",
            "Oskari Vehmas",
        ),
        (
            "At a rally in Dayton, Ohio, Jane Roe, a senator, said the plant would stay open.",
            "Jane Roe",
        ),
    ],
)
def test_the_speaker_is_the_subject_the_construction_gives(
    analyze: Analyze, text: str, expected: str
) -> None:
    assert sources(analyze(text))[-1][0] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Acme Corp. closed its plant in Ohio on Monday. A spokesman said the workers would "
            "be paid.",
            ("Acme Corp.", "named", "organization"),
        ),
        (
            "Acme Corp. is cutting costs. The company will close the plant, a spokeswoman said.",
            ("Acme Corp.", "named", "organization"),
        ),
        (
            "General Motors cut jobs. A spokesman for the company said demand had fallen.",
            ("General Motors", "named", "organization"),
        ),
        ("A spokesman said the workers would be paid.", ("spokesman", "unnamed", "person")),
        (
            "Police arrested two men on Monday. A spokeswoman said both were charged.",
            ("Police", "named", "organization"),
        ),
        # a spokesperson whose body the mention gives speaks for that one, not the last named
        (
            "The army is investigating. A fire service spokesman said gas was to blame.",
            ("fire service", "named", "organization"),
        ),
        (
            "The army is investigating. A rebel spokesman said the army was lying.",
            ("rebel spokesman", "unnamed", "person"),
        ),
        (
            "Toyota recalled the cars on Monday. A company spokesman said the fault was fixed.",
            ("Toyota", "named", "organization"),
        ),
    ],
)
def test_a_spokesperson_speaks_for_the_organization_the_text_is_about(
    analyze: Analyze, text: str, expected: tuple[str, str, str]
) -> None:
    assert sources(analyze(text)) == [expected]


def test_a_name_the_tagger_took_for_a_common_noun_is_named(analyze: Analyze) -> None:
    a = analyze("Stiglitz calls the plan a mistake.")
    assert sources(a)[0][:2] == ("Stiglitz", "named")


def test_pronouns_agree_with_the_gender_the_text_gives(analyze: Analyze) -> None:
    a = analyze(
        "Prince Harry and Meghan, Duchess of Sussex, spoke to a reporter. "
        "Harry said the family had cut him off. She said she had felt alone. "
        "He added that he was still angry."
    )
    assert [name for name, _, _ in sources(a)] == ["Harry", "Meghan", "Harry"]


def test_a_bare_office_is_not_a_person_introduced_in_another(analyze: Analyze) -> None:
    a = analyze("Premier Doug Ford said the deal was off. The minister said it was back on.")
    assert sources(a) == [
        ("Doug Ford", "named", "person"),
        ("minister", "named", "person"),
    ]


def test_a_pronoun_is_not_the_person_its_claim_names(analyze: Analyze) -> None:
    a = analyze(
        "Andrew Hale was jailed in 2019. Michael Fitton, prosecuting, spoke to the court. "
        "He said that Hale had closed his business."
    )
    assert [name for name, _, _ in sources(a)] == ["Michael Fitton"]


def test_the_same_pronoun_twice_in_a_sentence_is_one_person(analyze: Analyze) -> None:
    a = analyze(
        "Tom Lee took over the farm in May. Although he sold his cattle to Bob Kent, who said "
        "the price was fair, he says that the farm is doing well."
    )
    assert [name for name, _, _ in sources(a)] == ["Bob Kent", "Tom Lee"]


def test_a_pronoun_takes_a_subject_of_its_own_sentence(analyze: Analyze) -> None:
    a = analyze(
        "The prince spoke first. When Meghan joined the family, she said, she gave up her passport."
    )
    assert sources(a)[-1][0] == "Meghan"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Former New York Mayor Michael R. Bloomberg spoke in Aspen. "
            "The former mayor argued that crime was down. The billionaire said he regretted it.",
            ["Michael R. Bloomberg", "Michael R. Bloomberg"],
        ),
        (
            "Jake Voracek scored twice. The 34-year-old said the team was ready.",
            ["Jake Voracek"],
        ),
        # a nationality for the player named before; a rank's role noun for the officer
        (
            "William Nylander scored twice. The Swede said the team was confident.",
            ["William Nylander"],
        ),
        (
            "Insp. Hugh Smith said the search was over. The officer said 60 people were held.",
            ["Hugh Smith", "Hugh Smith"],
        ),
        (
            "Destiny Whitehorse lost her home. The mother of three said it was hard.",
            ["Destiny Whitehorse"],
        ),
        # an epithet written as one word
        (
            'Aisha Khan, 52, runs a bakery. "We cannot survive," the mother-of-three said.',
            ["Aisha Khan"],
        ),
        (
            "Acme's chief executive, Mark Lee, spoke on Monday. The chief executive said "
            "margins would improve.",
            ["Mark Lee"],
        ),
        (
            "Jane Roe, a State Department official, said the talks were useful. The official "
            "added that more talks were planned.",
            ["Jane Roe", "Jane Roe"],
        ),
        ("One expert, economist Jane Roe of Acme Bank, said rates would rise.", ["Jane Roe"]),
        # a surname that looks like a plural
        ("Greg Sands owns the pub. Sands said trade was down.", ["Greg Sands"]),
        # a headline gives the surname first, the tagger taking it for a company
        (
            "Ford says province will sue over tariffs\n\nOntario Premier Doug Ford said on "
            "Monday that the province would sue.",
            ["Doug Ford", "Doug Ford"],
        ),
        (
            "Meghan, Duchess of Sussex, spoke on Sunday. The duchess said she was hurt.",
            ["Meghan"],
        ),
        (
            "Anthony Fauci spoke on Monday. Dr Fauci said the vaccine was safe.",
            ["Anthony Fauci"],
        ),
        (
            "Mr. Tanaka said the plant was safe. Kenji Tanaka runs the plant.",
            ["Kenji Tanaka"],
        ),
        (
            "Gustav Lloyd Agerblad got a tattoo. Agerblad said he likes it.",
            ["Gustav Lloyd Agerblad"],
        ),
        (
            "Montoya-Lewis joins the court. Judge Raquel Montoya-Lewis was sworn in on Monday. "
            "Montoya-Lewis said the court must change.",
            ["Raquel Montoya-Lewis"],
        ),
        (
            "Harry and Meghan met the press. The pair said they had moved to California.",
            ["Harry and Meghan"],
        ),
        (
            "Her former partner at Acme Bakery, Tom Hale, called her the best baker in town.",
            ["Tom Hale"],
        ),
        # a person introduced as the subject of the sentence before is the new topic
        (
            '"We are happy," said Jane Roe, a nurse at the hospital. "It has been a long year."'
            '\n\nHer colleague, Tom Hale, agreed. "We are tired," he said.',
            ["Jane Roe", "Tom Hale"],
        ),
        # delayed identification: a lead's description, named after it
        (
            "Ex-mayor backs the tram plan.\n\nA former Springfield mayor says the city should "
            'build the tram line now.\n\n"We waited too long," said Jane Roe, who led '
            "Springfield from 2001 to 2009.",
            ["Jane Roe", "Jane Roe"],
        ),
        (
            "A state judge has refused to delay the vote, saying the law is clear.\n\n"
            "Circuit Court Justice Ann Smith wrote that the county had missed its deadline.",
            ["Ann Smith", "Ann Smith"],
        ),
        # a headline's office without an article, named after it; then "the judge" is them
        (
            "Governor says the new bridge is a landmark\n\nThe bridge opened on Monday.\n\n"
            "Gov. Jay Inslee called it a landmark for the state.",
            ["Jay Inslee", "Jay Inslee"],
        ),
        (
            "Judge refuses to delay the county vote\n\nCircuit Court Justice Ann Smith wrote "
            "that the county had missed its deadline.\n\nThe judge said the law was clear.",
            ["Ann Smith", "Ann Smith"],
        ),
        (
            "Survey: Most parents back later school start.\n\nA new survey shows that most "
            "parents want classes to start after 9 a.m.\n\nThe Acme Institute survey, released "
            "on Monday, found that 64 percent of parents agreed.",
            ["Acme Institute survey", "Acme Institute survey", "Acme Institute survey"],
        ),
        # a clause set off by commas describes and does not pick out another person
        (
            "Dana Kerr will retire as chief executive of Orland Bank. The 64-year-old, who has "
            "led the bank since 2015, said it was time.",
            ["Dana Kerr"],
        ),
        # "former" makes an adviser the one who held the office
        (
            "Owen Hale, who served as national security adviser, writes that the plan failed. "
            "The former national security adviser says he resigned twice.",
            ["Owen Hale", "Owen Hale"],
        ),
        # the title before a surname belongs to its phrase: "The judge" is not Lang's title
        (
            "U.S. District Judge Andrea Holt sentenced former senator Curtis Lang on Wednesday. The "
            "judge said Lang had sold his office.",
            ["Andrea Holt"],
        ),
        # "who" after a name's appositive is the person named
        (
            "Obama has had a frosty relationship with Mitch McConnell, now the majority leader, "
            "who in 2010 said his goal was to make Obama a one-term president.",
            ["Mitch McConnell"],
        ),
        # a title inside a name the tagger took for an organization; the surname untagged later
        (
            "Conservative MPP Gerald Post said the courthouse should stay open. "
            '"It has served us for 140 years," Post said.',
            ["Gerald Post", "Gerald Post"],
        ),
        # a description stands for the story's subject, not its last voice in another office
        (
            "Maria Santos became chief executive of Northern Lakes Health on Monday. Santos spent "
            "22 years in intensive care. The network's board chair, Robert Kline, said Santos "
            "was chosen for her grasp of care. The former nurse said wait times came first.",
            ["Robert Kline", "Maria Santos"],
        ),
        # but for a person just introduced as the subject of a sentence that is no statement
        (
            'Harbour Town manager Ian Moss refused to blame the referee. "We stopped playing," '
            'Moss said. "That is on me." Striker Leo Brandt, who missed a penalty, apologised '
            "to fans. The 29-year-old wrote that he would come back stronger.",
            ["Ian Moss", "Leo Brandt"],
        ),
        # a role noun before a name the tagger took for an organization makes it a person's
        (
            "Tech billionaire Marcus Vale said on Friday that he would not sell his stake. "
            '"I am in this for the long haul," the billionaire wrote.',
            ["Marcus Vale", "Marcus Vale"],
        ),
    ],
)
def test_descriptions_and_names_refer_to_the_person_named(
    analyze: Analyze, text: str, expected: list[str]
) -> None:
    a = analyze(text)
    assert [name for name, _, _ in sources(a)] == expected
    assert {t for _, t, _ in sources(a)} == {"named"}


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The appeals court ruled on Friday. The ruling said the state erred.", "named"),
        ("Judge Alan Weiss blocked the rule. The ruling said the agency overstepped.", "named"),
        ("The report says prices will rise.", "unresolved"),
        # the letter the text brought in is not the NAACP's (whose it is stays open)
        (
            "A group of parents sent a letter to the NAACP. The letter said schools were failing.",
            "unresolved",
        ),
    ],
)
def test_a_definite_document_is_the_named_issuers_before_it(
    analyze: Analyze, text: str, kind: str
) -> None:
    ((_, found, entity),) = sources(analyze(text))
    assert (found, entity) == (kind, "document")


@pytest.mark.parametrize(
    "text",
    [
        "Tyrone Banks coaches the team. Banks said the season was long.",
        'Lucas Pelletier played in his NHL debut. "It was fast," Pelletier said. "I was '
        'nervous," the rookie defenceman added.',
    ],
)
def test_a_full_name_the_tagger_missed_is_the_person_of_the_surname(
    analyze: Analyze, text: str
) -> None:
    """The full name tagged an organization, the surname a person (or a plural noun)."""
    found = sources(analyze(text))
    assert {(kind, entity) for _, kind, entity in found} == {("named", "person")}
    assert found[0][0] in ("Tyrone Banks", "Lucas Pelletier")


def test_a_headline_cue_is_no_part_of_the_name_before_it(analyze: Analyze) -> None:
    a = analyze(
        "Obama Says Museum Will Tell of Suffering\n\nWASHINGTON -- President Obama, dedicating "
        "the museum on Saturday, said it would tell an American story."
    )
    assert {name for name, _, _ in sources(a)} == {"Obama"}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Sarah Okafor has led Bellmont Foods since 2019. The chief executive said the firm "
            "would close three plants.",
            "Sarah Okafor",
        ),
        # a person introduced in another office is not it
        (
            "Jane Roe, the mayor, met the board. The chief executive said margins would improve.",
            "chief executive",
        ),
    ],
)
def test_an_office_refers_back_to_the_person_named_before(
    analyze: Analyze, text: str, name: str
) -> None:
    assert sources(analyze(text)) == [(name, "named", "person")]


def test_which_said_stands_for_the_noun_that_can_speak(analyze: Analyze) -> None:
    a = analyze(
        "Winfrey read a story about her eating avocados which said the fruit was linked to "
        "water shortages."
    )
    ((name, _, entity),) = sources(a)
    assert (name, entity) == ("story about her eating avocados", "document")


def test_a_pronoun_of_a_quote_is_no_speaker_of_a_cue_outside_it(analyze: Analyze) -> None:
    a = analyze(
        "Mr. Hale hardly clarified the matter, treating her remark as a compliment -- "
        "''That makes me smart'' -- and, when questioned later, asserting, ''Of course, I pay "
        "taxes.''"
    )
    assert all(name != "That" for name, _, _ in sources(a))


def test_a_state_and_party_describe_a_politician_not_a_paper(analyze: Analyze) -> None:
    """Papers named "... Democrat" or "... Republican" come from the lists, not the shape."""
    a = analyze(
        'Senator Frank Dorsey said he would vote no. "She has not answered basic questions," '
        "the Ohio Republican told reporters."
    )
    assert {kind for _, kind, _ in sources(a)} == {"named"}
    assert a.no_comment == ()  # words of the quote, not a refusal the writer reports


def test_a_role_does_not_refer_back_to_another_role(analyze: Analyze) -> None:
    a = analyze('"We are ready," the minister said. The mayor said the deal was off.')
    assert [name for name, _, _ in sources(a)] == ["minister", "mayor"]


def test_an_institution_by_its_kind_is_not_any_body_named_before(analyze: Analyze) -> None:
    a = analyze(
        "General Motors cut jobs. The United Auto Workers condemned it. The union said the "
        "cuts were illegal."
    )
    assert sources(a)[-1] == ("union", "named", "organization")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Toyota recalled a million cars. The automaker said no injuries were reported.",
            ("Toyota", "named", "organization"),
        ),
        (
            "Amnesty International criticized the ruling. The rights group said it was unjust.",
            ("Amnesty International", "named", "organization"),
        ),
        (
            "In a statement from the European Union, the bloc said it would respond.",
            ("European Union", "named", "organization"),
        ),
        (
            "Acme Corp. announced layoffs. The manufacturer said 200 jobs would go.",
            ("Acme Corp.", "named", "organization"),
        ),
        (
            "Officers from Marlow Valley Police arrested a man, the force said in a statement.",
            ("Marlow Valley Police", "named", "organization"),
        ),
        (
            "The Copernicus Climate Change Service published its data on Monday. The monitor "
            "said the ice was 26 percent below average.",
            ("Copernicus Climate Change Service", "named", "organization"),
        ),
        # a noun set beside a name introduces no other body to refer back to
        (
            "Dublin-based software company Tessary has raised 40 million euros. The company "
            "said it would hire.",
            ("Tessary", "named", "organization"),
        ),
        # a body that publishes or reports a thing is no outlet for it
        (
            "Amnesty International published its annual review. The rights group said "
            "executions had risen.",
            ("Amnesty International", "named", "organization"),
        ),
        (
            "Tesla reported a drop in deliveries. The carmaker said demand was weak.",
            ("Tesla", "named", "organization"),
        ),
        (
            "Shell posted weaker profits. The oil major said it would buy back shares.",
            ("Shell", "named", "organization"),
        ),
        (
            "General Motors cut 2,000 jobs. The company said demand had fallen.",
            ("General Motors", "named", "organization"),
        ),
        (
            "Bayern Munich sacked its coach. The club said the decision was mutual.",
            ("Bayern Munich", "named", "organization"),
        ),
        (
            "Toyota recalled a million cars. A spokeswoman for the automaker said no one was hurt.",
            ("Toyota", "named", "organization"),
        ),
        # an institution by its kind is the one named before with that word, not any body
        (
            "The Peel District School Board cancelled classes. The board said buses could not run.",
            ("Peel District School Board", "named", "organization"),
        ),
        (
            "The Labour Party lost the vote. The party said it would try again.",
            ("Labour Party", "named", "organization"),
        ),
        # a name the tagger left unlabelled, the subject before, is the organization
        (
            "Anthropic released a new model on Tuesday. The San Francisco-based startup said it "
            "was safer than its predecessor.",
            ("Anthropic", "named", "organization"),
        ),
        # the same noun used before without a name is that group, anonymous
        (
            "A group of parents sued the district. The group said the rules were unfair.",
            ("group of parents", "unnamed", "group"),
        ),
        # a description that carries a name of its own is that organization, named
        (
            "The Royal Free hospital trust said it would cut waiting lists.",
            ("Royal Free hospital trust", "named", "organization"),
        ),
        ("The fire service said gas was to blame.", ("fire service", "named", "organization")),
        (
            "Jane Roe spoke at the event. The trust said it would expand its work.",
            ("trust", "unresolved", "organization"),
        ),
        ("The London firm said it would expand.", ("London firm", "unresolved", "organization")),
        # with nothing to refer back to, whose it is stays open; "a" makes it anonymous
        ("The regulator said the rules were unfair.", ("regulator", "unresolved", "organization")),
        ("The company said demand had fallen.", ("company", "unresolved", "organization")),
        (
            "A European lender said rates would rise.",
            ("European lender", "unnamed", "organization"),
        ),
    ],
)
def test_a_description_of_an_organization_is_the_one_named_before(
    analyze: Analyze, text: str, expected: tuple[str, str, str]
) -> None:
    assert sources(analyze(text)) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "A witness said the van sped away.\n\nPolice Chief Tom Hale said officers were "
        "searching for the driver.",
        "A senior official said the talks had stalled.\n\nJane Roe, another senior official, "
        "said the talks would resume.",
    ],
)
def test_a_lead_description_stays_unnamed_without_a_tie_to_a_later_name(
    analyze: Analyze, text: str
) -> None:
    assert sources(analyze(text))[0][1] == "unnamed"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A study by the Acme Institute found that most bridges need repair. "
            "The researchers said the costs would keep rising.",
            "named",
        ),
        (
            "A new study found that most bridges need repair. "
            "The researchers said the costs would keep rising.",
            "unnamed",
        ),
        (
            "A team of engineers at several universities studied the bridges. In their paper, "
            "they describe the damage. Scientists said the costs would keep rising.",
            "unnamed",
        ),
        # what a named body released in the sentence before is their work
        (
            "Last October, the Weather Agency released its Winter Outlook. Researchers "
            "predicted that the drought would go on.",
            "named",
        ),
    ],
)
def test_the_researchers_are_the_authors_of_the_study_before_them(
    analyze: Analyze, text: str, expected: str
) -> None:
    *_, researchers = sources(analyze(text))
    _, kind, _ = researchers
    assert kind == expected


def test_possessive_pronouns_refer_back_like_their_subject_forms(analyze: Analyze) -> None:
    a = analyze(
        "Tom Hale wants the vote delayed. A county survey found that 60 percent of residents "
        "said the vote should go ahead.\n\nContrary to his claim that the survey was rigged, "
        "its questions were fair.\n\nThe council's report was criticized for its prediction "
        "that rents would fall."
    )
    assert sources(a) == [
        ("county survey", "unnamed", "document"),
        ("60 percent of residents", "unnamed", "group"),
        ("Tom Hale", "named", "person"),
        ("council's report", "named", "document"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Those who acknowledge that the plan failed want a new one.",
            ("unnamed", "group"),
        ),
        ("Companies complain that the tax rules are too complicated.", ("unnamed", "group")),
        ("Police said the road would stay closed.", ("named", "organization")),
        (
            "The ruling angered farmers in Ohio, who said that prices would fall.",
            ("unnamed", "group"),
        ),
        (
            "The plan worried Democrats on Capitol Hill, who argued that it would cost votes.",
            ("unnamed", "group"),
        ),
    ],
)
def test_generic_plurals_and_who_after_a_place_are_people(
    analyze: Analyze, text: str, expected: tuple[str, str]
) -> None:
    _, kind, entity = sources(analyze(text))[0]
    assert (kind, entity) == expected


def test_two_people_sharing_a_surname_stay_apart(analyze: Analyze) -> None:
    a = analyze(
        "Senator Bob Casey spoke at the rally. His wife, Terese Casey, said the campaign was ready. "
        "Bob Casey said he was confident."
    )
    assert [name for name, _, _ in sources(a)] == ["Terese Casey", "Bob Casey"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Kyiv Post, citing a senior official, said the talks had failed.",
            ["senior official", "The Kyiv Post"],
        ),
        (
            "Citing two diplomats, Reuters reported that the ceasefire would hold.",
            ["two diplomats", "Reuters"],
        ),
        (
            "The newspaper quoted the minister as saying that prices would rise.",
            ["minister", "newspaper"],
        ),
        ("The army has withdrawn from the city, reported Euro News.", ["Euro News"]),
        # after a speaker's claim, the outlet closing the sentence relays it
        (
            "The minister said the border would reopen on Monday, reported Euro News.",
            ["minister", "Euro News"],
        ),
        (
            "The minister said the border would reopen on Monday, Euro News reported.",
            ["minister", "Euro News"],
        ),
        ("The army has withdrawn from the city, reported the Daily Ledger.", ["Daily Ledger"]),
        ("The mayor told CNN that the bridge would reopen.", ["mayor", "CNN"]),
        ("The plan was approved, the official told Reuters.", ["official", "Reuters"]),
        # a programme or a journalist of an outlet; a listed name the tagger splits at "and"
        (
            "The minister told the BBC's Today programme that the strike was illegal.",
            ["minister", "BBC"],
        ),
        ("Jane Roe told CNN's Jake Tapper that the bill was dead.", ["Jane Roe", "CNN"]),
        # a name that opens with an outlet's: its station, its host, its board
        (
            "Premier Chris Minns told ABC Radio Sydney that the trains would run.",
            ["Chris Minns", "ABC"],
        ),
        (
            "Jane Roe told Fox News host Sean Hannity that the bill was dead.",
            ["Jane Roe", "Fox News"],
        ),
        (
            "Jane Roe told The Globe and Mail in an interview that she would run.",
            ["Jane Roe", "The Globe and Mail"],
        ),
        (
            "According to a police source, cited by the BBC, the suspect fled.",
            ["police source", "BBC"],
        ),
        ("Three officials told reporters that the plan was ready.", ["Three officials"]),
        (
            "The Kyiv Post cited a military source as saying the town had fallen.",
            ["military source", "The Kyiv Post"],
        ),
        ("Speaking to Sky News, the minister said he would stay.", ["minister", "Sky News"]),
        ("The minister, speaking to Sky News, said he would stay.", ["minister", "Sky News"]),
        ("In comments to Reuters, the minister said he would stay.", ["minister", "Reuters"]),
        (
            "The minister said in an email to The Associated Press that he would stay.",
            ["minister", "The Associated Press"],
        ),
        ("Speaking to reporters, the minister said he would stay.", ["minister"]),
        (
            "A copy of the letter, seen by Reuters, says taxes will rise.",
            ["copy of the letter", "Reuters"],
        ),
        (
            "According to a document seen by the BBC, the plan was dropped.",
            ["document seen by the BBC", "BBC"],
        ),
        (
            "The Daily Telegraph, quoting a Whitehall source, said the plan had been shelved.",
            ["Whitehall source", "The Daily Telegraph"],
        ),
    ],
)
def test_chains(analyze: Analyze, text: str, expected: list[str]) -> None:
    assert chain(analyze(text)) == [expected]


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("The union called the plan a disgrace, citing its work after the attacks.", "its work"),
        (
            "The country had changed for the better, the senator said, citing the release of "
            "political prisoners.",
            "the release of",
        ),
    ],
)
def test_a_reason_cited_is_no_source_but_the_citers_own_claim(
    analyze: Analyze, text: str, reason: str
) -> None:
    a = analyze(text)
    assert len({tuple(c) for c in chain(a)}) == 1 and len(chain(a)[0]) == 1
    assert a.statements[1].content.text.startswith(reason)


def test_said_according_to_an_outlet_relays_the_speaker_and_stays_the_outlets(
    analyze: Analyze,
) -> None:
    a = analyze("The plane landed safely, officials said, according to the Kyodo news agency.")
    assert chain(a) == [["officials", "Kyodo"], ["Kyodo"]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The man said he was innocent.", ("man", "unresolved", "person")),
        (
            "A Sydney man was charged. The man said he was innocent.",
            ("man", "unnamed", "person"),
        ),
        (
            "A Sydney man was charged. The man's lawyer said his client would fight.",
            ("man's lawyer", "unnamed", "person"),
        ),
        (
            "Jane Roe, 42, lost her home. The woman said it was hard.",
            ("Jane Roe", "named", "person"),
        ),
    ],
)
def test_the_man_is_whoever_was_described_so_before(
    analyze: Analyze, text: str, expected: tuple[str, str, str]
) -> None:
    assert sources(analyze(text)) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a capitalised word the tagger read as a common noun, which is no English noun
        ("Eskom said the power cuts would end.", ("Eskom", "named", "organization")),
        ("Barclays said it would cut 400 jobs.", ("Barclays", "named", "organization")),
        # a name with a capital inside, which the tagger read as a plural noun
        ("The MoD said no decision had been taken.", ("MoD", "named", "organization")),
        # a name set right after a description is the one described
        (
            "His former teammate Huw Jenkins said the side was great.",
            ("Huw Jenkins", "named", "person"),
        ),
        # a body given by the people named in it or at its head
        (
            "A bench of Justices Meera Kapoor and Anil Sethi said the delay was unjust.",
            ("bench of Justices Meera Kapoor and Anil Sethi", "named", "group"),
        ),
        (
            "A bench headed by Justice Arvind Rao said the matter was urgent.",
            ("bench headed by Justice Arvind Rao", "named", "group"),
        ),
        (
            "A coalition led by Saudi Arabia said the strikes would go on.",
            ("coalition led by Saudi Arabia", "named", "group"),
        ),
        (
            "A friend of Tom Hale and Jane Roe said the plan was bad.",
            ("friend of Tom Hale and Jane Roe", "unnamed", "person"),
        ),
    ],
)
def test_names_the_tagger_missed(
    analyze: Analyze, text: str, expected: tuple[str, str, str]
) -> None:
    assert sources(analyze(text)) == [expected]


def test_a_report_closing_its_sentence_may_carry_a_time_and_a_citation(analyze: Analyze) -> None:
    a = analyze(
        "The bank will cut rates next week, The Express Tribune reported on Saturday, citing "
        "two senior officials. The school will close, Dawn reported on Tuesday."
    )
    assert chain(a) == [["two senior officials", "The Express Tribune"], ["Dawn"]]
    assert [st.content.text for st in a.statements] == [
        "The bank will cut rates next week",
        "The school will close",
    ]


def test_telling_the_paper_is_telling_the_outlet_named_before(analyze: Analyze) -> None:
    a = analyze(
        "The Millbrook Sentinel obtained the emails. The mayor told the newspaper that he knew. "
        "The governor told the newspaper that she did not."
    )
    assert chain(a) == [["mayor", "Millbrook Sentinel"], ["governor", "Millbrook Sentinel"]]
    assert chain(analyze("The mayor told the newspaper that he knew.")) == [["mayor"]]


def test_the_last_word_of_an_outlet_named_before_is_that_outlet(analyze: Analyze) -> None:
    a = analyze(
        "The city is weighing a levy, the Northfield Star reported. According to the Star, the "
        "levy would apply to empty shops. Two officers have told the Star that the unit was short."
    )
    assert chain(a) == [
        ["Northfield Star"],
        ["Northfield Star"],
        ["Two officers", "Northfield Star"],
    ]
    assert [kind for _, kind, _ in sources(a)] == ["outlet", "outlet", "unnamed"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a province, like a state, speaks as its government
        (
            "Manitoba will hire 200 nurses. The province said in a news release that the posts "
            "would open next month.",
            ("province", "named", "organization"),
        ),
        ("Neighbours told the paper they heard an explosion.", ("Neighbours", "unnamed")),
    ],
)
def test_places_and_plain_groups(analyze: Analyze, text: str, expected: tuple[str, ...]) -> None:
    assert sources(analyze(text))[0][: len(expected)] == expected


def test_the_report_of_an_outlet_that_reported_is_the_outlet(analyze: Analyze) -> None:
    a = analyze(
        "Regulators have asked banks to limit purchases, Bloomberg News reported on Tuesday, "
        "citing people familiar with the matter. The instruction was delivered last week, the "
        "report said."
    )
    assert sources(a)[-1] == ("Bloomberg News", "outlet", "organization")


def test_they_after_anonymous_sources_is_not_a_person_named_between(analyze: Analyze) -> None:
    a = analyze(
        "The agency has summoned businessman Rajiv Khurana for questioning, sources said. "
        "Khurana, who owns hotels in Goa, has been asked to appear on Tuesday, they said."
    )
    assert [name for name, _, _ in sources(a)] == ["sources", "sources"]


def test_a_claim_ends_before_according_to_another_source(analyze: Analyze) -> None:
    a = analyze("The chief executive said the firm would cut jobs, according to the FT.")
    assert [st.content.text for st in a.statements if st.cue and st.cue.text == "said"] == [
        "the firm would cut jobs"
    ]


def test_a_report_citing_a_named_body_is_that_bodys_statement_relayed(analyze: Analyze) -> None:
    a = analyze("Radio-Canada reported, citing the provincial police, that two bodies were found.")
    assert chain(a) == [["provincial police", "Radio-Canada"]]
    assert sources(a)[0][1] == "named"


@pytest.mark.parametrize(
    "text",
    [
        "The minister told the public broadcaster NHK that Japan would protest.",
        "The minister told the newspaper Kommersant that the state would not pay.",
    ],
)
def test_telling_an_outlet_named_beside_its_kind_is_a_chain(analyze: Analyze, text: str) -> None:
    ((speaker, relay),) = chain(analyze(text))
    assert (speaker, relay) == ("minister", text.split(" that ")[0].split()[-1])


def test_according_to_an_outlet_which_cited_someone_is_a_chain(analyze: Analyze) -> None:
    a = analyze("According to the Daily Ledger, which cited two aides, the bill is dead.")
    assert chain(a) == [["two aides", "Daily Ledger"]]
    assert [st.content.text for st in a.statements] == ["the bill is dead"]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("According to a police source, cited by the BBC, the suspect fled.", "the suspect fled"),
        (
            "The Daily Ledger reported, citing a police source, that the suspect fled.",
            "that the suspect fled",
        ),
    ],
)
def test_a_cited_statement_drops_the_citing_phrase(
    analyze: Analyze, text: str, content: str
) -> None:
    assert analyze(text).statements[0].content.text == content


def test_a_word_for_anonymous_people_with_the_and_none_before_refers_back(
    analyze: Analyze,
) -> None:
    """ "The legislator" after a named legislator is that person; after "a senior official",
    "the official" is that anonymous official."""
    named = analyze(
        "Ward representative Otieno Ouma said traders were hurting. The legislator told the "
        "House that the executive had not consulted them."
    )
    assert sources(named) == [("Otieno Ouma", "named", "person")] * 2
    anonymous = analyze(
        "A senior official said the talks had failed. The official added that a deal was near."
    )
    assert sources(anonymous) == [("senior official", "unnamed", "person")] * 2


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the Irish police, as "police"
        (
            "The driver failed to stop at the scene, gardaí said.",
            [("gardaí", "named", "organization")],
        ),
        # "the researchers" after a named body's scientists spoke, no study between
        (
            "A new vaccine has cut malaria cases, scientists at the Lakeside Medical Institute "
            "have said. The effect lasted a year, the researchers said.",
            [("scientists at the Lakeside Medical Institute", "named", "group")] * 2,
        ),
        (
            "Scientists at Oxford University said bees were declining. A new study found that "
            "birds had moved. The researchers said it was the climate.",
            [
                ("Scientists at Oxford University", "named", "group"),
                ("new study", "unnamed", "document"),
                ("researchers", "unnamed", "group"),
            ],
        ),
        # "the two companies" named just before, and the statement they spoke in
        (
            "Acme Corp. and Globex Inc. have agreed to merge, the two companies said in a joint "
            "statement. The merged group would be led by Tom Reddy, the statement said.",
            [
                ("Acme Corp. and Globex Inc.", "named", "group"),
                ("joint statement", "named", "document"),
            ],
        ),
    ],
)
def test_bodies_and_their_people_referred_to_again(
    analyze: Analyze, text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert sources(analyze(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a broadcaster by its medium, and a paper by its name's last word, in no list
        (
            "Coach Andy Fenn told Pulse radio that the medical team was being cautious.",
            [["Andy Fenn", "Pulse"]],
        ),
        (
            "Ms Conway later told the Ennis Champion that the answer was not good enough.",
            [["Conway", "Ennis Champion"]],
        ),
        # a participle of speaking "on" a broadcaster
        (
            "Speaking on Lagos Television on Monday, Dr Femi Ade said he remained the leader.",
            [["Femi Ade", "Lagos Television"]],
        ),
    ],
)
def test_told_an_outlet_in_no_list(analyze: Analyze, text: str, expected: list[list[str]]) -> None:
    assert chain(analyze(text)) == expected


def test_a_demonym_refers_back_to_the_person_named(analyze: Analyze) -> None:
    a = analyze(
        'Harambee Stars coach Jean-Luc Moreau has named a squad. "We have a good mix of youth '
        'and experience," said the Frenchman, who took charge in January.'
    )
    assert sources(a) == [("Jean-Luc Moreau", "named", "person")]


@pytest.mark.parametrize(
    "naming",
    [
        "The authors of the report, which include the Urban Institute and the Fairwater "
        "Foundation, read every filing.",
        "The report's authors, Jane Roe and Tom Hale, read every filing.",
        "The report was written by the Urban Institute.",
        # its lead author named, or the study itself as published in a named journal
        '"It holds up," said lead author Dr Jane Roe of the Fairwater Institute.',
        "The research, published in the journal Tax Notes, read every filing.",
    ],
)
def test_a_study_is_named_when_the_text_names_its_authors_later(
    analyze: Analyze, naming: str
) -> None:
    a = analyze(
        "A long study released on Monday by a group of researchers shows how firms move "
        f"profits abroad. {naming} The researchers reported that one bank holds $9 billion "
        "abroad."
    )
    found = sources(a)
    assert len(found) >= 2 and all(t == "named" for _, t, _ in found)


def test_a_study_whose_authors_go_unnamed_stays_anonymous(analyze: Analyze) -> None:
    a = analyze(
        "A new study found that bees are declining. Researchers said pesticides were to blame."
    )
    assert [t for _, t, _ in sources(a)] == ["unnamed", "unnamed"]
    a = analyze(  # other studies are not the one whose author is named
        'Previous studies found that nurses miss veins. "It works," said lead author Dr Jane Roe.'
    )
    assert [t for _, t, _ in sources(a)] == ["unnamed", "named"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "which cited" on the name set beside an outlet noun
        (
            "According to the business magazine Zaixun, which cited people close to the bank, "
            "the chairman had been detained.",
            [["people close to the bank", "Zaixun"]],
        ),
        (
            "The gang charged 5,000 euros a crossing, according to the newspaper Gazzetta del "
            "Porto, which cited investigators.",
            [["investigators", "Gazzetta del Porto"]],
        ),
        # the claim's "that" parted from its clause by the citing participle
        (
            "Tokai Shimbun reported last week, citing an unnamed Sakura executive, that the "
            "companies aimed to announce the deal by the end of the year.",
            [["unnamed Sakura executive", "Tokai Shimbun"]],
        ),
        # "which quoted X as saying" on the outlet of "according to"
        (
            "The bus was carrying pilgrims, according to the Tarsa Herald, which quoted a police "
            "official as saying the driver may have lost control on a bend.",
            [["police official", "Tarsa Herald"], ["police official", "Tarsa Herald"]],
        ),
        # a letter an outlet saw, in which a body spoke
        (
            "In a letter seen by the Financial Times, the regulator's board told lenders their "
            "exposure was a growing concern.",
            [["regulator's board", "Financial Times"]],
        ),
    ],
)
def test_relays_in_clauses_and_documents(
    analyze: Analyze, text: str, expected: list[list[str]]
) -> None:
    assert chain(analyze(text)) == expected


def test_a_rep_for_a_named_person_is_on_the_record(analyze: Analyze) -> None:
    a = analyze(
        "Singer Delia Vance has ended her engagement. A rep for Vance told reporters that the "
        "pair remain friends."
    )
    assert sources(a)[-1][1] == "named"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a name ending in a company word is an organization's, whatever the tagger said
        (
            "SEOUL (Reuters) - Hanbit Electronics said on Thursday its profit rose 58%. The "
            "company said it expected demand to remain strong.",
            [("Hanbit Electronics", "named", "organization")] * 2,
        ),
        ("Governor Mary Bank said the plan was ready.", [("Mary Bank", "named", "person")]),
        # the station credited in a dateline is no body the story is about; "the company"
        # refers to the one named since, not to an earlier "the company" left open
        (
            "DAYTON, Ohio (WKRX) — A local restaurant chain is closing six locations, the "
            "company announced Tuesday. Buckeye Burger Co. said rent had risen. Staff will be "
            "offered other jobs, the company said.",
            [
                ("company", "unresolved", "organization"),
                ("Buckeye Burger Co.", "named", "organization"),
                ("Buckeye Burger Co.", "named", "organization"),
            ],
        ),
    ],
)
def test_companies_by_their_names_and_descriptions(
    analyze: Analyze, text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert sources(analyze(text)) == expected


def test_a_word_for_anonymous_people_after_another_anonymous_one_is_them(
    analyze: Analyze,
) -> None:
    """ "the witness" after "an onlooker said" is the onlooker, not the star named before."""
    a = analyze(
        "Dance star Jonny Faulks stormed out of rehearsals after a row, an onlooker said. "
        '"You could hear them shouting from the car park," the witness told reporters.'
    )
    assert sources(a) == [("onlooker", "unnamed", "person")] * 2


def test_a_named_persons_management_speaks_for_them(analyze: Analyze) -> None:
    a = analyze("Singer Amara Cole has cancelled her tour on medical advice, her management said.")
    assert sources(a)[0][1] == "named"


def test_a_spokesperson_whose_article_the_parser_gave_to_the_body(analyze: Analyze) -> None:
    a = analyze(
        "Committee chair Dame Helen Rudd said the plan was weak. A Ministry of Housing "
        "spokesperson said the reforms would work."
    )
    assert sources(a) == [
        ("Helen Rudd", "named", "person"),
        ("Ministry of Housing", "named", "organization"),
    ]


def test_a_pronoun_across_a_quotation_mark_tells_no_gender(analyze: Analyze) -> None:
    """In '"Ellie is a leader and we'll miss her," he said', "he" is the coach, not Ellie."""
    a = analyze(
        "Ellie Marchant has been ruled out of the opener with a knee injury. Head coach Simon "
        'Dunmore said it was a blow. "Ellie is a leader in this group and we\'ll miss her," he '
        "said."
    )
    assert [name for name, _, _ in sources(a)] == ["Simon Dunmore"] * 2
