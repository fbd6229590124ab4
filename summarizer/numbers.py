"""Extract the numbers of a text exactly as written, with their value and unit.

"1,200 bodies" -> text "1,200", value 1200, unit "bodies"; "3 million" keeps
its scale word; "seven villages" keeps the word. Dates, years, times and
ordinals are not figures and are left out. The value is what the text says,
computed exactly ("8.2 million" is 8200000, not 8.2 * 1e6 = 8199999.999999999).
"""

from __future__ import annotations

import re
from fractions import Fraction

from summarizer.schema import Number

_UNITS = {
    "zero": 0, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
           "trillion": 1_000_000_000_000}
_MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|"
           "december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec")

_DIGIT_NAMES = {"one": 1, **{w: v for w, v in _UNITS.items() if 2 <= v <= 9}}  # after "twenty-"
_WORD_VALUES = {**_UNITS, **_TENS, **_DIGIT_NAMES}
# Number words match ASCII letters only, whatever their case: under Unicode case folding "thouſand",
# "MİLLİON" or "fıve" would match too, and are not the words the values are looked up by.
_WORD = "(?a:" + "|".join(sorted([*_UNITS, *_TENS], key=len, reverse=True)) + ")"
_COMPOUND = f"(?a:(?:{'|'.join(_TENS)})-(?:{'|'.join(_DIGIT_NAMES)}))"  # "twenty-one" .. "ninety-nine"
_SCALE = "(?a:" + "|".join(_SCALES) + ")"
_NUMBER = re.compile(
    rf"""
    (?<![\w.,/:-])(?P<digits>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)
        (?P<dscale>\s{_SCALE})?(?P<pct>\s?%|\s(?a:percent)|\s(?a:per)\s(?a:cent))?(?![\w:/]|,\d|\.\d)
    |
    \b(?P<words>{_COMPOUND}|{_WORD})(?P<wscale>\s{_SCALE})?\b(?!-)
    """,
    re.IGNORECASE | re.VERBOSE,
)
_MONTH_BEFORE = re.compile(rf"\b(?:{_MONTHS})\.?\s*$", re.IGNORECASE)
_MONTH_AFTER = re.compile(rf"^\s*(?:{_MONTHS})\b", re.IGNORECASE)
_CLOCK_AFTER = re.compile(r"^\s?(?:a\.m\.|p\.m\.|am\b|pm\b|GMT\b|UTC\b|hours?\s+GMT)", re.IGNORECASE)
_NEXT_WORD = re.compile(r"^(?:-(?P<hyph>[A-Za-z]+)|\s+(?P<w1>[A-Za-z][\w'-]*)(?:\s+(?P<w2>[A-Za-z][\w'-]*))?)")
_NOT_UNITS = {
    "a", "an", "the", "of", "in", "on", "at", "to", "by", "for", "from", "with", "and", "or",
    "but", "just", "before", "after", "since", "than", "more", "less", "as", "was", "were", "is",
    "are", "had", "have", "has", "it", "its", "that", "which", "who", "per", "into",
    "over", "about", "around", "nearly", "almost", "out", "up", "down", "others", "other",
}


def extract_numbers(text: str) -> list[Number]:
    """Every figure in `text`, in order, each with `text` a substring of the input."""
    found: list[Number] = []
    for m in _NUMBER.finditer(text):
        if m.group("digits"):
            digits = m.group("digits")
            if _is_date_or_year(text, m, digits):
                continue
            exact = Fraction(digits.replace(",", ""))
            scale = m.group("dscale")
            pct = m.group("pct")
        else:
            exact = Fraction(_word_value(m.group("words")))
            scale = m.group("wscale")
            pct = None
        if scale:
            exact *= _SCALES[scale.strip().lower()]
        try:
            value = float(exact)  # correctly rounded, unlike float(digits) * scale
        except OverflowError:  # hundreds of digits: no figure a float can hold
            continue
        written = m.group(0)
        unit = "%" if pct else _unit_after(text[m.end():])
        found.append(Number(text=written, value=value, unit=unit))
    return found


def _word_value(words: str) -> int:
    total = 0
    for part in words.lower().split("-"):
        total += _WORD_VALUES.get(part, 0)
    return total


def _is_date_or_year(text: str, m: re.Match, digits: str) -> bool:
    before, after = text[: m.start()], text[m.end():]
    if _MONTH_BEFORE.search(before) or _MONTH_AFTER.match(after) or _CLOCK_AFTER.match(after):
        return True
    return "," not in digits and "." not in digits and len(digits) == 4 and 1800 <= int(digits) <= 2100 \
        and not m.group("pct") and not m.group("dscale")


def _unit_after(rest: str) -> str | None:
    unit = _unit_words(rest)
    return unit.rstrip("'") if unit else None


def _unit_words(rest: str) -> str | None:
    m = _NEXT_WORD.match(rest)
    if not m:
        return None
    if m.group("hyph"):
        return m.group("hyph").lower()
    w1, w2 = m.group("w1"), m.group("w2")
    if w1.lower() in _NOT_UNITS:
        return None
    if w1.lower() == "square" and w2:
        return f"square {w2.lower()}"
    if w1[0].isupper() and w2 and w2.lower() not in _NOT_UNITS:
        return w2.lower()  # "5,000 Ukrainian soldiers": skip the adjective
    return w1.lower()
