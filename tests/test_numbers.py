import math
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summarizer.numbers import extract_numbers, figure_key


def triples(text):
    return [(n.text, n.value, n.unit) for n in extract_numbers(text)]


def test_numbers_exactly_as_written_with_value_and_unit():
    text = ("Russia handed over 1,200 bodies and received 27 servicemen; seven villages and "
            "160 square kilometres were retaken; about 3 million people; nearly 19% of the land; "
            "a 250-kilogram bomb; 3.5 km away; twenty-five drones.")
    assert triples(text) == [
        ("1,200", 1200.0, "bodies"),
        ("27", 27.0, "servicemen"),
        ("seven", 7.0, "villages"),
        ("160", 160.0, "square kilometres"),
        ("3 million", 3_000_000.0, "people"),
        ("19%", 19.0, "%"),
        ("250", 250.0, "kilogram"),
        ("3.5", 3.5, "km"),
        ("twenty-five", 25.0, "drones"),
    ]


def test_dates_years_times_and_ordinals_are_not_figures():
    text = "As of June 7, 2024, the 90th Tank Division moved at 9 a.m. on 5 March."
    assert triples(text) == []


def test_word_numbers_keep_their_case_as_written():
    assert triples("Four buildings were damaged.") == [("Four", 4.0, "buildings")]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=10**9), min_size=1, max_size=5))
def test_formatted_numbers_round_trip(values):
    # Thousands separators make even 1,999 a figure rather than a year.
    text = " and ".join(f"{v:,} items" for v in values)
    found = extract_numbers(text)
    assert [n.value for n in found] == [float(v) for v in values]
    assert [n.text for n in found] == [f"{v:,}" for v in values]


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_every_number_text_is_a_substring_of_arbitrary_text(text):
    for n in extract_numbers(text):
        assert n.text in text


def test_scaled_decimals_have_the_exact_value_written():
    # 8.2 * 1e6 is 8199999.999999999 in floating point: "8.2 million" and "8,200,000" must be one figure
    # (storylines compare figures by value), so the value is computed exactly, then rounded once.
    assert triples("8.2 million people and 256.1 thousand homes; 0.7 billion") == [
        ("8.2 million", 8_200_000.0, "people"), ("256.1 thousand", 256_100.0, "homes"), ("0.7 billion", 7e8, None)]
    assert extract_numbers("8.2 million")[0].value == extract_numbers("8,200,000")[0].value


def test_tens_and_one_make_a_figure_and_a_range_is_not_a_sum():
    assert triples("twenty-one people and Ninety-One homes") == [("twenty-one", 21.0, "people"),
                                                                 ("Ninety-One", 91.0, "homes")]
    assert triples("a five-six hour drive") == [("six", 6.0, "hour")]  # not 5 + 6 = 11


def test_lookalike_letters_are_not_number_words():
    # Unicode case folding makes "ſ" (long s) match "s", "İ" match "i" and "ı" match "i": "3 thouſand"
    # and "3 MİLLİON" raised KeyError, "ſix" and "fıve" were figures of value 0.
    assert triples("3 thouſand people") == [("3", 3.0, "thouſand")]
    assert triples("3 MİLLİON people") == [("3", 3.0, "people")]
    assert triples("ſix people, fıve homes, ſeventy cars") == []
    assert triples("SIX people, Five Million homes") == [("SIX", 6.0, "people"), ("Five Million", 5e6, "homes")]


def test_a_figure_no_float_can_hold_is_left_out():
    assert triples("1" * 400 + " people and 7 homes") == [("7", 7.0, "homes")]  # not a value of inf


