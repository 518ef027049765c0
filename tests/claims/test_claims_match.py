"""Matching across scripts: support, contradiction, name variants, other events."""

from __future__ import annotations

from dataclasses import replace

import pytest

from claims.extract import extract_claims
from claims.glossary import Glossary
from claims.match import MatchOptions, _link_compounds, _titled, find_evidence
from claims.model import Claim, ClaimType, CoverageText, Entity, EvidenceMatch, Stance
from claims.text import is_devanagari
from flows.steps import glossary_for
from satyapan.apertium import morphology

ARTICLE = (
    "रक्षा मंत्री राजनाथ सिंह ने गुरुवार को किंगदाओ में चीन के रक्षा मंत्री डोंग जून से मुलाकात की।"
    "इस हमले में 26 लोगों की जान गई थी।"
)


def _claim(needle: str) -> int:
    claims = extract_claims(ARTICLE)
    return next(i for i, c in enumerate(claims) if needle in c.text)


def _evidence(*pages: CoverageText) -> tuple[list[Claim], list[EvidenceMatch]]:
    claims = extract_claims(ARTICLE)
    return claims, find_evidence(claims, list(pages))


def _read(article: str) -> tuple[Glossary, list[Claim]]:
    """The pipeline's glossary, and every clause of ``article`` as a claim."""
    gloss = glossary_for(None)
    return gloss, extract_claims(article, glossary=gloss, include_all=True, morphology=morphology())


def _by_page(
    claims: list[Claim], pages: list[CoverageText], gloss: Glossary
) -> dict[str, EvidenceMatch]:
    """Each page's evidence for the claims, by the page's key."""
    return {e.doc_key: e for e in find_evidence(claims, pages, glossary=gloss)}


def test_english_page_supports_a_hindi_claim() -> None:
    page = CoverageText(
        "https://a.example/1",
        "Defence Minister Rajnath Singh met Chinese Defence Minister Dong Jun in Qingdao on "
        "Thursday. The attack in which 26 people were killed was not mentioned.",
        language="en",
    )
    claims, evidence = _evidence(page)
    meet = [e for e in evidence if e.claim_index == _claim("डोंग जून")]
    assert meet and meet[0].stance is Stance.SUPPORTS
    assert "dong jun" in meet[0].matched_facts
    start, end = meet[0].quote_span
    assert page.text[start:end] == meet[0].quote
    h0, h1 = meet[0].highlight
    assert 0 <= h0 < h1 <= len(meet[0].quote)


def test_another_number_contradicts() -> None:
    page = CoverageText(
        "https://b.example/1",
        "Singh met Dong Jun in Qingdao. The attack in which twenty-eight people were killed "
        "was left out of the statement.",
        language="en",
    )
    _, evidence = _evidence(page)
    killed = [e for e in evidence if e.claim_index == _claim("26 लोगों")]
    assert killed and killed[0].stance is Stance.CONTRADICTS
    assert killed[0].conflicting_facts == ("26 people vs 28 people",)


def test_name_variant_still_matches() -> None:
    page = CoverageText(
        "https://c.example/1",
        "Rajnath Singh held talks with Admiral Don Jun in Qingdao on Thursday.",
        language="en",
    )
    _, evidence = _evidence(page)
    assert any(e.claim_index == _claim("डोंग जून") for e in evidence)


def test_page_about_another_event_is_not_evidence() -> None:
    page = CoverageText(
        "https://d.example/1",
        "Defence Minister Rajnath Singh met Chinese Defence Minister Dong Jun in Vientiane "
        "in November 2024, where they discussed patrolling.",
        language="en",
    )
    _, evidence = _evidence(page)
    assert evidence == []


def test_same_topic_page_silent_on_the_number_is_not_evidence_for_it() -> None:
    page = CoverageText(
        "https://e.example/1",
        "In Qingdao, the attack was condemned by the ministers.",
        language="en",
    )
    _, evidence = _evidence(page)
    assert not [e for e in evidence if e.claim_index == _claim("26 लोगों")]


def test_another_recipient_contradicts() -> None:
    article = (
        "रक्षा मंत्री राजनाथ सिंह ने गुरुवार को किंगदाओ में डोंग जून से मुलाकात की।"
        "इस दौरान उन्होंने उन्हें मधुबनी पेंटिंग भेंट की।"
    )
    claims = extract_claims(article)
    gift = next(i for i, c in enumerate(claims) if "पेंटिंग" in c.text)
    page = CoverageText(
        "https://f.example/1",
        "In Qingdao on Thursday, Rajnath Singh presented a Madhubani painting to Andrei "
        "Belousov, the Russian defence minister.",
        language="en",
    )
    evidence = [e for e in find_evidence(claims, [page]) if e.claim_index == gift]
    assert evidence and evidence[0].stance is Stance.CONTRADICTS
    assert evidence[0].conflicting_facts == ("recipient: डोंग जून vs Andrei Belousov",)


def test_another_agent_of_an_arrest_contradicts_and_the_same_agent_supports() -> None:
    claims = extract_claims(
        "The Central Bureau of Investigation (CBI) on Tuesday arrested Rakesh Malhotra at "
        "Mumbai airport."
    )
    pages = [
        CoverageText(
            "https://a.example/ed",
            "The Enforcement Directorate on Tuesday arrested Rakesh Malhotra at Mumbai airport.",
            language="en",
        ),
        CoverageText(
            "https://b.example/cbi",
            "The CBI arrested Rakesh Malhotra at Mumbai airport on Tuesday.",
            language="en",
        ),
    ]
    found = {e.doc_key: e for e in find_evidence(claims, pages, anchors=[])}
    assert found["https://a.example/ed"].stance is Stance.CONTRADICTS
    assert found["https://a.example/ed"].conflicting_facts == (
        "actor: CBI vs Enforcement Directorate",
    )
    assert found["https://b.example/cbi"].stance is Stance.SUPPORTS


def test_a_forecast_supports_nothing_that_happened() -> None:
    claims = extract_claims("The drive covered 11 districts of Assam in its first week.")
    page = CoverageText(
        "https://c.example/1",
        "The drive is expected to cover 11 districts of Assam in its first week.",
        language="en",
    )
    assert find_evidence(claims, [page], anchors=[]) == []


def test_a_page_from_before_the_event_day_cannot_contradict_a_count() -> None:
    from datetime import date

    claims = extract_claims("Assam has recorded 19 deaths from Japanese encephalitis since July 1.")
    earlier = CoverageText(
        "https://d.example/1",
        "Assam has recorded 15 deaths from Japanese encephalitis since July 1.",
        language="en",
        published="2025-07-18",
    )
    later = replace(earlier, key="https://d.example/2", published="2025-07-22")
    found = find_evidence(claims, [earlier, later], anchors=[], event_day=date(2025, 7, 21))
    assert [(e.doc_key, e.stance) for e in found] == [("https://d.example/2", Stance.CONTRADICTS)]


@pytest.mark.parametrize(
    ("claim", "published", "supported"),
    [
        # What happened at the event: a page from the day before cannot report it.
        ("Saurabh Katiyar took three wickets for 29 runs in Lucknow.", "2025-12-06", False),
        ("Saurabh Katiyar took three wickets for 29 runs in Lucknow.", "2025-12-07", True),
        # A fact dated before the page (the background of the event) it can.
        ("Police filed the chargesheet against Katiyar on 12 May 2025.", "2025-12-06", True),
        # And a plan it can announce.
        ("Katiyar will lead the side in Lucknow.", "2025-12-06", True),
        ("कटियार लखनऊ में टीम की कप्तानी करेंगे।", "2025-12-06", True),
    ],
)
def test_a_page_from_before_the_event_day_supports_only_what_came_before_it(
    claim: str, published: str, supported: bool
) -> None:
    from datetime import date

    claims = extract_claims(claim, include_all=True)
    page = CoverageText("https://p.example/1", claim, published=published)
    found = find_evidence(claims, [page], anchors=[], event_day=date(2025, 12, 7))
    assert bool(found and found[0].stance is Stance.SUPPORTS) is supported


def test_clock_times_are_one_term_in_any_spelling_and_pm_is_no_minister() -> None:
    from claims.coverage import terms_of
    from claims.glossary import default_glossary

    gloss = default_glossary()
    hindi = {t.key for t in terms_of("प्रक्षेपण दोपहर 2 बजकर 42 मिनट पर हुआ।", gloss)}
    english = {t.key for t in terms_of("The rocket lifted off at 2.42 pm.", gloss)}
    iso = {t.key for t in terms_of("It lifted off at 14:42 IST on November 18.", gloss)}
    assert "%14:42" in hindi & english & iso
    assert "%11-18" in iso
    assert "@prime_minister" not in english
    assert not {"#2", "#42", "#2.42"} & (hindi | english)  # a time's digits count nothing


def test_a_month_of_a_year_is_no_day_of_another_month() -> None:
    # "March 2011" is 2011-03, not the 3rd of November ("11-03"); a day with or without its
    # year is one key.
    from claims.coverage import terms_of
    from claims.glossary import default_glossary

    gloss = default_glossary()
    month = {t.key for t in terms_of("The CBI registered the case in March 2011.", gloss)}
    november = {t.key for t in terms_of("The court heard it on 3 November.", gloss)}
    assert "%2011-03" in month and "%11-03" in november
    assert not {k for k in month if k[:1] == "%"} & november
    with_year = {t.key for t in terms_of("on June 26, 2025", gloss)}
    assert "%06-26" in with_year & {t.key for t in terms_of("२६ जून को", gloss)}


def test_a_short_report_of_a_long_claims_time_and_parties_supports_it() -> None:
    claims = extract_claims(
        "भारतीय अंतरिक्ष अनुसंधान संगठन (इसरो) ने मंगलवार दोपहर 2 बजकर 42 मिनट पर "
        "श्रीहरिकोटा के सतीश धवन अंतरिक्ष केंद्र से अपने दूसरे मंगल अभियान मंगलयान-2 का "
        "सफल प्रक्षेपण किया और पूरे देश में उत्साह की लहर दौड़ गई।"
    )
    page = CoverageText(
        "https://d.example/1",
        "What launched? ISRO's rocket lifted off from Sriharikota at 14:42 IST carrying "
        "Mangalyaan-2. Weather in the region was clear.",
        language="en",
    )
    other = CoverageText(
        "https://e.example/1",
        "The kabaddi final began at 14:42 in Patna. Fans filled the stands.",
        language="en",
    )
    # A page that shares the claim's other words makes them count: the report above then
    # holds too small a share of the claim's words to be found by words alone.
    background = CoverageText(
        "https://f.example/1",
        "The Satish Dhawan Space Centre in Sriharikota hosts the Indian Space Research "
        "Organisation's launches. A second Mars mission had long been planned; the country "
        "celebrated its first with a wave of enthusiasm.",
        language="en",
    )
    evidence = find_evidence(claims, [page, other, background])
    stances = {e.doc_key: e.stance for e in evidence}
    assert stances.get(page.key) is Stance.SUPPORTS
    assert other.key not in stances


def test_durations_compare_in_days_across_units() -> None:
    claims = extract_claims("A special court sent Rakesh Malhotra to CBI custody for 14 days.")
    same = CoverageText(
        "https://g.example/1",
        "The special court remanded Rakesh Malhotra in CBI custody for two weeks.",
        language="en",
    )
    longer = CoverageText(
        "https://h.example/1",
        "The special court remanded Rakesh Malhotra in CBI custody for three weeks.",
        language="en",
    )
    found = {e.doc_key: e for e in find_evidence(claims, [same, longer], anchors=[])}
    assert found[same.key].stance is Stance.SUPPORTS
    assert found[longer.key].stance is Stance.CONTRADICTS
    assert found[longer.key].conflicting_facts == ("14 day vs 3 week",)


def test_a_quote_that_states_one_of_two_facts_supports_that_fact_only() -> None:
    claims = extract_claims(
        "Assam's health department will give 14 lakh doses to children in 11 districts."
    )
    page = CoverageText(
        "https://i.example/1",
        "Assam's health department will give 14 lakh doses to children across the state.",
        language="en",
    )
    (found,) = find_evidence(claims, [page], anchors=[])
    assert found.stance is Stance.SUPPORTS
    assert found.claim_facts == ("14 lakh doses", "11 districts")
    assert found.missing_facts == ("11 districts",)


def test_a_margin_is_no_rival_to_a_tally_and_two_margins_are() -> None:
    claims = extract_claims(
        "सुशीला धुर्वे ने भारतीय लोकशक्ति पार्टी के विजय परस्ते को 8,742 मतों के अंतर से हराया।"
        " धुर्वे को 71,306 वोट मिले।"
    )
    margin = CoverageText(
        "https://m.example/1",
        "Sushila Dhurve won the Kotma by-election by 8,472 votes over Vijay Paraste.",
        language="en",
    )
    tally = CoverageText(
        "https://m.example/2",
        "Sushila Dhurve defeated Vijay Paraste and polled 71,306 votes in Kotma.",
        language="en",
    )
    found = find_evidence(claims, [margin, tally], anchors=[])
    by_margin = [e for e in found if "अंतर" in claims[e.claim_index].text]
    by_tally = [e for e in found if "71,306" in claims[e.claim_index].text]
    assert [(e.doc_key, e.stance) for e in by_margin if e.doc_key == margin.key] == [
        (margin.key, Stance.CONTRADICTS)
    ]
    assert all(e.stance is Stance.SUPPORTS for e in by_tally)
    assert not [e for e in found if e.doc_key == margin.key and e in by_tally]


def test_a_margin_is_told_by_a_margin_not_by_the_same_number_counting_else() -> None:
    gloss = glossary_for(None)  # the installed lexicon, as the pipeline reads it
    claims = extract_claims(
        "भारत ए ने दक्षिण अफ्रीका ए को 6 विकेट से हरा दिया।", glossary=gloss, morphology=morphology()
    )
    page = CoverageText(
        "https://w.example/1",
        "Ranawat hammered eighty-four, with seven sixes and six fours, to set up a win by "
        "seven wickets over South Africa A.",
        language="en",
    )
    (found,) = find_evidence(claims, [page], anchors=[], glossary=gloss)
    assert found.stance is Stance.CONTRADICTS
    assert found.conflicting_facts == ("6 विकेट vs 7 wickets",)
    # … and a quote whose only six is the margin still supports.
    same = CoverageText(
        "https://w.example/2",
        "India A beat South Africa A by six wickets, Ranawat hitting seven fours.",
        language="en",
    )
    (held,) = find_evidence(claims, [same], anchors=[], glossary=gloss)
    assert held.stance is Stance.SUPPORTS


def test_counts_held_by_two_parties_are_not_rivals() -> None:
    claims = extract_claims("मतगणना में धुर्वे को 71,306 वोट और परस्ते को 62,564 वोट मिले।")
    items = [c for c in claims if c.text.startswith("परस्ते")]
    assert items, [c.text for c in claims]  # the comma inside 71,306 splits nothing
    page = CoverageText("https://n.example/1", "मतगणना में धुर्वे को ७१,३०६ मत मिले।", language="hi")
    found = find_evidence(items, [page], anchors=[])
    assert not [e for e in found if e.stance is Stance.CONTRADICTS]
    other = CoverageText("https://n.example/2", "मतगणना में परस्ते को 61,564 मत मिले।", language="hi")
    (rival,) = find_evidence(items, [other], anchors=[])
    assert rival.stance is Stance.CONTRADICTS


def test_the_one_who_reports_a_fact_is_not_a_party_to_it() -> None:
    claims = extract_claims(
        "District magistrate Kavita Negi Rautela said 1,260 houses had been damaged in Dharchula."
    )
    page = CoverageText(
        "https://o.example/1",
        "According to the district administration, 1,260 houses were damaged in Dharchula.",
        language="en",
    )
    (found,) = find_evidence(claims, [page], anchors=[])
    assert found.stance is Stance.SUPPORTS


def test_another_clock_time_for_the_same_figures_contradicts_only_the_time() -> None:
    claims = extract_claims(
        "A magnitude 5.6 earthquake struck Pithoragarh at 2:47 am on Thursday, killing seven "
        "people and injuring 43."
    )
    page = CoverageText(
        "https://p.example/1",
        "The magnitude 5.6 earthquake struck Pithoragarh at 2:47 pm on Thursday, killing seven "
        "people and injuring 43.",
        language="en",
    )
    found = find_evidence(claims, [page], anchors=[])
    stance = {claims[e.claim_index].text: e for e in found}
    timed = next(e for t, e in stance.items() if "2:47" in t and "killing" not in t)
    assert timed.stance is Stance.CONTRADICTS
    assert timed.conflicting_facts == ("2:47 am vs 2:47 pm",)
    killed = next(e for t, e in stance.items() if t.startswith("killing"))
    assert killed.stance is Stance.SUPPORTS


