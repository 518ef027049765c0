"""WordNet's antonym pointers, read from the text of its data files."""

from __future__ import annotations

from pathlib import Path

import pytest

from claims.thesaurus import parse_antonyms

# Two synsets of WordNet 3.0's data.verb as they stand in the file (glosses shortened), the
# licence header's indented lines before them, and a line cut short.
DATA = "\n".join(
    [
        "  1 This software and database is being provided to you, the LICENSEE, by",
        "  2 Princeton University under the following license.",
        "00906037 32 v 01 convict 0 003 @ 00905852 v 0000 + 10421016 n 0101 "
        "! 00906367 v 0101 01 + 08 00 | find or declare guilty",
        "00906367 32 v 05 acquit 0 assoil 0 clear 4 discharge 4 exonerate 0 002 "
        "@ 00905852 v 0000 ! 00906037 v 0101 01 + 08 00 | pronounce not guilty",
        "00907000 32 v 01 broken_",
    ]
)


def test_antonyms_are_read_both_ways_between_the_words_the_pointer_names() -> None:
    pairs = parse_antonyms(DATA)
    assert ("convict", "acquit") in pairs
    assert ("acquit", "convict") in pairs
    # the pointer names word 1 of each synset: assoil, clear… are synonyms, no antonyms
    assert not any("clear" in pair for pair in pairs)


def test_a_malformed_line_is_skipped() -> None:
    assert parse_antonyms("garbage line\n00907000 32 v zz\n") == frozenset()


INSTALLED = Path("/usr/share/wordnet/data.verb")


@pytest.mark.skipif(not INSTALLED.exists(), reason="Debian's wordnet-base is not installed")
def test_the_installed_wordnet_gives_the_verdicts_and_the_trends() -> None:
    pairs = parse_antonyms(INSTALLED.read_text(encoding="latin-1"))
    assert {("acquit", "convict"), ("increase", "decrease"), ("win", "lose")} <= pairs
    assert len(pairs) > 900


def test_phrasal_verbs_take_their_most_frequent_sense() -> None:
    from claims.thesaurus import parse_phrasal

    index = (
        "  1 this is the licence\n"
        "turn_down v 2 4 @ ~ $ + 2 1 00000002 00000001  \n"
        "put_off v 1 1 @ 1 1 00000003  \n"
        "look_at v 1 1 @ 1 1 00000004  \n"  # (no particle: not read)
    )
    data = (
        "00000001 30 v 02 lower 0 turn_down 0 000 | make lower\n"
        "00000002 32 v 03 refuse 0 reject 0 turn_down 0 000 | refuse to accept\n"
        "00000003 42 v 03 postpone 0 defer 0 put_off 0 000 | hold back to a later time\n"
        "00000004 39 v 02 look_at 0 view 0 000 | look\n"
    )
    assert parse_phrasal(index, data) == {
        "turn down": ("refuse", "reject"),
        "put off": ("postpone", "defer"),
    }


def test_a_noun_names_a_person_when_its_most_frequent_sense_does() -> None:
    from claims.thesaurus import parse_persons

    index = (
        "  1 this is the licence\n"
        "child n 2 6 ! @ ~ #m %p + 2 1 00000001 00000002  \n"
        "case n 2 4 @ ~ #m + 2 1 00000003 00000004  \n"  # (a person only second)
        "head_nurse n 1 1 @ 1 1 00000005  \n"  # (two words: not read)
        "garbled\n"
    )
    data = (
        "00000001 18 n 02 child 0 kid 0 000 | a young person\n"
        "00000002 18 n 01 child 0 000 | a son or daughter\n"
        "00000003 04 n 01 case 0 000 | an occurrence\n"
        "00000004 18 n 01 case 0 000 | a person requiring care\n"
        "00000005 18 n 01 head_nurse 0 000 | a nurse in charge\n"
    )
    assert parse_persons(index, data) == frozenset({"child"})


@pytest.mark.skipif(not INSTALLED.exists(), reason="Debian's wordnet-base is not installed")
def test_the_installed_wordnet_names_the_people_news_counts() -> None:
    from claims.thesaurus import parse_persons

    folder = INSTALLED.parent
    persons = parse_persons(
        (folder / "index.noun").read_text(encoding="latin-1"),
        (folder / "data.noun").read_text(encoding="latin-1"),
    )
    assert {"child", "passenger", "patient", "worker", "student", "devotee"} <= persons
    assert not {"case", "people", "sample", "vote", "death"} & persons


def test_a_phrasal_verb_is_the_one_action_its_synonyms_name() -> None:
    from claims.glossary import default_glossary

    gloss = default_glossary().with_phrasal(
        {"turn down": ("refuse", "reject"), "set aside": ("allow", "earmark", "reserve")}
    )
    assert gloss.phrase_action("turned", "down") == frozenset({"refuse"})
    assert gloss.phrase_action("turns", "down") == frozenset({"refuse"})
    assert gloss.phrase_action("set", "aside") == frozenset()  # names no action here
    assert gloss.phrase_action("turned", "up") == frozenset()
