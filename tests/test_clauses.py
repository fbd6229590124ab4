"""Two parties' claims in one sentence make two records (`clauses.py`)."""

import pytest

from summarizer.clauses import split


def _records(text: str, language: str, source: str, cue: str = "said"):
    """The records of a one-sentence article whose model answer names `source` for it."""
    from summarizer.extract import EventDraft, EventsContext, repair, to_events
    from summarizer.segment import segment

    sentences = {s.id: s for s in segment(text, language)}
    drafts = {1: EventDraft(source=source, cue=cue, source_type="official")}
    return to_events(repair(drafts, EventsContext(sentences=sentences, language=language)), sentences, None, language)


@pytest.mark.parametrize("language, sentence, second", [
    ("en", "The government said 46 people were killed, while the Committee of Doctors said at least 108 had died.",
     "while the Committee of Doctors said at least 108 had died."),
    ("en", "Although the official death toll in Assam is just 48, relief groups claim hundreds are missing.",
     "relief groups claim hundreds are missing."),
    ("en", "Air France will cut 5,000 more jobs, two union sources said, although the company denied these figures.",
     "although the company denied these figures."),
    ("es", "Los sindicatos cuantificaron el seguimiento en el 100%, mientras la patronal aseguraba que fue del 36,5%.",
     "mientras la patronal aseguraba que fue del 36,5%."),
    ("fr", "Alors que la préfecture a confirmé son comptage de 300.000 personnes, les organisateurs ont dénoncé "
           "un chiffre ridicule.", "les organisateurs ont dénoncé un chiffre ridicule."),
    ("de", "Die Polizei zählte 3.000 Teilnehmer, doch die Veranstalter sprachen von 12.000.",
     "doch die Veranstalter sprachen von 12.000."),
])
def test_a_sentence_with_two_parties_claims_splits_at_its_contrast(language, sentence, second):
    first, rest = split(sentence, language)
    assert rest == second and sentence == first + ", " + rest  # verbatim, nothing dropped


@pytest.mark.parametrize("language, sentence", [
    ("en", "At least 19 people died, while 40 were injured."),  # no second speaker
    ("en", "The fire killed 12 people, police said."),  # one speaker
    ("en", "The ministry said 20 people died, while it said 40 were injured."),  # a pronoun: the same speaker
    ("en", "Police said the march was peaceful, while organisers said it was a success."),  # no figure
    ("en", "The army said it killed 20 fighters in Raqqa, 15 in Deir ez-Zor and 7 in Homs."),  # places, no party
    ("en", "Officials said 12 people died in the blast, the deadliest attack in the city of 2 million."),
    ("es", "El Gobierno habla de 250 muertos, una cifra de 1.200 según otros."),  # no party named for the item
    ("uk", "Роман Костенко зазначив, що дані американського видання є перебільшеними."),  # "що" opens the words said
])
def test_a_sentence_with_one_partys_claims_stays_whole(language, sentence):
    assert split(sentence, language) is None


def test_the_records_of_a_split_sentence_dispute_each_other():
    text = ("The government said 46 people were killed in the crackdown, while the opposition Committee of Doctors "
            "said at least 108 people had died.\n")
    events = _records(text, "en", "The government")
    assert [e.attribution.source for e in events] == ["The government", "the opposition Committee of Doctors"]
    assert [[n.text for n in e.numbers] for e in events] == [["46"], ["108"]]
    assert all(e.evidence[0].sentence_id == 1 and e.evidence[0].quote in text for e in events)
    assert events[0].contradicted_by == [events[1].id] and events[1].contradicted_by == [events[0].id]
    assert events[0].status == events[1].status == "disputed"
    # the summary reads on its own: the word of contrast is the quote's, not the summary's
    assert events[1].summary.startswith("The opposition Committee of Doctors said")


def test_a_pronoun_after_a_split_sentence_stands_for_its_second_speaker():
    from summarizer.extract import resolve_source
    from summarizer.segment import segment

    text = ("Alors que la préfecture de police a confirmé son comptage de 300.000 personnes, les organisateurs ont "
            "dénoncé un chiffre ridicule.\nSelon eux, 1,4 million de personnes ont défilé.\n")
    story = {s.id: s for s in segment(text, "fr")}
    assert resolve_source(2, "la préfecture de police", "official", story, "fr").source == "les organisateurs"


