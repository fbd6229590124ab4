from hypothesis import given, settings
from hypothesis import strategies as st

from summarizer.numbers import extract_numbers


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
