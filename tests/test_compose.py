"""The digest composed by code (summarizer/compose.py): short, ranked, disputes in one sentence, English."""

import json

import pytest
from conftest import FIXTURES
from typer.testing import CliRunner

from summarizer.cli import app
from summarizer.compose import MAX_SENTENCES, MAX_WORDS, compose, storyline_summary
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


def test_a_foreign_records_figures_are_written_as_english_writes_them():
    organisers = record(1, "Die Veranstalter zählten nach eigenen Angaben 18.000 Teilnehmer.", "Die Veranstalter",
                        "zählten", "disputed", (2,), language="de")
    police = record(2, "Die Polizei sprach dagegen von 9.500 Teilnehmern.", "Die Polizei", "sprach", "disputed",
                    (1,), language="de")
    digest, _ = compose([organisers, police], "de", story_words=200)
    assert "a crowd of 18,000" in digest.text and "a crowd of 9,500" in digest.text  # not "18.000": eighteen
    assert "18.000" not in digest.text
    # and the figures' own text stays as written in the records
    assert organisers.numbers[0].text == "18.000"
    DigestSentenceDraft.model_validate(
        {"text": digest.sentences[0].text, "event_ids": ["e1", "e2"]},
        context=DigestContext(events={"e1": organisers, "e2": police}))  # a figure of the records, however grouped


def test_a_party_named_by_a_loaded_label_is_named_with_the_label_in_quotation_marks():
    claim = record(1, "Террористы так называемой «ЛНР» заявили о гибели 12 украинских военных.",
                   "Террористы так называемой «ЛНР»", "заявили", "disputed", (2,), language="ru")
    denial = record(2, "В Генштабе ВСУ эти сведения опровергли.", "Генштаб ВСУ", "опровергли", "claimed", (1,),
                    language="ru")
    digest, _ = compose([claim, denial], "ru", story_words=200)
    assert digest.text.startswith("In this Russian-language report, “Террористы” так называемой ЛНР reported")


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
    new words than the checks allow, no direct quote), and the whole digest those of a model's answer (both
    sides of a dispute in one sentence, at most 85 words)."""
    out = CliRunner().invoke(app, ["--json", "--digest", "composed", str(FIXTURES / "articles" / "attribution" / name)])
    assert out.exit_code == 0, out.stderr
    result = ArticleResult.model_validate(json.loads(out.stdout))
    events = {e.id: e for e in result.events}
    assert result.digest.sentences or not events
    for s in result.digest.sentences:
        DigestSentenceDraft.model_validate({"text": s.text, "event_ids": s.event_ids},
                                           context=DigestContext(events=events))
    _passes_the_model_digests_checks(result.digest, result.events)  # the whole: both sides together, short


def test_a_record_that_opens_in_another_place_comes_last():
    lead = record(1, "A missile struck a market in Kostiantynivka on Wednesday, killing 21 people, the governor said.",
                  "the governor", "said", "claimed")
    elsewhere = record(2, "In Kramatorsk, about 25 kilometres to the north, a bomb hit a block of flats, killing four "
                          "people, the city's administration said.", "the city's administration", "said", "claimed")
    victims = record(3, "Most of the victims were elderly shoppers and traders, the regional administration said.",
                     "the regional administration", "said", "claimed")
    digest, _ = compose([lead, elsewhere, victims], "en", story_words=300)
    assert [s.event_ids for s in digest.sentences] == [["e1"], ["e3"], ["e2"]]


def _passes_the_model_digests_checks(digest, events):
    """The whole digest, as a model's answer would be checked: every sentence, both sides in one sentence, short."""
    from summarizer.digest import DigestAnswer

    DigestAnswer.model_validate({"sentences": [{"text": s.text, "event_ids": s.event_ids} for s in digest.sentences]},
                                context=DigestContext(events={e.id: e for e in events}))


def test_a_figure_mentioned_in_passing_does_not_silence_the_source_that_gives_it():
    police = record(1, "Police put the crowd at about 480, far below the 1,200 the organisers claimed.", "Police",
                    "put", "disputed", (2,))
    organisers = record(2, "The organisers said 1,200 people had marched through the city centre.", "The organisers",
                        "said", "disputed", (1,))
    digest, _ = compose([police, organisers], "en", 200)
    assert digest.sentences[0].event_ids == ["e1", "e2"]
    _passes_the_model_digests_checks(digest, [police, organisers])


def test_every_told_record_of_a_dispute_has_the_record_it_contests_beside_it():
    claim = record(1, "At least 40 people were killed in the raid, the health office said.", "the health office",
                   "said", "disputed", (2,))
    vague = record(2, "The army said the toll was exaggerated.", "The army", "said", "disputed", (1, 3))
    other = record(3, "A monitoring group said 55 people had died.", "A monitoring group", "said", "disputed", (2,))
    digest, _ = compose([claim, vague, other], "en", 300)
    _passes_the_model_digests_checks(digest, [claim, vague, other])


def test_the_digest_never_passes_its_word_limit():
    def long(i, place, toll, source, contests):
        return record(i, f"At least {toll} people were killed and dozens more were injured when an irrigation dam "
                         f"that had not been inspected for years burst near the town of {place} late on Sunday night, "
                         f"flooding villages along the river, {source} said on Monday.", source, "said", "disputed",
                      contests)

    records = [long(1, "Mocuba", 23, "the provincial government", (2,)), long(2, "Mocuba", 41, "the Red Cross", (1,)),
               long(3, "Gurue", 12, "the district office", (4,)), long(4, "Gurue", 19, "a local priest", (3,))]
    digest, _ = compose(records, "en", 2000)
    assert len(digest.text.split()) <= MAX_WORDS and {"e1", "e2"} <= set(digest.sentences[0].event_ids)
    _passes_the_model_digests_checks(digest, records)


