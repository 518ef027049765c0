"""Syndication grouping: copies of one wire story share a group, independent reports do not."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from sources.dedupe import group_syndicated, shingles, similarity, words

SEED = (Path(__file__).parents[2] / "examples" / "sco-qingdao-2025.hi.txt").read_text(
    encoding="utf-8"
)

WIRE = [
    "Indian Defence Minister Rajnath Singh met his Russian counterpart Andrei Belousov on "
    "Thursday on the sidelines of the Shanghai Cooperation Organisation defence ministers' "
    "meeting in Qingdao, China, and discussed the delivery of the remaining S-400 air defence "
    "systems.",
    "The two ministers also discussed upgrades to India's Su-30 MKI fighter jets and the timely "
    "supply of critical military hardware, India's defence ministry said in a statement.",
    "Belousov condemned the terror attack in Pahalgam in Jammu and Kashmir, in which 26 people "
    "were killed, calling it cowardly and horrific, and expressed solidarity with India.",
    "Singh refused to sign a joint statement of the grouping because it did not mention the "
    "Pahalgam attack, officials said, signalling that New Delhi would not compromise on "
    "terrorism.",
    "He also met Chinese Defence Minister Admiral Dong Jun and presented him with a Madhubani "
    "painting, a folk art form from Bihar.",
    "India suggested four options to China to reduce regional tensions, and the two sides agreed "
    "to continue talks, the statement added.",
    "The meeting was one of the most important in recent times, Singh wrote on X after the talks.",
]

WIRE_ORIGINAL = "Rajnath Singh meets Belousov in Qingdao\n" + "\n".join(WIRE)
# Another site: its own headline, last paragraph trimmed, a few words edited.
WIRE_EDITED = "SCO meet: Rajnath, Belousov discuss S-400 delivery\n" + "\n".join(WIRE[:-1]).replace(
    "officials said", "according to officials"
).replace("on Thursday on", "on Thursday, on")
# A third site ran only the top of the story.
WIRE_BRIEF = "Rajnath holds talks with Russian, Chinese counterparts\n" + "\n".join(WIRE[:3])

INDEPENDENT = (
    "Rajnath Singh declined to endorse the joint communique at the Shanghai Cooperation "
    "Organisation meeting in Qingdao after member states refused to include a reference to "
    "the Pahalgam massacre. Twenty-six civilians were killed in the April attack in Kashmir. "
    "In his address to the conclave, Singh said those who sponsor, nurture and use terrorism "
    "for narrow ends must face consequences, and that double standards had no place. On the "
    "sidelines, he held separate talks with Russia's Andrei Belousov, focusing on pending "
    "S-400 deliveries, and with China's Dong Jun on easing tensions along the border. "
    "Officials in New Delhi described the outcome as a clear message to Islamabad."
)

UNRELATED = (
    "England were bowled out for 187 on the third day at Headingley as India's seamers "
    "exploited overcast conditions, leaving the hosts needing a record chase to level the "
    "series. The captain said the dressing room remained confident despite the collapse."
)

SEED_SENTENCES = [s.strip() + "।" for s in SEED.strip().split("।") if s.strip()]
HINDI_COPY = "राजनाथ-बेलोसोव मुलाकात: एस-400 पर हुई बात\n" + "".join(SEED_SENTENCES[:-2]).replace(
    "बेहद महत्वपूर्ण", "काफी अहम"
)
HINDI_INDEPENDENT = (
    "रक्षा मंत्री राजनाथ सिंह ने गुरुवार को किंगदाओ में एससीओ के संयुक्त घोषणापत्र पर दस्तखत नहीं "
    "किए। अधिकारियों के मुताबिक दस्तावेज़ में पहलगाम हमले का उल्लेख नहीं था, जबकि बलूचिस्तान की "
    "घटनाओं का जिक्र किया गया था। अप्रैल में हुए उस हमले में 26 नागरिक मारे गए थे। सिंह ने अपने "
    "भाषण में कहा कि आतंकवाद को पनाह देने वालों को जवाबदेह ठहराया जाना चाहिए और दोहरे मापदंड "
    "स्वीकार नहीं किए जा सकते। सम्मेलन के दौरान उन्होंने रूसी समकक्ष आंद्रेई बेलोसोव और चीनी रक्षा "
    "मंत्री डोंग जून से अलग-अलग बातचीत भी की। बेलोसोव के साथ चर्चा में एस-400 प्रणाली की शेष "
    "इकाइयों की आपूर्ति का मुद्दा उठा। चीन के साथ बैठक में सीमा पर तनाव घटाने के उपायों पर विचार हुआ।"
)


def test_wire_copies_share_a_group_and_independent_reports_do_not() -> None:
    pages = [
        ("https://wire.example/a", WIRE_ORIGINAL),
        ("https://independent.example/b", INDEPENDENT),
        ("https://reprint.example/c", WIRE_EDITED),
        ("https://sports.example/d", UNRELATED),
        ("https://brief.example/e", WIRE_BRIEF),
    ]
    assert group_syndicated(pages) == {
        "https://wire.example/a": "https://wire.example/a",
        "https://independent.example/b": "https://independent.example/b",
        "https://reprint.example/c": "https://wire.example/a",
        "https://sports.example/d": "https://sports.example/d",
        "https://brief.example/e": "https://wire.example/a",
    }


def test_hindi_copies_share_a_group_and_an_independent_hindi_report_does_not() -> None:
    pages = [
        ("https://hi-independent.example/1", HINDI_INDEPENDENT),
        ("https://hi-original.example/2", SEED),
        ("https://hi-copy.example/3", HINDI_COPY),
        ("https://en-wire.example/4", WIRE_ORIGINAL),
    ]
    assert group_syndicated(pages) == {
        "https://hi-independent.example/1": "https://hi-independent.example/1",
        "https://hi-original.example/2": "https://hi-original.example/2",
        "https://hi-copy.example/3": "https://hi-original.example/2",
        "https://en-wire.example/4": "https://en-wire.example/4",
    }


def test_the_group_key_is_the_first_member_in_input_order() -> None:
    pages = [("c", WIRE_BRIEF), ("x", UNRELATED), ("b", WIRE_EDITED), ("a", WIRE_ORIGINAL)]
    assert group_syndicated(pages) == {"c": "c", "x": "x", "b": "c", "a": "c"}
    assert group_syndicated(list(reversed(pages))) == {"a": "a", "b": "a", "x": "x", "c": "a"}


def test_similarity_scores_of_the_fixtures() -> None:
    original = shingles(WIRE_ORIGINAL)
    assert similarity(original, shingles(WIRE_EDITED)) > 0.8
    assert similarity(original, shingles(WIRE_BRIEF)) > 0.8
    assert similarity(original, shingles(INDEPENDENT)) < 0.1
    assert similarity(shingles(SEED), shingles(HINDI_COPY)) > 0.8
    assert similarity(shingles(SEED), shingles(HINDI_INDEPENDENT)) < 0.1


def test_threshold_is_respected() -> None:
    pages = [("a", WIRE_ORIGINAL), ("b", WIRE_EDITED)]
    assert group_syndicated(pages, threshold=1.01) == {"a": "a", "b": "b"}


def test_empty_short_and_repeated_entries() -> None:
    pages = [("a", ""), ("b", ""), ("c", "Short note."), ("d", "Short note."), ("a", UNRELATED)]
    assert group_syndicated(pages) == {"a": "a", "b": "b", "c": "c", "d": "c"}
    assert group_syndicated([]) == {}


def test_words_keep_devanagari_vowel_signs_and_split_on_danda() -> None:
    assert words("राजनाथ सिंह ने कहा।यह बैठक, “अहम” रही॥") == [
        "राजनाथ",
        "सिंह",
        "ने",
        "कहा",
        "यह",
        "बैठक",
        "अहम",
        "रही",
    ]
    assert words("S-400 and Su-30 MKI, India's") == [
        *("s", "400", "and", "su", "30", "mki", "india", "s"),
    ]


texts = st.text(alphabet=st.sampled_from(list("ab cd\u0915\u093e\u0964 ")), max_size=60)


@given(st.lists(st.tuples(st.sampled_from("pqrstu"), texts), max_size=8))
def test_every_key_maps_to_a_group_whose_key_maps_to_itself(
    pages: list[tuple[str, str]],
) -> None:
    groups = group_syndicated(pages)
    assert set(groups) == {key for key, _ in pages}
    for group in groups.values():
        assert groups[group] == group
    assert group_syndicated(pages) == groups  # deterministic


@given(texts, texts)
def test_similarity_is_symmetric_and_bounded(a: str, b: str) -> None:
    sa, sb = shingles(a), shingles(b)
    assert similarity(sa, sb) == similarity(sb, sa)
    assert 0.0 <= similarity(sa, sb) <= 1.0
    if sa:
        assert similarity(sa, sa) == 1.0


PASSAGES = [
    " ".join(f"w{p}x{i}" for i in range(n)) for p, n in enumerate((3, 9, 14, 20, 30, 6, 40, 11))
]


@given(
    st.lists(st.lists(st.sampled_from(range(len(PASSAGES))), min_size=1, max_size=5), max_size=12),
    st.sampled_from([0.3, 0.6, 0.9]),
)
def test_groups_are_those_of_comparing_every_pair(pages: list[list[int]], threshold: float) -> None:
    """The inverted index (each shared list of pages expanded once, weighted by its shingles)
    joins exactly the pages a comparison of every pair would, transitively."""
    docs = [(f"p{i}", " . ".join(PASSAGES[p] for p in picks)) for i, picks in enumerate(pages)]
    sets = [shingles(text) for _, text in docs]
    parent = list(range(len(docs)))

    def root(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    for i in range(len(docs)):
        for j in range(i + 1, len(docs)):
            if similarity(sets[i], sets[j]) >= threshold:
                a, b = root(i), root(j)
                parent[max(a, b)] = min(a, b)
    expected = {key: docs[root(i)][0] for i, (key, _) in enumerate(docs)}
    assert group_syndicated(docs, threshold=threshold) == expected