_SCALE_WORDS = {"": 1, "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_SPACES = st.sampled_from([" ", "\u00a0"])
_UNIT_WORDS = st.sampled_from(["people", "items", "bodies", "km", "Ukrainian soldiers"])
_DIGITS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_WORD_VALUE = {"zero": 0, **{w: i for i, w in enumerate(_DIGITS, 1)}, **{w: i for i, w in enumerate(_TEENS, 10)},
               **{w: 10 * i for i, w in enumerate(_TENS, 2)}}
_ALONE = ["zero", *_DIGITS[1:], *_TEENS, *_TENS]  # "one" alone is a pronoun as often as a figure: not one


@st.composite
def written_figures(draw):
    """A figure as a reporter writes it, and the exact value it says: "73", "1,200", "3.5 million", "40%",
    "12.5 per cent", "twenty-one", "Seven thousand"."""
    kind = draw(st.sampled_from(["integer", "grouped", "decimal", "percent", "word", "compound"]))
    scale = draw(st.sampled_from(list(_SCALE_WORDS))) if kind not in ("percent", "integer") else ""
    space = draw(_SPACES)
    if kind == "integer":  # under 1000 (a bare 4-digit number may be a year)
        written = str(draw(st.integers(0, 999)))
    elif kind == "grouped":
        written = f"{draw(st.integers(1000, 10**15)):,}"
    elif kind in ("decimal", "percent"):
        written = f"{draw(st.integers(0, 99_999)):,}.{draw(st.integers(0, 999))}"
    elif kind == "word":
        written = draw(st.sampled_from(_ALONE))
    else:
        written = f"{draw(st.sampled_from(_TENS))}-{draw(st.sampled_from(_DIGITS))}"
    if kind in ("word", "compound"):
        value = Fraction(sum(_WORD_VALUE[w] for w in written.split("-")))
        written = draw(st.sampled_from([written, written.capitalize(), written.upper()]))
    else:
        value = Fraction(written.replace(",", ""))
    if scale:
        written += space + draw(st.sampled_from([scale, scale.capitalize()]))
        value *= _SCALE_WORDS[scale]
    if kind == "percent":
        written += draw(st.sampled_from(["%", space + "%", " percent", " per cent"]))
    return written, float(value), kind == "percent"


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(written_figures(), _UNIT_WORDS), min_size=1, max_size=6),
       st.sampled_from([" and ", "; ", ", then ", " — ", " و ", "\u00a0/ "]))
def test_written_figures_round_trip_exactly(figures, joiner):
    text = "Officials said " + joiner.join(f"{written} {unit}" for (written, _, _), unit in figures) + "."
    found = extract_numbers(text)
    assert [n.text for n in found] == [written for (written, _, _), _ in figures]
    assert [n.value for n in found] == [value for (_, value, _), _ in figures]  # exact: ==, not approx
    for n, ((_, _, percent), unit) in zip(found, figures, strict=True):
        assert n.unit == ("%" if percent else unit.split()[-1].lower())


_NUMBERISH = st.one_of(
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=6),
    st.sampled_from(["3", "1,200", "7.5", "٣", "𝟏𝟐", " ", "\u00a0", "\n", "%", "-", ",", ".", "million", "MİLLİON",
                     "thouſand", "ſix", "fıve", "twenty", "-one", "K", "per cent", "June", "a.m.", "1" * 320]),
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_NUMBERISH, max_size=30).map("".join))
def test_figures_of_any_unicode_text_are_verbatim_in_order_and_finite(text):
    at = 0
    for n in extract_numbers(text):
        found = text.find(n.text, at)
        assert found >= 0, (n.text, text)  # as written, after the figure before it
        at = found + len(n.text)
        assert math.isfinite(n.value) and n.value >= 0