def test_the_passive_names_the_agent_and_an_acronym_is_its_full_name() -> None:
    claims = extract_claims("The EOW arrested Navneet Saxena in Lucknow on February 14.")
    same = CoverageText(
        "https://q.example/1",
        "Justice Devendra Pratap Mehrotra granted bail on Tuesday. The court noted that Navneet "
        "Saxena had been arrested by the Economic Offences Wing on February 14.",
        language="en",
    )
    other = CoverageText(
        "https://q.example/2",
        "The court noted that Navneet Saxena had been arrested by the Central Bureau of "
        "Investigation on February 14.",
        language="en",
    )
    found = {e.doc_key: e for e in find_evidence(claims, [same, other], anchors=[])}
    assert found[same.key].stance is Stance.SUPPORTS
    assert found[other.key].stance is Stance.CONTRADICTS
    assert found[other.key].conflicting_facts[0].startswith("actor: ")


def test_a_flap_written_without_its_nukta_still_links_a_long_name_across_scripts() -> None:
    from claims.match import _link_terms
    from claims.text import fold_devanagari
    from claims.translit import to_latin

    folded = to_latin(fold_devanagari("पिथौरागढ़"))  # the nukta folded away: …gadh
    assert folded != "pithoragarh"
    assert _link_terms(["pithoragarh"], [folded], 82.0) == {folded: {0}}
    assert _link_terms(["pithoragarh"], ["pitampura"], 82.0) == {}
    assert _link_terms(["marwar"], ["madwad"], 82.0) == {}  # short words keep r and d apart


def test_a_sentence_holding_the_claims_figure_is_tried_before_better_worded_ones() -> None:
    claims = extract_claims(
        "Tarang Mobility runs 1,150 battery-swapping stations for electric scooters in nine cities."
    )
    page = CoverageText(
        "https://u.example/1",
        "Tarang Mobility runs battery-swapping stations for electric scooters. "
        "About us. "
        "Tarang Mobility runs battery-swapping stations for electric scooters in cities. "
        "Contact us. "
        "Tarang Mobility builds battery-swapping stations for electric scooters in big cities. "
        "Careers. "
        "Tarang Mobility runs battery-swapping stations for all electric scooters in cities. "
        "Press. "
        "Tarang Mobility operates 1,150 stations in nine cities.",
        language="en",
    )
    (found,) = find_evidence(claims, [page], anchors=[])
    assert found.stance is Stance.SUPPORTS
    assert "1,150" in found.quote


def test_figures_of_a_bowler_are_no_rivals_to_the_teams_and_convicts_are_told_apart() -> None:
    claims = extract_claims("दक्षिण अफ्रीका ए ने 20 ओवर में 7 विकेट पर 178 रन बनाए।")
    bowler = CoverageText(
        "https://v.example/1",
        "दक्षिण अफ्रीका ए की पारी में सौरभ ने अपने चार ओवर में 29 रन देकर तीन विकेट झटके।",
        language="hi",
    )
    assert not [
        e for e in find_evidence(claims, [bowler], anchors=[]) if e.stance is Stance.CONTRADICTS
    ]
    sentence = extract_claims(
        "Judge Pradnya Khobragade sentenced former chairman Hrishikesh Dabholkar to seven "
        "years in jail."
    )
    same = CoverageText(
        "https://v.example/2",
        "Hrishikesh Dabholkar, the former chairman of the society, was sentenced by Judge "
        "Pradnya Khobragade to ten years in jail.",
        language="en",
    )
    other = CoverageText(
        "https://v.example/3",
        "Judge Pradnya Khobragade sentenced former director Ramesh Kulkarni to ten years in jail.",
        language="en",
    )
    found = {e.doc_key: e.stance for e in find_evidence(sentence, [same, other], anchors=[])}
    assert found[same.key] is Stance.CONTRADICTS
    assert found.get(other.key) is not Stance.CONTRADICTS


def test_sums_given_to_different_recipients_are_not_rivals() -> None:
    claims = extract_claims(
        "राज्य सरकार ने मृतकों के परिजनों को चार-चार लाख रुपये की सहायता देने की घोषणा की।"
    )
    page = CoverageText(
        "https://w.example/1",
        "राज्य सरकार ने सहायता की घोषणा की। प्रशासन ने घायलों को 50-50 हजार रुपये की सहायता दी है।",
        language="hi",
    )
    assert not [
        e for e in find_evidence(claims, [page], anchors=[]) if e.stance is Stance.CONTRADICTS
    ]


def test_two_of_the_claims_own_figures_in_one_quote_are_as_good_as_its_names() -> None:
    from claims.match import MatchOptions

    claims = extract_claims(
        "The project will be financed through a line of credit of ₹1,500 crore (about USD "
        "180 million) from the Export-Import Bank of India."
    )
    both = CoverageText(
        "https://x.example/1",
        "Colombo will get a loan of Rs 15 billion ($180 million) for it, officials said.",
        language="en",
    )
    one = CoverageText(
        "https://x.example/2",
        "Colombo will get a loan of Rs 15 billion for it, officials said.",
        language="en",
    )
    strict = MatchOptions(anchored_relevance=0.0)  # found by their figures, judged by them
    found = {e.doc_key: e for e in find_evidence(claims, [both, one], anchors=[], options=strict)}
    assert found[both.key].stance is Stance.SUPPORTS
    assert found[both.key].missing_facts == ()
    assert one.key not in found


def test_two_figures_of_the_claim_find_a_sentence_that_shares_none_of_its_words() -> None:
    # No lexicon here links depositors and जमाकर्ता, but two of the claim's figures in one
    # sentence, one of them counting the same thing (rupees), seldom meet by chance.
    claims = extract_claims("Investigators said the fraud cheated 8,200 depositors of ₹47 crore.")
    both = CoverageText(
        "https://x.example/1",
        "अदालत ने फैसला सुनाया। 8200 जमाकर्ताओं के 47 करोड़ रुपये डूब गए।",
        language="hi",
    )
    # The same two values, one a span against the claim's count: a fair, not depositors.
    unlike = CoverageText(
        "https://x.example/2",
        "Exporters signed orders worth ₹47 crore at the 8,200-day fair that ended on Saturday.",
        language="en",
    )
    found = {e.doc_key: e for e in find_evidence(claims, [both, unlike], anchors=[])}
    assert found[both.key].stance is Stance.SUPPORTS
    assert "8200" in found[both.key].quote
    assert unlike.key not in found


def test_a_quote_is_judged_by_its_words_not_by_the_figures_around_it() -> None:
    claims = extract_claims(
        '"The Indian Ocean must remain a zone of peace, not of rivalry," Sahni told the '
        "plenary session, which was attended by delegations from 21 of the 23 member states."
    )
    page = CoverageText(
        "https://y.example/1",
        'Addressing the plenary, Sahni said: "The Indian Ocean must remain a zone of peace, '
        'not of rivalry."',
        language="en",
    )
    (found,) = find_evidence(claims, [page], anchors=[])
    assert found.stance is Stance.SUPPORTS


def test_a_recipient_and_an_agent_are_not_compared_as_holders() -> None:
    claims = extract_claims("राजनाथ सिंह ने बैठक में चीन को चार विकल्प सुझाए।")
    page = CoverageText(
        "https://z.example/1",
        "At the meeting Rajnath Singh made five suggestions to China.",
        language="en",
    )
    (found,) = find_evidence(claims, [page], anchors=[])
    assert found.stance is Stance.CONTRADICTS


def test_a_name_in_single_quotes_is_matched_by_its_spelling_across_scripts() -> None:
    claims = extract_claims(
        "मालवाहक जहाज 'एमवी सागर कंचन' गुरुवार सुबह अरब सागर में डूब गया।", include_all=True
    )
    names = {e.latin: e.kind for e in claims[0].key_facts.entities}
    assert names.get("mv sagar kanchan") == "name"
    page = CoverageText(
        "https://z.example/2",
        "The cargo ship Sagar Kanchan sank in the Arabian Sea on Thursday morning.",
        language="en",
    )
    (found,) = find_evidence(claims, [page], anchors=[])
    assert found.stance is Stance.SUPPORTS
    assert "mv sagar kanchan" in found.matched_facts


def test_a_count_of_people_with_a_genitive_death_counts_deaths() -> None:
    # "19 लोगों की मौत" (the death of 19 people) counts deaths, as "19 deaths" does: a
    # page that gives another figure for it disputes the claim.
    claims = extract_claims("Japanese encephalitis has caused 19 deaths in Assam this month.")
    page = CoverageText(
        "https://x.example/1",
        "असम में इस महीने जापानी इंसेफेलाइटिस से 25 लोगों की मौत हो चुकी है।",
        language="hi",
    )
    found = find_evidence(claims, [page], anchors=[])
    assert [e.stance for e in found] == [Stance.CONTRADICTS]


def test_a_names_genitive_holds_its_count() -> None:
    # "नोटा के खाते में 2,211 वोट": NOTA's votes, not a rival of a candidate's 9,118.
    claims = extract_claims("कोतमा उपचुनाव में नोटा के खाते में 2,211 वोट गए।")
    page = CoverageText(
        "https://x.example/1",
        "In the Kotma by-election, independent candidate Ramkhilawan Kevat finished third "
        "with 9,118 votes.",
        language="en",
    )
    other = CoverageText(
        "https://x.example/2",
        "कोतमा उपचुनाव में नोटा के खाते में 2,112 वोट गए।",
        language="hi",
    )
    found = {e.doc_key: e.stance for e in find_evidence(claims, [page, other], anchors=[])}
    assert found.get(page.key) is not Stance.CONTRADICTS
    assert found[other.key] is Stance.CONTRADICTS


def test_a_team_named_by_its_genitive_owner_holds_its_count() -> None:
    # "… ए की टीम ने": the team's runs and wickets are not the bowler's ("सौरभ ने … 29
    # रन देकर तीन विकेट"); another tally for the same team still disputes them.
    claims = extract_claims(
        "शाम सात बजे शुरू हुए मैच में टॉस जीतकर पहले बल्लेबाजी करने उतरी दक्षिण अफ्रीका ए की "
        "टीम ने निर्धारित 20 ओवर में 7 विकेट पर 178 रन बनाए।"
    )
    bowler = CoverageText(
        "https://x.example/1",
        "शाम सात बजे शुरू हुए मैच में दक्षिण अफ्रीका ए ने टॉस जीता। सौरभ ने अपने चार ओवर में 29 रन "
        "देकर तीन विकेट झटके और उन्हें प्लेयर ऑफ द मैच चुना गया।",
        language="hi",
    )
    team = CoverageText(
        "https://x.example/2",
        "टॉस जीतकर पहले बल्लेबाजी करने उतरी दक्षिण अफ्रीका ए की टीम ने 20 ओवर में 7 विकेट पर 187 रन बनाए।",
        language="hi",
    )
    from claims.match import MatchOptions

    every = MatchOptions(min_relevance=1.0)  # every sentence is a candidate: judged on holders
    found = {
        e.doc_key: e.stance
        for e in find_evidence(claims, [bowler, team], anchors=[], options=every)
    }
    assert found.get(bowler.key) is not Stance.CONTRADICTS
    assert found[team.key] is Stance.CONTRADICTS


def test_one_before_a_unit_of_time_is_a_count_not_an_article() -> None:
    # "एक सप्ताह" is seven days: it supports a week's custody, and the 14 days the agency
    # had asked for in the next sentence do not dispute it.
    claims = extract_claims("The court sent Malhotra to CBI custody for seven days.")
    page = CoverageText(
        "https://x.example/1",
        "विशेष अदालत ने मंगलवार को राकेश मल्होत्रा को एक सप्ताह के लिए सीबीआई की हिरासत में भेज "
        "दिया। एजेंसी ने पूछताछ के लिए 14 दिन की हिरासत मांगी थी।",
        language="hi",
    )
    found = find_evidence(claims, [page], anchors=[])
    assert [e.stance for e in found] == [Stance.SUPPORTS]


def test_what_was_asked_for_is_no_rival_of_what_was_granted() -> None:
    claims = extract_claims("The court sent Malhotra to CBI custody for seven days on Tuesday.")
    asked = CoverageText(
        "https://x.example/1",
        "On Tuesday the court heard Malhotra's case. The CBI had sought 14 days of custody "
        "for Malhotra.",
        language="en",
    )
    other = CoverageText(
        "https://x.example/2",
        "On Tuesday the court sent Malhotra to CBI custody for 14 days.",
        language="en",
    )
    found = {e.doc_key: e.stance for e in find_evidence(claims, [asked, other], anchors=[])}
    assert found.get(asked.key) is not Stance.CONTRADICTS
    assert found[other.key] is Stance.CONTRADICTS


def test_a_claims_amount_and_its_year_are_as_good_as_its_names() -> None:
    claims = extract_claims(
        "The two countries will work to take bilateral trade to USD 10 billion by 2030."
    )
    both = CoverageText(
        "https://x.example/1",
        "Both sides agreed on trade of $10 billion by 2030.",
        language="en",
    )
    amount = CoverageText(
        "https://x.example/2",
        "Both sides agreed on trade of $10 billion.",
        language="en",
    )
    found = {e.doc_key: e.stance for e in find_evidence(claims, [both, amount], anchors=[])}
    assert found[both.key] is Stance.SUPPORTS
    assert amount.key not in found


def test_a_figure_of_three_significant_digits_anchors_a_claim_on_its_own() -> None:
    # 68.4 per cent seldom meets another 68.4 by chance: the sentence that gives it for the
    # same thing supports the claim though it shares few of its words (the poll's words are
    # on every page of the coverage, so they weigh little).
    claims = extract_claims("रविवार को हुए मतदान में 68.4 प्रतिशत मतदाताओं ने वोट डाले थे।")
    pages = [
        CoverageText(
            f"https://x.example/{i}",
            f"कोतमा के {i} केंद्रों पर आधे से ज्यादा मतदाताओं ने शांति से वोट डाले, यानी 50 प्रतिशत।",
            language="hi",
        )
        for i in range(1, 9)
    ]
    page = CoverageText(
        "https://x.example/turnout",
        "कोतमा सीट पर मुकाबला कड़ा रहा। इस उपचुनाव में 68.4 प्रतिशत मतदान हुआ था।",
        language="hi",
    )
    found = {e.doc_key: e.stance for e in find_evidence(claims, [*pages, page], anchors=[])}
    assert found.get(page.key) is Stance.SUPPORTS


def test_amounts_three_orders_of_magnitude_apart_are_no_rivals() -> None:
    # A ₹500 fine is no wrong report of a ₹1.24 lakh crore plan, though both are rupees and
    # both stand beside "fares rise"; a misplaced crore (a hundredfold) still disputes.
    claims = extract_claims(
        "Fares rose 15-20% after the ₹1,24,000 crore plan; रु. 500 fines will apply."
    )
    whole = [i for i, c in enumerate(claims) if "रु" in c.text and "crore" in c.text]
    fine = CoverageText(
        "https://x.example/1",
        "The plan is worth Rs 1.24 lakh crore. Fares will rise by 15 to 20 per cent. "
        "Fines of ₹500 apply.",
        language="en",
    )
    misplaced = CoverageText(
        "https://x.example/2",
        "Fares rose 15-20% after the ₹1,240 crore plan; रु. 500 fines will apply.",
        language="en",
    )
    found = find_evidence(claims, [fine, misplaced], anchors=[])
    assert whole
    stances = {(e.claim_index, e.doc_key): e.stance for e in found}
    assert stances.get((whole[0], fine.key)) is not Stance.CONTRADICTS
    assert stances[(whole[0], misplaced.key)] is Stance.CONTRADICTS


def test_the_same_count_with_another_fate_is_neither_support_nor_rival() -> None:
    # Twelve killed and twelve injured both count people in one blast: not one fact.
    for claim_text, page_text in (
        (
            "Twelve people died in the blast at the Dewas factory on Tuesday.",
            "Twelve people were injured in the blast at the Dewas factory on Tuesday, "
            "officials said.",
        ),
        (
            "देवास की फैक्टरी में मंगलवार को हुए धमाके में 12 लोगों की मौत हो गई।",
            "देवास की फैक्टरी में मंगलवार को हुए धमाके में 12 लोग घायल हो गए।",
        ),
    ):
        claims = extract_claims(claim_text)
        page = CoverageText("https://f.example/1", page_text)
        assert find_evidence(claims, [page], anchors=[]) == [], claim_text
    # … and 40 injured is no wrong report of about 48 killed (issue 8's example), while 9
    # killed beside 19 injured still supports 9 killed: a conjunct has its own fate.
    claims = extract_claims("At least 48 people were killed in the blast at the Dewas factory.")
    injured = CoverageText(
        "https://f.example/2", "The blast at the Dewas factory left 40 people injured."
    )
    assert find_evidence(claims, [injured], anchors=[]) == []
    claims = extract_claims("Nine people were killed in the blast at the Dewas factory.")
    both = CoverageText(
        "https://f.example/3",
        "Nine people were killed and 19 others injured in the blast at the Dewas factory.",
    )
    found = find_evidence(claims, [both], anchors=[])
    assert [e.stance for e in found] == [Stance.SUPPORTS]


