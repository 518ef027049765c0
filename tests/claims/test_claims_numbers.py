"""Numbers as values: Hindi and English number words, scales, digits, ranges, designations."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claims.numbers import find_numbers, parse_number, to_english_words, to_hindi_words

ARTICLES = Path(__file__).resolve().parents[1] / "data" / "articles"
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"

# Written out here rather than imported, so the test checks the module's table.
HINDI_1_100 = """
1 एक 2 दो 3 तीन 4 चार 5 पांच 6 छह 7 सात 8 आठ 9 नौ 10 दस
11 ग्यारह 12 बारह 13 तेरह 14 चौदह 15 पंद्रह 16 सोलह 17 सत्रह 18 अठारह 19 उन्नीस 20 बीस
21 इक्कीस 22 बाईस 23 तेईस 24 चौबीस 25 पच्चीस 26 छब्बीस 27 सत्ताईस 28 अट्ठाईस 29 उनतीस 30 तीस
31 इकतीस 32 बत्तीस 33 तैंतीस 34 चौंतीस 35 पैंतीस 36 छत्तीस 37 सैंतीस 38 अड़तीस 39 उनतालीस
40 चालीस 41 इकतालीस 42 बयालीस 43 तैंतालीस 44 चवालीस 45 पैंतालीस 46 छियालीस 47 सैंतालीस
48 अड़तालीस 49 उनचास 50 पचास 51 इक्यावन 52 बावन 53 तिरपन 54 चौवन 55 पचपन 56 छप्पन
57 सत्तावन 58 अट्ठावन 59 उनसठ 60 साठ 61 इकसठ 62 बासठ 63 तिरसठ 64 चौंसठ 65 पैंसठ 66 छियासठ
67 सड़सठ 68 अड़सठ 69 उनहत्तर 70 सत्तर 71 इकहत्तर 72 बहत्तर 73 तिहत्तर 74 चौहत्तर 75 पचहत्तर
76 छिहत्तर 77 सतहत्तर 78 अठहत्तर 79 उन्यासी 80 अस्सी 81 इक्यासी 82 बयासी 83 तिरासी 84 चौरासी
85 पचासी 86 छियासी 87 सत्तासी 88 अट्ठासी 89 नवासी 90 नब्बे 91 इक्यानवे 92 बानवे 93 तिरानवे
94 चौरानवे 95 पचानवे 96 छियानवे 97 सत्तानवे 98 अट्ठानवे 99 निन्यानवे 100 सौ
""".split()
HINDI_TABLE = [(w, int(n)) for n, w in zip(HINDI_1_100[::2], HINDI_1_100[1::2], strict=True)]


def test_hindi_table_is_complete() -> None:
    assert [n for _, n in HINDI_TABLE] == list(range(1, 101))


@pytest.mark.parametrize(("word", "value"), HINDI_TABLE)
def test_every_hindi_number_word_parses(word: str, value: int) -> None:
    assert parse_number(word) == value
    if value < 100:
        assert parse_number(f"एक सौ {word}") == 100 + value
        assert parse_number(f"{word} हज़ार") == value * 1000


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("पाँच", 5),  # chandrabindu
        ("पांच", 5),  # anusvara
        ("हज़ार", 1000),  # precomposed nukta letter
        ("हज\u093cार", 1000),  # ज + combining nukta
        ("हजार", 1000),  # no nukta
        ("करोड़", 10**7),
        ("करोड", 10**7),
        ("अड़तीस", 38),
        ("अडतीस", 38),
        ("छः", 6),
        ("पन्द्रह", 15),
        ("पैतीस", 35),  # without the anusvara
        ("निन्यानबे", 99),
        ("शून्य", 0),
    ],
)
def test_hindi_spelling_variants(text: str, value: int) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("सौ", 100),
        ("एक सौ", 100),
        ("दो हज़ार", 2000),
        ("तीन लाख", 300_000),
        ("चार करोड़", 40_000_000),
        ("पांच अरब", 5_000_000_000),
        ("हज़ार", 1000),  # हज़ार रुपये: Hindi drops the एक
        ("दो करोड़ तीन लाख", 20_300_000),
        ("दो करोड़ तीन लाख चार हज़ार पांच सौ छह", 20_304_506),
        ("दो सौ पचास करोड़", 2_500_000_000),
        ("एक लाख करोड़", 10**12),
        ("साढ़े सात सौ", 750),
        ("साढ़े तीन", 3.5),
        ("साढ़े बारह लाख", 1_250_000),
        ("डेढ़", 1.5),
        ("डेढ़ लाख", 150_000),
        ("डेढ सौ", 150),
        ("ढाई हज़ार", 2500),
        ("ढाई करोड़", 25_000_000),
        ("सवा सौ", 125),
        ("सवा लाख", 125_000),
        ("पौने तीन सौ", 275),
        ("6.4 लाख", 640_000),
        ("250 करोड़", 2_500_000_000),
        ("1,200 करोड़", 12_000_000_000),
        ("१२ लाख", 1_200_000),
    ],
)
def test_hindi_scales_and_combinations(text: str, value: float) -> None:
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("twenty-six", 26),
        ("twenty six", 26),
        ("ninety-nine", 99),
        ("two hundred and fifty", 250),
        ("two hundred fifty", 250),
        ("one million two hundred thousand", 1_200_000),
        ("a million", 1_000_000),
        ("a hundred", 100),
        ("two dozen", 24),
        ("fifty-five thousand", 55_000),
        ("three lakh", 300_000),
        ("3 lakh", 300_000),
        ("2.5 crore", 25_000_000),
        ("3.2 lakh crore", 3.2e12),
        ("Rs 3.2 lakh crore", 3.2e12),
        ("Rs 48,300 crore", 4.83e11),
        ("₹40cr", 400_000_000),
        ("$5 bn", 5e9),
        ("10k", 10_000),
    ],
)
def test_english_words_and_scales(text: str, value: float) -> None:
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1,200", 1200),
        ("1,50,000", 150_000),
        ("1,000,000", 1_000_000),
        ("5.43", 5.43),
        ("$5.43bn", 5.43e9),
        ("12%", 12),
        ("२६", 26),
        ("१,२००", 1200),
        ("४४.४", 44.4),
        ("0", 0),
    ],
)
def test_digits(text: str, value: float) -> None:
    assert parse_number(text) == pytest.approx(value)


def test_float_noise_is_rounded_away() -> None:
    # 4.4 lakh crore multiplies out to 4400000000000.001 in floating point.
    [n] = find_numbers("Rs 4.4 lakh crore")
    assert n.value == 4.4e12
    assert find_numbers("3.2 lakh crore")[0].value == 3.2e12


def test_currency_and_percent_are_recorded() -> None:
    [dollars] = find_numbers("$5.43bn")
    assert dollars.currency == "dollar"
    [rupees] = find_numbers("Rs. 500 was paid")
    assert (rupees.value, rupees.currency, rupees.text) == (500, "rupee", "500")
    [hindi] = find_numbers("250 करोड़ रुपये")
    assert hindi.currency == "rupee"
    assert find_numbers("12%")[0].percent
    assert find_numbers("7.5 per cent")[0].percent
    assert find_numbers("70 प्रतिशत हिस्सा")[0].percent
    assert not find_numbers("70 लोग")[0].percent


def values(text: str) -> list[float]:
    return [n.value for n in find_numbers(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("10-12", [10, 12]),
        ("10–12 people", [10, 12]),  # en dash
        ("2025-26", [2025, 26]),
        ("दो-तीन दिन", [2, 3]),
        ("two-three days", [2, 3]),
        ("1-0", [1, 0]),
        ("2-3 crore", [2e7, 3e7]),  # the scale applies to both ends
        ("10-12 लाख लोग", [1e6, 1.2e6]),
    ],
)
def test_ranges_give_each_end(text: str, expected: list[float]) -> None:
    assert values(text) == pytest.approx(expected)


@pytest.mark.parametrize(
    "text",
    ["S-400", "Su-30", "Su-30 MKI", "PSLV-C61", "एस-400", "एसयू-30 एमकेआई", "COVID-19", "G-20"],
)
def test_designations_are_not_numbers(text: str) -> None:
    assert find_numbers(text) == []
    assert parse_number(text) is None


def test_designation_beside_a_count() -> None:
    assert values("S-400 की 3 यूनिट") == [3]
    assert values("five S-400 squadrons") == [5]


@pytest.mark.parametrize(
    ("text", "value", "span"),
    [
        ("four-point plan", 4, "four"),
        ("4-point plan", 4, "4"),
        ("26-year-old", 26, "26"),
        ("twenty-six-year-old", 26, "twenty-six"),
        ("a 10-day visit", 10, "10"),
        ("२६-वर्षीय युवक", 26, "२६"),
    ],
)
def test_number_glued_to_a_word(text: str, value: float, span: str) -> None:
    [n] = find_numbers(text)
    assert (n.value, n.text, text[n.start : n.end]) == (value, span, span)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("5 and 6", [5, 6]),
        ("five and six", [5, 6]),
        ("one two three", [1, 2, 3]),
        ("दो तीन", [2, 3]),
        ("दो और तीन", [2, 3]),
        ("two hundred and fifty and 3", [250, 3]),
        ("in 2020 1,200 people", [2020, 1200]),
        ("9 बजकर 18 मिनट", [9, 18]),
    ],
)
def test_separate_numbers_stay_separate(text: str, expected: list[float]) -> None:
    assert values(text) == expected


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("चौथा प्रक्षेपण", 4),
        ("तीसरी बार", 3),
        ("सातवें वेतन आयोग", 7),
        ("26वीं बैठक", 26),
        ("21st century", 21),
        ("twenty-first century", 21),
        ("India's third-largest port", 3),
        ("the first country to land there", 1),
        ("India’s first solar mission", 1),
        ("their first at this level", 1),
        ("पहली किस्त", 1),
        ("यह पहला मौका है", 1),
        ("देश के पहले स्वदेशी पोत", 1),
    ],
)
def test_ordinals_count(text: str, value: float) -> None:
    [n] = find_numbers(text)
    assert n.value == value and n.ordinal


@pytest.mark.parametrize(
    "text",
    [
        "साढ़े",
        "hundred",
        "million",
        "लाखों लोग",
        "हज़ारों",
        "पहले",
        "उसने पहले कहा था",
        "at first",
        "First, the court ruled",
        "a second term",
    ],
)
def test_not_numbers(text: str) -> None:
    assert find_numbers(text) == []


def test_spans_slice_the_text() -> None:
    text = "राज्य के 21 जिलों में करीब 6.4 लाख लोग, डेढ़ लाख से अधिक, twenty-six ships, Rs 3.2 lakh crore"
    found = find_numbers(text)
    assert [n.value for n in found] == pytest.approx([21, 640_000, 150_000, 26, 3.2e12])
    for n in found:
        assert text[n.start : n.end] == n.text


def test_parse_number_needs_one_whole_number() -> None:
    assert parse_number("26 लोग") is None
    assert parse_number("10-12") is None
    assert parse_number("") is None
    assert parse_number("  26 ") == 26


def _labelled_sentences() -> list[tuple[str, list[float]]]:
    out = []
    for path in sorted(ARTICLES.glob("*.labels.json")):
        for s in json.loads(path.read_text("utf-8"))["sentences"]:
            if "numbers" in s:
                out.append((s["text"], s["numbers"]))
    return out


@pytest.mark.parametrize(("sentence", "expected"), _labelled_sentences())
def test_labelled_article_numbers(sentence: str, expected: list[float]) -> None:
    # एक/one as an article (एक बार फिर, one of India's 12 ports) is left to claim extraction.
    found = [
        n.value
        for n in find_numbers(sentence)
        if not (n.value == 1 and not any(c.isdigit() for c in n.text))
    ]
    assert found == pytest.approx(expected)


# --- properties: rendering and reading agree for every whole number up to a crore


def indian_grouping(n: int) -> str:
    s = str(n)
    if len(s) <= 3:
        return s
    head, tail = s[:-3], s[-3:]
    groups: list[str] = []
    while len(head) > 2:
        head, groups = head[:-2], [head[-2:], *groups]
    return ",".join([head, *groups, tail])


def test_indian_grouping_helper() -> None:
    assert indian_grouping(150000) == "1,50,000"
    assert indian_grouping(10_000_000) == "1,00,00,000"
    assert indian_grouping(999) == "999"


NUMBERS = st.integers(min_value=0, max_value=10_000_000)


@settings(max_examples=400, deadline=None)
@given(NUMBERS)
def test_hindi_words_round_trip(n: int) -> None:
    assert parse_number(to_hindi_words(n)) == n


@settings(max_examples=400, deadline=None)
@given(NUMBERS)
def test_english_words_round_trip(n: int) -> None:
    assert parse_number(to_english_words(n)) == n
    assert parse_number(to_english_words(n, indian=True)) == n


@settings(max_examples=400, deadline=None)
@given(NUMBERS)
def test_grouped_digits_round_trip(n: int) -> None:
    assert parse_number(f"{n:,}") == n
    assert parse_number(indian_grouping(n)) == n
    assert parse_number(str(n).translate(str.maketrans("0123456789", "०१२३४५६७८९"))) == n


@pytest.mark.parametrize("n", [0, 1, 99, 100, 101, 999, 1000, 100_000, 9_999_999, 10_000_000])
def test_round_trip_edges(n: int) -> None:
    assert parse_number(to_hindi_words(n)) == n
    assert parse_number(to_english_words(n)) == n
    assert parse_number(to_english_words(n, indian=True)) == n


@pytest.mark.parametrize(
    ("text", "value", "currency"),
    [
        ("USD 5.43 billion", 5.43e9, "dollar"),
        ("US$ 3 mn", 3e6, "dollar"),
        ("INR 450 crore", 4.5e9, "rupee"),
        ("Rs. 45 crore", 4.5e8, "rupee"),
        ("Rs 12 lakh", 1.2e6, "rupee"),
        ("₹2.5 crore", 2.5e7, "rupee"),
        ("€4bn", 4e9, "euro"),
        ("EUR 40 million", 4e7, "euro"),
        ("£200 million", 2e8, "pound"),
        ("GBP 12m", 1.2e7, "pound"),
        ("¥500", 500.0, "yen"),
        ("JPY 300 billion", 3e11, "yen"),
        ("5 euros", 5.0, "euro"),
        ("2.1 बिलियन डॉलर", 2.1e9, "dollar"),
        ("40 मिलियन यूरो", 4e7, "euro"),
        ("5 USD", 5.0, "dollar"),
        ("USD5.43bn", 5.43e9, "dollar"),
        ("Rs.40 lakh", 4e6, "rupee"),
        ("रु. 500", 500.0, "rupee"),
        ("रु 5 लाख", 5e5, "rupee"),
        # the country adjective between the amount and the dollar
        ("4.1 करोड़ अमेरिकी डॉलर", 4.1e7, "dollar"),
        ("41 million US dollars", 4.1e7, "dollar"),
    ],
)
def test_every_currency_sign_and_code(text: str, value: float, currency: str) -> None:
    (n,) = find_numbers(text)
    assert (n.value, n.currency) == (value, currency)


def test_amounts_in_different_currencies_are_never_added() -> None:
    found = find_numbers("€4 billion and £200 million came in")
    assert [(n.value, n.currency) for n in found] == [(4e9, "euro"), (2e8, "pound")]


@pytest.mark.parametrize(
    ("text", "value", "words"),
    [
        ("a two-thirds majority", 2 / 3, "two-thirds"),
        ("one-third of the seats", 1 / 3, "one-third"),
        ("two thirds of voters", 2 / 3, "two thirds"),
        ("three-quarters of them", 0.75, "three-quarters"),
        ("three-fourths", 0.75, "three-fourths"),
        ("दो-तिहाई बहुमत", 2 / 3, "दो-तिहाई"),
        ("एक चौथाई हिस्सा", 0.25, "एक चौथाई"),
    ],
)
def test_proper_fractions_in_words(text: str, value: float, words: str) -> None:
    (n,) = find_numbers(text)
    assert (n.value, n.text) == (pytest.approx(value, abs=1e-6), words)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("in two quarters", [2.0]), ("five fifth-graders", [5.0, 5.0]), ("दो-तीन दिन", [2.0, 3.0])],
)
def test_not_fractions(text: str, expected: list[float]) -> None:
    assert [n.value for n in find_numbers(text)] == expected


@pytest.mark.parametrize(
    ("text", "currency"),
    [
        ("about A$50 billion", "A$"),
        ("C$ 3 million", "C$"),
        ("HK$2bn", "HK$"),
        ("US$ 3 bn", "dollar"),
        ("$5.43 billion", "dollar"),
        ("USD 5.43 billion", "dollar"),
    ],
)
def test_other_countries_dollars_are_other_currencies(text: str, currency: str) -> None:
    (n,) = find_numbers(text)
    assert n.currency == currency


def test_one_and_a_half() -> None:
    assert [n.value for n in find_numbers("one and a half hours late")] == [1.5]


# Issue 9's list of formats: every currency sign and code, before or after, with every scale.
FORMATS = [
    ("₹5 crore", 5e7, "rupee"),
    ("Rs. 5 crore", 5e7, "rupee"),
    ("Rs 5 crore", 5e7, "rupee"),
    ("INR 5 crore", 5e7, "rupee"),
    ("5 crore rupees", 5e7, "rupee"),
    ("5 करोड़ रुपये", 5e7, "rupee"),
    ("2.5 अरब रुपये", 2.5e9, "rupee"),
    ("1.5 lakh", 1.5e5, None),
    ("5 लाख", 5e5, None),
    ("$5 million", 5e6, "dollar"),
    ("US$5 million", 5e6, "dollar"),
    ("USD 5.43 billion", 5.43e9, "dollar"),
    ("5 USD", 5.0, "dollar"),
    ("$5k", 5e3, "dollar"),
    ("$3mn", 3e6, "dollar"),
    ("$1.2bn", 1.2e9, "dollar"),
    ("3 बिलियन डॉलर", 3e9, "dollar"),
    ("4 मिलियन", 4e6, None),
    ("€4 billion", 4e9, "euro"),
    ("EUR 4bn", 4e9, "euro"),
    ("100 EUR", 100.0, "euro"),
    ("£200 million", 2e8, "pound"),
    ("GBP 200m", 2e8, "pound"),
    ("¥500", 500.0, "yen"),
    ("२६", 26.0, None),
    ("ढाई लाख", 2.5e5, None),
    ("साढ़े तीन करोड़", 3.5e7, None),
    ("सवा दो सौ", 225.0, None),
    ("पौने चार सौ", 375.0, None),
    ("one and a half", 1.5, None),
    ("one and a half million", 1.5e6, None),
]


@pytest.mark.parametrize(("text", "value", "currency"), FORMATS)
def test_every_listed_format_reads_as_its_value(
    text: str, value: float, currency: str | None
) -> None:
    (n,) = find_numbers(f"about {text} here")
    assert n.value == pytest.approx(value)
    assert n.currency == currency


def test_amounts_in_two_currencies_stay_two_amounts() -> None:
    values = [(n.value, n.currency) for n in find_numbers("€4 billion and £200 million came")]
    assert values == [(4e9, "euro"), (2e8, "pound")]


def test_ranges_give_both_ends() -> None:
    assert [n.value for n in find_numbers("10-12 people")] == [10.0, 12.0]
    assert [n.value for n in find_numbers("10 से 12 लोग")] == [10.0, 12.0]


def test_a_sign_at_one_end_of_a_range_is_the_whole_ranges() -> None:
    assert [(n.value, n.percent) for n in find_numbers("a 15-20% rise")] == [
        (15.0, True),
        (20.0, True),
    ]
    assert [(n.value, n.currency) for n in find_numbers("$10-12 billion")] == [
        (1e10, "dollar"),
        (1.2e10, "dollar"),
    ]


def test_vulgar_fractions_read_by_their_unicode_value() -> None:
    assert [n.value for n in find_numbers("1½ hours later, ¾ of them")] == [1.5, 0.75]


def test_a_word_ending_in_ru_is_no_rupee() -> None:
    (n,) = find_numbers("गुरु 5 बजे")
    assert n.currency is None


def test_a_count_does_not_take_the_next_clauses_noun() -> None:
    from claims.extract import extract_claims

    (claim,) = extract_claims("The toll rose from 26 to 28, officials said.")
    assert [(n.value, n.counts) for n in claim.key_facts.numbers] == [(26.0, None), (28.0, None)]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("on June 26th, 2025", "2025-06-26"),
        ("26 जून 2025", "2025-06-26"),
        ("२६ जून को", "06-26"),
        ("the 26th of June", "06-26"),
        ("on 26/06/2025", "2025-06-26"),
        ("2025-06-26", "2025-06-26"),
    ],
)
def test_dates_are_dates_not_numbers(text: str, value: str) -> None:
    from claims.extract import extract_claims, find_dates

    assert [d.value for d, _, _ in find_dates(text)] == [value]
    claims = extract_claims(f"The minister met the envoy {text} in Delhi.", include_all=True)
    assert all(not c.key_facts.numbers for c in claims)


def test_a_number_said_twice_is_each_and_one_number() -> None:
    found = [(n.text, n.value, n.currency) for n in find_numbers("चार-चार लाख रुपये")]
    assert found == [("चार लाख", 400000.0, "rupee")]
    assert [n.value for n in find_numbers("50-50 हजार रुपये")] == [50000.0]
    assert [n.value for n in find_numbers("10-12 लोग")] == [10.0, 12.0]  # a range stays two


def test_a_word_of_approximation_between_the_part_of_the_day_and_the_hour() -> None:
    from claims.extract import find_dates

    (time,) = [d for d, _, _ in find_dates("दोपहर करीब सवा तीन बजे आग लगी")]
    assert (time.value, time.text) == ("15:15", "दोपहर करीब सवा तीन बजे")


def test_a_bracket_between_two_amounts_makes_two_numbers() -> None:
    found = [(n.text, n.value) for n in find_numbers("Rs 15 billion ($180 million)")]
    assert found == [("15 billion", 15e9), ("$180 million", 1.8e8)]
    assert [n.value for n in find_numbers("दो करोड़ तीन लाख")] == [20_300_000.0]


@pytest.mark.parametrize(
    ("text", "values"),
    [
        # "m" with no currency is metres; with one it is million
        ("took the javelin with 86.32m on his fifth attempt", [86.32, 5.0]),
        ("a 40m-long bridge", [40.0]),
        ("raised $5m in seed funding", [5e6]),
        ("Rs 50m", [5e7]),
        ("5M users", [5e6]),
        # "7.30 am" is the clock time 7:30, read as "7:30 am" is; a decimal is one number
        ("counters will open at 7.30 am instead of 8 am", [7.0, 30.0, 8.0]),
        ("at 4.30 p.m. on Monday", [4.0, 30.0]),
        ("at 4:30 pm", [4.0, 30.0]),
        ("prices rose 7.30 per cent", [7.3]),
    ],
)
def test_metres_millions_and_dotted_clock_times(text: str, values: list[float]) -> None:
    assert [n.value for n in find_numbers(text)] == values
