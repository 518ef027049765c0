"""The bilingual news glossary: the TSV format, merging, inflected forms and concept kinds."""

from __future__ import annotations

from importlib.resources import files

import pytest

from claims.glossary import Glossary, default_glossary

SMALL = "\n".join(
    [
        "# comment lines and blank lines are skipped",
        "",
        "@action",
        "kill\tkill|killed|dead\tमारे|मौत",
        "gift\tgift|gifted\tभेंट|तोहफा",
        "@thing",
        "people\tpeople|civilians\tलोग|लोगों",
        "@place",
        "india\tindia|indian\tभारत",
    ]
)


def test_parse_reads_forms_and_kinds() -> None:
    g = Glossary.parse(SMALL)
    assert g.concepts("killed") == {"kill"}
    assert g.concepts("मारे") == {"kill"}
    assert g.concepts("लोगों") == {"people"}
    assert g.kind("kill") == "action"
    assert g.kind("people") == "thing"
    assert g.kind("india") == "place"
    assert g.kind("unknown") == "thing"
    assert g.actions("gifted") == {"gift"}
    assert g.actions("people") == frozenset()


def test_concept_before_any_section_is_a_thing() -> None:
    assert Glossary.parse("ship\tship|ships\tजहाज").kind("ship") == "thing"


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("kill\tkilled", 1),  # two columns
        ("@action\nkill\tkilled\tमारे\textra", 2),  # four columns
        ("@action\n\n# c\nkill killed मारे", 4),  # spaces, not tabs
        ("ok\tok\tठीक\n\tkilled\tमारे", 2),  # no concept id
        ("ok\tok\tठीक\n@\nkill\tkill\tमार", 2),  # a section without a kind
    ],
)
def test_parse_errors_name_the_line(text: str, line: int) -> None:
    with pytest.raises(ValueError, match=rf"line {line}\b"):
        Glossary.parse(text)


def test_forms_are_folded() -> None:
    g = Glossary.parse("mention\tmention|Mentioned\tज़िक्र|पाँच")
    # nukta, chandrabindu and case do not matter on either side
    assert g.concepts("जिक्र") == g.concepts("ज़िक्र") == {"mention"}
    assert g.concepts("पांच") == {"mention"}
    assert g.concepts("MENTIONED") == {"mention"}


def test_merge_unites_forms_and_kinds() -> None:
    base = Glossary.parse(SMALL)
    extra = Glossary.parse("@action\nkill\tslain\tहत्या\n@role\nminister\tminister\tमंत्री")
    merged = base.merge(extra)
    assert merged.concepts("slain") == {"kill"}
    assert merged.concepts("killed") == {"kill"}
    assert merged.concepts("मंत्री") == {"minister"}
    assert merged.kind("minister") == "role"
    # merging returns a new glossary; the originals are unchanged
    assert base.concepts("slain") == frozenset()
    assert extra.concepts("killed") == frozenset()


def test_merge_keeps_both_concepts_of_a_shared_form() -> None:
    a = Glossary.parse("@action\nattack\tstrike\tहमला")
    b = Glossary.parse("@action\nstrike_work\tstrike\tहड़ताल")
    assert a.merge(b).concepts("strike") == {"attack", "strike_work"}


@pytest.mark.parametrize(
    ("word", "concept"),
    [
        ("killed", "kill"),
        ("killing", "kill"),
        ("kills", "kill"),
        ("मारे", "kill"),
        ("मौतों", "kill"),
        ("suggestions", "suggest"),
        ("सुझाए", "suggest"),
        ("सुझाव", "suggest"),
        ("लोगों", "people"),
        ("लोग", "people"),
        ("injuries", "injure"),  # -ies -> -e
        ("countries", "country"),  # -ies -> -y
        ("rescued", "evacuate"),  # -d off a word in -e
        ("cancelled", "cancel"),
        ("deployments", "deploy"),
        ("बैठकें", "meet"),
        ("हमलों", "attack"),
        ("विमानों", "aircraft"),
        ("Gifted", "gift"),
        ("ज़िक्र", "mention"),
        ("जिक्र", "mention"),
        ("बाढ़", "flood"),
        ("बुधवार", "wednesday"),
        ("भारत", "india"),
        ("Indians", "india"),
    ],
)
def test_default_glossary_inflections(word: str, concept: str) -> None:
    assert concept in default_glossary().concepts(word)


