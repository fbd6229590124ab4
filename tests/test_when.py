"""When an article's lead dates its event (briefing/when.py), in each language, and which dates can be one event's."""

import pytest

from summarizer.briefing.when import event_days, one_time


@pytest.mark.parametrize("text, language, days", [
    ("A magnitude 5.9 earthquake struck Van province late on Monday, killing at least eight people", "en", {"d0"}),
    ("A 4.8 aftershock shook Van on Wednesday morning, damaging buildings weakened by Monday's earthquake", "en",
     {"d2"}),  # another event's day
    ("the death toll from Monday's earthquake rose to 94", "en", {"d0"}),  # a toll update is that event's report
    ("Il porto di Genova si è fermato martedì per lo sciopero", "it", {"d1"}),
    ("Ein Beben erschütterte am Sonnabend die Region", "de", {"d5"}),  # a day's second name
    ("Землетрясение произошло в среду, среди погибших трое детей", "ru", {"d2"}),  # "среди" is no day
    ("Серед загиблих двоє дітей", "uk", set()),
    ("LANZHOU, July 22 (Xinhua) -- Fifty-six people have been confirmed dead", "en", {"m6-22"}),
    ("Le séisme survenu le 7 septembre a fait 67 morts", "fr", {"m8-7"}),
    ("Un sismo sacudió el 3 de agosto la provincia", "es", {"m7-3"}),
    ("The bill may pass in March, officials said", "en", set()),  # a month without a day dates nothing
    ("The crash killed 157 people, officials said yesterday", "en", set()),  # relative days are not read
])
def test_the_days_a_lead_dates_its_event_to(text, language, days):
    assert event_days(text, language) == days


@pytest.mark.parametrize("a, b, one", [
    ({"d0"}, {"d0", "d1"}, True),  # a common day
    ({"d0"}, {"d2"}, False),  # a quake on Monday, an aftershock on Wednesday
    (set(), {"d2"}, True),  # one report does not date it
    ({"m6-22"}, {"m6-23"}, True),  # a report dated the next day
    ({"m6-22"}, {"m7-3"}, False),
    ({"d0"}, {"m6-22"}, True),  # a day of the week and a date: no year to compare them by
])
def test_two_articles_dates_may_be_one_events(a, b, one):
    assert one_time(frozenset(a), frozenset(b)) is one
