"""Contests, verification notes and stand-alone summaries, decided by code from the article's words
(`contests.py`, `extract.to_events`), whatever the model said."""

import pytest

from summarizer.extract import EventDraft, EventsContext, candidates, repair, to_events
from summarizer.segment import segment


def _records(text: str, sources: dict[int, str], language: str = "en"):
    """Records of the sentences `sources` names ({sentence id: source}, "the outlet" for its own voice), as if
    the model had answered with those sources and no contests, in order (a split sentence gives several)."""
    sentences = {s.id: s for s in segment(text, language)}
    drafts = {}
    for sid, source in sources.items():
        outlet = source == "the outlet"
        drafts[sid] = EventDraft(source=source, cue="" if outlet else "said",
                                 source_type="outlet" if outlet else "official")
    repaired = repair(drafts, EventsContext(sentences=sentences, language=language))
    return to_events(repaired, sentences, None, language)


def _events(text: str, sources: dict[int, str], language: str = "en"):
    """`_records` by sentence id (the last record of a split sentence)."""
    return {e.evidence[0].sentence_id: e for e in _records(text, sources, language)}


TOLLS = ("A missile hit a market in Kostyantynivka on Tuesday, killing at least 19 people, the health ministry said.\n"
         "The regional civil defence service put the death toll at 40.\n"
         "A separate strike on Kramatorsk killed two people, the city's mayor said.\n"
         "The governor said 2,300 people had been displaced.\n")


def test_different_figures_of_one_quantity_from_two_sources_dispute_each_other():
    events = _events(TOLLS, {1: "the health ministry", 2: "The regional civil defence service", 3: "the city's mayor",
                             4: "The governor"})
    assert events[1].status == events[2].status == "disputed"
    assert events[1].contradicted_by == [events[2].id] and events[2].contradicted_by == [events[1].id]
    assert events[3].contradicted_by == [] and events[3].status == "claimed"  # another place: another incident
    assert events[4].contradicted_by == []  # the displaced are another quantity


def test_a_sources_figures_for_two_places_revise_nothing():
    text = ("In Dresden sprach die Polizei von 20.000 Teilnehmern.\n"
            "In Chemnitz sprach die Polizei am Abend von 4.000 Teilnehmern.\n"
            "In Chemnitz korrigierte die Polizei die Zahl später auf 5.000 Teilnehmer.\n")
    events = _events(text, {1: "die Polizei", 2: "die Polizei", 3: "die Polizei"}, "de")
    assert events[1].superseded_by is None  # Dresden's count is no earlier count of Chemnitz's
    assert events[2].superseded_by == events[3].id  # Chemnitz's is revised in Chemnitz


def test_the_same_source_giving_a_new_figure_is_no_conflict():
    text = ("At least 19 people were killed, the health ministry said.\n"
            "The health ministry later raised its count of the dead to 27.\n")
    events = _events(text, {1: "the health ministry", 2: "The health ministry"})
    assert events[1].contradicted_by == [] and events[2].contradicted_by == []
    assert events[1].superseded_by == events[2].id and events[2].superseded_by is None


def test_a_figure_the_source_gave_earlier_is_the_one_superseded_whichever_comes_first():
    cases = [("en", "At least 70 people were killed in the strike, the health ministry said on Sunday.\n"
                    "The ministry, which had given an earlier toll of 60 dead, said three houses were destroyed.\n"),
             ("fr", "Le ministère de la Santé a annoncé dimanche qu'au moins 70 personnes avaient été tuées.\n"
                    "Le ministère, qui avait dans un précédent bilan fait état de 60 morts, a affirmé que trois "
                    "maisons avaient été détruites.\n"),
             ("ru", "По данным Минздрава, погибли не менее 70 человек.\n"
                    "Ранее Минздрав сообщал о 60 погибших.\n")]
    for language, text in cases:
        sources = {1: "the health ministry", 2: "The ministry"}
        events = _events(text, sources, language)
        assert events[2].superseded_by == events[1].id and events[1].superseded_by is None, language


def test_a_rejection_answers_the_claim_it_names_back_and_a_denial_in_its_own_words_the_first_claim():
    text = ("A missile killed 19 people at a market, the health ministry said.\n"
            "The governor accused the water authority of opening the dam too late.\n"
            "The National Water Authority rejected the accusation.\n"
            "Russia's defence ministry denied striking the market and said it hit a fuel depot.\n")
    events = _events(text, {1: "the health ministry", 2: "The governor", 3: "The National Water Authority",
                            4: "Russia's defence ministry"})
    assert events[2].status == "denied" and events[3].id in events[2].contradicted_by
    assert events[2].id in events[3].contradicted_by and events[3].status == "claimed"
    assert events[1].status == "denied" and events[4].id in events[1].contradicted_by


def test_a_note_about_earlier_claims_makes_them_unverified_and_is_no_record():
    text = ("Police said 12 miners were arrested.\n"
            "The union said the miners were beaten.\n"
            "The two accounts could not be independently verified.\n"
            "The mine employs 3,000 people.\n")
    sentences = segment(text)
    assert 3 not in candidates(sentences)
    events = _events(text, {1: "Police", 2: "The union", 4: "the outlet"})
    assert events[1].status == events[2].status == "unverified"
    assert [ev.sentence_id for ev in events[1].evidence] == [1, 3]
    assert [ev.sentence_id for ev in events[2].evidence] == [2, 3]
    assert events[4].status == "asserted"


def test_a_note_that_names_its_source_is_about_that_source_only():
    text = ("Zelensky said his troops recaptured seven villages.\n"
            "The governor said 40 houses were damaged.\n"
            "Zelensky's statements could not be independently verified.\n")
    events = _events(text, {1: "Zelensky", 2: "The governor"})
    assert events[1].status == "unverified" and events[2].status == "claimed"


def test_reported_speech_in_german_is_the_ministry_s_claim_and_the_note_covers_it():
    text = ("Das Verteidigungsministerium teilte am Dienstag mit, Truppen hätten Lysiwka unter ihre Kontrolle "
            "gebracht.\n"
            "Dabei seien mehr als 420 ukrainische Soldaten getötet worden.\n"
            "Der ukrainische Generalstab wies die Darstellung zurück. Lysiwka sei unter ukrainischer Kontrolle.\n"
            "Die Angaben ließen sich nicht unabhängig überprüfen.\n")
    events = _events(text, {1: "the defence ministry", 2: "the outlet", 3: "the General Staff"}, "de")
    assert 5 not in candidates(segment(text, "de"), language="de")  # the note is no record
    assert events[1].attribution.source == "Das Verteidigungsministerium"
    assert events[2].attribution.source == "Das Verteidigungsministerium"  # Konjunktiv I continues it
    assert events[2].attribution.cue == "seien"  # the sentence's own word marks its reported speech
    assert events[3].attribution.source == "Der ukrainische Generalstab"
    assert events[1].status == "denied" and events[3].id in events[1].contradicted_by
    assert events[2].status == "unverified"


def test_a_summary_names_who_speaks_instead_of_he_or_the_source():
    text = ("Ukrainian President Volodymyr Zelenskiy said on Saturday that his forces recaptured Andriivka.\n"
            "He says Russia has amassed 53,000 troops in the vicinity.\n"
            "A source familiar with the talks said a deal was close.\n"
            "The source told the agencies that tariffs would fall to 25%.\n")
    events = _events(text, {1: "Ukrainian President Volodymyr Zelenskiy", 2: "he",
                            3: "A source familiar with the talks", 4: "the source"})
    assert events[2].summary.startswith("Ukrainian President Volodymyr Zelenskiy says Russia has amassed")
    assert events[4].summary.startswith("A source familiar with the talks told the agencies")


def test_a_sentence_going_on_with_a_report_is_the_same_sources_and_a_note_in_its_paragraph_is_about_it():
    text = ("Zelensky said his troops recaptured 160 square kilometres.\n"
            "In addition, around 100 Russian soldiers were captured.\n"
            "Ukraine launched drones at two refineries, officials said.\n"
            "The military said the refinery was hit. The information cannot be independently verified.\n")
    events = _events(text, {1: "Zelensky", 2: "the outlet", 3: "officials", 4: "The military"})
    assert events[2].attribution.source == "Zelensky" and events[2].status == "claimed"
    assert events[4].status == "unverified" and events[3].status == "claimed"


def test_what_a_denial_goes_on_to_say_is_not_what_it_denies_and_a_version_can_be_a_denial():
    text = ("The farmers' union accused exporters of shipping poor grain.\n"
            "The food agency denied the accusations, saying that all cargoes had certificates.\n"
            "The rebels denied attacking civilians, a rebel spokesman said.\n"
            "An army spokesman rejected that version.\n")
    events = _events(text, {1: "The farmers' union", 2: "The food agency", 3: "a rebel spokesman",
                            4: "An army spokesman"})
    assert events[1].status == "denied" and events[2].id in events[1].contradicted_by
    assert events[3].id in events[4].contradicted_by  # "that version" is the rebels' denial


def test_a_figure_answered_by_a_back_reference_disputes_it():
    text = ("The health office said 140 people had been wounded.\n"
            "The Civil Defence put that figure at 90.\n"
            "The Civil Defence said the market would reopen.\n")
    events = _events(text, {1: "The health office", 2: "The Civil Defence", 3: "The Civil Defence"})
    assert events[1].contradicted_by == [events[2].id] and events[2].contradicted_by == [events[1].id]
    assert events[1].status == events[2].status == "disputed" and events[3].contradicted_by == []
    own = ("Kiev received 1,000 fallen soldiers, according to the staff for prisoner of war affairs.\n"
           "Russian military bloggers wrote that Moscow received 24 soldiers, although this figure has not been "
           "confirmed.\n")
    events = _events(own, {1: "the staff for prisoner of war affairs", 2: "Russian military bloggers"})
    assert events[1].contradicted_by == [] and events[2].contradicted_by == []  # "this figure" is its own


def test_munition_counts_that_differ_dispute_each_other():
    text = ("The army said its artillery fired six rockets at militia positions.\n"
            "According to a local monitoring group, only two rockets were fired.\n")
    events = _events(text, {1: "The army", 2: "a local monitoring group"})
    assert events[1].contradicted_by == [events[2].id] and events[2].contradicted_by == [events[1].id]


def test_denying_the_claims_answers_the_whole_run_of_that_source():
    text = ("The Eastern Brigades said its fighters had killed 60 soldiers at an army post.\n"
            "The group said it had also seized four armoured vehicles.\n"
            "However, the army denied the claims, saying that its post had repelled the attack.\n")
    events = _events(text, {1: "The Eastern Brigades", 2: "The Eastern Brigades", 3: "the army"})
    assert events[1].status == events[2].status == "denied"
    assert events[3].contradicted_by == [events[1].id, events[2].id]


def test_a_denial_of_the_figures_of_the_dead_answers_every_toll_of_the_incident():
    text = ("Не менее 31 человека погибли при авиаударе по школе, сообщило министерство здравоохранения.\n"
            "По данным гражданской обороны Газы, число погибших достигло 38.\n"
            "Директор больницы сообщил, что доставлены 70 раненых.\n"
            "ЦАХАЛ опроверг данные палестинской стороны о числе погибших.\n")
    events = _events(text, {1: "министерство здравоохранения", 2: "гражданской обороны Газы", 3: "Директор больницы",
                            4: "ЦАХАЛ"}, "ru")
    assert events[1].status == events[2].status == "denied" and events[3].status == "claimed"
    assert events[4].contradicted_by == [events[1].id, events[2].id]


@pytest.mark.parametrize("language, text, sources, chosen, speaker", [
    ("ru", "Пять мирных жителей погибли при обстреле села Ореховка в приграничном районе.\n"
           "Об этом сообщил глава районной администрации Олег Гуляев.\n"
           "Местные власти сообщили, что повреждены 40 домов.\n",
     {1: "the outlet", 3: "Местные власти"}, [1, 3], "глава районной администрации Олег Гуляев"),
    # the verb first, the paper told as the addressee
    ("uk", "Сьогодні в центрі Черкас відбулися два мітинги, у яких взяли участь кілька тисяч людей.\n"
           "Повідомили «Черкаському віснику» у відділі комунікації обласної поліції.\n",
     {1: "the outlet"}, [1], "відділі комунікації обласної поліції"),
])
def test_a_sentence_saying_who_reported_the_one_before_is_its_attribution_not_a_record(language, text, sources,
                                                                                        chosen, speaker):
    # (the number words make no figure; the next line is a cue)
    assert candidates(segment(text, language), language=language) == chosen
    events = _events(text, sources, language)
    assert events[1].attribution.source == speaker
    assert [ev.sentence_id for ev in events[1].evidence] == [1, 2] and events[1].status == "claimed"


def test_a_denial_in_its_own_words_answers_the_same_accusation_made_after_it():
    text = ("The RSF denied killing civilians in the village and said it had fought the army.\n"
            "The mine employs 3,000 people.\n"
            "The Sovereign Council accused the RSF of killing civilians in the village.\n")
    events = _events(text, {1: "The RSF", 2: "the outlet", 3: "The Sovereign Council"})
    assert events[3].status == "denied" and events[1].contradicted_by == [events[3].id]
    assert events[2].contradicted_by == []


def test_the_claims_of_a_party_named_by_acronym_and_by_back_reference_are_one_run():
    text = ("Sudan's Rapid Support Forces (RSF) said its fighters had killed 300 soldiers.\n"
            "The paramilitary said it had also captured 12 armoured vehicles.\n"
            "An RSF commander said the base would fall within days.\n"
            "However, the SAF denied the claims.\n")
    events = _events(text, {1: "Sudan's Rapid Support Forces", 2: "The paramilitary", 3: "An RSF commander",
                            4: "the SAF"})
    assert events[4].contradicted_by == [events[1].id, events[2].id, events[3].id]


def test_a_figure_with_a_unit_of_measure_counts_that_unit_not_the_people_near_it():
    text = ('"We have families carrying water for three kilometres," the governor said.\n'
            "The farmers' association said 600 families had left the valley.\n")
    events = _events(text, {1: "the governor", 2: "The farmers' association"})
    assert events[1].contradicted_by == [] and events[2].contradicted_by == []


def test_a_sentence_with_no_written_subject_is_the_last_subjects_and_an_exaggeration_denies():
    text = ("El Ministerio de Sanidad situó el seguimiento de la huelga en el 18%.\n"
            "Los sindicatos convocantes ofrecieron una versión muy distinta.\n"
            "Cifraron la participación en un 70%.\n")
    events = _events(text, {1: "El Ministerio de Sanidad", 3: "El Ministerio de Sanidad"}, "es")
    assert events[3].attribution.source == "Los sindicatos"
    assert events[1].contradicted_by == [events[3].id] and events[3].status == "disputed"
    text = ("Rights groups accused the alliance of killing at least 900 civilians.\n"
            '"The figure of 900 deaths appears to be an exaggeration," Joseph Arende told reporters.\n')
    events = _events(text, {1: "Rights groups", 2: "Joseph Arende"})
    assert events[1].status == "denied" and events[2].contradicted_by == [events[1].id]


def test_denying_these_claims_answers_the_claims_right_before_and_a_denied_figure_must_be_the_claims():
    text = ("The M23 rebel group reported that 874 people were killed in the fighting for Goma.\n"
            "Rights groups have accused M23 of committing mass atrocities in Goma.\n"
            "However, Delion Kimpulumpu, secretary general of the AFC coalition, strongly denied these claims.\n")
    events = _events(text, {1: "The M23 rebel group", 2: "Rights groups", 3: "Delion Kimpulumpu"})
    assert events[3].contradicted_by == [events[2].id] and events[1].status == "claimed"
    text = ("Segundo o Kremlin, o ataque matou 180 mercenários estrangeiros.\n"
            "A Ucrânia negou que a Rússia tenha matado 180 pessoas durante o ataque.\n"
            "O governador disse que 35 pessoas morreram no ataque.\n")
    events = _events(text, {1: "o Kremlin", 2: "A Ucrânia", 3: "O governador"}, "pt")
    assert events[1].status == "denied" and events[2].contradicted_by == [events[1].id]
    assert events[3].contradicted_by == [events[1].id]  # 35 and 180 dead: the figures dispute, no denial


def test_one_sentence_with_two_sources_figures_for_one_quantity_is_disputed():
    from summarizer.contests import two_sided

    assert two_sided("La mobilisation a réuni 480 000 manifestants selon la police, 1,2 million selon les syndicats.",
                     "fr")
    assert two_sided("The university reports 900 workers on strike, while the union reports up to 2,100 strikers.",
                     "en")
    assert not two_sided("At least 19 people were killed and 40 injured, the health ministry said.", "en")
    # where its second clause names its speaker, the sentence gives two records, one per side (`clauses.py`)
    from summarizer.extract import EventDraft, EventsContext, repair, to_events

    text = "The university reports 900 workers on strike, while the union reports up to 2,100 strikers.\n"
    sentences = {s.id: s for s in segment(text, "en")}
    drafts = {1: EventDraft(source="The university", cue="reports", source_type="official")}
    events = to_events(repair(drafts, EventsContext(sentences=sentences, language="en")), sentences, None, "en")
    assert [e.attribution.source for e in events] == ["The university", "the union"]
    assert events[0].status == events[1].status == "disputed" and events[0].contradicted_by == [events[1].id]


