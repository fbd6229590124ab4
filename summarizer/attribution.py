"""Is a statement attributed? Words that attribute a claim, and the repair that names the source.

Used by the validators of both answers: an event summary or digest sentence about
a claim that is not the outlet's own (`asserted`) must say whose claim it is.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

# Words that attribute a statement to someone: a sentence using one is not the writer's own claim.
ATTRIBUTION_CUES = re.compile(
    r"\b(said|says|say|saying|according|claim\w*|report\w*|alleg\w*|den(?:y|ies|ied)|accus\w*|"
    r"assert\w*|stat(?:ed|es)|told|insist\w*|acknowledg\w*|announc\w*|wrote|writes|posted|"
    r"confirm\w*|reject\w*|dismiss\w*|contend\w*|argu\w*|warn\w*|prais\w*|call\w*|cited|"
    r"estimat\w*|unverified|unconfirmed|could not (?:be )?(?:independently )?verif\w*)\b",
    re.IGNORECASE,
)
_GENERIC_WORDS = {"the", "a", "an", "of", "and", "its", "their", "state", "news", "local", "official",
                  "officials", "source", "sources", "unnamed", "agency", "agencies"}

_LOWER_AFTER_COMMA = {"The", "A", "An", "This", "That", "These", "Those", "Its", "Their", "His", "Her", "Some",
                      "Several", "Many", "At", "In", "On", "By", "More", "Most", "About", "Around", "Over"}


def names_source(text: str, source: str) -> bool:
    """Does the sentence attribute (a cue word) or name the source (a distinctive word of it)?"""
    if ATTRIBUTION_CUES.search(text):
        return True
    words = {w.lower() for w in re.findall(r"[\w'’-]+", source)} - _GENERIC_WORDS
    lowered = text.lower()
    return any(re.search(rf"\b{re.escape(w)}\b", lowered) for w in words if len(w) > 2)


def attributed(text: str, source: str) -> str:
    """`text` as a claim of `source` ("According to X, ..."), unless it already says whose it is."""
    text = text.strip()
    if not text or names_source(text, source):
        return text
    first, _, rest = text.partition(" ")
    if first in _LOWER_AFTER_COMMA:  # "The army ..." -> "..., the army ..."; "Kyiv ..." stays
        first = first.lower()
    return f"According to {source.strip()}, {first}{' ' if rest else ''}{rest}"


# Verbs that attribute what follows (or precedes) to their subject.
_VERBS = (r"said|says|say|stated|states|told|claimed|claims|claim|reported|reports|denied|denies|deny|accused|"
          r"accuses|alleged|alleges|acknowledged|acknowledges|insisted|insists|insist|announced|announces|added|"
          r"estimated|estimates|estimate|"
          r"confirmed|confirms|warned|warns|wrote|writes|posted|rejected|rejects|dismissed|dismisses")
_ACCORDING = re.compile(r"\baccording to (?P<source>[^,.;:“”\"]+)", re.IGNORECASE)
_SUBJECT_VERB = re.compile(rf"(?P<subject>[^,;:“”\"()—–]+?),?\s+(?P<cue>{_VERBS})\b")  # "X, a spokesman, said"
# `_SUBJECT_VERB.finditer` in linear time (see `subject_verbs`): where a subject may end (", said", " told"),
# and the characters a subject may and may not hold.
_CUE_AT = re.compile(rf"(?=,?\s+({_VERBS})\b)")
_IN_SUBJECT = re.compile(r"[^,;:“”\"()—–]")
_NOT_IN_SUBJECT = re.compile(r"[,;:“”\"()—–]")
_TIME_WORDS = re.compile(r"(?:\s+(?:on|last|this|late|early)\s+\w+|\s+(?:separately|also|previously|earlier|later|"
                         r"again|then|in turn|yesterday|today|overnight|both|has|have|had|was|were|is|are|since|now|"
                         r"already|subsequently|publicly|reportedly|"
                         r"has also|have also))+\s*$", re.IGNORECASE)
_PRONOUNS = {"he", "she", "it", "they", "we", "i"}
DENIAL = re.compile(r"\b(?:den(?:y|ies|ied)|reject\w*|dismiss\w*|refut\w*|disput\w*|false|untrue)\b",
                    re.IGNORECASE)


def parse_attribution(sentence: str) -> tuple[str, str] | None:
    """(source, cue) as the sentence states them ("X said", ", X said.", "according to X"), or None.

    A pronoun source ("he said") is returned as written; the caller resolves it."""
    m = _ACCORDING.search(sentence)
    if m:
        return _trim(m.group("source")), "according to"
    for start, raw, cue in subject_verbs(sentence):
        if re.match(r"\s*(?:who|which|whose)\b", raw, re.IGNORECASE):  # "A witness, who ..., said": "A witness"
            raw = re.split(r"[,;:“”\"()—–]", sentence[:start].rstrip(" ,"))[-1]
        subject = _trim(_TIME_WORDS.sub("", raw))
        words = subject.split()
        if not words or len(words) > 9:
            continue
        if words[0].lower() in _PRONOUNS and len(words) == 1:
            return words[0].lower(), cue
        if words[0].lower() in {"the", "a", "an"} and len(words) == 1:  # "The claim comes": a noun, no subject
            continue
        if any(w[:1].isupper() for w in words) or (words[0].lower() in {"the", "a", "an"} and len(words) <= 6) \
                or re.search(
                r"\b(?:officials?|ministry|spokes\w+|police|army|military|government|command|agenc\w+|"
                r"sources?|witness\w*|residents?|authorities|governor|mayor)\b", subject, re.IGNORECASE):
            return subject, cue
    return None


def subject_verbs(sentence: str) -> Iterator[tuple[int, str, str]]:
    """(start, subject, cue) of each match of `_SUBJECT_VERB.finditer(sentence)`, in order, in linear time.

    The regex's lazy subject makes it try every start against the rest of its
    run of subject characters: quadratic in a long sentence, a tenth of a
    millisecond for a typical one. The same matches, found directly: a match
    starts at the first subject character at or after where the last one ended,
    and ends at the first cue after that start, unless a character no subject
    holds comes first (then the search goes on past that character). A property
    test holds the two equal."""
    cues = [(m.start(), m.group(1), m.end(1)) for m in _CUE_AT.finditer(sentence)]
    if not cues:
        return
    pos, i, n = 0, 0, len(sentence)
    while True:
        first = _IN_SUBJECT.search(sentence, pos)
        if first is None:
            return
        start = first.start()
        stop = _NOT_IN_SUBJECT.search(sentence, start)
        end = stop.start() if stop else n
        while i < len(cues) and cues[i][0] <= start:
            i += 1
        if i == len(cues):
            return
        at, cue, after = cues[i]
        if at <= end:
            yield start, sentence[start:at], cue
            pos = after
        else:
            pos = end


def _trim(text: str) -> str:
    text = re.sub(r"^(?:and|but|while|as|which|who)\s+", "", text.strip(), flags=re.IGNORECASE)
    return text.strip(" ,.'’")


def mentions(text: str, source: str) -> bool:
    """Does `text` name `source`: all its distinctive words, allowing endings (Russia/Russian, ministry's)?"""
    words = _distinctive(source)
    lowered = text.lower()
    return bool(words) and all(re.search(rf"\b{re.escape(w)}", lowered) for w in words)


_ANONYMOUS = re.compile(r"\b(?:unnamed|anonymous|anonymity|sources? (?:familiar|close|said|told)|"
                        r"(?:a|one|two|several) sources?)\b", re.IGNORECASE)
_MEDIA = re.compile(r"\b(?:agenc(?:y|ies)|TASS|RIA|Reuters|AP|AFP|Interfax|newspaper|television|TV|broadcaster|"
                    r"bloggers?|blog|map|Deep State|outlets?|media|journalists?|reporters?)\b")
_WITNESS = re.compile(r"\b(?:witness\w*|residents?|survivors?|eyewitness\w*)\b", re.IGNORECASE)


_OFFICIAL = re.compile(r"\b(?:ministry|minister|government|army|military|president|governor|mayor|officials?|"
                       r"spokes\w+|command|forces|police|Kremlin|council|authorities|administration|"
                       r"headquarters|staff|department|prosecutor\w*|agency of|state)\b", re.IGNORECASE)


def same_source(a: str, b: str) -> bool:
    """Do two names refer to the same source: the distinctive words of the shorter are all in the longer?"""
    wa, wb = _distinctive(a), _distinctive(b)
    short, long_ = sorted((wa, wb), key=len)
    return bool(short) and all(any(x.startswith(w) or w.startswith(x) for x in long_) for w in short)


def is_back_reference(source: str) -> bool:
    """"he", "it", "the ministry", "the ministry's statement": a source that refers to one named before
    ("the regional administration" names one: it has a modifier)."""
    words = re.sub(r"['’]s \w+$", "", source.strip()).split()  # "the ministry's statement" -> "the ministry"
    return source.lower() in _PRONOUNS or (
        len(words) == 2 and words[0].lower() in {"the", "its", "his", "her", "their"} and words[1].islower())


def _distinctive(name: str) -> set[str]:
    words = {re.sub(r"['’]s?$", "", w.lower()) for w in re.findall(r"[\w'’-]+", name)}
    return {w for w in words - _GENERIC_WORDS - _PRONOUNS if len(w) > 2}


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