def test_two_sources_figures_set_side_by_side_by_their_markers_are_two_records():
    from summarizer.extract import EventDraft, EventsContext, repair, to_events
    from summarizer.segment import segment

    text = "La mobilisation a réuni 480 000 manifestants selon la police, 1,2 million selon les syndicats.\n"
    assert split(text.strip(), "fr") == ("La mobilisation a réuni 480 000 manifestants selon la police",
                                         "1,2 million selon les syndicats.")
    sentences = {s.id: s for s in segment(text, "fr")}
    drafts = {1: EventDraft(source="la police", cue="selon", source_type="official")}
    events = to_events(repair(drafts, EventsContext(sentences=sentences, language="fr")), sentences, None, "fr")
    assert [e.attribution.source for e in events] == ["la police", "les syndicats"]
    # the second clause's bare "1,2 million" counts what its sentence counts: the marchers
    assert events[0].contradicted_by == [events[1].id] and events[1].contradicted_by == [events[0].id]


def test_a_comma_inside_a_quote_splits_nothing_and_a_concession_reads_on_its_own():
    from summarizer.clauses import own_words

    assert split("“We counted 46 bodies, while the army said 10,” said the doctor.", "en") is None
    assert own_words("Although the official death toll in Assam is just 48", "en") == \
        "The official death toll in Assam is just 48."


@pytest.mark.parametrize("language, sentence, parts", [
    # the verb said once, the other parties' figures listed after it
    ("es", "El comité habla de 250 muertos, la Cruz Roja de 1.200 y los ayuntamientos de la zona de más de 2.000.",
     ("El comité habla de 250 muertos", "la Cruz Roja de 1.200", "y los ayuntamientos de la zona de más de 2.000.")),
    ("de", "Sanitäter sprechen von 60 Verletzten, das Rote Kreuz von 75.",
     ("Sanitäter sprechen von 60 Verletzten", "das Rote Kreuz von 75.")),
    ("ru", "МВД насчитало 12 тысяч участников, организаторы — 40 тысяч, «Белый счётчик» — 25 тысяч.",
     ("МВД насчитало 12 тысяч участников", "организаторы — 40 тысяч", "«Белый счётчик» — 25 тысяч.")),
    # another party's figure set against the first
    ("fr", "La préfecture a compté 9 500 manifestants, contre 60 000 selon l'intersyndicale.",
     ("La préfecture a compté 9 500 manifestants", "contre 60 000 selon l'intersyndicale.")),
    ("pt", "A PM estimou em 3 mil o número de manifestantes, ao contrário dos 15 mil anunciados pelos organizadores.",
     ("A PM estimou em 3 mil o número de manifestantes", "ao contrário dos 15 mil anunciados pelos organizadores.")),
    # the figures listed after the first with their parties after them
    ("es", "El número dista de las 266 confirmadas por la Comisión de la Verdad, las 305 del Centro Nicaragüense de "
           "Derechos Humanos (Cenidh), y las 448 de la Asociación Pro Derechos Humanos.",
     ("El número dista de las 266 confirmadas por la Comisión de la Verdad",
      "las 305 del Centro Nicaragüense de Derechos Humanos (Cenidh)",
      "y las 448 de la Asociación Pro Derechos Humanos.")),
    # another party's denial of the clause before, or its own figure in a relative clause or after "even though"
    ("es", "La CIDH ha responsabilizado al Gobierno de “asesinatos”, lo que Ortega ha negado.",
     ("La CIDH ha responsabilizado al Gobierno de “asesinatos”", "lo que Ortega ha negado.")),
    ("en", "Police stand by a toll of 19, even though a parliamentary committee put the figure at 30.",
     ("Police stand by a toll of 19", "even though a parliamentary committee put the figure at 30.")),
    ("pt", "O delegado informou 23 mortes, diferentemente das 26 divulgadas pelas secretarias de Saúde.",
     ("O delegado informou 23 mortes", "diferentemente das 26 divulgadas pelas secretarias de Saúde.")),
    # a comparison that names another party's figure
    ("en", "The ministry said 48 people were killed, a figure far below the 212 cited earlier in the day by the "
           "Korvan Human Rights Centre.", ("The ministry said 48 people were killed", "a figure far below the 212 "
                                          "cited earlier in the day by the Korvan Human Rights Centre.")),
    # a German clause with its verb last
    ("de", "Die Polizei zählte rund 8.000 Teilnehmer, während die Veranstalter von 25.000 Menschen sprachen.",
     ("Die Polizei zählte rund 8.000 Teilnehmer", "während die Veranstalter von 25.000 Menschen sprachen.")),
])
def test_a_sentence_gives_a_record_per_party_it_names_with_a_figure(language, sentence, parts):
    assert split(sentence, language) == parts