# Figures of comma-decimal languages: "." or a space groups thousands, "," is the decimal mark.
@pytest.mark.parametrize(("language", "text", "expected"), [
    ("es", "Unos 1.200 estibadores iniciaron una huelga de 48 horas.",
     [("1.200", 1200.0, "estibadores"), ("48", 48.0, "horas")]),
    ("es", "El puerto movió 5,4 millones de contenedores el año pasado.",
     [("5,4 millones", 5_400_000.0, "contenedores")]),
    ("es", "La participación fue inferior al 60 por ciento; subió un 3,5 % en 2023.",
     [("60 por ciento", 60.0, "%"), ("3,5 %", 3.5, "%")]),
    ("es", "Unos 3 mil millones de dólares y 4 mil casas; pesaba 1,200 kilos.",
     [("3 mil millones", 3e9, "USD"), ("4 mil", 4000.0, "casas"), ("1,200", 1.2, "kilos")]),
    ("es-ES", "Murieron 1.234.567 reses.", [("1.234.567", 1_234_567.0, "reses")]),
    ("pt", "O porto movimentou 2,5 milhões de contentores e 1.500 navios.",
     [("2,5 milhões", 2_500_000.0, "contentores"), ("1.500", 1500.0, "navios")]),
    ("de", "Rund 1.234,5 Tonnen, 5 Mio. Euro, 2,3 Milliarden Dollar und 7 Prozent mehr; am 3.5.2024 nicht.",
     [("1.234,5", 1234.5, "tonnen"), ("5 Mio.", 5e6, "EUR"), ("2,3 Milliarden", 2.3e9, "USD"),
      ("7 Prozent", 7.0, "%")]),
    ("de", "Etwa 12 000 Menschen flohen.", [("12 000", 12000.0, "menschen")]),
    ("fr", "12\u202f000 personnes, 12\u00a0000 maisons, 3 millions d'euros et 40 pour cent des voix.",
     [("12\u202f000", 12000.0, "personnes"), ("12\u00a0000", 12000.0, "maisons"), ("3 millions", 3e6, "EUR"),
      ("40 pour cent", 40.0, "%")]),
    ("ru", "Эвакуированы 1 200 человек, ущерб 5,4 млн рублей, 3 тыс. домов, рост на 7 процентов.",
     [("1 200", 1200.0, "человек"), ("5,4 млн", 5.4e6, "RUB"), ("3 тыс.", 3000.0, "домов"),
      ("7 процентов", 7.0, "%")]),
    ("uk", "Знеструмлено 12 000 будинків, збитки 2,5 млрд гривень.",
     [("12 000", 12000.0, "будинків"), ("2,5 млрд", 2.5e9, "UAH")]),
])
def test_comma_decimal_languages_read_figures_their_way(language, text, expected):
    assert [(n.text, n.value, n.unit) for n in extract_numbers(text, language)] == expected


@pytest.mark.parametrize(("language", "text", "expected"), [
    # a scale word glued to the digits is the figure's ("40mila")
    ("it", "In piazza 40mila persone e 2,5milioni di euro.",
     [("40mila", 40000.0, "persone"), ("2,5milioni", 2.5e6, "EUR")]),
    # the first figure of a range counts what the last counts, whatever word or article joins them
    ("it", "La Questura ha contato tra le 8 e le 10mila persone.",
     [("8", 8.0, "persone"), ("10mila", 10000.0, "persone")]),
    ("ru", "На площадь вышли от 3 до 5 тыс. человек.", [("3", 3.0, "человек"), ("5 тыс.", 5000.0, "человек")]),
    ("es", "Murieron entre 15 y 20 mineros.", [("15", 15.0, "mineros"), ("20", 20.0, "mineros")]),
    ("en", "Between 30 and 40 people and 16-20 soldiers died.",
     [("30", 30.0, "people"), ("40", 40.0, "people"), ("16", 16.0, "soldiers"), ("20", 20.0, "soldiers")]),
    # an article, conjunction, relative or auxiliary of the language is never what a figure counts
    ("es", "Fueron 50 que llegaron y 12 fueron heridos.", [("50", 50.0, None), ("12", 12.0, None)]),
    ("fr", "Il en compte 40 le premier jour.", [("40", 40.0, None)]),
    # a date is no range: "2023-11-30" gives no figure
    ("en", "On 2023-11-30, 12 people died.", [("12", 12.0, "people")]),
])
def test_glued_scales_ranges_and_function_words(language, text, expected):
    assert [(n.text, n.value, n.unit) for n in extract_numbers(text, language)] == expected


def test_english_and_unknown_languages_read_figures_the_english_way():
    text = "1.200 personas, 1,200 people, 5.4 million, 3,5 %"
    english = triples(text)
    assert english == [("1.200", 1.2, "personas"), ("1,200", 1200.0, "people"), ("5.4 million", 5.4e6, None)]
    for language in (None, "en", "en-GB", "ar", "ja", ""):
        assert triples_in(text, language) == english
    # "5.4" is no figure where "." groups thousands (nor "3.5.2024", a German date)
    assert triples_in(text, "es") == [("1.200", 1200.0, "personas"), ("1,200", 1.2, "people"), ("3,5 %", 3.5, "%")]