def test_the_part_of_a_count_shares_its_fate_and_the_ill_are_not_the_treated() -> None:
    # "…, जिनमें 35 बच्चे हैं": the 35 children are of the 140 who fell ill (a fate), so 22
    # children treated at one hospital, a count with no fate, is no rival of them (a child is
    # a person by the thesaurus set at the edge).
    from flows.steps import glossary_for

    gloss = glossary_for(None)
    claims = extract_claims(
        "रतलाम जिले के एक गांव में शादी का खाना खाने के बाद 140 लोग बीमार पड़ गए, जिनमें 35 बच्चे हैं।",
        glossary=gloss,
    )
    part = next(n for c in claims for n in c.key_facts.numbers if n.value == 35)
    assert part.fate == "sicken"
    treated = CoverageText(
        "https://i.example/1",
        "At the district hospital in Ratlam, 22 children were being treated on Monday after "
        "the wedding feast.",
        language="en",
    )
    assert not [
        e
        for e in find_evidence(claims, [treated], anchors=[], glossary=gloss)
        if e.stance is Stance.CONTRADICTS
    ]
    # … and a disease is no fate: "इस बीमारी से 19 लोगों की मौत" counts deaths
    deaths = extract_claims("The state has recorded 19 deaths from the disease since July.")
    page = CoverageText(
        "https://i.example/2", "राज्य में जुलाई से अब तक इस बीमारी से 19 लोगों की मौत हो चुकी है।"
    )
    found = find_evidence(deaths, [page], anchors=[])
    assert [e.stance for e in found] == [Stance.SUPPORTS]


def test_a_plan_for_a_month_of_a_year_needs_a_page_that_gives_it() -> None:
    claims = extract_claims(
        "Director Meera Iyer said the next Agnikul-X flight, carrying the weather satellite "
        "Megh-2, is planned for March 2028."
    )
    vague = CoverageText(
        "https://m.example/1",
        "The Agnikul-X flight lifted off on time on Friday, and the team is already preparing "
        "for the next flight.",
        language="en",
    )
    dated = CoverageText(
        "https://m.example/2",
        "The next Agnikul-X flight, with the Megh-2 weather satellite on board, is planned for "
        "March 2028, Iyer said.",
        language="en",
    )
    whole = next(i for i, c in enumerate(claims) if "March 2028" in c.text)
    for page, stances in ((vague, []), (dated, [Stance.SUPPORTS])):
        found = find_evidence(claims, [page], anchors=[])
        assert [e.stance for e in found if e.claim_index == whole] == stances, page.text


def test_a_toll_for_the_claims_action_backs_a_claim_that_names_no_party() -> None:
    # The ages of the dead are details: a headline that gives the toll tells the fact.
    from flows.steps import glossary_for
    from satyapan.apertium import morphology

    gloss = glossary_for(None)
    claims = extract_claims(
        "इलाज के दौरान दो लोगों की मौत हो गई: छह साल की एक बच्ची और 71 वर्षीय एक बुजुर्ग।",
        include_all=True,
        glossary=gloss,
        morphology=morphology(),
    )
    page = CoverageText(
        "https://t.example/1",
        "रतलाम के एक गांव में शादी का खाना खाने से 150 बीमार, दो की मौत",
        language="hi",
    )
    found = find_evidence(claims, [page], anchors=[], glossary=gloss)
    assert [e.stance for e in found if e.claim_index == 0] == [Stance.SUPPORTS]


def test_the_scorched_are_injured() -> None:
    claims = extract_claims("इटारसी के पास इंजन में लगी आग के हादसे में कोई यात्री घायल नहीं हुआ।")
    page = CoverageText(
        "https://t.example/4",
        "इटारसी के पास इंजन में आग लगने के बाद डिब्बे के पास मौजूद तीन यात्री लपटों की चपेट में आकर झुलस गए।",
        language="hi",
    )
    found = find_evidence(claims, [page], anchors=[])
    assert [(e.stance, e.conflicting_facts) for e in found] == [
        (Stance.CONTRADICTS, ("none injured vs 3 passenger",))
    ]


def test_a_day_of_another_happening_is_no_other_day() -> None:
    claims = extract_claims("A seven-year-old girl died in the district hospital on Sunday.")
    feast = CoverageText(
        "https://t.example/2",
        "A seven-year-old girl died in the district hospital after a wedding reception on "
        "Friday night.",
        language="en",
    )
    other = CoverageText(
        "https://t.example/3",
        "A seven-year-old girl died in the district hospital on Friday.",
        language="en",
    )
    for page, stance in ((feast, Stance.SUPPORTS), (other, Stance.CONTRADICTS)):
        found = find_evidence(claims, [page], anchors=[])
        assert [e.stance for e in found] == [stance], page.text


def test_another_month_of_the_year_for_a_plan_is_a_rival() -> None:
    claims = extract_claims(
        "The next round of the India-Oman Joint Commission will be held in Muscat in March 2028.",
        include_all=True,
    )
    other = CoverageText(
        "https://m.example/3",
        "भारत-ओमान संयुक्त आयोग की अगली बैठक फरवरी २०२८ में मस्कट में होगी।",
        language="hi",
    )
    found = [e for e in find_evidence(claims, [other], anchors=[]) if e.claim_index == 0]
    assert [e.stance for e in found] == [Stance.CONTRADICTS]
    assert found[0].conflicting_facts == ("March 2028 vs फरवरी २०२८",)


def test_a_quote_put_in_another_named_persons_mouth_is_disputed() -> None:
    article = (
        "“The Vaitarna-2 dam held through the worst night of the monsoon,” chief engineer Prakash "
        "Deshmukh told reporters in Nashik on Tuesday."
    )
    claims = extract_claims(article, include_all=True)
    said = next(i for i, c in enumerate(claims) if c.type is ClaimType.QUOTE)
    other = CoverageText(
        "https://s.example/1",
        "“The Vaitarna-2 dam held through the worst night of the monsoon,” district "
        "collector Anita Pawar said in Nashik on Tuesday.",
        language="en",
    )
    same = CoverageText(
        "https://s.example/2",
        "Engineer Prakash Deshmukh said in Nashik: “The Vaitarna-2 dam held through the "
        "worst night of the monsoon.”",
        language="en",
    )
    unnamed = CoverageText(
        "https://s.example/3",
        "The water level fell by Tuesday. “The Vaitarna-2 dam held through the worst night of the "
        "monsoon,” the chief engineer said in Nashik.",
        language="en",
    )
    for page, stance in (
        (other, Stance.CONTRADICTS),
        (same, Stance.SUPPORTS),
        (unnamed, Stance.SUPPORTS),
    ):
        found = [e for e in find_evidence(claims, [page], anchors=[]) if e.claim_index == said]
        assert [e.stance for e in found] == [stance], page.text
    found = [e for e in find_evidence(claims, [other], anchors=[]) if e.claim_index == said]
    assert found[0].conflicting_facts == ("speaker: Prakash Deshmukh vs Anita Pawar",)


def test_a_quotes_pronoun_does_not_make_the_person_named_before_a_party() -> None:
    article = (
        "The court acquitted former manager Sunil Ghorpade of all charges. "
        '"The accused betrayed the trust of small savers who had handed over their savings '
        'to the society," the judge observed in her judgment.'
    )
    claims = extract_claims(article, include_all=True)  # (a quoted view: not check-worthy)
    page = CoverageText(
        "https://q.example/1",
        "Delivering the verdict, the judge observed that the accused had betrayed the trust "
        "of small savers who had handed over their savings to the society.",
    )
    quote = next(i for i, c in enumerate(claims) if "betrayed" in c.text)
    found = [e for e in find_evidence(claims, [page], anchors=[]) if e.claim_index == quote]
    assert [e.stance for e in found] == [Stance.SUPPORTS]


def test_about_a_value_is_one_of_the_claims_figures() -> None:
    # Two figures of the claim in one sentence find it whatever its words; "about" 4.5 hours
    # is one of them.
    claims = extract_claims(
        "Eighteen fire tenders from Dewas, Indore and Ujjain battled the blaze in the solvent "
        "plant for about four and a half hours before it was brought under control."
    )
    page = CoverageText(
        "https://h.example/1",
        "Residents watched from their roofs. It took 18 engines nearly 4.5 hours to douse it.",
    )
    found = find_evidence(claims, [page], anchors=[])
    assert [e.stance for e in found] == [Stance.SUPPORTS]


def test_the_day_of_a_date_is_no_figure_a_report_must_repeat() -> None:
    # 68.4 per cent anchors the claim alone (three significant digits); the 11 of "11 नवंबर"
    # is part of a date, not a second figure the sentence must also hold.
    claims = extract_claims(
        "11 नवंबर को हुए मतदान में 68.4 प्रतिशत मतदाताओं ने सुबह से लंबी कतारों में खड़े होकर वोट डाले थे।"
    )
    page = CoverageText(
        "https://d.example/1",
        "सुबह से मतदाता लंबी कतारों में खड़े होकर वोट डालते दिखे। नतीजे आने के बाद समर्थकों ने "
        "जश्न मनाया। इस उपचुनाव में 68.4 प्रतिशत मतदान हुआ था।",
    )
    found = find_evidence(claims, [page], anchors=[])
    assert [(e.stance, "68.4" in e.quote) for e in found] == [(Stance.SUPPORTS, True)]


def test_the_same_count_with_the_same_fate_counts_the_same_people_in_any_words() -> None:
    # No lexicon here links नाविक and crew, nor तटरक्षक बल and Coast Guard: that 16 were
    # rescued on both sides says they are the same sixteen.
    claims = extract_claims("भारतीय तटरक्षक बल ने 16 नाविकों को सुरक्षित बचा लिया।")
    page = CoverageText(
        "https://r.example/1",
        "The Indian Coast Guard rescued 16 of the 22 crew members on board on Friday.",
    )
    found = find_evidence(claims, [page], anchors=[])
    assert [e.stance for e in found] == [Stance.SUPPORTS]


def test_a_sentences_length_has_no_fate() -> None:
    claims = extract_claims(
        "The court convicted Dabholkar and sentenced him to seven years in jail."
    )
    page = CoverageText(
        "https://r.example/2", "The court convicted seven accused in the case on Friday."
    )
    assert not [e for e in find_evidence(claims, [page], anchors=[]) if e.stance is Stance.SUPPORTS]


def test_beside_a_clock_time_a_span_of_time_is_a_detail() -> None:
    claims = extract_claims(
        "The Syed Mushtaq Ali Trophy final at Eden Gardens began at 4.30 pm, 30 minutes late."
    )
    late = CoverageText(
        "https://t.example/1",
        "The Syed Mushtaq Ali Trophy final at Eden Gardens began at 5 pm after rain.",
    )
    found = find_evidence(claims, [late], anchors=[])
    assert [e.stance for e in found] == [Stance.CONTRADICTS]
    assert found[0].conflicting_facts == ("4.30 pm vs 5 pm",)


def test_every_figure_counting_the_same_thing_stands_for_a_verb_no_glossary_knows() -> None:
    claim = "The state government announced ₹25 crore in immediate relief for Pithoragarh district."
    claims = extract_claims(claim)
    sanctioned = CoverageText(
        "https://s.example/1",
        "The state government has sanctioned ₹25 crore in immediate relief for Pithoragarh "
        "district.",
    )
    found = find_evidence(claims, [sanctioned], anchors=[])
    assert [e.stance for e in found] == [Stance.SUPPORTS]
    # … but what someone asked for is not what was given
    demanded = CoverageText(
        "https://s.example/2",
        "The opposition demanded ₹25 crore in immediate relief for Pithoragarh district.",
    )
    assert find_evidence(claims, [demanded], anchors=[]) == []


def test_a_sum_with_its_currency_code_glued_on_is_no_party() -> None:
    from claims.entities import find_entities

    assert find_entities("USD1.2m (about ₹10 crore) was pledged by traders.") == ()
    assert [e.text for e in find_entities("India ordered more S-400 units.")][-1] == "S-400"
    # so a clause beside it needs no page naming "USD1.2m" to be supported
    claims = extract_claims(
        "The Gujarat government sanctioned Rs. 4,00,000 for each victim's family and USD1.2m "
        "was pledged by traders."
    )
    page = CoverageText(
        "https://u.example/1",
        "The state government announced Rs 4 lakh for the family of each of the dead.",
    )
    sanctioned = [
        e
        for e in find_evidence(claims, [page], anchors=[])
        if claims[e.claim_index].text.endswith("family")
    ]
    assert [e.stance for e in sanctioned] == [Stance.SUPPORTS]


def test_two_deadlines_for_one_order_are_rivals() -> None:
    claims = extract_claims("जस्टिस अनुराधा मिश्रा ने कहा कि यह राशि आठ सप्ताह के भीतर अदा की जाए।")
    page = CoverageText(
        "https://d.example/1",
        "जस्टिस अनुराधा मिश्रा ने राज्य सरकार को तीन माह के भीतर 25 लाख रुपये का मुआवजा देने के निर्देश दिए।",
        language="hi",
    )
    (found,) = find_evidence(claims, [page], anchors=[])
    assert found.stance is Stance.CONTRADICTS
    assert found.conflicting_facts == ("8 week vs 3 month",)
    # … and a span that is no deadline is no rival of one
    other = CoverageText(
        "https://d.example/2",
        "जस्टिस अनुराधा मिश्रा ने तीन माह तक चली सुनवाई के बाद यह राशि अदा करने को कहा।",
        language="hi",
    )
    assert not [
        e for e in find_evidence(claims, [other], anchors=[]) if e.stance is Stance.CONTRADICTS
    ]


@pytest.mark.parametrize(
    ("page", "stances"),
    [
        # A rough figure further than a tenth away is another figure.
        (
            "Saaras Ventures also invested. The round values the company at about $350 "
            "million post-money.",
            [Stance.CONTRADICTS],
        ),
        # Within rounding it is no rival (and, not being the figure, no support either).
        ("The round values the company at about $300 million post-money.", []),
    ],
)
def test_a_rough_figure_is_a_rival_only_beyond_its_rounding(
    page: str, stances: list[Stance]
) -> None:
    claims = extract_claims(
        "Saaras Ventures took part in the round, which values the company at $310 million "
        "post-money."
    )
    found = find_evidence(claims, [CoverageText("https://r.example/1", page)], anchors=[])
    assert [e.stance for e in found] == stances


@pytest.mark.parametrize(
    ("page", "contradicts"),
    [
        # A rough conversion in brackets restates the amount just before it (a rupee sum,
        # another quantity): no rival of its own.
        (
            "उन पर बैंकों के साथ करीब 12.4 अरब रुपये (लगभग 14 करोड़ डॉलर) की धोखाधड़ी का "
            "आरोप है। जांच एजेंसी का कहना है कि कर्ज की रकम दुबई की तीन कंपनियों को भेजी गई।",
            False,
        ),
        # In brackets after no amount it is the quote's own figure.
        (
            "Investigators allege the loan money (about $140 million) was sent to three "
            "companies in Dubai.",
            True,
        ),
    ],
)
def test_a_bracketed_conversion_is_no_rival(page: str, contradicts: bool) -> None:
    claims = extract_claims(
        "Investigators allege that USD 38 million of the loan money was sent to three "
        "companies in Dubai."
    )
    found = find_evidence(claims, [CoverageText("https://r.example/1", page)], anchors=[])
    assert found
    assert any(e.stance is Stance.CONTRADICTS for e in found) is contradicts


def test_teams_told_apart_by_more_than_their_letter() -> None:
    # "भारत ए" and "दक्षिण अफ्रीका ए": the A team's overs are not the other A team's.
    claims = extract_claims(
        "टॉस जीतकर पहले बल्लेबाजी करने उतरी दक्षिण अफ्रीका ए की टीम ने निर्धारित 20 ओवर "
        "में 7 विकेट पर 178 रन बनाए।"
    )
    page = CoverageText(
        "https://t.example/1",
        "दक्षिण अफ्रीका ए ने पहले खेलते हुए 178/7 का स्कोर खड़ा किया। जवाब में भारत ए ने "
        "19.4 ओवर में 4 विकेट पर 179 रन बनाकर मैच जीत लिया।",
    )
    found = find_evidence(claims, [page], anchors=[])
    assert found and all(e.stance is Stance.SUPPORTS for e in found)


def test_a_loanword_counts_the_same_thing_in_both_scripts() -> None:
    # ओवर is "over", which the bilingual dictionary does not list: its consonants tell, so
    # the page's 20 overs are the claim's 20 ओवर and support it ("put up" is no verb the
    # glossary knows: the figures, counting the same things, carry it) …
    claims = extract_claims("टीम ने 20 ओवर में 178 रन बनाए।", glossary=glossary_for(None))
    page = CoverageText("https://l.example/1", "The side put up 178 in its 20 overs.")
    found = find_evidence(claims, [page], glossary=glossary_for(None), anchors=[])
    assert [e.stance for e in found] == [Stance.SUPPORTS]
    # … but a spelling alone is no proof that another value disputes it.
    page = CoverageText("https://l.example/2", "The side put up 178 in its 18 overs.")
    found = find_evidence(claims, [page], glossary=glossary_for(None), anchors=[])
    assert Stance.CONTRADICTS not in [e.stance for e in found]


def test_the_ordinal_first_is_no_figure_a_report_must_repeat() -> None:
    claims = extract_claims(
        "India became the first country to land 2 rovers near the lunar south pole on Friday."
    )
    assert [n.value for n in claims[0].key_facts.numbers] == [1, 2]  # extracted: a rank
    page = CoverageText(
        "https://f.example/1",
        "On Friday India landed 2 rovers near the south pole of the Moon, the space agency said.",
    )
    found = find_evidence(claims, [page], anchors=[])
    assert [e.stance for e in found] == [Stance.SUPPORTS]
    assert found[0].missing_facts == ()