@pytest.mark.parametrize("word", ["the", "और", "ने", "xylophone", "", "पेड़", "बस"])
def test_words_outside_the_glossary(word: str) -> None:
    assert default_glossary().concepts(word) == frozenset()


@pytest.mark.parametrize(
    ("concept", "kind"),
    [
        ("kill", "action"),
        ("suggest", "action"),
        ("refuse", "action"),
        ("people", "thing"),
        ("flood", "thing"),
        ("minister", "role"),
        ("china", "place"),
        ("monday", "time"),
        ("cowardly", "quality"),
    ],
)
def test_default_glossary_kinds(concept: str, kind: str) -> None:
    assert default_glossary().kind(concept) == kind


def test_actions_are_only_actions() -> None:
    g = default_glossary()
    assert g.actions("killed") == {"kill"}
    assert g.actions("लोगों") == frozenset()
    assert g.actions("भारत") == frozenset()


def test_shipped_glossary_is_well_formed() -> None:
    text = files("claims").joinpath("data/glossary.tsv").read_text("utf-8")
    g = Glossary.parse(text)
    assert set(g.kinds.values()) <= {"action", "thing", "role", "place", "time", "quality"}
    concepts = [
        line.split("\t")[0]
        for line in text.splitlines()
        if line.strip() and not line.startswith(("#", "@"))
    ]
    assert len(concepts) == len(set(concepts)), "a concept id is defined twice"
    for line in text.splitlines():
        if line.strip() and not line.startswith(("#", "@")):
            _, english, hindi = line.split("\t")
            assert english.isascii(), line
            assert all(f == f.strip() and f for f in english.split("|")), line
            assert all(f == f.strip() and f for f in hindi.split("|")), line
            assert not any(c.isdigit() for c in english + hindi), "no numbers in the glossary"
    # news vocabulary in both languages: a few hundred forms
    assert len(g.forms) > 1000
    assert sum(1 for k in g.kinds.values() if k == "action") >= 60


def test_inflections_find_their_concept_through_lemmas_and_stems() -> None:
    g = default_glossary()
    assert g.concepts("injury") == g.concepts("injuries")  # a noun's lemma (lemminflect)
    assert "raid" in g.concepts("searched")  # searches and raided agree on a verb
    assert "win" in g.concepts("हरा")  # हराया -> हरा (हरा दिया)
    assert "evacuate" in g.concepts("बचा")  # बचाया -> बचा (बचा लिया)
    assert "evacuate" in g.concepts("निकाल")  # निकाला -> निकाल (निकाल लिया)
    assert g.concepts("add") == frozenset()  # "added" alone does not make "add" a saying


def test_the_conjunctive_participle_is_its_verbs_stem() -> None:
    from claims.glossary import default_glossary

    gloss = default_glossary()
    assert gloss.actions("हराकर") == gloss.actions("हराया") == frozenset({"win"})
    assert gloss.concepts("कर") == frozenset()  # the bare light verb is no participle


def test_actions_whose_head_words_are_antonyms_are_opposites() -> None:
    gloss = Glossary.parse(
        "@action\n"
        "acquit\tacquit|acquitted\tबरी\n"
        "convict\tconvict|convicted\tदोषी\n"
        "win\twin|won|defeated\tजीत\n"
        "lose\tlose|lost|defeated\tहार\n"
        "@thing\n"
        "import\timport|imports\tआयात\n"
    ).with_antonyms([("acquit", "convict"), ("win", "lose"), ("import", "export")])
    assert gloss.contrary == {"acquit": {"convict"}, "convict": {"acquit"}}
    # (win and lose share "defeated": no opposites; import is a thing here, no action)


def test_without_a_thesaurus_no_actions_are_opposites() -> None:
    assert default_glossary().with_antonyms([]).contrary == {}


def test_a_merged_glossary_keeps_the_lexicons_of_words() -> None:
    """A newsroom's own glossary merged in keeps what the edge set on the built-in one: the
    ratings of words of praise or blame and the nouns of people."""
    base = default_glossary().with_valence({"hero": 2.6}).with_persons(["child"])
    extra = Glossary.parse("@action\nsalute\tsaluted\tसलामी\n")
    merged = base.merge(extra)
    assert merged.judges("hero") and "child" in merged.persons
    assert merged.actions("saluted") == frozenset({"salute"})