def test_a_spanish_and_an_english_figure_say_the_same_whatever_the_grouping():
    [spanish] = extract_numbers("Unos 1.200 estibadores", "es")
    [english] = extract_numbers("About 1,200 dockers")
    assert spanish.value == english.value and figure_key(spanish) == figure_key(english)
    [scaled] = extract_numbers("5,4 millones", "es")
    assert scaled.value == extract_numbers("5.4 million")[0].value == 5_400_000.0
    assert figure_key(scaled) != figure_key(extract_numbers("5.4 million")[0])  # the words differ


def triples_in(text, language):
    return [(n.text, n.value, n.unit) for n in extract_numbers(text, language)]


_LOCALE_SCALE_WORDS = {  # a few scale words per language, and what they multiply by
    "es": {"": 1, "mil": 1_000, "millones": 10**6, "mil millones": 10**9, "millón": 10**6},
    "pt": {"": 1, "mil": 1_000, "milhões": 10**6},
    "de": {"": 1, "Millionen": 10**6, "Mio.": 10**6, "Milliarden": 10**9, "Tausend": 1_000},
    "fr": {"": 1, "millions": 10**6, "milliards": 10**9},
    "ru": {"": 1, "тыс.": 1_000, "млн": 10**6, "млрд": 10**9},
    "it": {"": 1, "milioni": 10**6, "miliardi": 10**9},
    "pl": {"": 1, "mln": 10**6, "tys.": 1_000},
}
_LOCALE_PERCENT_WORDS = {"es": " por ciento", "pt": " por cento", "de": " Prozent", "fr": " pour cent",
                         "ru": " процентов", "it": " per cento", "pl": " procent"}
_GROUPING = st.sampled_from([".", " ", "\u00a0", "\u202f", "\u2009"])
_LOCALE_UNITS = st.sampled_from(["personas", "casas", "km", "Menschen", "человек", "maisons", "euros"])
_CURRENCY_CODES = {"euros": "EUR"}  # a currency's unit is its ISO code


def _grouped(n: int, mark: str) -> str:
    return f"{n:,}".replace(",", mark)


@st.composite
def locale_figures(draw, language):
    """A figure as a reporter of `language` writes it, and the exact value it says: "73", "1.200",
    "12 000", "5,4 millones", "1.234,5", "3,5 %", "40 por ciento"."""
    kind = draw(st.sampled_from(["integer", "grouped", "decimal", "percent"]))
    mark = draw(_GROUPING)
    if kind == "integer":  # under 1000 (a bare 4-digit number may be a year)
        whole, decimals = draw(st.integers(0, 999)), ""
    elif kind == "grouped":
        whole, decimals = draw(st.integers(1000, 10**15)), ""
    else:
        whole, decimals = draw(st.integers(0, 99_999)), str(draw(st.integers(0, 999)))
    written = _grouped(whole, mark) + ("," + decimals if decimals else "")
    value = Fraction(f"{whole}.{decimals or 0}")
    scale = draw(st.sampled_from(list(_LOCALE_SCALE_WORDS[language]))) if kind != "percent" else ""
    if scale:
        written += draw(_SPACES) + draw(st.sampled_from([scale, scale.upper()]))
        value *= _LOCALE_SCALE_WORDS[language][scale]
    if kind == "percent":
        written += draw(st.sampled_from(["%", " %", "\u00a0%", _LOCALE_PERCENT_WORDS[language]]))
    return written, float(value), kind == "percent"


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(sorted(_LOCALE_SCALE_WORDS)).flatmap(
           lambda lang: st.tuples(st.just(lang), st.lists(st.tuples(locale_figures(lang), _LOCALE_UNITS),
                                                          min_size=1, max_size=6))),
       st.sampled_from([" y ", "; ", ", dann ", " — ", " و ", "\u00a0/ "]))
def test_locale_figures_round_trip_exactly(drawn, joiner):
    language, figures = drawn
    text = "Según fuentes, " + joiner.join(f"{written} {unit}" for (written, _, _), unit in figures) + "."
    found = extract_numbers(text, language)
    assert [n.text for n in found] == [written for (written, _, _), _ in figures]
    assert [n.value for n in found] == [value for (_, value, _), _ in figures]  # exact: ==, not approx
    for n, ((_, _, percent), unit) in zip(found, figures, strict=True):
        assert n.unit == ("%" if percent else _CURRENCY_CODES.get(unit, unit.lower()))