@pytest.mark.parametrize(
    ("page", "contradicts"),
    [
        ("About 1,000 families were moved to relief camps in Dharchula on Friday.", False),
        ("About 1,400 families were moved to relief camps in Dharchula on Friday.", True),
    ],
)
def test_a_round_figure_holds_what_its_rounding_allows(page: str, contradicts: bool) -> None:
    claims = extract_claims("870 families were moved to relief camps in Dharchula on Friday.")
    found = find_evidence(claims, [CoverageText("https://o.example/1", page)], anchors=[])
    assert any(e.stance is Stance.CONTRADICTS for e in found) is contradicts


def _page(url: str, text: str) -> CoverageText:
    """A coverage page in the language its text is written in."""
    return CoverageText(url, text, language="hi" if is_devanagari(text) else "en")


def _matched(
    article: str, needle: str, page: CoverageText, glossary: Glossary | None = None
) -> list[EvidenceMatch]:
    claims = extract_claims(article, include_all=True, morphology=morphology())
    ci = min((len(c.text), i) for i, c in enumerate(claims) if needle in c.text)[1]
    return [e for e in find_evidence(claims, [page], glossary=glossary) if e.claim_index == ci]


def test_a_clause_without_parties_is_found_through_its_sentence_across_scripts() -> None:
    # "ग्यारह अन्य झुलस गए" names neither the mill nor the workers: the rest of its sentence
    # does, and the English report says both.
    article = (
        "नागपुर की एक कपड़ा मिल में बुधवार रात आग लगने से पांच कर्मचारियों की मौत हो गई, "
        "जबकि ग्यारह अन्य झुलस गए।"
    )
    page = CoverageText(
        "https://mill.example/fire",
        "Five employees died and eleven others suffered burns when a fire broke out at a "
        "textile mill in Nagpur on Wednesday night, police said.",
        language="en",
    )
    found = _matched(article, "ग्यारह अन्य", page)
    assert [e.stance for e in found] == [Stance.SUPPORTS]
    assert "eleven" in found[0].quote


def test_a_value_the_article_gives_to_its_other_fact_is_no_rival() -> None:
    article = (
        "The statement said exports had reached $4.2 billion last year, and that the two "
        "governments would work to take them to $9 billion by 2030."
    )
    page = CoverageText(
        "https://trade.example/1",
        "Exports between the two countries reached $4.2 billion last year, the statement said, "
        "and both governments would work to raise them further by 2030.",
        language="en",
    )
    found = _matched(article, "$9 billion", page)
    assert all(e.stance is not Stance.CONTRADICTS for e in found)
    # … while another figure for the same target still disputes it.
    rival = replace(
        page,
        key="https://trade.example/2",
        text=page.text.replace("raise them further by 2030", "take them to $12 billion by 2030"),
    )
    assert [e.stance for e in _matched(article, "$9 billion", rival)] == [Stance.CONTRADICTS]


def test_a_rival_figure_is_searched_on_every_page_found_on_the_event() -> None:
    # The page is found by the article's first sentence. The sentence that gives another sum
    # for the payment is searched for what it counts (rupees), whatever its words: with the
    # ranking set so high that no sentence is a quote on its words alone, it is still found.
    article = (
        "The high court ordered compensation for the family of the youth who died in custody. "
        "Northern Railway paid the family Rs 6 lakh on Friday."
    )
    page = CoverageText(
        "https://court.example/1",
        "The high court ordered compensation for the family of the youth who died in custody. "
        "The youth had been detained in March. Villagers protested for days. "
        "On Friday Northern Railway handed Rs 8 lakh to his mother.",
        language="en",
    )
    claims = extract_claims(article, include_all=True, morphology=morphology())
    paid = next(i for i, c in enumerate(claims) if "6 lakh" in c.text)
    words_only = MatchOptions(min_relevance=99.0, anchored_relevance=99.0)
    found = [e for e in find_evidence(claims, [page], options=words_only) if e.claim_index == paid]
    assert [(e.stance, e.conflicting_facts) for e in found] == [
        (Stance.CONTRADICTS, ("600000 rupee vs 800000 rupee",))
    ]
    # A number alone is not enough: the sentence must name the claim's party.
    anonymous = replace(page, text=page.text.replace("Northern Railway", "the state"))
    found = find_evidence(claims, [anonymous], options=words_only)
    assert not [e for e in found if e.claim_index == paid]
    # … and the search can be switched off.
    off = replace(words_only, rival_relevance=101.0)
    assert not [e for e in find_evidence(claims, [page], options=off) if e.claim_index == paid]


def test_a_figure_of_what_only_one_sentence_counts_needs_no_names() -> None:
    # "3,600 vaccinators" is the claim's own fact wherever a page on the event says it,
    # however the page leaves out who said it; not so when the article counts vaccinators
    # twice (then which count a page gives is told by its names and words, as before).
    article = (
        "Assam began a measles vaccination drive in nine districts on Monday. State "
        "immunisation officer Dr Meera Saikia said 3,600 vaccinators had been deployed for "
        "the drive."
    )
    page = CoverageText(
        "https://health.example/1",
        "Assam began a measles vaccination drive in nine districts on Monday. On the first "
        "day, 3,600 vaccinators fanned out across schools and health centres, officials said.",
        language="en",
    )
    found = _matched(article, "3,600 vaccinators", page)
    assert [e.stance for e in found] == [Stance.SUPPORTS]
    assert "3,600 vaccinators fanned out" in found[0].quote
    twice = article + " Last year 2,900 vaccinators took part."
    assert _matched(twice, "3,600 vaccinators", page) == []


def test_a_claims_clock_time_anchors_a_quote_that_shares_few_of_its_words() -> None:
    # A claim without figures whose time the quote gives in other words ("रात करीब पौने दो
    # बजे" / "रात लगभग 1:45 बजे") is reported by it, however few of the long claim's words
    # it repeats; another time is not.
    article = (
        "पुलिस के मुताबिक ट्रक नागपुर से रायपुर जा रहा था। रात करीब पौने दो बजे भंडारा जिले में"
        " साकोली कस्बे के पास एक संकरे पुल पर रातभर लगातार गाड़ी चला रहे थके हुए चालक को अचानक"
        " झपकी आ गई।"
    )

    def page(time: str) -> CoverageText:
        return CoverageText(
            "https://truck.example/1",
            f"भंडारा, 4 मार्च। हादसा सोमवार को हुआ। रात लगभग {time} बजे एक पुल पर ट्रक रेलिंग"
            " तोड़कर नीचे जा गिरा। ट्रक में चावल की बोरियां लदी थीं और सड़क पर लंबा जाम लग गया।",
            language="hi",
        )

    (found,) = _matched(article, "पौने दो बजे", page("1:45"))
    assert found.stance is Stance.SUPPORTS
    assert found.score < MatchOptions().min_relevance
    assert not [
        e for e in _matched(article, "पौने दो बजे", page("3:10")) if e.stance is Stance.SUPPORTS
    ]


_CAPSIZE = "बिहार के भागलपुर जिले में गंगा नदी में रविवार को एक नाव पलटने से 11 यात्रियों की मौत हो गई।"


@pytest.mark.parametrize(
    ("report", "stance", "conflict"),
    [
        # a toll that names no kind of victim is the toll of the claim's passengers
        (
            "At least 13 people were killed when a boat capsized in the Ganga in Bhagalpur"
            " district on Sunday.",
            Stance.CONTRADICTS,
            "11 passenger vs 13 people",
        ),
        (
            "भागलपुर में गंगा में नाव हादसे में मृतकों की संख्या बढ़कर 13 हो गई है।",
            Stance.CONTRADICTS,
            "11 passenger vs 13",
        ),
        (
            "Eleven passengers died when a boat capsized in the Ganga in Bhagalpur on Sunday.",
            Stance.SUPPORTS,
            None,
        ),
        # an increment, a part, a ceiling and a floor below the toll are no other toll
        (
            "Two more people died in hospital on Monday after a boat capsized in the Ganga in"
            " Bhagalpur on Sunday.",
            None,
            None,
        ),
        (
            "Up to 9 people were killed when a boat capsized in the Ganga in Bhagalpur on Sunday.",
            None,
            None,
        ),
        (
            "At least 9 people were killed when a boat capsized in the Ganga in Bhagalpur on"
            " Sunday.",
            None,
            None,
        ),
    ],
)
def test_a_toll_that_names_no_victims_rivals_the_claims_toll(
    report: str, stance: Stance | None, conflict: str | None
) -> None:
    page = _page("https://boat.example/1", report)
    found = _matched(_CAPSIZE, "11 यात्रियों", page)
    assert [e.stance for e in found] == ([stance] if stance else [])
    if conflict:
        assert found[0].conflicting_facts == (conflict,)


@pytest.mark.parametrize(
    ("text", "rough", "bound"),
    [
        ("a loan of ₹1,500 crore (about USD 180 million)", True, False),
        ("about $350 million", True, False),
        ("करीब 40 लोग", True, False),
        ("more than Rs 500 crore", False, True),
        ("USD 180 million", False, False),
    ],
)
def test_a_currency_between_the_word_and_the_number_keeps_it_rough_or_a_bound(
    text: str, rough: bool, bound: bool
) -> None:
    from claims.coverage import sentence_facts
    from claims.match import _bound, _rough

    fact = sentence_facts(text, glossary_for(None))[1][-1]
    assert (_rough(fact, text), _bound(fact, text)) == (rough, bound)


_SENTENCING = (
    "Nagpur police arrested the two men in January. District judge Kavita Deshmukh pronounced"
    " the sentence around 4.15 pm in a packed courtroom."
)


@pytest.mark.parametrize(
    ("report", "stance"),
    [
        # the same happening (its words), another time: a rival, though the judge is unnamed
        (
            "The court pronounced the sentence at about 12.30 pm on Friday, the prosecution"
            " said. Nagpur police had arrested the two men in January.",
            Stance.CONTRADICTS,
        ),
        # another happening of the day at another time
        (
            "The hearing in Nagpur began at 11 am on Friday. Police had arrested the two men"
            " in January.",
            None,
        ),
        # the page's own time stamp is no time of the sentencing
        (
            "Staff Reporter · Nagpur · 14 March 2025, 6:40 pm\nDistrict judge Kavita Deshmukh"
            " pronounced the sentence in a packed courtroom.",
            Stance.SUPPORTS,
        ),
    ],
)
def test_another_time_for_the_same_happening_rivals_the_claims_time(
    report: str, stance: Stance | None
) -> None:
    page = CoverageText("https://court.example/1", report, language="en")
    found = _matched(_SENTENCING, "4.15 pm", page)
    assert [e.stance for e in found if e.stance is not Stance.SUPPORTS or stance] == (
        [stance] if stance else []
    )


@pytest.mark.parametrize(
    ("text", "stamp"),
    [
        ("Arvind Solanki · Dewas · 12 March 2025, 2:20 pm", True),
        ("अपडेट: 11 मार्च 2025, शाम 5:45 बजे", True),
        ("Updated: 14:05 IST", True),
        ("The court pronounced its verdict at around 11 am", False),
        ("In 2024 the fire began at 5 pm", False),
    ],
)
def test_a_pages_own_time_stamp_is_no_time_of_what_happened(text: str, stamp: bool) -> None:
    from claims.extract import find_dates
    from claims.match import _timestamp

    (at,) = [a for d, a, _ in find_dates(text) if d.kind == "time"]
    assert _timestamp(text, at) is stamp


def test_a_demand_that_is_a_quantity_has_rivals_and_gigawatts_are_megawatts() -> None:
    # "बिजली की मांग" is power consumed, not something asked for: another peak is a rival;
    # 89.95 GW is 89,950 MW and 87.31 GW the claim's own 87,310 MW.
    article = (
        "उत्तर भारत में भीषण गर्मी के बीच मंगलवार को बिजली की मांग 87,310 मेगावाट के रिकॉर्ड स्तर पर पहुंच गई।"
    )

    def stance(report: str) -> list[tuple[Stance, tuple[str, ...]]]:
        page = _page("https://grid.example/1", report)
        return [(e.stance, e.conflicting_facts) for e in _matched(article, "87,310", page)]

    rival = ("87310 megawatt vs 89950 megawatt",)
    assert stance("उत्तरी क्षेत्र में मंगलवार को बिजली की अधिकतम मांग 89,950 मेगावाट दर्ज की गई।") == [
        (Stance.CONTRADICTS, rival)
    ]
    assert stance(
        "The northern grid met a peak demand of 89.95 GW on Tuesday, officials said."
    ) == [(Stance.CONTRADICTS, rival)]
    assert stance("Peak demand in the north touched 87.31 GW on Tuesday.") == [
        (Stance.SUPPORTS, ())
    ]


def test_a_demand_reports_no_fact_but_supports_a_demand() -> None:
    article = (
        "A special court in Bhopal acquitted former minister Harishankar Patel on Monday. The"
        " CBI will challenge the acquittal in the Madhya Pradesh High Court, its spokesperson"
        " said."
    )
    demand = CoverageText(
        "https://bhopal.example/1",
        "भोपाल की विशेष अदालत ने सोमवार को पूर्व मंत्री हरिशंकर पटेल को बरी कर दिया। विपक्षी"
        " दलों ने मांग की कि सीबीआई इस फैसले को मध्य प्रदेश हाईकोर्ट में चुनौती दे।",
        language="hi",
    )
    report = CoverageText(
        "https://bhopal.example/2",
        "भोपाल की विशेष अदालत ने सोमवार को पूर्व मंत्री हरिशंकर पटेल को बरी कर दिया। सीबीआई"
        " इस फैसले को मध्य प्रदेश हाईकोर्ट में चुनौती देगी, एजेंसी के प्रवक्ता ने कहा।",
        language="hi",
    )
    assert _matched(article, "challenge the acquittal", demand) == []
    assert [e.stance for e in _matched(article, "challenge the acquittal", report)] == [
        Stance.SUPPORTS
    ]
    asked = "Opposition parties demanded that the CBI challenge the acquittal in the High Court."
    assert [e.stance for e in _matched(asked, "challenge the acquittal", demand)] == [
        Stance.SUPPORTS
    ]


@pytest.mark.parametrize(
    ("report", "stance"),
    [
        ("In the Bhopal trial the defence examined 12 witnesses of its own.", None),
        ("In the Bhopal trial the prosecution examined 61 witnesses.", Stance.CONTRADICTS),
        ("In the Bhopal trial the prosecution examined 64 witnesses.", Stance.SUPPORTS),
    ],
)
def test_a_count_made_by_another_common_noun_is_no_rival(
    report: str, stance: Stance | None
) -> None:
    # The prosecution's 64 witnesses and the defence's 12 are two counts; a count that only
    # someone else reports ("officials confirmed 16 deaths") is still the same count.
    article = "In the Bhopal trial the prosecution examined 64 witnesses over eleven years."
    page = CoverageText("https://bhopal.example/3", report, language="en")
    assert [e.stance for e in _matched(article, "64 witnesses", page)] == (
        [stance] if stance else []
    )


def test_a_count_reported_by_someone_else_is_still_a_rival() -> None:
    from claims.coverage import sentence_facts
    from claims.match import _same_holder

    gloss = glossary_for(None)
    claim = "In Bahraich the police confirmed 14 deaths on Tuesday."
    quote = "In Bahraich the officials confirmed 16 deaths on Tuesday."
    (a,) = sentence_facts(claim, gloss)[1]
    (b,) = sentence_facts(quote, gloss)[1]
    assert _same_holder(a, claim, b, quote, gloss)


@pytest.mark.parametrize(
    ("report", "stance"),
    [
        # Every party named, the bound left out: the fact is told.
        (
            "On Friday the special ACB court in Jaipur acquitted former Rajasthan health minister "
            "Harish Chaudhary, saying the police had failed to prove the charge.",
            Stance.SUPPORTS,
        ),
        (
            "जयपुर की विशेष एसीबी अदालत ने शुक्रवार को राजस्थान के पूर्व स्वास्थ्य मंत्री हरीश चौधरी "
            "को रिश्वत के मामले में बरी कर दिया।",
            Stance.SUPPORTS,
        ),
        # One party only (the minister, not the court of the ACB): not enough without the bound.
        (
            "Former Rajasthan health minister Harish Chaudhary spent the day with his family in "
            "Dausa, his aides said.",
            None,
        ),
    ],
)
def test_a_claims_floor_is_a_detail_beside_every_one_of_its_parties(
    report: str, stance: Stance | None
) -> None:
    # "more than nine years" is a bound in a clause about the case; the claim's fact is the
    # acquittal of its named parties.
    article = (
        "A special ACB court in Jaipur on Friday acquitted former Rajasthan health minister "
        "Harish Chaudhary in a bribery case that had dragged on for more than nine years."
    )
    page = _page("https://jaipur.example/acb", report)
    found = _matched(article, "acquitted", page)
    assert [e.stance for e in found] == ([stance] if stance else [])