def test_a_figure_counts_what_its_own_clause_says_and_number_words_count_too():
    from summarizer.contests import quantities
    from summarizer.language import lexicon

    assert quantities("At least 19 people were killed and 40 injured.", lexicon("en"), "en") == \
        {"dead": {19.0}, "injured": {40.0}}
    assert quantities("A strike killed at least 19 people and wounded 60.", lexicon("en"), "en") == \
        {"dead": {19.0}, "injured": {60.0}}
    assert quantities("Пять мирных жителей погибли и девять получили ранения.", lexicon("ru"), "ru") == \
        {"dead": {5.0}, "injured": {9.0}}
    text = ("Leur porte-parole a déclaré que trois missiles avaient visé le navire.\n"
            "D'après le Centcom, seuls deux missiles ont été tirés.\n")
    events = _events(text, {1: "Leur porte-parole", 2: "le Centcom"}, "fr")
    assert events[1].contradicted_by == [events[2].id] and events[2].contradicted_by == [events[1].id]


def test_a_figure_counts_the_verb_that_ends_its_clause_but_the_words_right_after_it_come_first():
    from summarizer.contests import quantities
    from summarizer.language import lexicon

    text = "Nach Angaben der Behörde sind mindestens 1.284 Menschen in der Provinz im Zusammenhang mit dem " \
           "Hochwasser ums Leben gekommen."
    assert quantities(text, lexicon("de"), "de") == {"dead": {1284.0}}
    text = "Airstrikes have killed as many as 100 people, including many children, who were attending a " \
           "ceremony held by opponents of army rule, a witness said."
    assert quantities(text, lexicon("en"), "en") == {"dead": {100.0}}  # "killed" before it, not "held" far after
    text = "При взрыве 4 мая погибли не 300 человек, как ранее заявил минздрав, а от 40 до 60."
    assert quantities(text, lexicon("ru"), "ru") == {"dead": {300.0, 40.0, 60.0}}  # a date is no figure
    # the verb that closes the clause, far after the figure, where no word near it says what it counts; not a
    # verb after the next figure
    text = "Die Beobachtungsstelle berichtete, mindestens 70 islamistische Kämpfer seien in einem Hinterhalt der " \
           "Regierungstruppen und der verbündeten Hisbollah-Miliz getötet worden."
    assert quantities(text, lexicon("de"), "de") == {"dead": {70.0}}
    text = "A monitoring group said at least 19 fighters had been surrounded by soldiers in the forest and killed."
    assert quantities(text, lexicon("en"), "en") == {"dead": {19.0}}
    text = "The institute said it had sent two helicopters and 40 tonnes of food."
    assert quantities(text, lexicon("en"), "en") == {"tonnes:food": {40.0}}
    text = "More than 41 villages were flooded and the storm killed 4 people."  # another subject's verb
    assert 41.0 not in quantities(text, lexicon("en"), "en").get("dead", set())


def test_a_denial_naming_a_quantity_answers_the_others_claims_that_count_it_even_after_it():
    text = ("При взрыве на рынке погибли не 300 человек, а от 40 до 60.\n"
            "Об этом газете The Washington Post заявил представитель американской разведки.\n"
            "В то же время он отметил, что завышенное число погибших используется для давления.\n"
            "Местный минздрав сообщал о гибели по меньшей мере 300 человек.\n")
    events = _events(text, {1: "минздрав", 3: "он", 4: "Местный минздрав"}, "ru")
    assert events[1].attribution.source == "представитель американской разведки"  # "Об этом ... заявил X"
    assert events[3].attribution.source == "представитель американской разведки"
    assert set(events[4].contradicted_by) == {events[1].id, events[3].id} and events[4].status == "denied"


def test_a_quote_over_two_sentences_is_the_speaker_named_where_it_closes():
    text = ("Police said 31 people died in the clashes.\n"
            "— Заява про знищений склад не відповідає дійсності. Жодного складу там не було, — заявив речник "
            "угруповання Сергій Вереск.\n")
    events = _events(text, {2: "the outlet"}, "uk")
    assert events[2].attribution.source == "речник угруповання Сергій Вереск"


def test_a_quote_of_its_own_right_after_a_quoted_speaker_goes_on_with_that_speaker():
    text = ('"Wir haben Zweifel an den Zahlen", sagte Bulut der Deutschen Presse-Agentur. "Als 6000 Todesfälle '
            'gemeldet wurden, gab es Bestattungsunterlagen zu 11.000 Menschen."\n'
            '"Das ist eine Schätzung."\n')
    events = _events(text, {2: "the outlet", 3: "the outlet"}, "de")
    assert events[2].attribution.source == "Bulut"
    assert events[3].attribution.source_type == "outlet"  # another paragraph: no speaker carried over


def test_a_party_that_did_not_comment_is_no_event():
    text = ("Police in North Kivu said 31 people died in clashes near Kalehe on Saturday.\n"
            "The army did not respond to a request for comment.\n"
            "Fishing resumed on the lake on Sunday morning, residents said.\n")
    sentences = segment(text, "en")
    assert [sentences[i - 1].text[:6] for i in candidates(sentences, language="en")] == ["Police", "Fishin"]


def test_a_figure_that_is_part_of_a_total_counts_not_the_whole():
    from summarizer.contests import quantities
    from summarizer.language import lexicon

    text = "Neuf policiers ont été blessés, dont huit dans la capitale, a dit le ministère."
    assert quantities(text, lexicon("fr"), "fr") == {"injured": {9.0}}
    assert quantities("At least 30 children were among the dead, a medic said.", lexicon("en"), "en") == {}
    assert quantities("At least 19 people were killed, including 5 children, and 40 injured.", lexicon("en"), "en") \
        == {"dead": {19.0}, "injured": {40.0}}
    text = ("At least 30 children were among the dead, a medic said.\n"
            "The army said 12 fighters were killed in the raid.\n")
    events = _events(text, {1: "a medic", 2: "The army"})
    assert events[1].contradicted_by == [] and events[2].contradicted_by == []  # 30 children are no toll


def test_a_denial_that_opens_the_story_answers_the_claim_given_after_it():
    text = ("Информация о гибели семи военнослужащих на границе не соответствует действительности, утверждают в "
            "Минобороны Азербайджана.\n"
            "Ранее в Ереване сообщили о бое на границе.\n"
            "По данным пресс-секретаря минобороны Армении, погибли трое армянских военных и до семи бойцов "
            "противника.\n")
    events = _events(text, {1: "Минобороны Азербайджана", 2: "Ереване", 3: "пресс-секретаря"}, "ru")
    assert events[1].contradicted_by == [events[3].id] and events[3].status == "denied"  # "семи" names the figure
    assert events[2].contradicted_by == []
    text = ("L'armée a formellement démenti ces informations.\n"
            "Selon l'AFP, quarante-huit soldats ont été tués lors de l'attaque de la base.\n")
    events = _events(text, {1: "L'armée", 2: "l'AFP"}, "fr")
    assert events[2].status == "denied" and events[1].contradicted_by == [events[2].id]
    text = ("El ministro rechazó la acusación del presidente, quien aseguró que el ataque, con cinco muertos, fue "
            "planificado en Venezuela.\n"
            "La Octava Brigada dijo que cinco militares fueron asesinados.\n")
    events = _events(text, {1: "El ministro", 2: "La Octava Brigada"}, "es")
    assert events[2].contradicted_by == []  # the claim it rejects is in its own sentence ("quien aseguró")


def test_crowds_votes_and_the_people_in_a_toll():
    from summarizer.contests import quantities
    from summarizer.language import lexicon

    assert quantities("A PM divulgou a estimativa de 1,4 milhão de pessoas na Paulista.", lexicon("pt"), "pt") \
        == {"people": {1400000.0}}
    text = ("O movimento anunciou que 2,5 milhões de manifestantes participam do ato.\n"
            "A PM divulgou a estimativa de que seriam 1,4 milhão de pessoas na Paulista.\n")
    events = _events(text, {1: "O movimento", 2: "A PM"}, "pt")
    assert events[1].contradicted_by == [events[2].id]  # people in a story of a crowd are the crowd
    text = ("Fadnavis said around 200 people live in the area.\n"
            "A police officer said nearly 50 people were feared buried under the debris.\n")
    events = _events(text, {1: "Fadnavis", 2: "A police officer"})
    assert events[1].contradicted_by == []  # and nothing in a story of no crowd
    text = ("Митинг на проспекте Сахарова собрал 1700 человек, по оценке полиции.\n"
            "По словам организаторов, на митинг пришли 5000 человек.\n")
    events = _events(text, {1: "полиции", 2: "организаторов"}, "ru")
    assert events[1].contradicted_by == [events[2].id]  # a rally: its people are its crowd
    assert quantities("Dieser habe 70 Prozent der Stimmen erhalten und nicht 44 Prozent.", lexicon("de"), "de") \
        == {"votes": {70.0, 44.0}}
    assert quantities("Al Jazeera сообщала о двух погибших журналистах.", lexicon("ru"), "ru") == {}
    assert quantities("custaram a vida a mais de uma centena de mulheres e homens", lexicon("pt"), "pt") \
        == {"dead": {100.0}}
    text = ("Il y a eu 15 interpellations lors des rassemblements, dont 11 à Paris, a ajouté le ministère.\n"
            "Le préfet de police de Paris a fait état de onze interpellations.\n"
            "À Lyon, la préfecture a compté 18 000 manifestants, contre 25 000 selon les syndicats.\n"
            "Les syndicats ont revendiqué 30 000 manifestants dans tout le pays.\n")
    events = _events(text, {1: "le ministère", 2: "Le préfet de police de Paris", 3: "la préfecture",
                            4: "Les syndicats"}, "fr")
    assert events[1].contradicted_by == [] and events[2].contradicted_by == []  # 11 of the 15 were in Paris
    assert events[4].contradicted_by == []  # Lyon's count is no count of the country


def test_tolls_of_two_districts_named_at_the_sentence_openings_do_not_contest():
    # a place phrase of a few words before the first comma scopes the figures; a speaker named there does not
    text = ("In Rayagada district, 78 people have died of cholera, the district's medical officer said.\n"
            "In neighbouring Koraput district, the chief administrative official said 79 people had died.\n"
            "And in adjacent Kalahandi district, 29 cholera deaths have been reported so far, officials said.\n")
    events = _events(text, {1: "the district's medical officer", 2: "the chief administrative official",
                            3: "officials"})
    assert [events[i].contradicted_by for i in (1, 2, 3)] == [[], [], []]
    text = ("Secondo la Cnn, almeno 22 persone sono morte.\n"
            "Per la Nbc, i morti sarebbero invece 15.\n")
    events = _events(text, {1: "la Cnn", 2: "la Nbc"}, "it")
    assert events[1].contradicted_by == [events[2].id]  # "Per la Nbc," cites a source, it names no place


def test_a_denial_of_these_reports_answers_the_reports_the_outlet_told_right_before_and_a_later_claim():
    text = ("Depuis plusieurs jours, les informations faisant état de la mort de dizaines de soldats circulent.\n"
            "L'armée a formellement démenti ces informations.\n"
            "Selon l'AFP, quarante-huit soldats ont été tués dans l'attaque.\n")
    events = _events(text, {1: "the outlet", 2: "L'armée", 3: "l'AFP"}, "fr")
    assert events[1].attribution.source_type == "outlet"
    assert sorted(events[2].contradicted_by) == sorted([events[1].id, events[3].id])
    assert events[1].status == "asserted"  # the outlet's own voice stays its own


def test_no_way_that_number_is_accurate_denies_the_number_before_it():
    text = ('"Nineteen were scheduled to work and 12 showed up," said Mary Strebig, a hospital spokeswoman.\n'
            'Mike Brannan, a union spokesman, said, "There is no way that number is accurate."\n')
    events = _events(text, {1: "Mary Strebig", 2: "Mike Brannan"})
    assert events[1].contradicted_by == [events[2].id] and events[1].status == "denied"


def test_a_rejection_of_these_figures_answers_the_claims_right_before_not_its_own_ministry():
    # "esas cifras" is pointed back with a demonstrative found after the cue; the minister's title names his
    # own side, not the claim he rejects
    text = ("El Ministerio de Transporte informó de 340 camiones retenidos en la frontera.\n"
            "Las asociaciones de transportistas alegan que el bloqueo afecta a más de 2.000 vehículos.\n"
            "Según el gremio, las pérdidas superan los 15 millones de dólares.\n"
            "El ministro de Transporte, Ramiro Alcázar, rechazó esas cifras y las calificó de exageradas.\n")
    events = _events(text, {1: "El Ministerio de Transporte", 2: "Las asociaciones de transportistas",
                            3: "el gremio", 4: "Ramiro Alcázar"}, "es")
    assert events[2].status == events[3].status == "denied"
    assert events[1].status == "claimed" and events[1].contradicted_by == []


def test_a_rejection_of_a_partys_figures_answers_that_party_and_a_quote_saying_another_opens_no_incident():
    text = ("Die Zahlen des Ministeriums nennen 14 Tote.\n"
            "Die Gewerkschaft der Bergarbeiter behauptete, mindestens 31 Kumpel seien getötet worden.\n"
            "Die Zahlen des Bergbauministeriums nennen zudem 52 Verletzte.\n"
            'Der Betreiber hat die Angaben der Gewerkschaft als "haltlos" bezeichnet und zurückgewiesen.\n')
    events = _events(text, {1: "Ministeriums", 2: "Die Gewerkschaft der Bergarbeiter", 3: "Bergbauministeriums",
                            4: "Der Betreiber"}, "de")
    assert events[2].status == "denied" and events[4].id in events[2].contradicted_by
    assert events[3].status == "claimed"
    quoted = ("La stima della Questura è di circa 8.000 partecipanti al corteo.\n"
              "«Altro che 8.000, in piazza c'erano almeno 30.000 persone» afferma la portavoce del comitato.\n")
    events = _events(quoted, {1: "Questura", 2: "la portavoce del comitato"}, "it")
    assert events[1].status == events[2].status == "disputed"


def test_the_lead_is_a_record_even_with_no_figure_or_cue_among_many_that_have_one():
    text = ("Crowds of parents and pupils marched through the old town of Ravello on Saturday against the closure "
            "of its schools.\n"
            "Police put the crowd at 8,000.\n"
            "Organisers said at least 30,000 people took part.\n"
            "The unions claimed that 60% of teachers were on strike.\n"
            "The regional superintendent rejected the accusations.\n"
            "According to the committee, the closures would affect 1,200 pupils.\n"
            "Shops in the centre stayed closed for the rest of the day.\n")
    chosen = candidates(segment(text, "en"), language="en")
    assert chosen[0] == 1 and 7 not in chosen  # the lead first; a plain sentence further down only to fill up


def test_a_pronoun_after_a_marker_stands_for_the_party_named_before_not_a_clause_with_a_place_name():
    # "según él": the minister named before, not the clause "lanzó un dato falso ... en El Alto"
    text = ("En conferencia de prensa, el ministro de Gobierno, Arturo Murillo, lanzó un dato falso sobre la "
            "cantidad de fallecidos en El Alto: según él, en los últimos tres días se recogieron 170 cadáveres.\n")
    sentences = {s.id: s for s in segment(text, "es")}
    draft = EventDraft(source="él", cue="según", source_type="official")
    assert repair({1: draft}, EventsContext(sentences=sentences, language="es"))[1].source == "Arturo Murillo"


def test_he_after_a_quote_is_the_speaker_named_before_not_the_quotes_first_word():
    text = ("Про це заявив спікер Міноборони Андрій Лисенко.\n"
            "«Жоден український військовослужбовець не загинув, троє отримали поранення.\n"
            'Ще один військовий отримав контузію поблизу Водяного", - підкреслив він.\n')
    sentences = {s.id: s for s in segment(text, "uk")}
    draft = EventDraft(source="«Жоден", cue="підкреслив", source_type="official")
    assert "Лисенко" in repair({3: draft}, EventsContext(sentences=sentences, language="uk"))[3].source