def test_a_figure_is_read_where_it_stands_and_a_word_holding_it_is_no_source():
    officials = record(1, "Officials said two people had died in the storm.", "Officials", "said", "disputed", (2,))
    network = record(2, "More than 41 villages were flooded and the storm killed 4 people, the network said.",
                     "the network", "said", "disputed", (1,))
    digest, _ = compose([officials, network], "en", 300)
    assert "more than 4 " not in digest.text and " 4 " in digest.text  # "more than" is the villages
    two = record(1, "The network said two people had died in the storm on Friday night.", "The network", "said",
                 "disputed", (2,))
    ten = record(2, "A lieutenant of the fire brigade said ten people had died in the storm.",
                 "A lieutenant of the fire brigade", "said", "disputed", (1,))
    digest, _ = compose([ten, two], "en", 300)  # "two" in "network", "ten" in "lieutenant": no matter
    assert digest.text.endswith("the network reported a toll of two.")


def test_a_report_with_nothing_to_tell_in_english_says_so_without_quoting_it():
    outlet = record(1, "Der Regierungschef kündigte eine Untersuchung der Bauarbeiten an der Straße an.",
                    language="de")
    digest, _ = compose([outlet], "de", 100)
    assert digest.text == "This German-language report has no figure or named source to give in English."
    mayor = record(1, '"We will rebuild every house that the water took from us, every one," the mayor said.',
                   "the mayor", "said", "claimed")
    assert compose([mayor], "en", 100)[0].text == "This report gives the accounts of the mayor."


def test_a_count_is_no_year_and_a_day_is_no_place():
    lead = record(1, "A missile struck a market in Kostiantynivka, killing 21 people, the governor said.",
                  "the governor", "said", "claimed")
    fled = record(2, "About 2000 people fled the town overnight, the regional administration said.",
                  "the regional administration", "said", "claimed")
    monday = record(3, "On Monday, rescuers pulled 12 people alive from the rubble, the emergency service said.",
                    "the emergency service", "said", "claimed")
    background = record(4, "The town was shelled in 2023, when 17 people were killed, officials said.", "officials",
                        "said", "claimed")
    reaction = record(5, "President Zelensky said Russia would answer for the strike.", "President Zelensky", "said",
                      "claimed")
    digest, _ = compose([lead, fled, monday, background, reaction], "en", 300)
    assert [s.event_ids for s in digest.sentences] == [["e1"], ["e2"], ["e3"], ["e5"]]  # figures, then reactions


def test_a_storyline_summary_needs_no_report_name_and_names_the_outlet_by_its_article():
    from summarizer.schema import Dispute, Figure

    def figure(text, source, article):
        return Figure(text=text, value=float(text), source=source, status="disputed", article=article, event_id="e1")

    dispute = Dispute(quantity="dead", figures=[figure("19", "the ministry", "a/1.txt"),
                                                figure("21", "the outlet", "b/2.txt")])
    assert storyline_summary(["", ""], None, [dispute]) == ("Figures differ: for the dead, 19 according to the "
                                                            "ministry; 21 according to 2.txt.")


def test_a_number_of_the_digest_is_a_figure_of_the_records_whole():
    events = {"e1": record(1, "The ministry said 1 person died and 4 were hurt.", "The ministry", "said", "claimed")}
    with pytest.raises(ValueError, match="gives the number '14'"):
        DigestSentenceDraft.model_validate({"text": "The ministry said 14 people died.", "event_ids": ["e1"]},
                                           context=DigestContext(events=events))


def test_a_figure_the_source_says_was_not_reached_is_not_its_figure():
    lead = record(1, "The Committee of Doctors said at least 108 people had died.", "the Committee of Doctors",
                  "said", "disputed", (2,))
    bound = record(2, "The undersecretary Suleiman Jabbar said the toll had not reached 100.", "Suleiman Jabbar",
                   "said", "disputed", (1,))
    digest, _ = compose([lead, bound], "en", story_words=300)
    # told in its own words, or not at all; never as a toll the source reported
    assert "a toll of 100" not in digest.text and "figure of 100" not in digest.text


def test_a_towns_toll_is_told_with_its_town_where_the_article_gives_the_toll_town_by_town():
    events = [
        record(1, "At least 61 people were killed when the cyclone struck, the disaster centre said.",
               "the disaster centre", "said", "disputed", (2,)),
        record(2, "Police said 74 people had died across the coast.", "Police", "said", "disputed", (1,)),
        record(3, "The centre's spokesman said 27 people were killed in Colombo, 19 in Negombo and 15 in Kalutara.",
               "The centre's spokesman", "said", "disputed", (4,)),
        record(4, "Thalduwa said 33 people had died in Colombo alone, after a wall collapsed on a row of shanties "
                  "that had been built on the slope above the railway line without any permit from the city "
                  "council, which had tried to clear the area twice in the past ten years and failed both times "
                  "because the families had nowhere else to go.",
               "Thalduwa", "said", "disputed", (3,)),
    ]
    digest, _ = compose(events)
    assert "a toll of 33 in Colombo" in digest.text
    assert "a toll of 74." in digest.text or "a toll of 74;" in digest.text  # a total is told with no place