@pytest.mark.parametrize(("district", "contradicts"), [("उत्तरकाशी", True), ("चमोली", False)])
def test_a_rival_toll_in_the_claims_place_needs_no_other_party(
    district: str, contradicts: bool
) -> None:
    # The claim names no person or body, only where it happened: the rival's sentence, far
    # from the page's account of the crash, names that place and the claim's action (deaths),
    # and shares few other words. Another district's toll is another happening.
    article = (
        "उत्तरकाशी जिले में गंगोत्री राजमार्ग पर सोमवार को श्रद्धालुओं से भरी एक जीप के गहरी "
        "खाई में गिरने से नौ यात्रियों की मौत हो गई।"
    )
    page = CoverageText(
        "https://uttarkashi.example/1",
        "गंगोत्री राजमार्ग पर श्रद्धालुओं से भरी जीप गहरी खाई में गिर गई। राहत दल देर शाम तक "
        "मौके पर डटे रहे। प्रशासन ने मार्ग पर यातायात रोक दिया। "
        f"{district} जिले में हुए हादसे में मृतकों की संख्या बढ़कर ग्यारह हो गई।",
        language="hi",
    )
    found = _matched(article, "नौ यात्रियों", page)
    assert any(e.stance is Stance.CONTRADICTS for e in found) is contradicts


def test_a_figure_beside_the_claims_own_action_is_found_without_the_claims_details() -> None:
    # The clause's fact is 18 injured; the hospitals they were taken to are details that a
    # page's one line on the injured need not repeat.
    article = (
        "नैनीताल जिले में शनिवार को एक बस पलटने से तीन लोगों की मौत हो गई, जबकि 18 घायलों को "
        "हल्द्वानी के सुशीला तिवारी अस्पताल और भवाली के सामुदायिक स्वास्थ्य केंद्र में भर्ती कराया गया।"
    )
    page = CoverageText(
        "https://nainital.example/bus",
        "पुलिस ने बताया कि अठारह यात्री घायल हुए हैं, उन्हें अस्पताल ले जाया गया। राहत दल देर "
        "शाम तक मौके पर रहे। "
        "प्रशासन ने मार्ग बंद कर दिया। हल्द्वानी के सुशीला तिवारी अस्पताल में डॉक्टरों की "
        "छुट्टियां रद्द कर दी गईं। भवाली के सामुदायिक स्वास्थ्य केंद्र में भर्ती की सुविधा "
        "बढ़ाई जाएगी।",
        language="hi",
    )
    found = _matched(article, "18 घायलों", page)
    assert [e.stance for e in found] == [Stance.SUPPORTS]
    assert "अठारह" in found[0].quote


@pytest.mark.parametrize(
    ("report", "stance"),
    [
        # The party, as the one it happened to, given the opposite outcome.
        (
            "The court acquitted former treasurer Mohan Kulkarni, while former secretary "
            "Anil Deshpande was among the four who were convicted.",
            Stance.CONTRADICTS,
        ),
        (
            "पुणे की विशेष अदालत ने बैंक के पूर्व सचिव अनिल देशपांडे को धोखाधड़ी के मामले में दोषी ठहराया।",
            Stance.CONTRADICTS,
        ),
        # The same outcome for the party; the opposite one for someone else.
        (
            "The court acquitted former secretary Anil Deshpande but convicted former "
            "treasurer Mohan Kulkarni in the bank fraud case.",
            Stance.SUPPORTS,
        ),
        (
            "पुणे की विशेष अदालत से बैंक के पूर्व सचिव अनिल देशपांडे धोखाधड़ी के मामले में बरी "
            "हो गए, वहीं पूर्व कोषाध्यक्ष मोहन कुलकर्णी को सजा सुनाई गई।",
            Stance.SUPPORTS,
        ),
        # Not convicted is no opposite of acquitted.
        (
            "Former secretary Anil Deshpande was not convicted in the bank fraud case, the "
            "special court in Pune ruled.",
            None,
        ),
    ],
)
def test_the_opposite_outcome_for_the_claims_party_contradicts(
    report: str, stance: Stance | None
) -> None:
    article = (
        "A special court in Pune on Monday acquitted former secretary Anil Deshpande in the "
        "bank fraud case."
    )
    page = _page("https://pune.example/verdict", report)
    # (the glossary as the pipeline builds it: with WordNet's antonyms)
    found = _matched(article, "acquitted", page, glossary_for(None))
    assert [e.stance for e in found][:1] == ([stance] if stance else [])
    if stance is Stance.CONTRADICTS:
        assert found[0].conflicting_facts[0].startswith("outcome: acquitted vs ")


def test_the_court_that_convicted_someone_else_is_no_party_given_the_opposite() -> None:
    from claims.model import Entity
    from claims.outcome import opposite_outcome

    gloss = glossary_for(None)
    court = Entity("CBI", "cbi", "institution")
    claim = "The special CBI court acquitted Anil Deshpande on Monday."
    # the court did the convicting: it is the agent, not the one it happened to
    assert (
        opposite_outcome(claim, [court], "The CBI court convicted Mohan Kulkarni.", gloss) is None
    )
    accused = Entity("Anil Deshpande", "anil deshpande", "name")
    assert opposite_outcome(claim, [accused], "The CBI court convicted Anil Deshpande.", gloss)


@pytest.mark.parametrize(
    ("report", "stance"),
    [
        ("नागपुर में बुधवार रात हुए हादसे में सात यात्रियों की मौत हो गई।", None),  # a bus crash
        ("नागपुर में बुधवार रात हुए हादसे में सात लोगों की मौत हो गई।", Stance.SUPPORTS),
        ("नागपुर में बुधवार रात हुए हादसे में सात कर्मचारियों की मौत हो गई।", Stance.SUPPORTS),
    ],
)
def test_the_same_toll_of_another_kind_of_victim_is_no_report_of_it(
    report: str, stance: Stance | None
) -> None:
    # Seven workers and seven passengers are two tolls, whatever the fate; people may be
    # anyone, and कर्मचारी / मजदूर are the glossary's one kind (workers).
    article = "नागपुर की एक कपड़ा मिल में बुधवार रात आग लगने से सात मजदूरों की मौत हो गई।"
    page = CoverageText("https://nagpur.example/2", report, language="hi")
    assert [e.stance for e in _matched(article, "सात मजदूरों", page)] == ([stance] if stance else [])


@pytest.mark.parametrize(
    ("report", "stance"),
    [
        # The doubt is the relative clause's, after the figure: the figure is reported.
        (
            "According to the Lokayukta, Verma had amassed assets worth Rs 3.2 crore that "
            "could not be explained by his salary.",
            Stance.SUPPORTS,
        ),
        # The doubt is the figure's own.
        ("The Lokayukta said Verma's assets could be worth Rs 3.2 crore.", None),
        # A Hindi verb ends its clause: the doubt after the figure is still the figure's.
        ("लोकायुक्त के मुताबिक वर्मा की संपत्ति 3.2 करोड़ रुपये तक हो सकती है।", None),
    ],
)
def test_a_forecast_is_read_where_it_governs_the_figure(report: str, stance: Stance | None) -> None:
    article = (
        "The Lokayukta alleged that former tehsildar Suresh Verma had amassed assets worth "
        "₹3.2 crore in his own name."
    )
    page = _page("https://bhopal.example/lokayukta", report)
    assert [e.stance for e in _matched(article, "₹3.2 crore", page)] == ([stance] if stance else [])


def test_an_acronym_the_claim_spells_out_is_named_by_its_words() -> None:
    # "JE" is the claim's party; the report names the disease in full, and gives another
    # count of its cases.
    article = (
        "Assam on Monday launched a vaccination drive against Japanese encephalitis (JE) after "
        "the state recorded 212 cases and 19 deaths since the start of July."
    )
    page = CoverageText(
        "https://guwahati.example/je",
        "Assam has reported 221 cases of Japanese encephalitis and 19 deaths since July 1, "
        "health department data showed on Monday.",
        language="en",
    )
    found = _matched(article, "212 cases", page)
    assert [e.stance for e in found] == [Stance.CONTRADICTS]
    assert "je" in found[0].matched_facts


@pytest.mark.parametrize(
    ("report", "stance"),
    [
        (
            "On the sidelines in Rio, Anita Rao held a bilateral meeting with Kenji Sato, "
            "the Japanese foreign minister.",
            Stance.SUPPORTS,
        ),
        # The same minister, the same summit, another counterpart: no report of this meeting.
        (
            "On the sidelines in Rio, Anita Rao held a bilateral meeting with Mauro Vieira, "
            "the Brazilian foreign minister.",
            None,
        ),
    ],
)
def test_a_meeting_is_told_by_the_one_who_was_met(report: str, stance: Stance | None) -> None:
    article = (
        "External Affairs Minister Anita Rao held a bilateral meeting with Kenji Sato on the "
        "sidelines of the G20 foreign ministers' meeting in Rio de Janeiro on Friday."
    )
    page = CoverageText("https://rio.example/g20", report, language="en")
    assert [e.stance for e in _matched(article, "bilateral", page)] == ([stance] if stance else [])


def test_a_sentence_naming_every_person_of_the_claim_is_judged_further_down_the_page() -> None:
    # The page's best-ranked sentences are about the summit and another meeting; the one on
    # the claim's meeting shares few of its words but names both its people.
    article = (
        "External Affairs Minister Anita Rao held a bilateral meeting with Kenji Sato on the "
        "sidelines of the G20 foreign ministers' meeting in Rio de Janeiro on Friday."
    )
    page = CoverageText(
        "https://rio.example/g20-day",
        "External Affairs Minister Anita Rao attended the G20 foreign ministers' meeting in Rio "
        "de Janeiro on Friday. The G20 foreign ministers' meeting in Rio de Janeiro ended on "
        "Friday with a joint statement. Anita Rao held a bilateral meeting on Friday with "
        "Mauro Vieira on the sidelines of the G20 meeting in Rio de Janeiro. Trade and the "
        "ocean economy were on the agenda. Later in the day, Rao also met Sato.",
        language="en",
    )
    found = _matched(article, "bilateral", page)
    assert [e.stance for e in found] == [Stance.SUPPORTS]
    assert "Sato" in found[0].quote


QUOTED = (
    'वकील अजय मेहता ने अदालत के बाहर कहा, "मेरे मुवक्किल ने हर नोटिस का जवाब दिया है और वे '
    'जांच में पूरा सहयोग करेंगे।"'
)


@pytest.mark.parametrize(
    ("said", "supports"),
    [
        # A translation holds the words English has for the quote's (client, notice, reply,
        # investigation, cooperate); मेरे, हर and पूरा are nowhere in English text.
        (
            "My client has replied to every notice, and he will cooperate fully with the "
            "investigation",
            True,
        ),  # fmt: skip
        # The speaker, with other words, is no report of the quote.
        ("We will challenge the order in the high court next week", False),
    ],
)
def test_a_quote_in_the_other_language_is_held_by_the_words_that_language_has(
    said: str, supports: bool
) -> None:
    page = CoverageText(
        "https://lawyer.example/1",
        f'"{said}," lawyer Ajay Mehta told reporters outside the court on Friday.',
        language="en",
    )
    found = _matched(QUOTED, "मुवक्किल", page)
    assert any(e.stance is Stance.SUPPORTS for e in found) is supports


@pytest.mark.parametrize(
    ("said", "contradicts"),
    [
        # Another sum for the claim's three years: no party and no action to name, but the
        # claim's other figure and words.
        ("योजना पर अगले तीन साल में 648 करोड़ रुपये खर्च होंगे।", True),
        # Another sum of another thing (each family's cover), without the three years.
        ("हर परिवार को साल में तीन लाख रुपये तक का इलाज मिलेगा।", False),
    ],
)
def test_a_claim_of_neither_parties_nor_actions_is_rivalled_beside_its_other_figure(
    said: str, contradicts: bool
) -> None:
    claims = extract_claims(
        "The state cabinet on Wednesday approved a health cover scheme for tendu leaf "
        "collectors. The scheme will cost ₹486 crore over three years.",
        include_all=True,
        morphology=morphology(),
    )
    page = CoverageText(
        "https://cabinet.example/1",
        f"राज्य मंत्रिमंडल ने बुधवार को तेंदूपत्ता संग्राहकों के लिए स्वास्थ्य बीमा योजना को मंजूरी दी। {said}",
        language="hi",
    )
    other = CoverageText(
        "https://other.example/2",
        "तेंदूपत्ता योजना की लागत पर वित्त विभाग ने आपत्ति की। राज्य मंत्रिमंडल ने बुधवार को "
        "स्वास्थ्य कवर योजना को मंजूरी दी, जिस पर तीन साल में 486 करोड़ रुपये की लागत आएगी।",
        language="hi",
    )
    # (a candidate bar above the rival's relevance: it is found as a rival or not at all)
    found = find_evidence(claims, [page, other], options=MatchOptions(min_relevance=60.0))
    cost = next(i for i, c in enumerate(claims) if c.text.startswith("The scheme"))
    against = [e for e in found if e.claim_index == cost and e.stance is Stance.CONTRADICTS]
    assert [e.doc_key for e in against] == (["https://cabinet.example/1"] if contradicts else [])
    if contradicts:  # (a large sum as each side writes it, and its value)
        assert against[0].conflicting_facts == (
            "₹486 crore (4,860,000,000 rupee) vs 648 करोड़ (6,480,000,000 rupee)",
        )
    assert any(e.claim_index == cost and e.stance is Stance.SUPPORTS for e in found)


@pytest.mark.parametrize(
    ("said", "contradicts"),
    [
        # Another span of the same remand, told by another verb: what follows each span
        # (पुलिस रिमांड) and what the court granted meet.
        ("जहां से अदालत ने उन्हें पांच दिन की पुलिस रिमांड पर आर्थिक अपराध इकाई को सौंप दिया।", True),
        # A span of something else.
        ("पुलिस के मुताबिक आरोपी पांच दिन से फरार था और अदालत में पेश नहीं हुआ।", False),
    ],
)
def test_a_span_of_the_same_thing_told_by_another_verb_is_a_rival(
    said: str, contradicts: bool
) -> None:
    page = CoverageText(
        "https://court.example/1",
        f"बैंक के पूर्व अध्यक्ष को शुक्रवार को अदालत में पेश किया गया, {said}",
        language="hi",
    )
    found = _matched("अदालत ने चार दिन की पुलिस रिमांड मंजूर की।", "चार दिन", page)
    assert any(e.stance is Stance.CONTRADICTS for e in found) is contradicts


def test_a_value_the_claims_own_sentence_gives_another_figure_is_no_rival() -> None:
    # The sentence gives 3 per cent to Zephyr and 2 per cent to SkyBharat: a page's 3 per
    # cent for Zephyr is no rival of the 2 per cent, whichever claim holds both.
    article = (
        "The shares rose €0.40, or 3 per cent, to close at ₹412.35 on the BSE; a rival, "
        "SkyBharat, fell 2%."
    )
    page = _page(
        "https://shares.example/1", "बीएसई पर कंपनी का शेयर 3 प्रतिशत चढ़कर 412.35 रुपये पर बंद हुआ।"
    )
    claims = extract_claims(article, include_all=True, morphology=morphology())
    found = find_evidence(claims, [page], anchors=[])
    assert found  # (the page is evidence for the sentence)
    assert not [e for e in found if e.stance is Stance.CONTRADICTS]


_LAUNCH = "इसरो ने शुक्रवार सुबह 6 बजकर 42 मिनट पर मौसम उपग्रह मेघदूत-2 को श्रीहरिकोटा से प्रक्षेपित किया।"


@pytest.mark.parametrize(
    ("report", "stance", "conflicts"),
    [
        # the claim's action at its own clock time, on another weekday: another day
        (
            "ISRO launched the weather satellite Meghdoot-2 from Sriharikota at 6:42 am on "
            "Thursday.",
            Stance.CONTRADICTS,
            ("शुक्रवार vs Thursday",),
        ),
        # the same weekday, or both days ("postponed from Thursday to Friday"): no conflict
        (
            "ISRO launched the weather satellite Meghdoot-2 from Sriharikota at 6:42 am on Friday.",
            Stance.SUPPORTS,
            (),
        ),
        (
            "The launch of Meghdoot-2, postponed from Thursday, took place at 6:42 am on Friday "
            "from Sriharikota.",
            Stance.SUPPORTS,
            (),
        ),
    ],
)
def test_another_weekday_for_the_claims_action_and_time_is_another_day(
    report: str, stance: Stance, conflicts: tuple[str, ...]
) -> None:
    found = _matched(_LAUNCH, "6 बजकर", _page("https://space.example/1", report))
    assert [(e.stance, e.conflicting_facts) for e in found] == [(stance, conflicts)]


def test_another_weekday_without_the_claims_time_or_figures_is_no_conflict() -> None:
    # "was first planned for Thursday" tells of the plan, not of the launch at 6:42 am
    page = _page(
        "https://space.example/2",
        "ISRO had first planned to launch the weather satellite Meghdoot-2 from Sriharikota on "
        "Thursday.",
    )
    assert all(e.stance is not Stance.CONTRADICTS for e in _matched(_LAUNCH, "6 बजकर", page))