def test_a_record_whose_only_fault_is_a_sentence_copied_into_its_source_is_kept_with_the_sentences_speaker():
    import json

    from summarizer.extract import salvage

    text = ("Die Ärztekammer hat die Zahlen angezweifelt.\n"
            "Man wolle die Zahl der Bestattungen bei den Kommunen abfragen und so die Regierungsangaben überprüfen, "
            "sagte Vedat Bulut von der Ärztekammer der Deutschen Presse-Agentur.\n")
    sentences = {s.id: s for s in segment(text, "de")}
    raw = json.dumps({"2": {"source": sentences[2].text, "cue": "said", "source_type": "official", "contests": []}})
    context = EventsContext(sentences=sentences, language="de")
    kept, dropped = salvage(raw, "source: too long", context)
    assert kept[2].source == "the outlet"  # set aside; the sentence's own words name the speaker in the repair
    assert repair(kept, context)[2].source == "Vedat Bulut von der Ärztekammer"
    assert any("not kept" in d.reason for d in dropped)


def test_a_record_whose_only_fault_is_an_english_version_too_long_is_kept_without_it():
    import json

    from summarizer.extract import salvage

    text = ("Poco dopo è intervenuta la prefetta di Ancona, Laura Gatti.\n"
            "«Al momento non abbiamo morti accertati».\n")
    sentences = {s.id: s for s in segment(text, "it")}
    runs_on = "At the moment we do not have any confirmed deaths. " * 10  # the next sentences too, over the limit
    raw = json.dumps({"2": {"source": "Laura Gatti", "cue": "", "source_type": "official", "contests": [],
                            "english": runs_on}})
    context = EventsContext(sentences=sentences, language="it")
    kept, dropped = salvage(raw, "english: too long", context)
    assert list(kept) == [2] and getattr(kept[2], "english", None) is None
    assert repair(kept, context)[2].source == "la prefetta di Ancona, Laura Gatti"
    assert [d.reason.split(":")[0] for d in dropped] == ["the model's english for sentence 2 was not kept"]


def test_a_caption_or_a_promotion_is_no_lead():
    sentences = segment("Ein zerstörtes Gebäude in Izmir.\n"
                        "Nach Angaben der Behörde sind mindestens 41.156 Menschen getötet worden.\n"
                        "Die Ärztekammer schätzt die Zahl auf 60.000.\n"
                        "Der Gouverneur sprach von 50.000 Toten.\n"
                        "Die Armee meldete 45.000 Tote.\n"
                        "Die Regierung nannte zuletzt 42.000 Tote.\n"
                        "Die Opposition sprach von 70.000 Toten.\n", "de")
    assert 1 not in candidates(sentences, limit=5, fill=5, language="de")


def test_a_note_about_both_accounts_joins_the_claims_that_contest_each_other_not_the_last_paragraphs():
    # the two tolls come first; a count of another thing and a quote stand between them and the note
    text = ("Mindestens 30 Menschen starben bei dem Hochwasser, teilte der Rettungsdienst mit.\n\n"
            "Das Innenministerium sprach von zwölf Toten.\n\n"
            "Nach Angaben der Feuerwehr wurden 800 Häuser überflutet.\n\n"
            "„Wir haben alles verloren“, sagte eine Anwohnerin.\n\n"
            "Die Angaben beider Seiten ließen sich nicht unabhängig überprüfen.\n")
    events = _events(text, {1: "der Rettungsdienst", 2: "Das Innenministerium", 3: "der Feuerwehr",
                            4: "eine Anwohnerin"}, "de")
    joined = {sid: [ev.sentence_id for ev in e.evidence] for sid, e in events.items()}
    assert joined[1] == [1, 5] and joined[2] == [2, 5]
    assert joined[3] == [3] and joined[4] == [4] and events[3].status == "claimed"


def test_rejecting_that_figure_answers_the_figure_right_before_not_an_older_toll():
    # "diese Zahl" names a figure back (`figure_back`), not the claims of a party ("die Zahl der Toten")
    text = ("Bei den Protesten wurden nach Angaben der Gruppe Kylym mindestens 17 Menschen getötet.\n"
            "Das Innenministerium sprach von vier Toten und 120 Verletzten.\n"
            "Ein Sprecher des Gesundheitsministeriums wies diese Zahl am Abend zurück: Allein in der Hauptstadt "
            "seien neun Menschen gestorben.\n")
    events = _events(text, {1: "der Gruppe Kylym", 2: "Das Innenministerium",
                            3: "Ein Sprecher des Gesundheitsministeriums"}, "de")
    assert events[3].id in events[2].contradicted_by and events[2].id in events[3].contradicted_by
    assert events[3].id not in events[1].contradicted_by


def test_a_note_about_the_figures_joins_the_claims_that_give_figures_not_a_dismissal_before_it():
    text = ("The health ministry said 12 people died in the clashes.\n\n"
            "Opposition groups put the toll at 40.\n\n"
            "The government is accused of ordering troops to fire.\n\n"
            "The interior minister dismissed the accusation as lies.\n\n"
            "The figures could not be independently verified.\n")
    events = _events(text, {1: "The health ministry", 2: "Opposition groups", 3: "the outlet",
                            4: "The interior minister"})
    joined = {sid: [ev.sentence_id for ev in e.evidence] for sid, e in events.items()}
    assert joined[1] == [1, 5] and joined[2] == [2, 5]  # two paragraphs back and more: the figures' claims
    assert joined[4] == [4] and events[4].status != "unverified"


def test_people_counted_bare_in_a_story_of_passengers_on_board_are_its_occupants():
    text = ("Bei einem Busunglück wurden mehrere Menschen verletzt.\n"
            "Das Busunternehmen hatte zunächst von 41 Menschen berichtet.\n"
            "Nach Angaben der Feuerwehr waren 36 Passagiere an Bord.\n")
    events = _events(text, {2: "Das Busunternehmen", 3: "der Feuerwehr"}, "de")
    assert events[2].status == events[3].status == "disputed"
    assert events[3].id in events[2].contradicted_by
    # with no count on board, bare people stay a count of nothing: no contest
    plain = _events("Das Busunternehmen hatte von 41 Menschen berichtet.\nDie Feuerwehr sprach von 36 Menschen.\n",
                    {1: "Das Busunternehmen", 2: "Die Feuerwehr"}, "de")
    assert plain[1].contradicted_by == [] and plain[2].contradicted_by == []


def test_a_time_word_the_model_wrote_into_a_source_is_no_part_of_its_name():
    text = "Ранее Генпрокуратура Казахстана опровергала наличие жертв среди мирных жителей.\n"
    events = _events(text, {1: "Ранее Генпрокуратура Казахстана"}, "ru")
    assert events[1].attribution.source == "Генпрокуратура Казахстана"


def test_a_dismissal_in_a_partys_own_words_answers_the_claim_and_a_toll_takes_the_source_named_after_it():
    text = ("Floods in the valley killed at least 12 people. That is the latest toll released by the regional fire "
            "service.\n"
            "A residents' group said 30 people had died.\n"
            '"That is nonsense," a spokeswoman for the fire service, Anna Berg, told reporters when asked about the '
            "group's figure.\n")
    events = _events(text, {1: "the outlet", 3: "A residents' group", 4: "Anna Berg"})
    assert events[1].attribution.source == "the regional fire service" and events[1].status == "disputed"
    assert events[3].status == "denied" and set(events[3].contradicted_by) == {events[1].id, events[4].id}
    assert events[4].contradicted_by == [events[3].id]
    text = ("Beim Brand in einer Lagerhalle sind mindestens 4 Menschen gestorben. Das ist die jüngste Bilanz der "
            "Feuerwehr.\n"
            "Ein Anwohnerverein sprach von 11 Toten.\n"
            "Ein Sprecher der Feuerwehr nannte diese Zahl „Unsinn“.\n")
    events = _events(text, {1: "the outlet", 3: "Ein Anwohnerverein", 4: "Ein Sprecher der Feuerwehr"}, "de")
    assert events[1].attribution.source == "Feuerwehr"
    assert events[3].status == "denied" and set(events[3].contradicted_by) == {events[1].id, events[4].id}
    text = ("La Junta Electoral cerró el recuento de 1.200 actas y aseguró que no hubo fraude.\n"
            "El partido opositor calificó el recuento de «espurio».\n")
    events = _events(text, {1: "La Junta Electoral", 2: "El partido opositor"}, "es")
    assert events[1].status == "denied" and events[1].contradicted_by == [events[2].id]
    assert events[2].contradicted_by == [events[1].id]


def test_the_outlets_own_toll_is_linked_to_a_partys_other_toll_but_not_its_background_or_other_figures():
    text = ("A landslide buried part of the village of Kamnik on Monday, killing at least 11 people.\n"
            "The village council said 17 people had died.\n"
            "Last year, floods in the same valley left 40 dead.\n"
            "The quarry above the village employs about 300 people.\n")
    events = _events(text, {1: "the outlet", 2: "The village council", 3: "the outlet", 4: "the outlet"})
    assert events[1].contradicted_by == [events[2].id] and events[2].contradicted_by == [events[1].id]
    assert events[1].status == "asserted" and events[2].status == "disputed"  # the outlet's own voice stays its own
    assert events[3].contradicted_by == [] and events[4].contradicted_by == []


def test_a_figure_named_back_and_dismissed_answers_it_whatever_relative_clause_follows():
    text = ("Il comitato dei residenti parla di almeno 15 vittime.\n"
            "Il prefetto ha definito quella cifra «una menzogna che offende i soccorritori».\n")
    events = _events(text, {1: "Il comitato dei residenti", 2: "Il prefetto"}, "it")
    assert events[1].status == "denied" and events[1].contradicted_by == [events[2].id]
    assert events[2].contradicted_by == [events[1].id] and events[2].status == "claimed"


def test_a_story_opening_with_the_report_it_calls_false_answers_the_report_given_after_it():
    text = ("Інформація про влучання у пасажирський потяг на Чернігівщині не відповідає дійсності, повідомила "
            "«Укрзалізниця».\n"
            "Раніше про влучання внаслідок російського удару писали деякі ЗМІ.\n")
    events = _events(text, {1: "«Укрзалізниця»", 2: "деякі ЗМІ"}, "uk")
    assert events[2].status == "denied" and events[2].contradicted_by == [events[1].id]
    text = ("Les informations sur une explosion à l'usine sont fausses, a déclaré la préfecture.\n"
            "Plusieurs médias locaux avaient fait état d'une explosion dans la matinée.\n")
    events = _events(text, {1: "la préfecture", 2: "Plusieurs médias locaux"}, "fr")
    assert events[2].status == "denied" and events[1].contradicted_by == [events[2].id]


def test_a_figure_counts_what_its_own_clause_says_not_the_next_figure_s():
    from summarizer.contests import quantities
    from summarizer.language import lexicon

    assert quantities("По данным МЧС, погибли не менее 5 человек, еще 8 пострадали.", lexicon("ru"), "ru") \
        == {"dead": {5.0}, "injured": {8.0}}
    assert quantities("At least 12 people were killed and 30 injured.", lexicon("en"), "en") \
        == {"dead": {12.0}, "injured": {30.0}}


def test_an_age_near_a_word_of_injury_is_no_count_that_contests_a_toll():
    text = ("Floods hit Kasese\n\nAt least 12 people were killed and 30 injured, the Red Cross said.\n\n"
            '"The water came like a wall," said Grace Atwine, 34, whose brother was injured.\n')
    events = _events(text, {2: "the Red Cross", 3: "Grace Atwine"})
    assert events[3].status == "claimed" and events[3].contradicted_by == []
    assert [n.text for n in events[3].numbers] == []


def test_a_count_of_another_year_is_no_rival_of_this_incidents_count():
    text = ("The provincial disaster agency pegged the death toll at 74 on Tuesday.\n"
            "Volunteers from the Red Crescent counted 112 bodies in the villages along the river.\n"
            "In 2019, the same agency recorded 41 flood deaths over the whole year.\n")
    events = _events(text, {1: "The provincial disaster agency", 2: "Volunteers from the Red Crescent",
                            3: "the same agency"})
    assert events[1].contradicted_by == [events[2].id] and events[2].contradicted_by == [events[1].id]
    assert events[3].contradicted_by == [] and events[3].status == "claimed"


def test_the_day_a_source_spoke_is_not_the_day_of_what_it_counts():
    text = ("The national emergency council said Wednesday the death toll had reached 212.\n\n"
            "Aid arrived in the valley.\n\nRoads reopened.\n\n"
            "Red Cross spokesman Piet Hallam said on Thursday that its teams had counted 260 dead.\n")
    events = _events(text, {1: "The national emergency council", 4: "Red Cross spokesman Piet Hallam"})
    assert events[1].contradicted_by == [events[4].id] and events[4].status == "disputed"


def test_a_spokeswoman_set_off_with_her_bodys_title_is_no_rival_of_that_body():
    text = ("La Agencia de Emergencias informó el martes que 14 personas han muerto.\n"
            "Lucía Ferrán, portavoz de la Agencia de Emergencias, dijo que el número de muertos podría llegar a 16.\n"
            "El sindicato de bomberos aseguró que hay 19 muertos.\n")
    events = _events(text, {1: "La Agencia de Emergencias", 2: "Lucía Ferrán", 3: "El sindicato de bomberos"}, "es")
    assert events[2].id not in events[1].contradicted_by and events[1].id not in events[2].contradicted_by
    assert events[3].id in events[1].contradicted_by and events[3].id in events[2].contradicted_by


def test_a_toll_named_far_before_its_figure_counts_the_dead():
    from summarizer.contests import quantities
    from summarizer.language import lexicon

    sentence = ("But the regional governor said the official toll from the quake that levelled much of the old town "
                "of Velm remained at 180.")
    assert quantities(sentence, lexicon("en"), "en") == {"dead": {180.0}}
    assert quantities("The number of schools damaged in the region rose to 40.", lexicon("en"), "en") == {}


def test_a_denial_after_a_question_answers_the_party_the_question_names():
    text = ("Volunteers from the Red Crescent counted 112 bodies in the villages.\n"
            "Harbour master Lena Osk said the port would stay closed until Friday.\n"
            "Asked about the Red Crescent's figure, agency spokesman Tomas Reyl replied: \"Not true.\"\n")
    events = _events(text, {1: "Volunteers from the Red Crescent", 2: "Harbour master Lena Osk",
                            3: "agency spokesman Tomas Reyl"})
    assert events[1].status == "denied" and events[1].contradicted_by == [events[3].id]
    assert events[2].status == "claimed" and events[2].contradicted_by == []
    text = ("Les pompiers ont recensé 27 blessés.\n"
            "Le maire, Jean-Luc Barrot, a indiqué que l'école voisine resterait fermée.\n"
            "Interrogée sur le chiffre des pompiers, la préfecture a démenti : « C'est faux ».\n")
    events = _events(text, {1: "Les pompiers", 2: "Le maire, Jean-Luc Barrot", 3: "la préfecture"}, "fr")
    assert events[1].status == "denied" and events[2].status == "claimed"


def test_a_figure_the_source_relays_from_another_party_is_no_earlier_count_of_its_own():
    text = ("La fiscal explicó que, según la información de la Policía Nacional, se detuvieron 73.178 personas.\n"
            "No obstante, señaló que la Fiscalía tiene registradas solo 32.578 detenciones.\n")
    events = _events(text, {1: "La fiscal", 2: "La fiscal"}, "es")
    assert events[1].superseded_by is None and events[2].superseded_by is None
    text = ("At least 19 people were killed, the health ministry said.\n"
            "The health ministry later raised its count of the dead to 27.\n")
    events = _events(text, {1: "the health ministry", 2: "The health ministry"})
    assert events[1].superseded_by == events[2].id  # its own count, revised


def test_a_hedged_sentence_is_the_outlets_unverified_claim_that_a_party_may_deny():
    text = ("Der Betriebsrat spricht von 1.400 Stellen, die in Gefahr seien.\n"
            "Angeblich plant der Konzern zudem, die Batteriefertigung nach Polen zu verlagern.\n"
            "Ein Unternehmenssprecher wies das zurück.\n")
    events = _events(text, {1: "Der Betriebsrat", 2: "Der Betriebsrat", 3: "Ein Unternehmenssprecher"}, "de")
    assert events[2].attribution.source_type == "outlet"  # "Angeblich": no one's Konjunktiv goes on
    assert events[2].status == "denied" and events[2].contradicted_by == [events[3].id]
    assert events[1].status == "claimed" and events[1].contradicted_by == []  # not what "das" answers
    events = _events("Rescue teams reportedly pulled a family of five alive from a collapsed school in Desh.\n",
                     {1: "the outlet"})
    assert events[1].status == "unverified"
    assert 2 in candidates(segment("Der Betriebsrat sprach am Montag mit der Geschäftsführung.\n"
                                   "Angeblich plant der Konzern zudem, die Fertigung zu verlagern.\n", "de"),
                           fill=0, language="de")


