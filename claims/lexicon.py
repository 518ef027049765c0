"""Closed word classes of Hindi and English news prose: function words, markers, titles."""

from __future__ import annotations

from claims.text import fold_devanagari


def _fold(words: str) -> frozenset[str]:
    return frozenset(fold_devanagari(w).casefold() for w in words.split())


HINDI_STOPWORDS = _fold(
    """का की के को से में पर ने और तथा एवं व या अधिक ज्यादा ज़्यादा करीब लगभग
    है हैं था थी थे हो होगा होगी होंगे हुआ हुई हुए
    हुईं रहा रही रहे रहीं गया गई गए गयी गये कर करने करते करती करके किया किए किये की कि जो
    जिस जिसमें जिन जिनमें जिसे जिसका जिनके यह ये वह वे इस इसमें इसके इसपर इन इनमें उस उसमें उन
    उनके उनकी उनका उन्होंने उन्हें उसने उसे इसे भी ही तो तक लिए लिये द्वारा साथ बाद पहले बीच
    दौरान अपने अपनी अपना एक कुछ कोई सभी सब बहुत अब फिर यहां वहां जब तब कहा गया नहीं न ना
    दिया दी दिए लेकर रूप दोनों तौर प्रति ओर वाले वाली वाला जैसे जैसा जैसी इसलिए क्योंकि हालांकि लेकिन
    परंतु किंतु जबकि वहीं यदि अगर तरह बार आज कल संबंध बारे अलावा इसके साथ ही""".replace("संबंध", "")
)
ENGLISH_STOPWORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "to",
        "in",
        "on",
        "at",
        "for",
        "from",
        "by",
        "with",
        "and",
        "or",
        "but",
        "nor",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "has",
        "have",
        "had",
        "do",
        "does",
        "did",
        "will",
        "would",
        "shall",
        "should",
        "can",
        "could",
        "may",
        "might",
        "must",
        "it",
        "its",
        "this",
        "that",
        "these",
        "those",
        "he",
        "she",
        "they",
        "him",
        "her",
        "them",
        "his",
        "their",
        "we",
        "us",
        "our",
        "i",
        "you",
        "your",
        "as",
        "than",
        "then",
        "there",
        "here",
        "which",
        "who",
        "whom",
        "whose",
        "what",
        "when",
        "where",
        "why",
        "how",
        "also",
        "too",
        "very",
        "just",
        "not",
        "no",
        "only",
        "into",
        "over",
        "under",
        "about",
        "after",
        "before",
        "during",
        "between",
        "while",
        "because",
        "though",
        "although",
        "if",
        "so",
        "such",
        "said",
        "says",
        "mr",
        "ms",
        "mrs",
    ]
)
STOPWORDS = HINDI_STOPWORDS | ENGLISH_STOPWORDS

PRONOUNS = _fold(
    """उन्होंने उन्हें उनसे उनको उसने उसे वह वे उनके उनकी उनका इन्होंने he she they him her
    them his their its"""
)
# Pronouns that stand for a person named before (its / their usually stand for a body).
PERSONAL_PRONOUNS = _fold("""उन्होंने उन्हें उनसे उनको उसने उसे इन्होंने he she him her his""")

# Markers of opinion, framing and speculation (ClaimBuster's non-factual class).
OPINION_MARKERS = _fold(
    """महत्वपूर्ण अहम खास रोचक ऐतिहासिक सौहार्दपूर्ण दिलचस्प बेहद अत्यंत उल्लेखनीय
    significant historic historical important crucial landmark remarkable interesting
    cordial warm"""
)
# Speculation and framing: the sentence is about what may be or is thought, not what was.
# (A passive of judging — "is considered as", "was believed to" — is told by its grammar:
# claims.extract._passive_view; "the plea was considered by a bench" is a fact.)
SPECULATION_MARKERS = _fold(
    """माना मानी माने उम्मीद संभावना संभवतः शायद चाहिए सकता सकती सकते seen believed expected likely may
    might could should appears seems perhaps hopes hope probably"""
)
# Multi-word framing phrases that outweigh any single word.
OPINION_PHRASES = tuple(
    fold_devanagari(p)
    for p in (
        "माना जा रहा",
        "मानी जा रही",
        "माने जा रहे",
        "माना जाता",
        "बेहद महत्वपूर्ण",
        "is seen as",
        "is considered",
        "are considered",
        "is expected to",
        "is likely to",
        "widely seen",
        "is being seen",
    )
)

ATTRIBUTION = _fold(
    """कहा बताया लिखा बोले कहना अनुसार मुताबिक said says told stated wrote according added
    posted announced"""
)

# Titles and roles that precede a name (रक्षा मंत्री राजनाथ सिंह, Admiral Dong Jun).
TITLES = _fold(
    """मंत्री प्रधानमंत्री मुख्यमंत्री राष्ट्रपति उपराष्ट्रपति एडमिरल जनरल अध्यक्ष प्रवक्ता डॉ डॉक्टर
    श्री श्रीमती सुश्री कप्तान सचिव राजदूत सांसद विधायक नेता चेयरमैन निदेशक प्रमुख प्रोफेसर
    न्यायाधीश जज कमांडर उपायुक्त कलेक्टर अधिकारी"""
)