def test_a_position_in_time_is_no_span_a_span_may_rival() -> None:
    # "in the 61st minute" is when a goal came, not a span of 61 minutes: no rival of "in
    # 19 years" (nor the same as "one hour and one minute")
    from claims.extract import extract_claims
    from claims.match import _in_days

    (position,) = extract_claims(
        "Sunil Tudu equalised for Damodar United in the 61st minute.", morphology=morphology()
    )
    (span,) = extract_claims(
        "The Mariners won their first national title in 19 years.", morphology=morphology()
    )
    (minute,) = position.key_facts.numbers
    (years,) = [n for n in span.key_facts.numbers if n.value == 19]
    assert (minute.counts, minute.ordinal, _in_days(minute)) == ("minute", True, None)
    assert _in_days(years) == pytest.approx(19 * 365, rel=0.01)


_NONE_HURT = "भोपाल के पास बुधवार को एक ट्रेन में आग लगी, लेकिन हादसे में कोई यात्री घायल नहीं हुआ।"


@pytest.mark.parametrize(
    ("report", "stance"),
    [
        # a toll of none is the figure zero: "no passenger was hurt" says it again …
        ("भोपाल के पास हुए हादसे में किसी यात्री को चोट नहीं आई, रेलवे ने बताया।", Stance.SUPPORTS),
        ("No passenger was injured in the engine fire near Bhopal on Wednesday.", Stance.SUPPORTS),
        # … and three passengers injured is another count of the same
        (
            "Three passengers were injured in the engine fire near Bhopal on Wednesday.",
            Stance.CONTRADICTS,
        ),
    ],
)
def test_a_toll_of_none_is_a_figure_of_zero(report: str, stance: Stance) -> None:
    page = _page("https://rail.example/1", report)
    found = _matched(_NONE_HURT, "कोई यात्री", page, glossary_for(None))
    assert [e.stance for e in found] == [stance]


def test_an_unconfirmed_death_is_no_toll_of_none() -> None:
    from claims.extract import none_counted

    gloss = glossary_for(None)
    assert none_counted("प्रशासन ने अभी किसी की मौत की पुष्टि नहीं की है।", gloss) is None
    assert none_counted("No official has confirmed any deaths.", gloss) is None
    assert none_counted("Police have not arrested anyone so far.", gloss) is not None
    assert none_counted("इस हादसे में किसी की जान नहीं गई।", gloss) is not None


def test_a_word_the_dictionary_translates_is_no_place_before_mein() -> None:
    # "ट्रेन के इंजन में": in the engine (a loanword the morphology lacks, the bilingual
    # lexicon has), not in a town; "जम्मू-कश्मीर के पहलगाम में" is a place
    from claims.entities import find_entities

    gloss = glossary_for(None)
    assert [e.text for e in find_entities("ट्रेन के इंजन में आग लगी", gloss)] == []
    found = find_entities("जम्मू-कश्मीर के पहलगाम में हमला हुआ", gloss)
    assert ("पहलगाम", "place") in [(e.text, e.kind) for e in found]


def test_a_name_that_describes_the_agent_is_no_other_agent() -> None:
    # "The Kozhikode club" is the claim's club told by its city, not another winner
    from claims.match import _describes

    gloss = glossary_for(None)
    quote = "The Kozhikode club last won a national cup in 2007, in the final in Margao."
    assert _describes(quote, "Kozhikode", [Entity("Kozhikode", "kozhikode", "name")], gloss)
    # … but a name the verb follows is the agent
    other = "Goa Strikers won the national cup in Margao."
    strikers = [Entity("Goa Strikers", "goa strikers", "name")]
    assert not _describes(other, "Goa Strikers", strikers, gloss)
    # … and an agency is an agency, whatever noun follows ("The CBI team arrested him")
    cbi = [Entity("CBI", "cbi", "acronym")]
    assert not _describes("The CBI team arrested him.", "CBI", cbi, gloss)


def test_a_toll_of_none_beside_other_figures_still_counts_and_reads_as_none() -> None:
    # the page's sentence gives another figure too (four injured): its "Nobody was killed"
    # still supports; the reason against a toll reads "none killed", not "0 was"
    article = "भोसरी के गोदाम में मंगलवार को लगी आग में किसी की मौत नहीं हुई।"
    gloss = glossary_for(None)
    supports = _page(
        "https://pune.example/1",
        "Nobody was killed in the Bhosari godown fire on Tuesday, though four workers were "
        "injured.",
    )
    found = _matched(article, "किसी की मौत", supports, gloss)
    assert [e.stance for e in found] == [Stance.SUPPORTS]
    against = _page(
        "https://pune.example/2", "Two workers were killed in the Bhosari godown fire on Tuesday."
    )
    found = _matched(article, "किसी की मौत", against, gloss)
    assert [(e.stance, e.conflicting_facts) for e in found] == [
        (Stance.CONTRADICTS, ("none killed vs 2 worker",))
    ]


@pytest.mark.parametrize(
    ("report", "stance"),
    [
        # The same object, decided the other way, in either language.
        (
            "The council deferred the proposal for a Rs 96 crore sewage treatment plant in "
            "Kareli to its next sitting.",
            Stance.CONTRADICTS,
        ),
        (
            "करेली में 96 करोड़ रुपये के सीवेज ट्रीटमेंट प्लांट का प्रस्ताव परिषद ने अगली बैठक तक टाल दिया।",
            Stance.CONTRADICTS,
        ),
        ("The council did not approve the sewage treatment plant for Kareli.", Stance.CONTRADICTS),
        # The same decision.
        (
            "The council approved a Rs 96 crore sewage treatment plant for Kareli on Friday.",
            Stance.SUPPORTS,
        ),
        # Another object put off, in another clause: no conflict with the plant.
        (
            "The council approved the Rs 96 crore sewage treatment plant for Kareli, while a "
            "proposal to rename two markets was deferred.",
            Stance.SUPPORTS,
        ),
    ],
)
def test_a_decision_the_other_way_on_the_same_object_contradicts(
    report: str, stance: Stance
) -> None:
    article = (
        "The Kareli municipal council on Friday approved a sewage treatment plant to be built "
        "at a cost of Rs 96 crore."
    )
    page = _page("https://kareli.example/council", report)
    found = _matched(article, "approved", page, glossary_for(None))
    assert [e.stance for e in found][:1] == [stance]
    if stance is Stance.CONTRADICTS:
        assert found[0].conflicting_facts[0].startswith("decision: approved vs ")


def test_a_decision_is_granted_refused_or_put_off() -> None:
    from claims.outcome import decision_of

    gloss = glossary_for(None)
    assert decision_of("सदन ने पाइपलाइन परियोजना को मंजूरी दी", gloss) == (True, "मंजूरी")
    assert decision_of("प्रस्ताव अगली बैठक तक टाल दिया गया", gloss) == (False, "टाल")
    assert decision_of("The plea was rejected", gloss) == (False, "rejected")
    assert decision_of("The plan was not approved", gloss) == (False, "approved")
    # Both ways in one clause, or no decision: nothing to compare.
    assert decision_of("It approved one plan and rejected another", gloss) is None
    assert decision_of("The council met on Friday", gloss) is None
    # A Hindi word the glossary lacks, read through the general lexicon only when its
    # senses name one action of the glossary.
    assert gloss.translated_action("टाला") == frozenset({"postpone"})
    assert gloss.translated_action("घर") == frozenset()


@pytest.mark.parametrize(
    ("report", "stance"),
    [
        # Another person chaired, told either way round, in either language.
        ("Deputy Mayor Kiran Bhosale presided over Friday's meeting of the council.", True),
        ("शुक्रवार को परिषद की बैठक की अध्यक्षता उपमहापौर किरण भोसले ने की।", True),
        ("परिषद की बैठक उपमहापौर किरण भोसले की अध्यक्षता में हुई।", True),
        # The claim's own chair.
        ("The meeting of the council on Friday was chaired by Mayor Sunanda Pawar.", False),
        ("बैठक महापौर सुनंदा पवार की अध्यक्षता में हुई।", False),
    ],
)
def test_another_person_in_the_chair_contradicts(report: str, stance: bool) -> None:
    article = "The Kareli council met on Friday, chaired by Mayor Sunanda Pawar."
    page = _page("https://kareli.example/chair", report)
    found = _matched(article, "chaired", page, glossary_for(None))
    conflicts = [f for e in found for f in e.conflicting_facts if f.startswith("chair: ")]
    assert bool(conflicts) is stance
    if stance:
        assert found[0].stance is Stance.CONTRADICTS


@pytest.mark.parametrize(
    ("report", "conflict"),
    [
        # The same toll of the same blast, in another town.
        (
            "Nine workers were killed when an explosion ripped through a firecracker unit near "
            "Kovilpatti in Virudhunagar district on Monday.",
            "place: Sivakasi vs Kovilpatti",
        ),
        # The claim's town named too: no conflict.
        (
            "Nine workers were killed when an explosion ripped through a firecracker unit near "
            "Sivakasi, 40 km from Kovilpatti in Virudhunagar district, on Monday.",
            None,
        ),
        # Another town, but not where it happened (the injured were taken there).
        (
            "Nine workers were killed in the explosion in Virudhunagar district; the injured "
            "were taken to a hospital in Madurai.",
            None,
        ),
    ],
)
def test_another_town_for_the_same_happening_disputes_where(
    report: str, conflict: str | None
) -> None:
    article = (
        "Nine workers were killed in an explosion at a fireworks factory near Sivakasi in "
        "Virudhunagar district."
    )
    page = _page("https://south.example/blast", report)
    gloss = glossary_for(None)  # (with GeoNames' towns, as the pipeline reads both)
    claims = extract_claims(article, glossary=gloss, include_all=True, morphology=morphology())
    found = find_evidence(claims, [page], glossary=gloss)
    places = [f for e in found for f in e.conflicting_facts if f.startswith("place: ")]
    assert places == ([conflict] if conflict else [])
    if conflict:
        assert found[0].stance is Stance.CONTRADICTS
        assert found[0].disputed_facts == ("Sivakasi",)
        assert found[0].claim_facts and not found[0].missing_facts  # it states the toll


def test_a_hindi_word_for_a_police_station_is_no_town() -> None:
    from claims.match import _located_towns
    from claims.model import Entity

    gloss = glossary_for(None)
    thane = Entity("थाने", "thane", "place")
    assert _located_towns("पुलिस के थाने में मौत हुई", [thane], gloss) == []
    sattur = Entity("Sattur", "sattur", "place")
    assert _located_towns("a blast near Sattur on Thursday", [sattur], gloss) == [sattur]


def test_a_phrasal_verb_decides_too() -> None:
    from claims.outcome import decision_of

    gloss = glossary_for(None)  # (with WordNet's phrasal verbs, as the pipeline reads them)
    assert decision_of("The court turned down the bail pleas of both accused", gloss) == (
        False,
        "turned",
    )
    assert decision_of("The proposal was put off to the next meeting", gloss) == (False, "put")


@pytest.mark.parametrize(
    "report",
    [
        "अधिकारियों के आकलन के मुताबिक गोदाम में रखा करीब सवा दो करोड़ रुपये का माल जलकर नष्ट हो गया।",
        "Officials estimate that goods worth about $270,000 stored in the godown were destroyed.",
    ],
)
def test_an_amount_and_its_bracketed_conversion_are_one_fact(report: str) -> None:
    article = (
        "Officials estimated that goods worth Rs 2.25 crore (about USD 270K), stored in the "
        "godown for the festival season, were destroyed."
    )
    page = _page("https://pune.example/godown", report)
    found = _matched(article, "Rs 2.25 crore", page, glossary_for(None))
    assert [e.stance for e in found] == [Stance.SUPPORTS]


@pytest.mark.parametrize(
    "report",
    [
        "Vinod Tiwari, the owner of the godown, was arrested on Friday night.",
        "गोदाम के मालिक विनोद तिवारी को शुक्रवार रात गिरफ्तार कर लिया गया।",
    ],
)
def test_a_persons_age_beside_the_name_is_no_fact_a_page_must_repeat(report: str) -> None:
    article = (
        "Police arrested the godown's owner, Vinod Tiwari, 47, late on Friday night on charges "
        "of negligence and storing chemicals without a licence."
    )
    found = _matched(article, "Vinod Tiwari", _page("https://pune.example/owner", report))
    assert [e.stance for e in found] == [Stance.SUPPORTS]


def _judged(article: str, report: str, needle: str) -> list[EvidenceMatch]:
    gloss, claims = _read(article)
    ci = min((len(c.text), i) for i, c in enumerate(claims) if needle in c.text)[1]
    found = find_evidence(claims, [_page("https://flood.example/1", report)], glossary=gloss)
    return [e for e in found if e.claim_index == ci]


@pytest.mark.parametrize(
    ("report", "stance", "conflict"),
    [
        # the same fate, another count: a rival
        (
            "Eleven people have died in the floods and seven people are still missing in the "
            "district.",
            Stance.CONTRADICTS,
            "4 people vs 7 people",
        ),
        # people counted by another fate, or by none (a boat carrying 14), are no rival
        (
            "Eleven people have died in the floods; health teams have treated 26 people for "
            "injuries in the district.",
            None,
            None,
        ),
        (
            "Eleven people have died in the floods. A boat carrying 14 people capsized in the "
            "district on Sunday.",
            None,
            None,
        ),
    ],
)
def test_people_are_counted_by_what_befell_them(
    report: str, stance: Stance | None, conflict: str | None
) -> None:
    article = "बाढ़ से जिले में अब तक ग्यारह लोगों ने जान गंवाई है, जबकि चार लोग अब भी लापता हैं।"
    found = _judged(article, report, "चार लोग")
    assert [e.stance for e in found if e.stance is Stance.CONTRADICTS] == (
        [stance] if stance else []
    )
    if conflict:
        assert conflict.split(" vs ")[0] in found[0].conflicting_facts[0]


def test_a_value_the_article_gives_to_a_like_count_elsewhere_is_no_rival() -> None:
    article = (
        "बाढ़ से जिले में अब तक ग्यारह लोगों ने जान गंवाई है, जबकि चार लोग अब भी लापता हैं। "
        "लापता लोगों में वे दो ग्रामीण भी शामिल हैं, जो रविवार को नाव पलटने के बाद से नहीं मिले।"
    )
    report = (
        "Eleven people have died in the district floods, and two are missing after a boat capsized."
    )
    assert not [e for e in _judged(article, report, "चार लोग") if e.stance is Stance.CONTRADICTS]
    # without the article's own "two missing", two is another count of the missing
    alone = "बाढ़ से जिले में अब तक ग्यारह लोगों ने जान गंवाई है, जबकि चार लोग अब भी लापता हैं।"
    assert [e.stance for e in _judged(alone, report, "चार लोग")] == [Stance.CONTRADICTS]


@pytest.mark.parametrize(
    ("clause", "decided"),
    [
        ("The bench also upheld the board's closure notice of July 9", (True, "upheld")),
        ("पीठ ने बंदी नोटिस को सही ठहराया और उसे बरकरार रखा", (True, "बरकरार")),
        ("अधिकरण ने बोर्ड के बंदी नोटिस पर फिलहाल रोक लगा दी है", (False, "रोक")),
        ("The High Court quashed the order of the district magistrate", (False, "quashed")),
        ("हाईकोर्ट ने कलेक्टर का आदेश रद्द कर दिया", (False, "रद्द")),
        # (रहना is "stay" in the lexicon: remaining is no stay of an order)
        ("पाइपलाइन का काम अगले साल तक चलता रहेगा और लोग इंतजार करते रहे", None),
    ],
)
def test_an_order_upheld_stayed_or_quashed_is_a_decision(
    clause: str, decided: tuple[bool, str] | None
) -> None:
    from claims.outcome import decision_of

    assert decision_of(clause, glossary_for(None)) == decided


@pytest.mark.parametrize(
    ("quote", "held"),
    [
        ("न्यायमूर्ति डी.पी. मेहरोत्रा की एकल पीठ ने जमानत दी", True),
        ("Justice D P Mehrotra granted bail", True),
        ("Justice D.P. Mehrotra granted bail", True),
        ("न्यायमूर्ति आर.के. मेहरोत्रा ने जमानत दी", False),  # another Mehrotra
        ("Justice Mehrotra granted bail", False),  # (the surname alone: its words decide)
    ],
)
def test_a_name_given_by_its_initials_is_that_name(quote: str, held: bool) -> None:
    from claims.match import _by_initials

    judge = Entity("देवेंद्र प्रताप मेहरोत्रा", "devendra pratap mehrotra", "name")
    assert _by_initials(judge, quote) is held


def test_a_translated_quote_of_an_unnamed_speaker_supports_it() -> None:
    article = (
        "बाढ़ से जिले में 11 लोगों की मौत हुई है। "
        '"कोई भी परिवार भूखा न रहे, यह देखना हर अधिकारी की जिम्मेदारी है। जहां नाव नहीं पहुंच '
        'पा रही, वहां हेलीकॉप्टर से भोजन के पैकेट गिराए जाएंगे," जिलाधिकारी ने कहा।'
    )
    report = (
        '"No family should go hungry, and making sure of that is the responsibility of every '
        'officer. Where boats cannot reach, food packets will be dropped from helicopters," '
        "Mishra said."
    )
    found = _judged(article, report, "भूखा")
    assert [e.stance for e in found] == [Stance.SUPPORTS]


