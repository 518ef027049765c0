"""Any text at all: extraction and matching never crash and spans stay exact."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claims.extract import extract_claims
from claims.match import find_evidence
from claims.model import CoverageText
from satyapan.errors import InputError

# Letters, signs and digits of Devanagari, Latin, digits, punctuation news uses, quotes.
ALPHABET = st.sampled_from(
    list("कखगचजटडतदनपबमयरलवसहािीुूेैोौंँ़्ाअआइ०१२३४५")
    + list("abcdeSTUVXYZ0123456789 ,.;:?!-–—()'\"“”‘’₹$%\n।॥")
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=ALPHABET, min_size=0, max_size=400))
def test_extraction_never_crashes(text: str) -> None:
    try:
        claims = extract_claims(text, include_all=True)
    except InputError:
        assert not text.strip() or "<" in text
        return
    for c in claims:
        assert text[c.span[0] : c.span[1]] == c.text
        assert 0.0 <= c.checkworthiness <= 1.0


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.text(alphabet=ALPHABET, min_size=20, max_size=300),
    st.lists(st.text(alphabet=ALPHABET, min_size=0, max_size=300), min_size=1, max_size=4),
)
def test_matching_never_crashes(article: str, pages: list[str]) -> None:
    if not article.strip():
        return
    claims = extract_claims(article, include_all=True)
    docs = [CoverageText(f"https://p{i}.example/", t) for i, t in enumerate(pages)]
    for e in find_evidence(claims, docs):
        doc = next(d for d in docs if d.key == e.doc_key)
        assert doc.text[e.quote_span[0] : e.quote_span[1]] == e.quote
        assert 0 <= e.highlight[0] <= e.highlight[1] <= len(e.quote)
        assert 0 <= e.score <= 100
