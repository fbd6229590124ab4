"""The digest composed by code (summarizer/compose.py): short, ranked, disputes in one sentence, English."""

import json

import pytest
from conftest import FIXTURES
from typer.testing import CliRunner

from summarizer.cli import app
from summarizer.compose import MAX_SENTENCES, MAX_WORDS, compose
from summarizer.digest import DigestContext, DigestSentenceDraft
from summarizer.numbers import extract_numbers
from summarizer.schema import ArticleResult, Attribution, Event, Evidence


def record(i: int, sentence: str, source: str = "the outlet", cue: str = "", status: str = "asserted",
           contests: tuple[int, ...] = (), summary: str | None = None, language: str = "en") -> Event:
    kind = "outlet" if source == "the outlet" else "official"
    return Event(id=f"e{i}", summary=summary or sentence, status=status,
                 attribution=Attribution(source=source, source_type=kind, cue=cue),
                 evidence=[Evidence(sentence_id=i + 1, quote=sentence)],
                 numbers=extract_numbers(sentence, language), contradicted_by=[f"e{c}" for c in contests])


WIRE = [
    record(1, "At least 23 people were killed when a dam burst near Mocuba on Sunday, the provincial government said.",
           "the provincial government", "said", "disputed", (2,)),
    record(2, "The Red Cross said its volunteers had recovered 41 bodies from the flooded villages.",
           "The Red Cross", "said", "denied", (1, 3)),
    record(3, "A provincial spokesman rejected the Red Cross figure, saying some bodies had been counted twice.",
           "A provincial spokesman", "rejected", "claimed", (2,)),
    record(4, '"The water came at night like a wall, and by morning the whole village was gone," said Ana Maria, '
              'a farmer.', "Ana Maria", "said", "claimed"),
    record(5, "About 3,500 people have been moved to schools on higher ground, the disaster institute said.",
           "the disaster institute", "said", "claimed"),
    record(6, "The company that operates the dam did not respond to a request for comment.",
           "The company", "did not respond", "claimed"),
    record(7, "The province was hit by a cyclone in 2023, which killed more than 100 people.",),
    record(8, "President Daniel Chapo said he had ordered an investigation and would visit on Tuesday.",
           "President Daniel Chapo", "said", "claimed"),
]


def test_the_lead_comes_first_with_both_sides_and_the_denial_in_one_sentence():
    digest, dropped = compose(WIRE, "en", story_words=400)
    first = digest.sentences[0]
    assert first.event_ids == ["e1", "e2", "e3"]
    assert first.text.startswith("At least 23 people were killed")
    assert "the Red Cross reported a toll of 41, a claim a provincial spokesman rejected" in first.text
    assert dropped == []


def test_colour_quotes_silence_and_background_stay_out_and_it_is_short():
    digest, _ = compose(WIRE, "en", story_words=400)
    cited = [i for s in digest.sentences for i in s.event_ids]
    assert "e4" not in cited and "e6" not in cited  # a long direct quote; "did not respond"
    assert cited.index("e5") < cited.index("e8")  # a figure before a reaction
    assert "e7" not in cited or cited[-1] == "e7"  # another year's cyclone: last, if at all
    assert len(digest.sentences) <= MAX_SENTENCES and len(digest.text.split()) <= MAX_WORDS
    short, _ = compose(WIRE, "en", story_words=120)  # a short article: a third of it, once the dispute is said
    assert [s.event_ids for s in short.sentences] == [["e1", "e2", "e3"]]


def test_a_claim_named_by_a_pronoun_only_names_its_source():
    quote = record(1, "Then we linked these two events, she says.", "Anna Berg", "says", "claimed")
    digest, _ = compose([quote], "en", story_words=100)
    assert digest.text == "Then we linked these two events, Anna Berg says."
    unverified = record(1, "Rebels said they shot down a helicopter over the town.", "Rebels", "said", "unverified")
    assert compose([unverified], "en", 100)[0].text.endswith("(not independently verified).")


def test_a_foreign_record_without_english_is_told_by_its_figures_and_says_the_language():
    ministry = record(1, "Nach Angaben des Zivilschutzes sind mindestens 14 Menschen ums Leben gekommen.",
                      "der Zivilschutz", "nach Angaben des", "disputed", (2,), language="de")
    red_cross = record(2, "Das Rote Kreuz sprach dagegen von 31 Toten.", "Das Rote Kreuz", "sprach", "disputed",
                       (1,), language="de")
    digest, _ = compose([ministry, red_cross], "de", story_words=200)
    assert digest.text == ("In this German-language report, der Zivilschutz reported a toll of 14; das Rote Kreuz "
                           "reported a toll of 31.")
    translated = ministry.model_copy(update={"summary": "At least 14 people were killed, the civil protection said."})
    assert compose([translated, red_cross], "de", 200)[0].text.startswith("At least 14 people were killed")


def test_a_figure_the_source_denies_or_negates_is_never_given_as_its_own():
    denial = record(1, "Die Regierung bestritt Angaben, dass 90 Menschen ums Leben gekommen seien.",
                    "Die Regierung", "bestritt", "claimed", language="de")
    correction = record(2, "По его словам, погибли не 300 человек, как заявил минздрав, а 45.",
                        "представитель разведки", "по его словам", "claimed", language="ru")
    assert "90" not in compose([denial], "de", 200)[0].text
    assert "300" not in compose([correction], "ru", 200)[0].text
    nothing = record(1, "Der Regierungschef kündigte eine Untersuchung an.", "Der Regierungschef", "kündigte",
                     "claimed", language="de")
    assert compose([nothing], "de", 200)[0].text == ("This German-language report gives the accounts of der "
                                                     "Regierungschef.")


@pytest.mark.parametrize("name", sorted(p.name for p in (FIXTURES / "articles" / "attribution").glob("*.txt")))
def test_every_composed_digest_passes_the_model_digests_checks(name):
    """The composed digest of every attribution fixture, replayed: each sentence passes the validators a model's
    digest sentence must pass (cited ids, numbers from them, a source for each claim, no loaded label, no more
    new words than the checks allow), and the digest has no direct quote."""
    out = CliRunner().invoke(app, ["--json", "--digest", "composed", str(FIXTURES / "articles" / "attribution" / name)])
    assert out.exit_code == 0, out.stderr
    result = ArticleResult.model_validate(json.loads(out.stdout))
    events = {e.id: e for e in result.events}
    assert result.digest.sentences or not events
    for s in result.digest.sentences:
        DigestSentenceDraft.model_validate({"text": s.text, "event_ids": s.event_ids},
                                           context=DigestContext(events=events))


def test_a_record_that_opens_in_another_place_comes_last():
    lead = record(1, "A missile struck a market in Kostiantynivka on Wednesday, killing 21 people, the governor said.",
                  "the governor", "said", "claimed")
    elsewhere = record(2, "In Kramatorsk, about 25 kilometres to the north, a bomb hit a block of flats, killing four "
                          "people, the city's administration said.", "the city's administration", "said", "claimed")
    victims = record(3, "Most of the victims were elderly shoppers and traders, the regional administration said.",
                     "the regional administration", "said", "claimed")
    digest, _ = compose([lead, elsewhere, victims], "en", story_words=300)
    assert [s.event_ids for s in digest.sentences] == [["e1"], ["e3"], ["e2"]]