def test_a_quote_of_the_claims_time_and_day_states_when_not_the_figure() -> None:
    article = "कोसी बराज के सभी 56 फाटक शनिवार सुबह छह बजे खोल दिए गए थे।"
    report = (
        "The river swelled after all the gates of the Kosi barrage were lifted at 6 am on "
        "Saturday to let out a surge of water from Nepal."
    )
    found = _judged(article, report, "56 फाटक")
    assert [e.stance for e in found] == [Stance.SUPPORTS]
    assert found[0].missing_facts and "56" in found[0].missing_facts[0]
    # another day is no when of it
    friday = report.replace("on Saturday", "on Friday")
    assert not [e for e in _judged(article, friday, "56 फाटक") if e.stance is Stance.SUPPORTS]


def test_a_fact_of_a_longer_clause_carries_its_parties_into_its_terms() -> None:
    from claims.match import claim_terms

    gloss = glossary_for(None)
    claims = extract_claims(
        "Opener Harsh Vardhan Rathore scored 88 off 51 balls, with seven sixes, and was named "
        "player of the match.",
        glossary=gloss,
        include_all=True,
        morphology=morphology(),
    )
    sixes = next(c for c in claims if c.text == "with seven sixes")
    assert {"harsh", "vardhan", "rathore"} <= set(claim_terms(sixes, gloss))


def test_a_name_in_the_other_script_is_linked_by_its_sound() -> None:
    article = (
        "The National Green Tribunal on Wednesday ordered Indrayani Speciality Chemicals Pvt Ltd "
        "to pay environmental compensation of ₹18.6 crore for releasing untreated effluent."
    )
    report = (
        "राष्ट्रीय हरित अधिकरण ने इंद्रायणी नदी में जहरीला पानी छोड़ने वाली केमिकल कंपनी "
        "इंद्रायणी स्पेशियलिटी केमिकल्स पर 1.86 करोड़ रुपये का जुर्माना लगाया है।"
    )
    found = _judged(article, report, "18.6 crore")
    assert [e.stance for e in found] == [Stance.CONTRADICTS]


def test_a_supporting_quote_says_which_of_the_claims_times_it_gives() -> None:
    article = (
        "At about 2.45 PM on Thursday, 11 workers were killed and 19 others injured in an "
        "explosion at a fireworks factory near Sattur."
    )
    with_time = "Eleven workers were killed and 19 injured in the explosion near Sattur at 2.45 pm."
    found = _judged(article, with_time, "11 workers were killed and 19 others")
    assert found and found[0].stance is Stance.SUPPORTS
    assert "2.45 PM" in found[0].told_when and "Thursday" not in found[0].told_when
    without = "Eleven workers were killed and 19 injured in the explosion near Sattur."
    found = _judged(article, without, "11 workers were killed and 19 others")
    assert found and found[0].told_when == ()


def test_a_number_fused_into_a_compound_counts_what_the_compound_names() -> None:
    # (matching drops such a number as a hit for another counted thing: unseen's preview of
    # "the three-match T20 series" no longer supports "तीन विकेट"; its floor holds that)
    from claims.match import _compounded
    from claims.numbers import find_numbers

    def fused(text: str) -> bool:
        n = find_numbers(text)[0]
        return _compounded(n, text)  # type: ignore[arg-type]

    assert fused("India A will wrap up the three-match series")
    assert fused("A seven-year-old girl died")
    assert fused("सात वर्षीय बच्ची की मौत हो गई")
    assert not fused("Katiyar took three wickets")
    assert not fused("तीन मैचों की सीरीज")


def test_a_page_of_the_events_week_that_names_none_of_it_cannot_back_it() -> None:
    from datetime import date

    article = (
        "देवास की श्रीराम केमिकल्स फैक्टरी में मंगलवार को लगी आग में सात मजदूरों की मौत हो गई। "
        "राज्य सरकार ने मृतकों के परिजनों को चार-चार लाख रुपये की सहायता देने की घोषणा की है।"
    )
    gloss, claims = _read(article)
    other = CoverageText(
        "https://bus.example/1",
        "सागर जिले में बस पलटने से सात यात्रियों की मौत हो गई। राज्य सरकार ने मृतकों के परिजनों "
        "को 4-4 लाख रुपये की सहायता देने की घोषणा की है।",
        language="hi",
        published="2025-11-12",
    )
    same = CoverageText(
        "https://fire.example/1",
        "श्रीराम केमिकल्स की फैक्टरी में आग से सात मजदूरों की मौत हुई। राज्य सरकार ने परिजनों को "
        "4-4 लाख रुपये की सहायता देने की घोषणा की है।",
        language="hi",
        published="2025-11-12",
    )
    found = find_evidence(
        claims,
        [other, same],
        glossary=gloss,
        window=(date(2025, 11, 9), date(2025, 11, 18)),
    )
    backing = {e.doc_key for e in found if e.stance is Stance.SUPPORTS}
    assert "https://fire.example/1" in backing
    assert "https://bus.example/1" not in backing


def test_without_a_place_of_the_event_a_page_of_its_week_may_back_it() -> None:
    from datetime import date

    article = "The BMC on Friday approved a budget of USD 5.43 bn (₹45,000 cr) for 2026-27."
    gloss, claims = _read(article)
    page = CoverageText(
        "https://odd.example/1",
        "The Brihanmumbai Municipal Corporation on Friday cleared a budget of $5.43 billion, "
        "about Rs 45,000 crore, for 2026-27.",
        language="en",
        published="2026-12-07",
    )
    found = find_evidence(
        claims, [page], glossary=gloss, window=(date(2026, 12, 4), date(2026, 12, 14))
    )
    assert Stance.SUPPORTS in {e.stance for e in found}


def test_a_span_of_time_alone_tells_nothing_of_a_claim_with_no_party_or_action() -> None:
    # "जिसे दस दिन में रिपोर्ट सौंपनी है" is told by its report: another thing to be done in
    # ten days, or a span of 28 days for curing concrete, is about something else.
    article = (
        "जिला प्रशासन ने हादसे की जांच के लिए तीन सदस्यीय कमेटी गठित की है, जिसे दस दिन में रिपोर्ट सौंपनी है।"
    )
    gloss, claims = _read(article)
    ci = next(i for i, c in enumerate(claims) if c.text.startswith("जिसे"))
    pages = [
        CoverageText(
            "https://report.example/1",
            "अस्पताल में लगी आग की जांच शुरू हो गई है। समिति को दस दिन में अपनी रिपोर्ट देनी होगी।",
            language="hi",
        ),
        CoverageText(
            "https://survey.example/1",
            "हादसे के बाद जिले में फसल नुकसान का सर्वे दस दिन में पूरा करने का निर्देश दिया गया है।",
            language="hi",
        ),
        CoverageText(
            "https://curing.example/1",
            "The fire at the hospital is being probed. Engineers say concrete needs 28 days "
            "to cure.",
            language="en",
        ),
    ]
    found = {
        e.doc_key: e.stance
        for e in find_evidence(claims, pages, glossary=gloss)
        if e.claim_index == ci
    }
    assert found == {"https://report.example/1": Stance.SUPPORTS}


def test_the_claims_role_given_to_another_person_disputes_it() -> None:
    # The same sentencing by "Sessions Judge R. K. Bhatia" is a wrong report of who passed
    # it; the same judge by surname alone, or in Devanagari, supports.
    article = (
        "Sessions Judge Meenakshi Rawal sentenced Harpal Sandhu and Gurnam Gill to ten years "
        "in prison for the Ludhiana bank fraud."
    )
    gloss, claims = _read(article)
    pages = [
        CoverageText(
            "https://other.example/1",
            "Sessions Judge R. K. Bhatia sentenced Harpal Sandhu and Gurnam Gill to ten years "
            "in prison on Monday.",
            language="en",
        ),
        CoverageText(
            "https://same.example/1",
            "Judge Rawal sentenced Harpal Sandhu and Gurnam Gill to ten years in prison.",
            language="en",
        ),
    ]
    found = _by_page(claims, pages, gloss)
    assert found["https://other.example/1"].stance is Stance.CONTRADICTS
    assert found["https://other.example/1"].conflicting_facts == (
        "judge: Meenakshi Rawal vs R. K. Bhatia",
    )
    assert found["https://same.example/1"].stance is Stance.SUPPORTS


def test_a_sum_of_money_alone_does_not_back_a_clause_whose_party_the_quote_lacks() -> None:
    # "विजेता टीम को 30 लाख रुपये" (of a final whose runners-up the sentence names): another
    # league's prize of the same sum, with no party and no action of the claim's, is
    # another story; the report that names the runners-up backs it.
    article = (
        "फाइनल में कोंकण किंग्स ने पहले बल्लेबाजी की। विजेता टीम को 30 लाख रुपये और उपविजेता "
        "कोंकण किंग्स को 15 लाख रुपये की इनामी राशि मिली।"
    )
    gloss, claims = _read(article)
    ci = next(i for i, c in enumerate(claims) if c.text == "विजेता टीम को 30 लाख रुपये")
    pages = [
        CoverageText(
            "https://volleyball.example/1",
            "राज्य वॉलीबॉल लीग के आयोजकों ने इस सीजन की विजेता टीम के लिए ३० लाख रुपये की इनामी "
            "राशि घोषित की है।",
            language="hi",
        ),
        CoverageText(
            "https://final.example/1",
            "फाइनल के बाद विजेता टीम को 30 लाख रुपये और उपविजेता कोंकण किंग्स को 15 लाख रुपये "
            "का चेक दिया गया।",
            language="hi",
        ),
    ]
    found = {
        e.doc_key: e.stance
        for e in find_evidence(claims, pages, glossary=gloss)
        if e.claim_index == ci
    }
    assert found == {"https://final.example/1": Stance.SUPPORTS}


def test_the_claims_title_given_to_another_person_disputes_it() -> None:
    # "… मेहता को मैन ऑफ द मैच चुना गया": a page that gives the title to another ("राठौड़
    # ने … और उन्हें मैन ऑफ द मैच चुना गया"), in either script, disputes the title, even
    # where another of its sentences repeats the claim's figures; the figures stand.
    article = "63 रन की पारी खेलने वाले सलामी बल्लेबाज करण मेहता को मैन ऑफ द मैच चुना गया।"
    gloss, claims = _read(article)
    ci = next(i for i, c in enumerate(claims) if "मैन ऑफ द मैच" in c.text)
    pages = [
        CoverageText(
            "https://other.example/1",
            "करण मेहता ने 63 रन की पारी खेली। राठौड़ ने चार ओवर में 18 रन देकर तीन विकेट लिए और "
            "उन्हें मैन ऑफ द मैच चुना गया।",
            language="hi",
        ),
        CoverageText(
            "https://english.example/1",
            "Rathore was named man of the match for his three wickets.",
            language="en",
        ),
        CoverageText(
            "https://same.example/1",
            "करण मेहता को 63 रन की पारी के लिए मैन ऑफ द मैच चुना गया।",
            language="hi",
        ),
    ]
    found = {
        e.doc_key: e for e in find_evidence(claims, pages, glossary=gloss) if e.claim_index == ci
    }
    other = found["https://other.example/1"]
    assert other.stance is Stance.CONTRADICTS
    assert other.conflicting_facts == ("मैन ऑफ द मैच: मेहता vs राठौड़",)
    assert other.disputed_facts == ("मैन ऑफ द मैच",)
    assert found["https://english.example/1"].stance is Stance.CONTRADICTS
    assert found["https://same.example/1"].stance is Stance.SUPPORTS


def test_the_role_before_a_hindi_name_given_to_another_person_disputes_it() -> None:
    # "विशेष न्यायाधीश रेखा सिंह ने … सजा सुनाई": the same sentence passed by another judge is
    # a wrong report of who passed it, told by the role before the name.
    article = "विशेष न्यायाधीश रेखा सिंह ने सोमवार को तीनों आरोपियों को दस-दस साल की सजा सुनाई।"
    gloss, claims = _read(article)
    pages = [
        CoverageText(
            "https://other.example/1",
            "विशेष न्यायाधीश अरुण मिश्रा ने सोमवार को तीनों आरोपियों को दस-दस साल की सजा सुनाई।",
            language="hi",
        ),
        CoverageText(
            "https://same.example/1",
            "न्यायाधीश रेखा सिंह ने तीनों आरोपियों को दस-दस साल की सजा सुनाई।",
            language="hi",
        ),
    ]
    found = _by_page(claims, pages, gloss)
    assert found["https://other.example/1"].stance is Stance.CONTRADICTS
    assert found["https://other.example/1"].conflicting_facts == ("judge: रेखा सिंह vs अरुण मिश्रा",)
    assert found["https://same.example/1"].stance is Stance.SUPPORTS


def test_a_fact_is_labelled_as_the_claim_writes_it() -> None:
    from claims.match import fact_label
    from claims.numbers import find_numbers

    text = "The 1,210-kg satellite was placed in an orbit 512 km above the Earth."
    gloss = glossary_for(None)
    claim = extract_claims(text, glossary=gloss, include_all=True, morphology=morphology())[0]
    labels = [fact_label(n, text) for n in claim.key_facts.numbers]
    assert labels == ["1,210-kg", "512 km"]
    assert [n.value for n in find_numbers(text)][:2] == [1210, 512]


def test_another_clock_time_disputes_the_time_and_the_figures_stand() -> None:
    article = "A magnitude 4.9 earthquake struck Chamba district at 3:12 am on Friday."
    gloss, claims = _read(article)
    page = CoverageText(
        "https://quake.example/1",
        "The magnitude 4.9 earthquake struck Chamba district at 3:12 pm on Friday, officials said.",
        language="en",
    )
    (found,) = find_evidence(claims, [page], glossary=gloss)
    assert found.stance is Stance.CONTRADICTS
    assert found.conflicting_facts == ("3:12 am vs 3:12 pm",)
    assert found.disputed_facts == ("3:12 am",)
    assert "3:12 am" not in found.missing_facts  # disputed, not left out
    assert not any(f.startswith("4.9") for f in found.missing_facts)


def test_a_team_is_told_by_the_body_it_belongs_to() -> None:
    # "… विशेष जांच इकाई (एसआईयू) की टीम ने … गिरफ्तार किया": the unit's team is the unit —
    # a page that says the unit arrested him supports; a team of another bureau disputes.
    article = (
        "राज्य पुलिस की विशेष जांच इकाई (एसआईयू) की टीम ने बुधवार को बैंक के पूर्व अध्यक्ष "
        "बलदेव चौरसिया को पटना से गिरफ्तार किया।"
    )
    gloss, claims = _read(article)
    pages = [
        CoverageText(
            "https://unit.example/1",
            "The Special Investigation Unit (SIU) of the state police arrested former bank "
            "chairman Baldev Chaurasia in Patna on Wednesday.",
            language="en",
        ),
        CoverageText(
            "https://bureau.example/1",
            "A team of the Anti-Corruption Bureau arrested former bank chairman Baldev Chaurasia "
            "in Patna on Wednesday.",
            language="en",
        ),
    ]
    found = _by_page(claims, pages, gloss)
    assert found["https://unit.example/1"].stance is Stance.SUPPORTS
    assert found["https://bureau.example/1"].stance is Stance.CONTRADICTS
    assert found["https://bureau.example/1"].conflicting_facts[0].startswith("actor: ")


def test_a_deed_done_together_needs_the_companion() -> None:
    # "… ने पुलिस अधीक्षक बलदेव चौरसिया के साथ … दौरा किया": a page on the collector's visit
    # alone tells of another visit; one that names both tells this one.
    article = "जिला कलेक्टर अनुराधा सेठी ने पुलिस अधीक्षक बलदेव चौरसिया के साथ शाम को घटनास्थल का दौरा किया।"
    gloss, claims = _read(article)
    pages = [
        CoverageText(
            "https://alone.example/1",
            "District collector Anuradha Sethi visited the spot in the evening and ordered an "
            "inquiry.",
            language="en",
        ),
        CoverageText(
            "https://both.example/1",
            "Collector Anuradha Sethi and SP Baldev Chaurasia visited the spot in the evening.",
            language="en",
        ),
    ]
    found = {key: e.stance for key, e in _by_page(claims, pages, gloss).items()}
    assert found == {"https://both.example/1": Stance.SUPPORTS}


def test_a_count_still_running_is_no_rival_of_the_final_one() -> None:
    # "… searching six premises so far" is a tally on its way to the article's nine; a
    # toll given so far above the claim's still disputes it.
    article = "Income tax officials searched nine premises of the Varanasi jeweller on Tuesday."
    gloss, claims = _read(article)
    running = CoverageText(
        "https://tally.example/1",
        "Income tax officials are searching six premises so far of the Varanasi jeweller on "
        "Tuesday.",
        language="en",
    )
    final = CoverageText(
        "https://final.example/1",
        "Income tax officials searched six premises of the Varanasi jeweller on Tuesday.",
        language="en",
    )
    found = {e.doc_key: e.stance for e in find_evidence(claims, [running, final], glossary=gloss)}
    assert found.get("https://tally.example/1") is not Stance.CONTRADICTS
    assert found["https://final.example/1"] is Stance.CONTRADICTS

    toll = "हादसे में चार लोगों की मौत हो गई।"
    gloss, claims = _read(toll)
    higher = CoverageText(
        "https://toll.example/1", "हादसे में अब तक सात लोगों की मौत हो चुकी है।", language="hi"
    )
    (e,) = find_evidence(claims, [higher], glossary=gloss)
    assert e.stance is Stance.CONTRADICTS


