"""Who is who among a record's sources: one party named two ways, a back reference, a source's kind.

`same_source` ("the RSF", "Rapid Support Forces"; "Ким", "Кима"), `mentions` and `refers_to` (a sentence or a
note naming a source), `is_back_reference` ("he", "the ministry", "das Ministerium": one named before) and
`source_type_of` (official, witness, media, anonymous, other: what the words say plainly). The contest rules,
the verification notes and the repair of a record's source (`extract.py`) compare sources with these;
`attribution.py` reads who speaks in the first place.
"""

from __future__ import annotations

import functools
import os
import re
import unicodedata

from summarizer.attribution import ACRONYM, GENERIC_WORDS
from summarizer.language import constituents, lexicon

_PRONOUNS = {"he", "she", "it", "they", "we", "i"}


def mentions(text: str, source: str) -> bool:
    """Does `text` name `source`: all its distinctive words, allowing endings (Russia/Russian, ministry's)?"""
    words = _distinctive(source)
    lowered = text.lower()
    return bool(words) and all(re.search(rf"\b{re.escape(w)}", lowered) for w in words)


def refers_to(text: str, source: str) -> bool:
    """Does `text` name `source` by one of its distinctive words, whatever its ending ("данных волонтеров" for
    "Волонтеры поискового отряда", "the Red Crescent's figure"), or by an acronym that spells it ("the UN's
    statement" for "the United Nations")?"""
    words = re.findall(r"\w+", text.lower())
    for name in _distinctive(source):
        if any(w == name or len(name) >= 5 and w[:5] == name[:5] for w in words):
            return True
    return any(same_source(a, source) for a in acronyms(text))


_ANONYMOUS = re.compile(r"\b(?:unnamed|anonymous|anonymity|sources? (?:familiar|close|said|told)|"
                        r"(?:a|one|two|several) sources?)\b", re.IGNORECASE)


_MEDIA = re.compile(r"\b(?:agenc(?:y|ies)|TASS|RIA|Reuters|AP|AFP|Interfax|newspaper|television|TV|broadcaster|"
                    r"bloggers?|blog|map|Deep State|outlets?|media|journalists?|reporters?)\b")


_WITNESS = re.compile(r"\b(?:witness\w*|residents?|survivors?|eyewitness\w*)\b", re.IGNORECASE)


_OFFICIAL = re.compile(r"\b(?:ministry|minister|government|army|military|president|governor|mayor|officials?|service|"
                       r"spokes\w+|command|forces|police|Kremlin|council|authorities|administration|"
                       r"headquarters|staff|department|prosecutor\w*|agency of|state)\b", re.IGNORECASE)


def same_source(a: str, b: str) -> bool:
    """Do two names refer to the same source: the distinctive words of the shorter are all in the longer? An
    acronym stands for the words it spells in the other name ("the RSF", "Rapid Support Forces")."""
    wa, wb = _distinctive(_spelled_out(a, b)), _distinctive(_spelled_out(b, a))
    short, long_ = sorted((wa, wb), key=len)
    if {x for x in long_ if not any(x.startswith(w) or w.startswith(x) for w in short)} & constituents():
        return False  # "The Carrow Motors unions" are not "Carrow Motors"
    return bool(short) and all(any(x.startswith(w) or w.startswith(x) or _inflected(x, w) for x in long_)
                               for w in short)


INFLECTION = 2  # letters at a word's end that its inflected forms may change ("террористов", "Террористы")


STEM = 5  # the fewest letters two forms of one word share


def _inflected(a: str, b: str) -> bool:
    """Are `a` and `b` two forms of one word: the same but for their last INFLECTION letters ("окупантів",
    "окупанти")?"""
    shared = len(os.path.commonprefix([a, b]))
    return shared >= STEM and shared >= max(len(a), len(b)) - INFLECTION