@settings(max_examples=200, deadline=None)
@given(st.lists(_NUMBERISH, max_size=30).map("".join), st.sampled_from(["es", "de", "fr", "ru", "pl", "tr"]))
def test_figures_of_any_text_in_a_comma_decimal_language_are_verbatim_in_order_and_finite(text, language):
    at = 0
    for n in extract_numbers(text, language):
        found = text.find(n.text, at)
        assert found >= 0, (n.text, text)
        at = found + len(n.text)
        assert math.isfinite(n.value) and n.value >= 0


@pytest.mark.parametrize("language, text, expected", [
    ("en", "China bought $263 billion of goods last year and US$1.2 billion more.",
     [("$263 billion", 263e9, "USD"), ("US$1.2 billion", 1.2e9, "USD")]),
    ("en", "Britain pledged £43 billion and the EU €50 billion; USD 5 million came later.",
     [("£43 billion", 43e9, "GBP"), ("€50 billion", 50e9, "EUR"), ("USD 5 million", 5e6, "USD")]),
    ("de", "Deutschland sagte 7,1 Milliarden Euro zu.", [("7,1 Milliarden", 7.1e9, "EUR")]),
    ("es", "La ONU pidió 4.200 millones de dólares.", [("4.200 millones", 4.2e9, "USD")]),
    ("pt", "O ministério liberou R$ 45 milhões.", [("R$ 45 milhões", 45e6, "BRL")]),
    ("ru", "ООН запросила 4 млрд долларов.", [("4 млрд", 4e9, "USD")]),
])
def test_money_keeps_its_currency_as_written_and_as_its_unit(language, text, expected):
    assert [(n.text, n.value, n.unit) for n in extract_numbers(text, language)] == expected


@pytest.mark.parametrize("language, text, kept", [
    ("en", '"It came like a wall," said Grace Atwine, 34, whose brother was injured.', []),
    ("en", "said Andriy, 29, a marine captured in 2022.", []),
    ("en", "said Norhaya, 36.", []),
    ("de", "erzählte Anwohner Mehmet Yılmaz (45), dessen Tochter verletzt wurde.", []),
    # a figure after a name that is no apposition stays: a count, a unit, a decimal
    ("en", "In Kyiv, 12 people died.", ["12"]),
    ("de", "Die Polizei sprach von 2 Toten (45 Verletzte).", ["2", "45"]),
    ("en", "In Sumy, 4.5 million were without power.", ["4.5 million"]),
    ("fr", "Le bilan s'établit à 12, selon la préfecture.", ["12"]),
])
def test_an_age_set_off_after_a_name_is_no_figure(language, text, kept):
    assert [n.text for n in extract_numbers(text, language)] == kept


@pytest.mark.parametrize("language, text, kept", [
    ("en", "The search would resume at 6 in the morning, with 40 divers.", ["40"]),
    ("fr", "vers 3 heures du matin, 14 blessés ont été évacués.", ["14"]),
    ("es", "A las 6 de la mañana murieron 7 personas.", ["7"]),
    ("it", "alle 5 del mattino i feriti erano 9.", ["9"]),
    ("pt", "às 6 da manhã havia 12 desaparecidos.", ["12"]),
    ("de", "Um 5 Uhr wurden 11 Menschen verletzt.", ["11"]),
    ("ru", "в 6 утра погибли 5 человек.", ["5"]),
    ("uk", "о 6 ранку загинули 5 людей.", ["5"]),
])
def test_a_time_of_day_is_no_figure_in_each_language(language, text, kept):
    assert [n.text for n in extract_numbers(text, language)] == kept


def test_thousands_grouped_by_a_space_are_one_figure_in_english_and_a_currency_keeps_its_unit():
    found = extract_numbers("So far, we have 19 136 people dead and 42 397 injured; between 6 000 and 7 000 left.")
    assert [(n.text, n.value) for n in found] == [("19 136", 19136.0), ("42 397", 42397.0), ("6 000", 6000.0),
                                                  ("7 000", 7000.0)]
    assert extract_numbers("On Nov. 8 2013 the storm hit.") == []  # a date, no "8 201"
    money = extract_numbers("It cost $1,200 and 3.5 percent of the budget.")
    assert [n.unit for n in money] == ["USD", "%"]  # "and" joins no range of a sum and a share