def test_a_denial_of_that_with_words_of_its_own_answers_the_sentence_right_before_it():
    text = ("The port authority said the ferry was carrying about 90 passengers.\n"
            "Survivors said the ferry had been overloaded with cargo.\n"
            "The operator, Blue Lagoon Marine, denied that, saying the boat had been inspected on Thursday.\n")
    events = _events(text, {1: "The port authority", 2: "Survivors", 3: "Blue Lagoon Marine"})
    assert events[2].status == "denied" and events[2].contradicted_by == [events[3].id]
    assert events[1].contradicted_by == []


def test_a_bare_denial_answers_only_the_sentence_right_before_it():
    text = ("The union said 1,400 jobs were at risk.\n"
            "The weather was mild on Monday as workers gathered at the gate of the plant.\n"
            "A company spokesman denied this.\n")
    events = _events(text, {1: "The union", 3: "A company spokesman"})
    assert events[1].status == "claimed" and events[1].contradicted_by == []


def test_a_share_of_a_total_or_of_a_subgroup_is_no_rival_figure():
    from summarizer.contests import quantities
    from summarizer.language import lexicon

    assert quantities("About 4 800 of the deaths were in the region's capital, Desh, alone, he said.",
                      lexicon("en"), "en") == {}
    assert quantities("Quelque 30 des victimes venaient du seul village de Lindu, selon la Ligue.",
                      lexicon("fr"), "fr") == {}
    assert quantities("Il ministero ha aggiunto che i minori non accompagnati arrivati a marzo sono stati 402.",
                      lexicon("it"), "it") == {}
    assert quantities("The defence ministry said 20 people had died, most of them armed men.",
                      lexicon("en"), "en") == {"dead": {20.0}}  # "most of them" describes, it takes no share


@pytest.mark.parametrize("text, language, counted", [
    ("A magnitude 5.9 earthquake struck Van late on Monday, killing at least eight people and injuring 61.", "en",
     {"dead": {8.0}, "injured": {61.0}}),
    ("Un sismo de magnitud 6,1 sacudió la provincia y dejó al menos 11 muertos y 74 heridos.", "es",
     {"dead": {11.0}, "injured": {74.0}}),
    ("Ein Beben der Stärke 5,9 hat mindestens acht Menschen getötet.", "de", {"dead": {8.0}}),
])
def test_a_measure_named_before_its_figure_counts_nothing(text, language, counted):
    """"a magnitude 5.9 earthquake ..., killing eight": 5.9 is the quake's magnitude (`measures_before`), no toll."""
    from summarizer.contests import quantities
    from summarizer.language import lexicon

    assert quantities(text, lexicon(language), language) == counted


def test_arrivals_jobs_and_deaths_in_other_words_are_quantities():
    text = ("Secondo il ministero dell'Interno, a marzo sono sbarcati 3.912 migranti, in calo del 12% rispetto allo "
            "stesso mese del 2023.\n"
            "Per lo stesso mese, l'agenzia europea Frontex conta invece oltre 4.600 arrivi.\n")
    events = _events(text, {1: "il ministero dell'Interno", 2: "l'agenzia europea Frontex"}, "it")
    assert events[1].contradicted_by == [events[2].id]  # 2023 is a comparison's year, not the count's
    text = ("Selon le gouvernorat de Kessa, 48 personnes ont trouvé la mort dans le naufrage.\n"
            "« 112 personnes ont péri dans ce drame », a déclaré Aïcha Doumbia, présidente de la Ligue.\n")
    events = _events(text, {1: "le gouvernorat de Kessa", 2: "Aïcha Doumbia"}, "fr")
    assert events[1].status == events[2].status == "disputed"
    text = ("El sindicato CTM cifró en 1.150 los despidos previstos para este año, frente a los 300 de 2023.\n"
            "La dirección de la empresa aseguró que los despidos no superarán los 620 puestos.\n")
    events = _events(text, {1: "El sindicato CTM", 2: "La dirección de la empresa"}, "es")
    assert events[1].contradicted_by == [events[2].id]


def test_another_official_is_another_speaker_not_another_incident():
    text = ("Valk said the confirmed figures so far are 7 150 dead.\n"
            "Another official, the region's minister for works, Imre Sollo, said an estimated 15,000 people were "
            "killed.\n"
            "In a separate incident, a bus crash killed 12 people, police said.\n")
    events = _events(text, {1: "Valk", 2: "Imre Sollo", 3: "police"})
    assert events[1].contradicted_by == [events[2].id]
    assert events[3].contradicted_by == []


def test_a_lede_that_dismisses_a_report_answers_what_the_report_says_later():
    text = ("Kestrel Motors on Tuesday dismissed a report by the business weekly Ledger claiming the carmaker is "
            "preparing to cut 12,000 jobs.\n"
            "The weekly Ledger wrote last Friday that Kestrel would cut about 15% of its workforce.\n")
    events = _events(text, {1: "Kestrel Motors", 2: "The weekly Ledger"})
    assert events[2].status == "denied" and events[2].contradicted_by == [events[1].id]


def test_a_figure_that_adds_to_an_earlier_count_is_no_rival_count():
    from summarizer.contests import quantities
    from summarizer.language import lexicon

    for language, sentence in [("es", "En la tarde de este sábado perecieron cinco personas más."),
                               ("en", "Rescuers found five more bodies near the fence."),
                               ("it", "Sono stati trovati 3 corpi in più sotto le macerie.")]:
        assert quantities(sentence, lexicon(language), language) == {}, sentence
    # "more" that adds nothing: a lower bound, or another clause's word
    assert quantities("The toll had reached 2,600 or more by Thursday night.", lexicon("en"), "en") == \
        {"dead": {2600.0}}
    assert quantities("The ministry raised its count of the dead to 27, saying more bodies were found.",
                      lexicon("en"), "en") == {"dead": {27.0}}


def test_a_hedge_inside_a_relative_clause_or_a_phrase_leaves_the_sentence_the_outlets():
    from summarizer.language import is_hedged

    assert is_hedged("Rescue teams reportedly pulled a family of five alive from the school.", "en")
    assert not is_hedged("Three executives were indicted over schemes in which they allegedly padded their "
                         "paychecks.", "en")
    assert not is_hedged("Also charged: Taylor, who allegedly used his position to earn commissions.", "en")
    assert not is_hedged("Информацию о якобы сотнях погибших распространил пранкер.", "ru")
    assert is_hedged("Удар нібито був спрямований по складу боєприпасів.", "uk")


def test_a_figures_clause_and_its_scale_decide_what_it_counts():
    from summarizer.contests import quantities
    from summarizer.language import lexicon

    def q(text, language="en"):
        return quantities(text, lexicon(language), language)

    # the clause that names the toll ends at the comma after its figure
    assert q("Although the official death toll in Assam is just 48, relief groups claim hundreds are missing.") == \
        {"dead": {48.0}}
    # a number word before a scale word is no figure of its own
    assert q("Информацию о якобы двух сотнях погибших распространил блогер.", "ru") == {}
    assert q("трупов гораздо больше — «около 200».", "ru") == {"dead": {200.0}}
    assert q("Las estadísticas solo reconocen 412 entradas por vía terrestre.", "es") == {"arrivals": {412.0}}
    assert q("Le statistiche ufficiali parlano di 870 casi di legionella.", "it") == {"cases": {870.0}}
    assert q("a siderúrgica CSN demitiu 420 trabalhadores", "pt") == {"jobs": {420.0}}


def test_a_rejection_answers_the_party_it_names_and_not_its_own_sides_figures():
    text = ("Das georgische Innenministerium hat die Angaben einer Bürgerrechtsgruppe als „erfunden“ bezeichnet und "
            "zurückgewiesen.\n"
            "Die Gruppe Freie Stimme hatte am Montag von mindestens 640 Festnahmen berichtet.\n"
            "Nach georgischen Angaben sind bei den Protesten 212 Menschen festgenommen worden.\n"
            "Die Zahlen seien übertrieben, sagte der georgische Ministeriumssprecher Lascha Beridse.\n")
    events = _events(text, {1: "Das georgische Innenministerium", 2: "Die Gruppe Freie Stimme",
                            3: "georgischen Angaben", 4: "der georgische Ministeriumssprecher Lascha Beridse"}, "de")
    assert events[2].status == "denied"
    assert events[3].status == "disputed"  # 212 against 640; no Georgian denies it
    assert set(events[4].contradicted_by) == {events[2].id}
    text = ("Le président a été réélu avec 58,2 % des voix, selon le ministre de l'Intérieur.\n"
            "Ce résultat confirme celui annoncé mercredi par la Commission électorale nationale indépendante "
            "(CENI), avec 64 % des voix.\n"
            "L'opposition a rejeté jeudi les résultats de la CENI.\n"
            "La coalition a publié ses propres résultats.\n")
    events = _events(text, {1: "le ministre de l'Intérieur", 2: "la Commission électorale nationale indépendante",
                            3: "L'opposition", 4: "La coalition"}, "fr")
    assert events[3].contradicted_by == [events[2].id] and events[2].status == "denied"
    assert events[1].status == "disputed" and events[4].status == "claimed"


def test_a_denial_that_names_figures_back_answers_them_in_other_words():
    text = ("O presidente do sindicato, Edimar Rocha, afirmou que a siderúrgica CSN demitiu 420 trabalhadores.\n"
            "Procurada pela reportagem, a CSN não confirmou os números e negou que esteja promovendo demissões em "
            "massa.\n")
    events = _events(text, {1: "Edimar Rocha", 2: "a CSN"}, "pt")
    assert events[1].status == "denied" and events[2].contradicted_by == [events[1].id]


def test_a_figure_counts_up_to_the_next_figure_and_two_capitals_name_a_party():
    from summarizer.contests import quantities
    from summarizer.language import lexicon
    from summarizer.sources import same_source

    assert quantities("Per i Fratelli musulmani le vittime sono oltre 4500 con 10.000 feriti.", lexicon("it"),
                      "it") == {"dead": {4500.0}, "injured": {10000.0}}
    assert same_source("официальный представитель СК России Владимир Маркин", "СК")
    assert not same_source("the EU", "the UN")


def test_a_breakdown_in_two_figures_revises_no_earlier_total():
    text = ("The Committee of Doctors said 108 people were killed in the crackdown.\n"
            "According to the Committee, there was a hospital registry of 64 deaths and over 40 bodies had been "
            "recovered from the Nile.\n"
            "The Committee later raised its count of the dead to 113.\n")
    events = _events(text, {1: "The Committee of Doctors", 2: "the Committee", 3: "The Committee"})
    assert events[1].superseded_by == events[3].id  # a new total revises the old one
    assert events[2].superseded_by is None or events[2].superseded_by == events[3].id
    assert events[1].superseded_by != events[2].id  # the breakdown revises nothing


def test_a_new_total_with_another_figure_beside_it_still_revises():
    text = ("At least 27 people were killed, the ministry said.\n"
            "The ministry later said 35 people had been killed and 12 others were killed in landslides.\n")
    events = _events(text, {1: "the ministry", 2: "The ministry"})
    assert events[1].superseded_by == events[2].id


def test_a_count_of_another_year_revises_no_count_of_the_day():
    text = ("The unions said 2 million workers joined the general strike on Friday.\n"
            "The unions said it beat the general strike of 1994, when 1.5 million workers joined.\n")
    events = _events(text, {1: "The unions", 2: "The unions"})
    assert events[1].superseded_by is None and events[2].superseded_by is None


@pytest.mark.parametrize("language, sentence, expected", [
    # a share of a count is no rival count ("19 of those killed", "17 der Verletzten", "17 из задержанных")
    ("en", "Osei said 19 of those killed died inside the square.", {}),
    ("de", "Nach Angaben des Ministeriums wurden 42 Menschen verletzt, 17 der Verletzten waren Polizisten.",
     {"injured": {42.0}}),
    ("ru", "Правозащитники сообщили о 300 задержанных, 17 из задержанных — несовершеннолетние.",
     {"detained": {300.0}}),
    ("fr", "Les policiers ont blessé 14 manifestants, 3 d'entre eux gravement.", {"injured": {14.0}}),
    ("fr", "Il a été réélu avec 58,2 % des voix.", {"votes": {58.2}}),  # a percentage of the votes counts them
    # a verb of what happened to people counts them, not a crowd
    ("it", "Gli agenti hanno ucciso 16 manifestanti durante le proteste.", {"dead": {16.0}}),
    ("pt", "Os agentes mataram 7 manifestantes durante a dispersão.", {"dead": {7.0}}),
    ("en", "Police said 5,000 protesters marched and 12 protesters were arrested.",
     {"participants": {5000.0}, "detained": {12.0}}),
    ("en", "Kadyrov said 32 of those who died were government troops.", {}),
    # a count "at 75,000 in the morning" is no hour; attendees are a crowd
    ("en", "Organizers put the crowd at 75,000 in the morning.", {"participants": {75000.0}}),
    ("en", "Some conservative blogs claimed 2 million attendees.", {"participants": {2000000.0}}),
    ("it", "Sui bus un’adesione media oltre il 70 per cento e nella logistica oltre il 60.", {"turnout": {60.0, 70.0}}),
    # (only what is done to people: "mobilisation" before the marchers counts no other thing)
    ("fr", "La mobilisation a réuni 480 000 manifestants selon la police.", {"participants": {480000.0}}),
    # losing one's home is being displaced; a scale word in any case
    ("es", "Según Acnur 40.000 personas han perdido su vivienda.", {"displaced": {40000.0}}),
    ("ru", "В полиции назвали данные о 40 тысячах участников ложными.", {"participants": {40000.0}}),
    # a gap between two counts is no count; a multiple is no figure
    ("de", "14.500 Menschen: Um diese Zahl unterscheiden sich die Angaben beider Seiten.", {}),
    ("es", "La diferencia entre ambas cifras, 90.000 personas, es la mayor registrada.", {}),
    ("uk", "Різниця між підрахунками поліції та партії становить понад 10 тисяч людей.", {}),
    ("de", "Die Polizei zählte 9.000 Teilnehmer, die Veranstalter 24.000 – ein Unterschied von 15.000.",
     {"participants": {9000.0, 24000.0}}),
    ("fr", "Selon un médecin, le nombre de blessés est trois fois plus élevé que celui des 40 morts.",
     {"dead": {40.0}}),
])
def test_what_a_figure_counts(language, sentence, expected):
    from summarizer.contests import quantities
    from summarizer.language import lexicon

    assert quantities(sentence, lexicon(language), language) == expected


def test_a_denial_answers_the_other_party_never_its_own_and_its_repeated_figure_is_not_its_own():
    text = ("Die Polizei zählte rund 8.000 Teilnehmer, während die Veranstalter von 25.000 Menschen sprachen.\n"
            "Ein Polizeisprecher wies die Angaben der Veranstalter als weit übertrieben zurück.\n")
    events = _records(text, {1: "Die Polizei", 2: "Ein Polizeisprecher"}, "de")
    police, organisers, spokesman = events
    assert organisers.status == "denied" and spokesman.contradicted_by == [organisers.id]
    assert police.status == "disputed" and spokesman.id not in police.contradicted_by
    text = ("МВД насчитало 12 тысяч участников, организаторы — 40 тысяч.\n"
            "В полиции назвали данные организаторов о 40 тысячах участников не соответствующими действительности.\n")
    events = _records(text, {1: "МВД", 2: "В полиции"}, "ru")
    ministry, organisers, police = events
    assert organisers.status == "denied" and police.contradicted_by == [organisers.id]  # not the ministry's 12 000


def test_a_figure_named_by_its_noun_counts_what_its_source_counted_before_and_revises_it():
    text = ("Las fuerzas de seguridad mataron a 6 saqueadores en Puerto Alto, según la Fiscalía.\n"
            "La Fiscalía elevó después la cifra a 9.\n")
    events = _events(text, {1: "la Fiscalía", 2: "La Fiscalía"}, "es")
    assert events[1].superseded_by == events[2].id


def test_a_speaker_of_a_party_is_that_party():
    from summarizer.contests import party_of
    from summarizer.language import lexicon

    assert party_of("Ein Polizeisprecher", "Die Polizei", lexicon("de"))
    assert party_of("an army spokesman", "the army", lexicon("en"))
    assert not party_of("the Defence Ministry", "the Interior Ministry", lexicon("en"))
    assert not party_of("Un portavoz del ejército", "Un portavoz de las FAR", lexicon("es"))
    # a word of the other side ("rebel", "des rebelles") makes another party of the same title
    assert not party_of("rebel military spokesman Rasiah Perera", "a military spokesman", lexicon("en"))
    assert not party_of("le porte-parole militaire des rebelles, Paul Diallo", "un porte-parole militaire",
                        lexicon("fr"))
    assert party_of("a rebel military spokesman", "the rebels", lexicon("en"))