# Hindi verb endings that close a clause (चर्चा की और ... भेंट की).
HINDI_CLAUSE_END = _fold("की किया किए किये कीं दिया दी दिए गया गई गए है हैं था थी थे हुआ हुई हुए")

CLAUSE_CONJUNCTIONS = _fold(
    """हालांकि लेकिन परंतु किंतु जबकि वहीं जब क्योंकि but while although whereas though
    because"""
)
# Conjunctions that split only between two full clauses, never inside a list (भारत और रूस).
COORDINATORS = _fold("और तथा एवं and")

MONTHS = {
    **{
        m: i + 1
        for i, m in enumerate(
            [
                "january",
                "february",
                "march",
                "april",
                "may",
                "june",
                "july",
                "august",
                "september",
                "october",
                "november",
                "december",
            ]
        )
    },
    **{
        m: i + 1
        for i, m in enumerate(
            ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        )
    },
    **{
        fold_devanagari(m): i + 1
        for i, m in enumerate(
            [
                "जनवरी",
                "फरवरी",
                "मार्च",
                "अप्रैल",
                "मई",
                "जून",
                "जुलाई",
                "अगस्त",
                "सितंबर",
                "अक्टूबर",
                "नवंबर",
                "दिसंबर",
            ]
        )
    },
    fold_devanagari("फ़रवरी"): 2,
    fold_devanagari("सितम्बर"): 9,
    fold_devanagari("अक्तूबर"): 10,
    fold_devanagari("नवम्बर"): 11,
    fold_devanagari("दिसम्बर"): 12,
}

# Frequent Hindi content words of news prose that stand where names stand (before ने, after a
# title, before के): the public, a post, a party, a verb of choosing. Never names.
COMMON_WORDS = _fold(
    """जनता पद दल विधायक चुना चुने चुनी बनाया बनाए बनी नियुक्त घोषित लोग देश प्रदेश क्षेत्र
    इलाका इलाके शहर गांव परिवार परिवारों सदस्य नागरिक यात्री यात्रियों अधिकारी अधिकारियों
    कर्मचारी सूत्र सूत्रों पुलिस प्रशासन सरकार सरकारों विभाग मामला मामले घटना हादसा हादसे
    समय दिन रात सुबह शाम साल वर्ष महीने हफ्ते आज कल बाद पहले दौरान पिछले अगले कुल सभी
    प्रमुख मुख्य नया नई नए पुराना पुरानी बड़ा बड़ी बड़े छोटा छोटी छोटे अन्य कई कुछ
    हालात स्थिति जानकारी बयान खबर रिपोर्ट सवाल जवाब मांग फैसला निर्णय योजना काम"""
)


WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())

# Hindi case markers: the agent (ने), the recipient or object (को), from / with / by (से).
NE = fold_devanagari("ने")
KO = fold_devanagari("को")
SE = fold_devanagari("से")
# The genitive (का, की, के): "19 लोगों की मौत" counts deaths, as "19 deaths" does.
GENITIVE = frozenset(fold_devanagari(w) for w in ("का", "की", "के"))

# Units of time (glossary concepts) in days: durations in different units are one kind of
# count ("within eight weeks" vs "within three months"), and "एक" before one is a count.
DAYS_IN = {
    "minute": 1 / 1440,
    "hour": 1 / 24,
    "day": 1.0,
    "week": 7.0,
    "fortnight": 14.0,
    "month": 30.0,
    "year": 365.0,
}


# Glossary actions that say what happened to the people (or things) a number counts: two
# counts of the same people with different fates are different facts (12 killed, 12 injured),
# never support or rivals of each other. Other actions (announce, approve, allocate) may
# describe one amount in different words.
FATES = frozenset(
    {"kill", "injure", "missing", "sicken", "arrest", "evacuate", "release", "convict"}
)
# Quantifiers that count none: English ones alone ("No one was hurt", "no passengers were
# injured"), the indefinite ones with a negation ("हादसे में कोई यात्री घायल नहीं हुआ",
# "किसी की जान नहीं गई", "did not arrest anyone").
NONE_QUANTIFIERS = _fold("no nobody none")
ANY_QUANTIFIERS = _fold("कोई किसी anyone anybody")
NEGATIONS = _fold("not no never nor n't नहीं न ना नही बिना")

# Where one clause of a sentence ends and the next begins: a semicolon, colon or danda, and
# the conjunctions that join two clauses (", and", "while", "whereas", जबकि, वहीं).
CLAUSE_EDGE = r"[;:।]|,\s*(?:and|while|but|whereas)\b|\b(?:while|whereas)\b|जबकि|वहीं"
# … and those that set one clause against the other ("but", लेकिन, मगर, परंतु, किंतु).
CONTRAST_EDGE = r"\bbut\b|लेकिन|मगर|परंतु|किंतु"
