"""Scoring a briefing's storylines against a storyline gold file (summarizer/briefing/evaluate.py)."""

import pytest
from fakes import article_result, event

from summarizer.briefing.evaluate import b_cubed, load_storyline_gold, pairwise, score_storylines, title_fault
from summarizer.briefing.merge import headline_from
from summarizer.errors import InputError
from summarizer.schema import BriefingResult, Dispute, Figure, Storyline, StorylineItem, Usage


def _item(article, eid):
    return StorylineItem(article=article, event_id=eid, summary="s", source="x", status="claimed")


def _fig(text, article, eid):
    return Figure(text=text, value=float(text), unit="people", source="x", status="claimed", article=article,
                  event_id=eid)


@pytest.fixture
def gold(tmp_path):
    day = tmp_path / "day"
    day.mkdir()
    for name in ("a.txt", "b.txt", "c.txt", "d.txt", "e.txt"):
        (day / name).write_text("text\n")
    data = {"day": "day",
            "events": [{"id": "market", "articles": ["a.txt", "b.txt", "c.txt"],
                        "conflicts": [{"quantity": "dead", "figures": {"16": "ministry", "17": "governor"}}]},
                       {"id": "talks", "articles": ["d.txt"]}],
            "distractors": ["e.txt"],
            "records": {"a.txt": [{"quote": "Last week", "event": None}]}}
    return load_storyline_gold(tmp_path / "gold.yaml", data)


def _briefing(storylines):
    articles = [
        article_result("/x/a.txt", [event(1, "Missile hit the market, 16 dead", "ministry"),
                                    event(2, "Last week a drone hit a bus", "police")]),
        article_result("/x/b.txt", [event(1, "Market strike killed 17", "governor")]),
        article_result("/x/c.txt", [event(1, "The market was struck", "army")]),
        article_result("/x/d.txt", [event(1, "Talks began", "EU")]),
        article_result("/x/e.txt", [event(1, "A fire in the market town", "firemen")]),
    ]
    return BriefingResult(generated="2026-11-30T00:00:00+00:00", articles=articles, storylines=storylines,
                          usage=Usage(), tool_version="0")


def test_a_perfect_briefing_scores_one_and_shows_the_conflict(gold):
    story = Storyline(id="s1", title="Missile strike on a market",
                      items=[_item("/x/a.txt", "e1"), _item("/x/b.txt", "e1"), _item("/x/c.txt", "e1")],
                      figures=[_fig("16", "/x/a.txt", "e1"), _fig("17", "/x/b.txt", "e1")])
    assert score_storylines(gold, _briefing([story])).conflicts_shown == 0  # listed, but not side by side
    story.disputes = [Dispute(quantity="dead", figures=story.figures)]
    score = score_storylines(gold, _briefing([story]))
    assert score.articles_pairwise.as_dict() == {"precision": 1.0, "recall": 1.0, "f1": 1.0}
    assert score.articles_b_cubed.f1 == 1.0 and score.records_pairwise.f1 == 1.0
    assert score.records_b_cubed.f1 == 1.0  # the background record of a.txt is its own cluster in both
    assert (score.conflicts_shown, score.gold_conflicts, score.bad_titles, score.wrong_links) == (1, 1, [], [])


def test_a_chained_storyline_loses_precision_and_says_which_links_are_wrong(gold):
    story = Storyline(id="s1", title="“They are terrorists,” the army said",
                      items=[_item("/x/a.txt", "e1"), _item("/x/b.txt", "e1"), _item("/x/e.txt", "e1"),
                             _item("/x/a.txt", "e2")])
    score = score_storylines(gold, _briefing([story]))
    # linked pairs a-b (right), a-e and b-e (wrong); gold pairs a-b, a-c, b-c
    assert score.articles_pairwise.precision == 0.333 and score.articles_pairwise.recall == 0.333
    assert score.wrong_links == ["a.txt + e.txt", "b.txt + e.txt"]
    assert score.records_pairwise.precision < 1 and score.bad_titles == [
        "s1: '“They are terrorists,” the army said' (quotes a party)"]
    assert score.missing_conflicts == ["market: dead 16 vs 17"] and score.conflicts_shown == 0


def test_pairwise_and_b_cubed_on_a_small_case():
    assert pairwise({frozenset("ab")}, {frozenset("ab"), frozenset("ac")}).as_dict() == {
        "precision": 1.0, "recall": 0.5, "f1": 0.667}
    predicted = {"a": {"a", "b"}, "b": {"a", "b"}, "c": {"c"}}
    gold = {"a": {"a", "b", "c"}, "b": {"a", "b", "c"}, "c": {"a", "b", "c"}}
    assert b_cubed(predicted, gold).as_dict() == {"precision": 1.0, "recall": 0.556, "f1": 0.715}


@pytest.mark.parametrize("title, fault", [
    ("Missile strike on Kostiantynivka market", None),
    ("Zelensky says the 'front is holding'", "quotes a party"),
    ("The strike, which came as residents were queueing for bread at the stalls…", "a cut-off sentence"),
    ("One two three four five six seven eight nine ten eleven twelve thirteen", "longer than 12 words"),
    ("Russia's advance near Pokrovsk", None),
    ("Dozens of mourners have been killed after a stampede erupted during", "a cut-off sentence"),
])
def test_a_title_must_read_like_a_headline(title, fault):
    assert title_fault(title) == fault