def test_a_gap_between_two_counts_contests_neither():
    text = ("Die Polizei zählte am Freitag rund 9.500 Teilnehmer.\n"
            "Die Veranstalter sprechen dagegen von 24.000 Menschen.\n"
            "14.500 Menschen: Um diese Zahl unterscheiden sich die Angaben beider Seiten.\n")
    events = _events(text, {1: "Die Polizei", 2: "Die Veranstalter", 3: "the outlet"}, "de")
    assert events[1].contradicted_by == [events[2].id] and events[2].contradicted_by == [events[1].id]
    assert events[3].contradicted_by == [] and events[3].status == "asserted"


def test_a_statement_quoted_over_paragraphs_is_the_speakers_and_its_denial_answers_the_other_figure():
    text = ("The Carrow Motors unions said on Tuesday that 900 jobs would go at the company's Pellworth plant.\n\n"
            'In a statement, Carrow Motors said: "The number of voluntary departures at Pellworth is 320. We have '
            "already received 410 applications.\n\n"
            '"There are no other redundancies planned, and the figure of 900 given by the unions is wrong.\n\n'
            '"In total, 380 posts will go, not 900."\n\n'
            "The unions did not respond to the statement.\n")
    records = _records(text, {1: "The Carrow Motors unions", 2: "Carrow Motors", 3: "the outlet", 4: "the outlet",
                              5: "the outlet"})
    by_sentence = {e.evidence[0].sentence_id: e for e in records}
    assert [by_sentence[i].attribution.source for i in (3, 4, 5)] == ["Carrow Motors"] * 3
    assert by_sentence[1].status in ("denied", "disputed") and by_sentence[1].contradicted_by


@pytest.mark.parametrize("language, sentence, expected", [
    # a figure of a kind the language data has no word for is named by its noun, or a share by the word before it
    ("de", "Das Innenministerium erklärte, seine Prognose gehe von 450.000 Asylbewerbern aus.",
     {"~asylb": {450000.0}}),
    ("en", "Kapur said the budget surplus in 2019 was 5.1 percent.", {"~%surpl": {5.1}}),
    ("ru", "В Минздраве заявили, что в реестре 3 миллиона записей.", {"~запис": {3000000.0}}),
])
def test_a_figure_of_an_unlisted_kind_is_named_by_its_words(language, sentence, expected):
    from summarizer.contests import quantities
    from summarizer.language import lexicon

    assert quantities(sentence, lexicon(language), language) == expected


def test_the_figures_of_one_quoted_statement_are_its_parts_not_revisions():
    text = ('In a statement, Carrow Motors said: "The number of posts cut at Pellworth is 400.\n\n'
            '"In addition, 250 agency positions will go at the Tilbury site."\n')
    records = _records(text, {1: "Carrow Motors", 2: "the outlet"})
    assert [e.attribution.source for e in records] == ["Carrow Motors", "Carrow Motors"]
    assert [e.superseded_by for e in records] == [None, None]


def test_a_sentence_inside_a_quotation_is_a_candidate_with_no_cue_or_figure_of_its_own():
    text = ("Carrow Motors rejects union figure\n\n"
            'In a statement, Carrow Motors said: "There are no other redundancies planned at the plant. Everyone '
            "who wants to stay with the company will do so at the plant.\n\n"
            "The weather in the region stayed mild for most of the week ahead of the talks.\n")
    sentences = segment(text, "en")
    chosen = candidates(sentences, headline=(1,), fill=0, language="en")
    assert 3 in chosen and 4 not in chosen  # the quote's second sentence; not the outlet's aside


@pytest.mark.parametrize("second, rejection", [
    # a rejection naming its figure answers the claim that gives it, not the last figure before it
    ("Laut einem Bericht des «Nordbote» sollen allein im Werk Kassel 900 Arbeitsplätze wegfallen.",
     "«Die Zahl von 4.000 entbehrt jeglicher Grundlage und ist Schwachsinn.»"),
    # "this figure" answers the last claim that gives one, not a sentence with none
    ("Das Unternehmen bestätigte die Zahl nicht.", "«Diese Zahl entbehrt jeglicher Grundlage.»"),
])
def test_a_rejection_of_a_figure_answers_the_claim_that_gives_it(second, rejection):
    text = ("Nach einem Bericht des «Wirtschaftskurier» könnte Halvorsen bis zu 4.000 Stellen streichen.\n"
            f"{second}\nDer Betriebsrat erklärte: {rejection}\n")
    events = _events(text, {1: "Wirtschaftskurier", 2: "the second", 3: "Der Betriebsrat"}, "de")
    assert events[3].contradicted_by == [events[1].id] and events[1].status == "denied"
    assert events[2].contradicted_by == [] and events[2].status == "claimed"


def test_what_a_measure_weighs_tells_two_quantities_apart():
    from summarizer.contests import quantities
    from summarizer.language import lexicon

    lex = lexicon("uk")
    assert quantities("Посуха знищила 2 млн тонн кукурудзи.", lex, "uk") == {"tonnes:кукур": {2e6}}
    assert quantities("Порти відвантажили 3,9 млн тонн зерна.", lex, "uk") == {"tonnes:зерна": {3.9e6}}
    assert quantities("Урожай становитиме 38,5 млн тонн, прогнозує міністерство.", lex, "uk") == {"tonnes": {38.5e6}}


def test_the_outlets_own_figure_in_reality_disputes_the_partys():
    text = ("Rail Atlantique revendique 18 000 voyageurs par jour sur la ligne.\n"
            "En réalité, la ligne transporte aujourd'hui moins de 14 000 voyageurs par jour.\n"
            "La ligne transporte aussi 300 vélos par jour.\n")
    events = _events(text, {1: "Rail Atlantique", 2: "the outlet", 3: "the outlet"}, "fr")
    assert events[1].contradicted_by == [events[2].id] and events[2].contradicted_by == [events[1].id]
    assert events[3].contradicted_by == []


def test_a_rebuttal_of_a_partys_figures_answers_all_its_claims():
    text = ("Secondo le stime dell'Eco dell'Adige i visitatori sono stati appena un milione.\n"
            "L'Eco dell'Adige scrive che il 35% dei biglietti sarebbe stato distribuito in omaggio.\n"
            "Il Comune respinge i numeri dell'Eco: «Sono fantasiosi e costruiti su campioni parziali».\n")
    events = _events(text, {1: "Eco dell'Adige", 2: "L'Eco dell'Adige", 3: "Il Comune"}, "it")
    assert set(events[3].contradicted_by) == {events[1].id, events[2].id}
    assert events[1].status == events[2].status == "denied"


def test_a_sentence_that_only_denies_is_a_candidate():
    text = ("Скандал у львівській школі\n\n"
            "У Львові батьки однієї з учениць відмовилися скидатися на покупку нових меблів для класу.\n\n"
            "У школі ж всі звинувачення відкидають.\n\n"
            "Погода у Львові цього тижня залишалася теплою і сухою.\n")
    sentences = segment(text, "uk")
    chosen = candidates(sentences, headline=(1,), fill=0, language="uk")
    assert 3 in chosen and 4 not in chosen  # the answer; not the outlet's aside


def test_a_denial_that_names_no_claim_answers_what_others_say_of_the_denier():
    cases = [("es", "Según la fiscalía, los tres acusados entraron en la joyería armados.\n"
                    "Los tres acusados han negado cualquier implicación en el robo.\n"
                    "El abogado de la defensa criticó la lentitud de la investigación.\n",
              {1: "la fiscalía", 2: "Los tres acusados", 3: "El abogado de la defensa"}),
             ("fr", "Le quotidien a affirmé que Karim Benali aurait été contrôlé positif.\n"
                    "Karim Benali a démenti s'être jamais dopé.\n",
              {1: "Le quotidien", 2: "Karim Benali"})]
    for language, text, sources in cases:
        events = _events(text, sources, language)
        assert events[1].status == "denied" and events[2].id in events[1].contradicted_by, language
        assert events[1].id in events[2].contradicted_by, language
    assert events[2].contradicted_by == [events[1].id]
    es = _events(*cases[0][1:], "es")
    assert es[3].contradicted_by == []  # criticism of the inquiry denies nothing said of the defence


def test_a_figure_said_to_be_there_counts_the_place_named_before():
    text = ("Die Gewerkschaft Verdi zählte nach eigenen Angaben 60.000 Teilnehmer.\n"
            "In Dresden sprach die Polizei von 20.000 Teilnehmern.\n"
            "In Leipzig kamen die Beamten aber nur auf 9.000 Teilnehmer.\n"
            "Verdi zählte dort 18.000 Menschen.\n")
    events = _events(text, {1: "Die Gewerkschaft Verdi", 2: "die Polizei", 3: "die Beamten", 4: "Verdi"}, "de")
    assert events[3].contradicted_by == [events[4].id] and events[4].contradicted_by == [events[3].id]


def test_a_denial_of_involvement_answers_no_request_of_the_accusers():
    text = ("Según la fiscalía, los dos acusados prendieron fuego a la nave para cobrar el seguro.\n"
            "La fiscalía pide ocho años de prisión para cada uno de ellos.\n"
            "Los dos acusados han negado cualquier relación con el fuego.\n")
    events = _events(text, {1: "la fiscalía", 2: "La fiscalía", 3: "Los dos acusados"}, "es")
    assert events[3].contradicted_by == [events[1].id] and events[3].id in events[1].contradicted_by
    assert events[2].contradicted_by == [] and events[2].status == "claimed"


def test_figures_given_place_by_place_conflict_only_in_the_same_place():
    text = ("Die Veranstalter zählten in Berlin 70.000 Teilnehmer, in Hamburg 45.000 und in Köln 20.000.\n"
            "In Berlin sprach auch die Polizei von 70.000 Teilnehmern.\n"
            "In Hamburg kam die Polizei dagegen nur auf 30.000 Teilnehmer.\n")
    events = _events(text, {1: "Die Veranstalter", 2: "die Polizei", 3: "die Polizei"}, "de")
    assert events[2].contradicted_by == []  # Berlin: the same figure from both sides
    assert events[3].id in events[1].contradicted_by and events[1].id in events[3].contradicted_by


def test_a_figure_a_total_includes_is_no_conflict_with_it():
    text = ("The company said 599 signal workers reported for duty.\n"
            "The union said the figure included 342 of its members.\n")
    events = _events(text, {1: "The company", 2: "The union"})
    assert events[1].contradicted_by == [] and events[2].contradicted_by == []


def test_a_person_told_by_what_they_are_after_a_quote_is_the_one_named_before():
    text = ("Le sprinteur Karim Benali a démenti jeudi s'être jamais dopé.\n"
            "Plusieurs médias ont rapporté mercredi qu'il aurait été contrôlé positif.\n"
            "«C'est un mensonge», a réagi le champion sur son compte Instagram.\n")
    events = _events(text, {1: "Karim Benali", 2: "Plusieurs médias", 3: "le champion"}, "fr")
    assert "Karim Benali" in events[3].attribution.source


def test_the_accused_deny_what_the_accusers_say_of_them_and_nothing_else():
    cases = [("en", "Prosecutors say the former mayor, Tom Reyes, took bribes worth $2 million from a builder.\n"
                    "Investigators also allege that part of the money reached an account held by Reyes's cousin.\n"
                    "The victim's family says the builder's crane fell on their house in 2021.\n"
                    "The accused denied any wrongdoing.\n",
              {1: "Prosecutors", 2: "Investigators", 3: "The victim's family", 4: "The accused"}),
             ("it", "La procura accusa due funzionari comunali di aver truccato un appalto per le scuole.\n"
                    "Secondo la famiglia della vittima, il tetto era crollato già nel 2021.\n"
                    "Gli imputati hanno respinto ogni accusa in aula.\n",
              {1: "La procura", 2: "la famiglia della vittima", 3: "Gli imputati"})]
    for language, text, sources in cases:
        events = _events(text, sources, language)
        last = max(events)
        denied = {sid for sid, e in events.items() if events[last].id in e.contradicted_by}
        assert denied == {sid for sid, source in sources.items()
                          if source in ("Prosecutors", "Investigators", "La procura")}, language


def test_a_flat_never_answers_what_others_say_of_its_speaker():
    cases = [("es", "Según la fiscal, el principal procesado, Luis Moreno, condujo el camión robado.\n"
                    "Según la fiscal, los otros dos procesados vigilaban la nave.\n"
                    "El principal acusado aseguró que nunca ha conducido un camión.\n",
              {1: "la fiscal", 2: "la fiscal", 3: "El principal acusado"}, {1}),
             ("fr", "Le sauteur Paul Marchand a été suspendu jeudi par sa fédération.\n"
                    "Selon le journal, l'athlète aurait acheté des produits interdits.\n"
                    "La ministre des Sports a annoncé qu'elle recevrait la fédération lundi.\n"
                    "«Je n'ai jamais rien acheté de tel», a réagi le sauteur.\n",
              {1: "the outlet", 2: "le journal", 3: "La ministre des Sports", 4: "le sauteur"}, {2}),
             ("ru", "По версии следствия, бывший мэр Иван Петров получил взятку.\n"
                    "«Никаких денег Петров никогда не получал», — заявил его адвокат.\n",
              {1: "следствия", 2: "его адвокат"}, {1})]
    for language, text, sources, answered in cases:
        events = _events(text, sources, language)
        last = max(events)
        assert {sid for sid, e in events.items() if events[last].id in e.contradicted_by} == answered, language
    plain = _events("The minister said the bridge would reopen in May.\n"
                    "The mayor said the town had never seen such floods.\n", {1: "The minister", 2: "The mayor"})
    assert plain[1].contradicted_by == [] and plain[2].contradicted_by == []  # a "never" said of no one


def test_a_spokesman_of_the_company_answers_others_not_its_compound_named_company():
    text = ("Der Rechnungshof schreibt, der Tunnel werde zwei Milliarden Euro mehr kosten.\n"
            "Die Projektgesellschaft veranschlagt 2,4 Milliarden Euro.\n"
            "Ein Sprecher der Gesellschaft nannte den Bericht „unsauber“.\n")
    events = _events(text, {1: "Der Rechnungshof", 2: "Die Projektgesellschaft", 3: "Ein Sprecher der Gesellschaft"},
                     "de")
    assert events[2].id not in events[3].contradicted_by
    assert events[1].id in events[3].contradicted_by


def test_a_bare_figure_in_a_story_of_a_gathering_counts_its_crowd():
    text = ("Miles de personas acudieron el domingo a la concentración de Tolosa contra el cierre del hospital.\n"
            "¿Pero cuántos miles? Según la Subdelegación del Gobierno, 12.000.\n"
            "La plataforma vecinal habló de «más de 30.000».\n")
    events = _events(text, {1: "the outlet", 3: "la Subdelegación del Gobierno", 4: "La plataforma vecinal"}, "es")
    assert events[4].id in events[3].contradicted_by and events[3].id in events[4].contradicted_by  # (2: a question)


def test_another_partys_figure_with_no_word_of_its_own_counts_what_the_one_before_counts():
    text = ("A polícia estimou em 8 mil o número de manifestantes na praça central.\n"
            "O sindicato fala em 40 mil, cinco vezes mais.\n")
    events = _events(text, {1: "A polícia", 2: "O sindicato"}, "pt")
    assert events[2].id in events[1].contradicted_by


def test_a_count_of_none_disputes_another_partys_figure_and_a_refusal_counts_nothing():
    text = ("Villagers said soldiers burned 43 civilians to death in Kivu on Monday.\n"
            "The army said it killed 17 rebels but no civilians in the operation.\n")
    events = _events(text, {1: "Villagers", 2: "The army"})
    assert events[2].id in events[1].contradicted_by
    refusal = _events("The company said it would cut 300 jobs by December.\n"
                      "«No vamos a aceptar ni un solo despido», dijo la presidenta del comité.\n",
                      {1: "The company", 2: "la presidenta del comité"}, "es")
    assert refusal[2].contradicted_by == []


def test_nobody_counted_is_a_count_of_none():
    text = ("The fire chief said 2 workers are still missing.\n"
            "The sheriff said every worker has been found and nobody is missing.\n")
    events = _events(text, {1: "The fire chief", 2: "The sheriff"})
    assert events[2].id in events[1].contradicted_by
    assert events[1].id in events[2].contradicted_by
    unknown = _events("The fire chief said 2 workers are still missing.\n"
                      "The sheriff said nobody knows how the fire started.\n", {1: "The fire chief", 2: "The sheriff"})
    assert unknown[1].contradicted_by == []