def test_a_multiple_is_no_figure():
    from summarizer.numbers import extract_numbers

    found = extract_numbers("The organisers put the figure at 150,000, two and a half times the city's estimate.", "en")
    assert [n.text for n in found] == ["150,000"]
    assert [n.text for n in extract_numbers("Prices were 3 times higher, up 15% in May.", "en")] == ["15%"]
    assert [n.text for n in extract_numbers("The villages were shelled 14 times.", "en")] == ["14"]  # occasions


@pytest.mark.parametrize(("language", "text", "expected"), [
    # a number word of the language with a scale word is a figure, its currency the unit; alone it is none
    ("de", "Das Projekt droht bis zu drei Milliarden Euro mehr zu kosten, nicht zwei Tage.",
     [("drei Milliarden", 3e9, "EUR")]),
    ("de", "Die Summe von eine Milliarde Euro.", [("eine Milliarde", 1e9, "EUR")]),
    ("fr", "La facture dépasse deux milliards d'euros.", [("deux milliards", 2e9, "EUR")]),
    ("es", "supera en ochocientos millones de dólares la cifra", [("ochocientos millones", 8e8, "USD")]),
    ("pt", "o custo deve chegar a dois bilhões de reais", [("dois bilhões", 2e9, "BRL")]),
    ("it", "un milione di visitatori e sette milioni di euro",
     [("un milione", 1e6, "visitatori"), ("sette milioni", 7e6, "EUR")]),
    ("ru", "долг в 1 трлн руб. и один триллион рублей", [("1 трлн", 1e12, "RUB"), ("один триллион", 1e12, "RUB")]),
    ("uk", "посуха знищила два мільйони тонн кукурудзи", [("два мільйони", 2e6, "тонн")]),
])
def test_number_words_with_a_scale_are_figures_in_every_language(language, text, expected):
    assert [(n.text, n.value, n.unit) for n in extract_numbers(text, language)] == expected


def test_a_letter_currency_sign_is_money_only_before_a_grouped_figure_or_a_scale_word():
    found = [(n.text, n.unit) for n in extract_numbers("a R2.4 billion contract, bail of R500,000, the R2 motorway")]
    assert found == [("R2.4 billion", "ZAR"), ("R500,000", "ZAR")]


def test_a_partys_figure_after_its_name_is_no_age():
    assert [n.value for n in extract_numbers("Per la Prefettura, 31.", "it")] == [31.0]
    assert extract_numbers("dijo la portavoz Marta Gil, 41.", "es") == []  # a person's age


@pytest.mark.parametrize("text, kept", [
    ("Trump grounded every Boeing 737 MAX 8 after the crash, which killed 157 people.", ["157"]),
    ("The Boeing 737 Max 8 of flight ET 302 carried 149 passengers.", ["149"]),
    ("Officials of the 27 EU states said 3 US soldiers were hurt.", ["27", "3"]),
    ("On Tuesday 15 people died, the UN said, and USD 100 was paid.", ["15", "USD 100"]),
])
def test_a_figure_in_the_name_of_a_model_or_a_flight_is_no_figure(text, kept):
    assert [n.text for n in extract_numbers(text, "en")] == kept


@pytest.mark.parametrize("text, language, english", [
    ("18.000 Menschen", "de", "18,000"),
    ("1.200 personas", "es", "1,200"),
    ("95 000 manifestants", "fr", "95,000"),
    ("5,48% dei dipendenti", "it", "5.48%"),
    ("400 mil euros", "pt", "400 mil"),  # written with a word: as written
    ("7,1 Milliarden Euro", "de", "7,1 Milliarden"),
])
def test_a_figure_as_english_writes_it(text, language, english):
    from summarizer.numbers import in_english

    assert [in_english(n) for n in extract_numbers(text, language)] == [english]


@pytest.mark.parametrize(("text", "language", "figures"), [
    ("В двух отделениях в прошлом году родились 1900 детей.", "ru", ["1900"]),
    ("Nel 2019 erano 2019 persone.", "it", ["2019"]),  # the year, then a count of people
    ("In 2015 people voted.", "en", []),  # after a preposition: the year
    ("In 1900 the town was founded.", "en", []),
])
def test_a_figure_like_a_year_that_counts_people_is_a_count(text, language, figures):
    assert [n.text for n in extract_numbers(text, language)] == figures