@pytest.mark.parametrize("sentence, title", [
    ("Dozens of mourners were killed after a stampede broke out during a funeral procession in Kerman, state TV said.",
     "Dozens of mourners were killed"),
    ("On Thursday, more than 800,000 people marched across France against the pension reform.",
     "More than 800,000 people marched across France against the pension reform"),
    ("A missile attack on two bases housing foreign troops has caused few if any casualties, an official says.",
     "A missile attack on two bases housing foreign troops"),
])
def test_a_sentence_made_a_title_ends_where_a_clause_ends(sentence, title):
    assert headline_from(sentence) == title and title_fault(title) is None


def test_a_gold_file_listing_an_article_twice_or_a_missing_file_is_one_line(tmp_path):
    (tmp_path / "day").mkdir()
    (tmp_path / "day" / "a.txt").write_text("x\n")
    with pytest.raises(InputError, match="'a.txt' is listed twice"):
        load_storyline_gold(tmp_path / "g.yaml", {"day": "day", "events": [{"id": "x", "articles": ["a.txt"]}],
                                                  "distractors": ["a.txt"]})
    with pytest.raises(InputError, match="no article file 'b.txt'"):
        load_storyline_gold(tmp_path / "g.yaml", {"day": "day", "events": [{"id": "x", "articles": ["b.txt"]}]})


def test_eval_on_a_storyline_gold_builds_the_briefing_and_names_the_wrong_links(tmp_path):
    import json

    from conftest import ARTICLES
    from typer.testing import CliRunner

    from summarizer.cli import app

    names = sorted(p.name for p in ARTICLES.glob("*.txt"))  # six articles, six different events
    gold = tmp_path / "storylines.yaml"
    gold.write_text(json.dumps({"day": str(ARTICLES), "events": [], "distractors": names}))
    result = CliRunner().invoke(app, ["eval", str(gold), "--json", "--merge", "embeddings"])
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["gold_events"] == 0 and doc["articles"]["pairwise"]["recall"] is None
    # whatever a storyline links here is wrong: each link is two of the articles, and precision is 0 (or none)
    assert all(set(link.split(" + ")) <= set(names) for link in doc["wrong_links"])
    assert doc["articles"]["pairwise"]["precision"] == (0.0 if doc["wrong_links"] else None)
    table = CliRunner().invoke(app, ["eval", str(gold), "--merge", "embeddings"]).stdout
    assert "articles pairwise" in table and "records B-cubed" in table


@pytest.mark.parametrize("sentence, language, title", [
    ("El primer ministro de Pakistán, Imran Khan, cae tras perder una moción de censura", "es",
     "El primer ministro de Pakistán cae tras perder una moción de censura"),
    ("Le gouvernement a annoncé une hausse des salaires des enseignants de la fonction publique pour la rentrée de",
     "fr", "Le gouvernement a annoncé une hausse des salaires des enseignants"),
])
def test_a_title_in_another_language_is_cut_with_that_languages_words(sentence, language, title):
    assert headline_from(sentence, language) == title and title_fault(title, language) is None


@pytest.mark.parametrize("sentence, language, title", [
    ("Le président américain Donald Trump a annoncé mercredi que les États-Unis allaient immobiliser tous les "
     "Boeing 737 MAX au sol.", "fr", "Donald Trump: Les États-Unis allaient immobiliser tous les Boeing 737 MAX"),
    ("The Kremlin said on Monday that it would not comment on the reports about troop movements near the border.",
     "en", "The Kremlin: It would not comment on the reports about troop movements"),
])
def test_a_long_sentence_that_reports_a_statement_is_titled_speaker_then_what_was_said(sentence, language, title):
    assert headline_from(sentence, language) == title and title_fault(title, language) is None


def test_a_title_cut_before_a_possessive_ends_before_it():
    title = headline_from("Die britische Premierministerin Theresa May ist auch im zweiten Anlauf mit ihrem "
                          "Brexit-Deal im Unterhaus gescheitert.", "de")
    assert title == "Die britische Premierministerin Theresa May ist auch im zweiten Anlauf"


def test_a_sentence_cut_where_no_clause_ends_is_told_apart():
    from summarizer.briefing.merge import _headline

    # cut at twelve words, inside its object: a title only where no member's reads whole
    assert _headline("Coe chaired a three-hour video conference involving 24 of his 27-strong executive council "
                     "on Friday evening.")[1] is True
    assert _headline("Dozens of mourners were killed after a stampede broke out during a funeral procession in "
                     "Kerman, state TV said.") == ("Dozens of mourners were killed", False)
    assert _headline("Ferry sinks off southern Philippines") == ("Ferry sinks off southern Philippines", False)


def test_a_gold_figure_with_notes_or_a_range_is_matched_by_its_numbers(gold):
    gold.events["market"]["conflicts"] = [{"quantity": "dead", "figures": {
        "16 (around 4 pm)": "ministry", "17 to 18": "governor"}}]
    figures = [_fig("16", "/x/a.txt", "e1"), _fig("17", "/x/b.txt", "e1")]
    story = Storyline(id="s1", title="Missile strike on a market", items=[_item("/x/a.txt", "e1"),
                      _item("/x/b.txt", "e1")], figures=figures, disputes=[Dispute(quantity="dead", figures=figures)])
    assert score_storylines(gold, _briefing([story])).conflicts_shown == 1
    story.disputes = [Dispute(quantity="dead", figures=[_fig("164", "/x/a.txt", "e1"), figures[1]])]
    assert score_storylines(gold, _briefing([story])).missing_conflicts == ["market: dead 16 (around 4 pm) vs 17 to 18"]