@pytest.mark.parametrize(("language", "text", "sources"), [
    ("fr", "L'armée malienne a affirmé avoir tué 40 assaillants près de Tessit.\n"
           "Le groupe armé a assuré n'avoir perdu que 8 combattants.\n"
           "Selon l'armée, 6 soldats ont été tués dans l'attaque.\n"
           "Des habitants ont indiqué que 3 civils avaient également péri.\n",
     {1: "L'armée malienne", 2: "Le groupe armé", 3: "l'armée", 4: "Des habitants"}),
    ("es", "El Ejército aseguró que 15 guerrilleros murieron en un combate.\n"
           "La disidencia afirmó que solo 4 de sus combatientes cayeron.\n"
           "El Ejército reconoció además la muerte de 2 soldados.\n"
           "Según la Defensoría, 3 civiles murieron en el fuego cruzado.\n",
     {1: "El Ejército", 2: "La disidencia", 3: "El Ejército", 4: "la Defensoría"}),
    ("ru", "Армия заявила, что в боях убиты 70 повстанцев.\n"
           "Группировка сообщила, что потеряла лишь 12 бойцов.\n"
           "По данным армии, погибли 5 военнослужащих.\n"
           "Местные жители рассказали, что погибли 6 мирных жителей.\n",
     {1: "Армия", 2: "Группировка", 3: "армии", 4: "Местные жители"}),
])
def test_tolls_of_other_people_contest_nothing_and_a_sides_own_losses_are_its_dead(language, text, sources):
    events = _events(text, sources, language)
    assert events[1].contradicted_by == [events[2].id] and events[2].contradicted_by == [events[1].id]
    assert events[3].contradicted_by == [] and events[4].contradicted_by == []
    assert events[1].superseded_by is None  # the army's soldiers revise nothing of its count of the attackers


def test_the_dead_said_to_be_other_people_still_contest_the_count():
    # "among the dead were civilians": who the dead were is disputed, not another toll
    events = _events("El Ejército informó que 9 guerrilleros murieron en un combate.\n"
                     "La ONIC denunció que entre los muertos había al menos 4 civiles.\n",
                     {1: "El Ejército", 2: "La ONIC"}, "es")
    assert events[2].id in events[1].contradicted_by
    # a count of none of one group answers another party's count of that group
    events = _events("Villagers said soldiers burned 43 civilians to death.\n"
                     "The army said it killed 17 rebels and no civilians.\n", {1: "Villagers", 2: "The army"})
    assert events[2].id in events[1].contradicted_by


def test_a_judgement_in_a_clause_that_turns_to_another_voice_is_not_the_speakers():
    text = ("Selon le ministère, 280 000 personnes ont défilé.\n"
            "Les syndicats se félicitent de l'importance des cortèges, la grève a en revanche été peu suivie.\n")
    events = _events(text, {1: "le ministère", 2: "Les syndicats"}, "fr")
    assert events[2].contradicted_by == []
    said = _events("Selon le ministère, 280 000 personnes ont défilé.\n"
                   "Les syndicats ont assuré que la grève a été peu suivie, selon eux.\n",
                   {1: "le ministère", 2: "Les syndicats"}, "fr")
    assert said[2].contradicted_by == [said[1].id]  # no turn: the judgement is theirs, against the count


def test_a_jibe_three_orders_of_magnitude_off_is_no_count():
    text = ("Según la Delegación del Gobierno, asistieron 45.000 personas a la concentración.\n"
            "«El instituto de Tezanos daba entre 10 y 12 personas», ironizó el secretario general del partido.\n")
    events = _events(text, {1: "la Delegación del Gobierno", 2: "el secretario general del partido"}, "es")
    assert events[2].contradicted_by == []


def test_yesterday_and_a_weekday_may_be_one_day_two_weekdays_are_two():
    def linked(first: str, second: str) -> bool:
        text = f"{first}\n\nThe mayor spoke at length about the flooding.\n\nIt rained for a week.\n\n{second}\n"
        events = _events(text, {1: "Villagers", 2: "the outlet", 3: "the outlet", 4: "The army"})
        return events[4].id in events[1].contradicted_by
    army = "The army said 17 people were killed on Monday."
    assert linked("Villagers said yesterday that 43 people were killed.", army)
    assert not linked("Villagers said 43 people were killed on Sunday.", army)


def test_calling_a_report_by_a_quoted_label_or_its_figure_too_high_rejects_it():
    text = ("Según un informe de la Auditoría, la deuda de la empresa supera en 800 millones la cifra oficial.\n"
            "El Ministerio de Economía, del que depende la empresa, calificó el informe de «mamarracho».\n")
    events = _events(text, {1: "la Auditoría", 2: "El Ministerio de Economía"}, "es")
    assert events[1].status == "denied" and events[2].id in events[1].contradicted_by
    text = ("Die Polizei zählte rund 9.500 Teilnehmer.\n"
            "Die Veranstalter sprechen von 24.000 Menschen.\n"
            "Die Zahl der Veranstalter ist deutlich zu hoch, sagte ein Polizeisprecher.\n")
    events = _events(text, {1: "Die Polizei", 2: "Die Veranstalter", 3: "ein Polizeisprecher"}, "de")
    assert events[3].id in events[2].contradicted_by


def test_parties_answering_one_after_the_other_with_a_bare_figure_count_one_thing():
    def pair(text: str, sources: dict[int, str], language: str) -> bool:
        events = _events(text, sources, language)
        return events[3].id in events[2].contradicted_by and events[2].id in events[3].contradicted_by
    assert pair("Quanti sono i minori tra i naufraghi?\nSecondo l'ong, 47.\nPer la Prefettura, 31.\n",
                {1: "the outlet", 2: "l'ong", 3: "la Prefettura"}, "it")
    assert pair("Am Nachmittag zogen Tausende Menschen durch die Innenstadt.\nDie Polizei spricht von 3000.\n"
                "Die Veranstalter sprachen von „mehr als 15.000“.\n",
                {1: "the outlet", 2: "Die Polizei", 3: "Die Veranstalter"}, "de")
    # a march told by its verb is a gathering: its bare figures of thousands count the crowd
    assert pair("Plusieurs milliers de personnes ont défilé samedi dans les rues de Valmorel.\n"
                "Selon la préfecture, 4 200.\nLa CGT parle de 11 000.\n",
                {1: "the outlet", 2: "la préfecture", 3: "La CGT"}, "fr")
    # not a year, and not one party twice
    assert not pair("Wann wurde die Brücke gebaut?\nLaut der Stadt, 1998.\nDie Historiker sprechen von 2004.\n",
                    {1: "the outlet", 2: "der Stadt", 3: "Die Historiker"}, "de")
    assert not pair("Quanti sono i minori?\nSecondo l'ong, 47.\nSecondo l'ong, 31.\n",
                    {1: "the outlet", 2: "l'ong", 3: "l'ong"}, "it")


def test_a_figure_named_back_and_judged_too_low_or_too_high_is_rejected():
    for language, first, second in (
            ("fr", "Mobilités Alpes a annoncé mardi que le prolongement de la ligne coûterait 185 millions d'euros.",
             "L'association Rail Sud Isère juge ce chiffrage nettement sous-évalué."),
            ("ru", "Вице-мэр Андрей Сухов заявил, что строительство обойдётся в 96 млрд рублей.",
             "Эксперты института транспортного планирования считают эту оценку заниженной."),
            ("uk", "Підрядник «Дніпробудміст» заявив, що ремонт мосту коштуватиме 640 млн гривень.",
             "Громадська організація «Прозорий тендер» вважає цю суму завищеною щонайменше вдвічі.")):
        events = _events(f"{first}\n{second}\n", {1: first.split()[0], 2: second.split()[0]}, language)
        assert events[1].status == "denied" and events[1].contradicted_by == [events[2].id], language
    # a figure named back with no verdict on it rejects nothing
    events = _events("Mobilités Alpes a annoncé que la ligne coûterait 185 millions d'euros.\n"
                     "L'association Rail Sud Isère commente ce chiffrage dans un communiqué.\n",
                     {1: "Mobilités Alpes", 2: "L'association Rail Sud Isère"}, "fr")
    assert events[1].contradicted_by == []


def test_a_verdict_alone_answers_the_claim_right_before_it():
    text = ("Selon la CGT, la direction préparerait le transfert de la production en Pologne.\n"
            "Pour la direction, il s'agirait d'une rumeur.\n"
            "Le collectif Valmorel Debout a affirmé que deux manifestants avaient été blessés près de la mairie.\n"
            "Pour le préfet de la Lize, Jean-Marc Dussol, il s'agirait d'une « fausse information ».\n")
    events = _events(text, {1: "la CGT", 2: "la direction", 3: "Le collectif Valmorel Debout",
                            4: "le préfet de la Lize"}, "fr")
    assert events[1].contradicted_by == [events[2].id] and events[1].status == "denied"
    assert events[3].contradicted_by == [events[4].id] and events[3].status == "denied"


def test_figures_given_place_by_place_after_the_figure_differ_only_in_one_place():
    text = ("A Federação Única dos Petroleiros calcula adesão de 85% na Bahia, 80% em São Paulo e 70% no Rio.\n"
            "A Petrobras informou que a adesão foi de 30% em São Paulo e de 70% no Rio.\n"
            "Segundo a FUP, a média nacional de adesão chegou a 78%.\n"
            "Em todo o país, segundo a companhia, menos de 35% dos empregados em turno aderiram à paralisação.\n")
    events = _events(text, {1: "A Federação Única dos Petroleiros", 2: "A Petrobras", 3: "a FUP",
                            4: "a companhia"}, "pt")
    assert events[2].id in events[1].contradicted_by  # São Paulo: 80% against 30%
    assert events[4].id in events[3].contradicted_by  # the whole country: 78% against under 35%
    assert events[4].id not in events[1].contradicted_by  # Bahia's 85% is no national figure


def test_a_gathering_judged_small_contests_another_partys_count_of_its_crowd():
    for language, count, judged in (
            ("en", "Organisers said about 12,000 people marched through Cardiff on Saturday.",
             "South Wales Police described the turnout as small."),
            ("de", "Nach Angaben der Veranstalter zogen rund 5.000 Menschen durch die Innenstadt.",
             "Die Polizei sprach dagegen von einer überschaubaren Teilnehmerzahl."),
            ("uk", "Організатори акції заявили, що на захист парку вийшли близько 3 тисяч людей.",
             "У міській раді назвали акцію нечисленною.")):
        events = _events(f"{count}\n{judged}\n", {1: count.split()[0], 2: judged.split()[0]}, language)
        assert events[1].contradicted_by == [events[2].id] and events[2].contradicted_by == [events[1].id], language
    # the same party, or a judgement of something else, contests nothing
    events = _events("Organisers said about 12,000 people marched through Cardiff.\n"
                     "Organisers said the turnout was small compared with last year.\n",
                     {1: "Organisers", 2: "Organisers"})
    assert events[1].contradicted_by == []
    events = _events("Organisers said about 12,000 people marched through Cardiff.\n"
                     "Police said the damage was small.\n", {1: "Organisers", 2: "Police"})
    assert events[1].contradicted_by == []


def test_a_denial_that_joins_another_with_also_answers_what_that_one_answered():
    text = ("Террористы «ЛНР» заявили о подрыве трёх украинских военных на минном поле.\n"
            "По данным террористов, двое военных погибли.\n"
            "В Генштабе ВСУ эти сведения опровергли.\n"
            "В штабе операции Объединённых сил информацию также опровергли.\n")
    events = _events(text, {1: "Террористы «ЛНР»", 2: "террористов", 3: "Генштабе ВСУ",
                            4: "штабе операции Объединённых сил"}, "ru")
    assert set(events[4].contradicted_by) == {events[1].id, events[2].id}  # the claims, not the other denial
    assert set(events[3].contradicted_by) == {events[1].id, events[2].id}  # "террористов" is "Террористы"


def test_a_denial_naming_a_partys_figures_answers_its_spokespeople_too():
    text = ("El sindicato de estibadores Coordinadora aseguró que la huelga tuvo un seguimiento del 100%.\n"
            "\"No se ha movido un solo contenedor\", declaró Marta Ibáñez, portavoz de Coordinadora.\n"
            "La Autoridad Portuaria de Valencia desmintió las cifras del sindicato.\n")
    events = _events(text, {1: "El sindicato de estibadores Coordinadora", 2: "Marta Ibáñez",
                            3: "La Autoridad Portuaria de Valencia"}, "es")
    assert set(events[3].contradicted_by) == {events[1].id, events[2].id}
    text = ("Les rebelles ont subi de lourdes pertes, a affirmé la Mission de l'ONU en RDC (Monusco).\n"
            "« Nos équipes ont recensé 140 combattants tués », a déclaré le colonel Jean Dufresne, porte-parole "
            "militaire de la Monusco, lors d'une conférence de presse.\n"
            "Le porte-parole du M23, Bertrand Kalinda, a démenti le bilan de la Monusco.\n")
    events = _events(text, {1: "la Mission de l'ONU en RDC", 2: "le colonel Jean Dufresne",
                            3: "Le porte-parole du M23, Bertrand Kalinda"}, "fr")
    assert set(events[3].contradicted_by) == {events[1].id, events[2].id}


def test_a_singular_report_named_back_is_answered_and_a_new_party_breaks_a_run():
    # "la notizia" names the unions' report; "Il sindaco" is the mayor, no union, and the ANM's own figure is
    # the denier's
    text = ("I sindacati di base hanno parlato di un'adesione dell'80%.\n"
            "L'azienda ANM ha stimato l'adesione al 35%.\n"
            "Il sindaco ha detto che i disagi sono stati limitati.\n"
            "Secondo i sindacati, due linee della metropolitana sono rimaste chiuse.\n"
            "L'ANM ha smentito la notizia, precisando che la Linea 1 ha funzionato.\n")
    events = _events(text, {1: "I sindacati di base", 2: "L'azienda ANM", 3: "Il sindaco", 4: "i sindacati",
                            5: "L'ANM"}, "it")
    assert events[5].contradicted_by == [events[4].id]


def test_a_figure_named_back_with_its_party_after_it_answers_that_partys_claim():
    text = ("Bei einem Grubenunglück sind nach Angaben der Bergbaugesellschaft 3 Bergleute ums Leben gekommen.\n"
            "Unter Verweis auf Schichtpläne schätzt die Gewerkschaft IG BCE die Zahl der Toten auf 7.\n"
            "Ministerpräsident Reiner Haseloff sagte, das Land werde die Familien unterstützen.\n"
            "In einer Mitteilung wies die Bergbaugesellschaft die Zahl der Gewerkschaft als überhöht zurück.\n")
    events = _events(text, {1: "der Bergbaugesellschaft", 2: "die Gewerkschaft IG BCE",
                            3: "Ministerpräsident Reiner Haseloff", 4: "die Bergbaugesellschaft"}, "de")
    assert events[2].id in events[4].contradicted_by and events[3].id not in events[4].contradicted_by


def test_figures_of_an_earlier_occasion_contest_each_other_not_the_days():
    text = ("Organisers said 8,000 people marched through Leeds on Saturday.\n"
            "West Yorkshire Police put the crowd at about 3,000.\n"
            "At the previous protest, three weeks ago, organisers had counted 5,000 marchers.\n"
            "Police said at the time that 1,500 took part.\n")
    events = _events(text, {1: "Organisers", 2: "West Yorkshire Police", 3: "organisers", 4: "Police"})
    assert events[1].contradicted_by == [events[2].id]  # the day's two counts
    assert events[3].contradicted_by == [events[4].id]  # the earlier protest's two
    assert events[1].superseded_by is None and events[3].superseded_by is None  # no revision across occasions
    text = ("La anterior marcha, celebrada el pasado 12 de octubre, reunió a 4.000 personas según la Policía Local.\n"
            "Unas 25.000 personas marcharon este sábado, según los organizadores.\n")
    events = _events(text, {1: "la Policía Local", 2: "los organizadores"}, "es")
    assert events[1].contradicted_by == [] and events[2].contradicted_by == []


def test_a_vague_count_contests_another_partys_figure_outside_its_span():
    for language, figure, vague in (
            ("en", "The hospital said nine people were killed in the attack.",
             "Residents said dozens of people were killed in the attack."),
            ("de", "Die Polizei zählte rund 800 Teilnehmer bei der Kundgebung.",
             "Die Gewerkschaft sprach von Tausenden Teilnehmern."),
            ("fr", "Selon la police, 1 500 personnes ont manifesté à Rennes.",
             "Les syndicats ont affirmé que des dizaines de milliers de personnes avaient manifesté."),
            ("ru", "В полиции заявили, что в митинге участвовали 300 человек.",
             "Организаторы заявили, что на митинг пришли тысячи человек.")):
        events = _events(f"{figure}\n{vague}\n", {1: figure.split()[1] if language == "fr" else figure.split()[0],
                                                   2: vague.split()[0]}, language)
        assert events[1].contradicted_by == [events[2].id] and events[2].contradicted_by == [events[1].id], language
    # a figure inside the span agrees; the same party's, or the outlet's, contests nothing
    for figure, vague, sources in (
            ("The hospital said 40 people were killed in the attack.",
             "Residents said dozens of people were killed in the attack.", {1: "The hospital", 2: "Residents"}),
            ("The hospital said nine people were killed in the attack.",
             "The hospital said dozens of people were wounded in the attack.",
             {1: "The hospital", 2: "The hospital"}),
            ("The hospital said nine people were killed in the attack.",
             "Dozens of people were killed in the attack.", {1: "The hospital", 2: "the outlet"})):
        events = _events(f"{figure}\n{vague}\n", sources)
        assert events[1].contradicted_by == [] and events[2].contradicted_by == [], vague


