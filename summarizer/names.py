"""Names and times in an event's evidence, found by code (the model is not asked for them).

`actors` and `locations` are the capitalised names of the cited sentences: a
name after "in", "near", "outside" ... or before "region", "oblast" ... is a
location, any other name an actor. `when` is the first time expression ("on
Sunday", "June 7", "overnight"). All are substrings of the evidence, as written.
"""

from __future__ import annotations

import functools
import re

from babel import Locale, UnknownLocaleError

_WEEKDAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_WHEN = re.compile(
    rf"\b(?:(?:on|last|this|next|early|late)\s+)?(?:{_WEEKDAYS})(?:\s+(?:morning|afternoon|evening|night))?\b"
    rf"|\b(?:{_MONTHS})\s+\d{{1,2}}(?:,\s+\d{{4}})?\b|\b\d{{1,2}}\s+(?:{_MONTHS})(?:\s+\d{{4}})?\b"
    r"|\b(?:last|this|next|the past)\s+(?:week|month|year|night|weekend)\b"
    r"|\b(?:yesterday|today|tonight|overnight)\b",
    re.IGNORECASE,
)
_NAME = re.compile(r"\b[A-Z][\w.-]*\w(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w.-]*\w)*")
_PLACE_BEFORE = re.compile(r"(?<!according )\b(?:in|near|outside|into|towards?|across|around|at|from|of|to|on)"
                           r"\s+(?:the\s+)?$", re.IGNORECASE)
_DEMONYM = re.compile(r"^[A-Z][a-z]+(?:ian|ish|ese|ean|ic)$")  # "Russian forces": not a name
_PLACE_AFTER = re.compile(r"^[’']?s?\s+(?:region|oblast|province|district|city|village|town|area|border)\b",
                          re.IGNORECASE)
_NOT_NAMES = {
    "A", "An", "The", "This", "That", "These", "Those", "He", "She", "It", "They", "We", "I", "His", "Her",
    "Its", "Their", "Our", "In", "On", "At", "By", "For", "From", "With", "As", "After", "Before", "But",
    "And", "Or", "If", "When", "While", "Some", "Several", "Many", "Most", "More", "Other", "Despite",
    "According", "Asked", "There", "Earlier", "Later", "Meanwhile", "However", "Also", "Since", "Both",
    "About", "Around", "Over", "Under", "Nearly", "Almost", "Only", "Just", "During", "Until", "Among", "Each",
    "Every", "All", "No", "Not", "Such", "What", "Who", "Which", "Why", "How", "Where", "Then", "Now", "Yet",
    "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten", "Dozens", "Hundreds", "Thousands",
    *_WEEKDAYS.split("|"), *_MONTHS.split("|"),
}


def ends_with_person(name: str) -> bool:
    """Does `name` end with a person's name, a first name and a last ("Sergey Shubenkov", "La star de
    l'athlétisme russe Sergey Shubenkov"), not an acronym or a place ("El Ministerio de Transporte")?"""
    words = name.split()
    return len(words) >= 2 and all(w[:1].isupper() and not w.isupper() for w in words[-2:])


def when_of(text: str) -> str | None:
    m = _WHEN.search(text)
    return m.group(0) if m else None


def whens(text: str) -> list[re.Match]:
    """Every phrase of time in `text` ("on Friday", "last week", "November 8"), in order."""
    return list(_WHEN.finditer(text))


def demonyms_of(text: str) -> list[str]:
    """The capitalised demonyms in `text` ("Sudanese", "Ethiopian"), which `names_of` leaves out."""
    return [w for w in re.findall(r"\b[A-Z][a-z]+\b", text) if _DEMONYM.match(w)]


def names_of(text: str) -> tuple[list[str], list[str]]:
    """(actors, locations): the capitalised names in `text`, in order, without repeats."""
    actors: list[str] = []
    places: list[str] = []
    for m in _NAME.finditer(text):
        name = m.group(0)
        words = name.split()
        while words and (words[0] in _NOT_NAMES or words[0].islower()):  # "The Kremlin" -> "Kremlin"
            words.pop(0)
        if not words or all(w in _NOT_NAMES for w in words) or (len(words) == 1 and _DEMONYM.match(words[0])):
            continue
        name = " ".join(words)
        start = m.start() + m.group(0).index(words[0])
        place = bool(_PLACE_BEFORE.search(text[:start]) or _PLACE_AFTER.match(text[m.end():]))
        bucket = places if place else actors
        if name not in bucket:
            bucket.append(name)
    return actors, [p for p in places if p not in actors] or places


@functools.cache
def country_names(language: str | None) -> dict[str, str]:
    """{a country's one-word name in `language` (Babel's territory names: "Allemagne", "Россия"): its
    two-letter code}; names of several words are left out, their first word may begin a city's ("São Tomé",
    "São Paulo"). Empty for a language Babel does not know."""
    try:
        territories = Locale.parse(language or "en").territories
    except (UnknownLocaleError, ValueError):
        return {}
    return {name: code for code, name in territories.items()
            if code.isalpha() and len(code) == 2 and len(name.split()) == 1 and "-" not in name}


@functools.cache
def country_keys(language: str | None) -> frozenset[str]:
    """The first five letters, lower case, of every country's one-word name in `language` and in English
    (`country_names`), as `places.place_key` keys a place ("в России": "росси")."""
    return frozenset(name.lower()[:5] for code in {"en", language or "en"} for name in country_names(code))