def is_back_reference(source: str, language: str | None = "en") -> bool:
    """"he", "it", "the ministry", "the ministry's statement", "das Ministerium", "el ministerio": a source
    that refers to one named before ("the regional administration" names one: it has a modifier)."""
    lex = lexicon(language)
    words = re.sub(r"['’]s \w+$", "", source.strip()).split()  # "the ministry's statement" -> "the ministry"
    if source.strip().lower() in _PRONOUNS | lex.pronouns | lex.bodies:
        return True  # (also a word for any institution, bare: "По данным ведомства")
    if len(words) == 1 and words[0].islower() and words[0] in lex.documents and not lex.determiners:
        # "«...», — говорится в сообщении": with no article in the language, a bare document is the one of the
        # party named before, and no party itself
        return True
    if len(words) == 3 and words[2].lower() in lex.documents and lex.speakers.match(words[1]) \
            and words[1].lower() not in lex.documents:  # "the company statement" -> "the company"
        words = words[:2]
    if len(words) != 2 or words[0].lower() not in ({"the", "its", "his", "her", "their"} | lex.determiners) \
            - lex.indefinite:
        return False
    if lex.capitalised_nouns:  # "das Ministerium", "der Sprecher"; "das Verteidigungsministerium" names one
        head = lex.speakers.match(words[1])
        return head is not None and len(words[1]) - head.end() <= 3
    return words[1].islower()


def acronyms(text: str) -> list[str]:
    """The acronyms written in `text` ("BSF", "ЗСУ")."""
    return ACRONYM.findall(text)


@functools.lru_cache(maxsize=4096)
def _spelled_out(name: str, other: str) -> str:
    """`name` with each acronym that spells consecutive capitalised words of `other` replaced by those words:
    "an RSF commander" with "Sudan's Rapid Support Forces" is "an Rapid Support Forces commander"."""
    if not ACRONYM.search(name):
        return name
    every = re.findall(r"[\w'’-]+", other)
    words = [w for w in every if w[:1].isupper()]
    initials = "".join(w[0] for w in words)
    # "CENI" of "la Commission électorale nationale indépendante": the words of four letters or more, small or
    # capital, accents aside
    long_words = [w for w in every if w[:1].isupper() or len(w) > 3]
    long_initials = "".join(unicodedata.normalize("NFD", w[0])[0].upper() for w in long_words)

    def expand(m: re.Match) -> str:
        if m.group(0) in other:
            return m.group(0)
        at = initials.find(m.group(0))
        if at >= 0:
            return " ".join(words[at:at + len(m.group(0))])
        at = long_initials.find(m.group(0))
        # (a name: its first word has a capital; not "medical staff from the hospital" for "MSF")
        return " ".join(long_words[at:at + len(m.group(0))]) if at >= 0 and len(m.group(0)) > 2 \
            and long_words[at][:1].isupper() else m.group(0)

    return ACRONYM.sub(expand, name)


_ELIDED = re.compile(r"^(?:l|d|dell|dall|nell|sull|all|coll|degl|dagl|un|qu)['’](?=\w)")


@functools.lru_cache(maxsize=4096)  # every pair of records compares their sources
def _distinctive(name: str) -> frozenset[str]:
    words = {_ELIDED.sub("", re.sub(r"['’]s?$", "", w.lower())) for w in re.findall(r"[\w'’-]+", name)}
    # (an acronym of two capitals names a party too: "СК", "UN")
    short = {w.lower() for w in re.findall(r"(?<![\w'’-])[^\W\d_]{2}(?![\w'’-])", name) if w.isupper()}
    return frozenset(w for w in words - GENERIC_WORDS - _PRONOUNS if len(w) > 2 or w in short)


def source_type_of(source: str, sentence: str) -> str | None:
    """The source type when the words say it plainly (anonymous, media, witness, official), else None."""
    if _ANONYMOUS.search(source) or _ANONYMOUS.search(sentence) and _MEDIA.search(source) is None \
            and not any(w[:1].isupper() for w in source.split()[1:]):
        return "anonymous"
    if _MEDIA.search(source):
        return "anonymous" if _ANONYMOUS.search(sentence) else "media"
    if _WITNESS.search(source):
        return "witness"
    if _OFFICIAL.search(source) or re.fullmatch(r"[A-Z][a-z]+", source.strip()):  # "Russia", "Kyiv"
        return "official"
    at = sentence.find(source)
    if at > 0 and _OFFICIAL.search(sentence[max(0, at - 60):at]):  # "The governor of X, Andrei Bocharov"
        return "official"
    return None