def test_vague_counts_read_their_order_and_what_they_count():
    from summarizer.contests import Claim, vague_counts

    def spans(sentence: str, language: str):
        sentences = {s.id: s for s in segment(sentence)}
        claims = [Claim(pos=0, sid=min(sentences), source="X", outlet=False)]
        return vague_counts(claims, sentences, language).get(0)

    assert spans("Officials said tens of thousands of people had fled.", "en")[:2] == (20000, 100000)
    assert spans("Los vecinos dijeron que cientos de personas murieron.", "es") == (200, 1000, "dead")
    assert spans("Die Polizei sprach von 3 Tausend Teilnehmern.", "de") is None  # a figure's scale word
    assert spans("Zeugen sagten, Dutzende Menschen seien verletzt worden.", "de")[:2] == (24, 120)


def test_a_denial_naming_a_party_by_a_word_joined_to_its_claims_answers_that_party():
    for language, text, sources in (
            ("en", "The health ministry said 52 people died in the floods.\n"
                   "The Red Crescent said 140 people had died.\n"
                   "The airport authority said 30 flights were cancelled.\n"
                   "The opposition rejected the ministry figures as a cover-up.\n",
             {1: "The health ministry", 2: "The Red Crescent", 3: "The airport authority", 4: "The opposition"}),
            ("pt", "Segundo a Polícia Civil, 3 mil pessoas participaram da marcha em Belo Horizonte.\n"
                   "Os organizadores falaram em 30 mil pessoas.\n"
                   "A Cemig informou que 12 bairros ficaram sem energia.\n"
                   "O sindicato rejeitou os números policiais.\n",
             {1: "a Polícia Civil", 2: "Os organizadores", 3: "A Cemig", 4: "O sindicato"})):
        events = _events(text, sources, language)
        assert events[4].contradicted_by == [events[1].id], language  # not the third party's record before it
        assert events[1].status == "denied" and events[3].contradicted_by == [], language
    # the word is read on either side of the noun, or as a German compound's first part
    from summarizer.contests import _modifier_owner
    from summarizer.language import lexicon

    assert _modifier_owner("The union dismissed the police figures.", lexicon("en")) == "police"
    assert _modifier_owner("Le collectif juge les chiffres préfectoraux faux.", lexicon("fr")) == "préfectoraux"
    assert _modifier_owner("Die Gewerkschaft wies die Polizeiangaben zurück.", lexicon("de")) == "Polizei"
    assert _modifier_owner("The union dismissed the figures.", lexicon("en")) is None


def test_a_gathering_judged_a_failure_contests_another_partys_count_of_its_crowd():
    for language, count, judged in (
            ("en", "Organisers said 15,000 people joined the march in Bristol.",
             "The council said the march had been a failure."),
            ("es", "Según los convocantes, 20.000 personas participaron en la manifestación.",
             "El Gobierno regional calificó la manifestación de fracaso.")):
        first = count.split()[0] if language == "en" else "los convocantes"
        events = _events(f"{count}\n{judged}\n", {1: first, 2: " ".join(judged.split()[:2])}, language)
        assert events[1].contradicted_by == [events[2].id] and events[2].contradicted_by == [events[1].id], language
    # a failure said of something else is no verdict on the crowd
    events = _events("Organisers said 15,000 people joined the march in Bristol.\n"
                     "The council said its housing policy had been a failure.\n", {1: "Organisers", 2: "The council"})
    assert events[1].contradicted_by == [] and events[2].contradicted_by == []


@pytest.mark.parametrize("text, counted", [
    ("Nach seinen Angaben nahmen etwa 10.000 Menschen an den Protesten teil.", {"people": {10000.0}}),
    ("Die Polizei nahm am Abend 12 Demonstranten fest.", {"detained": {12.0}}),
    ("Zwei Menschen starben, weitere 13 wurden zum Teil schwer verletzt.", {"dead": {2.0}, "injured": {13.0}}),
])
def test_a_german_separable_verb_counts_by_its_particle(text, counted):
    from summarizer.contests import quantities
    from summarizer.language import lexicon

    assert quantities(text, lexicon("de"), "de") == counted  # "nahmen ... teil" is no arrest


@pytest.mark.parametrize("language, text, counted", [
    ("en", "Forty-nine people were killed in an attack on two mosques in Christchurch.", {"dead": {49.0}}),
    ("en", "Gunmen killed 12 soldiers in three villages, the army said.", {"dead": {12.0}}),
    ("en", "The death toll stands at 40.", {"dead": {40.0}}),
    ("pt", "A mineradora atualizou o número de desaparecidos para 86 nesta segunda-feira.", {"missing": {86.0}}),
])
def test_a_figure_after_a_preposition_with_its_own_noun_counts_that_noun(language, text, counted):
    from summarizer.contests import quantities
    from summarizer.language import lexicon

    assert {k: v for k, v in quantities(text, lexicon(language), language).items() if not k.startswith("~")} \
        == counted


@pytest.mark.parametrize("language, text", [
    ("de", "Unter den Toten seien auch vier Zivilisten, die in einem Dorf am Fluss lebten."),
    ("en", "Among the dead were 30 children."),
])
def test_a_part_of_the_dead_named_before_its_figure_is_no_count_of_its_own(language, text):
    from summarizer.contests import quantities
    from summarizer.language import lexicon

    parts: set[float] = set()
    assert quantities(text, lexicon(language), language, parts) == {} and parts


@pytest.mark.parametrize("text, sources, language", [
    ("Dockworkers returned to work on Tuesday, the Daily Coastline reported.\n"
     "The managing director had threatened to fire the strike leaders, Radio Pwani reported.\n"
     "The Kenya Ports Authority rejected Radio Pwani's report.\n"
     "\"There is no truth whatsoever in this fabricated story,\" the authority said in a statement.\n",
     {1: "the Daily Coastline", 2: "Radio Pwani", 3: "The Kenya Ports Authority", 4: "The Kenya Ports Authority"},
     "en"),
    ("Los mineros volvieron al trabajo el martes, informó el diario La Patria.\n"
     "El gerente había amenazado con despedir a los dirigentes, informó la radio Pío XII.\n"
     "La Corporación Minera rechazó la información de la radio Pío XII.\n"
     "\"No hay ninguna verdad en esa historia inventada\", señaló la Corporación Minera en un comunicado.\n",
     {1: "el diario La Patria", 2: "la radio Pío XII", 3: "La Corporación Minera", 4: "La Corporación Minera"}, "es"),
])
def test_a_partys_denial_told_again_answers_what_it_answered_first(text, sources, language):
    """The party's own words after its denial ("this fabricated story") name no claim: they answer the report its
    first denial answered, not the other outlet's account."""
    events = _events(text, sources, language)
    assert events[2].status == "denied"
    assert sorted(events[2].contradicted_by) == sorted([events[3].id, events[4].id])
    assert events[1].status == "claimed" and events[1].contradicted_by == []


@pytest.mark.parametrize("language, text", [
    ("fr", "Un incendie a détruit un entrepôt à Vénissieux.\nLe feu aurait pris dans un local technique.\n"),
    ("de", "In Gersthofen ist eine Lagerhalle abgebrannt.\nDas Feuer sei in einem Technikraum ausgebrochen.\n"),
])
def test_reported_speech_with_no_speaker_named_is_no_assertion_of_the_outlet(language, text):
    events = _events(text, {1: "the outlet", 2: "the outlet"}, language)
    assert events[1].status == "asserted"
    assert events[2].attribution.source == "the outlet" and events[2].status == "unverified"


def test_a_toll_of_another_month_is_no_contest_with_the_days():
    text = ("A Russian drone hit the bus station in Sumy on Thursday morning, killing nine people, the governor said.\n"
            "In March, a missile struck a residential block in the same district, killing 14 people, city officials "
            "said at the time.\n"
            "The city council put the toll at 11.\n")
    events = _events(text, {1: "the governor", 2: "city officials", 3: "The city council"})
    assert events[2].contradicted_by == [] and events[2].status == "claimed"  # March's dead: another occasion
    assert events[3].id in events[1].contradicted_by  # a toll dated to no day may still be the day's


@pytest.mark.parametrize("language, text, sources", [
    ("en", "At least 61 people were killed when the cyclone struck the coast, the disaster centre said.\n"
           "Its spokesman said 27 people were killed in Colombo, 19 in Negombo and 15 in Kalutara.\n"
           "Police said 74 people had died.\n"
           "Police said 33 people had died in Colombo alone.\n",
     {1: "the disaster centre", 2: "Its spokesman", 3: "Police", 4: "Police"}),
    ("ru", "По меньшей мере 12 человек погибли в результате паводка в Краснодарском крае, сообщило МЧС.\n"
           "По данным МЧС, 7 человек погибли в Крымске, 3 в Новороссийске и 2 в Геленджике.\n"
           "Региональные СМИ сообщали о 15 погибших по всему краю.\n"
           "Глава администрации Иван Ткачук заявил, что в Крымске погибли 9 человек.\n",
     {1: "МЧС", 2: "МЧС", 3: "Региональные СМИ", 4: "Иван Ткачук"}),
])
def test_a_toll_given_town_by_town_conflicts_with_no_total(language, text, sources):
    events = _events(text, sources, language)
    assert events[1].contradicted_by == [events[3].id] and events[3].contradicted_by == [events[1].id]
    assert events[2].contradicted_by == [events[4].id] and events[4].contradicted_by == [events[2].id]
    assert events[3].superseded_by is None and events[4].superseded_by is None  # a town's figure revises no total


def test_the_place_of_the_lead_holds_the_towns_a_toll_is_given_for():
    text = ("Unwetter in Niederbayern: Zahl der Toten steigt\n\n"
            "In Niederbayern sind nach Angaben des Innenministeriums mindestens 11 Menschen ums Leben gekommen.\n\n"
            "Demnach starben 6 Menschen in Passau, 3 in Deggendorf und 2 in Straubing.\n\n"
            "Der Rundfunk berichtete von 14 Toten im ganzen Bezirk.\n")
    events = _events(text, {2: "Innenministeriums", 3: "Innenministeriums", 4: "Der Rundfunk"}, "de")
    assert events[2].contradicted_by == [events[4].id] and events[3].contradicted_by == []


def test_place_names_are_the_places_written_after_or_before_each_figure():
    from summarizer.language import lexicon
    from summarizer.places import place_names
    assert place_names("morreram 18 pessoas em Petrópolis, 9 em Teresópolis e 4 em Nova Friburgo.",
                       lexicon("pt"), "pt") == {18: "Petrópolis", 9: "Teresópolis", 4: "Nova Friburgo"}
    assert place_names("Die Veranstalter zählten in Berlin 70.000 Teilnehmer, in Hamburg 45.000.",
                       lexicon("de"), "de") == {70000: "Berlin", 45000: "Hamburg"}
    # a place five words on is no longer the figure's ("34 muertos por las lluvias en Oaxaca")
    assert place_names("reportó 34 muertos por las lluvias en Oaxaca.", lexicon("es"), "es") == {34: None}


@pytest.mark.parametrize("language, text", [
    ("en", "Israeli strikes killed 28 people on Tuesday, the health ministry said.\n"
           "Of the 28 killed, 11 were in Tyre and 4 were children.\n"
           "A doctor in Tyre, Ali Safa, said 36 people had been killed.\n"),
    ("es", "Un bombardeo causó este domingo 33 muertos, según informó la red de Médicos de Sudán.\n"
           "De los 33 fallecidos, 19 eran mujeres y 6 menores de edad.\n"
           "Un comité de resistencia local elevó a 41 los muertos del domingo.\n"),
    ("ru", "В результате обстрела в субботу погибли 14 человек, сообщил губернатор Вячеслав Гладков.\n"
           "Из 14 погибших 5 детей.\n"
           "По данным украинских СМИ, погибли 9 человек.\n"),
])
def test_a_toll_broken_down_is_its_sources_and_its_parts_contest_no_other_total(language, text):
    source = {"en": "the health ministry", "es": "la red de Médicos de Sudán", "ru": "губернатор Вячеслав Гладков"}
    rival = {"en": "Ali Safa", "es": "Un comité de resistencia local", "ru": "украинских СМИ"}
    events = _events(text, {1: source[language], 2: "the outlet", 3: rival[language]}, language)
    assert events[2].attribution.source == events[1].attribution.source  # the breakdown is the source's
    assert events[1].contradicted_by == [events[3].id]  # the totals conflict
    assert events[2].contradicted_by == []  # the parts do not


@pytest.mark.parametrize("language, text", [
    ("en", "Strikes killed 28 people on Tuesday, the health ministry said.\n"
           "Since the start of the war, 2,954 people have been killed, the ministry said.\n"
           "A civil defence official said 35 people had been killed.\n"),
    ("it", "Un attacco su Dnipro ha causato 19 morti, ha detto il governatore.\n"
           "Dall'inizio dell'invasione, secondo le autorità regionali, nella regione sono morti 1.240 civili.\n"
           "Il sindaco di Dnipro, Borys Filatov, ha parlato di 23 morti.\n"),
])
def test_a_toll_since_the_war_began_is_another_quantity_than_the_days(language, text):
    sources = {"en": ("the health ministry", "the ministry", "A civil defence official"),
               "it": ("il governatore", "le autorità regionali", "Borys Filatov")}[language]
    events = _events(text, dict(enumerate(sources, 1)), language)
    assert events[2].contradicted_by == [] and events[2].superseded_by is None and events[1].superseded_by is None
    assert events[1].contradicted_by == [events[3].id]


def test_a_toll_since_the_year_began_smaller_than_a_days_count_conflicts_with_it():
    text = ("Según fuentes policiales, más de 2.500 personas lograron entrar en la ciudad en esas 48 horas.\n"
            "Las estadísticas oficiales del Ministerio del Interior solo reconocen 412 entradas en lo que va de año.\n")
    events = _events(text, {1: "fuentes policiales", 2: "Ministerio del Interior"}, "es")
    assert events[1].contradicted_by == [events[2].id]


def test_the_fighters_an_army_says_it_killed_may_be_among_a_toll_of_people():
    text = ("Israeli strikes killed 28 people on Tuesday, the health ministry said.\n"
            "The Israeli military said 17 fighters were killed.\n"
            "Rebels said the army had killed 60 fighters.\n")
    events = _events(text, {1: "the health ministry", 2: "The Israeli military", 3: "Rebels"})
    assert events[1].id not in events[2].contradicted_by  # 17 fighters may be among 28 people
    assert events[1].id in events[3].contradicted_by  # 60 may not


def test_a_place_after_a_figure_and_its_auxiliaries_is_its_own():
    from summarizer.language import lexicon
    from summarizer.places import place_names
    assert place_names("Safa said 14 people had been killed in Tyre alone.", lexicon("en"), "en") == {14: "Tyre"}
    assert place_names("A cheia obrigou 2.300 pessoas a deixar suas casas no Vale do Taquari.",
                       lexicon("pt"), "pt") == {2300: None}


def test_an_impersonal_count_after_an_opening_phrase_names_no_speaker():
    from summarizer.attribution import parse_attribution
    assert parse_attribution("Depuis le début de la guerre, on recense un bilan de 3 516 victimes.", "fr") is None


@pytest.mark.parametrize("language, text, source, rival", [
    ("en", "The state disaster management authority released new figures on Monday.\n"
           "So far 41 people have died in the floods.\n"
           "A volunteer group, Floodwatch, said its members had counted 57 bodies.\n",
     "The state disaster management authority", "Floodwatch"),
    ("fr", "Santé publique France a publié jeudi ses chiffres de la semaine.\n"
           "Au total, 38 décès sont liés à la chaleur.\n"
           "La Fédération hospitalière a de son côté fait état de 46 décès.\n",
     "Santé publique France", "La Fédération hospitalière"),
    ("de", "Das Robert-Koch-Institut veröffentlichte am Donnerstag neue Zahlen zur Hitzewelle.\n"
           "Insgesamt 73 Todesfälle gehen auf die Hitze zurück.\n"
           "Der Deutsche Wetterdienst geht dagegen von 90 Toten aus.\n",
     "Das Robert-Koch-Institut", "Der Deutsche Wetterdienst"),
])
def test_figures_a_party_is_said_to_release_are_its_own_in_the_next_sentence(language, text, source, rival):
    events = _events(text, {1: source, 2: "the outlet", 3: rival}, language)
    assert events[2].attribution.source == source
    assert events[2].contradicted_by == [events[3].id] and events[3].contradicted_by == [events[2].id]


