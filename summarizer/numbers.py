"""Extract the numbers of a text exactly as written, with their value and unit.

"1,200 bodies" -> text "1,200", value 1200, unit "bodies"; "3 million" keeps
its scale word; "seven villages" keeps the word; "19 136 people" (thousands
grouped by a space, as some English-language outlets write them) is 19136. Dates, years, times and
ordinals are not figures and are left out. The value is what the text says,
computed exactly ("8.2 million" is 8200000, not 8.2 * 1e6 = 8199999.999999999).

Figures are read the English way unless a `language` says otherwise. In a
comma-decimal language (COMMA_DECIMAL: Spanish, German, French, Russian, ...)
"." or a space groups thousands and "," is the decimal mark: "1.200 personas"
is 1200, "5,4 millones" is 5400000 and "1,200" is 1.2. The scale and percent
words of those languages are data (_LOCALE_SCALES, _LOCALE_PERCENT), and the
text of a figure is always the span of the input, whatever the language.
"""

from __future__ import annotations

import functools
import re
from fractions import Fraction
from functools import cache

from summarizer.language import lexicon, months
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
# A currency written before a figure ("$263 billion", "US$1.2 billion", "€50 billion", "R$ 45 milhões", "USD 5"):
# part of the figure's text; its unit is the currency's ISO code. Written after it as a word ("50 Milliarden
# Euro", "4 млрд долларов"), the word's currency is the unit.
CURRENCY_SIGNS = {"US$": "USD", "A$": "AUD", "C$": "CAD", "NZ$": "NZD", "HK$": "HKD", "R$": "BRL", "$": "USD",
                  "€": "EUR", "£": "GBP", "¥": "JPY", "₴": "UAH", "₽": "RUB", "₹": "INR", "₺": "TRY", "CHF": "CHF",
                  "USD": "USD", "EUR": "EUR", "GBP": "GBP", "JPY": "JPY", "CNY": "CNY", "UAH": "UAH", "RUB": "RUB",
                  "ZAR": "ZAR", "INR": "INR", "NGN": "NGN", "KES": "KES", "PLN": "PLN", "R": "ZAR", "Rs": "INR",
                  "₦": "NGN"}
# A sign that is also a letter or a road's name ("R2.4 billion" is money, "the R2 motorway" a road): money only
# before a figure with its thousands grouped or its scale word
_MONEY_ONLY = r"(?=\s?(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+(?:\.\d+)?\s?(?:bn|billion|million|mn|m|crore|lakh|trillion)\b))"
_LETTER_SIGNS = {"R", "Rs"}
_CURRENCY = ("(?:(?<!\\w)(?P<cur>(?-i:" + "|".join(
    re.escape(c) + (_MONEY_ONLY if c in _LETTER_SIGNS else r"\s?" if c[-1].isalpha() or c == "R$" else "")
    + (r"\s?" if c in _LETTER_SIGNS else "") for c in sorted(CURRENCY_SIGNS, key=len, reverse=True))
             + "))|(?<![\\w.,/:-])"
             # the second figure of a range of short figures ("16-20", "25–30mila"), not of "2023-11-30"
             + "".join(f"|(?<=(?<![\\d-])\\d{{{n}}}[-–])" for n in (1, 2, 3)) + ")")
# Currency words written after a figure, by their beginnings, in the languages the tool reads.
_CURRENCY_WORDS = (("dollar", "USD"), ("dólar", "USD"), ("долар", "USD"), ("доллар", "USD"), ("euro", "EUR"),
                   ("евро", "EUR"), ("євро", "EUR"), ("sterling", "GBP"), ("yuan", "CNY"), ("renminbi", "CNY"),
                   ("hryvni", "UAH"), ("гривн", "UAH"), ("грн", "UAH"), ("гривен", "UAH"), ("гривень", "UAH"),
                   ("roubl", "RUB"), ("rubl", "RUB"), ("руб", "RUB"), ("reais", "BRL"), ("real", "BRL"),
                   ("rupee", "INR"), ("franc", "CHF"), ("yen", "JPY"))
