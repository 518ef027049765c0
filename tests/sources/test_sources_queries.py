"""Search queries from claims: both languages, Latin names, no near-duplicates, a cap."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from claims.extract import extract_claims
from claims.model import Claim, ClaimClass, ClaimType, DateFact, Entity, KeyFacts, NumberFact
from claims.text import DEVANAGARI, normalise
from sources.queries import Query, build_queries, guess_event_date, title_case
from tests.conftest import EXAMPLES

SEED = EXAMPLES / "sco-qingdao-2025.hi.txt"
PORT_STRIKE = Path(__file__).parent.parent / "data" / "articles" / "en-port-strike.txt"


def claims_of(path: Path) -> list[Claim]:
    return extract_claims(path.read_text(encoding="utf-8"))


def claim(
    *,
    entities: tuple[Entity, ...] = (),
    numbers: tuple[float, ...] = (),
    predicates: tuple[str, ...] = (),
    text: str = "",
    worth: float = 0.5,
    dates: tuple[DateFact, ...] = (),
) -> Claim:
    facts = KeyFacts(
        numbers=tuple(NumberFact(value=n, text=f"{n:g}") for n in numbers),
        entities=entities,
        predicates=predicates,
        dates=dates,
    )
    return Claim(
        text=text or "x",
        sentence=text or "x",
        span=(0, 1),
        sentence_index=0,
        type=ClaimType.EVENT,
        cls=ClaimClass.CHECKWORTHY,
        checkworthiness=worth,
        key_facts=facts,
        language="en",
    )


def name(text: str, kind: str = "name") -> Entity:
    return Entity(text=text, latin=text.casefold(), kind=kind)


def term_sets(queries: list[Query], language: str) -> list[frozenset[str]]:
    return [frozenset(normalise(t) for t in q.terms) for q in queries if q.language == language]


@pytest.fixture(scope="module")
def seed_queries() -> list[Query]:
    return build_queries(claims_of(SEED), language="hi")


def test_seed_article_gives_queries_in_hindi_and_english(seed_queries: list[Query]) -> None:
    languages = [q.language for q in seed_queries]
    assert {"hi", "en"} == set(languages)
    assert 0 < len(seed_queries) <= 12
    # The cap takes both languages in turn, the article's own first.
    assert languages[:2] == ["hi", "en"]
    for query in seed_queries:
        if query.language == "hi":
            assert DEVANAGARI.search(query.text), query
        else:
            assert query.text.isascii(), query
        assert query.claims, query
        assert query.text == " ".join(
            f'"{t}"' if " " in t and t in query.entities else t for t in query.terms
        )


def test_english_queries_carry_latin_names_title_cased(seed_queries: list[Query]) -> None:
    english = [q for q in seed_queries if q.language == "en"]
    names = {name for q in english for name in q.entities}
    assert "Rajnath Singh" in names
    assert "Andrei Belosov" in names
    assert any('"Rajnath Singh"' in q.text for q in english)
    hindi_names = {name for q in seed_queries if q.language == "hi" for name in q.entities}
    assert "राजनाथ सिंह" in hindi_names


def test_no_duplicate_or_nested_queries(seed_queries: list[Query]) -> None:
    texts = [q.text for q in seed_queries]
    assert len(texts) == len(set(texts))
    for language in ("hi", "en"):
        sets = term_sets(seed_queries, language)
        for i, first in enumerate(sets):
            for second in sets[i + 1 :]:
                assert not first <= second and not second <= first, (first, second)


def test_cap_and_every_claim_reachable_without_it() -> None:
    found = claims_of(SEED)
    small = build_queries(found, language="hi", max_queries=4)
    assert len(small) == 4
    assert [q.language for q in small] == ["hi", "en", "hi", "en"]
    everything = build_queries(found, language="hi", max_queries=100)
    assert len(everything) < 2 * len(found)  # nested claims collapsed
    covered = {i for q in everything for i in q.claims}
    assert len(covered) >= len(found) - 1
    assert build_queries(found, language="hi", max_queries=0) == []


def test_predicates_are_english_words_and_the_claims_own_hindi_word() -> None:
    everything = build_queries(claims_of(SEED), language="hi", max_queries=100)
    english = {q.text for q in everything if q.language == "en"}
    hindi = {q.text for q in everything if q.language == "hi"}
    assert '"Dong Jun" gift' in english  # भेंट की -> the glossary's first English form
    assert '"डोंग जून" भेंट' in hindi
    assert any(" 26 " in f" {text} " for text in english)  # a number as digits


def test_english_article_queries_english_only() -> None:
    queries = build_queries(claims_of(PORT_STRIKE), language="en")
    assert queries and {q.language for q in queries} == {"en"}
    names = {name for q in queries for name in q.entities}
    # (Harish Solanki is named only with a quoted declaration: no claim, so no query.)
    assert {"Nitin Parekh", "Deendayal Port"} <= names
    assert any("1200" in q.terms for q in queries)
    assert all(q.text.isascii() for q in queries)
    sets = term_sets(queries, "en")
    assert len(sets) == len(set(sets))


def test_nested_queries_collapse_into_the_broader_one_and_rank_first() -> None:
    found = [
        claim(entities=(name("Alpha Beta"), name("Gamma Delta")), predicates=("meet",)),
        claim(entities=(name("Epsilon Zeta"),), numbers=(42,)),
        claim(entities=(name("Alpha Beta"),), predicates=("meet",)),
        claim(entities=(name("Alpha Beta"),), predicates=("meet",)),
    ]
    queries = build_queries(found, language="en")
    assert [(q.text, q.claims) for q in queries] == [
        ('"Alpha Beta" meet', (0, 2, 3)),
        ('"Epsilon Zeta" 42', (1,)),
    ]


def test_ties_go_to_the_more_checkworthy_claim() -> None:
    found = [
        claim(entities=(name("Alpha Beta"),), numbers=(11,), worth=0.4),
        claim(entities=(name("Gamma Delta"),), numbers=(12,), worth=0.9),
    ]
    assert [q.claims for q in build_queries(found, language="en")] == [(1,), (0,)]


def test_weak_terms_are_left_out() -> None:
    found = [
        # Reporting verbs, numbers under ten, amounts of a million and more: not searched.
        claim(entities=(name("Alpha Beta"),), numbers=(4, 2_500_000, 37), predicates=("say",)),
        claim(numbers=(17, 18)),  # numbers alone find everything
        claim(entities=(name("Gamma"),)),  # one one-word name alone, likewise
        claim(entities=(name("Delta Epsilon"),), predicates=("say",)),
    ]
    queries = build_queries(found, language="en")
    assert [(q.terms, q.claims) for q in queries] == [
        (("Alpha Beta", "37"), (0,)),
        (("Delta Epsilon",), (3,)),
    ]


def test_a_predicate_inside_a_name_is_not_repeated() -> None:
    org = Entity("Alpha Cooperation Organisation", "alpha cooperation organisation", "org")
    queries = build_queries(
        [claim(entities=(org, name("Beta Gamma")), predicates=("cooperate", "meet"))],
        language="en",
    )
    assert queries[0].terms == ("Beta Gamma", "Alpha Cooperation Organisation", "meet")


def test_parties_named_twice_are_searched_once() -> None:
    found = [
        claim(
            entities=(
                Entity("Gamma", "alpha gamma", "name"),  # a short mention of the same person
                Entity("Alpha Gamma", "alpha gamma", "name"),
                Entity("Land", "land", "place"),
                Entity("Landish", "land", "place"),
            ),
            numbers=(25,),
        )
    ]
    assert build_queries(found, language="en")[0].terms == ("Alpha Gamma", "Land", "25")


def test_title_case() -> None:
    assert title_case("rajnath singh") == "Rajnath Singh"
    assert title_case("gulf of kutch") == "Gulf of Kutch"
    assert title_case("su-30 mki", kind="equipment") == "SU-30 MKI"
    assert title_case("sco", kind="institution") == "SCO"
    assert title_case("jammu-kashmir", kind="place") == "Jammu-Kashmir"


def test_guess_event_date() -> None:
    day = DateFact(text="26 June 2025", value="2025-06-26")
    other = DateFact(text="1 June 2025", value="2025-06-01")
    weekday = DateFact(text="Thursday", value="thursday", kind="weekday")
    assert guess_event_date([claim(dates=(weekday,))]) is None
    assert guess_event_date([claim(dates=(day, other)), claim(dates=(day,))]) == date(2025, 6, 26)


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="language"):
        build_queries([], language="fr")
