"""Pure helpers for finding duplicates and names: accent-free keys, word stems, distances."""

from __future__ import annotations

import math
import re
import unicodedata

EARTH_RADIUS_M = 6_371_000.0
_WORD = re.compile(r"[a-z0-9]+")
# Portuguese words that carry no meaning for matching reports of the same problem.
_STOPWORDS = frozenset(
    [
        "a",
        "ao",
        "aos",
        "as",
        "ate",
        "com",
        "da",
        "das",
        "de",
        "do",
        "dos",
        "e",
        "em",
        "entre",
        "esta",
        "este",
        "ha",
        "ja",
        "junto",
        "mais",
        "muito",
        "na",
        "nas",
        "no",
        "nos",
        "o",
        "os",
        "ou",
        "para",
        "pela",
        "pelo",
        "por",
        "que",
        "se",
        "sem",
        "sob",
        "sobre",
        "um",
        "uma",
        "umas",
        "uns",
    ]
)


def fold(text: str) -> str:
    """Lower case without accents: `Conceição` and `conceicao` meet."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def name_key(name: str) -> str:
    return " ".join(fold(name).split())


def stems(text: str) -> set[str]:
    """Meaningful words cut to five letters, so `candeeiros` meets `candeeiro`."""
    return {w[:5] for w in _WORD.findall(fold(text)) if len(w) >= 3 and w not in _STOPWORDS}


def text_score(query: str, other: str) -> float:
    """Share of the smaller set of stems found in the other (0..1); 0 unless two stems are
    shared (one, when the query has only one)."""
    a, b = stems(query), stems(other)
    if not a or not b:
        return 0.0
    shared = len(a & b)
    if shared < min(2, len(a)):
        return 0.0
    return shared / min(len(a), len(b))


def distance_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine), in metres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(h)))
