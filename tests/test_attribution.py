"""Attribution parsing, source matching and names: the deterministic checks behind the repairs."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summarizer.attribution import (
    _SUBJECT_VERB,
    _VERBS,
    attributed,
    is_back_reference,
    mentions,
    parse_attribution,
    same_source,
    source_type_of,
    subject_verbs,
)
from summarizer.names import names_of, when_of


@pytest.mark.parametrize("sentence, expected", [
    ("About 12,000 households were without power, the regional governor said.", ("the regional governor", "said")),
    ("Kiev received 1,000 fallen soldiers, according to the staff responsible for prisoner of war affairs.",
     ("the staff responsible for prisoner of war affairs", "according to")),
    ("Russian President Vladimir Putin last week accused Ukraine of orchestrating a bombing.",
     ("Russian President Vladimir Putin", "accused")),
    ("A Ukrainian military spokesperson, Dmytro Zaporozhets, said troops were attempting a bridgehead.",
     ("Dmytro Zaporozhets", "said")),
    ("A witness, who gave her name only as Olena, said she saw a flash.", ("A witness", "said")),
    ("Russian state news agencies TASS and RIA both reported the handover, citing an unnamed source.",
     ("Russian state news agencies TASS and RIA", "reported")),
    ("He says Russia has amassed 53,000 troops in the vicinity.", ("he", "says")),
    ("The city had about 67,000 residents before the war; officials estimate that seven in ten have left.",
     ("officials", "estimate")),
    ("Heavy rain flooded three villages in the Odesa region on Monday.", None),
    ("The claim comes as the war intensifies.", None),
])
def test_the_sentence_says_who_says_it(sentence, expected):
    assert parse_attribution(sentence) == expected


# Pieces of sentences, glued together as they come: cues (in any case, glued to word characters or not), the
# characters no subject holds, whitespace of every kind, the words the rules look at.
_PIECES = [*_VERBS.split("|"), "Said", "SAYS", "according to", "who", "which", "whose", "the", "a", "an", "he",
           "officials", "the ministry", "Kyiv", "Russia's", "last week", "on Sunday", "also", "said2", "_", "é",
           "2", "s", "ed", ",", ";", ":", "“", "”", '"', "(", ")", "—", "–", ".", "'", "’", "-", " ", "  ", "\r",
           "\n", "\t", "\xa0", "\u2028", "\x1c", "\u3000"]
sentences = st.lists(st.sampled_from(_PIECES), max_size=40).map("".join) | st.text(
    alphabet=st.sampled_from("sayidtoler ,;:“”\"()—–.\n\xa0_2é"), max_size=60)


@settings(max_examples=1000, deadline=None)
@given(sentences)
def test_subject_verbs_are_the_regex_matches(sentence):
    expected = [(m.start(), m.group("subject"), m.group("cue")) for m in _SUBJECT_VERB.finditer(sentence)]
    assert list(subject_verbs(sentence)) == expected


def test_subject_verbs_on_the_fixture_articles(article_path):
    from summarizer.segment import segment

    seen = 0
    for path in article_path("").glob("*.txt"):
        for s in segment(path.read_text(encoding="utf-8")):
            expected = [(m.start(), m.group("subject"), m.group("cue")) for m in _SUBJECT_VERB.finditer(s.text)]
            assert list(subject_verbs(s.text)) == expected
            seen += bool(expected)
    assert seen > 20


def test_sources_match_across_wording_but_not_across_parties():
    assert same_source("Ukraine", "Ukraine's Southern Defense Forces")
    assert same_source("Russia's defence ministry", "the Russian defence ministry")
    assert not same_source("the Russian Defense Ministry", "Ukraine’s Southern Defense Forces")
    assert mentions("The Russian military said", "Russia") and not mentions("Kyiv said", "Ukraine")
    assert is_back_reference("the ministry") and is_back_reference("he") and not is_back_reference("the Kremlin")
    assert not is_back_reference("the staff responsible for prisoner of war affairs")
    assert is_back_reference("The ministry's statement") and not is_back_reference("the regional administration")


def test_source_types_that_the_words_say_plainly():
    assert source_type_of("TASS and RIA", "TASS and RIA reported, citing an unnamed source.") == "anonymous"
    assert source_type_of("Deep State", "according to Deep State") == "media"
    assert source_type_of("A witness", "A witness said") == "witness"
    assert source_type_of("local authorities", "according to local authorities") == "official"
    assert source_type_of("Maria Ivanova", "Maria Ivanova said") is None
    assert source_type_of("Andrei Bocharov", "The governor of the Volgograd region, Andrei Bocharov, said") == \
        "official"


def test_a_claim_gets_its_source_unless_it_already_says_whose_it_is():
    assert attributed("The dam was intact.", "the army") == "According to the army, the dam was intact."
    assert attributed("Kyiv delayed the exchange.", "TASS") == "According to TASS, Kyiv delayed the exchange."
    assert attributed("The army said the dam was intact.", "the army") == "The army said the dam was intact."


def test_names_places_and_times_are_substrings_of_the_evidence():
    text = "Russia's defence ministry said on Sunday its forces had reached the boundary of Dnipropetrovsk region."
    actors, places = names_of(text)
    assert actors == ["Russia"] and places == ["Dnipropetrovsk"]
    assert when_of(text) == "on Sunday"
    assert when_of("As of June 7, Russian forces occupied 113,273 square kilometers.") == "June 7"
    assert when_of("No time here.") is None
    assert all(n in text for n in actors + places)


def test_datelines_are_not_part_of_a_summary():
    from summarizer.extract import DATELINE

    for line, rest in [("MOSCOW - Russian forces struck", "Russian forces struck"),
                       ("KYIV, Ukraine — Russia's military claimed", "Russia's military claimed"),
                       ("Kiev — Moscow has handed over", "Moscow has handed over"),
                       ("WASHINGTON (Reuters) - The US said", "The US said"),
                       ("Russia on Sunday handed", "Russia on Sunday handed")]:
        assert DATELINE.sub("", line, count=1) == rest
