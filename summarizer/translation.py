"""Is a model's English version of a foreign sentence a translation of it?

For an article in another language the model writes each candidate sentence in
English. A small model sometimes writes about the article instead ("This is a
news article about the conflict between Russia and Ukraine."), drops or changes a
figure, or brings in a name. The English version is used (as the record's
summary) only where it gives the numbers of the sentence it translates and no
other, names only what the sentence names (compared by a spelling-independent
skeleton across Latin and Cyrillic script: Kyiv/Kiew/Київ; an exonym the skeleton
cannot match, Germany for Deutschland, keeps the original sentence), does not
speak of "the article" or "the text", says no more than the sentence (at most about
half as many words again) and denies where, and only where, the sentence denies.
"""

from __future__ import annotations

import re
import unicodedata

from summarizer.numbers import extract_numbers

_META = re.compile(r"\b(?:news article|this article|the article|the text|this text|the sentence|"
                   r"translat\w*|in english)\b", re.IGNORECASE)
_CAPITAL = re.compile(r"[A-ZÀ-ÞА-ЯЁІЇЄҐ][\w'’-]+")
# English words written with a capital inside a sentence that name no party or place.
_COMMON = {"the", "a", "an", "according", "i", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
           "sunday", "january", "february", "march", "april", "may", "june", "july", "august", "september",
           "october", "november", "december", "mr", "mrs", "ms", "dr"}
_CYRILLIC = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґ",
                     ["a", "b", "v", "h", "d", "e", "e", "zh", "z", "i", "i", "k", "l", "m", "n", "o", "p", "r", "s",
                      "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya", "i", "i", "ye",
                      "g"]))


def skeleton(word: str) -> str:
    """A name's first consonants, however it is spelled or transliterated: Kyiv, Kiew, Kiev and Київ give
    "kv"; Moskau, Moscow and Москва "msk"."""
    word = "".join(_CYRILLIC.get(c, c) for c in word.lower())
    word = "".join(c for c in unicodedata.normalize("NFKD", word) if c.isascii() and c.isalpha())
    word = word.replace("w", "v").replace("c", "k").replace("q", "k").replace("ph", "f").replace("g", "h")
    return re.sub(r"(.)\1+", r"\1", re.sub(r"[aeiouyjh]", "", word[:1]) + re.sub(r"[aeiouyjh]", "", word[1:]))[:2]


def supported_translation(english: str, original: str, language: str | None) -> bool:
    """Does `english` give the numbers and names of `original`, the same people for each toll ("40 assaillants"
    is no "40 soldiers"), and nothing about the article itself?"""
    if _META.search(english):
        return False
    if len(english.split()) > 1.6 * len(original.split()) + 5:
        return False  # more than the sentence says: "... The fire was caused by a broken pipe."
    from summarizer.language import lexicon

    foreign, own = lexicon(language).denial, lexicon("en").denial
    if foreign is not None and own is not None and bool(foreign.search(original)) != bool(own.search(english)):
        return False  # "спростовує" written "has simplified", or a denial the sentence does not make
    theirs = {n.value for n in extract_numbers(original, language)}
    ours = {n.value for n in extract_numbers(english)}
    written = {n.value for n in extract_numbers(english) if any(c.isdigit() for c in n.text)}
    if not written <= theirs or not theirs <= ours:
        return False
    from summarizer.contests import victims_of

    counted = victims_of(english, lexicon("en"), "en")  # "40 assaillants" written "40 soldiers": other people
    if any(counted.get(value, group) != group for value, group in victims_of(original, lexicon(language),
                                                                                language).items()):
        return False
    known = {skeleton(w) for w in re.findall(r"\w+(?:[-'’]\w+)*|\w+", original)}  # "Эль-Мадине" and its parts
    known |= {skeleton(w) for w in re.findall(r"\w+", original)}
    names = [w for i, w in _capitalised(english) if w.lower() not in _COMMON]
    return all(skeleton(w) in known for w in names)


def _capitalised(text: str):
    """Capitalised words of `text` that are not the first word of a sentence."""
    for m in _CAPITAL.finditer(text):
        before = text[:m.start()].rstrip()
        if before and before[-1] not in ".!?:\"“”«»":
            yield m.start(), m.group(0)