def test_a_page_that_quotes_one_sentence_of_a_quote_backs_that_sentence() -> None:
    # A two-sentence quote; pages quote only its first sentence. The speaker's page backs
    # that sentence (the other is left out, not supported); another named speaker's page
    # is a wrong report of who said it.
    article = (
        'मतगणना के बाद महापौर सुनीता बघेल ने निगम भवन में कहा, "यह जीत शहर के हर मोहल्ले की '
        'मेहनत की जीत है। अगले पांच साल हम सड़कों और नालियों पर पूरा ध्यान देंगे।"'
    )
    gloss, claims = _read(article)
    pages = [
        CoverageText(
            "https://same.example/1",
            'मतगणना के बाद महापौर सुनीता बघेल ने निगम भवन में कहा, "यह जीत शहर के हर मोहल्ले '
            'की मेहनत की जीत है।" इसके बाद वह समर्थकों से मिलीं।',
            language="hi",
        ),
        CoverageText(
            "https://other.example/1",
            'मतगणना के बाद पार्षद रमेश ठाकुर ने निगम भवन में कहा, "यह जीत शहर के हर मोहल्ले '
            'की मेहनत की जीत है।" इसके बाद वह समर्थकों से मिले।',
            language="hi",
        ),
    ]
    found = _by_page(claims, pages, gloss)
    same, other = found["https://same.example/1"], found["https://other.example/1"]
    assert same.stance is Stance.SUPPORTS
    assert len(same.claim_facts) == 2
    assert same.missing_facts == (same.claim_facts[1],)
    assert same.missing_facts[0].startswith("अगले पांच साल")
    assert other.stance is Stance.CONTRADICTS
    assert other.conflicting_facts[0].startswith("speaker: ")


def test_another_count_in_the_figures_own_doing_disputes_a_claim_naming_no_party() -> None:
    # "… प्रस्ताव के पक्ष में 31 और विरोध में 12 वोट पड़े": a page that gives 29 votes in
    # favour disputes the 31, though it never says "प्रस्ताव"; a part of a whole ("जिनमें से
    # सात") against another page's count of a like part does not.
    gloss, claims = _read("मत विभाजन में प्रस्ताव के पक्ष में 31 और विरोध में 12 वोट पड़े।")
    page = CoverageText(
        "https://votes.example/1",
        "सरकार के पक्ष में 29 वोट पड़े, जबकि विरोध में 12 वोट पड़े।",
        language="hi",
    )
    # (the clause of the 31, which names neither party nor vote of its own)
    (clause,) = [i for i, c in enumerate(claims) if "31" in c.text and "12" not in c.text]
    (found,) = [e for e in find_evidence(claims, [page], glossary=gloss) if e.claim_index == clause]
    assert found.stance is Stance.CONTRADICTS
    assert found.conflicting_facts == ("31 vote vs 29 vote",)

    gloss, claims = _read("बाढ़ में चालीस परिवारों के घर बह गए थे। उनमें से सात परिवारों को चेक सौंपे जा चुके हैं।")
    (part,) = [i for i, c in enumerate(claims) if "सात" in c.text]
    page = CoverageText(
        "https://part.example/1", "बाढ़ पीड़ित दो परिवारों को चेक दिए जा चुके हैं।", language="hi"
    )
    assert all(
        e.stance is not Stance.CONTRADICTS
        for e in find_evidence(claims, [page], glossary=gloss)
        if e.claim_index == part
    )


def test_a_quote_given_to_another_speaker_in_the_other_script_disputes_it() -> None:
    # The claim's named speaker; a Hindi page gives the translated words to another person
    # (a wrong report of who said them), another to her, in Devanagari (the same person).
    gloss, claims = _read(
        "Collector Meena Rathore told reporters in Kota on Monday, "
        '"The relief camps will stay open until every family has returned home."'
    )
    words = '"राहत शिविर तब तक खुले रहेंगे जब तक हर परिवार घर नहीं लौट जाता।"'
    pages = [
        CoverageText("https://other.example/1", f"कोटा में सोमवार को एसपी अजय सिंह ने कहा, {words}"),
        CoverageText("https://same.example/1", f"कोटा में सोमवार को कलेक्टर मीना राठौर ने कहा, {words}"),
    ]
    found = _by_page(claims, pages, gloss)
    other = found["https://other.example/1"]
    assert other.stance is Stance.CONTRADICTS
    assert other.conflicting_facts == ("speaker: Collector Meena Rathore vs अजय सिंह",)
    assert found["https://same.example/1"].stance is Stance.SUPPORTS


def test_a_quote_that_goes_on_from_another_speakers_sentence_is_that_speakers() -> None:
    # "“…,” said SP Ajay Singh. “The relief camps …”": the second quote is his too; a quote
    # said *to* another ("told minister Ajay Singh") is not given to him.
    gloss, claims = _read(
        'Collector Meena Rathore said in Kota on Monday, "The relief camps will stay open '
        'until every family has returned home."'
    )
    words = "The relief camps will stay open until every family has returned home."
    pages = [
        CoverageText(
            "https://cont.example/1",
            'The rain stopped in Kota on Monday. "Relief will reach every village by tonight," '
            f'said SP Ajay Singh in Kota on Monday. "{words}"',
            language="en",
        ),
        CoverageText(
            "https://to.example/1",
            f'"{words[:-1]}," the collector told minister Ajay Singh in Kota on Monday.',
            language="en",
        ),
    ]
    found = _by_page(claims, pages, gloss)
    assert found["https://cont.example/1"].stance is Stance.CONTRADICTS
    assert found["https://cont.example/1"].conflicting_facts == (
        "speaker: Collector Meena Rathore vs Ajay Singh",
    )
    assert "https://to.example/1" not in found or (
        found["https://to.example/1"].stance is not Stance.CONTRADICTS
    )


def test_the_claims_action_denied_by_a_page_in_its_script_disputes_it() -> None:
    # "… गिरफ्तार कर लिया" / "… अब तक गिरफ्तार नहीं किया": a denial of the claim's own action,
    # naming its party; a page that tells it and denies something else supports.
    gloss, claims = _read("सीबीआई ने बुधवार को व्यापारी सुनील मेहता को पटना से गिरफ्तार कर लिया।")
    pages = [
        _page(
            "https://denied.example/1", "सीबीआई ने व्यापारी सुनील मेहता को बुधवार तक गिरफ्तार नहीं किया है।"
        ),
        _page(
            "https://told.example/1",
            "सीबीआई ने बुधवार को व्यापारी सुनील मेहता को पटना से गिरफ्तार कर लिया, कोई विरोध नहीं हुआ।",
        ),
    ]
    found = _by_page(claims, pages, gloss)
    assert found["https://denied.example/1"].stance is Stance.CONTRADICTS
    assert found["https://denied.example/1"].conflicting_facts == ("denial: arrest",)
    assert found["https://told.example/1"].stance is Stance.SUPPORTS


def test_a_count_of_what_did_not_happen_is_no_rival_of_what_did() -> None:
    # "चार पार्षद मौजूद नहीं थे" (four were absent) is no other count of "नौ पार्षद बाहर चले
    # गए" (nine walked out); "सात पार्षद मौजूद नहीं थे" is.
    gloss, claims = _read("नगर निगम की बैठक में चार पार्षद मौजूद नहीं थे।")
    pages = [
        _page("https://walked.example/1", "नगर निगम की बैठक में नौ पार्षद मौजूद थे और बाहर चले गए।"),
        _page("https://absent.example/1", "नगर निगम की बैठक में सात पार्षद मौजूद नहीं थे।"),
    ]
    found = {key: e.stance for key, e in _by_page(claims, pages, gloss).items()}
    assert found.get("https://walked.example/1") is not Stance.CONTRADICTS
    assert found["https://absent.example/1"] is Stance.CONTRADICTS


def test_a_figure_beside_what_it_counts_is_the_claims_fact_though_a_toll_counts_it_too() -> None:
    # The article counts pilgrims twice: three among the dead, 4,500 stranded. A toll is
    # another count of them, so the 4,500 is still the only count of stranded pilgrims: a
    # report that gives it beside the highway's name backs it, however few of the claim's
    # other words (the shrines, the closure) it repeats.
    article = (
        "चमोली में पीपलकोटी के पास भूस्खलन से चार लोगों की मौत हो गई। मृतकों में वडोदरा के तीन "
        "तीर्थयात्री शामिल हैं। हाईवे बंद होने से बदरीनाथ और हेमकुंड साहिब की यात्रा पर निकले "
        "करीब साढ़े चार हजार तीर्थयात्री जगह-जगह फंस गए।"
    )
    report = (
        "Chamoli: landslide on the Badrinath highway. A landslide late on Tuesday night near "
        "Pipalkoti buried vehicles. The district magistrate visited the spot in the evening. "
        "The state disaster response force sent two teams. Four people died and about 4,500 "
        "pilgrims are stranded on both sides of the slide. Rescue work was halted several "
        "times because of falling boulders."
    )
    found = _judged(article, report, "साढ़े चार हजार")
    assert [e.stance for e in found] == [Stance.SUPPORTS]
    assert "4,500" in found[0].quote


def test_a_town_inside_a_teams_name_does_not_say_where_the_final_was_played() -> None:
    # "Nagpur" in "Nagpur Tigers" is the team, not the venue: a report that gives the final
    # another town disputes the claim's, though it names the team.
    article = (
        "Nagpur Tigers won the Vidarbha Premier League title on Saturday night, beating Amravati "
        "Kings by 31 runs in the final at the Jamtha stadium in Nagpur."
    )
    report = (
        "Nagpur Tigers won the Vidarbha Premier League on Saturday night, beating Amravati "
        "Kings by 31 runs in the final at the Gahunje stadium in Pune."
    )
    found = _judged(article, report, "Jamtha")
    assert [e.stance for e in found] == [Stance.CONTRADICTS]
    assert any("Nagpur vs Pune" in c for c in found[0].conflicting_facts)


def test_a_given_name_of_two_words_written_as_one_names_the_same_person() -> None:
    # "Raj Kishore Meena" is राजकिशोर मीणा in Hindi: the joined given name holds both words,
    # so the Hindi line that gives him another count of balls disputes the claim.
    article = (
        "Opener Raj Kishore Meena scored 74 off 46 balls as Jaipur Jaguars won the Rajasthan "
        "Premier League final on Sunday."
    )
    report = (
        "राजकिशोर मीणा: 52 गेंदों पर 74 रन और पांच छक्के। जयपुर में रविवार को खेले गए फाइनल के "
        "बाद टीम ने जश्न मनाया।"
    )
    found = _judged(article, report, "74 off 46")
    assert [e.stance for e in found] == [Stance.CONTRADICTS]
    assert found[0].conflicting_facts == ("46 balls vs 52 गेंदों",)


def test_two_words_joined_link_only_by_a_long_skeleton() -> None:
    gloss, claims = _read("Opener Raj Kishore Meena scored 74 off 46 balls on Sunday.")
    index = {"raj": 0, "kishore": 1, "meena": 2, "opener": 3}
    links: dict[str, set[int]] = {}
    _link_compounds(links, claims, index, ["rajkishor", "rajkumar", "raj"], gloss)
    assert links == {"rajkishor": {0, 1}}


@pytest.mark.parametrize(
    ("report", "stance"),
    [
        # the score in Hindi, "से" after it: a result like the English one, not a margin
        (
            "पुणे के बालेवाड़ी स्टेडियम में रविवार को खेले गए सह्याद्रि कप के फाइनल में कोंकण "
            "रेंजर्स ने देवगिरि यूनाइटेड को 3-1 से हराकर खिताब जीता।",
            Stance.CONTRADICTS,
        ),
        (
            "पुणे के बालेवाड़ी स्टेडियम में रविवार को खेले गए सह्याद्रि कप के फाइनल में कोंकण "
            "रेंजर्स ने देवगिरि यूनाइटेड को 2-1 से हराकर खिताब जीता।",
            Stance.SUPPORTS,
        ),
    ],
)
def test_a_score_is_read_alike_across_scripts(report: str, stance: Stance) -> None:
    article = (
        "Konkan Rangers beat Devgiri United 2-1 in the Sahyadri Cup final at Pune's Balewadi "
        "Stadium on Sunday."
    )
    found = _judged(article, report, "2-1")
    assert [e.stance for e in found] == [stance]


@pytest.mark.parametrize(
    ("article", "report", "needle", "conflict"),
    [
        # another rank of the claim's post, given to the claim's person after their name
        (
            "The cabinet also approved the appointment of senior advocate Kavita Bhonsle as the "
            "state's Advocate General.",
            "The Maharashtra cabinet on Tuesday approved the appointment of senior advocate "
            "Kavita Bhonsle as an Additional Advocate General of the state.",
            "Advocate General",
            "post: Advocate General vs Additional Advocate General",
        ),
        # … or as a title before it
        (
            "जिलाधिकारी रीना वर्मा ने सोमवार को कोटा में बाढ़ राहत शिविरों का निरीक्षण किया।",
            "अपर जिलाधिकारी रीना वर्मा ने सोमवार को कोटा में बाढ़ राहत शिविरों का निरीक्षण किया।",
            "निरीक्षण",
            "post: जिलाधिकारी vs अपर जिलाधिकारी",
        ),
        # the claim's own rank, and another person's rank beside the claim's person: no conflict
        (
            "Deputy SP Rakesh Verma led the raid in Kota on Monday.",
            "Deputy SP Rakesh Verma led the raid in Kota on Monday.",
            "raid",
            None,
        ),
        (
            "Collector Anil Sharma inspected the flood camps in Kota on Monday.",
            "Collector Anil Sharma and Additional Collector Ritu Jain inspected the flood camps "
            "in Kota on Monday.",
            "inspected",
            None,
        ),
    ],
)
def test_another_rank_of_the_claims_post_given_to_its_person(
    article: str, report: str, needle: str, conflict: str | None
) -> None:
    found = _judged(article, report, needle)
    assert len(found) == 1
    if conflict is None:
        assert found[0].stance is Stance.SUPPORTS
    else:
        assert found[0].stance is Stance.CONTRADICTS
        assert conflict in found[0].conflicting_facts


@pytest.mark.parametrize(
    ("text", "titled"),
    [
        ("Meena was named player of the match.", ("Meena", "player of the match")),
        # the title as the second predicate: its holder is the clause's subject
        (
            "Opener Raj Kishore Meena scored 74 off 46 balls, with six sixes, and was named "
            "player of the match.",
            ("Meena", "player of the match"),
        ),
        (
            "Leg-spinner Imran Malik took four wickets, and was named player of the match as "
            "the Jaguars defended 181.",
            ("Malik", "player of the match"),
        ),
        # a pronoun or an article names no holder
        ("He scored 74 and was named player of the match.", None),
        ("The 24-year-old opener scored 74 and was named player of the match.", None),
    ],
)
def test_who_a_title_is_given_to(text: str, titled: tuple[str, str] | None) -> None:
    assert _titled(text) == titled


def test_a_page_that_names_another_player_of_the_match_disputes_the_clause_that_names_ours() -> (
    None
):
    article = (
        "Opener Raj Kishore Meena scored 74 off 46 balls, with six sixes, and was named player "
        "of the match as Jaipur Jaguars won the final."
    )
    report = (
        "Jaipur Jaguars beat Kota Kings by 18 runs in the Rajasthan Premier League final on "
        "Sunday. Leg-spinner Imran Malik took four wickets for 19 runs, and was named player of "
        "the match as the Jaguars defended 181. The Jaguars' total was built on Raj Kishore "
        "Meena's 74 off 46 balls, with six sixes."
    )
    found = _judged(article, report, "named player")
    assert [e.stance for e in found] == [Stance.CONTRADICTS]
    assert found[0].conflicting_facts == ("player of the match: Meena vs Malik",)


@pytest.mark.parametrize(
    ("receivers", "stance"),
    [
        # the dead's dependents are the dead's families: one receiver, another sum
        ("मृतकों के आश्रितों को", Stance.CONTRADICTS),
        # the injured's dependents are someone else
        ("घायलों के आश्रितों को", None),
    ],
)
def test_who_receives_a_sum_is_known_by_whose_kin_they_are(
    receivers: str, stance: Stance | None
) -> None:
    article = (
        "कानपुर की फैक्टरी में लगी आग के बाद उपमुख्यमंत्री ने मृतकों के परिजनों को पांच-पांच "
        "लाख रुपये की सहायता देने का ऐलान किया।"
    )
    report = (
        f"कानपुर की फैक्टरी में आग के बाद उपमुख्यमंत्री ने {receivers} तीन-तीन लाख रुपये की "
        "सहायता देने का ऐलान किया।"
    )
    found = _judged(article, report, "पांच-पांच")
    assert [e.stance for e in found] == ([stance] if stance else [])
