"""Claim extraction: the facts a fact-checker would pick, with spans, types and key facts."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claims.extract import extract_claims, score_text
from claims.model import Claim, ClaimClass, ClaimType
from claims.segment import split_sentences
from satyapan.apertium import morphology
from satyapan.errors import InputError
from tests.support.extraction_eval import ARTICLES, EXAMPLES

SEED = (EXAMPLES / "sco-qingdao-2025.hi.txt").read_text(encoding="utf-8")


def _claim_with(claims: list[Claim], needle: str) -> Claim:
    found = [c for c in claims if needle in c.text]
    assert found, f"no claim contains {needle!r}"
    return found[0]


def test_seed_claims_include_the_three_named_facts() -> None:
    claims = extract_claims(SEED)
    killed = _claim_with(claims, "26 लोगों")
    assert killed.type is ClaimType.QUANTITY
    assert [(n.value, n.counts) for n in killed.key_facts.numbers] == [(26.0, "people")]
    assert "kill" in killed.key_facts.predicates

    options = _claim_with(claims, "चार विकल्प")
    assert [(n.value, n.counts) for n in options.key_facts.numbers] == [(4.0, "suggest")]
    assert options.key_facts.part("recipient") == "चीन"

    gift = _claim_with(claims, "मधुबनी पेंटिंग")
    assert gift.type is ClaimType.EVENT
    assert gift.key_facts.part("action") == "gift"
    assert gift.key_facts.part("object") == "मधुबनी पेंटिंग"
    assert gift.key_facts.part("recipient") == "डोंग जून"  # उन्हें, resolved


def test_spans_point_back_into_the_article() -> None:
    for claim in extract_claims(SEED, include_all=True):
        start, end = claim.span
        assert SEED[start:end] == claim.text
        assert claim.text in claim.sentence
        assert 0.0 <= claim.checkworthiness <= 1.0


def test_framing_sentences_score_low() -> None:
    scored = {s.clause.text: s for s in score_text(SEED)}
    framing = next(t for t in scored if t.startswith("यह मुलाकात सामरिक दृष्टि से बेहद महत्वपूर्ण"))
    assert scored[framing].cls is ClaimClass.NON_FACTUAL
    assert scored[framing].score < 0.3
    english = score_text("The meeting is considered very significant for both countries.")
    assert english[0].cls is ClaimClass.NON_FACTUAL


def test_one_sentence_with_two_facts_gives_two_claims() -> None:
    sentence = "इस दौरान उन्होंने द्विपक्षीय मुद्दों पर चर्चा की और प्रतीकात्मक रूप से उन्हें मधुबनी पेंटिंग भेंट की।"
    claims = [c for c in extract_claims(SEED) if c.sentence == sentence]
    assert [c.key_facts.part("action") for c in claims] == ["discuss", "gift"]
    assert claims[0].span[1] < claims[1].span[0]


def test_quote_has_speaker_and_words() -> None:
    text = (
        "Port chairman Nitin Parekh met union leaders on Friday. "
        "“We signed the wage agreement with the dock workers on Monday,” Parekh said."
    )
    quote = _claim_with(extract_claims(text), "We signed")
    assert quote.type is ClaimType.QUOTE
    assert quote.key_facts.part("speaker") == "Parekh"
    assert quote.key_facts.part("quote") == (
        "We signed the wage agreement with the dock workers on Monday,"
    )
    assert [e.latin for e in quote.key_facts.entities] == ["nitin parekh"]


@pytest.mark.parametrize(
    ("sentence", "checkworthy"),
    [
        # A quoted view or declaration with nothing concrete in it: only the saying is a fact.
        ("“This is a landmark moment for the city,” said Meera Kulkarni.", False),
        ("“We will not accept a strike that hurts farmers,” Parekh said.", False),
        ("राणा ने कहा, “यह सीधे-सीधे लापरवाही का नतीजा है।”", False),
        # A quote that holds a number, a date, a name or a place states something checkable.
        ("“We have arrested six people so far,” said Meera Kulkarni.", True),
        ("“The accused fled to Nepal,” police commissioner Meera Kulkarni said.", True),
        ("राणा ने कहा, “आरोपी नेपाल भाग गए हैं।”", True),
        # A quoted phrase inside the clause's own statement is not a quoted view.
        ("The court struck down the “arbitrary and unlawful” allotment on Thursday.", True),
    ],
)
def test_a_quoted_view_is_no_claim_a_quoted_fact_is(sentence: str, checkworthy: bool) -> None:
    scored = score_text(sentence, morphology=morphology())
    assert (scored[0].cls is ClaimClass.CHECKWORTHY) is checkworthy, scored[0]


@pytest.mark.parametrize(
    ("sentence", "checkworthy"),
    [
        # A toll of none is a figure: what happened to no one is as checkable as a count.
        ("हादसे में कोई यात्री घायल नहीं हुआ।", True),
        ("इस हादसे में किसी की जान नहीं गई।", True),
        ("No one was hurt in the fire.", True),
        ("Police have not arrested anyone so far.", True),
        # None of anything else, or a fate without a quantifier of none, is no figure.
        ("There is no need to panic.", False),
        ("किसी को घबराने की जरूरत नहीं है।", False),
        ("No decision was taken on the proposal.", False),
    ],
)
def test_a_toll_of_none_is_a_figure(sentence: str, checkworthy: bool) -> None:
    scored = score_text(sentence, morphology=morphology())
    assert (scored[0].cls is ClaimClass.CHECKWORTHY) is checkworthy, scored[0]


@pytest.mark.parametrize(
    ("sentence", "numbers", "dates"),
    [
        ("पहलगाम हमले में छब्बीस लोग मारे गए थे।", [(26.0, "people")], []),
        ("हमले में २६ लोग मारे गए।", [(26.0, "people")], []),
        ("Twenty-six people were killed on Tuesday.", [(26.0, "people")], ["tuesday"]),
        ("राज्य सरकार ने 250 करोड़ रुपये जारी किए।", [(2.5e9, "rupee")], []),
        ("The state secured $5.43bn in investment.", [(5.43e9, "dollar")], []),
        ("सुबह 9 बजकर 18 मिनट पर रॉकेट ने उड़ान भरी।", [], ["09:18"]),
        ("Union leaders were invited for talks at 3 pm on Friday.", [], ["15:00", "friday"]),
        ("Rao presented the budget for 2025-26 on 27 June.", [], ["2025-26", "06-27"]),
    ],
)
def test_key_facts_are_values(
    sentence: str, numbers: list[tuple[float, str]], dates: list[str]
) -> None:
    scored = score_text(sentence)
    facts = scored[0].key_facts
    assert [(n.value, n.counts) for n in facts.numbers] == numbers
    assert sorted(d.value for d in facts.dates) == sorted(dates)


def test_entities_carry_a_latin_form_for_english_text() -> None:
    facts = score_text("भारतीय अंतरिक्ष अनुसंधान संगठन (इसरो) ने पीएसएलवी-सी68 रॉकेट से नौ उपग्रह भेजे।")[
        0
    ].key_facts
    latins = {e.latin for e in facts.entities}
    assert {"indian space research organisation", "isro", "pslv-c68"} <= latins
    # An institution the gazetteer does not know reads through its words' English names.
    facts = score_text("केंद्रीय जल आयोग ने बताया कि नदी का जलस्तर 46 सेंटीमीटर ऊपर है।")[0].key_facts
    assert "central water commission" in {e.latin for e in facts.entities}


@pytest.mark.parametrize(
    "name", ["hi-monsoon-flood", "hi-isro-launch", "en-budget-2025", "en-port-strike"]
)
def test_other_articles_yield_claims(name: str) -> None:
    text = (ARTICLES / f"{name}.txt").read_text(encoding="utf-8")
    claims = extract_claims(text)
    assert len(claims) >= 5
    assert any(c.type is ClaimType.QUANTITY for c in claims)
    for c in claims:
        assert text[c.span[0] : c.span[1]] == c.text


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "article is empty"),
        ("   \n\t ", "article is empty"),
        ("<html><body><p>Hello</p></body></html>", "article looks like HTML"),
    ],
)
def test_bad_text_is_a_clear_error(text: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        extract_claims(text)


def test_text_without_sentence_ends_and_mixed_scripts() -> None:
    text = (
        "राजनाथ सिंह ने 26 लोगों की मौत पर शोक जताया and Defence Minister Rajnath Singh met officials "
        * 200
    )
    claims = extract_claims(text)
    assert claims
    for c in claims:
        assert text[c.span[0] : c.span[1]] == c.text


def test_long_text_without_sentence_ends_is_cut_into_pieces() -> None:
    line = "राजनाथ सिंह ने 26 लोगों की मौत पर शोक जताया and Minister Singh met officials "
    text = line * 3000  # ~250 KB, not one sentence end
    claims = extract_claims(text)
    assert claims
    assert max(len(c.sentence) for c in claims) <= 1500
    for c in claims[:50]:
        assert text[c.span[0] : c.span[1]] == c.text


_POOL = [
    s.text
    for path in [EXAMPLES / "sco-qingdao-2025.hi.txt", *sorted(ARTICLES.glob("*.txt"))]
    for s in split_sentences(path.read_text(encoding="utf-8"))
]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(_POOL), st.sampled_from(["", " ", "\n", "  ", "\n\n"])),
        min_size=1,
        max_size=8,
    )
)
def test_spans_always_slice_the_text_to_the_claim(pieces: list[tuple[str, str]]) -> None:
    text = "".join(sentence + gap for sentence, gap in pieces)
    if not text.strip():
        return
    for claim in extract_claims(text, include_all=True):
        start, end = claim.span
        assert text[start:end] == claim.text
        assert claim.text in claim.sentence
        assert text.find(claim.sentence) != -1


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("on 26/06/2025.", "2025-06-26"),
        ("on 2025-06-26.", "2025-06-26"),
        ("on 26.06.2025 at noon", "2025-06-26"),
        ("on June 26th", "06-26"),
        ("२६ जून को", "06-26"),
    ],
)
def test_numeric_and_written_dates_are_dates_not_numbers(text: str, value: str) -> None:
    from claims.extract import find_dates

    assert [d.value for d, _, _ in find_dates(text) if d.kind == "date"] == [value]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("दोपहर तीन बजे", "15:00"),
        ("शाम साढ़े चार बजे", "16:30"),
        ("सुबह 9 बजकर 18 मिनट", "09:18"),
        ("रात 11:45 बजे", "23:45"),
        ("रात 1 बजे", "01:00"),
        ("सवा दो बजे", "02:15"),
        ("at 5.40 am", "05:40"),
        ("at 4.30 pm", "16:30"),
        ("रात 12 बजे", "00:00"),
        ("दोपहर 12 बजे", "12:00"),
        ("at 12 noon", "12:00"),
        ("from midnight on Sunday", "00:00"),
        ("आधी रात को", "00:00"),
        ("मध्यरात्रि से", "00:00"),
        # seconds are part of the time, no count of seconds
        ("सुबह 9 बजकर 17 मिनट 30 सेकंड पर", "09:17"),
        ("at 9:17:30 am", "09:17"),
        ("at 21:05:10 IST", "21:05"),
    ],
)
def test_clock_times_in_words_and_fractions(text: str, value: str) -> None:
    from claims.extract import find_dates

    assert [d.value for d, _, _ in find_dates(text) if d.kind == "time"] == [value]


def test_the_seconds_of_a_clock_time_are_no_figure() -> None:
    from claims.extract import extract_claims

    (claim,) = extract_claims(
        "इसरो ने सुबह 9 बजकर 17 मिनट 30 सेकंड पर उपग्रह को प्रक्षेपित किया।", morphology=morphology()
    )
    assert claim.key_facts.numbers == ()
    assert [d.text for d in claim.key_facts.dates] == ["सुबह 9 बजकर 17 मिनट 30 सेकंड"]


def test_midday_is_no_clock_time() -> None:
    from claims.extract import find_dates

    assert find_dates("the midday meal scheme") == []


def test_a_number_fused_into_a_plural_kind_counts_nothing_and_modifiers_are_skipped() -> None:
    from claims.extract import extract_claims

    (claim,) = [
        c
        for c in extract_claims(
            "Tarang Mobility, a network for electric two- and three-wheelers, runs 1,150 "
            "battery-swapping stations across nine cities. A 10-member team left on Monday."
        )
        if "1,150" in c.text and "nine" in c.text
    ]
    assert [(n.value, n.counts) for n in claim.key_facts.numbers] == [
        (1150.0, "stations"),
        (9.0, "cities"),
    ]
    (team,) = [c for c in extract_claims("A 10-member team of the NDRF left on Monday.")]
    assert [(n.value, n.counts) for n in team.key_facts.numbers] == [(10.0, "member")]


def test_a_name_followed_by_the_kind_of_place_it_is_is_a_place() -> None:
    from claims.entities import find_entities

    kinds = {
        e.text: e.kind
        for e in find_entities("The quake struck Pithoragarh district and Kotma town on Thursday.")
    }
    assert kinds == {"Pithoragarh": "place", "Kotma": "place"}
    people = find_entities("Navneet Saxena met Devendra Mehrotra in court.")
    assert {e.kind for e in people} == {"name"}


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        ("Assam has recorded 212 cases of JE since July, officials said.", {"JE"}),
        ("The work began in early June and stopped by the end of March.", set()),
        ("Theresa May met Dong Jun on Friday.", {"Theresa May", "Dong Jun"}),
        ("June Almeida first imaged the virus.", {"June Almeida"}),
    ],
)
def test_a_month_after_a_word_of_time_is_no_name(sentence: str, names: set[str]) -> None:
    from claims.entities import find_entities

    found = {e.text for e in find_entities(sentence) if e.kind != "place"}
    assert found == names


def test_a_hanging_hyphen_joins_its_words_and_splits_no_facts() -> None:
    from claims.extract import extract_claims

    texts = [
        c.text
        for c in extract_claims(
            "Tarang runs 1,150 stations for electric two- and three-wheelers in nine cities.",
            include_all=True,
        )
    ]
    assert not any(t.rstrip().endswith("two-") for t in texts), texts


def test_an_atomic_fact_keeps_only_its_own_actions() -> None:
    from claims.extract import extract_claims

    found = extract_claims(
        "The seismology centre located the epicentre at a depth of 10 km, and 12 people were "
        "killed in Gunji village.",
        include_all=True,
    )
    depth = next(c for c in found if "10 km" in c.text and "12" not in c.text)
    killed = next(c for c in found if "12 people" in c.text and "10 km" not in c.text)
    assert "kill" not in depth.key_facts.predicates
    assert "kill" in killed.key_facts.predicates


def test_the_two_sides_count_nothing() -> None:
    from claims.extract import extract_claims

    (claim,) = extract_claims(
        "India and Sri Lanka held talks in Colombo, and the two sides signed seven "
        "memorandums of understanding on Thursday.",
        include_all=True,
    )[-1:]
    assert [n.value for n in claim.key_facts.numbers] == [7.0]


def test_the_ordinal_first_is_a_figure_of_the_claim() -> None:
    [scored] = score_text(
        "India thus became the first country to put two landers near the pole.",
        morphology=morphology(),
    )
    assert [(n.value, n.text) for n in scored.key_facts.numbers] == [(1, "first"), (2, "two")]


def _entities(text: str) -> dict[str, list[tuple[str, str]]]:
    from flows.steps import glossary_for

    scored = score_text(text, glossary=glossary_for(None), morphology=morphology())
    return {s.clause.text: [(e.latin, e.kind) for e in s.key_facts.entities] for s in scored}


def test_a_sentence_initial_word_the_dictionary_lacks_is_a_name() -> None:
    # The capital tells nothing first in a sentence; the dictionary does.
    found = _entities(
        "Shetty was named player of the match. Economists said the rupee fell. "
        "Cargo operations stopped at the port."
    )
    assert found["Shetty was named player of the match."] == [("shetty", "name")]
    assert found["Economists said the rupee fell."] == []
    assert found["Cargo operations stopped at the port."] == []


def test_a_short_form_first_in_a_sentence_is_the_name_given_in_full() -> None:
    found = _entities(
        "Mumbai-based Sahyadri Foods Ltd agreed to sell a stake on Tuesday. "
        "Sahyadri started in 1979 with a milk-chilling plant."
    )
    first, second = found.values()
    assert ("sahyadri foods ltd", "name") in first  # "Mumbai-based" is no part of it
    assert second == [("sahyadri foods ltd", "name")]


def _classes(text: str) -> dict[str, str]:
    from flows.steps import glossary_for

    scored = score_text(text, glossary=glossary_for(None), morphology=morphology())
    return {s.clause.text: s.cls.value for s in scored}


@pytest.mark.parametrize(
    "sentence",
    [
        # what someone says ought to be done (चाहिए, should), also when reported
        "पूर्व न्यायाधीश रमाकांत सिन्हा ने कहा कि नगर निगम को हर वार्ड में जांच केंद्र खोलने चाहिए।",
        "Former judge Ramakant Sinha said the corporation should open a testing centre in "
        "every ward.",
        # a label put on something
        "विपक्ष के नेता अनिल गोयल ने बजट को ‘जनता के साथ धोखा’ करार दिया।",
        "Opposition leader Anil Goyal called it a betrayal of the people.",
        # a quote with nothing concrete, however long the speaker's description after it
        "“It is a shame that repeats itself every winter,” said Meera Pillai, who runs a "
        "residents' group called Clean Kochi Forum.",
        # a slogan: its verbs speak to "you"
        "“भ्रष्टाचार बंद करो, किसानों को न्याय दो!”",
        # a quote with nothing concrete, its speaker named after it (the place in the
        # speaker's title is no anchor of the quote)
        "“Selection has become a lottery,” former Mumbai captain Vijay Kale told reporters.",
        # a prediction from a condition
        "If the strike continues, hospitals in Jaipur will run out of oxygen.",
        "अगर हड़ताल जारी रही तो जयपुर के अस्पतालों में ऑक्सीजन खत्म हो जाएगी।",
        # praise or blame with nothing concrete: a view, reported as an act
        "छाल गांव के लोगों ने वन विभाग की मुस्तैदी को सराहा।",
        "Congress leader Rahul Mehta praised the Kerala police.",
        "जयपुर के शिक्षक संघ ने सरकार के फैसले पर खेद जताया है।",
        "The Kerala Hoteliers Association regretted the decision.",
        # an inference: the main clause only judges the clause after it
        "इससे साफ है कि ठेके हड़बड़ी में बांटे गए थे।",
        "It is clear that the contracts for the Lucknow metro were awarded in haste.",
        # a label in quotes, the speaker's size in a relative clause
        "The Bankers Union, which has 4,000 members, called the decision “arbitrary and unjust”.",
        # a quote whose own words are a belief, a guess or a question, however concrete
        "“I think the new stadium in Indore will host a Test match within three years,” said "
        "former selector Arun Bhave.",
        "“The Narmada bridge will probably need another ₹40 crore,” engineer Sunil Rao said.",
        "पर्यावरणविद कविता जोशी ने कहा, “मेरा मानना है कि उदयपुर की झीलों में पानी दस साल में और घटेगा।”",
        "मंच के संयोजक ने पूछा, “नोएडा के 40 हज़ार खरीदारों को घर कब मिलेंगे?”",
        # words given as a prediction, however concrete
        "“By 2030, our Pune plant will make two million scooters a year,” chairman Vikram "
        "Joshi predicted.",
        "“अगले साल तक कंपनी 500 करोड़ रुपये का मुनाफा कमाएगी,” सीईओ राकेश गुप्ता ने भविष्यवाणी की।",
        # a view held by unnamed others, told in the passive
        "The Chepauk pitch is widely regarded as one of the slowest in India.",
    ],
)
def test_views_calls_and_labels_are_no_claims(sentence: str) -> None:
    assert set(_classes(sentence).values()) <= {"non_factual", "unimportant_factual"}


@pytest.mark.parametrize(
    "sentence",
    [
        # "would" in reported speech is its tense: a stated plan, still a claim
        "In a statement, Kaveri Infra said it would challenge the order in the Supreme Court.",
        # a quote with a figure in it stays a claim
        "“We have arrested 14 people so far,” said superintendent of police Rekha Nair.",
        # "called" without a label
        "The district collector called a meeting of all hospital heads on Monday.",
        # a label beside a fact of its own
        "Opposition leader Meera Nair called the bill “a fraud” and said the government had "
        "cut the health budget by 12 per cent.",
        # a condition with a figure: what the law provides
        "If convicted, Sharma faces up to seven years in prison.",
        # लगना in its concrete senses (an electric shock, a fire, barricades put up), not "seem"
        "करंट लगने से दो मजदूरों की मौत हो गई।",
        "पुलिस ने गेट पर लगे बैरिकेड हटाने वाले 23 छात्रों को हिरासत में लिया।",
        # "would" after any verb of saying, the speaker unnamed
        "Officials in the health ministry said the cap would save patients about Rs 1,480 "
        "crore a year.",
        # blame for an act that is itself a fact; acknowledging (ने … माना है कि), not believing
        "Congress leader Rahul Mehta condemned the attack on journalists in Imphal.",
        "रेलवे ने अपनी रिपोर्ट में माना है कि काम 14 महीने पीछे चल रहा है।",
        # … but with a figure or a date it reports a fact
        "यह तय है कि चुनाव 12 मार्च को होंगे।",
        "It is true that 14 people died in Patna.",
        # a phrasal verb is a finite verb
        "Karnataka take on Saurashtra in the quarter-final in Bengaluru from February 6.",
        # a quoted plan with a date ("expect to close by"), a past "thought", a promise
        "“We expect to complete the Dahej plant by June 2027,” chairman Vikram Shah said.",
        "“I saw the smoke at 4:10 pm and thought it was a kitchen fire,” said Rekha Das.",
        "वकील ने कहा, “हम सोमवार को हाईकोर्ट में अपील दाखिल करेंगे।”",
        # a passive of judging that is a fact: the court considered the plea
        "The plea was considered by a bench of Justice Meena Rao on 4 March.",
    ],
)
def test_plans_quoted_figures_and_meetings_stay_claims(sentence: str) -> None:
    assert "checkworthy_factual" in _classes(sentence).values()


def test_a_word_with_a_nukta_is_found_under_its_plain_spelling() -> None:
    # Apertium's dictionary knows जरूरत and हक, not ज़रूरत and हक़ (ड़ is a letter of its own).
    words = morphology().analyse(["ज़रूरत हक़ गड़बड़ी"], "hi")[0]
    assert [(w.text, w.known) for w in words] == [
        ("ज़रूरत", True),
        ("हक़", True),
        ("गड़बड़ी", True),
    ]


def test_list_items_keep_their_dates_and_a_relative_clause_is_no_item() -> None:
    from claims.extract import extract_claims
    from satyapan.apertium import morphology

    talks = (
        "Defence Minister Rajnath Singh held talks with Andrei Belousov on the S-400 delivery"
        " due in March 2026, the Su-30 MKI upgrade and the BrahMos deal."
    )
    claims = extract_claims(talks, include_all=True, morphology=morphology())
    item = min((c for c in claims if "S-400" in c.text), key=lambda c: len(c.text))
    assert len(item.text) < len(talks) - 10  # the item, not the sentence
    assert [d.value for d in item.key_facts.dates] == ["2026-03"]
    case = (
        "The CBI had registered the case in March 2011 on the orders of the Orissa High Court,"
        " which was hearing a public interest petition on illegal mining in Keonjhar and"
        " Sundargarh districts."
    )
    assert [c.text for c in extract_claims(case, include_all=True, morphology=morphology())] == [
        case
    ]


@pytest.mark.parametrize(
    ("sentence", "values"),
    [
        # "एक"/"one" right before another number is an article: a seven-year-old girl
        ("इलाज के दौरान एक सात वर्षीय बच्ची की मौत हो गई।", [7.0]),
        ("Police arrested one 26-year-old man in Patna on Sunday.", [26.0]),
        # … but against another number it counts (one of the two)
        ("पुलिस ने दो में से एक आरोपी को गिरफ्तार किया।", [2.0, 1.0]),
    ],
)
def test_one_before_another_number_is_an_article(sentence: str, values: list[float]) -> None:
    from claims.extract import extract_claims

    found = extract_claims(sentence, morphology=morphology(), include_all=True)
    assert [n.value for c in found for n in c.key_facts.numbers] == values


def test_a_firms_abbreviated_legal_form_stays_in_its_name() -> None:
    from claims.entities import find_entities
    from claims.glossary import default_glossary

    found = find_entities(
        "The godown, owned by Deccan Solvents Pvt. Ltd., stored thinner.", default_glossary()
    )
    assert [e.text for e in found] == ["Deccan Solvents Pvt. Ltd"]


def test_am_and_pm_of_a_clock_time_are_no_parties() -> None:
    found = extract_claims(
        "A fire broke out at the Deccan Solvents godown in Pune at 2.45 PM on Monday.\n\n"
        "The PM visited the site at 6 pm.",
        morphology=morphology(),
        include_all=True,
    )
    assert [[e.text for e in c.key_facts.entities] for c in found] == [
        ["Deccan Solvents", "Pune"],
        ["PM"],  # the prime minister, who is a party
    ]


@pytest.mark.parametrize(
    ("sentence", "checkworthy"),
    [
        # A speaker ranking the news by a superlative gives a view.
        (
            '"This is the most significant ruling on land records in a decade," said advocate '
            "Meera Joshi.",
            False,
        ),
        ('"This is the worst flood the valley has faced," said Ramesh Thapa, 62.', False),
        (
            '"This is the most important win for Indian hockey in many years," said coach '
            "Anil Rao, who was not part of the team.",
            False,
        ),
        ('वकील मीरा जोशी ने कहा, "यह फैसला भू-माफिया के लिए सबसे बड़ा झटका है।"', False),
        # A superlative that is no ranking by the speaker of what happened stays a claim.
        ('"The most affected village is Kharkhoda, where 40 houses fell," he said.', True),
        ('"This bridge was built in 1962," said engineer Anil Rao.', True),
    ],
)
def test_a_quoted_superlative_said_of_the_news_is_a_view(sentence: str, checkworthy: bool) -> None:
    scored = score_text(sentence, morphology=morphology())
    assert (scored[0].cls is ClaimClass.CHECKWORTHY) is checkworthy, scored[0]


def test_a_number_in_brackets_is_no_acronym() -> None:
    from claims.entities import find_entities
    from claims.glossary import default_glossary

    gloss = default_glossary()
    found = find_entities("पुलिस ने मालिक विनोद तिवारी (47) को गिरफ्तार किया।", gloss)
    assert not any(c.isdigit() for e in found for c in e.text)
    found = find_entities("The Kaveri Rural Credit Board (KRCB) said on Monday.", gloss)
    assert ("KRCB", "acronym") in [(e.text, e.kind) for e in found]


def _entities_of(text: str) -> list[tuple[str, str]]:
    from flows.steps import glossary_for

    return [
        (e.text, e.kind)
        for c in extract_claims(
            text, glossary=glossary_for(None), include_all=True, morphology=morphology()
        )
        for e in c.key_facts.entities
    ]


@pytest.mark.parametrize(
    ("sentence", "present", "absent"),
    [
        # the speaker before ने ends at a mark: not the quote's last words
        (
            "“लखनऊ के लोग हम पर भरोसा रखें,” सिंघल ने कहा।",
            ("सिंघल", "name"),
            ("भरोसा रखें,” सिंघल", "name"),
        ),
        # a role alone is no name; the name after a role is one
        ("“भोजन के पैकेट गिराए जाएंगे,” जिलाधिकारी ने कहा।", None, ("जिलाधिकारी", "name")),
        (
            "जिलाधिकारी वैदेही मिश्र की अध्यक्षता में रविवार शाम समीक्षा बैठक हुई।",
            ("वैदेही मिश्र", "name"),
            ("जिलाधिकारी वैदेही", "candidate"),
        ),
        # a town the gazetteer shares with a pronoun or a verb is none; a noun may be one
        (
            "मौसम विभाग ने भारी बारिश की चेतावनी दी है, जिससे नदी का जलस्तर फिर बढ़ सकता है।",
            None,
            ("जिससे", "place"),
        ),
        ("तटबंधों के भीतर बसे 94 गांवों में पानी फैल गया।", None, ("बसे", "place")),
        ("कोटा में 20 हजार छात्र पहुंचे।", ("कोटा", "place"), None),
        # one word the dictionary lacks that the gazetteer lists as a town, before a
        # postposition, is a place
        ("देवास की एक फैक्टरी में मंगलवार को लगी आग में सात मजदूरों की मौत हो गई।", ("देवास", "place"), None),
        # a place the gazetteer lacks is named by the word of its kind after it
        ("रविवार दोपहर किशनपुर प्रखंड में नाव पलटने से दो ग्रामीण लापता हैं।", ("किशनपुर", "place"), None),
    ],
)
def test_names_and_towns_are_read_from_grammar_not_from_gaps(
    sentence: str, present: tuple[str, str] | None, absent: tuple[str, str] | None
) -> None:
    found = _entities_of(sentence)
    if present:
        assert present in found
    if absent:
        assert absent not in found


@pytest.mark.parametrize(
    ("sentence", "checkworthy"),
    [
        # a label someone puts on a thing with बताना is their view of it …
        (
            "प्रोफेसर रमेश चंद्र गोदारा ने इस कदम को सराहनीय बताते हुए कहा कि संस्थान को कंगाल "
            "नहीं किया जा सकता।",
            False,
        ),
        ("विपक्ष ने इस फैसले को ऐतिहासिक भूल बताया।", False),
        # … telling someone something is not labelling it
        ("पुलिस ने पत्रकारों को बताया कि 12 लोगों को गिरफ्तार किया गया है।", True),
        # what something will be, judged, is a view; what will happen, when, is a fact
        ("पटना का नया हवाई अड्डा बिहार में सबसे आधुनिक होगा।", False),
        # how something seems is a view; what seems to have happened is reported
        (
            "Economists in Hyderabad said the budget looked balanced on paper but the revenue "
            "targets appeared optimistic.",
            False,
        ),
        ("पटना में विशेषज्ञों के मुताबिक बजट कागज पर संतुलित लग रहा था।", False),
        ("Mumbai police said the building appeared to have collapsed after the blast.", True),
        ("पुणे में आग लग गई।", True),
        ("पुल सोमवार को यातायात के लिए खोला जाएगा।", True),
    ],
)
def test_a_label_or_a_judged_future_is_a_view(sentence: str, checkworthy: bool) -> None:
    from flows.steps import glossary_for

    scored = score_text(sentence, glossary=glossary_for(None), morphology=morphology())
    assert (scored[0].cls is ClaimClass.CHECKWORTHY) is checkworthy, scored[0]


@pytest.mark.parametrize(
    ("sentence", "checkworthy"),
    [
        # a quote that only puts a word of praise or blame on someone with "is" or "has"
        # (rated by a sentiment lexicon) judges them
        ("“Farida is the true champion of this league,” coach Menon told reporters.", False),
        ("“Kiran has the finest wrists in the country,” Menon said of his batter.", False),
        # … a role, a condition or a deed in the same shape is reported
        ("“Ramesh Tiwari is the main accused in the case,” police in Jaipur said.", True),
        ("“Meena Rawat is stable and out of danger,” the doctor at AIIMS Patna said.", True),
        ("“Ravi Kumar has been arrested in Kota,” the police said.", True),
        # what someone takes a thing to be, now, is their view; what a court held is not
        ("Bankers see the merger as a lifeline for small lenders in Kerala.", False),
        # what an unnamed many hold, with nothing concrete, is a view
        ("स्थानीय दुकानदारों का कहना है कि नए नियम से कारोबार पर बुरा असर पड़ रहा है।", False),
        ("Doctors say the new rules have made hospitals more cautious.", False),
        # … not when it names who did what, or gives a figure
        ("Residents say Sharma fled the village after the fire in Sikar.", True),
        ("अधिकारियों का कहना है कि हादसे में 14 लोग घायल हुए हैं।", True),
        # a main clause that only praises or blames what its relative clause tells judges it
        ("पुलिस ने जिस तरह रात में ही अपहृत बच्चे को बचाया, वह तारीफ़ के काबिल है।", False),
        # … a main clause that tells who or what it was is reported
        ("राज्य सरकार ने जिस अधिकारी को सोमवार को निलंबित किया, वह सीकर जिले का खनन अधिकारी है।", True),
    ],
)
def test_quoted_praise_and_what_unnamed_many_hold_are_views(
    sentence: str, checkworthy: bool
) -> None:
    from flows.steps import glossary_for

    scored = score_text(sentence, glossary=glossary_for(None), morphology=morphology())
    assert (scored[0].cls is ClaimClass.CHECKWORTHY) is checkworthy, scored[0]


def test_without_a_sentiment_lexicon_quoted_praise_stays_a_claim() -> None:
    """The judging words come from the lexicon set at the edge, not from a list of ours."""
    from claims.glossary import default_glossary

    sentence = "“Farida is the true champion of this league,” coach Menon told reporters."
    scored = score_text(sentence, glossary=default_glossary(), morphology=morphology())
    assert scored[0].cls is ClaimClass.CHECKWORTHY, scored[0]


@pytest.mark.parametrize(
    ("sentence", "dates"),
    [
        ("Nagpur, 03.11.2026: Eleven workers were killed in a blast at 11:05 am.", ["11:05"]),
        ("NAGPUR, Nov 3 (PTI) — Eleven workers were killed in a blast.", []),
        # a date that is no dateline's stays
        ("On Monday, 3 November: the blast killed 11 workers.", ["monday", "11-03"]),
        ("Eleven workers were killed on November 3 in Nagpur.", ["11-03"]),
    ],
)
def test_a_datelines_date_is_no_fact_of_the_story(sentence: str, dates: list[str]) -> None:
    claims = extract_claims(sentence, include_all=True, morphology=morphology())
    assert [d.value for d in claims[0].key_facts.dates] == dates


def _counted(sentence: str) -> dict[str, str | None]:
    """What each number of ``sentence`` counts, by its text, as extraction reads it."""
    claims = extract_claims(sentence, include_all=True, morphology=morphology())
    return {n.text: n.counts for c in claims for n in c.key_facts.numbers}


def test_a_number_before_and_shares_the_next_numbers_noun() -> None:
    # "… पक्ष में 52 और विरोध में 31 वोट पड़े": 52 are votes too; "killed 9 and injured 40
    # people" still counts no injuries with its 9.
    assert _counted("प्रस्ताव के पक्ष में 52 और विरोध में 31 वोट पड़े।") == {"52": "vote", "31": "vote"}
    assert _counted("Between 40 and 60 workers were hired at the plant on Monday.") == {
        "40": "worker",
        "60": "worker",
    }
    assert _counted("The blast killed 9 and injured 40 people in Surat on Monday.")["9"] is None


def test_an_english_count_is_of_the_compound_s_head_noun() -> None:
    # "Nine opposition MLAs" counts MLAs (the Hindi "नौ विधायकों" does); "26 tourists killed"
    # still counts the tourists.
    assert _counted("Nine opposition MLAs walked out of the assembly on Monday.") == {"Nine": "mla"}
    assert _counted("Three rescue workers were hurt in Shimla on Friday.") == {"Three": "worker"}
    assert _counted("The police said 26 tourists were killed in Pahalgam.") == {"26": "people"}


def test_a_gallery_index_opening_a_caption_counts_nothing() -> None:
    # "3/9 …" opens the third caption of nine: no number of the clause; a score inside a
    # sentence ("Kashi 162/5") still gives its runs.
    (caption,) = extract_claims(
        "3/9 मलबे में दबे लोगों को खोजते एसडीआरएफ के जवान।", include_all=True, morphology=morphology()
    )
    assert caption.key_facts.numbers == ()
    assert "162" in _counted("Kashi made 162/5 in 20 overs at Varanasi on Sunday.")


def test_a_name_after_a_preposition_of_place_is_a_place() -> None:
    # "his house in Banjara Hills", "near Pipariya": where, not who; a person's name stays a
    # name ("in Rao's absence", "met Rajnath Singh in Delhi").
    from claims.entities import find_entities

    kinds = {
        e.text: e.kind for e in find_entities("The officer was held at his house in Banjara Hills.")
    }
    assert kinds["Banjara Hills"] == "place"
    assert {e.text: e.kind for e in find_entities("The bus overturned near Pipariya.")} == {
        "Pipariya": "place"
    }
    assert {e.text: e.kind for e in find_entities("In Rao's absence, Meena Joshi chaired it.")}[
        "Meena Joshi"
    ] == "name"
    assert find_entities("The session went on in Rao's absence.")[0].kind == "name"