def test_figures_after_a_party_says_something_else_of_them_are_not_its_own():
    text = ("Officials had said the toll will rise.\n"
            "The quake flattened dozens of villages, killing at least 400 people.\n")
    events = _events(text, {1: "Officials", 2: "the outlet"})
    assert events[2].attribution.source_type == "outlet"
    text = ("«I nostri dati sono verificati», ha replicato il questore Mario Rossi.\n"
            "Lo scarto tra le due stime, 19mila persone, è il più alto degli ultimi anni.\n")
    events = _events(text, {1: "il questore Mario Rossi", 2: "the outlet"}, "it")
    assert events[2].attribution.source_type == "outlet"


@pytest.mark.parametrize("sentence, expected", [
    ("Die Bundeswehr geht von mehr als 50 Toten aus.", ("Die Bundeswehr", "geht")),
    ("Die Polizei ging am Abend von 20.000 Teilnehmern aus.", ("Die Polizei", "ging")),
    ("Die Krankenkassen hatten die Zahl von 110 Toten genannt.", ("Die Krankenkassen", "hatten")),
    ("Die «Washington Post» hatte diese Zahl unter Berufung auf erste Ergebnisse eines Untersuchungsteams der NATO "
     "genannt.",
     ("Die «Washington Post»", "hatte")),
    ("Die Landesregierung hält an dem Projekt fest.", None),
])
def test_german_counts_told_by_a_phrase_name_their_speaker(sentence, expected):
    from summarizer.attribution import parse_attribution
    assert parse_attribution(sentence, "de") == expected


@pytest.mark.parametrize("language, text, sources", [
    ("fr", "La garde côtière italienne a démenti lundi que 60 migrants aient péri dans le naufrage.\n"
           "Le quotidien La Voce del Sud avait avancé ce chiffre dimanche, en citant des rescapés.\n"
           "Selon la garde côtière, 23 personnes sont mortes.\n",
     {1: "La garde côtière italienne", 2: "La Voce del Sud", 3: "la garde côtière"}),
])
def test_a_party_named_after_a_denial_by_that_figure_gave_the_figure_denied(language, text, sources):
    events = _events(text, sources, language)
    assert events[2].status == "denied" and events[1].id in events[2].contradicted_by
    assert events[3].id in events[2].contradicted_by  # the denier's own count against it
    assert events[1].superseded_by is None  # the figure a denial denies is no count of the denier's to revise


def test_a_count_of_its_own_after_a_denial_is_the_deniers():
    text = ("Segundo a Oxfam, os agentes mataram 7 manifestantes durante a dispersão.\n"
            "A Secretaria de Segurança Pública negou que tenha havido mortes causadas por policiais e falou em 2 "
            "mortos em confronto entre grupos rivais.\n")
    events = _events(text, {1: "a Oxfam", 2: "A Secretaria de Segurança Pública"}, "pt")
    assert events[2].id in events[1].contradicted_by


@pytest.mark.parametrize("language, text, source", [
    ("en", "Shelling kills 4 in Kherson region, governor says\n\n"
           "Russian shelling killed 4 people and wounded 11 in the Kherson region, governor Oleksandr Prokudin "
           "said.\n\n"
           "In the city of Kherson, 2 people were killed and 6 wounded when shells hit a bus stop.\n\n"
           "In Beryslav, 2 men were killed and 5 people were wounded.\n\n"
           "The city had about 280,000 inhabitants before the war.\n", "governor Oleksandr Prokudin"),
    ("es", "Lluvias en el sur de México\n\n"
           "Las lluvias han dejado 15 muertos y 40 heridos en Oaxaca y Chiapas, informó Protección Civil.\n\n"
           "En Oaxaca murieron 9 personas y otras 25 resultaron heridas.\n\n"
           "En Chiapas fallecieron 6 personas.\n\n"
           "El estado tiene unos cuatro millones de habitantes.\n", "Protección Civil"),
])
def test_a_toll_told_on_place_by_place_is_its_sources_and_revises_nothing(language, text, source):
    records = _records(text, {2: source, 3: "the outlet", 4: "the outlet", 5: "the outlet"}, language)
    by_sentence = {e.evidence[0].sentence_id: e for e in records}
    assert by_sentence[3].attribution.source == by_sentence[4].attribution.source == source
    assert by_sentence[5].attribution.source_type == "outlet"  # the outlet's background: no toll
    assert all(e.superseded_by is None and e.contradicted_by == [] for e in records)


@pytest.mark.parametrize(("language", "first", "second"), [
    # an amount measures the noun before it, past the words of approximation and of amounting
    ("de", "Der Betreiber bezifferte den Schaden auf 20 Millionen Euro.",
     "Ermittler schätzen den Schaden auf rund 8 Millionen Euro."),
    ("es", "La empresa cifró los daños en 20 millones de euros.", "Los daños ascienden a unos 8 millones de euros."),
    ("ru", "Ущерб составил 20 миллионов рублей.", "Ущерб оценивается примерно в 8 миллионов рублей."),
    # people who left their homes, in either gender, are displaced
    ("pt", "O prefeito afirmou que 540 pessoas estavam desalojadas.", "A Defesa Civil informou 410 desalojados."),
    ("it", "Il sindaco ha detto che 700 persone avevano lasciato le loro case.", "Gli sfollati erano 1.100."),
])
def test_two_reports_of_one_quantity_count_the_same_thing(language, first, second):
    from summarizer.contests import quantities
    from summarizer.language import lexicon

    a, b = quantities(first, lexicon(language), language), quantities(second, lexicon(language), language)
    assert len(a) == len(b) == 1 and a.keys() == b.keys()


def test_a_labelled_source_line_speaks_the_lead_before_it_and_the_labelled_quote_after_it():
    text = ("Russian drones struck port infrastructure in Odesa overnight on Thursday.\n\n"
            "Two port workers were killed and 9 people were injured.\n\n"
            "Source: Odesa Oblast Military Administration head Pavlo Hrytsenko on Telegram\n\n"
            'Quote: "The enemy launched 23 attack drones at the region."\n\n'
            "Background: Odesa's ports have been attacked regularly since July 2023.\n")
    sentences = {s.id: s for s in segment(text, "en")}
    ids = {next(i for i, s in sentences.items() if s.text.startswith(w)): w
           for w in ("Russian", "Two", "Quote", "Background")}
    events = _events(text, {sid: "the outlet" for sid in ids})
    by = {w: events[sid].attribution.source for sid, w in ids.items()}
    assert by["Two"] == by["Quote"] == "Odesa Oblast Military Administration head Pavlo Hrytsenko"
    assert by["Russian"] == by["Background"] == "the outlet"


def test_a_news_agency_credit_line_speaks_for_nothing():
    text = "Zwei Menschen wurden bei dem Brand verletzt.\n\nQuelle: dpa\n"
    events = _events(text, {1: "the outlet"}, "de")
    assert [e.attribution.source for e in events.values()] == ["the outlet"]


def test_a_toll_named_before_its_figure_ends_at_the_comma_after_its_noun():
    from summarizer.contests import quantities
    from summarizer.language import lexicon

    assert quantities("Загинули троє людей, серед поранених двоє дітей.", lexicon("uk"), "uk") == {"dead": {3.0}}
    assert quantities("Погибли 3 человека, среди раненых 2 детей.", lexicon("ru"), "ru") == {"dead": {3.0}}


def test_a_short_figure_sentence_a_source_line_names_is_a_record():
    text = ("Російські війська обстріляли село вночі проти суботи.\n\n"
            "Загинули троє людей. Пошкоджено 14 будинків.\n\n"
            "Джерело: голова обласної військової адміністрації Іван Федоренко\n\n"
            "Пошкоджено 14 будинків.\n")
    sentences = segment(text, "uk")
    chosen = [sentences[i - 1].text for i in candidates(sentences, language="uk")]
    assert "Пошкоджено 14 будинків." in chosen  # the one the source line names
    assert chosen.count("Пошкоджено 14 будинків.") == 1  # not the one after it, which no line names



@pytest.mark.parametrize(("lead", "chosen"), [
    ("Russian drones struck port infrastructure in Odesa overnight on Thursday.", True),
    ("В Верхнекамске в ночь на среду загорелся склад строительных материалов.", True),
    ("The buses came down the forest road a little after noon.", False),  # a scene, no name in it
])
def test_a_short_lead_that_names_a_place_is_a_record(lead, chosen):
    rest = " ".join(f"Official {n} said that {n + 10} people had been hurt." for n in range(6))
    sentences = segment(f"{lead}\n\n{rest}\n", "en")
    assert (1 in candidates(sentences, language="en")) is chosen


@pytest.mark.parametrize(("text", "language"), [
    ("Le ministère ougandais a affirmé que 11 otages avaient été libérés.\n\nLe groupe rebelle M23 a évoqué 9 "
     "otages relâchés.\n\nDeux doivent être hospitalisés, a indiqué une porte-parole du ministère ; les rebelles "
     "ont toujours nié maltraiter leurs captifs.\n", "fr"),
    ("Das ugandische Außenministerium teilte mit, 11 Geiseln seien befreit worden.\n\nDie Rebellengruppe M23 sprach "
     "von 9 freigelassenen Geiseln.\n\nZwei müssten behandelt werden, sagte eine Ministeriumssprecherin; die "
     "Rebellen haben Misshandlungen stets bestritten.\n", "de"),
])
def test_a_denial_in_another_partys_clause_is_not_the_speakers(text, language):
    sentences = {s.id: s for s in segment(text, language)}
    ids = sorted(sentences)
    events = _events(text, {sid: "the outlet" for sid in ids}, language)
    spokeswoman = events[ids[-1]]
    assert spokeswoman.status == "claimed" and not spokeswoman.contradicted_by
    assert events[ids[0]].status != "denied"


def test_a_national_count_and_one_citys_count_contest_only_their_own_kind():
    cases = [("en", "Police said about 180,000 people marched nationwide on Thursday, while the unions said 420,000 "
                    "took part.\n"
                    "Brussels police counted 35,000 marchers in the capital (21,000 on the main route, 14,000 at "
                    "the rally).\n"
                    "The organisers put the crowd in Brussels at 60,000.\n",
              {1: "Police", 2: "Brussels police", 3: "The organisers"}),
             ("fr", "Jeudi, 250 000 personnes ont manifesté dans toute la France selon le ministère de l'Intérieur.\n"
                    "L'intersyndicale a revendiqué 800 000 manifestants.\n"
                    "À Lyon, la préfecture a compté 18 000 manifestants.\n"
                    "Les organisateurs ont annoncé 45 000 personnes à Lyon.\n",
              {1: "le ministère de l'Intérieur", 2: "L'intersyndicale", 3: "la préfecture", 4: "Les organisateurs"})]
    for language, text, sources in cases:
        records = _records(text, sources, language)
        national = [e for e in records if any(n.text in ("420,000", "180,000", "250 000", "800 000")
                                              for n in e.numbers)]
        city = [e for e in records if e not in national and e.numbers]
        assert all(not set(e.contradicted_by) & {c.id for c in city} for e in national), language
        assert any(e.contradicted_by for e in national) and any(e.contradicted_by for e in city), language


def test_a_count_given_elsewhere_contests_nothing():
    for language, text in (
            ("en", "At least 34 people were killed in Dhading district, the police chief said.\n"
                   "Another 12 people died elsewhere in the province, the disaster authority said.\n"
                   "The Red Cross put the toll in Dhading at 41.\n"),
            ("ru", "В Уссурийске погибли 6 человек, сообщили в администрации города.\n"
                   "Ещё 3 человека погибли в других районах края, по данным МЧС.\n"
                   "Губернатор заявил о 8 погибших в Уссурийске.\n")):
        records = _records(text, {1: "администрации города", 2: "МЧС", 3: "Губернатор"} if language == "ru" else
                           {1: "the police chief", 2: "the disaster authority", 3: "The Red Cross"}, language)
        first, elsewhere, third = records
        assert elsewhere.contradicted_by == [], language
        assert third.id in first.contradicted_by, language


def test_one_party_named_two_ways_denies_none_of_its_own_statements():
    from summarizer.contests import one_party
    from summarizer.language import lexicon

    en = lexicon("en")
    assert one_party("Israel's military", "The Israeli army", en) and one_party("Israel's military", "the army", en)
    assert not one_party("the Russian army", "the Ukrainian army", en)
    assert not one_party("A military spokesman", "rebel military spokesman Joseph Ochieng", en)
    assert one_party("Israels Streitkräfte", "Die israelische Armee", lexicon("de"))
    text = ("An air strike hit the hospital courtyard on Monday, killing five people, the health ministry said.\n"
            "\"The hospital building was not damaged,\" the army said.\n"
            "Israel's military denied that the hospital had been hit.\n")
    events = _events(text, {1: "the health ministry", 2: "the army", 3: "Israel's military"})
    assert events[1].status == "denied" and events[2].status == "claimed"


@pytest.mark.parametrize(("text", "language", "expected"), [
    ("A missile hit a 9-storey block and a 12-year-old boy was among the 22 people killed.", "en", {"dead": {22.0}}),
    ("В 9-этажном доме погибли 22 человека, среди них 12-летняя девочка.", "ru", {"dead": {22.0}}),
    ("У 9-поверхівці загинули 14 людей.", "uk", {"dead": {14.0}}),
    ("Sin embargo el servicio informó que se habían recuperado 8 cuerpos de los escombros.", "es", {"dead": {8.0}}),
])
def test_a_figure_joined_to_its_noun_by_a_hyphen_counts_nothing(text, language, expected):
    from summarizer.contests import quantities
    from summarizer.language import lexicon

    assert quantities(text, lexicon(language), language) == expected


def test_a_note_on_the_tolls_leaves_a_claim_with_no_count_alone():
    text = ("Governor Ivan Fedorov said 17 people had been killed.\n"
            "The State Emergency Service said 19 bodies had been recovered.\n"
            "Rescuers lifted slabs with a 40-tonne crane, the service added.\n"
            "The competing tolls could not be independently verified.\n")
    events = _events(text, {1: "Governor Ivan Fedorov", 2: "The State Emergency Service", 3: "the service"})
    assert [events[i].status for i in (1, 2, 3)] == ["disputed", "disputed", "claimed"]


def test_a_surname_in_the_case_of_its_preposition_is_shown_by_its_full_name():
    text = ("Ночью ракета попала в жилой дом, сообщил глава областной администрации Виталий Ким.\n"
            "По словам Кима, погибли 11 человек.\n")
    events = _events(text, {1: "Виталий Ким", 2: "Кима"}, "ru")
    assert events[2].attribution.source == "Виталий Ким"
    text = "Governor Ivan Fedorov visited the site.\nFedorov said 17 people had been killed.\n"
    assert _events(text, {2: "Fedorov"})[2].attribution.source == "Fedorov"  # the name as written, in no case


def test_the_agency_a_dateline_credits_is_no_one_a_pronoun_stands_for():
    text = ('VALENCE, 3 novembre (Reuters) - Les inondations ont fait 14 morts, a annoncé le président de la région, '
            'Carlos Mazón.\n'
            '"Les secours ont atteint tous les villages", a-t-il ajouté.\n'
            '"Nous ne pouvons pas exclure d\'autres victimes", a-t-il poursuivi.\n')
    events = _events(text, {1: "le président de la région, Carlos Mazón", 2: "Reuters", 3: "Reuters"}, "fr")
    assert all("Reuters" not in events[i].attribution.source for i in (2, 3))


@pytest.mark.parametrize(("text", "language", "expected"), [
    ("The storm killed 12 people, destroyed 300 homes and left many without power.", "en", {"dead": {12.0}}),
    ("Погибли 12 человек, вода повредила около 300 жилых домов.", "ru", {"dead": {12.0}}),
    ("Das Unwetter hat 12 Menschen getötet, der Sturm beschädigte rund 300 Häuser.", "de", {"dead": {12.0}}),
    # a figure with no noun of its own still counts what its sentence names before it
    ("The death toll, which was 40 on Monday, has risen to about 11,300.", "en", {"dead": {40.0, 11300.0}}),
])
def test_a_figure_with_a_noun_of_its_own_in_its_own_clause_counts_no_dead(text, language, expected):
    from summarizer.contests import quantities
    from summarizer.language import lexicon

    assert quantities(text, lexicon(language), language) == expected


def test_an_official_of_a_party_named_before_is_that_party():
    from summarizer.contests import one_party
    from summarizer.language import lexicon

    de = lexicon("de")
    assert one_party("Das Gesundheitsministerium", "ein hochrangiger Beamter des Ministeriums", de)
    assert one_party("ein hochrangiger Beamter des Ministeriums", "Das Gesundheitsministerium", de)
    assert not one_party("Das Gesundheitsministerium", "Ein Ärzteverband", de)