def test_each_item_of_a_list_is_the_partys_own_record_and_the_three_dispute_each_other():
    text = ("El comité de emergencias habla de 250 muertos, la Cruz Roja de 1.200 y los ayuntamientos de la zona "
            "de más de 2.000.\n")
    events = _records(text, "es", "El comité de emergencias", "habla")
    assert [e.attribution.source for e in events] == ["El comité de emergencias", "la Cruz Roja",
                                                      "los ayuntamientos de la zona"]
    assert [[n.text for n in e.numbers] for e in events] == [["250"], ["1.200"], ["2.000"]]
    assert all(e.status == "disputed" and len(e.contradicted_by) == 2 for e in events)
    assert all(e.evidence[0].sentence_id == 1 and e.evidence[0].quote in text for e in events)


def test_an_item_names_its_party_after_its_figure():
    from summarizer.clauses import elided_speaker

    first = "El número dista de las 266 confirmadas por la Comisión de la Verdad"
    assert elided_speaker(first, "las 305 del Centro Nicaragüense de Derechos Humanos (Cenidh)", "es") == \
        ("Centro Nicaragüense de Derechos Humanos", "del")


def test_an_item_whose_own_words_name_no_quantity_counts_what_the_list_counts():
    # (its noun, "Centro", names no quantity; the other items count the dead)
    text = ("La cantidad de muertos reconocida por el Gobierno dista de las 266 confirmadas por la Comisión de la "
            "Verdad, las 305 del Centro de Derechos Humanos y las 317 de la Asociación de Víctimas.\n")
    events = _records(text, "es", "el Gobierno", "reconocida")
    by_figure = {e.numbers[0].text: e for e in events if e.numbers}
    assert by_figure["305"].contradicted_by and by_figure["305"].status == "disputed"


@pytest.mark.parametrize("language, sentence, claim, source", [
    ("en", "Jaguar has dismissed union claims that it is to lay off up to 2,000 British workers, reiterating that "
           "the job losses will be 1,150.", "union claims that it is to lay off up to 2,000 British workers",
     "union claims"),
    ("en", "Claims that 30 swimmers fell ill after the swim have been denied.",
     "Claims that 30 swimmers fell ill after the swim", "Claims"),
    ("de", "Berichte, wonach 2015 1,5 Millionen Flüchtlinge nach Deutschland kommen, werden dementiert.",
     "Berichte, wonach 2015 1,5 Millionen Flüchtlinge nach Deutschland kommen", "Berichte"),
    ("fr", "La préfecture a rejeté les affirmations de la Coordination paysanne selon lesquelles 1 500 tracteurs "
           "participaient aux barrages.",
     "les affirmations de la Coordination paysanne selon lesquelles 1 500 tracteurs participaient aux barrages",
     "Coordination paysanne"),
    ("es", "La empresa negó las informaciones de que prepara el cierre de la fábrica de Alcoy.",
     "las informaciones de que prepara el cierre de la fábrica de Alcoy", "informaciones"),
    ("it", "L'azienda ha smentito le notizie secondo cui sarebbero a rischio 500 posti di lavoro, precisando che "
           "gli esuberi sono 180.", "le notizie secondo cui sarebbero a rischio 500 posti di lavoro", "notizie"),
    ("ru", "Компания отвергла утверждения депутата Игоря Лазарева, будто без тепла остались 40 тысяч человек.",
     "утверждения депутата Игоря Лазарева, будто без тепла остались 40 тысяч человек", "депутата Игоря Лазарева"),
    ("uk", "Мерія спростувала повідомлення ЗМІ про те, що у двох школах скасували заняття.",
     "повідомлення ЗМІ про те, що у двох школах скасували заняття", "ЗМІ"),
])
def test_a_claim_a_sentence_names_and_denies_is_a_record_of_its_own(language, sentence, claim, source):
    """"X dismissed union claims that ...": the union's claim, with its party, is denied by the sentence, which
    is the answer's record and gives none of the claim's figures as its own."""
    from summarizer.clauses import embedded_speaker

    assert split(sentence, language) == (claim, sentence)
    assert embedded_speaker(claim, language) is not None and embedded_speaker(claim, language)[0] == source
    events = _records(sentence + "\n", language, "the company")
    told, answer = events
    assert told.attribution.source == source and told.status == "denied"
    assert told.contradicted_by == [answer.id] and answer.contradicted_by == [told.id]
    assert told.evidence[0].quote == claim


