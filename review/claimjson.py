"""Claims as JSON: the shape shared by `satyapan claims extract --json` and the export."""

from __future__ import annotations

from typing import Any

from claims.model import Claim


def claim_to_json(c: Claim) -> dict[str, Any]:
    return {
        "text": c.text,
        "sentence": c.sentence,
        "span": list(c.span),
        "type": c.type.value,
        "class": c.cls.value,
        "checkworthiness": c.checkworthiness,
        "language": c.language,
        "key_facts": {
            "numbers": [
                {"value": n.value, "text": n.text, "counts": n.counts} for n in c.key_facts.numbers
            ],
            "entities": [
                {"text": e.text, "latin": e.latin, "kind": e.kind} for e in c.key_facts.entities
            ],
            "predicates": list(c.key_facts.predicates),
            "dates": [
                {"text": d.text, "value": d.value, "kind": d.kind} for d in c.key_facts.dates
            ],
        },
        "parts": dict(c.key_facts.parts),
    }