_NUMBER = re.compile(
    rf"""
    {_CURRENCY}(?P<digits>\d{{1,3}}(?:[\u00a0\u2009\u202f ]\d{{3}})+(?!\d)
                 |\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)
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


# Languages whose figures group thousands with "." or a space and mark decimals with ",".
COMMA_DECIMAL = frozenset({"es", "pt", "fr", "de", "it", "nl", "ru", "uk", "pl", "tr", "ca", "ro", "cs", "sv",
                           "da", "nb", "nn", "no", "fi", "hu"})
_K, _M, _G, _T = 1_000, 1_000_000, 1_000_000_000, 1_000_000_000_000
# Scale words as written after the digits, in lower case (a capitalised or upper-case form also counts).
_LOCALE_SCALES: dict[str, dict[str, int]] = {
    "es": {"mil": _K, "millón": _M, "millones": _M, "mil millones": _G, "billón": _T, "billones": _T},
    "ca": {"mil": _K, "milió": _M, "milions": _M, "mil milions": _G},
    "pt": {"mil": _K, "milhão": _M, "milhões": _M, "mil milhões": _G, "bilhão": _G, "bilhões": _G,
           "trilhão": _T, "trilhões": _T},
    "fr": {"million": _M, "millions": _M, "milliard": _G, "milliards": _G, "billion": _T, "billions": _T},
    "it": {"mila": _K, "milione": _M, "milioni": _M, "miliardo": _G, "miliardi": _G},
    "de": {"tausend": _K, "million": _M, "millionen": _M, "mio.": _M, "milliarde": _G, "milliarden": _G, "mrd.": _G,
           "billion": _T, "billionen": _T, "bio.": _T},
    "nl": {"duizend": _K, "miljoen": _M, "miljard": _G},
    # (the scale word in every case: "о 40 тысячах участников", "з 20 тисячами")
    "ru": {"тыс.": _K, "тысяч": _K, "тысячи": _K, "тысяча": _K, "тысяче": _K, "тысячам": _K, "тысячами": _K,
           "тысячах": _K, "млн": _M, "миллион": _M, "миллиона": _M, "миллионов": _M, "миллионах": _M,
           "миллионами": _M, "миллионам": _M, "млрд": _G, "миллиард": _G, "миллиарда": _G, "миллиардов": _G,
           "трлн": _T, "триллион": _T, "триллиона": _T, "триллионов": _T},
    "uk": {"тис.": _K, "тисяч": _K, "тисячі": _K, "тисяча": _K, "тисячам": _K, "тисячами": _K, "тисячах": _K,
           "млн": _M, "мільйон": _M, "мільйони": _M, "мільйонів": _M, "мільйонах": _M, "мільйонами": _M,
           "млрд": _G, "мільярд": _G, "мільярди": _G, "мільярдів": _G,
           "трлн": _T, "трильйон": _T, "трильйони": _T, "трильйонів": _T},
    "pl": {"tys.": _K, "mln": _M, "milion": _M, "miliony": _M, "milionów": _M, "mld": _G, "miliard": _G,
           "miliardy": _G, "miliardów": _G},
    "tr": {"bin": _K, "milyon": _M, "milyar": _G},
}
# Words for "per cent" after the digits ("%" counts in every language).
_LOCALE_PERCENT: dict[str, tuple[str, ...]] = {
    "es": ("por ciento",), "ca": ("per cent",), "pt": ("por cento",), "fr": ("pour cent",), "it": ("per cento",),
    "de": ("prozent",), "nl": ("procent",), "pl": ("procent",), "sv": ("procent",), "da": ("procent",),
    "nb": ("prosent",), "nn": ("prosent",), "no": ("prosent",), "cs": ("procent", "procenta"),
    "ru": ("процента", "процентов", "процент"), "uk": ("відсотка", "відсотків", "відсотки", "відсоток"),
}
_GROUP_MARKS = ". \u00a0\u2009\u202f"  # a point, a space, a no-break, thin or narrow no-break space
_LINKING = {"de", "di", "del", "da", "do"}  # "3 millones de euros": the unit is "euros"
_NEXT_ANY_WORD = re.compile(r"^(?:-(?P<hyph>[^\W\d_]+)|\s+(?P<w1>[^\W\d_][\w'’-]*)(?:\s+(?P<w2>[^\W\d_][\w'’-]*))?)")


def extract_numbers(text: str, language: str | None = None) -> list[Number]:
    """Every figure in `text`, in order, each with `text` a substring of the input.

    `language` (an ISO 639-1 code, "es" or "es-ES") says how digits are read:
    the English way unless it is a comma-decimal language (COMMA_DECIMAL)."""
    return [n.model_copy() for n in _numbers_of(text, language)]


@functools.lru_cache(maxsize=4096)  # a sentence's figures are read for candidates, contests, records, checks
def _numbers_of(text: str, language: str | None) -> tuple[Number, ...]:
    lang = _comma_decimal(language)
    found: list[Number] = []
    ends: list[tuple[int, int]] = []
    for m in (_locale_number(lang) if lang else _NUMBER).finditer(text):
        if _is_multiple(text, m, language):
            continue
        if m.group("digits"):
            digits = m.group("digits")
            if _is_date_or_year(text, m, digits, language) or _is_age(text, m, digits, language) \
                    or _is_clock(text, m, language) or _is_designation(text, m, digits):
                continue
            if lang:
                exact = Fraction(re.sub(f"[{_GROUP_MARKS}]", "", digits).replace(",", "."))
            else:
                exact = Fraction(re.sub(r"[,\u00a0\u2009\u202f ]", "", digits))  # "19,136", "19 136"
            scale = m.group("dscale")
            pct = m.group("pct")
        elif spoken := m.groupdict().get("lwords"):  # "drei Milliarden", "tres mil millones", "один трлн"
            exact = Fraction(_spoken_values(lang)[spoken.lower()])
            scale, pct = m.group("lscale"), None
        else:
            exact = Fraction(_word_value(m.group("words")))
            scale = m.group("wscale")
            pct = None
        if scale and lang and (m.group("digits") or m.groupdict().get("lwords")):
            exact *= _LOCALE_SCALES[lang][" ".join(scale.split()).lower()]
        elif scale:
            exact *= _SCALES[scale.strip().lower()]
        try:
            value = float(exact)  # correctly rounded, unlike float(digits) * scale
        except OverflowError:  # hundreds of digits: no figure a float can hold
            continue
        written = m.group(0)
        unit: str | None
        if pct:
            unit = "%"
        elif m.group("digits") and m.group("cur"):
            unit = CURRENCY_SIGNS[m.group("cur").strip()]
        else:
            unit = _locale_unit(text[m.end():], language) if lang else _unit_after(text[m.end():], language)
            unit = _currency_of(unit) or unit
        found.append(Number(text=written, value=value, unit=unit))
        ends.append((m.start(), m.end()))
    return _ranges_counted(text, found, ends, language)


def _ranges_counted(text: str, found: list[Number], spans: list[tuple[int, int]], language: str | None
                    ) -> tuple[Number, ...]:
    """The figures, the first of a range counting what the last counts: "tra le 12 e le 15mila persone",
    "от 15 до 20 тыс. человек", "between 15 and 20 people", "25-30 dead" ("12" counts "persone", not "e")."""
    joiners = _range_joiners(language)
    for i in range(len(found) - 2, -1, -1):
        between = text[spans[i][1]:spans[i + 1][0]]
        if found[i].unit != "%" and not (found[i].unit or "").isupper() and found[i + 1].unit \
                and joiners.fullmatch(between):  # (a currency is its own unit: "$1,200 and 3.5 percent")
            found[i] = found[i].model_copy(update={"unit": found[i + 1].unit})
    return tuple(found)


@cache
def _range_joiners(language: str | None) -> re.Pattern:
    """What stands between the two figures of a range: a dash, or a word of the language's `ranges` and maybe
    an article ("e le", "y los")."""
    lex = lexicon(language)
    words = "|".join(re.escape(w) for w in sorted(lex.ranges, key=len, reverse=True)) or "(?!)"
    articles = "|".join(re.escape(w) for w in sorted(lex.determiners, key=len, reverse=True)) or "(?!)"
    return re.compile(rf"\s*[-–]\s*|\s+(?:{words})(?:\s+(?:{articles}))?\s+", re.IGNORECASE)


@cache
def _not_units(language: str | None) -> frozenset[str]:
    """Words that are never what a figure counts: the language's `not_units` and its articles, demonstratives,
    prepositions, conjunctions, relatives, pronouns and auxiliaries ("50 que", "25 e", "0,5 до", "40 le", "86 este
    lunes")."""
    lex = lexicon(language)
    return lex.not_units | lex.determiners | lex.demonstratives | lex.prepositions | lex.conjunctions \
        | lex.relatives | lex.complementizers | lex.pronouns | lex.auxiliaries


_NUMERAL = re.compile(rf"^[\d,{_GROUP_MARKS}]*\d")  # a figure's digits, however grouped


def figure_key(number: Number) -> tuple[float, str]:
    """What a figure says, however its digits are grouped: its value and the words written with it.

    "1.200" (Spanish) and "1,200" (English) are (1200.0, ""); "19%" and "19 %" are (19.0, "%");
    "5,4 millones" is (5400000.0, "millones"), not the same as "5.4 million"."""
    return number.value, _NUMERAL.sub("", number.text).strip().lower()


def in_english(number: Number) -> str:
    """A figure as an English text writes it: "18.000" (German) is "18,000", "5,48%" is "5.48%"; one written
    with words ("400 mil", "7,1 Milliarden", "drei") stays as written."""
    rest = _NUMERAL.sub("", number.text).strip()
    if not _NUMERAL.match(number.text) or rest not in ("", "%"):
        return number.text
    value = number.value
    shown = f"{int(value):,}" if value == int(value) else f"{value:,}"
    return shown + rest


def _comma_decimal(language: str | None) -> str | None:
    """The language's ISO 639-1 code when it is a comma-decimal language, else None."""
    code = re.split(r"[-_]", (language or "").strip().lower(), maxsplit=1)[0]
    return code if code in COMMA_DECIMAL else None


def _forms(words) -> str:
    """An alternation of the words as written, in lower case, capitalised or upper case; longest first."""
    forms = {v for w in words for v in (w, w[:1].upper() + w[1:], w.upper())}
    escaped = (re.escape(f).replace("\\ ", r"\s") for f in sorted(forms, key=len, reverse=True))
    return "(?-i:" + "|".join(escaped) + ")"


@cache
def _locale_number(lang: str) -> re.Pattern:
    """_NUMBER for a comma-decimal language: "1.200", "12 000", "5,4", "1.234,5", its scale and percent words."""
    # the scale word may be glued to the digits ("40mila")
    scale = rf"(?P<dscale>\s?{_forms(_LOCALE_SCALES[lang])})?" if lang in _LOCALE_SCALES else "(?P<dscale>(?!))?"
    percent = rf"|\s{_forms(_LOCALE_PERCENT[lang])}" if lang in _LOCALE_PERCENT else ""
    # a number word of the language with a scale word after it: "drei Milliarden Euro", "deux milliards", "um
    # bilhão", "три миллиарда" (a number word alone is read where figures are compared: contests.py)
    spoken = _spoken_values(lang)
    worded = rf"\b(?P<lwords>{_forms(spoken)})\s(?P<lscale>{_forms(_LOCALE_SCALES[lang])})(?!\w)" \
        if spoken and lang in _LOCALE_SCALES else "(?P<lwords>(?!))(?P<lscale>(?!))"
    return re.compile(
        rf"""
        {_CURRENCY}(?P<digits>\d{{1,3}}(?P<sep>[{_GROUP_MARKS}])\d{{3}}(?:(?P=sep)\d{{3}})*(?:,\d+)?|\d+(?:,\d+)?)
            {scale}(?P<pct>\s?%{percent})?(?![\w:/]|[.,]\d)
        |
        {worded}
        |
        \b(?P<words>{_COMPOUND}|{_WORD})(?P<wscale>\s{_SCALE})?\b(?!-)
        """,
        re.IGNORECASE | re.VERBOSE,
    )


@cache
def _spoken_values(lang: str) -> dict[str, float]:
    """The language's number words (`numerals`) and its words for one before a scale (`ones`: "eine", "um",
    "один"), with their values."""
    lex = lexicon(lang)
    return {**{w: 1.0 for w in lex.ones}, **lex.numerals[1]}


def _currency_of(word: str | None) -> str | None:
    """The ISO code of a currency written as a word ("euros", "Euro", "долларов"), else None."""
    word = (word or "").lower()
    return next((code for start, code in _CURRENCY_WORDS if word.startswith(start)), None)


def _word_value(words: str) -> int:
    total = 0
    for part in words.lower().split("-"):
        total += _WORD_VALUES.get(part, 0)
    return total


def _is_date_or_year(text: str, m: re.Match, digits: str, language: str | None = None) -> bool:
    before, after = text[: m.start()], text[m.end():]
    if _MONTH_BEFORE.search(before) or _MONTH_AFTER.match(after) or _CLOCK_AFTER.match(after) \
            or months().match(after):  # "4 мая", "12 березня", "6. Mai": a date in the languages the tool reads
        return True
    return "," not in digits and "." not in digits and len(digits) == 4 and 1800 <= int(digits) <= 2100 \
        and not m.group("pct") and not m.group("dscale") and not _counts_people(before, after, language)


def _counts_people(before: str, after: str, language: str | None) -> bool:
    """Does the text right after a figure name the people it counts ("родились 1900 детей", "erano 2019 persone"):
    the language's `people`, `subgroups` or `quantities` words, with no preposition right before the figure ("In
    2015 people voted")? Then a figure that looks like a year is a count."""
    word = re.match(r"\s+([^\W\d_][\w'’-]*)", after)
    if word is None:
        return False
    lex = lexicon(language)
    previous = re.search(r"([^\W\d_][\w'’-]*)\s+$", before)
    if previous is None or previous.group(1).lower() in lex.prepositions | lex.locatives:
        return False
    noun = word.group(1).lower()
    return noun in lex.people or lex.subgroups is not None and lex.subgroups.match(noun) is not None \
        or any(words.match(noun) for _, words in lex.quantities)


_ACRONYM_BEFORE = re.compile(r"(?<![\w-])[A-Z]{2,}[ -]$")  # "MAX 8", "ET 302", "COVID-19"
_ACRONYM_AFTER = re.compile(r"[ -][A-Z]{2,}(?= \d)")  # "737 MAX 8"
_NAME_BEFORE = re.compile(r"(?<=[\w,] )[A-Z][a-z]+ $")  # "... a Boeing 737 MAX", not "The 27 EU states"
_ACRONYM_NEXT = re.compile(r"[ -][A-Z]{2,}(?![\w-])")
_SERIES_BEFORE = re.compile(r"\d [A-Z][a-z]+ $")  # "737 Max 8": a model's series between two figures
_SERIES_AFTER = re.compile(r" [A-Z][a-z]+ \d")


def _is_designation(text: str, m: re.Match, digits: str) -> bool:
    """A bare figure joined to a name in capitals ("Boeing 737 MAX 8", "737 Max 9", "flight ET 302"): part of the
    name of a model or a flight, no figure of the story ("the 27 EU states" and "3 US soldiers" are figures)."""
    return digits.isdigit() and m.group(0).strip() == digits and (
        _ACRONYM_BEFORE.search(text, 0, m.start()) is not None or _ACRONYM_AFTER.match(text, m.end()) is not None
        or _SERIES_BEFORE.search(text, 0, m.start()) is not None or _SERIES_AFTER.match(text, m.end()) is not None
        or _NAME_BEFORE.search(text, 0, m.start()) is not None and _ACRONYM_NEXT.match(text, m.end()) is not None)


MAX_AGE = 120


def _is_age(text: str, m: re.Match, digits: str, language: str | None) -> bool:
    """A bare figure set off right after a name ("said Grace Atwine, 34, whose ...", "Mehmet Yılmaz (45)"): the
    person's age (the language's `ages`, whose bare form stands in every language), no figure of the story."""
    if not digits.isdigit() or int(digits) > MAX_AGE or m.group(0) != digits:  # no currency, scale or unit
        return False
    lex = lexicon(language)
    ages = lex.ages
    return ages is not None and any(
        a.group("name")[:1].isupper() and digits in (a.group("age"), a.group("paren"))
        and m.start() in (a.start("age"), a.start("paren"))
        and not lex.speakers.search(a.group("name"))  # "Per la Prefettura, 31.": a party's figure, no one's age
        for a in ages.finditer(text, max(0, m.start() - AGE_REACH), m.end() + 1))


AGE_REACH = 80  # characters before a figure within which the name it follows may start


def _is_multiple(text: str, m: re.Match, language: str | None) -> bool:
    """"two and a half times the city's estimate", "3 times more": a multiple (the language's `multipliers`), no
    figure of the story; a number with a unit, scale or currency of its own is not one."""
    multipliers = lexicon(language).multipliers
    return multipliers is not None and not m.group("pct") and not m.group("cur") and not m.group("dscale") \
        and not m.group("wscale") and not m.groupdict().get("lscale") and multipliers.match(text[m.end():]) is not None


def _is_clock(text: str, m: re.Match, language: str | None) -> bool:
    """"at 6 in the morning", "vers 3 heures du matin", "um 5 Uhr": a time of day (the language's `clock`)."""
    clock = lexicon(language).clock
    hour = re.fullmatch(r"\d{1,2}", m.group(0).strip())  # "at 75,000 in the morning" counts, no hour
    return hour is not None and clock is not None and clock.match(text[m.end():]) is not None


def _unit_after(rest: str, language: str | None = None) -> str | None:
    unit = _unit_words(rest, _not_units(language))
    return unit.rstrip("'") if unit else None


def _locale_unit(rest: str, language: str | None) -> str | None:
    """The word after a figure of a comma-decimal language: "1.200 estibadores" -> "estibadores",
    "3 millones de euros" -> "euros", "3 millions d'euros" -> "euros"."""
    m = _NEXT_ANY_WORD.match(rest)
    if not m:
        return None
    if m.group("hyph"):
        return m.group("hyph").lower()
    w1, w2 = m.group("w1").lower(), (m.group("w2") or "").lower()
    if w1 in _LINKING and w2:
        w1 = w2
    elif w1[:2] in ("d'", "d’") and len(w1) > 2:
        w1 = w1[2:]
    w1 = w1.rstrip("'’")
    return None if not w1 or w1 in _not_units(language) else w1


def _unit_words(rest: str, not_units: frozenset[str]) -> str | None:
    m = _NEXT_WORD.match(rest)
    if not m:
        return None
    if m.group("hyph"):
        return m.group("hyph").lower()
    w1, w2 = m.group("w1"), m.group("w2")
    if w1.lower() in not_units:
        return None
    if w1.lower() == "square" and w2:
        return f"square {w2.lower()}"
    if w1[0].isupper() and w2 and w2.lower() not in not_units:
        return w2.lower()  # "5,000 Ukrainian soldiers": skip the adjective
    return w1.lower()