@pytest.mark.parametrize("language, sentence", [
    # the denier's own statement, not the claim it rejects
    ("en", "The authority rejected the accusation, saying in a statement that it had issued no new permits."),
    ("en", "The union repeated its claims that 2,000 jobs would go."),  # nothing denies them
    ("de", "Die Gewerkschaft bekräftigte ihre Angaben, wonach 2.000 Stellen wegfallen."),
    # a relative clause about a figure, not what a claim says
    ("en", 'The advert put average fares at €185, a figure that the airline\'s chief executive, Anna Byrne, '
           'dismissed as "a basic miscalculation".'),
])
def test_a_claim_no_one_denies_in_its_sentence_stays_in_it(language, sentence):
    assert split(sentence, language) is None


@pytest.mark.parametrize("language, sentence, second", [
    ("en", "Estimates ranged from £12 million according to the company to £45 million according to the campaigners.",
     "to £45 million according to the campaigners."),
    ("es", "El seguimiento osciló entre el 18% según la empresa y el 85% según el comité.",
     "y el 85% según el comité."),
    ("it", "L'adesione è andata dal 20% secondo l'azienda all'80% secondo le Rsu.", "all'80% secondo le Rsu."),
    ("uk", "Оцінки коливалися від 30% за даними компанії до 90% за даними профспілки.",
     "до 90% за даними профспілки."),
])
def test_a_range_of_two_parties_estimates_splits_at_its_last_figure(language, sentence, second):
    first, rest = split(sentence, language)
    assert rest == second and sentence == first + " " + rest


@pytest.mark.parametrize("language, sentence, source", [
    ("ru", "Жители сообщают, что температура опустилась до 8 градусов, хотя по официальным данным она не "
           "опускалась ниже 14 градусов.", "официальным данным"),
    ("es", "El comité sostiene que se perdieron 210 empleos, aunque según datos oficiales las bajas fueron 145.",
     "datos oficiales"),
])
def test_a_concession_citing_official_figures_is_their_record(language, sentence, source):
    assert len(split(sentence, language)) == 2
    events = _records(sentence + "\n", language, "the committee")
    assert events[1].attribution.source == source
    assert events[0].contradicted_by == [events[1].id]


@pytest.mark.parametrize("language, sentence, second", [
    # another party's rejection in a relative clause after a comma, with a verb of naming ("described as")
    ("en", 'Greenpeace found emissions of about 160 million tonnes, which TotalEnergies described as "fanciful and '
           'false".', 'which TotalEnergies described as "fanciful and false".'),
])
def test_a_rival_figure_or_rejection_after_a_comma_is_a_clause_of_its_own(language, sentence, second):
    assert split(sentence, language)[-1] == second


@pytest.mark.parametrize("language, sentence, clauses", [
    ("ru", "В МЧС сообщили, что погибли 23 человека, Следственный комитет говорит о 19 погибших, в краевом минздраве "
           "заявили, что жертв 21.", ("В МЧС сообщили, что погибли 23 человека",
                                      "Следственный комитет говорит о 19 погибших",
                                      "в краевом минздраве заявили, что жертв 21.")),
    ("de", "Das Innenministerium sprach von 14 Toten, das Landratsamt meldete 11, die Feuerwehr nannte 12.",
     ("Das Innenministerium sprach von 14 Toten", "das Landratsamt meldete 11", "die Feuerwehr nannte 12.")),
    # a party named only as whom the first one cites, a figure in its name: one claim
    ("en", "The weekly wrote that Kestrel would cut 15% of its staff, citing two people familiar with the plans.",
     None),
    ("en", "The ministry said 19 people were killed, the governor said.", None),
])
def test_a_sentence_listing_parties_claims_gives_each_its_clause(language, sentence, clauses):
    assert split(sentence, language) == clauses
